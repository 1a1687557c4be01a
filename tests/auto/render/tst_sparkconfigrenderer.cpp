// The files Spark reads on each host: bound to the private address, sizes with units, values
// shell-quoted, authentication on with the secret inline, reverse proxy and decommission on,
// REST submission off.
#include "render/sparkconfig.h"

#include <QProcess>
#include <QtTest>

using namespace SparkDeck;

namespace {
ClusterSpec demo()
{
    ClusterSpec spec;
    spec.name = QStringLiteral("demo");
    spec.workers.cores = 3;
    spec.workers.memory = MemorySize::fromMebibytes(1536);
    return spec;
}
SparkNode worker()
{
    return {QStringLiteral("10.77.0.12"), QStringLiteral("10.77.0.11"),
            QStringLiteral("/opt/sparkdeck/demo/spark-3.5.8"), QStringLiteral("/opt/sparkdeck/demo")};
}
} // namespace

class tst_SparkConfigRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sparkEnvBindsToThePrivateAddress();
    void sparkEnvSurvivesHostilePathsWhenSourcedByBash();
    void sparkDefaultsTurnsOnWhatAClusterNeeds();
    void masterUrlBracketsIpv6();
};

void tst_SparkConfigRenderer::sparkEnvBindsToThePrivateAddress()
{
    const QString env = SparkConfigRenderer::sparkEnv(demo(), worker());
    QVERIFY(env.startsWith(QStringLiteral("# Written by SparkDeck for cluster 'demo'.")));
    const QStringList lines = env.split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("SPARK_LOCAL_IP=10.77.0.12")));
    QVERIFY(lines.contains(QStringLiteral("SPARK_MASTER_HOST=10.77.0.11")));
    QVERIFY(lines.contains(QStringLiteral("SPARK_MASTER_PORT=7077")));
    QVERIFY(lines.contains(QStringLiteral("SPARK_WORKER_CORES=3")));
    QVERIFY(lines.contains(QStringLiteral("SPARK_WORKER_MEMORY=1536m"))); // never a bare number
    QVERIFY(lines.contains(QStringLiteral("SPARK_PID_DIR=/opt/sparkdeck/demo/run")));
    QVERIFY(lines.contains(QStringLiteral("SPARK_LOG_DIR=/opt/sparkdeck/demo/logs")));
}

void tst_SparkConfigRenderer::sparkEnvSurvivesHostilePathsWhenSourcedByBash()
{
    SparkNode node = worker();
    node.stateDir = QStringLiteral("/opt/it's $(touch /tmp/pwned) `id`");
    const QString env = SparkConfigRenderer::sparkEnv(demo(), node);
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("set -a; source /dev/stdin; printf %s \"$SPARK_PID_DIR\"")});
    bash.write(env.toUtf8());
    bash.closeWriteChannel();
    QVERIFY(bash.waitForFinished());
    QCOMPARE(QString::fromUtf8(bash.readAllStandardOutput()), node.stateDir + QStringLiteral("/run"));
}

void tst_SparkConfigRenderer::sparkDefaultsTurnsOnWhatAClusterNeeds()
{
    const Secret secret(QStringLiteral("0123456789abcdef"));
    const QString defaults = SparkConfigRenderer::sparkDefaults(demo(), worker(), secret);
    QHash<QString, QString> properties;
    for (const QString &line : defaults.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QCOMPARE(parts.size(), 2);
        properties.insert(parts.at(0), parts.at(1));
    }
    QCOMPARE(properties.value("spark.master"), QStringLiteral("spark://10.77.0.11:7077"));
    QCOMPARE(properties.value("spark.authenticate"), QStringLiteral("true"));
    QCOMPARE(properties.value("spark.authenticate.secret"), secret.reveal());
    QVERIFY(!properties.contains("spark.authenticate.secret.file")); // standalone daemons ignore it
    QCOMPARE(properties.value("spark.master.rest.enabled"), QStringLiteral("false"));
    QCOMPARE(properties.value("spark.ui.reverseProxy"), QStringLiteral("true"));
    QCOMPARE(properties.value("spark.decommission.enabled"), QStringLiteral("true"));
}

void tst_SparkConfigRenderer::masterUrlBracketsIpv6()
{
    QCOMPARE(SparkConfigRenderer::masterUrl(QStringLiteral("fd00::11")), QStringLiteral("spark://[fd00::11]:7077"));
    QCOMPARE(SparkConfigRenderer::masterUrl(QStringLiteral("10.0.0.1")), QStringLiteral("spark://10.0.0.1:7077"));
}

QTEST_GUILESS_MAIN(tst_SparkConfigRenderer)
#include "tst_sparkconfigrenderer.moc"
