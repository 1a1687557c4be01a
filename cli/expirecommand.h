#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli expire FILE [--watch]`: the cost guard. Tears the cluster down (as `down`
/// does) once its machines.expires_after has passed since its machines were created; before
/// that it says how long is left, or with --watch waits and then tears it down.
class ExpireCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("expire"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;

protected:
    bool machinesRequired() const override { return false; }
};

} // namespace SparkDeck::Cli
