#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli up FILE`: brings the cluster up, or resumes and verifies it; for a provider
/// that creates machines, creates them first (or finds them after a crash).
class UpCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("up"); }
    QString summary() const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;

protected:
    bool machinesRequired() const override { return false; }
};

} // namespace SparkDeck::Cli
