// The preflight facts script and its parser: canned outputs of real and odd hosts parse into the
// right facts; the script itself runs on this computer, changes nothing, and keeps hostile
// values literal.
#include "provisioning/localmachine.h"
#include "provisioning/preflightfacts.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QtTest>

using namespace SparkDeck;

class tst_PreflightFacts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesADebianHostWithSs();
    void parsesARockyHostWithProcNetTcp();
    void toleratesTruncatedAndOddOutput();
    void decodesProcNetAddresses_data();
    void decodesProcNetAddresses();
    void readsJavaVersions_data();
    void readsJavaVersions();
    void scriptRunsHereReadOnlyAndCompletes();
    void scriptKeepsHostileValuesLiteral();
    void parsesDockerAndSwarmFacts();
    void scriptLooksAtDockerOnlyWhenAsked();
    void scriptAsksAptOnlyForWhatUpMayInstall();

private:
    static QByteArray canned(const char *name)
    {
        QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/preflight/") + QString::fromLatin1(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing test data %s", name);
        return file.readAll();
    }
    static ExecResult run(const CommandRequest &request)
    {
        LocalMachine machine;
        std::unique_ptr<MachineJob> job(machine.run(request, nullptr));
        QSignalSpy finished(job.get(), &MachineJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(90000))
            return {};
        return job->result();
    }
};

void tst_PreflightFacts::parsesADebianHostWithSs()
{
    const HostFacts facts = PreflightFacts::parse(canned("debian12-root.txt"));
    QVERIFY(facts.complete);
    QCOMPARE(facts.osId, QStringLiteral("debian"));
    QCOMPARE(facts.osName, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
    QCOMPARE(facts.packageManager, QStringLiteral("apt-get"));
    QCOMPARE(facts.cpus, 4);
    QCOMPARE(facts.memTotalKiB, qint64(8152676));
    QCOMPARE(facts.diskPath, QStringLiteral("/opt"));
    QCOMPARE(facts.diskFreeKiB, qint64(82219580));
    QVERIFY(facts.baseWritable);
    QCOMPARE(facts.epochMs, qint64(1795216030002));
    QCOMPARE(facts.clockResolutionMs, 1);
    QCOMPARE(facts.uid, 0);
    QCOMPARE(facts.sudo, QString());
    QVERIFY(facts.hasTool(QStringLiteral("python3")));
    QVERIFY(!facts.hasTool(QStringLiteral("wget")));
    QCOMPARE(facts.javaMajor(), 17);
    QVERIFY(facts.aptListsPresent);
    QCOMPARE(facts.candidates.value(QStringLiteral("nfs-ganesha")), QStringLiteral("4.3-2"));
    QCOMPARE(facts.hostname, QStringLiteral("h1"));
    QCOMPARE(facts.hostnameResolves, QStringLiteral("no"));
    QVERIFY(facts.addresses.contains(QStringLiteral("10.77.0.11")));
    QVERIFY(facts.listenersKnown);
    QCOMPARE(facts.listening.size(), 5);
    QCOMPARE(facts.listenersOn(8080), (QList<ListeningSocket>{{QStringLiteral("0.0.0.0"), 8080, 4242, QStringLiteral("python3")}}));
    QCOMPARE(facts.listenersOn(4040), (QList<ListeningSocket>{{QStringLiteral("::"), 4040, 0, QString()}}));
    QCOMPARE(facts.listenersOn(53).first().address, QStringLiteral("127.0.0.53")); // %lo dropped
    QCOMPARE(facts.commands.value(4242), QStringLiteral("python3 -m http.server 8080"));
    QCOMPARE(facts.reach, (QList<ReachProbe>{{QStringLiteral("10.77.0.12"), 22, QStringLiteral("ok")},
                                             {QStringLiteral("10.77.0.13"), 22, QStringLiteral("timeout")}}));
    QCOMPARE(facts.kernelNfsd, QStringLiteral("no"));
    QCOMPARE(facts.kernelNfsClient, QStringLiteral("no"));
    QCOMPARE(facts.ganeshaVfs, QStringLiteral("/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so"));
}

void tst_PreflightFacts::parsesARockyHostWithProcNetTcp()
{
    const HostFacts facts = PreflightFacts::parse(canned("rocky9-sudo-proc.txt"));
    QVERIFY(facts.complete);
    QCOMPARE(facts.packageManager, QStringLiteral("dnf"));
    QCOMPARE(facts.uid, 1000);
    QCOMPARE(facts.user, QStringLiteral("alice"));
    QCOMPARE(facts.sudo, QStringLiteral("password"));
    QVERIFY(!facts.baseWritable);
    QCOMPARE(facts.epochMs, qint64(1795216030000));
    QCOMPARE(facts.clockResolutionMs, 1000);
    QVERIFY(facts.javaPath.isEmpty());
    QCOMPARE(facts.javaMajor(), 0);
    QVERIFY(facts.candidates.isEmpty());
    QVERIFY(facts.listenersKnown);
    QCOMPARE(facts.listening,
             (QList<ListeningSocket>{{QStringLiteral("127.0.0.1"), 8080, 0, QString()},
                                     {QStringLiteral("0.0.0.0"), 7077, 0, QString()},
                                     {QStringLiteral("::"), 22, 0, QString()},
                                     {QStringLiteral("::1"), 4000, 0, QString()}}));
    QCOMPARE(facts.kernelNfsClient, QStringLiteral("module"));
    QCOMPARE(facts.kernelNfsd, QString());
}

void tst_PreflightFacts::toleratesTruncatedAndOddOutput()
{
    const HostFacts facts = PreflightFacts::parse(canned("busybox-truncated.txt"));
    QVERIFY(!facts.complete);
    QCOMPARE(facts.epochMs, qint64(1795216030000)); // date without %N: whole seconds
    QCOMPARE(facts.clockResolutionMs, 1000);
    QCOMPARE(facts.osId, QStringLiteral("alpine"));
    QCOMPARE(facts.memTotalKiB, qint64(0));
    QCOMPARE(facts.diskFreeKiB, qint64(-1));
    QCOMPARE(facts.uid, -1);
    QVERIFY(!facts.listenersKnown);
    QCOMPARE(facts.reach.size(), 1);
    QCOMPARE(facts.reach.first().result, QStringLiteral("notool"));

    const HostFacts empty = PreflightFacts::parse(QByteArray());
    QVERIFY(!empty.complete);
    QVERIFY(empty.tools.isEmpty());
    const HostFacts crlf = PreflightFacts::parse("cpus=3\r\nend=1\r\n");
    QCOMPARE(crlf.cpus, 3);
    QVERIFY(crlf.complete);
}

void tst_PreflightFacts::decodesProcNetAddresses_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expectedAddress");
    QTest::addColumn<int>("expectedPort");
    QTest::newRow("127.0.0.1:8080") << "0100007F:1F90" << true << "127.0.0.1" << 8080;
    QTest::newRow("0.0.0.0:22") << "00000000:0016" << true << "0.0.0.0" << 22;
    QTest::newRow("10.77.0.11:7077") << "0B004D0A:1BA5" << true << "10.77.0.11" << 7077;
    QTest::newRow(":::22") << "00000000000000000000000000000000:0016" << true << "::" << 22;
    QTest::newRow("::1:4040") << "00000000000000000000000001000000:0FC8" << true << "::1" << 4040;
    QTest::newRow("port 0") << "00000000:0000" << false << "" << 0;
    QTest::newRow("garbage") << "zz:12" << false << "" << 0;
    QTest::newRow("short") << "0100:1F90" << false << "" << 0;
}

void tst_PreflightFacts::decodesProcNetAddresses()
{
    QFETCH(QString, hex);
    QFETCH(bool, ok);
    QString address;
    int port = 0;
    QCOMPARE(PreflightFacts::decodeProcNetAddress(hex, &address, &port), ok);
    if (ok) {
        QFETCH(QString, expectedAddress);
        QFETCH(int, expectedPort);
        QCOMPARE(address, expectedAddress);
        QCOMPARE(port, expectedPort);
    }
}

void tst_PreflightFacts::readsJavaVersions_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("major");
    QTest::newRow("openjdk 17") << "openjdk version \"17.0.9\" 2023-10-17" << 17;
    QTest::newRow("oracle 8") << "java version \"1.8.0_381\"" << 8;
    QTest::newRow("openjdk 21 bare") << "openjdk version \"21\" 2023-09-19" << 21;
    QTest::newRow("openjdk 11") << "openjdk version \"11.0.21\" 2023-10-17" << 11;
    QTest::newRow("nonsense") << "bash: java: command not found" << 0;
    QTest::newRow("empty") << "" << 0;
}

void tst_PreflightFacts::readsJavaVersions()
{
    QFETCH(QString, line);
    QFETCH(int, major);
    HostFacts facts;
    facts.javaVersionLine = line;
    QCOMPARE(facts.javaMajor(), major);
}

void tst_PreflightFacts::scriptRunsHereReadOnlyAndCompletes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PreflightProbeOptions options;
    options.base = dir.filePath(QStringLiteral("not/yet/there"));
    options.peers << PreflightProbeOptions::Peer{QStringLiteral("127.0.0.1"), 1}; // nothing listens on 1
    options.nfsServer = true;
    options.nfsClient = true;
    const ExecResult result = run(PreflightFacts::script(options));
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + QString::fromUtf8(result.standardError)));
    const HostFacts facts = PreflightFacts::parse(result.standardOutput);
    QVERIFY2(facts.complete, result.standardOutput.constData());
    QCOMPARE(facts.diskPath, dir.path()); // the nearest existing directory
    QVERIFY(!QFileInfo::exists(options.base)); // read-only: nothing was created
    QVERIFY(facts.diskFreeKiB > 0);
    QVERIFY(facts.cpus > 0);
    QVERIFY(facts.memTotalKiB > 0);
    QVERIFY(facts.uid >= 0);
    QVERIFY(qAbs(facts.epochMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QVERIFY(facts.hasTool(QStringLiteral("tar")));
    QVERIFY(facts.addresses.contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(facts.reach.size(), 1);
    QCOMPARE(facts.reach.first().address, QStringLiteral("127.0.0.1"));
    QCOMPARE(facts.reach.first().port, 1);
    QVERIFY2(facts.reach.first().result != QLatin1String("ok"), qPrintable(facts.reach.first().result));
    QVERIFY(!facts.kernelNfsd.isEmpty());
    QVERIFY(!facts.kernelNfsClient.isEmpty());
}

void tst_PreflightFacts::scriptKeepsHostileValuesLiteral()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marker = dir.filePath(QStringLiteral("pwned"));
    PreflightProbeOptions options;
    options.base = QStringLiteral("/nonexistent/$(touch %1)/`touch %1`; touch %1").arg(marker);
    options.peers << PreflightProbeOptions::Peer{QStringLiteral("$(touch %1)").arg(marker), 22};
    const ExecResult result = run(PreflightFacts::script(options));
    QVERIFY(result.succeeded());
    const HostFacts facts = PreflightFacts::parse(result.standardOutput);
    QVERIFY(facts.complete);
    QVERIFY(!QFile::exists(marker));
    QCOMPARE(facts.diskPath, QStringLiteral("/"));
    QCOMPARE(facts.reach.size(), 1);
    QVERIFY(facts.reach.first().result != QLatin1String("ok"));
}

void tst_PreflightFacts::parsesDockerAndSwarmFacts()
{
    const HostFacts facts = PreflightFacts::parse("format=1\n"
                                                  "docker_client=/usr/bin/docker\n"
                                                  "docker_server=20.10.24+dfsg1\n"
                                                  "swarm=active j7tg147jvpbwf8uixrqvycuzs\n"
                                                  "swarm_managers=10.77.0.11:2377 10.77.0.14:2377 \n"
                                                  "swarm_ours=j7tg147jvpbwf8uixrqvycuzs\n"
                                                  "end=1\n");
    QVERIFY(facts.complete);
    QCOMPARE(facts.dockerClient, QStringLiteral("/usr/bin/docker"));
    QCOMPARE(facts.dockerServer, QStringLiteral("20.10.24+dfsg1"));
    QCOMPARE(facts.swarmState, QStringLiteral("active"));
    QCOMPARE(facts.swarmClusterId, QStringLiteral("j7tg147jvpbwf8uixrqvycuzs"));
    QCOMPARE(facts.swarmManagers, QStringList({QStringLiteral("10.77.0.11:2377"), QStringLiteral("10.77.0.14:2377")}));
    QCOMPARE(facts.ourSwarmId, facts.swarmClusterId);
    const HostFacts worker = PreflightFacts::parse("swarm=inactive \ndocker_error=Cannot connect to the Docker daemon\n");
    QCOMPARE(worker.swarmState, QStringLiteral("inactive"));
    QCOMPARE(worker.swarmClusterId, QString());
    QCOMPARE(worker.dockerError, QStringLiteral("Cannot connect to the Docker daemon"));
}

void tst_PreflightFacts::scriptLooksAtDockerOnlyWhenAsked()
{
    if (QStandardPaths::findExecutable(QStringLiteral("docker")).isEmpty())
        QSKIP("no docker command here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marker = dir.filePath(QStringLiteral("pwned"));
    PreflightProbeOptions options;
    options.base = dir.path();
    QVERIFY(PreflightFacts::parse(run(PreflightFacts::script(options)).standardOutput).dockerClient.isEmpty());
    options.docker = true;
    options.swarmIdFile = QStringLiteral("$(touch %1)").arg(marker);
    const HostFacts facts = PreflightFacts::parse(run(PreflightFacts::script(options)).standardOutput);
    QVERIFY(facts.complete);
    QVERIFY(!facts.dockerClient.isEmpty());
    // An engine answers (with a version) or it does not (with a reason): never neither.
    QVERIFY(facts.dockerServer.isEmpty() != facts.dockerError.isEmpty());
    QVERIFY(!QFile::exists(marker));
}

void tst_PreflightFacts::scriptAsksAptOnlyForWhatUpMayInstall()
{
    if (QStandardPaths::findExecutable(QStringLiteral("apt-cache")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("java")).isEmpty())
        QSKIP("needs apt-cache and java here");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PreflightProbeOptions options;
    options.base = dir.path();
    // Java is here, nothing else is asked for: apt's cache is not even loaded.
    QVERIFY(PreflightFacts::parse(run(PreflightFacts::script(options)).standardOutput).candidates.isEmpty());
    // An NFS server may need nfs-ganesha.
    options.nfsServer = true;
    const HostFacts facts = PreflightFacts::parse(run(PreflightFacts::script(options)).standardOutput);
    QVERIFY(facts.candidates.contains(QStringLiteral("nfs-ganesha")));
    QVERIFY(facts.candidates.contains(QStringLiteral("nfs-ganesha-vfs")));
    QVERIFY(!facts.candidates.contains(QStringLiteral("openjdk-17-jre-headless")));
}

QTEST_GUILESS_MAIN(tst_PreflightFacts)
#include "tst_preflightfacts.moc"
