#pragma once

#include "spec/leaseduration.h"
#include "spec/memorysize.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SparkDeck {

namespace Limits {
constexpr int kMaxWorkers = 1000;
constexpr int kMaxCoresPerWorker = 1024;
/// Docker service names are at most 63 characters; "<name>_worker" must fit.
constexpr int kMaxNameLength = 40;
} // namespace Limits

/// Where the machines come from.
enum class Provider { Existing, Local, VirtualBox, DigitalOcean, Ec2, Gce, OpenStack };
enum class HostRole { Unassigned, Master, Worker };
/// What to do with a host key that known_hosts does not list. A *changed* key is always refused.
enum class HostKeyPolicy { Strict, AcceptNew, Ask };
enum class DeployMode { Standalone, Swarm };

/// The spelling of each enum value in the cluster file, and back.
QString toString(Provider provider);
QString toString(HostRole role);
QString toString(HostKeyPolicy policy);
QString toString(DeployMode mode);
QStringList providerNames();
QStringList hostKeyPolicyNames();
QStringList deployModeNames();
QStringList hostRoleNames();
std::optional<Provider> providerFromString(const QString &text);
std::optional<HostRole> hostRoleFromString(const QString &text);
std::optional<HostKeyPolicy> hostKeyPolicyFromString(const QString &text);
std::optional<DeployMode> deployModeFromString(const QString &text);

/// One existing machine. Port and user fall back to the cluster's `ssh` section when unset.
struct HostSpec
{
    QString address;
    std::optional<int> port;
    QString user;
    HostRole role = HostRole::Unassigned;

    friend bool operator==(const HostSpec &a, const HostSpec &b)
    {
        return a.address == b.address && a.port == b.port && a.user == b.user && a.role == b.role;
    }
};

/// How SparkDeck reaches machines. Paths only: a key or password never lives here.
struct SshSpec
{
    QString user = QStringLiteral("root");
    int port = 22;
    QString identity = QStringLiteral("~/.ssh/id_ed25519");
    QString knownHosts = QStringLiteral("~/.ssh/known_hosts");
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Ask;

    friend bool operator==(const SshSpec &a, const SshSpec &b)
    {
        return a.user == b.user && a.port == b.port && a.identity == b.identity
               && a.knownHosts == b.knownHosts && a.hostKeyPolicy == b.hostKeyPolicy;
    }
};

struct MachinesSpec
{
    Provider provider = Provider::Local;
    QList<HostSpec> hosts;
    SshSpec ssh;
    /// For providers that create machines, in the API's words ("fra1", "s-2vcpu-4gb",
    /// "debian-12-x64"); empty: the provider's default. VirtualBox's image is a URL or a file.
    QString region;
    QString size;
    QString image;
    /// The cost guard: the cluster is torn down this long after its machines were created.
    std::optional<LeaseDuration> expiresAfter;

    friend bool operator==(const MachinesSpec &a, const MachinesSpec &b)
    {
        return a.provider == b.provider && a.hosts == b.hosts && a.ssh == b.ssh && a.region == b.region
               && a.size == b.size && a.image == b.image && a.expiresAfter == b.expiresAfter;
    }
};

struct SparkSpec
{
    QString version = QStringLiteral("3.5.8");
    DeployMode deploy = DeployMode::Standalone;
    /// An https URL or a local file (uploaded once, then fanned out inside the cluster).
    QString distribution = QStringLiteral(
        "https://archive.apache.org/dist/spark/spark-3.5.8/spark-3.5.8-bin-hadoop3.tgz");
    /// Lowercase hex SHA-512 of the distribution; empty means "fetch <url>.sha512".
    QString sha512;
    QString image = QStringLiteral("apache/spark:3.5.8");
    /// deploy: swarm without a registry: a `docker save` tarball on the user's computer holding
    /// `image`, uploaded once to the master and loaded on every node. Empty: nodes pull `image`.
    QString imageArchive;

    friend bool operator==(const SparkSpec &a, const SparkSpec &b)
    {
        return a.version == b.version && a.deploy == b.deploy && a.distribution == b.distribution
               && a.sha512 == b.sha512 && a.image == b.image && a.imageArchive == b.imageArchive;
    }
};

struct WorkersSpec
{
    int count = 2;
    int cores = 2;
    MemorySize memory = MemorySize::fromMebibytes(2048);

    friend bool operator==(const WorkersSpec &a, const WorkersSpec &b)
    {
        return a.count == b.count && a.cores == b.cores && a.memory == b.memory;
    }
};

struct SharedFolderSpec
{
    bool enabled = true;
    /// "master", or the address of another server.
    QString server = QStringLiteral("master");
    QString exportPath = QStringLiteral("/srv/sparkdeck/share");
    QString mountPath = QStringLiteral("/srv/sparkdeck/share");

    bool servedByMaster() const { return server == QLatin1String("master"); }

    friend bool operator==(const SharedFolderSpec &a, const SharedFolderSpec &b)
    {
        return a.enabled == b.enabled && a.server == b.server && a.exportPath == b.exportPath
               && a.mountPath == b.mountPath;
    }
};

struct JupyterSpec
{
    bool enabled = false;

    friend bool operator==(const JupyterSpec &a, const JupyterSpec &b) { return a.enabled == b.enabled; }
};

/// What the user wants: the content of one cluster file, with defaults for everything omitted.
/// A plain value; ClusterFileLoader reads it, ClusterFileWriter writes it, ClusterSpecValidator
/// says whether it can be built.
struct ClusterSpec
{
    QString name;
    MachinesSpec machines;
    SparkSpec spark;
    WorkersSpec workers;
    SharedFolderSpec sharedFolder;
    JupyterSpec jupyter;

    /// The host that runs the master: the one marked `role: master`, else the first host.
    /// nullopt for providers without listed hosts (local, cloud).
    std::optional<HostSpec> masterHost() const;
    /// The hosts that can run a worker, in the order workers are placed: every other host
    /// first, the master's host last. Standalone mode runs one worker per host.
    QList<HostSpec> workerHosts() const;

    friend bool operator==(const ClusterSpec &a, const ClusterSpec &b)
    {
        return a.name == b.name && a.machines == b.machines && a.spark == b.spark
               && a.workers == b.workers && a.sharedFolder == b.sharedFolder
               && a.jupyter == b.jupyter;
    }
    friend bool operator!=(const ClusterSpec &a, const ClusterSpec &b) { return !(a == b); }
};

} // namespace SparkDeck
