// A cluster on lab hosts (real sshd in network namespaces), through sparkdeck-cli: 1 master and
// 3 workers, scaled to 5 and to 2, an sshd killed on a worker host during `up` and the run
// resumed, and `down` leaving no process and no file on any host.
#include "clirunner.h"
#include "processes.h"
#include "labhosts.h"
#include "standindistribution.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using SparkDeck::Test::CliRun;
using SparkDeck::Test::LabHosts;

class tst_LabCluster : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void upBringsOneMasterAndThreeWorkers();
    void scalesToFiveThenToTwoGracefully();
    void resumesAfterAWorkerHostDroppedDuringUp();
    void downLeavesNoProcessAndNoFile();

private:
    CliRun cli(const QString &command, const QStringList &extra = {})
    {
        return CliRun::of(QStringList{command, m_file, QStringLiteral("--state"), m_dir.filePath(QStringLiteral("state"))} + extra);
    }
    QJsonObject status()
    {
        return QJsonDocument::fromJson(cli(QStringLiteral("status"), {QStringLiteral("--json")}).out.toUtf8()).object();
    }
    QStringList aliveHosts()
    {
        QStringList hosts;
        for (const QJsonValue &worker : status().value(QLatin1String("workers")).toArray()) {
            if (worker.toObject().value(QLatin1String("state")).toString() == QLatin1String("ALIVE"))
                hosts << worker.toObject().value(QLatin1String("host")).toString();
        }
        hosts.sort();
        return hosts;
    }
    QString address(int index) const { return m_lab.hosts().at(index).address; }

    LabHosts m_lab = LabHosts::fromEnvironment();
    QTemporaryDir m_dir;
    QString m_file;
};

void tst_LabCluster::initTestCase()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 6)
        QSKIP("needs 6 lab hosts");
    QString error;
    const QString tarball = SparkDeck::Test::buildStandinDistribution(m_dir.filePath(QStringLiteral("dist")), &error);
    QVERIFY2(!tarball.isEmpty(), qPrintable(error));
    QString hosts;
    for (int i = 0; i < 6; ++i)
        hosts += QStringLiteral("    - { address: %1%2 }\n").arg(address(i), i == 0 ? QStringLiteral(", role: master") : QString());
    m_file = m_dir.filePath(QStringLiteral("cluster.yaml"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("name: e2e-lab\n"
                              "machines:\n"
                              "  provider: existing\n"
                              "  hosts:\n%1"
                              "  ssh: {user: root, identity: %2, known_hosts: %3, host_key_policy: strict}\n"
                              "spark: {distribution: %4}\n"
                              "workers: {count: 3, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: true, export: /srv/e2e-lab/share, mount: /srv/e2e-lab/share}\n")
                   .arg(hosts, m_lab.identityFile(), m_lab.knownHostsFile(), tarball)
                   .toUtf8());
}

void tst_LabCluster::cleanupTestCase()
{
    if (m_lab.available() && !m_file.isEmpty()) {
        for (const auto &host : m_lab.hosts())
            m_lab.startSshd(host.name);
        cli(QStringLiteral("down"));
    }
}

void tst_LabCluster::upBringsOneMasterAndThreeWorkers()
{
    const CliRun up = cli(QStringLiteral("up"));
    QVERIFY2(up.exitCode == 0, up.transcript());
    const QJsonObject state = status();
    QCOMPARE(state.value(QLatin1String("master")).toString(), QStringLiteral("spark://%1:7077").arg(address(0)));
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2), address(3)}));
    // The shared folder is served by the master; these lab kernels have no NFS client, which
    // SparkDeck says plainly, and it checks the folder is reachable through libnfs instead.
    QVERIFY2(up.err.contains(QStringLiteral("warning: %1 cannot mount NFS: the kernel has no NFS client").arg(address(1))),
             up.transcript());
    QVERIFY(QFileInfo(m_lab.hostPath(m_lab.hosts().at(0).name, QStringLiteral("/srv/e2e-lab/share"))).isDir());
    // The distribution left this computer once; inside the cluster, the master sent it to two
    // worker hosts and the first of them passed it on to the third.
    QCOMPARE(up.out.count(QStringLiteral("Upload Spark from this computer (once): done")), 1);
    QCOMPARE(up.out.count(QStringLiteral("Copy Spark from the master and unpack it: done")), 2);
    QCOMPARE(up.out.count(QStringLiteral("Copy Spark from %1 and unpack it: done").arg(address(1))), 1);
}

void tst_LabCluster::scalesToFiveThenToTwoGracefully()
{
    const CliRun toFive = cli(QStringLiteral("scale"), {QStringLiteral("--workers"), QStringLiteral("5")});
    QVERIFY2(toFive.exitCode == 0, toFive.transcript());
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2), address(3), address(4), address(5)}));

    const CliRun toTwo = cli(QStringLiteral("scale"), {QStringLiteral("--workers"), QStringLiteral("2")});
    QVERIFY2(toTwo.exitCode == 0, toTwo.transcript());
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2)}));
    QCOMPARE(toTwo.out.count(QStringLiteral("Wait until the master no longer lists it ALIVE: done")), 3);
}

void tst_LabCluster::resumesAfterAWorkerHostDroppedDuringUp()
{
    QVERIFY(cli(QStringLiteral("down")).exitCode == 0);
    const QString victim = m_lab.hosts().at(2).name;
    QProcess up;
    up.start(QStringLiteral(SPARKDECK_CLI), {QStringLiteral("up"), m_file, QStringLiteral("--state"), m_dir.filePath(QStringLiteral("state"))});
    QByteArray seen;
    // Kill the host's sshd as soon as SparkDeck works on it.
    QTRY_VERIFY_WITH_TIMEOUT((seen += up.readAllStandardOutput()).contains(QStringLiteral("[%1] ").arg(address(2)).toUtf8()), 600000);
    QVERIFY(m_lab.stopSshd(victim));
    QVERIFY(up.waitForFinished(600000));
    seen += up.readAllStandardOutput();
    const QByteArray errors = up.readAllStandardError();
    QCOMPARE(up.exitCode(), 1);
    QVERIFY2(errors.contains(address(2).toUtf8()), errors.constData());
    QVERIFY2(errors.contains("Partly done"), errors.constData());
    QCOMPARE(aliveHosts(), QStringList({address(1), address(3)})); // the others came up anyway

    QVERIFY(m_lab.startSshd(victim));
    const CliRun resumed = cli(QStringLiteral("up"));
    QVERIFY2(resumed.exitCode == 0, resumed.transcript());
    QCOMPARE(aliveHosts(), QStringList({address(1), address(2), address(3)}));
}

void tst_LabCluster::downLeavesNoProcessAndNoFile()
{
    const CliRun down = cli(QStringLiteral("down"));
    QVERIFY2(down.exitCode == 0, down.transcript());
    // This cluster's files are gone from every host (other lab tests' clusters may share them).
    for (const auto &host : m_lab.hosts().mid(0, 6))
        QVERIFY2(!QFileInfo::exists(m_lab.hostPath(host.name, QStringLiteral("/opt/sparkdeck/e2e-lab"))), qPrintable(host.name));
    // The shared folder's data stays (no --delete-data); nothing serves it any more.
    QVERIFY(QFileInfo(m_lab.hostPath(m_lab.hosts().at(0).name, QStringLiteral("/srv/e2e-lab/share"))).isDir());
    QCOMPARE(SparkDeck::Test::processesMentioning("ganesha"), QStringList());
    // Lab hosts share this computer's process table: no process may still run from the cluster.
    QCOMPARE(SparkDeck::Test::processesMentioning("/opt/sparkdeck/e2e-lab"), QStringList());
}

QTEST_GUILESS_MAIN(tst_LabCluster)
#include "tst_labcluster.moc"
