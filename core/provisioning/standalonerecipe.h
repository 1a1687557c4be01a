#pragma once

#include "provisioning/clusterlayout.h"
#include "provisioning/copytree.h"
#include "provisioning/machine.h"
#include "provisioning/runcontext.h"
#include "provisioning/sharedfolderrecipe.h"
#include "provisioning/sparkscripts.h"
#include "render/systemdunit.h"
#include "provisioning/taskgroup.h"
#include "spec/clusterspec.h"
#include "util/secret.h"

#include <QPointer>

#include <memory>

namespace SparkDeck {

/// Where one worker runs: a machine, Spark's instance number on it (1 on its own host; 1..N
/// when several share a host, as with the local provider) and its web UI port.
struct WorkerSlot
{
    Machine *machine = nullptr;
    int instance = 1;
    int webUiPort = 8081;
};

/// Builds the task graphs of a Spark standalone cluster's operations (up, adding and removing
/// workers, down) from a spec and its machines. It writes no file and starts nothing itself:
/// the graphs it returns do, step by idempotent step.
///
/// Shape of `up`: the distribution's checksum and the cluster secret first; then the master
/// (Java, distribution once from the user's computer or from its URL, unpack, configuration,
/// start, wait for ALIVE; a failure here stops the run); then every worker host in parallel
/// (Java, the distribution from the master over the private network, configuration, start;
/// one host's failure does not stop the others); last, wait until the master lists the
/// workers ALIVE. Each step carries its machine's name in the "host" property.
class StandaloneRecipe
{
public:
    StandaloneRecipe(const ClusterSpec &spec, Machine *master, std::shared_ptr<RunContext> context);

    /// A local .tgz to upload once, instead of spark.distribution's URL.
    void setLocalDistribution(const QString &path) { m_localDistribution = path; }
    /// Every machine of the cluster: the shared folder is exported to their addresses only.
    void setMachines(const QList<Machine *> &machines) { m_machines = machines; }
    /// Seconds a wait for the master may take before it counts as failed.
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }

    /// With `preflight`, that runs first, the local distribution hashed meanwhile.
    TaskGroup *up(const QList<WorkerSlot> &workers, Task *preflight = nullptr) const;
    /// Adds workers to a running cluster; `aliveAfter` is how many should then be ALIVE.
    TaskGroup *addWorkers(const QList<WorkerSlot> &workers, int aliveAfter) const;
    /// Decommissions each worker, waits until the master no longer lists it ALIVE, stops it.
    TaskGroup *removeWorkers(const QList<WorkerSlot> &workers) const;
    /// Stops every worker, Jupyter and the master, unmounts and stops serving the shared folder
    /// (its data deleted only when `deleteData`), then removes the cluster's files.
    TaskGroup *down(const QList<WorkerSlot> &workers, bool deleteData) const;

    static QString hostOf(const QObject *task);

private:
    Task *tagged(Task *task, const Machine *machine) const;
    TaskGroup *sequence(const QString &title, const Machine *machine) const;
    Task *installJava(Machine *machine) const;
    /// Java, the distribution (uploaded or downloaded) and, for workers on other hosts, shared.
    TaskGroup *bringSparkToMaster(bool shareDistribution) const;
    /// Unpacked, configured, started, ALIVE.
    TaskGroup *startMaster() const;
    TaskGroup *prepareWorkerHost(Machine *machine, const std::shared_ptr<CopyTree> &copies) const;
    void addConfiguration(TaskGroup *group, Machine *machine) const;
    Task *startWorker(const WorkerSlot &slot) const;
    /// With `masterStart`, that runs alongside the worker hosts, which wait for it before starting workers.
    TaskGroup *addWorkers(const QList<WorkerSlot> &workers, int aliveAfter, bool stopSharing, TaskGroup *masterStart) const;
    void addPrelude(TaskGroup *run) const;
    Task *learnChecksum() const;
    Task *readOrCreateSecret() const;
    TaskGroup *jupyter() const;
    SharedFolderRecipe sharedFolder() const;
    SparkScripts::MasterWatch masterWatch() const;
    SystemdUnit masterUnit() const;
    QString workerUnit(const WorkerSlot &slot) const;
    Task *shareStep() const;

    ClusterSpec m_spec;
    ClusterLayout m_layout;
    QPointer<Machine> m_master;
    std::shared_ptr<RunContext> m_context;
    QList<Machine *> m_machines;
    QString m_localDistribution;
    int m_waitSeconds = 120;
};

} // namespace SparkDeck
