#pragma once

#include <QList>
#include <QString>

namespace SparkDeck {

enum class Severity { Error, Warning };

/// A place in a cluster file, 1-based like a compiler's; line 0 means "the file as a whole".
/// Columns count bytes of the UTF-8 text (as yaml-cpp's marks do), so `é` advances by two.
struct SourceLocation
{
    int line = 0;
    int column = 0;

    bool isKnown() const { return line > 0; }
    friend bool operator==(const SourceLocation &a, const SourceLocation &b)
    {
        return a.line == b.line && a.column == b.column;
    }
};

/// One problem found in a cluster file, printed the way compilers do so that editors and people
/// can jump to it: `FILE:LINE:COLUMN: error: MESSAGE`.
struct Diagnostic
{
    Severity severity = Severity::Error;
    SourceLocation location;
    QString message;

    QString format(const QString &fileName) const;
};

bool hasErrors(const QList<Diagnostic> &diagnostics);

/// Shows user text inside a message safely: control characters escaped, long text shortened,
/// so that a hostile value cannot break the message's line or flood the terminal.
QString displayText(const QString &text);

} // namespace SparkDeck
