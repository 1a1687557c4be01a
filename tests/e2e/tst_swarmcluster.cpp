// A Spark cluster on Docker swarm through sparkdeck-cli: 3 lab hosts, each with its own dockerd
// (CTest fixture docker_lab), the image loaded from a `docker save` archive that leaves this
// computer once; up with 2 workers, scale 2 -> 4 -> 1, down, and nothing of the cluster left
// on any host: no service, container, network, secret, swarm membership, process or file.
#include "clirunner.h"
#include "labhosts.h"
#include "processes.h"
#include "swarmimage.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using SparkDeck::Test::CliRun;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

class tst_SwarmCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void aHostInAnotherSwarmStopsUpAndDownLeavesThatSwarmAlone();
    void upDeploysTheStackAndTwoWorkersRegister();
    void statusShowsTheServicesBesideTheSparkView();
    void scaleChangesTheReplicasAndTheAliveWorkers_data();
    void scaleChangesTheReplicasAndTheAliveWorkers();
    void downLeavesNothingBehind();
    void upAgainReusesTheImagesTheNodesKept();

private:
    CliRun cli(const QString &command, const QStringList &extra = {})
    {
        return CliRun::of(QStringList{command, m_file, QStringLiteral("--state"),
                                      m_dir.filePath(QStringLiteral("state"))}
                          + extra);
    }
    QJsonObject status()
    {
        return QJsonDocument::fromJson(
                   cli(QStringLiteral("status"), {QStringLiteral("--json")}).out.toUtf8())
            .object();
    }
    int aliveWorkers() { return status().value(QLatin1String("aliveWorkers")).toInt(-1); }
    QString replicas(const QJsonObject &state, const QString &service) const
    {
        for (const QJsonValue &value : state.value(QLatin1String("services")).toArray()) {
            if (value.toObject().value(QLatin1String("name")).toString()
                == QStringLiteral("e2e-swarm_") + service)
                return value.toObject().value(QLatin1String("replicas")).toString();
        }
        return QString();
    }
    /// `docker ARGS` on a lab host, inside its namespaces (its own engine); stdout trimmed.
    QString docker(const QString &host, const QStringList &arguments)
    {
        QByteArray output;
        QString error;
        if (!m_lab.runOnHost(host, QStringList{QStringLiteral("docker")} + arguments, &output,
                             &error))
            return QStringLiteral("(failed: %1 %2)").arg(error, QString::fromUtf8(output));
        return QString::fromUtf8(output).trimmed();
    }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QTemporaryDir m_dir;
    QString m_file;
    QString m_image;
};

void tst_SwarmCluster::initTestCase()
{
    if (!m_lab.available())
        QSKIP(qPrintable(m_lab.unavailableReason()));
    QVERIFY2(m_lab.hosts().size() >= 3, "the docker_lab fixture starts 3 hosts");
    QString error;
    const SparkDeck::Test::SwarmImage image = SparkDeck::Test::SwarmImage::fromEnvironment(&error);
    QVERIFY2(!image.tag.isEmpty(), qPrintable(error));
    m_image = image.tag;
    QStringList addresses;
    for (int i = 0; i < 3; ++i) {
        addresses << m_lab.hosts().at(i).address;
        // Bare nodes whatever ran on this lab before (down keeps loaded images): the archive
        // must travel, once.
        docker(m_lab.hosts().at(i).name, {QStringLiteral("image"), QStringLiteral("rm"),
                                          QStringLiteral("-f"), m_image});
    }
    m_file = m_dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(image.clusterFile(QStringLiteral("e2e-swarm"), addresses, m_lab.identityFile(), m_lab.knownHostsFile()));
}

void tst_SwarmCluster::cleanupTestCase()
{
    if (m_lab.available() && !m_file.isEmpty())
        cli(QStringLiteral("down"));
}

void tst_SwarmCluster::aHostInAnotherSwarmStopsUpAndDownLeavesThatSwarmAlone()
{
    const LabHost other = m_lab.hosts().at(2);
    const QString state = QStringLiteral("{{.Swarm.LocalNodeState}}");
    docker(other.name, {QStringLiteral("swarm"), QStringLiteral("init"),
                        QStringLiteral("--advertise-addr"), other.address});
    QCOMPARE(docker(other.name, {QStringLiteral("info"), QStringLiteral("--format"), state}),
             QStringLiteral("active"));
    const CliRun up = cli(QStringLiteral("up"));
    QCOMPARE(up.exitCode, 1);
    QVERIFY2(
        up.err.contains(QStringLiteral("%1: already in another Docker swarm").arg(other.address)),
        up.transcript());
    QVERIFY2(up.err.contains(QStringLiteral("nothing was changed")), up.transcript());
    QCOMPARE(docker(m_lab.hosts().at(0).name,
                    {QStringLiteral("info"), QStringLiteral("--format"), state}),
             QStringLiteral("inactive"));
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    QCOMPARE(docker(other.name, {QStringLiteral("info"), QStringLiteral("--format"), state}),
             QStringLiteral("active"));
    docker(other.name,
           {QStringLiteral("swarm"), QStringLiteral("leave"), QStringLiteral("--force")});
    docker(other.name,
           {QStringLiteral("network"), QStringLiteral("rm"), QStringLiteral("docker_gwbridge")});
}

void tst_SwarmCluster::upDeploysTheStackAndTwoWorkersRegister()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, up.transcript());
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("aliveWorkers")).toInt(), 2);
    QCOMPARE(replicas(state, QStringLiteral("master")), QStringLiteral("1/1"));
    QCOMPARE(replicas(state, QStringLiteral("worker")), QStringLiteral("2/2"));
    // The archive left this computer once; the workers' nodes got it from the master.
    QCOMPARE(
        up.out.count(QStringLiteral("Upload the image archive from this computer (once): done")),
        1);
    QCOMPARE(up.out.count(QStringLiteral("Copy the image archive from the master: done")), 2);
    // Every host joined the one swarm the master made, labelled for placement.
    const QString master = m_lab.hosts().at(0).name;
    QCOMPARE(docker(master, {QStringLiteral("node"), QStringLiteral("ls"), QStringLiteral("-q")})
                 .split(QLatin1Char('\n'))
                 .size(),
             3);
    // The secret is a Docker secret; the stack file on the master never holds it.
    QCOMPARE(docker(master, {QStringLiteral("secret"), QStringLiteral("ls"),
                             QStringLiteral("--format"), QStringLiteral("{{.Name}}")}),
             QStringLiteral("sparkdeck-e2e-swarm-auth"));
    QFile stackFile(m_lab.hostPath(master, QStringLiteral("/opt/sparkdeck/e2e-swarm/stack.yml")));
    QVERIFY(stackFile.open(QIODevice::ReadOnly));
    QVERIFY(!stackFile.readAll().contains("spark.authenticate.secret "));
}

void tst_SwarmCluster::statusShowsTheServicesBesideTheSparkView()
{
    const CliRun run = cli(QStringLiteral("status"));
    QVERIFY2(run.exitCode == 0, run.transcript());
    QVERIFY2(
        run.out.contains(QRegularExpression(QStringLiteral("e2e-swarm_worker +replicated +2/2 "))),
        qPrintable(run.out));
    QVERIFY2(
        run.out.contains(QRegularExpression(QStringLiteral("e2e-swarm_master +replicated +1/1 "))),
        qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("2 workers ALIVE")), qPrintable(run.out));
}

void tst_SwarmCluster::scaleChangesTheReplicasAndTheAliveWorkers_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("2 -> 4") << 4;
    QTest::newRow("4 -> 1") << 1;
}

void tst_SwarmCluster::scaleChangesTheReplicasAndTheAliveWorkers()
{
    QFETCH(int, workers);
    const CliRun scale
        = cli(QStringLiteral("scale"), {QStringLiteral("--workers"), QString::number(workers)});
    QVERIFY2(scale.exitCode == 0, scale.transcript());
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("aliveWorkers")).toInt(), workers);
    QCOMPARE(replicas(state, QStringLiteral("worker")), QStringLiteral("%1/%1").arg(workers));
    if (workers == 1) {
        // The three that went were decommissioned first (SIGPWR), as the master's log says
        // (on its standard error, hence the shell).
        QByteArray log;
        QString error;
        QVERIFY2(m_lab.runOnHost(m_lab.hosts().at(0).name,
                                 {QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("docker service logs --raw e2e-swarm_master 2>&1")},
                                 &log, &error),
                 qPrintable(error));
        QCOMPARE(log.count("Decommissioning worker"), 3);
    }
}

void tst_SwarmCluster::downLeavesNothingBehind()
{
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    for (const auto &host : m_lab.hosts().mid(0, 3)) {
        QCOMPARE(docker(host.name, {QStringLiteral("info"), QStringLiteral("--format"),
                                    QStringLiteral("{{.Swarm.LocalNodeState}}")}),
                 QStringLiteral("inactive"));
        QCOMPARE(docker(host.name, {QStringLiteral("ps"), QStringLiteral("-aq")}), QString());
        // The cluster's overlay network, the swarm's ingress and gateway bridge: all gone.
        QCOMPARE(docker(host.name, {QStringLiteral("network"), QStringLiteral("ls"),
                                    QStringLiteral("--format"), QStringLiteral("{{.Name}}")})
                     .split(QLatin1Char('\n')),
                 QStringList(
                     {QStringLiteral("bridge"), QStringLiteral("host"), QStringLiteral("none")}));
        QCOMPARE(docker(host.name,
                        {QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")}),
                 QString());
        QVERIFY2(!QFileInfo::exists(m_lab.hostPath(host.name, QStringLiteral("/opt/sparkdeck"))),
                 qPrintable(host.name));
    }
    // Leaving the swarm took the secret with it; no Spark daemon of the stack still runs.
    QCOMPARE(SparkDeck::Test::processesMentioning("spark://spark-master:"), QStringList());
}

void tst_SwarmCluster::upAgainReusesTheImagesTheNodesKept()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, up.transcript());
    QCOMPARE(up.out.count(QStringLiteral("Load %1: already done").arg(m_image)), 3);
    QCOMPARE(status().value(QLatin1String("aliveWorkers")).toInt(), 2);
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
}

QTEST_GUILESS_MAIN(tst_SwarmCluster)
#include "tst_swarmcluster.moc"
