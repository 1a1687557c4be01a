#pragma once

#include "provisioning/machine.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace SparkDeck {

/// A TCP socket listening on a host, as `ss -ltnp` or /proc/net/tcp shows it.
struct ListeningSocket
{
    QString address;  ///< "0.0.0.0", "::", "*", "127.0.0.1", "10.77.0.11"
    int port = 0;
    qint64 pid = 0;   ///< 0 when unknown (another user's process, or a kernel socket)
    QString program;  ///< ss's process name, e.g. "python3"

    bool isWildcard() const;
    friend bool operator==(const ListeningSocket &a, const ListeningSocket &b)
    {
        return a.address == b.address && a.port == b.port && a.pid == b.pid && a.program == b.program;
    }
};

/// Whether a host reached another one: "ok", "refused", "timeout", "unresolved",
/// "unreachable", "error" or "notool" (neither bash, python3 nor nc to try with).
struct ReachProbe
{
    QString address;
    int port = 0;
    QString result;
    friend bool operator==(const ReachProbe &a, const ReachProbe &b)
    {
        return a.address == b.address && a.port == b.port && a.result == b.result;
    }
};

/// What one host said about itself, before anything was changed on it: a plain value, parsed
/// from the facts script's output by PreflightFacts::parse(). Empty or 0 means "not reported".
struct HostFacts
{
    bool complete = false;     ///< the script ran to its last line
    QString osId, osLike, osVersion, osName, kernel, arch;
    QString packageManager;    ///< apt-get, dnf, yum, zypper, apk or empty
    int cpus = 0;
    qint64 memTotalKiB = 0;
    qint64 memAvailableKiB = 0;
    QString diskPath;          ///< the existing directory nearest to SparkDeck's base (/opt/sparkdeck)
    qint64 diskFreeKiB = -1;
    bool baseWritable = false; ///< the login user can write there without sudo
    qint64 epochMs = 0;        ///< the host's clock when the script started (0: unknown)
    int clockResolutionMs = 1000;
    int uid = -1;
    QString user;
    QString sudo;              ///< "ok", "password" or "missing"; empty for root
    QSet<QString> tools;       ///< commands found on PATH (plus /usr/sbin, /sbin)
    QString javaPath;
    QString javaVersionLine;   ///< first line of `java -version`
    bool aptListsPresent = false;
    QHash<QString, QString> candidates; ///< apt package -> candidate version or "(none)"
    QString hostname;
    QString hostnameResolves;  ///< "yes", "no"; empty when the host cannot tell (no getent)
    QString hostnameAddress;   ///< what the hostname resolves to on the host
    QStringList addresses;     ///< the host's own IP addresses, without prefix lengths
    bool listenersKnown = false;
    QList<ListeningSocket> listening;
    QHash<qint64, QString> commands; ///< pid -> command line, for the listening processes
    QSet<qint64> ownPids;            ///< daemons of this cluster (its pid files): their ports are ours
    QList<ReachProbe> reach;
    QString kernelNfsd;        ///< "yes", "module", "no"; empty when not asked
    QString kernelNfsClient;   ///< the same for the NFS client (nfs4)
    QString ganeshaVfs;        ///< path of nfs-ganesha's VFS FSAL library, if installed
    // Docker, when asked (deploy: swarm).
    QString dockerClient;      ///< path of the docker command; empty when missing
    QString dockerServer;      ///< the engine's version; empty when it did not answer
    QString dockerError;       ///< why the engine did not answer
    QString swarmState;        ///< inactive, active, pending, error, locked
    QString swarmClusterId;    ///< on a manager: the swarm's ID
    QStringList swarmManagers; ///< "10.0.0.1:2377": the managers this node knows
    QString ourSwarmId;        ///< the swarm SparkDeck made for this cluster (on its master)

    bool hasTool(const QString &tool) const { return tools.contains(tool); }
    /// 8 for "1.8.0_381", 17 for "17.0.9", 0 when unknown.
    int javaMajor() const;
    /// The listeners on `port`.
    QList<ListeningSocket> listenersOn(int port) const;
};

/// What the facts script should look at on one host.
struct PreflightProbeOptions
{
    struct Peer
    {
        QString address;
        int port = 22;
    };

    QString base = QStringLiteral("/opt/sparkdeck"); ///< where SparkDeck writes: disk and rights
    QString runDir;           ///< the cluster's pid files: ports its own daemons hold are no conflict
    QList<Peer> peers;        ///< TCP probes from this host (other hosts' SSH ports, the NFS server)
    bool nfsServer = false;   ///< look for a kernel nfsd and nfs-ganesha
    bool nfsClient = false;   ///< look for a kernel NFS client and libnfs tools
    bool docker = false;      ///< look at Docker and the node's swarm (deploy: swarm)
    QString swarmIdFile;      ///< where the master keeps the ID of the swarm SparkDeck made
};

/// The facts script of the preflight check and its parser. The script is POSIX sh, read-only
/// (it changes nothing on the host), runs as the login user, and prints one `key=value` per
/// line; every value from the cluster file reaches it as an argument, never as program text.
/// The parser is pure and forgiving: unknown keys are ignored, missing ones stay empty.
class PreflightFacts
{
public:
    static CommandRequest script(const PreflightProbeOptions &options);
    static HostFacts parse(const QByteArray &output);

    /// "0100007F:1F90" (/proc/net/tcp) or the 32-digit IPv6 form -> address and port.
    static bool decodeProcNetAddress(const QString &hex, QString *address, int *port);
};

} // namespace SparkDeck
