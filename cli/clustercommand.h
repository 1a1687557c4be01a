#pragma once

#include "clicommand.h"

#include "provisioning/clustermachines.h"
#include "provisioning/runjournal.h"
#include "provisioning/standalonerecipe.h"
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
    /// Loads the cluster; prints problems and returns false when it cannot be used.
    bool prepare(const QCommandLineParser &parser, QTextStream &err);
    /// Runs to the end, printing each step; returns Success or Failure.
    int runOperation(OperationRunner &runner, QTextStream &out, QTextStream &err);

    /// The recipe of this cluster's operations, with its distribution (URL or local file).
    StandaloneRecipe recipe(const std::shared_ptr<RunContext> &context) const;

    const ClusterSpec &spec() const { return m_spec; }
    QString fileName() const { return m_file; }
    QString stateDirectory() const { return m_stateDirectory; }
    ClusterMachines &machines() const { return *m_machines; }
    RunJournal &journal() const { return *m_journal; }
    SshSessionPool &pool() { return m_pool; }

private:
    QString m_file;
    ClusterSpec m_spec;
    QString m_stateDirectory;
    SshSessionPool m_pool;
    std::unique_ptr<ClusterMachines> m_machines;
    std::unique_ptr<RunJournal> m_journal;
};

} // namespace SparkDeck::Cli
