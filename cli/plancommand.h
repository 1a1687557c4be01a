#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli plan FILE`: prints, host by host, what `up` would do. Changes nothing.
class PlanCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("plan"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE"); }
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
