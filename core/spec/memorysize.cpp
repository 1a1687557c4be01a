#include "memorysize.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::MemorySize)
};

constexpr qint64 kMebibyte = 1024 * 1024;
constexpr qint64 kLargest = qint64(1) << 50; // 1 PiB: far above any machine, far below overflow
} // namespace

Result<MemorySize> MemorySize::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]+)([kmgtKMGT])[bB]?$"));
    const QString trimmed = text.trimmed();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch()) {
        static const QRegularExpression bareNumber(QStringLiteral("^[0-9]+$"));
        if (bareNumber.match(trimmed).hasMatch())
            return Error{Tr::tr("memory '%1' has no unit; Spark would read it as bytes. "
                                "Write it with a unit, such as %1m").arg(trimmed)};
        return Error{Tr::tr("memory '%1' is not a size; write a whole number and a unit, "
                            "like 512m or 2g").arg(trimmed)};
    }
    const QString digits = match.captured(1);
    if (digits.size() > 15)
        return Error{Tr::tr("memory '%1' is far too large").arg(trimmed)};
    const qint64 number = digits.toLongLong();
    const int shift = QStringLiteral("kmgt").indexOf(match.captured(2).toLower()) * 10 + 10;
    if (number > (kLargest >> shift))
        return Error{Tr::tr("memory '%1' is far too large").arg(trimmed)};
    const qint64 bytes = number << shift;
    if (bytes < kMebibyte)
        return Error{Tr::tr("memory '%1' is below 1 MiB; Spark refuses to start a worker "
                            "that small").arg(trimmed)};
    return MemorySize(bytes);
}

MemorySize MemorySize::fromMebibytes(qint64 mebibytes)
{
    return MemorySize(mebibytes * kMebibyte);
}

QString MemorySize::toSparkString() const
{
    static const char units[] = {'k', 'm', 'g', 't'};
    qint64 value = m_bytes / 1024;
    int unit = 0;
    while (unit < 3 && value % 1024 == 0 && value > 0) {
        value /= 1024;
        ++unit;
    }
    return QString::number(value) + QLatin1Char(units[unit]);
}

} // namespace SparkDeck
