// The preflight check over SSH on lab hosts, as one parallel graph: healthy hosts pass (the
// lab's kernel has no NFS client, which the workers' rows say plainly); a port taken on the
// master names the process and how to free it; a host that cannot be reached is one finding
// while the others are still checked; `sparkdeck-cli preflight` prints the table and exits 0
// or 1 by errors.
#include "labhosts.h"

#include "provisioning/clustermachines.h"
#include "provisioning/clusterlayout.h"
#include "provisioning/preflight.h"
#include "provisioning/taskgroup.h"
#include "ssh/sshsessionpool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;
using Level = PreflightFinding::Status;

namespace {

QString dump(const QList<PreflightFinding> &findings)
{
    QStringList lines;
    for (const PreflightFinding &f : findings)
        lines << QStringLiteral("%1 | %2 | %3 | %4 | %5").arg(f.host, f.check, toString(f.status), f.detail, f.fix);
    return lines.join(QLatin1Char('\n'));
}

QList<PreflightFinding> select(const QList<PreflightFinding> &findings, const QString &host, const QString &check)
{
    QList<PreflightFinding> found;
    for (const PreflightFinding &finding : findings) {
        if (finding.host == host && finding.check == check)
            found << finding;
    }
    return found;
}

} // namespace

class tst_Preflight : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void healthyLabHostsHaveNoErrors();
    void aTakenPortNamesTheProcessInTableAndCli();
    void anUnreachableHostIsAFindingNotAFailure();

private:
    ClusterSpec spec(const QStringList &extraHosts = {}) const
    {
        ClusterSpec spec;
        spec.name = QStringLiteral("pflab");
        spec.machines.provider = Provider::Existing;
        for (int i = 0; i < 3; ++i)
            spec.machines.hosts << HostSpec{m_hosts.at(i).address, std::nullopt, QString(), i == 0 ? HostRole::Master : HostRole::Unassigned};
        for (const QString &extra : extraHosts)
            spec.machines.hosts << HostSpec{extra, std::nullopt, QString(), HostRole::Unassigned};
        spec.machines.ssh.identity = m_lab.identityFile();
        spec.machines.ssh.knownHosts = m_lab.knownHostsFile();
        spec.machines.ssh.hostKeyPolicy = HostKeyPolicy::Strict;
        spec.workers.count = 2;
        spec.workers.cores = 1;
        spec.workers.memory = MemorySize::fromMebibytes(1024);
        spec.sharedFolder.enabled = true;
        spec.sharedFolder.exportPath = QStringLiteral("/srv/sparkdeck-pflab/share");
        spec.sharedFolder.mountPath = QStringLiteral("/srv/sparkdeck-pflab/share");
        return spec;
    }
    QList<PreflightFinding> preflight(const ClusterSpec &cluster, TaskOutcome *outcome = nullptr)
    {
        SshSessionPool pool;
        ClusterMachines machines(cluster, &pool);
        if (!machines.isValid())
            return {};
        Preflight check(cluster, Preflight::hostsFor(cluster, machines));
        std::unique_ptr<TaskGroup> graph(check.graph());
        QSignalSpy finished(graph.get(), &Task::finished);
        graph->start();
        if (finished.isEmpty())
            finished.wait(120000);
        if (outcome)
            *outcome = graph->outcome();
        return check.findings();
    }
    QString writeClusterFile(const QTemporaryDir &dir) const
    {
        const QString path = dir.filePath(QStringLiteral("pflab.yaml"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        QString text = QStringLiteral("name: pflab\nmachines:\n  provider: existing\n  hosts:\n");
        for (int i = 0; i < 3; ++i)
            text += QStringLiteral("    - { address: %1%2 }\n").arg(m_hosts.at(i).address, i == 0 ? QStringLiteral(", role: master") : QString());
        text += QStringLiteral("  ssh:\n    user: root\n    identity: %1\n    known_hosts: %2\n    host_key_policy: strict\n")
                    .arg(m_lab.identityFile(), m_lab.knownHostsFile());
        text += QStringLiteral("workers:\n  count: 2\n  cores: 1\n  memory: 1g\n"
                               "shared_folder:\n  enabled: true\n  server: master\n"
                               "  export: /srv/sparkdeck-pflab/share\n  mount: /srv/sparkdeck-pflab/share\n");
        file.write(text.toUtf8());
        return path;
    }

    LabHosts m_lab;
    QList<LabHost> m_hosts;
};

void tst_Preflight::initTestCase()
{
    m_lab = LabHosts::fromEnvironment();
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 3)
        QSKIP("needs 3 lab hosts");
    m_hosts = m_lab.hosts().mid(0, 3);
}

void tst_Preflight::healthyLabHostsHaveNoErrors()
{
    TaskOutcome outcome;
    const QList<PreflightFinding> findings = preflight(spec(), &outcome);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY2(countFindings(findings, Level::Error) == 0, qPrintable(dump(findings)));
    const QString master = m_hosts.at(0).address;
    const QString worker = m_hosts.at(1).address;
    for (const char *check : {"system", "cpu", "memory", "disk", "rights", "java", "tools", "address", "reach", "clock",
                              "port 7077", "port 8080", "port 4040", "port 2049", "nfs server"}) {
        const auto rows = select(findings, master, QString::fromLatin1(check));
        QVERIFY2(rows.size() == 1, qPrintable(QStringLiteral("%1 on %2:\n%3").arg(QString::fromLatin1(check), master, dump(findings))));
        QCOMPARE(int(rows.first().status), int(Level::Ok));
    }
    QVERIFY(select(findings, master, QStringLiteral("reach")).first().detail.contains(worker + QStringLiteral(":22")));
    QVERIFY(select(findings, master, QStringLiteral("nfs server")).first().detail.contains(QLatin1String("nfs-ganesha")));
    QCOMPARE(int(select(findings, worker, QStringLiteral("port 8081")).first().status), int(Level::Ok));
    // The master shares Spark and the worker hosts pass it on, on the cluster's sharing port.
    const QString sharing = QStringLiteral("port %1").arg(ClusterLayout(spec()).sharingPort());
    for (const QString &host : {master, worker}) {
        const auto rows = select(findings, host, sharing);
        QVERIFY2(rows.size() == 1, qPrintable(QStringLiteral("%1 on %2:\n%3").arg(sharing, host, dump(findings))));
        QCOMPARE(int(rows.first().status), int(Level::Ok));
    }
    const auto nfs = select(findings, worker, QStringLiteral("nfs client"));
    QCOMPARE(nfs.size(), 1);
    QCOMPARE(int(nfs.first().status), int(Level::Warning));
    QVERIFY2(nfs.first().detail.startsWith(worker + QStringLiteral(" cannot mount NFS: the kernel has no NFS client")),
             qPrintable(nfs.first().detail));
    QVERIFY(nfs.first().detail.contains(QStringLiteral("nfs://%1/srv/sparkdeck-pflab/share/?version=4").arg(master)));
    QVERIFY(select(findings, master, QStringLiteral("nfs client")).isEmpty());
}

void tst_Preflight::aTakenPortNamesTheProcessInTableAndCli()
{
    QByteArray output;
    QVERIFY(m_lab.runOnHost(m_hosts.at(0).name,
                            {QStringLiteral("sh"), QStringLiteral("-c"),
                             QStringLiteral("python3 -m http.server 8080 --bind 0.0.0.0 >/dev/null 2>&1 </dev/null & echo $!")},
                            &output));
    const qint64 pid = output.trimmed().toLongLong();
    QVERIFY(pid > 0);
    auto stop = qScopeGuard([pid] { ::kill(pid_t(pid), SIGTERM); }); // by PID: the hosts share the PID space
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QTcpSocket socket;
            socket.connectToHost(m_hosts.at(0).address, 8080);
            return socket.waitForConnected(500);
        }(),
        15000);

    const QList<PreflightFinding> findings = preflight(spec());
    const auto rows = select(findings, m_hosts.at(0).address, QStringLiteral("port 8080"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(int(rows.first().status), int(Level::Error));
    QVERIFY2(rows.first().fix.startsWith(QStringLiteral("Free port 8080 (used by pid %1, ").arg(pid)), qPrintable(rows.first().fix));
    QVERIFY2(rows.first().fix.contains(QLatin1String("http.server 8080")), qPrintable(rows.first().fix));
    QCOMPARE(countFindings(findings, Level::Error), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = writeClusterFile(dir);
    QProcess cli;
    cli.start(QStringLiteral(SPARKDECK_CLI), {QStringLiteral("preflight"), file, QStringLiteral("--state"),
                                              dir.filePath(QStringLiteral("state"))});
    QVERIFY(cli.waitForFinished(120000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY2(out.startsWith(QLatin1String("HOST ")), qPrintable(out + err));
    QVERIFY2(out.contains(QStringLiteral("fix: Free port 8080 (used by pid %1, ").arg(pid)), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("cannot mount NFS")));
    QVERIFY(out.contains(QLatin1String("1 error(s)")));

    stop.dismiss();
    ::kill(pid_t(pid), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QTcpSocket socket;
            socket.connectToHost(m_hosts.at(0).address, 8080);
            return !socket.waitForConnected(500);
        }(),
        15000);
    cli.start(QStringLiteral(SPARKDECK_CLI), {QStringLiteral("preflight"), file, QStringLiteral("--state"),
                                              dir.filePath(QStringLiteral("state")), QStringLiteral("--json")});
    QVERIFY(cli.waitForFinished(120000));
    const QJsonObject json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(json.value(QLatin1String("errors")).toInt(), 0);
    QVERIFY(json.value(QLatin1String("warnings")).toInt() >= 1); // the workers' NFS client
    QVERIFY(json.value(QLatin1String("findings")).toArray().size() > 20);
}

void tst_Preflight::anUnreachableHostIsAFindingNotAFailure()
{
    const QString ghost = m_hosts.at(0).address.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".250");
    TaskOutcome outcome;
    const QList<PreflightFinding> findings = preflight(spec({ghost}), &outcome);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message)); // the graph tolerates it
    const auto rows = select(findings, ghost, QStringLiteral("connection"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(int(rows.first().status), int(Level::Error));
    int ghostRows = 0;
    for (const PreflightFinding &finding : findings)
        ghostRows += finding.host == ghost;
    QCOMPARE(ghostRows, 1);
    // The others were checked, and the master (which probes every host) cannot reach the
    // ghost: a warning, since the ghost is a worker (its own connection error stops `up`).
    const auto reach = select(findings, m_hosts.at(0).address, QStringLiteral("reach"));
    QCOMPARE(reach.size(), 1);
    QCOMPARE(int(reach.first().status), int(Level::Warning));
    QVERIFY2(reach.first().detail.startsWith(QStringLiteral("cannot reach %1:22").arg(ghost)), qPrintable(reach.first().detail));
    QCOMPARE(select(findings, m_hosts.at(1).address, QStringLiteral("memory")).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Preflight)
#include "tst_preflight.moc"
