// sparkdeck-cli's SSH commands against real sshd in the lab hosts, as a user runs them:
// copy (to every host, worst exit code), tunnel (the master's web UI and a SOCKS5 proxy to a
// worker, held until SIGTERM), keys (generate, install by password from stdin, idempotent) and
// exec's Ctrl+C (the remote command stops too). Needs the CTest fixture `lab`.
#include "clirunner.h"
#include "labhosts.h"
#include "providers/resourcejournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using SparkDeck::Test::CliRun;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

constexpr int kWaitMs = 60000;
constexpr quint16 kUiPort = 18090;

struct HostLine
{
    QString address;
    QString extra; // e.g. "role: master" or "port: 1"
};

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool processAlive(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren > 0 && text.mid(paren + 2, 1) != "Z";
}

} // namespace

class tst_SshCommands : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QTemporaryDir m_dir;
    QString m_tag = QString::number(QRandomGenerator::global()->generate(), 36);
    int m_counter = 0;
    QStringList m_servers; // "host pidfile"

    LabHost host(int index) const { return m_lab.hosts().at(index); }

    QString clusterFile(const QList<HostLine> &hosts, const QString &user = QStringLiteral("root"),
                        const QString &identity = QString())
    {
        QString yaml = QStringLiteral("name: clitest\nmachines:\n  provider: existing\n  hosts:\n");
        for (const HostLine &line : hosts) {
            yaml += QStringLiteral("    - { address: %1%2 }\n")
                        .arg(line.address, line.extra.isEmpty() ? QString() : QStringLiteral(", ") + line.extra);
        }
        yaml += QStringLiteral("  ssh:\n    user: %1\n    identity: %2\n    known_hosts: %3\n"
                               "    host_key_policy: strict\nworkers:\n  count: %4\n")
                    .arg(user, identity.isEmpty() ? m_lab.identityFile() : identity,
                         m_lab.knownHostsFile())
                    .arg(hosts.size());
        const QString file = m_dir.filePath(QStringLiteral("cluster-%1.yaml").arg(++m_counter));
        return writeFile(file, yaml.toUtf8()) ? file : QString();
    }

    QString freshRemote() { return QStringLiteral("/srv/sd-cli-%1-%2").arg(m_tag).arg(++m_counter); }

    static CliRun cli(const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        if (input.isEmpty())
            return CliRun::of(arguments, 180000);
        QProcess process;
        process.start(QStringLiteral(SPARKDECK_CLI), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            return {-1, QString(), QStringLiteral("timed out")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // python3's http.server inside the host, on its own address (or `bindAddress`, as seen
    // inside the host), serving `body` as index.html.
    bool startHttpServer(const LabHost &labHost, quint16 port, const QByteArray &body, QString bindAddress = QString())
    {
        if (bindAddress.isEmpty())
            bindAddress = labHost.address;
        const QString web = QStringLiteral("/srv/sd-cli-web-%1").arg(port);
        if (!writeFile(m_lab.hostPath(labHost.name, web + QStringLiteral("/index.html")), body))
            return false;
        QString error;
        if (!m_lab.runOnHost(labHost.name,
                             {QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("cd %1 && setsid /usr/bin/python3 -m http.server %2 --bind %3 "
                                             ">/dev/null 2>&1 < /dev/null & echo $! > %1/http.pid")
                                  .arg(web)
                                  .arg(port)
                                  .arg(bindAddress)},
                             nullptr, &error)) {
            qWarning() << "cannot start the HTTP server:" << error;
            return false;
        }
        m_servers << labHost.name + QLatin1Char(' ') + web + QStringLiteral("/http.pid");
        for (int i = 0; i < 100; ++i) {
            if (m_lab.runOnHost(labHost.name,
                                {QStringLiteral("python3"), QStringLiteral("-c"),
                                 QStringLiteral("import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 1)"),
                                 bindAddress, QString::number(port)},
                                nullptr, &error))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    static QByteArray fetch(QNetworkAccessManager &manager, const QUrl &url)
    {
        QNetworkRequest request(url);
        QNetworkReply *reply = manager.get(request);
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(kWaitMs);
        }
        const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll()
                                                                         : "error: " + reply->errorString().toUtf8();
        reply->deleteLater();
        return body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lab = LabHosts::fromEnvironment();
    }

    void cleanupTestCase()
    {
        for (const QString &server : std::as_const(m_servers)) {
            const QString name = server.section(QLatin1Char(' '), 0, 0);
            const QByteArray pid = readAll(m_lab.hostPath(name, server.section(QLatin1Char(' '), 1))).trimmed();
            if (!pid.isEmpty() && pid.toLongLong() > 1)
                ::kill(pid_t(pid.toLongLong()), SIGTERM);
        }
    }

    void copyToEveryHost()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString local = m_dir.filePath(QStringLiteral("job"));
        QVERIFY(writeFile(local + QStringLiteral("/app.py"), "print('hi')\n"));
        QVERIFY(writeFile(local + QStringLiteral("/lib/util.py"), "X = 1\n"));
        QList<HostLine> hosts;
        for (int i = 0; i < 4; ++i)
            hosts << HostLine{host(i).address, {}};
        const QString file = clusterFile(hosts);
        const QString remote = freshRemote() + QStringLiteral("/job");
        const CliRun run = cli({QStringLiteral("copy"), file, local, remote});
        QVERIFY2(run.exitCode == 0, run.transcript().constData());
        QCOMPARE(run.out.count(QStringLiteral("copied 2 file(s)")), 4);
        for (int i = 0; i < 4; ++i) {
            QVERIFY(run.out.contains(host(i).address + QStringLiteral(" | copied")));
            QCOMPARE(readAll(m_lab.hostPath(host(i).name, remote + QStringLiteral("/lib/util.py"))), QByteArray("X = 1\n"));
        }
        QVERIFY2(run.err.contains(QStringLiteral("4 of 4 host(s)")), run.transcript().constData());
    }

    void copyExitsWithTheWorstResult_data()
    {
        QTest::addColumn<bool>("blockOne");
        QTest::addColumn<bool>("unreachableOne");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("one host cannot take the file") << true << false << 1;
        QTest::newRow("one host cannot be reached") << false << true << 255;
        QTest::newRow("both") << true << true << 255;
    }

    void copyExitsWithTheWorstResult()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        QFETCH(bool, blockOne);
        QFETCH(bool, unreachableOne);
        QFETCH(int, exitCode);
        const QString remote = freshRemote() + QStringLiteral("/in/file.txt");
        if (blockOne) // a file where the folder should be
            QVERIFY(writeFile(m_lab.hostPath(host(5).name, remote.section(QLatin1Char('/'), 0, -3) + QStringLiteral("/in")), "x"));
        QList<HostLine> hosts{{host(4).address, {}}, {host(5).address, {}}};
        if (unreachableOne)
            hosts << HostLine{host(6).address, QStringLiteral("port: 1")};
        const QString local = m_dir.filePath(QStringLiteral("one.txt"));
        QVERIFY(writeFile(local, "one\n"));
        const CliRun run = cli({QStringLiteral("copy"), clusterFile(hosts), local, remote, QStringLiteral("--quiet")});
        QVERIFY2(run.exitCode == exitCode, run.transcript().constData());
        QCOMPARE(readAll(m_lab.hostPath(host(4).name, remote)), QByteArray("one\n"));
        if (blockOne)
            QVERIFY2(run.err.contains(host(5).address + QStringLiteral(" | Cannot create the folder")), run.transcript().constData());
        if (unreachableOne)
            QVERIFY2(run.err.contains(QStringLiteral("port 1")), run.transcript().constData());
    }

    void copyUsageErrorsExitTwo()
    {
        const QString file = m_dir.filePath(QStringLiteral("usage.yaml"));
        QVERIFY(writeFile(file, "name: x\nmachines:\n  provider: existing\n  hosts:\n    - { address: 192.0.2.1 }\nworkers:\n  count: 1\n"));
        QCOMPARE(cli({QStringLiteral("copy"), file, m_dir.filePath(QStringLiteral("missing")), QStringLiteral("/tmp/x")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("copy"), file, file}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("copy"), file, file, QStringLiteral("/tmp/x"), QStringLiteral("--hosts"), QStringLiteral("10.9.9.9")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("tunnel"), file, QStringLiteral("--port"), QStringLiteral("http")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("keys")}).exitCode, 2);
    }

    // The master's web UI through the forward (20 clients at once), a worker's page through
    // the SOCKS5 proxy, and a clean end on SIGTERM.
    void tunnelToTheMasterAndSocksToTheWorkers()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost worker = host(7);
        const LabHost master = host(8);
        QVERIFY(startHttpServer(master, kUiPort, "master page\n"));
        QVERIFY(startHttpServer(worker, kUiPort + 1, "worker page\n"));
        const QString file = clusterFile({{worker.address, {}}, {master.address, QStringLiteral("role: master")}});
        QProcess tunnel;
        tunnel.start(QStringLiteral(SPARKDECK_CLI),
                     {QStringLiteral("tunnel"), file, QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--ui-port"), QString::number(kUiPort), QStringLiteral("--socks"),
                      QStringLiteral("--socks-port"), QStringLiteral("0")});
        auto stop = qScopeGuard([&] {
            tunnel.kill();
            tunnel.waitForFinished(5000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(tunnel.canReadLine() || tunnel.state() == QProcess::NotRunning, kWaitMs);
        const QString url = QString::fromUtf8(tunnel.readLine()).trimmed();
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")) && url.endsWith(QLatin1Char('/')),
                 qPrintable(url + QString::fromUtf8(tunnel.readAllStandardError())));
        QTRY_VERIFY_WITH_TIMEOUT(tunnel.canReadLine(), kWaitMs);
        const QString socks = QString::fromUtf8(tunnel.readLine()).trimmed();
        QVERIFY2(socks.startsWith(QLatin1String("socks5://127.0.0.1:")), qPrintable(socks));

        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest request{QUrl(url)};
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            replies << manager.get(request);
        }
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                QVERIFY(finished.wait(kWaitMs) || reply->isFinished());
            }
            QCOMPARE(reply->readAll(), QByteArray("master page\n"));
            reply->deleteLater();
        }

        QNetworkAccessManager viaSocks;
        const QUrl proxyUrl(socks);
        viaSocks.setProxy(QNetworkProxy(QNetworkProxy::Socks5Proxy, proxyUrl.host(), quint16(proxyUrl.port())));
        QCOMPARE(fetch(viaSocks, QUrl(QStringLiteral("http://%1:%2/").arg(worker.address).arg(kUiPort + 1))),
                 QByteArray("worker page\n"));
        QCOMPARE(fetch(viaSocks, QUrl(QStringLiteral("http://%1:%2/").arg(master.address).arg(kUiPort))),
                 QByteArray("master page\n"));

        tunnel.terminate(); // SIGTERM, like Ctrl+C
        QVERIFY(tunnel.waitForFinished(kWaitMs));
        stop.dismiss();
        QCOMPARE(tunnel.exitStatus(), QProcess::NormalExit);
        QCOMPARE(tunnel.exitCode(), 0);
        QVERIFY(QString::fromUtf8(tunnel.readAllStandardError()).contains(QLatin1String("Tunnel closed.")));
        QTcpSocket after;
        after.connectToHost(QUrl(url).host(), quint16(QUrl(url).port()));
        QVERIFY(!after.waitForConnected(2000));
    }

    // A provider's machine: SSH reaches its public address, the master's UI listens on its
    // private one (here the host's own loopback, which nothing outside the host reaches).
    void tunnelReachesAProviderMachinesUiOnItsPrivateAddress()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost machine = host(9);
        QVERIFY(startHttpServer(machine, kUiPort + 2, "private page\n", QStringLiteral("127.0.0.1")));
        const QString state = m_dir.filePath(QStringLiteral("cloud-state"));
        SparkDeck::ResourceJournal journal(state);
        SparkDeck::CloudResource droplet;
        droplet.provider = QStringLiteral("digitalocean");
        droplet.kind = QStringLiteral("machine");
        droplet.name = QStringLiteral("clitest-cloud-1");
        const auto key = journal.recordIntent(droplet);
        QVERIFY(key);
        QVERIFY(journal.recordCreated(key.value(), QStringLiteral("4242")));
        QVERIFY(journal.recordAddresses(key.value(), machine.address, QStringLiteral("127.0.0.1")));
        const QString file = m_dir.filePath(QStringLiteral("cloud.yaml"));
        QVERIFY(writeFile(file, QStringLiteral("name: clitest-cloud\nmachines:\n  provider: digitalocean\n"
                                               "  region: fra1\n  size: s-2vcpu-4gb\n  image: debian-12-x64\n"
                                               "  ssh: {user: root, identity: %1, known_hosts: %2, host_key_policy: strict}\n"
                                               "workers: {count: 0}\n")
                                    .arg(m_lab.identityFile(), m_lab.knownHostsFile())
                                    .toUtf8()));
        QProcess tunnel;
        tunnel.start(QStringLiteral(SPARKDECK_CLI), {QStringLiteral("tunnel"), file, QStringLiteral("--state"), state,
                                                     QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--ui-port"),
                                                     QString::number(kUiPort + 2)});
        auto stop = qScopeGuard([&] {
            tunnel.kill();
            tunnel.waitForFinished(5000);
        });
        QTRY_VERIFY_WITH_TIMEOUT(tunnel.canReadLine() || tunnel.state() == QProcess::NotRunning, kWaitMs);
        const QString url = QString::fromUtf8(tunnel.readLine()).trimmed();
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url + QString::fromUtf8(tunnel.readAllStandardError())));
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QCOMPARE(fetch(manager, QUrl(url)), QByteArray("private page\n"));
    }

    void tunnelWithARefusedLoginPrintsNoUrl()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString stranger = m_dir.filePath(QStringLiteral("id_stranger"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                                                    QStringLiteral("-N"), QString(), QStringLiteral("-f"), stranger});
        QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);
        const CliRun run = cli({QStringLiteral("tunnel"), clusterFile({{host(8).address, {}}}, QStringLiteral("root"), stranger),
                                QStringLiteral("--port"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 255);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains(QStringLiteral("refused the key")), run.transcript().constData());
    }

    // First contact with a classroom VM: no key yet, a password; afterwards the key alone.
    void keysGenerateAndInstallByPassword()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost target = host(13);
        const QString user = QStringLiteral("sdstudent");
        const QString password = QStringLiteral("class of '25");
        QString why;
        QVERIFY2(m_lab.addUser(target.name, user, password, &why), qPrintable(why));
        auto remove = qScopeGuard([&] { m_lab.removeUser(target.name, user); });
        const QString key = m_dir.filePath(QStringLiteral("student/.ssh/id_ed25519"));
        const QString file = clusterFile({{target.address, {}}}, user, key);

        CliRun run = cli({QStringLiteral("keys"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--generate")), run.transcript().constData());

        run = cli({QStringLiteral("keys"), file, QStringLiteral("--generate")});
        QVERIFY2(run.exitCode == 0, run.transcript().constData());
        QVERIFY(QFile::exists(key) && QFile::exists(key + QStringLiteral(".pub")));
        const QByteArray privateKey = readAll(key);
        run = cli({QStringLiteral("keys"), file, QStringLiteral("--generate")});
        QVERIFY2(run.exitCode == 0 && run.out.contains(QStringLiteral("never overwrites")), run.transcript().constData());
        QCOMPARE(readAll(key), privateKey);

        run = cli({QStringLiteral("keys"), file, QStringLiteral("--install"), QStringLiteral("--password-stdin")}, "wrong\n");
        QVERIFY2(run.exitCode == 255, run.transcript().constData());
        QVERIFY2(run.err.contains(QStringLiteral("the password was refused")), run.transcript().constData());

        run = cli({QStringLiteral("keys"), file, QStringLiteral("--install"), QStringLiteral("--password-stdin")},
                  password.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, run.transcript().constData());
        QVERIFY2(run.out.contains(QStringLiteral("key added")) && run.out.contains(QStringLiteral("the key logs in")),
                 run.transcript().constData());
        QVERIFY(!run.out.contains(password) && !run.err.contains(password));

        run = cli({QStringLiteral("keys"), file, QStringLiteral("--install"), QStringLiteral("--password-stdin")},
                  password.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0 && run.out.contains(QStringLiteral("was there already")), run.transcript().constData());
        QCOMPARE(readAll(m_lab.userHome(target.name, user) + QStringLiteral("/.ssh/authorized_keys")).count('\n'), 1);

        run = cli({QStringLiteral("exec"), file, QStringLiteral("--"), QStringLiteral("id"), QStringLiteral("-un")});
        QVERIFY2(run.exitCode == 0 && run.out.contains(user), run.transcript().constData());
    }

    // Ctrl+C on exec stops the command on the hosts, not just here.
    void execInterruptStopsTheRemoteCommands()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const QString file = clusterFile({{host(10).address, {}}, {host(11).address, {}}});
        QProcess exec;
        exec.start(QStringLiteral(SPARKDECK_CLI),
                   {QStringLiteral("exec"), file, QStringLiteral("--"), QStringLiteral("echo $$; exec sleep 300")});
        QStringList pids;
        QTRY_VERIFY_WITH_TIMEOUT((pids = QString::fromUtf8(exec.peek(4096)).split(QLatin1Char('\n'), Qt::SkipEmptyParts)).size() == 2,
                                 kWaitMs);
        for (QString &line : pids)
            line = line.section(QLatin1Char('|'), 1).trimmed();
        QVERIFY(processAlive(pids.at(0)) && processAlive(pids.at(1)));
        ::kill(pid_t(exec.processId()), SIGINT);
        QVERIFY(exec.waitForFinished(kWaitMs));
        QCOMPARE(exec.exitCode(), 130);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pids.at(0)) && !processAlive(pids.at(1)), kWaitMs);
    }
};

QTEST_GUILESS_MAIN(tst_SshCommands)
#include "tst_sshcommands.moc"
