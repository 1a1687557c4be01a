#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli down FILE`: stops everything SparkDeck started and removes its files.
class DownCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("down"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;
};

} // namespace SparkDeck::Cli
