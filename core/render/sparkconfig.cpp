#include "sparkconfig.h"

#include "ssh/shellcommand.h"
#include "util/networkaddress.h"

namespace SparkDeck {

namespace {

QString header(const QString &cluster)
{
    // Not translated: these files live on remote hosts and are read by Spark and admins.
    return QStringLiteral("# Written by SparkDeck for cluster '%1'. SparkDeck replaces this file "
                          "on every 'up';\n# change the cluster file instead.\n")
        .arg(cluster);
}

QString assignment(const char *name, const QString &value)
{
    return QString::fromLatin1(name) + QLatin1Char('=') + ShellCommand::quote(value) + QLatin1Char('\n');
}

QString property(const char *name, const QString &value)
{
    return QStringLiteral("%1 %2\n").arg(QString::fromLatin1(name), -40).arg(value);
}

} // namespace

QString SparkConfigRenderer::masterUrl(const QString &masterAddress)
{
    return QStringLiteral("spark://") + NetworkAddress::withPort(masterAddress, SparkPorts::kMaster);
}

QString SparkConfigRenderer::sparkEnv(const ClusterSpec &spec, const SparkNode &node)
{
    QString text = header(spec.name);
    text += assignment("SPARK_LOCAL_IP", node.address);
    text += assignment("SPARK_MASTER_HOST", node.masterAddress);
    text += assignment("SPARK_MASTER_PORT", QString::number(SparkPorts::kMaster));
    text += assignment("SPARK_MASTER_WEBUI_PORT", QString::number(SparkPorts::kMasterWebUi));
    // A busy 7077 or 8080 must stop the master with a clear error, not move it to a port the
    // workers and the tunnel do not know (Spark otherwise tries the next 16 ports).
    text += assignment("SPARK_MASTER_OPTS", QStringLiteral("-Dspark.port.maxRetries=0"));
    text += assignment("SPARK_WORKER_CORES", QString::number(spec.workers.cores));
    text += assignment("SPARK_WORKER_MEMORY", spec.workers.memory.toSparkString());
    text += assignment("SPARK_WORKER_WEBUI_PORT", QString::number(SparkPorts::kWorkerWebUi));
    text += assignment("SPARK_WORKER_DIR", node.stateDir + QStringLiteral("/work"));
    text += assignment("SPARK_PID_DIR", node.stateDir + QStringLiteral("/run"));
    text += assignment("SPARK_LOG_DIR", node.stateDir + QStringLiteral("/logs"));
    return text;
}

QString SparkConfigRenderer::sparkDefaults(const ClusterSpec &spec, const SparkNode &node,
                                           const Secret &authenticationSecret)
{
    return sparkDefaultsWithoutSecret(spec.name, masterUrl(node.masterAddress))
           + secretProperty(authenticationSecret.reveal());
}

QString SparkConfigRenderer::sparkDefaultsWithoutSecret(const QString &cluster,
                                                        const QString &masterUrl)
{
    QString text = header(cluster);
    text += property("spark.master", masterUrl);
    text += property("spark.authenticate", QStringLiteral("true"));
    text += property("spark.master.rest.enabled", QStringLiteral("false"));
    text += property("spark.ui.reverseProxy", QStringLiteral("true"));
    text += property("spark.decommission.enabled", QStringLiteral("true"));
    text += property("spark.storage.decommission.enabled", QStringLiteral("true"));
    text += property("spark.worker.cleanup.enabled", QStringLiteral("true"));
    return text;
}

QString SparkConfigRenderer::secretProperty(const QString &secretText)
{
    return property("spark.authenticate.secret", secretText);
}

} // namespace SparkDeck
