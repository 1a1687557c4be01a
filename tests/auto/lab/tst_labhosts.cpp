// The SSH lab is what every network test stands on: check that it is what it claims to be.
// Needs the CTest fixture `lab` (root, network namespaces); skips with the lab's reason otherwise.

#include "labhosts.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

const QString sshProgram = QStringLiteral("/usr/bin/ssh");

struct SshRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs several ssh commands at once (the hosts share 2 cores; sshd's own work dominates).
QList<SshRun> runAll(const QList<QStringList> &argumentLists, int timeoutMs = 30000)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList &arguments : argumentLists) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(sshProgram);
        process->setArguments(arguments);
        process->start();
        processes.push_back(std::move(process));
    }
    QList<SshRun> runs;
    for (auto &process : processes) {
        SshRun run;
        if (process->waitForFinished(timeoutMs) && process->exitStatus() == QProcess::NormalExit)
            run.exitCode = process->exitCode();
        else
            process->kill();
        run.out = process->readAllStandardOutput();
        run.err = process->readAllStandardError();
        runs.append(run);
    }
    return runs;
}

SshRun runOne(const QStringList &arguments, int timeoutMs = 30000)
{
    return runAll({arguments}, timeoutMs).constFirst();
}

QByteArray bannerOf(const QString &address, quint16 port, QAbstractSocket::SocketError *error)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    if (!socket.waitForConnected(3000)) {
        *error = socket.error();
        return {};
    }
    while (!socket.canReadLine() && socket.waitForReadyRead(3000)) {
    }
    *error = socket.error();
    return socket.readLine().trimmed();
}

} // namespace

class tst_LabHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unavailableLabGivesReason();
    void labFiles();
    void sshBannerOnPort22_data();
    void sshBannerOnPort22();
    void everyHostAnswersWithItsOwnName();
    void knownHostsIsCheckedStrictly();
    void ecdsaKeyLogsIn();
    void privateDirsAreNotShared();
    void hostsReachEachOther();
    void stoppedSshdDropsConnections();
    void rekeyedHostIsRefusedWithOldKnownHosts();
    void disconnectedHostDoesNotAnswer();

private:
    QStringList sshTo(const LabHost &host, const QString &command) const
    {
        return {QStringLiteral("-F"), m_lab.sshConfigFile(), QStringLiteral("root@") + host.address,
                command};
    }
    LabHost lastHost() const { return m_lab.hosts().constLast(); }

    LabHosts m_lab;
};

void tst_LabHosts::initTestCase()
{
    m_lab = LabHosts::fromEnvironment();
    if (m_lab.available())
        QVERIFY2(QFileInfo(sshProgram).isExecutable(), "the lab tests need openssh-client");
}

void tst_LabHosts::unavailableLabGivesReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LabHosts empty = LabHosts::fromDirectory(dir.path());
    QVERIFY(!empty.available());
    QVERIFY2(empty.unavailableReason().contains(QLatin1String("lab-hosts.sh up")),
             qPrintable(empty.unavailableReason()));

    QFile reason(dir.filePath(QStringLiteral("unavailable")));
    QVERIFY(reason.open(QIODevice::WriteOnly));
    reason.write("the SSH lab needs root\n");
    reason.close();
    const LabHosts unavailable = LabHosts::fromDirectory(dir.path());
    QVERIFY(!unavailable.available());
    QCOMPARE(unavailable.unavailableReason(), QStringLiteral("the SSH lab needs root"));
    QString error;
    QVERIFY(!unavailable.stopSshd(QStringLiteral("h1"), &error));
    QCOMPARE(error, QStringLiteral("the SSH lab needs root"));
}

void tst_LabHosts::labFiles()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(!m_lab.hosts().isEmpty());
    for (const QString &key : {m_lab.identityFile(), m_lab.ecdsaIdentityFile()}) {
        const QFileInfo info(key);
        QVERIFY2(info.isFile(), qPrintable(key));
        // OpenSSH refuses a private key that others can read.
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }
    QFile ed(m_lab.identityFile() + QStringLiteral(".pub"));
    QVERIFY(ed.open(QIODevice::ReadOnly));
    QVERIFY(ed.readAll().startsWith("ssh-ed25519 "));
    QFile ec(m_lab.ecdsaIdentityFile() + QStringLiteral(".pub"));
    QVERIFY(ec.open(QIODevice::ReadOnly));
    QVERIFY(ec.readAll().startsWith("ecdsa-sha2-nistp256 "));
    // No RSA key: libssh2 1.10 signs with ssh-rsa (SHA-1), which OpenSSH >= 8.8 refuses.
    QVERIFY(!QFileInfo::exists(m_lab.directory() + QStringLiteral("/keys/id_rsa")));

    QFile knownHosts(m_lab.knownHostsFile());
    QVERIFY(knownHosts.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = knownHosts.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), m_lab.hosts().size());
    QSet<QByteArray> keys;
    for (const LabHost &host : m_lab.hosts()) {
        int found = 0;
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(' ');
            if (fields.size() >= 3 && fields.at(0) == host.address.toUtf8()) {
                QCOMPARE(fields.at(1), QByteArray("ssh-ed25519"));
                keys.insert(fields.at(2));
                ++found;
            }
        }
        QVERIFY2(found == 1, qPrintable(host.address));
    }
    QCOMPARE(keys.size(), m_lab.hosts().size()); // every host has its own key

    QFile config(m_lab.sshConfigFile());
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().contains("StrictHostKeyChecking yes"));
}

void tst_LabHosts::sshBannerOnPort22_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    const QList<LabHost> hosts = m_lab.hosts();
    if (hosts.isEmpty())
        QTest::newRow("no lab") << QString() << 22;
    for (const LabHost &host : hosts)
        QTest::newRow(qPrintable(host.name)) << host.address << int(host.port);
}

void tst_LabHosts::sshBannerOnPort22()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QFETCH(QString, address);
    QFETCH(int, port);
    QCOMPARE(port, 22);
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    const QByteArray banner = bannerOf(address, quint16(port), &error);
    QVERIFY2(banner.startsWith("SSH-2.0-"), qPrintable(QStringLiteral("%1: '%2' (socket error %3)")
                                                           .arg(address, QString::fromUtf8(banner))
                                                           .arg(int(error))));
}

void tst_LabHosts::everyHostAnswersWithItsOwnName()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QList<QStringList> commands;
    for (const LabHost &host : m_lab.hosts())
        commands.append(sshTo(host, QStringLiteral("hostname")));
    const QList<SshRun> runs = runAll(commands);
    QSet<QString> names;
    for (int i = 0; i < runs.size(); ++i) {
        const LabHost host = m_lab.hosts().at(i);
        QVERIFY2(runs.at(i).exitCode == 0,
                 qPrintable(host.name + QStringLiteral(": ") + QString::fromUtf8(runs.at(i).err)));
        const QString name = QString::fromUtf8(runs.at(i).out).trimmed();
        QCOMPARE(name, host.name);
        names.insert(name);
    }
    QCOMPARE(names.size(), m_lab.hosts().size());
}

void tst_LabHosts::knownHostsIsCheckedStrictly()
{
    // The positive side is everyHostAnswersWithItsOwnName (strict checking against the lab's
    // known_hosts); here: the same config refuses a host whose key it does not know.
    SPARKDECK_REQUIRE_LAB(m_lab);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString empty = dir.filePath(QStringLiteral("known_hosts"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QStringList arguments = sshTo(m_lab.hosts().constFirst(), QStringLiteral("true"));
    arguments.prepend(QStringLiteral("UserKnownHostsFile=") + empty);
    arguments.prepend(QStringLiteral("-o"));
    const SshRun run = runOne(arguments);
    QCOMPARE(run.exitCode, 255);
    QVERIFY2(run.err.contains("Host key verification failed"), run.err.constData());
}

void tst_LabHosts::ecdsaKeyLogsIn()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    const LabHost host = m_lab.hosts().constFirst();
    const SshRun run = runOne(
        {QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-i"),
         m_lab.ecdsaIdentityFile(), QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
         QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
         QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
         QStringLiteral("UserKnownHostsFile=") + m_lab.knownHostsFile(), QStringLiteral("-o"),
         QStringLiteral("GlobalKnownHostsFile=/dev/null"), QStringLiteral("root@") + host.address,
         QStringLiteral("hostname")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out).trimmed(), host.name);
}

void tst_LabHosts::privateDirsAreNotShared()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 2)
        QSKIP("needs two lab hosts");
    if (!m_lab.privateDirs().contains(QStringLiteral("/opt")))
        QSKIP("/opt is not among the lab's PRIVATE_DIRS");
    const LabHost h1 = m_lab.hosts().at(0);
    const LabHost h2 = m_lab.hosts().at(1);
    const QString path
        = QStringLiteral("/opt/tst_labhosts-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto cleanup = qScopeGuard([&] { QFile::remove(m_lab.hostPath(h1.name, path)); });

    SshRun run = runOne(sshTo(h1, QStringLiteral("echo written-on-h1 > ") + path));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = runOne(sshTo(h1, QStringLiteral("cat ") + path));
    QCOMPARE(run.out.trimmed(), QByteArray("written-on-h1"));
    run = runOne(sshTo(h2, QStringLiteral("test -e ") + path));
    QCOMPARE(run.exitCode, 1); // ran, and the file is not there

    // The test machine sees the file only under h1's private root in the lab dir.
    QVERIFY(QFileInfo::exists(m_lab.hostPath(h1.name, path)));
    QVERIFY(!QFileInfo::exists(m_lab.hostPath(h2.name, path)));
    QVERIFY(!QFileInfo::exists(path));
}

void tst_LabHosts::hostsReachEachOther()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    const QList<LabHost> hosts = m_lab.hosts();
    if (hosts.size() < 2)
        QSKIP("needs two lab hosts");
    // Each host reads the SSH banner of the next one: across the bridge, through FORWARD.
    // 16 hosts at once on 2 loaded cores: sshd may take seconds to answer; only no answer fails.
    QList<QStringList> commands;
    for (int i = 0; i < hosts.size(); ++i) {
        const LabHost next = hosts.at((i + 1) % hosts.size());
        commands.append(
            sshTo(hosts.at(i), QStringLiteral("timeout 20 bash -c 'exec 3<>/dev/tcp/%1/22; "
                                              "head -c 8 <&3'")
                                   .arg(next.address)));
    }
    const QList<SshRun> runs = runAll(commands);
    for (int i = 0; i < runs.size(); ++i) {
        QVERIFY2(runs.at(i).out == "SSH-2.0-",
                 qPrintable(QStringLiteral("%1 -> %2: exit %3, %4")
                                .arg(hosts.at(i).name, hosts.at((i + 1) % hosts.size()).name)
                                .arg(runs.at(i).exitCode)
                                .arg(QString::fromUtf8(runs.at(i).err))));
    }
}

void tst_LabHosts::stoppedSshdDropsConnections()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    const LabHost host = lastHost();
    QString error;
    auto restore = qScopeGuard([&] { m_lab.startSshd(host.name); });

    QProcess running;
    running.start(sshProgram, sshTo(host, QStringLiteral("echo started; sleep 30; echo finished")));
    QVERIFY(running.waitForStarted());
    QByteArray output;
    const auto started = [&] {
        output += running.readAllStandardOutput();
        return output.contains("started") || running.state() == QProcess::NotRunning;
    };
    QTRY_VERIFY_WITH_TIMEOUT(started(), 10000);
    QVERIFY2(running.state() == QProcess::Running, running.readAllStandardError().constData());

    QVERIFY2(m_lab.stopSshd(host.name, &error), qPrintable(error));
    QVERIFY2(running.waitForFinished(10000), "the session outlived its sshd");
    QCOMPARE(running.exitCode(), 255);
    QVERIFY(!(output + running.readAllStandardOutput()).contains("finished"));

    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QVERIFY(bannerOf(host.address, host.port, &socketError).isEmpty());
    QCOMPARE(socketError, QAbstractSocket::ConnectionRefusedError);

    QVERIFY2(m_lab.startSshd(host.name, &error), qPrintable(error));
    const SshRun run = runOne(sshTo(host, QStringLiteral("hostname")));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out).trimmed(), host.name);
}

void tst_LabHosts::rekeyedHostIsRefusedWithOldKnownHosts()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    const LabHost host = lastHost();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString old = dir.filePath(QStringLiteral("known_hosts"));
    QVERIFY(QFile::copy(m_lab.knownHostsFile(), old));
    QString error;
    auto restore = qScopeGuard([&] { m_lab.restoreHostKey(host.name); });

    QVERIFY2(m_lab.rekey(host.name, &error), qPrintable(error));
    QStringList withOld = sshTo(host, QStringLiteral("hostname"));
    withOld.prepend(QStringLiteral("UserKnownHostsFile=") + old);
    withOld.prepend(QStringLiteral("-o"));
    SshRun run = runOne(withOld);
    QCOMPARE(run.exitCode, 255);
    QVERIFY2(run.err.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), run.err.constData());

    run = runOne(sshTo(host, QStringLiteral("hostname"))); // the lab's known_hosts follows
    QVERIFY2(run.exitCode == 0, run.err.constData());

    QVERIFY2(m_lab.restoreHostKey(host.name, &error), qPrintable(error));
    run = runOne(withOld);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(QString::fromUtf8(run.out).trimmed(), host.name);
}

void tst_LabHosts::disconnectedHostDoesNotAnswer()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    const LabHost host = lastHost();
    QString error;
    auto restore = qScopeGuard([&] { m_lab.reconnect(host.name); });

    QVERIFY2(m_lab.disconnect(host.name, &error), qPrintable(error));
    QTcpSocket socket;
    socket.connectToHost(host.address, host.port);
    QVERIFY(!socket.waitForConnected(1500));
    QCOMPARE(socket.error(), QAbstractSocket::SocketTimeoutError); // silence, not a refusal
    socket.abort();

    QVERIFY2(m_lab.reconnect(host.name, &error), qPrintable(error));
    QByteArray output;
    QVERIFY2(m_lab.runOnHost(host.name, {QStringLiteral("hostname")}, &output, &error),
             qPrintable(error));
    QCOMPARE(QString::fromUtf8(output).trimmed(), host.name);
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    QVERIFY(bannerOf(host.address, host.port, &socketError).startsWith("SSH-2.0-"));
}

QTEST_GUILESS_MAIN(tst_LabHosts)
#include "tst_labhosts.moc"
