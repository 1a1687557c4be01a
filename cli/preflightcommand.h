#pragma once

#include "clustercommand.h"

namespace SparkDeck::Cli {

/// `sparkdeck-cli preflight FILE [--json] [--problems]`: looks at every host of the cluster
/// before anything is changed (OS, CPUs, memory, disk, ports, reachability, clock, rights,
/// Java, tools, the shared folder's NFS situation) and prints a table of findings, each with
/// its fix. Exit 0 when nothing is an error, 1 otherwise, 2 for a bad cluster file. A
/// VirtualBox cluster's check is of this computer, which runs the VMs: virtualization, memory
/// and disk for them.
class PreflightCommand : public ClusterCommand
{
public:
    QString name() const override { return QStringLiteral("preflight"); }
    QString summary() const override;
    void addOptions(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) override;

protected:
    bool machinesRequired() const override { return spec().machines.provider != Provider::VirtualBox; }
};

} // namespace SparkDeck::Cli
