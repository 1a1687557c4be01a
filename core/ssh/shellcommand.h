#pragma once

#include <QString>
#include <QStringList>

namespace SparkDeck {

/// The one place where text becomes a remote shell command line (ARCHITECTURE.md, rule 7).
/// Every argument is quoted for POSIX sh, so quotes, `$()`, backticks, newlines and unicode
/// arrive as literal text. Arguments must not contain NUL, which no shell can carry.
class ShellCommand
{
public:
    explicit ShellCommand(const QString &program, const QStringList &arguments = {});

    ShellCommand &arg(const QString &argument);
    ShellCommand &args(const QStringList &arguments);
    /// Sets an environment variable for this command only: `NAME='value' program ...`.
    ShellCommand &env(const QString &name, const QString &value);

    QString toString() const;

    /// Quotes one word for POSIX sh; plain words stay as they are for readability.
    static QString quote(const QString &word);
    /// Joins commands so that each runs only when the one before succeeded.
    static QString allOf(const QList<ShellCommand> &commands);

private:
    QStringList m_environment;
    QStringList m_words;
};

} // namespace SparkDeck
