#pragma once

#include "provisioning/clusterlayout.h"
#include "provisioning/copytree.h"
#include "provisioning/machine.h"
#include "render/systemdunit.h"

#include <QString>

namespace SparkDeck {

/// The shell scripts of a Spark standalone cluster's steps, as pairs of check and apply.
/// Pure functions: every value from the user goes through ShellCommand; the fixed parts are
/// POSIX sh. Each check exits 0 when the world already holds and 1 when it does not.
class SparkScripts
{
public:
    /// Where a start looks to see the daemon running: the master's web UI, for so long.
    struct MasterWatch
    {
        QString address;
        int webUiPort = 0;
        int seconds = 120;
    };

    explicit SparkScripts(const ClusterLayout &layout) : m_layout(layout) {}

    // Java runtime, through the host's package manager.
    static CommandRequest javaPresent();
    static CommandRequest installJava();

    // Files cached by checksum on each host (the distribution, an image archive).
    static CommandRequest fileCached(const QString &path, const QString &sha512);
    /// On a worker node: a file (the image archive) copied from inside the cluster like the
    /// distribution (fetchAndUnpack), kept as `target` only when its SHA-512 matches.
    static CommandRequest fetchFile(const CopyRoute &route, const QString &sha512, const QString &target);
    CommandRequest distributionCached(const QString &sha512) const;
    CommandRequest downloadDistribution(const QString &url, const QString &sha512) const;
    /// On the master: serves the cached distribution to the workers over the private network
    /// (one copy leaves the user's computer, whatever the worker count).
    CommandRequest shareDistribution(const QString &sha512, const QString &address, int port) const;
    CommandRequest sharingDistribution() const;
    CommandRequest notSharingDistribution() const;
    CommandRequest stopSharingDistribution() const;
    /// On a worker host: a copy from inside the cluster, unpacked as it arrives and passed on to
    /// other hosts meanwhile, used only when its SHA-512 matches (a worker keeps the tree, not
    /// the archive).
    CommandRequest fetchAndUnpack(const CopyRoute &route, const QString &sha512) const;
    CommandRequest unpacked(const QString &sha512) const;
    /// The cached archive into SPARK_HOME.
    CommandRequest unpack(const QString &sha512) const;

    // Files with exact content, written atomically with a mode.
    static CommandRequest fileHasContent(const QString &path, const QByteArray &content);
    static CommandRequest writeFile(const QString &path, const QByteArray &content, int mode);

    // Daemons: systemd units where systemd is the init system (restarted on failure, started
    // at boot), otherwise Spark's own sbin/spark-daemon.sh (pid files, logs, refusing doubles),
    // done as soon as the master's view shows the daemon: the master ALIVE, a worker listed.
    CommandRequest masterRunning(const QString &unit) const;
    CommandRequest startMaster(const SystemdUnit &unit, const MasterWatch &watch) const;
    CommandRequest stopMaster(const QString &unit) const;
    CommandRequest workerRunning(int instance, const QString &unit) const;
    CommandRequest startWorker(int instance, const QString &address, int webUiPort, const MasterWatch &watch,
                               const SystemdUnit &unit) const;
    CommandRequest decommissionWorker(int instance, const QString &unit) const;
    CommandRequest stopWorker(int instance, const QString &unit) const;
    /// Run on the master (python3): waits until its own /json/ says the master is ALIVE...
    static CommandRequest waitForMasterAlive(const QString &address, int webUiPort, int seconds);
    /// ...or lists at least `count` ALIVE workers...
    static CommandRequest waitForAliveWorkers(const QString &address, int webUiPort, int count, int seconds);
    /// ...or exactly `count` (after workers were taken away without a decommission)...
    static CommandRequest waitForExactlyAliveWorkers(const QString &address, int webUiPort, int count, int seconds);
    /// ...or no longer lists the worker at host:webUiPort as ALIVE (DECOMMISSIONED, DEAD or gone).
    static CommandRequest waitForWorkerGone(const QString &address, int webUiPort,
                                            const QString &workerHost, int workerWebUiPort, int seconds);

    /// The secret every daemon of the cluster shares, as the master's spark-defaults.conf holds
    /// it (empty output when there is none yet).
    CommandRequest readAuthenticationSecret() const;

    // Jupyter on the master: bound to the private address, logged in with a token that is
    // never on a command line (it goes through standard input and a 0600 file).
    static CommandRequest jupyterPresent();
    static CommandRequest installJupyter();
    QString jupyterTokenFile() const;
    CommandRequest readJupyterToken() const;
    CommandRequest jupyterRunning() const;
    CommandRequest startJupyter(const QString &address, int port, const QString &masterUrl) const;
    CommandRequest stopJupyter() const;
    static CommandRequest waitForJupyter(const QString &address, int port, int seconds);

    /// Everything of the cluster on a host, the shared folder excepted.
    CommandRequest removeClusterFiles() const;

private:
    QString sparkDaemon() const;
    QString unlessUninstalled(const QString &script) const;
    QString stopDaemon(const char *className, int instance) const;
    QString installUnpacked(const QString &sha512) const;
    static QString copyInCluster(const CopyRoute &route, const QString &sha512, const char *sink, const QString &dest);
    QString startUntilListed(const QStringList &daemonArguments, const MasterWatch &watch, const QString &what,
                             const QString &argument) const;

    ClusterLayout m_layout;
};

} // namespace SparkDeck
