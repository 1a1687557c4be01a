#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli exec FILE [--hosts a,b] -- CMD...`: runs one command on the cluster's hosts
/// over one SSH connection each, prints every output line prefixed by its host, and exits with
/// the worst exit code (255 for a host that could not be reached, like ssh; 130 after Ctrl+C,
/// which stops the command on every host too).
/// One word after `--` is a shell script (run by `sh -c`); several words are a program and its
/// arguments, passed literally.
class ExecCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("exec"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE -- COMMAND"); }
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
