#include "systemdunit.h"

#include "provisioning/clusterlayout.h"

namespace SparkDeck {

namespace {

/// systemd's own quoting for one word of ExecStart= (a path with spaces, a URL): double quotes,
/// with backslash, quote, dollar and percent escaped so no specifier or variable expands.
QString quoted(const QString &word)
{
    QString escaped = word;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('$'), QLatin1String("$$"));
    escaped.replace(QLatin1Char('%'), QLatin1String("%%"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString unit(const ClusterSpec &spec, const ClusterLayout &layout, const QString &description, const QStringList &command)
{
    QStringList words;
    for (const QString &word : command)
        words << quoted(word);
    return QStringLiteral("# Written by SparkDeck for cluster '%1'; 'sparkdeck-cli down' removes it.\n"
                          "[Unit]\n"
                          "Description=%2\n"
                          "After=network-online.target\n"
                          "Wants=network-online.target\n"
                          "\n"
                          "[Service]\n"
                          "Type=simple\n"
                          "Environment=%3\n"
                          "ExecStart=%4\n"
                          "Restart=on-failure\n"
                          "RestartSec=5\n"
                          "# Spark exits 143 on SIGTERM: a stop, not a failure.\n"
                          "SuccessExitStatus=143\n"
                          "TimeoutStopSec=60\n"
                          "\n"
                          "[Install]\n"
                          "WantedBy=multi-user.target\n")
        .arg(spec.name, description, quoted(QStringLiteral("SPARK_HOME=") + layout.sparkHome()), words.join(QLatin1Char(' ')));
}

} // namespace

SystemdUnit SystemdUnitRenderer::master(const ClusterSpec &spec, const ClusterLayout &layout)
{
    return {QStringLiteral("sparkdeck-%1-master.service").arg(spec.name),
            unit(spec, layout, QStringLiteral("Spark master of SparkDeck cluster %1").arg(spec.name),
                 {layout.sparkHome() + QStringLiteral("/bin/spark-class"), QStringLiteral("org.apache.spark.deploy.master.Master")})};
}

SystemdUnit SystemdUnitRenderer::worker(const ClusterSpec &spec, const ClusterLayout &layout, int instance,
                                        const QString &masterUrl, int webUiPort)
{
    return {QStringLiteral("sparkdeck-%1-worker-%2.service").arg(spec.name).arg(instance),
            unit(spec, layout, QStringLiteral("Spark worker %1 of SparkDeck cluster %2").arg(instance).arg(spec.name),
                 {layout.sparkHome() + QStringLiteral("/bin/spark-class"), QStringLiteral("org.apache.spark.deploy.worker.Worker"),
                  QStringLiteral("--webui-port"), QString::number(webUiPort), masterUrl})};
}

} // namespace SparkDeck
