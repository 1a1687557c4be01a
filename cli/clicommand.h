#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace SparkDeck::Cli {

/// Exit codes shared by every command: 0 success, 1 the work failed, 2 the input was wrong
/// (usage or an invalid cluster file).
enum ExitCode { Success = 0, Failure = 1, BadInput = 2 };

/// One `sparkdeck-cli <command>`: it declares its options, parses its own arguments and runs.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    /// Positional arguments for the usage line, e.g. "FILE".
    virtual QString argumentSyntax() const = 0;
    virtual void addOptions(QCommandLineParser &parser) const;
    virtual int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) = 0;

    /// Parses `arguments` (argv from the command name on) and runs; handles --help and usage.
    int execute(const QStringList &arguments, QTextStream &out, QTextStream &err);
    QString usageLine() const;
};

} // namespace SparkDeck::Cli
