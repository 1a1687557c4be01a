#include "shellcommand.h"

#include <QRegularExpression>

namespace SparkDeck {

ShellCommand::ShellCommand(const QString &program, const QStringList &arguments)
{
    m_words << quote(program);
    args(arguments);
}

ShellCommand &ShellCommand::arg(const QString &argument)
{
    m_words << quote(argument);
    return *this;
}

ShellCommand &ShellCommand::args(const QStringList &arguments)
{
    for (const QString &argument : arguments)
        arg(argument);
    return *this;
}

ShellCommand &ShellCommand::env(const QString &name, const QString &value)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    Q_ASSERT_X(validName.match(name).hasMatch(), "ShellCommand::env", "invalid variable name");
    m_environment << name + QLatin1Char('=') + quote(value);
    return *this;
}

QString ShellCommand::toString() const
{
    return (m_environment + m_words).join(QLatin1Char(' '));
}

QString ShellCommand::quote(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+:,./-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ShellCommand::allOf(const QList<ShellCommand> &commands)
{
    QStringList lines;
    for (const ShellCommand &command : commands)
        lines << command.toString();
    return lines.join(QStringLiteral(" && "));
}

} // namespace SparkDeck
