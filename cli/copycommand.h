#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli copy FILE LOCAL REMOTE`: copies a local file or folder to every host of the
/// cluster (or --hosts) in parallel, over the hosts' one SSH connection each, with progress per
/// host; every file is placed atomically and checked on both ends. Exits with the worst result:
/// 0 all copied, 1 a copy failed, 255 a host could not be reached (like ssh), 130 interrupted.
class CopyCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("copy"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE LOCAL REMOTE"); }
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
