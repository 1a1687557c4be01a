#pragma once

#include "provisioning/sharedfolderscripts.h"
#include "render/nfsconfig.h"
#include "spec/clusterspec.h"

#include <QPointer>
#include <QStringList>

#include <memory>

namespace SparkDeck {

class Machine;
class Task;
class TaskGroup;

/// Builds the task graphs of a cluster's shared folder: export it from its server, mount it on
/// the workers, check it by writing on one side and reading on the other, and take it down.
/// Like StandaloneRecipe it starts nothing itself; every step checks before it applies, and
/// each carries its machine's name in the "sparkdeck.host" property.
///
/// The server exports with the kernel's NFS server where the kernel has nfsd
/// (nfs-kernel-server, a line in /etc/exports.d), otherwise with nfs-ganesha (userspace,
/// NFSv4 only, its state and pid file in /opt/sparkdeck/<name>/nfs). Either way only the
/// cluster's addresses may mount it, and clients mount `server:<export path>`.
///
/// Failure policy, for the one composing `up`: exportSteps() fails when the folder cannot be
/// served; mountSteps() never fails, so that a worker host starts its workers whatever
/// happens to the folder, and whatever went wrong comes back in TaskOutcome::warnings: a
/// kernel without an NFS client as one plain warning ("10.77.0.12 cannot mount NFS: ...; the
/// folder is still reachable at nfs://... with libnfs tools"), any other failure as the group's
/// summary of its failed step.
class SharedFolderRecipe
{
public:
    enum class ServerKind { Auto, Kernel, Ganesha };

    /// `server`: the cluster machine serving the folder, or nullptr when shared_folder.server
    /// is outside the cluster (then the folder is only mounted and checked). `clients`: the
    /// addresses allowed to mount it.
    SharedFolderRecipe(const ClusterSpec &spec, Machine *server, const QString &serverAddress,
                       const QStringList &clients);
    /// The server from the spec (the master, or the cluster host whose address is
    /// shared_folder.server); every machine's address as a client.
    static SharedFolderRecipe forCluster(const ClusterSpec &spec, Machine *master,
                                         const QList<Machine *> &machines);

    /// Auto (default): the kernel's server where the kernel has nfsd, else nfs-ganesha.
    void setServerKind(ServerKind kind) { m_kind = kind; }
    /// The server's NFS port (2049); another one only for tests beside a running server.
    void setPort(int port);
    /// When the server is outside the cluster, the machine that checks it answers.
    void setProbeMachine(Machine *machine) { m_probeMachine = machine; }

    QString serverAddress() const { return m_paths.serverAddress; }
    QStringList clients() const { return m_clients; }
    /// nfs://server/export/?version=4: what libnfs tools (nfs-ls, nfs-cp) take.
    QString url(const QString &file = QString()) const { return scripts().url(file); }
    QString mountSource() const { return scripts().mountSource(); }
    /// False when no other host needs NFS (one machine, or the local provider).
    bool servesOtherHosts() const;
    SharedFolderScripts scripts() const { return SharedFolderScripts(m_paths); }

    /// On the server: choose the NFS server, install it, create the folder, write the export
    /// limited to clients(), serve it (check() verifies it serves). Stops at the first failure.
    TaskGroup *exportSteps() const;
    /// On a worker: mount the folder at shared_folder.mount (on the server's own host: a bind
    /// mount, or nothing when the paths are the same). When the kernel has no NFS client it
    /// succeeds with a warning that says so and names the libnfs URL that still works.
    Task *mountStep(Machine *worker) const;
    /// On a worker: write a file (through the mount, else through libnfs' nfs-cp) and read it
    /// on the server (or back on the worker when the server is outside the cluster).
    Task *verifyStep(Machine *worker) const;
    /// mountStep() then verifyStep() in a group that tolerates their failures: never fails;
    /// its outcome's warnings say what did not work.
    TaskGroup *mountSteps(Machine *worker) const;
    /// verifyStep() for each worker, in parallel; fails when one fails.
    TaskGroup *verifySteps(const QList<Machine *> &workers) const;
    /// For `down`: unmount on the workers, stop nfs-ganesha (by PID) or remove the export line,
    /// remove the nfs state directory; delete the folder's data only when `deleteData`.
    /// Run it before removing /opt/sparkdeck/<name> (it holds ganesha's pid file).
    TaskGroup *removeSteps(const QList<Machine *> &workers, bool deleteData) const;

private:
    Task *tagged(Task *task, const Machine *machine) const;
    NfsExport share() const;

    ClusterSpec m_spec;
    QPointer<Machine> m_server;
    QPointer<Machine> m_probeMachine;
    QStringList m_clients;
    SharedFolderPaths m_paths;
    ServerKind m_kind = ServerKind::Auto;
};

} // namespace SparkDeck
