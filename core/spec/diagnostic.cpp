#include "diagnostic.h"

#include <algorithm>

namespace SparkDeck {

QString Diagnostic::format(const QString &fileName) const
{
    const QString kind = severity == Severity::Error ? QStringLiteral("error")
                                                     : QStringLiteral("warning");
    const SourceLocation where = location.isKnown() ? location : SourceLocation{1, 1};
    return QStringLiteral("%1:%2:%3: %4: %5")
        .arg(fileName)
        .arg(where.line)
        .arg(where.column)
        .arg(kind, message);
}

bool hasErrors(const QList<Diagnostic> &diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

QString displayText(const QString &text)
{
    constexpr int kLongest = 60;
    QString shown;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n'))
            shown += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            shown += QLatin1String("\\t");
        else if (c == QLatin1Char('\r'))
            shown += QLatin1String("\\r");
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
        if (shown.size() > kLongest)
            return shown.left(kLongest) + QStringLiteral("...");
    }
    return shown;
}

} // namespace SparkDeck
