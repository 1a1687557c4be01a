#pragma once

#include "clicommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli validate FILE...`: prints every problem as FILE:LINE:COLUMN: error: ...
class ValidateCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("validate"); }
    QString summary() const override;
    QString argumentSyntax() const override { return QStringLiteral("FILE..."); }
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
