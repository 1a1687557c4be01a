#pragma once

#include "provisioning/clusterlayout.h"
#include "provisioning/machine.h"
#include "provisioning/sharedfolderrecipe.h"
#include "provisioning/standalonerecipe.h"
#include "provisioning/swarmscripts.h"
#include "provisioning/taskgroup.h"
#include "render/swarmstack.h"
#include "spec/clusterspec.h"

#include <QPointer>

#include <memory>

namespace SparkDeck {

/// Builds the task graphs of a Spark cluster on Docker swarm (spark.deploy: swarm): up, scale
/// and down, from a spec and its machines. Like StandaloneRecipe it writes and starts nothing
/// itself; the graphs do, step by idempotent step, each tagged with its machine.
///
/// Shape of `up`: Docker on every host (from the host's packages when missing); the swarm
/// created on the master, advertising its private address (a node already in another swarm
/// is an error, never taken over); every other host joined with the worker token (read from
/// the master, sent on standard input, never logged); node labels for placement; the
/// attachable overlay network and the authentication secret as a Docker secret; the image on
/// every node, pulled from its registry or loaded from an archive that leaves this computer
/// once (to the master, which serves it to the workers over the private network); the
/// rendered stack deployed from the master; then the wait until every service runs all its
/// replicas and the master lists the workers ALIVE.
class SwarmRecipe
{
public:
    SwarmRecipe(const ClusterSpec &spec, Machine *master, std::shared_ptr<RunContext> context);

    /// Every machine of the cluster, the master included: the swarm's nodes.
    void setMachines(const QList<Machine *> &machines) { m_machines = machines; }
    /// A `docker save` archive on this computer to load on every node instead of pulling.
    void setImageArchive(const QString &path) { m_imageArchive = path; }
    void setWaitSeconds(int seconds) { m_waitSeconds = seconds; }

    TaskGroup *up(int workers) const;
    /// `docker service scale`, then the wait until exactly `workers` are ALIVE at the master.
    TaskGroup *scale(int workers) const;
    /// Removes the stack and waits until its containers are gone, then the network, the
    /// secret, the stack's volumes and the shared folder's export (its data only when
    /// `deleteData`); every node leaves the swarm SparkDeck made; the cluster's files go.
    TaskGroup *down(bool deleteData) const;

    /// The stack for `workers` replicas, as deployed.
    SwarmStack stack(int workers) const;

private:
    Task *tagged(Task *task, const Machine *machine) const;
    QList<Machine *> workerMachines() const;
    TaskGroup *onEveryMachine(const QString &title, const QList<Machine *> &machines,
                              const std::function<Task *(Machine *)> &step,
                              TaskGroup::FailurePolicy policy
                              = TaskGroup::FailurePolicy::StopOnError) const;
    TaskGroup *swarm() const;
    TaskGroup *image() const;
    TaskGroup *imageFromArchive() const;
    /// Every replica running, then exactly `workers` ALIVE at the master.
    void addWaitsForWorkers(TaskGroup *run, const SwarmScripts &scripts, int workers) const;
    SharedFolderRecipe sharedFolder() const;

    ClusterSpec m_spec;
    ClusterLayout m_layout;
    QPointer<Machine> m_master;
    std::shared_ptr<RunContext> m_context;
    QList<Machine *> m_machines;
    QString m_imageArchive;
    int m_waitSeconds = 180;
};

} // namespace SparkDeck
