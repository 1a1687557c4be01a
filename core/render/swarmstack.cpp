#include "swarmstack.h"

#include <yaml-cpp/yaml.h>

namespace SparkDeck {

namespace {

// Keys of the stack file that name the stack's own parts (Docker prefixes them with the stack).
constexpr const char *kNetworkKey = "cluster";
constexpr const char *kSecretKey = "spark-auth";
constexpr const char *kVolumeKey = "shared";
// Where the secret appears in the container: /run/secrets/<target>.
constexpr const char *kSecretTarget = "spark-authenticate-secret";
// The uid and gid of the `spark` user in the official image.
constexpr const char *kSparkUid = "185";
// The worker daemon's own heap (SPARK_DAEMON_MEMORY), and the container's allowance on top of
// what the worker offers executors (--memory): that heap, the daemon's and the executors'
// non-heap memory (Spark on Kubernetes reserves 10%, at least 384 MiB, per executor).
constexpr qint64 kWorkerDaemonMebibytes = 512;
constexpr qint64 kWorkerOverheadMebibytes = 1024;
/// How long a stopped worker may hand its executors over after decommissioning.
constexpr int kWorkerStopGraceSeconds = 10;

// The container's entrypoint: writes spark-defaults.conf (mode 0600, in a fresh private
// directory) from the non-secret properties in $SPARKDECK_SPARK_DEFAULTS and the Docker secret,
// then runs the daemon with SPARK_CONF_DIR pointing there. The secret never appears in the stack
// file, in an environment value or on a command line: printf is a shell builtin.
QString launchScript()
{
    const QString secretKey = SparkConfigRenderer::secretProperty(QString()).trimmed();
    return QStringLiteral("set -eu\n"
                          "umask 077\n"
                          "conf=$(mktemp -d)\n"
                          "{ printf '%s' \"$SPARKDECK_SPARK_DEFAULTS\"\n"
                          "  printf '%s %s\\n' '%1' \"$(cat /run/secrets/%2)\"\n"
                          "} > \"$conf/spark-defaults.conf\"\n"
                          "unset SPARKDECK_SPARK_DEFAULTS\n"
                          "export SPARK_CONF_DIR=\"$conf\"\n"
                          "exec \"$@\"\n")
        .arg(secretKey, QLatin1String(kSecretTarget));
}

// Compose interpolates $VAR and ${VAR} in every string value; $$ is a literal dollar.
std::string text(const QString &value)
{
    QString escaped = value;
    return escaped.replace(QLatin1Char('$'), QLatin1String("$$")).toStdString();
}

// A string yaml-cpp would otherwise write plain although YAML reads it as a number or a time
// ("3.8", "22:22"): always double-quoted.
YAML::Emitter &quoted(YAML::Emitter &out, const QString &value)
{
    return out << YAML::DoubleQuoted << text(value);
}

void emitList(YAML::Emitter &out, const QStringList &values)
{
    out << YAML::BeginSeq;
    for (const QString &value : values)
        quoted(out, value);
    out << YAML::EndSeq;
}

void emitCommonParts(YAML::Emitter &out, const SwarmStack &stack, const QStringList &command,
                     const QString &daemonMemory = QString())
{
    out << YAML::Key << "image";
    quoted(out, stack.image);
    out << YAML::Key << "entrypoint" << YAML::Value << YAML::BeginSeq;
    quoted(out, QStringLiteral("/bin/sh"));
    quoted(out, QStringLiteral("-c"));
    out << YAML::Literal << text(launchScript());
    quoted(out, QStringLiteral("sparkdeck-launch")); // $0 of the script; the command follows
    out << YAML::EndSeq;
    out << YAML::Key << "command";
    emitList(out, command);

    out << YAML::Key << "environment" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "SPARKDECK_SPARK_DEFAULTS" << YAML::Value << YAML::Literal
        << text(
               SparkConfigRenderer::sparkDefaultsWithoutSecret(stack.stackName, stack.masterUrl()));
    if (!daemonMemory.isEmpty()) {
        out << YAML::Key << "SPARK_DAEMON_MEMORY";
        quoted(out, daemonMemory);
    }
    out << YAML::EndMap;

    out << YAML::Key << "secrets" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    out << YAML::Key << "source" << YAML::Value << kSecretKey;
    out << YAML::Key << "target" << YAML::Value << kSecretTarget;
    out << YAML::Key << "uid" << YAML::Value << YAML::DoubleQuoted << kSparkUid;
    out << YAML::Key << "gid" << YAML::Value << YAML::DoubleQuoted << kSparkUid;
    out << YAML::Key << "mode" << YAML::Value << 0400 << YAML::Comment("0400");
    out << YAML::EndMap << YAML::EndSeq;

    if (stack.sharedFolder) {
        out << YAML::Key << "volumes" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
        out << YAML::Key << "type" << YAML::Value << "volume";
        out << YAML::Key << "source" << YAML::Value << kVolumeKey;
        out << YAML::Key << "target";
        quoted(out, stack.sharedFolder->mountPath);
        out << YAML::EndMap << YAML::EndSeq;
    }
}

void emitNetworks(YAML::Emitter &out, const QStringList &aliases)
{
    out << YAML::Key << "networks" << YAML::Value;
    if (aliases.isEmpty()) {
        out << YAML::BeginSeq << kNetworkKey << YAML::EndSeq;
        return;
    }
    out << YAML::BeginMap << YAML::Key << kNetworkKey << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "aliases";
    emitList(out, aliases);
    out << YAML::EndMap << YAML::EndMap;
}

void emitPublishedPort(YAML::Emitter &out, int port)
{
    // mode: host, because the ingress routing mesh needs IPVS and cannot carry dnsrr services.
    out << YAML::BeginMap;
    out << YAML::Key << "target" << YAML::Value << port;
    out << YAML::Key << "published" << YAML::Value << port;
    out << YAML::Key << "protocol" << YAML::Value << "tcp";
    out << YAML::Key << "mode" << YAML::Value << "host";
    out << YAML::EndMap;
}

void emitMaster(YAML::Emitter &out, const SwarmStack &stack)
{
    out << YAML::Key << "master" << YAML::Value << YAML::BeginMap;
    emitCommonParts(out, stack,
                    {QLatin1String(SwarmStack::kSparkHome) + QStringLiteral("/bin/spark-class"),
                     QStringLiteral("org.apache.spark.deploy.master.Master"),
                     QStringLiteral("--host"), QLatin1String(SwarmStack::kMasterAlias),
                     QStringLiteral("--port"), QString::number(stack.masterPort),
                     QStringLiteral("--webui-port"), QString::number(stack.masterWebUiPort)});
    emitNetworks(out, {QLatin1String(SwarmStack::kMasterAlias)});
    out << YAML::Key << "ports" << YAML::Value << YAML::BeginSeq;
    emitPublishedPort(out, stack.masterPort);
    emitPublishedPort(out, stack.masterWebUiPort);
    out << YAML::EndSeq;

    out << YAML::Key << "deploy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "mode" << YAML::Value << "replicated";
    out << YAML::Key << "replicas" << YAML::Value << 1;
    out << YAML::Key << "endpoint_mode" << YAML::Value << "dnsrr";
    out << YAML::Key << "placement" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "constraints";
    emitList(out, {QStringLiteral("node.role == manager")});
    out << YAML::EndMap;
    out << YAML::EndMap;
    out << YAML::EndMap;
}

void emitWorker(YAML::Emitter &out, const SwarmStack &stack)
{
    out << YAML::Key << "worker" << YAML::Value << YAML::BeginMap;
    // --work-dir: the official image's working directory, the one place user spark may write.
    emitCommonParts(
        out, stack,
        {QLatin1String(SwarmStack::kSparkHome) + QStringLiteral("/bin/spark-class"),
         QStringLiteral("org.apache.spark.deploy.worker.Worker"), QStringLiteral("--cores"),
         QString::number(stack.workerCores), QStringLiteral("--memory"),
         stack.workerMemory.toSparkString(), QStringLiteral("--webui-port"),
         QString::number(stack.workerWebUiPort), QStringLiteral("--work-dir"),
         QLatin1String(SwarmStack::kSparkHome) + QStringLiteral("/work-dir"), stack.masterUrl()},
        QStringLiteral("%1m").arg(kWorkerDaemonMebibytes));
    emitNetworks(out, {});
    // Stopped (scale down, stack rm) with SIGPWR, Spark's decommission signal: the master lists
    // a worker that goes as DECOMMISSIONED, not DEAD, and its executors get the grace period to
    // hand over. A decommissioned worker keeps running: Docker kills it when the period ends.
    out << YAML::Key << "stop_signal" << YAML::Value << "SIGPWR";
    out << YAML::Key << "stop_grace_period";
    quoted(out, QStringLiteral("%1s").arg(kWorkerStopGraceSeconds));

    out << YAML::Key << "deploy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "mode" << YAML::Value << "replicated";
    out << YAML::Key << "replicas" << YAML::Value << stack.workers;
    out << YAML::Key << "endpoint_mode" << YAML::Value << "dnsrr";
    out << YAML::Key << "placement" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "preferences" << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
    out << YAML::Key << "spread" << YAML::Value
        << QStringLiteral("node.labels.%1")
               .arg(QLatin1String(SwarmStack::kPlacementLabel))
               .toStdString();
    out << YAML::EndMap << YAML::EndSeq;
    out << YAML::EndMap;
    // What Spark offers executors (--cores, --memory), plus the overhead: an executor using
    // all its memory must not get the whole container killed.
    out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "limits" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "cpus";
    quoted(out, QString::number(stack.workerCores));
    out << YAML::Key << "memory";
    quoted(out,
           QStringLiteral("%1M").arg(stack.workerMemory.mebibytes() + kWorkerOverheadMebibytes));
    out << YAML::EndMap << YAML::EndMap;
    out << YAML::EndMap;
    out << YAML::EndMap;
}

void emitExternal(YAML::Emitter &out, const char *key, const QString &name)
{
    out << YAML::Key << key << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "external" << YAML::Value << true;
    out << YAML::Key << "name";
    quoted(out, name);
    out << YAML::EndMap;
}

void emitSharedVolume(YAML::Emitter &out, const SwarmSharedFolder &folder)
{
    // Docker's local driver mounts the export on whichever node runs the task (kernel NFS client).
    out << YAML::Key << "volumes" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << kVolumeKey << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "driver" << YAML::Value << "local";
    out << YAML::Key << "driver_opts" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "type" << YAML::Value << "nfs";
    out << YAML::Key << "o";
    quoted(out, QStringLiteral("addr=%1,rw,nfsvers=4").arg(folder.server));
    out << YAML::Key << "device";
    quoted(out, QLatin1Char(':') + folder.exportPath);
    out << YAML::EndMap << YAML::EndMap << YAML::EndMap;
}

} // namespace

SwarmStack SwarmStack::forCluster(const ClusterSpec &spec, const QString &masterAddress)
{
    SwarmStack stack;
    stack.stackName = spec.name;
    stack.image = spec.spark.image;
    stack.workers = spec.workers.count;
    stack.workerCores = spec.workers.cores;
    stack.workerMemory = spec.workers.memory;
    stack.networkName = networkNameFor(spec.name);
    stack.secretName = secretNameFor(spec.name);
    if (spec.sharedFolder.enabled) {
        stack.sharedFolder = SwarmSharedFolder{
            spec.sharedFolder.servedByMaster() ? masterAddress : spec.sharedFolder.server,
            spec.sharedFolder.exportPath, spec.sharedFolder.mountPath};
    }
    return stack;
}

QString SwarmStack::networkNameFor(const QString &cluster)
{
    return QStringLiteral("sparkdeck-") + cluster;
}

QString SwarmStack::secretNameFor(const QString &cluster)
{
    return QStringLiteral("sparkdeck-%1-auth").arg(cluster);
}

QString SwarmStack::masterService() const
{
    return stackName + QStringLiteral("_master");
}

QString SwarmStack::workerService() const
{
    return stackName + QStringLiteral("_worker");
}

QString SwarmStack::masterUrl() const
{
    return QStringLiteral("spark://%1:%2").arg(QLatin1String(kMasterAlias)).arg(masterPort);
}

QString renderSwarmStack(const SwarmStack &stack)
{
    YAML::Emitter out;
    out << YAML::Comment("Written by SparkDeck; SparkDeck replaces this file on every 'up'.");
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << YAML::DoubleQuoted << "3.8";
    out << YAML::Key << "services" << YAML::Value << YAML::BeginMap;
    emitMaster(out, stack);
    emitWorker(out, stack);
    out << YAML::EndMap;
    out << YAML::Key << "networks" << YAML::Value << YAML::BeginMap;
    emitExternal(out, kNetworkKey, stack.networkName);
    out << YAML::EndMap;
    out << YAML::Key << "secrets" << YAML::Value << YAML::BeginMap;
    emitExternal(out, kSecretKey, stack.secretName);
    out << YAML::EndMap;
    if (stack.sharedFolder)
        emitSharedVolume(out, *stack.sharedFolder);
    out << YAML::EndMap;
    return QString::fromStdString(out.c_str()) + QLatin1Char('\n');
}

} // namespace SparkDeck
