#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli down FILE`: stops everything SparkDeck started and removes its files; for a
/// provider that creates machines, deletes them and everything else it made for the cluster.
class DownCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("down"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;

protected:
    bool machinesRequired() const override { return false; }
};

} // namespace SparkDeck::Cli
