#pragma once

#include "clicommand.h"

#include "provisioning/clusteroperations.h"
#include "spec/clusterspec.h"
#include "ssh/sshsessionpool.h"

#include <memory>

namespace SparkDeck {
class OperationRunner;
}

namespace SparkDeck::Cli {

/// A command that works on a running cluster (up, scale, down, status): it reads the cluster
/// file, opens the machines (one SSH connection per host) and the cluster's state folder
/// (`--state DIR`, default the user's data folder), and runs operations with progress on the
/// terminal. Ctrl+C cancels the operation cleanly: every step stops, the journal says so.
class ClusterCommand : public CliCommand
{
public:
    QString argumentSyntax() const override { return QStringLiteral("FILE"); }
    void addOptions(QCommandLineParser &parser) const override;

protected:
    /// False for commands that work on a cluster whose provider has created no machine yet
    /// (up creates them; down, expire and status also work without).
    virtual bool machinesRequired() const { return true; }
    /// Loads the cluster; prints problems and returns false when it cannot be used.
    bool prepare(const QCommandLineParser &parser, QTextStream &err);
    /// Runs an operation to the end, printing each step; returns Success, Failure or BadInput
    /// (when the operation cannot even be built, e.g. more workers than hosts).
    int runOperation(const Result<OperationRunner *> &runner, QTextStream &out, QTextStream &err);
    /// `down`: Spark stopped and removed where machines exist; then, for a provider that
    /// creates machines, every machine and resource of the cluster deleted and its tag swept.
    int tearDown(bool deleteData, QTextStream &out, QTextStream &err);

    const ClusterSpec &spec() const { return m_operations->spec(); }
    QString fileName() const { return m_file; }
    ClusterOperations &operations() const { return *m_operations; }
    ClusterMachines &machines() const { return m_operations->machines(); }

private:
    QString m_file;
    SshSessionPool m_pool;
    std::unique_ptr<ClusterOperations> m_operations;
};

} // namespace SparkDeck::Cli
