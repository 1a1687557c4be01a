#pragma once

#include "providers/machinegraphs.h"
#include "providers/resourcejournal.h"
#include "monitor/workermodel.h"
#include "provisioning/clustermachines.h"
#include "provisioning/clusterstatefile.h"
#include "provisioning/operationrunner.h"
#include "provisioning/runjournal.h"
#include "provisioning/standalonerecipe.h"
#include "provisioning/swarmrecipe.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QObject>

#include <memory>

namespace SparkDeck {

class MachineProvider;
class SshSessionPool;

/// The operations a person runs on one cluster (up, scale, down), for the CLI and the desktop
/// app alike. Owns the cluster's machines (one SSH connection per host, from the pool), its
/// run journal and its state file; builds each operation's task graph; and records the new
/// worker count when an operation ends well. Each operation is an OperationRunner, not yet
/// started, owned by this object.
class ClusterOperations : public QObject
{
    Q_OBJECT
public:
    ClusterOperations(const ClusterSpec &spec, const QString &stateDirectory, SshSessionPool *pool,
                      QObject *parent = nullptr);

    /// Opens the machines and the journals; says what is wrong when they cannot be used.
    /// `requireMachines` false: a provider that creates machines may have none yet (up, down).
    Status open(bool requireMachines = true);

    const ClusterSpec &spec() const { return m_spec; }
    QString stateDirectory() const { return m_stateDirectory; }
    ClusterMachines &machines() const { return *m_machines; }
    RunJournal &journal() const { return *m_journal; }
    /// What the provider created (providers that create machines; empty otherwise).
    ResourceJournal &resources() const { return *m_resources; }
    bool hasMachines() const { return m_machines && m_machines->isValid(); }

    /// Creates the cluster's machines with `provider` (or finds them after a crash), waits until
    /// SSH works on each, then opens them for the operations below. Starts the cost guard's
    /// lease the first time (machines.expires_after).
    Result<OperationRunner *> createMachines(MachineProvider *provider, const MachineCreationOptions &options);
    /// Deletes every machine and resource `provider` made for the cluster, then sweeps its tag.
    Result<OperationRunner *> destroyMachines(MachineProvider *provider);

    /// The workers the cluster was last brought to (the file's count before the first run).
    int currentWorkerCount() const;
    /// True once Spark was brought up (or tried to be) and not taken down since, as the
    /// journal's last run says: after "machines" Spark is not started yet; a "down" or
    /// "destroy" that succeeded leaves nothing running.
    bool sparkIsUp() const;
    /// The journal's last run took the cluster down ("down" or "destroy"), finished or not.
    bool lastRunTearsDown() const;
    /// How many workers the machines can hold.
    int maxWorkers() const;
    /// Where the dashboard shows each worker: the slots' machines, or for swarm places Docker
    /// chooses (any running worker).
    QList<WorkerPlace> workerPlaces() const;
    /// spark.deploy: swarm (the same operations, on Docker swarm).
    bool isSwarm() const { return m_spec.spark.deploy == DeployMode::Swarm; }

    Result<OperationRunner *> up();
    Result<OperationRunner *> scale(int workers);
    /// `deleteData`: also delete the shared folder's contents (kept by default).
    Result<OperationRunner *> down(bool deleteData = false);

private:
    StandaloneRecipe recipe(const std::shared_ptr<RunContext> &context) const;
    SwarmRecipe swarmRecipe(const std::shared_ptr<RunContext> &context) const;
    OperationRunner *runner(const QString &operation, TaskGroup *graph,
                            const std::shared_ptr<RunContext> &context, int workersAfter);
    void openMachines();
    /// Forgets the host keys of deleted machines in machines.ssh.known_hosts.
    Status forgetHostKeys(const QStringList &addresses) const;

    ClusterSpec m_spec;
    QString m_stateDirectory;
    SshSessionPool *m_pool;
    std::unique_ptr<ClusterMachines> m_machines;
    std::unique_ptr<RunJournal> m_journal;
    std::unique_ptr<ResourceJournal> m_resources;
    ClusterStateFile m_state;
};

} // namespace SparkDeck
