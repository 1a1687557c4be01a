#pragma once

#include "clustercommand.h"
#include "monitor/swarmservices.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli status FILE [--json]`: the master and its workers as the master reports them
/// on /json/, read through an SSH tunnel (the web UI stays on the master's private address); for
/// deploy: swarm, also the stack's services and replicas as `docker service ls` shows them; for
/// a provider's machines, first their running cost and the time left before they expire.
class StatusCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;

protected:
    bool machinesRequired() const override { return false; }

private:
    /// `docker service ls` of the stack, on the master (deploy: swarm).
    QList<SwarmService> readServices(QTextStream &err) const;
};

} // namespace SparkDeck::Cli
