// NFS configuration for the shared folder: the kernel's exports line and nfs-ganesha's config,
// limited to the cluster's addresses, refusing what the formats cannot carry; and the ganesha
// config proven by a real ganesha.nfsd on 127.0.0.1 that libnfs' nfs-ls and nfs-cp talk to.
#include "render/nfsconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <unistd.h>

using namespace SparkDeck;

class tst_NfsConfigRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exportsLineListsEachClient();
    void exportsCanSquashRoot();
    void ganeshaConfigIsNfs4ForTheClientsOnly();
    void refusesWhatTheFormatsCannotCarry_data();
    void refusesWhatTheFormatsCannotCarry();
    void mountSourceAndUrl();
    void ganeshaServesTheRenderedExport();

private:
    static NfsExport share()
    {
        return {QStringLiteral("demo"), QStringLiteral("/srv/sparkdeck/share"), QStringLiteral("/srv/sparkdeck/share"),
                {QStringLiteral("10.77.0.11"), QStringLiteral("10.77.0.12")}, false};
    }
    /// Running and not a zombie (a daemon's zombie may wait long for its reaper here).
    static bool alive(qint64 pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return false;
        const QByteArray text = stat.readAll();
        const int end = text.lastIndexOf(')');
        return end > 0 && text.mid(end + 2, 1) != "Z";
    }
    static QString run(const QString &program, const QStringList &arguments, int *exitCode)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            *exitCode = -1;
        } else {
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        }
        return QString::fromUtf8(process.readAll());
    }
};

void tst_NfsConfigRenderer::exportsLineListsEachClient()
{
    const Result<QString> text = NfsConfigRenderer::exportsFile(share());
    QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.errorMessage()));
    const QStringList lines = text->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QLatin1String("# Written by SparkDeck for cluster 'demo'")));
    QCOMPARE(lines.last(), QStringLiteral("/srv/sparkdeck/share 10.77.0.11(rw,sync,no_subtree_check,no_root_squash) "
                                          "10.77.0.12(rw,sync,no_subtree_check,no_root_squash)"));
    for (const QString &line : lines)
        QVERIFY(line.startsWith(QLatin1Char('#')) || line == lines.last());
    QCOMPARE(NfsConfigRenderer::exportsFilePath(QStringLiteral("demo")), QStringLiteral("/etc/exports.d/sparkdeck-demo.exports"));
}

void tst_NfsConfigRenderer::exportsCanSquashRoot()
{
    NfsExport squashed = share();
    squashed.rootSquash = true;
    squashed.clients = {QStringLiteral("10.77.0.0/24"), QStringLiteral("fd00::5")};
    const Result<QString> text = NfsConfigRenderer::exportsFile(squashed);
    QVERIFY(text.ok());
    QVERIFY(text->contains(QLatin1String(" 10.77.0.0/24(rw,sync,no_subtree_check,root_squash) fd00::5(rw,")));
    GaneshaOptions options;
    options.stateDir = QStringLiteral("/opt/sparkdeck/demo/nfs");
    QVERIFY(NfsConfigRenderer::ganeshaConfig(squashed, options)->contains(QLatin1String("Squash = Root_Squash;")));
}

void tst_NfsConfigRenderer::ganeshaConfigIsNfs4ForTheClientsOnly()
{
    GaneshaOptions options;
    options.bindAddress = QStringLiteral("10.77.0.11");
    options.stateDir = QStringLiteral("/opt/sparkdeck/demo/nfs");
    const Result<QString> text = NfsConfigRenderer::ganeshaConfig(share(), options);
    QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.errorMessage()));
    for (const char *expected :
         {"Bind_addr = 10.77.0.11;", "NFS_Port = 2049;", "Protocols = 4;", "Enable_NLM = false;", "Enable_UDP = false;",
          "Graceless = true;", "RecoveryRoot = \"/opt/sparkdeck/demo/nfs/recovery\";", "Path = \"/srv/sparkdeck/share\";",
          "Pseudo = \"/srv/sparkdeck/share\";", "Transports = TCP;", "Squash = No_Root_Squash;",
          "Clients = 10.77.0.11, 10.77.0.12;", "Name = VFS;"}) {
        QVERIFY2(text->contains(QLatin1String(expected)), expected);
    }
    // Nobody but the clients: access None on the export and by default, RW only in CLIENT.
    QCOMPARE(text->count(QStringLiteral("Access_Type = None;")), 2);
    QCOMPARE(text->count(QStringLiteral("Access_Type = RW;")), 1);
    QVERIFY(text->indexOf(QLatin1String("Access_Type = RW;")) > text->indexOf(QLatin1String("CLIENT {")));
    QCOMPARE(text->count(QLatin1Char('{')), text->count(QLatin1Char('}')));

    options.bindAddress.clear();
    QVERIFY(!NfsConfigRenderer::ganeshaConfig(share(), options)->contains(QLatin1String("Bind_addr")));
}

void tst_NfsConfigRenderer::refusesWhatTheFormatsCannotCarry_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("clients");
    QTest::addColumn<QString>("bind");
    QTest::addColumn<QString>("stateDir");
    const QStringList ok{QStringLiteral("10.0.0.1")};
    const QString state = QStringLiteral("/opt/sparkdeck/x/nfs");
    QTest::newRow("space in path") << "/srv/my share" << ok << "" << state;
    QTest::newRow("quote in path") << "/srv/a\"b" << ok << "" << state;
    QTest::newRow("newline in path") << "/srv/a\nEXPORT {" << ok << "" << state;
    QTest::newRow("relative path") << "srv/share" << ok << "" << state;
    QTest::newRow("dot dot") << "/srv/../etc" << ok << "" << state;
    QTest::newRow("root") << "/" << ok << "" << state;
    QTest::newRow("no clients") << "/srv/share" << QStringList() << "" << state;
    QTest::newRow("client with options") << "/srv/share" << QStringList{QStringLiteral("10.0.0.1(rw,insecure)")} << "" << state;
    QTest::newRow("client with space") << "/srv/share" << QStringList{QStringLiteral("10.0.0.1 *")} << "" << state;
    QTest::newRow("client wildcard") << "/srv/share" << QStringList{QStringLiteral("*")} << "" << state;
    QTest::newRow("bad prefix") << "/srv/share" << QStringList{QStringLiteral("10.0.0.0/33")} << "" << state;
    QTest::newRow("bind to a name") << "/srv/share" << ok << "master.example" << state;
    QTest::newRow("state dir with semicolon") << "/srv/share" << ok << "" << "/opt/x;y";
}

void tst_NfsConfigRenderer::refusesWhatTheFormatsCannotCarry()
{
    QFETCH(QString, path);
    QFETCH(QStringList, clients);
    QFETCH(QString, bind);
    QFETCH(QString, stateDir);
    NfsExport bad{QStringLiteral("demo"), path, path, clients, false};
    GaneshaOptions options;
    options.bindAddress = bind;
    options.stateDir = stateDir;
    const Result<QString> ganesha = NfsConfigRenderer::ganeshaConfig(bad, options);
    QVERIFY(!ganesha.ok());
    QVERIFY(!ganesha.errorMessage().isEmpty());
    const bool exportsConcerned = bind.isEmpty() && stateDir == QLatin1String("/opt/sparkdeck/x/nfs");
    if (exportsConcerned)
        QVERIFY(!NfsConfigRenderer::exportsFile(bad).ok());
}

void tst_NfsConfigRenderer::mountSourceAndUrl()
{
    QCOMPARE(NfsConfigRenderer::mountSource(QStringLiteral("10.77.0.11"), QStringLiteral("/srv/share")),
             QStringLiteral("10.77.0.11:/srv/share"));
    QCOMPARE(NfsConfigRenderer::mountSource(QStringLiteral("fd00::1"), QStringLiteral("/srv/share")),
             QStringLiteral("[fd00::1]:/srv/share"));
    QCOMPARE(NfsConfigRenderer::url(QStringLiteral("10.77.0.11"), QStringLiteral("/srv/share")),
             QStringLiteral("nfs://10.77.0.11/srv/share/?version=4"));
    QCOMPARE(NfsConfigRenderer::url(QStringLiteral("10.77.0.11"), QStringLiteral("/srv/share/"), 2050, QStringLiteral("f.txt")),
             QStringLiteral("nfs://10.77.0.11/srv/share/f.txt?version=4&nfsport=2050"));
}

void tst_NfsConfigRenderer::ganeshaServesTheRenderedExport()
{
    const QString ganesha = QStandardPaths::findExecutable(QStringLiteral("ganesha.nfsd"));
    const QString nfsLs = QStandardPaths::findExecutable(QStringLiteral("nfs-ls"));
    const QString nfsCp = QStandardPaths::findExecutable(QStringLiteral("nfs-cp"));
    if (ganesha.isEmpty() || nfsLs.isEmpty() || nfsCp.isEmpty())
        QSKIP("needs nfs-ganesha, nfs-ganesha-vfs and libnfs-utils (scripts/install-deps installs them)");
    if (::geteuid() != 0)
        QSKIP("nfs-ganesha's VFS module needs root (open_by_handle_at)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString exported = dir.filePath(QStringLiteral("export"));
    const QString state = dir.filePath(QStringLiteral("nfs"));
    QVERIFY(QDir().mkpath(exported));
    QVERIFY(QDir().mkpath(state + QStringLiteral("/recovery")));
    QFile hello(exported + QStringLiteral("/hello.txt"));
    QVERIFY(hello.open(QIODevice::WriteOnly));
    hello.write("hello from the server\n");
    hello.close();

    // A free port, so that this test never meets another server on 2049.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int port = probe.serverPort();
    probe.close();

    const QString pidFile = state + QStringLiteral("/ganesha.pid");
    const QString logFile = state + QStringLiteral("/ganesha.log");
    auto start = [&](const QStringList &clients) -> qint64 {
        NfsExport served{QStringLiteral("tst"), exported, QStringLiteral("/sparkdeck-test"), clients, false};
        GaneshaOptions options;
        options.bindAddress = QStringLiteral("127.0.0.1");
        options.port = port;
        options.stateDir = state;
        const Result<QString> config = NfsConfigRenderer::ganeshaConfig(served, options);
        if (!config.ok())
            return -1;
        QFile file(state + QStringLiteral("/ganesha.conf"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return -1;
        file.write(config->toUtf8());
        file.close();
        QFile::remove(logFile);
        int code = 0;
        run(ganesha, {QStringLiteral("-L"), logFile, QStringLiteral("-f"), file.fileName(), QStringLiteral("-p"), pidFile,
                      QStringLiteral("-N"), QStringLiteral("NIV_EVENT")}, &code);
        if (code != 0)
            return -1;
        for (int i = 0; i < 100; ++i) {
            QFile log(logFile);
            if (log.open(QIODevice::ReadOnly) && log.readAll().contains("NFS SERVER INITIALIZED"))
                break;
            QTest::qWait(100);
        }
        QFile pid(pidFile);
        return pid.open(QIODevice::ReadOnly) ? pid.readAll().trimmed().toLongLong() : -1;
    };
    qint64 pid = 0;
    auto stop = [&] { // by PID only: other servers may run on this machine
        if (pid > 0) {
            ::kill(pid_t(pid), SIGTERM);
            for (int i = 0; i < 100 && alive(pid); ++i)
                QTest::qWait(100);
            if (alive(pid))
                ::kill(pid_t(pid), SIGKILL);
            pid = 0;
        }
    };
    auto guard = qScopeGuard(stop);

    pid = start({QStringLiteral("127.0.0.1")});
    QVERIFY2(pid > 0, qPrintable(QStringLiteral("ganesha did not start; see ") + logFile));
    const QString url = NfsConfigRenderer::url(QStringLiteral("127.0.0.1"), QStringLiteral("/sparkdeck-test"), port);
    int code = 0;
    const QString listing = run(nfsLs, {url}, &code);
    QVERIFY2(code == 0, qPrintable(listing));
    QVERIFY2(listing.contains(QLatin1String("hello.txt")), qPrintable(listing));

    const QString local = dir.filePath(QStringLiteral("from-client.txt"));
    QFile written(local);
    QVERIFY(written.open(QIODevice::WriteOnly));
    written.write("written through libnfs\n");
    written.close();
    const QString copied = run(nfsCp, {local, NfsConfigRenderer::url(QStringLiteral("127.0.0.1"), QStringLiteral("/sparkdeck-test"),
                                                                    port, QStringLiteral("from-client.txt"))},
                               &code);
    QVERIFY2(code == 0, qPrintable(copied));
    QFile arrived(exported + QStringLiteral("/from-client.txt"));
    QVERIFY(arrived.open(QIODevice::ReadOnly));
    QCOMPARE(arrived.readAll(), QByteArray("written through libnfs\n"));

    // A client that is not listed gets nothing.
    stop();
    pid = start({QStringLiteral("192.0.2.10")});
    QVERIFY2(pid > 0, qPrintable(QStringLiteral("ganesha did not restart; see ") + logFile));
    const QString refused = run(nfsLs, {url}, &code);
    QVERIFY2(code != 0, qPrintable(refused));
    QVERIFY(!refused.contains(QLatin1String("hello.txt")));
}

QTEST_GUILESS_MAIN(tst_NfsConfigRenderer)
#include "tst_nfsconfigrenderer.moc"
