#pragma once

#include "providers/waitmachinesreadytask.h"
#include "providers/waitsshreadytask.h"
#include "spec/clusterspec.h"

#include <QStringList>

namespace SparkDeck {

class MachineProvider;
class ResourceJournal;
class SshSessionPool;
class TaskGroup;

/// How `up` asks a provider for machines.
struct MachineCreationOptions
{
    QString sshPublicKey;  ///< the user's OpenSSH public key line
    QString sshSourceCidr; ///< port 22 is opened to this only
    /// Each machine created, waited for and reached before the next one is asked for: the
    /// benchmark's baseline. Default: one batched create, then all polled together.
    bool oneAtATime = false;
    WaitMachinesReadyTask::PollPolicy poll;
    WaitSshReadyTask::RetryPolicy ssh;
    int lookupIntervalMs = 5000; ///< between lookups of a crashed run's unanswered creates
};

/// The task graphs that make and unmake a cluster's machines with any provider: create (with
/// cloud-init user-data per machine), wait until the provider says running, wait until SSH
/// works; and delete everything journaled, then sweep by tag.
class MachineGraphs
{
public:
    /// "<cluster>-1" (the master's) to "<cluster>-<workers + 1>": one machine per worker and
    /// one for the master.
    static QStringList machineNames(const ClusterSpec &spec);

    /// Fails when the user-data cannot be rendered (a bad public key).
    static Result<TaskGroup *> create(const ClusterSpec &spec, MachineProvider *provider,
                                      ResourceJournal *journal, SshSessionPool *pool,
                                      const MachineCreationOptions &options);
    static TaskGroup *destroy(const ClusterSpec &spec, MachineProvider *provider,
                              ResourceJournal *journal);
};

} // namespace SparkDeck
