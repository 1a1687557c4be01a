// The scripts of a standalone cluster's steps, run for real through /bin/sh on this computer
// in a scratch layout: checks say whether the world holds, applies make it so, hostile paths
// arrive literally, and the waits read a master's /json/ served over HTTP.
#include "provisioning/localmachine.h"
#include "provisioning/sparkscripts.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace SparkDeck;

class tst_SparkScripts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void writesFilesAtomicallyWithTheirMode();
    void recognisesTheCachedDistributionByChecksum();
    void unpacksOnceAndRecognisesIt();
    void fetchesFromTheMasterUnpacksAndRefusesACorruptCopy();
    void aHostPassesSparkOnWhileItCopies();
    void aSourceThatFailsIsPassedOverForTheMaster();
    void aFileIsCopiedAndPassedOnTheSameWay();
    void aStartEndsWhenTheMasterListsTheDaemonNotWhenTheScriptDoes();
    void theMasterSharesItsCacheUntilToldToStop();
    void waitsForTheMasterAndItsWorkers();

private:
    ExecResult run(const CommandRequest &request)
    {
        std::unique_ptr<MachineJob> job(m_machine.run(request, nullptr));
        QSignalSpy finished(job.get(), &MachineJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(60000))
            return {};
        return job->result();
    }
    int exitOf(const CommandRequest &request) { return run(request).exitCode; }
    /// Runs both at once, the first started first.
    std::pair<ExecResult, ExecResult> runTogether(const CommandRequest &first, const CommandRequest &second)
    {
        std::unique_ptr<MachineJob> one(m_machine.run(first, nullptr));
        std::unique_ptr<MachineJob> two(m_machine.run(second, nullptr));
        QSignalSpy oneFinished(one.get(), &MachineJob::finished);
        QSignalSpy twoFinished(two.get(), &MachineJob::finished);
        one->start();
        two->start();
        if (oneFinished.isEmpty())
            oneFinished.wait(60000);
        if (twoFinished.isEmpty())
            twoFinished.wait(60000);
        return {one->result(), two->result()};
    }
    ClusterLayout layoutOfHost(const QString &name) const
    {
        ClusterSpec spec = m_spec;
        spec.name = name;
        return ClusterLayout(spec, m_dir.filePath(name + QStringLiteral("-host")));
    }
    SparkScripts scriptsOfHost(const QString &name) const { return SparkScripts(layoutOfHost(name)); }
    /// From the first of these that gives the right bytes, passing nothing on.
    static CopyRoute from(const QStringList &urls, int patienceSeconds = 30)
    {
        CopyRoute route;
        route.urls = urls;
        route.patienceSeconds = patienceSeconds;
        return route;
    }
    /// From these, passing it on to one host on 127.0.0.1:port.
    static CopyRoute passingOn(const QStringList &urls, int port)
    {
        CopyRoute route = from(urls);
        route.relayAddress = QStringLiteral("127.0.0.1");
        route.relayPort = port;
        route.relayHosts = 1;
        return route;
    }
    QString masterUrl() const { return QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(m_port); }
    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        return probe.serverPort();
    }

    QTemporaryDir m_dir;
    LocalMachine m_machine;
    ClusterSpec m_spec;
    std::unique_ptr<ClusterLayout> m_layout;
    QString m_tarball;
    QString m_sha512;
    QProcess m_http;
    int m_port = 0;
};

void tst_SparkScripts::initTestCase()
{
    m_spec.name = QStringLiteral("demo");
    m_layout = std::make_unique<ClusterLayout>(m_spec, m_dir.filePath(QStringLiteral("opt $(x) 'q'")));
    // A tiny distribution with the layout the scripts look for.
    const QString tree = m_dir.filePath(QStringLiteral("build/spark-3.5.8-bin-hadoop3/sbin"));
    QVERIFY(QDir().mkpath(tree));
    QFile daemon(tree + QStringLiteral("/spark-daemon.sh"));
    QVERIFY(daemon.open(QIODevice::WriteOnly));
    daemon.write("#!/bin/sh\necho stand-in\n");
    daemon.close();
    daemon.setPermissions(daemon.permissions() | QFile::ExeOwner);
    m_tarball = m_dir.filePath(QStringLiteral("served/spark.tgz"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("served/json"))));
    QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-czf"), m_tarball, QStringLiteral("-C"),
                                                        m_dir.filePath(QStringLiteral("build")), QStringLiteral("spark-3.5.8-bin-hadoop3")}),
             0);
    QFile tarball(m_tarball);
    QVERIFY(tarball.open(QIODevice::ReadOnly));
    m_sha512 = QString::fromLatin1(QCryptographicHash::hash(tarball.readAll(), QCryptographicHash::Sha512).toHex());
    // The master's /json/ and the distribution, served like the master serves them.
    QFile::copy(QStringLiteral(SPARKDECK_TEST_DATA "/spark/master-three-workers.json"),
                m_dir.filePath(QStringLiteral("served/json/index.html")));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    m_port = probe.serverPort();
    probe.close();
    m_http.setWorkingDirectory(m_dir.filePath(QStringLiteral("served")));
    m_http.start(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("http.server"), QStringLiteral("--bind"),
                                            QStringLiteral("127.0.0.1"), QString::number(m_port)});
    QVERIFY(m_http.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(exitOf({QStringLiteral("python3 -c 'import urllib.request,sys; urllib.request.urlopen(sys.argv[1])' http://127.0.0.1:%1/json/").arg(m_port), {}, false, 5000}), 0, 10000);
}

void tst_SparkScripts::cleanupTestCase()
{
    m_http.kill();
    m_http.waitForFinished();
}

void tst_SparkScripts::writesFilesAtomicallyWithTheirMode()
{
    const QString path = m_layout->confDir() + QStringLiteral("/spark-defaults.conf");
    const QByteArray content("spark.authenticate.secret abc\n`reboot` $(reboot) 'quoted'\n");
    QCOMPARE(exitOf(SparkScripts::fileHasContent(path, content)), 1);
    QCOMPARE(exitOf(SparkScripts::writeFile(path, content, 0600)), 0);
    QCOMPARE(exitOf(SparkScripts::fileHasContent(path, content)), 0);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), content);
    QCOMPARE(written.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther), QFile::Permissions());
    QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    QCOMPARE(exitOf(SparkScripts::fileHasContent(path, content + "changed")), 1);
}

void tst_SparkScripts::recognisesTheCachedDistributionByChecksum()
{
    const SparkScripts scripts(*m_layout);
    const QString cached = m_layout->cachedDistribution(m_sha512);
    QCOMPARE(exitOf(scripts.distributionCached(m_sha512)), 1);
    QVERIFY(QDir().mkpath(QFileInfo(cached).path()));
    QVERIFY(QFile::copy(m_tarball, cached));
    QCOMPARE(exitOf(scripts.distributionCached(m_sha512)), 0);
    QCOMPARE(exitOf(scripts.distributionCached(QString(128, QLatin1Char('0')))), 1);
}

void tst_SparkScripts::unpacksOnceAndRecognisesIt()
{
    const SparkScripts scripts(*m_layout);
    QCOMPARE(exitOf(scripts.unpacked(m_sha512)), 1);
    const ExecResult unpack = run(scripts.unpack(m_sha512));
    QVERIFY2(unpack.succeeded(), unpack.standardError.constData());
    QCOMPARE(exitOf(scripts.unpacked(m_sha512)), 0);
    QVERIFY(QFileInfo(m_layout->sparkHome() + QStringLiteral("/sbin/spark-daemon.sh")).isExecutable());
    QCOMPARE(exitOf(scripts.unpacked(QString(128, QLatin1Char('1')))), 1); // another distribution
}

void tst_SparkScripts::fetchesFromTheMasterUnpacksAndRefusesACorruptCopy()
{
    ClusterSpec other = m_spec;
    other.name = QStringLiteral("fetcher");
    const ClusterLayout layout(other, m_dir.filePath(QStringLiteral("worker-host")));
    const SparkScripts scripts(layout);
    const QString url = QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(m_port);
    auto leftovers = [&layout] {
        return QFileInfo::exists(layout.sparkHome() + QStringLiteral(".part")) ? QStringList{QStringLiteral(".part")}
                                                                               : QStringList();
    };
    const ExecResult wrong = run(scripts.fetchAndUnpack(from({url}), QString(128, QLatin1Char('f'))));
    QCOMPARE(wrong.exitCode, 4);
    QVERIFY(wrong.standardError.contains("does not match its SHA-512"));
    QCOMPARE(exitOf(scripts.unpacked(QString(128, QLatin1Char('f')))), 1);
    QVERIFY(!QFileInfo::exists(layout.sparkHome()));
    QCOMPARE(leftovers(), QStringList());

    const ExecResult unreachable = run(scripts.fetchAndUnpack(from({QStringLiteral("http://127.0.0.1:1/spark.tgz")}), m_sha512));
    QVERIFY(unreachable.exitCode != 0);
    QVERIFY(!QFileInfo::exists(layout.sparkHome()));
    QCOMPARE(leftovers(), QStringList());

    // The right bytes that are no gzip archive: told as such, nothing kept.
    QFile page(m_dir.filePath(QStringLiteral("served/json/index.html")));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QString pageSum = QString::fromLatin1(QCryptographicHash::hash(page.readAll(), QCryptographicHash::Sha512).toHex());
    const ExecResult notAnArchive
        = run(scripts.fetchAndUnpack(from({QStringLiteral("http://127.0.0.1:%1/json/index.html").arg(m_port)}), pageSum));
    QCOMPARE(notAnArchive.exitCode, 1);
    QVERIFY2(notAnArchive.standardError.contains("cannot unpack it"), notAnArchive.standardError.constData());
    QVERIFY(!QFileInfo::exists(layout.sparkHome()));
    QCOMPARE(leftovers(), QStringList());

    const ExecResult fetched = run(scripts.fetchAndUnpack(from({url}), m_sha512));
    QVERIFY2(fetched.succeeded(), fetched.standardError.constData());
    QCOMPARE(exitOf(scripts.unpacked(m_sha512)), 0);
    QVERIFY(QFileInfo(layout.sparkHome() + QStringLiteral("/sbin/spark-daemon.sh")).isExecutable());
    QCOMPARE(leftovers(), QStringList());
    // A worker host keeps the tree, not a second copy of the archive.
    QCOMPARE(exitOf(scripts.distributionCached(m_sha512)), 1);
}

void tst_SparkScripts::aHostPassesSparkOnWhileItCopies()
{
    const int port = freePort();
    const QString passed = QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(port);
    const QString nowhere = QStringLiteral("http://127.0.0.1:1/spark.tgz");
    const SparkScripts passer = scriptsOfHost(QStringLiteral("passer"));
    const SparkScripts receiver = scriptsOfHost(QStringLiteral("receiver"));
    // The receiver starts first, waits for the passer to listen, and has no master to turn
    // to: only the passer can give it Spark.
    const auto [received, passedOn] = runTogether(
        receiver.fetchAndUnpack(from({passed, nowhere}), m_sha512),
        passer.fetchAndUnpack(passingOn({masterUrl()}, port), m_sha512));
    QVERIFY2(passedOn.succeeded(), passedOn.standardError.constData());
    QVERIFY2(received.succeeded(), received.standardError.constData());
    QCOMPARE(received.standardError, QByteArray());
    QCOMPARE(exitOf(receiver.unpacked(m_sha512)), 0);
    QCOMPARE(exitOf(passer.unpacked(m_sha512)), 0);
    // The passer's spool had no name: its host holds the tree and nothing else.
    const QFileInfo home(layoutOfHost(QStringLiteral("passer")).sparkHome());
    QCOMPARE(home.dir().entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{home.fileName()});
    // Once done, it no longer listens.
    QCOMPARE(exitOf({QStringLiteral("python3 -c 'import socket,sys; socket.create_connection((\"127.0.0.1\", int(sys.argv[1])))' %1").arg(port), {}, false, 5000}), 1);
}

void tst_SparkScripts::aSourceThatFailsIsPassedOverForTheMaster()
{
    // A passer whose own source breaks off sends its receiver to the master.
    QTcpServer breaksOff;
    QVERIFY(breaksOff.listen(QHostAddress::LocalHost));
    connect(&breaksOff, &QTcpServer::newConnection, this, [&breaksOff] {
        QTcpSocket *connection = breaksOff.nextPendingConnection();
        connection->write("HTTP/1.0 200 OK\r\nContent-Length: 1000000\r\n\r\n" + QByteArray(1000, 'x'));
        connection->disconnectFromHost();
    });
    const int port = freePort();
    const QString passed = QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(port);
    const SparkScripts passer = scriptsOfHost(QStringLiteral("broken-passer"));
    const SparkScripts receiver = scriptsOfHost(QStringLiteral("redirected"));
    const auto [received, passedOn] = runTogether(
        receiver.fetchAndUnpack(from({passed, masterUrl()}, 2), m_sha512),
        passer.fetchAndUnpack(passingOn({QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(breaksOff.serverPort())}, port),
                              m_sha512));
    QCOMPARE(passedOn.exitCode, 1);
    QVERIFY2(received.succeeded(), received.standardError.constData());
    QVERIFY2(received.standardError.contains(QStringLiteral("copying from %1 instead").arg(masterUrl()).toUtf8()),
             received.standardError.constData());
    QCOMPARE(exitOf(receiver.unpacked(m_sha512)), 0);

    // A source that never listens is waited for as long as the patience, one that sends other
    // bytes is refused by the checksum: the master's copy is used, and each reason is told.
    const SparkScripts late = scriptsOfHost(QStringLiteral("late"));
    const ExecResult afterWaiting = run(late.fetchAndUnpack(from({QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(freePort()), masterUrl()}, 1), m_sha512));
    QVERIFY2(afterWaiting.succeeded(), afterWaiting.standardError.constData());
    QVERIFY2(afterWaiting.standardError.contains("Connection refused"), afterWaiting.standardError.constData());
    const SparkScripts misled = scriptsOfHost(QStringLiteral("misled"));
    const ExecResult afterRefusing = run(misled.fetchAndUnpack(from({QStringLiteral("http://127.0.0.1:%1/json/index.html").arg(m_port), masterUrl()}), m_sha512));
    QVERIFY2(afterRefusing.succeeded(), afterRefusing.standardError.constData());
    QVERIFY2(afterRefusing.standardError.contains("does not match its SHA-512"), afterRefusing.standardError.constData());
    QCOMPARE(exitOf(misled.unpacked(m_sha512)), 0);
}

void tst_SparkScripts::aFileIsCopiedAndPassedOnTheSameWay()
{
    const int port = freePort();
    const QString passed = QStringLiteral("http://127.0.0.1:%1/image.tar").arg(port);
    const QString passerCopy = m_dir.filePath(QStringLiteral("file-passer/cache/image.tar"));
    const QString receiverCopy = m_dir.filePath(QStringLiteral("file-receiver/cache/image.tar"));
    const auto [received, passedOn] = runTogether(
        SparkScripts::fetchFile(from({passed, QStringLiteral("http://127.0.0.1:1/image.tar")}), m_sha512, receiverCopy),
        SparkScripts::fetchFile(passingOn({masterUrl()}, port), m_sha512, passerCopy));
    QVERIFY2(passedOn.succeeded(), passedOn.standardError.constData());
    QVERIFY2(received.succeeded(), received.standardError.constData());
    QCOMPARE(exitOf(SparkScripts::fileCached(passerCopy, m_sha512)), 0);
    QCOMPARE(exitOf(SparkScripts::fileCached(receiverCopy, m_sha512)), 0);

    // The wrong bytes are not kept, not even as a part.
    const QString refused = m_dir.filePath(QStringLiteral("file-refused/cache/image.tar"));
    const ExecResult wrong = run(SparkScripts::fetchFile(from({masterUrl()}), QString(128, QLatin1Char('e')), refused));
    QCOMPARE(wrong.exitCode, 4);
    QCOMPARE(QDir(QFileInfo(refused).path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

void tst_SparkScripts::aStartEndsWhenTheMasterListsTheDaemonNotWhenTheScriptDoes()
{
    // A daemon script that, like Spark's, lingers after the launch: it notes when it is done.
    ClusterSpec other = m_spec;
    other.name = QStringLiteral("starter");
    const ClusterLayout layout(other, m_dir.filePath(QStringLiteral("starting-host")));
    QVERIFY(QDir().mkpath(layout.sparkHome() + QStringLiteral("/sbin")));
    const QString notes = m_dir.filePath(QStringLiteral("daemon-notes"));
    QFile daemon(layout.sparkHome() + QStringLiteral("/sbin/spark-daemon.sh"));
    QVERIFY(daemon.open(QIODevice::WriteOnly));
    daemon.write(QStringLiteral("#!/bin/sh\n"
                                "echo \"starting $2, logging to the log\"\n"
                                "[ \"$3\" = 2 ] && { echo 'failed to launch: the JVM exited'; exit 1; }\n"
                                "echo $$ > '%1.pid'; sleep 20; echo finished >> '%1'\n").arg(notes).toUtf8());
    daemon.close();
    daemon.setPermissions(daemon.permissions() | QFile::ExeOwner);
    const SparkScripts scripts(layout);
    // The served master lists 10.77.0.12:8081 ALIVE.
    const SparkScripts::MasterWatch watch{QStringLiteral("127.0.0.1"), m_port, 60};
    const SystemdUnit unit{QStringLiteral("sparkdeck-starter-worker-1.service"), QString()};
    const ExecResult started = run(scripts.startWorker(1, QStringLiteral("10.77.0.12"), 8081, watch, unit));
    QVERIFY2(started.succeeded(), started.standardError.constData());
    QVERIFY(started.standardOutput.contains("starting org.apache.spark.deploy.worker.Worker"));
    QVERIFY2(!QFileInfo::exists(notes), "the step waited for the daemon script to finish");
    // ...and the script does not linger on: nothing of the cluster runs that `down` would miss.
    QFile pid(notes + QStringLiteral(".pid"));
    QVERIFY(pid.open(QIODevice::ReadOnly));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/") + QString::fromLatin1(pid.readAll().trimmed())));

    // The script's failure ends the wait at once, with what it said.
    const ExecResult failed = run(scripts.startWorker(2, QStringLiteral("10.77.0.99"), 8082, watch, unit));
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.standardError.contains("failed to launch: the JVM exited"), failed.standardError.constData());
}

void tst_SparkScripts::theMasterSharesItsCacheUntilToldToStop()
{
    ClusterSpec master = m_spec;
    master.name = QStringLiteral("sharer");
    const ClusterLayout layout(master, m_dir.filePath(QStringLiteral("sharing-host")));
    const SparkScripts scripts(layout);
    QVERIFY(QDir().mkpath(QFileInfo(layout.cachedDistribution(m_sha512)).path()));
    QVERIFY(QFile::copy(m_tarball, layout.cachedDistribution(m_sha512)));
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int port = probe.serverPort();
    probe.close();

    QCOMPARE(exitOf(scripts.sharingDistribution()), 1);
    const ExecResult shared = run(scripts.shareDistribution(m_sha512, QStringLiteral("127.0.0.1"), port));
    QVERIFY2(shared.succeeded(), shared.standardError.constData());
    QCOMPARE(exitOf(scripts.sharingDistribution()), 0);
    // A worker copies from it...
    ClusterSpec worker = m_spec;
    worker.name = QStringLiteral("copier");
    const SparkScripts copier(ClusterLayout(worker, m_dir.filePath(QStringLiteral("copying-host"))));
    const ExecResult copied = run(copier.fetchAndUnpack(from({QStringLiteral("http://127.0.0.1:%1/spark.tgz").arg(port)}), m_sha512));
    QVERIFY2(copied.succeeded(), copied.standardError.constData());
    QCOMPARE(exitOf(copier.unpacked(m_sha512)), 0);
    // ...a second server on the same port is refused at once, with the reason...
    ClusterSpec other = m_spec;
    other.name = QStringLiteral("second-sharer");
    const ClusterLayout otherLayout(other, m_dir.filePath(QStringLiteral("sharing-host")));
    const ExecResult twice = run(SparkScripts(otherLayout).shareDistribution(m_sha512, QStringLiteral("127.0.0.1"), port));
    QVERIFY(twice.exitCode != 0);
    QVERIFY2(twice.standardError.contains("Address already in use"), twice.standardError.constData());
    // ...and stopping leaves nothing serving.
    QCOMPARE(exitOf(scripts.stopSharingDistribution()), 0);
    QTRY_COMPARE(exitOf(scripts.notSharingDistribution()), 0);
}

void tst_SparkScripts::waitsForTheMasterAndItsWorkers()
{
    // The fixture: master ALIVE, 10.77.0.12 ALIVE, .13 DECOMMISSIONED, .14 DEAD.
    const QString here = QStringLiteral("127.0.0.1");
    // The served master calls itself spark://10.77.0.11:7077: not the master we wait for here.
    const ExecResult foreign = run(SparkScripts::waitForMasterAlive(here, m_port, 1));
    QCOMPARE(foreign.exitCode, 1);
    QCOMPARE(exitOf(SparkScripts::waitForAliveWorkers(here, m_port, 1, 10)), 0);
    const ExecResult tooMany = run(SparkScripts::waitForAliveWorkers(here, m_port, 2, 1));
    QCOMPARE(tooMany.exitCode, 1);
    QVERIFY2(tooMany.standardError.contains("(master spark://10.77.0.11:7077 ALIVE, 1 workers ALIVE)"), tooMany.standardError.constData());
    QCOMPARE(exitOf(SparkScripts::waitForWorkerGone(here, m_port, QStringLiteral("10.77.0.13"), 8081, 10)), 0);
    QCOMPARE(exitOf(SparkScripts::waitForWorkerGone(here, m_port, QStringLiteral("10.77.0.12"), 8081, 1)), 1);
}

QTEST_GUILESS_MAIN(tst_SparkScripts)
#include "tst_sparkscripts.moc"
