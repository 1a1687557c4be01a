#pragma once

#include "provisioning/preflightfacts.h"
#include "provisioning/preflightfinding.h"
#include "spec/clusterspec.h"

#include <QList>

namespace SparkDeck {

class Machine;

/// One host's place in the cluster, as far as the preflight check is concerned.
struct PreflightHost
{
    Machine *machine = nullptr;   ///< where the facts script runs; not used by the evaluator
    QString name;                 ///< for the table: "10.77.0.12", "this computer"
    QString address;              ///< the private address daemons bind to
    int sshPort = 22;
    bool local = false;           ///< this computer: no clock skew to measure
    bool master = false;
    QList<int> workerWebUiPorts;  ///< one per worker placed on the host
    bool nfsServer = false;       ///< serves the shared folder to other hosts
    bool sharesCopies = false;    ///< serves Spark (or the image archive) to hosts copying it

    bool runsWorkers() const { return !workerWebUiPorts.isEmpty(); }
};

/// What came back from one host: its facts, or why the script could not run there.
struct PreflightHostReport
{
    PreflightHost host;
    QString connectionError;      ///< empty when the facts script ran
    HostFacts facts;
    qint64 timeReceivedMs = 0;    ///< this computer's clock when the host's time line arrived
};

/// Judges the hosts' facts against what the cluster file asks for: worker size, ports, Java for
/// this Spark version, rights, the shared folder's NFS situation. Pure: the same reports give
/// the same findings; every error and warning carries a fix a person can follow.
class PreflightEvaluator
{
public:
    /// Resource margins (MiB) and clock tolerances (ms) the judgement uses.
    static constexpr qint64 kMasterMemoryMiB = 1024;
    static constexpr qint64 kWorkerDaemonMiB = 512;
    static constexpr qint64 kMinFreeDiskMiB = 1536;
    static constexpr qint64 kLowDiskMiB = 5120;
    static constexpr qint64 kClockWarningMs = 5000;
    static constexpr qint64 kClockErrorMs = 600000;

    static QList<PreflightFinding> evaluate(const ClusterSpec &spec,
                                            const QList<PreflightHostReport> &reports);
};

} // namespace SparkDeck
