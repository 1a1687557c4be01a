// ClusterWebAccess against real sshd in the lab: an HTTP server inside a lab host, bound to the
// host's private address (as Spark's UI is, with SPARK_LOCAL_IP), reached through the local
// forward; a second forward (Jupyter's place); listening on 127.0.0.1 only; the host's sshd
// killed → unavailable, reconnect refused while it is down, then available again on the same
// local port. And a cluster on this computer: 127.0.0.1 directly, no tunnel.
// Needs the CTest fixture `lab` for the SSH cases (skips with the lab's reason otherwise).
#include "labhosts.h"

#include "monitor/clusterwebaccess.h"
#include "provisioning/localmachine.h"
#include "provisioning/sshmachine.h"
#include "ssh/sshsession.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {
constexpr int kWaitMs = 60000;
constexpr quint16 kUiPort = 18480;      // the "master UI"
constexpr quint16 kJupyterPort = 18488; // a second service on the master
const QString kWebDir = QStringLiteral("/srv/sd-webaccess");
} // namespace

class tst_ClusterWebAccess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void localClusterNeedsNoTunnel();
    void forwardsToTheMastersPrivateAddress();
    void secondForwardToAnyMasterPort();
    void listensOnLoopbackOnly();
    void lostSessionThenReconnectOnDemand();

private:
    SshTarget target(const LabHost &host) const
    {
        SshTarget t;
        t.host = host.address;
        t.port = host.port;
        t.identityFile = m_lab.identityFile();
        t.useAgent = false;
        t.knownHostsFile = m_lab.knownHostsFile();
        t.hostKeyPolicy = HostKeyPolicy::Strict;
        return t;
    }
    bool startHttpServer(quint16 port, const QByteArray &marker);
    QByteArray fetch(const QUrl &url, QString *error = nullptr);
    bool waitAvailable(ClusterWebAccess &web);

    LabHosts m_lab = LabHosts::fromEnvironment();
    LabHost m_host;
    QStringList m_pidFiles;
    std::unique_ptr<SshSession> m_session;
    std::unique_ptr<SshMachine> m_machine;
    std::unique_ptr<ClusterWebAccess> m_web;
    QNetworkAccessManager m_network;
};

void tst_ClusterWebAccess::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    if (!m_lab.available())
        return; // the SSH cases skip one by one
    m_host = m_lab.hosts().constLast();
    QVERIFY(startHttpServer(kUiPort, "master-ui-marker"));
    QVERIFY(startHttpServer(kJupyterPort, "jupyter-marker"));
    m_session = std::make_unique<SshSession>(target(m_host));
    m_machine = std::make_unique<SshMachine>(m_session.get(), m_host.address);
    m_web = std::make_unique<ClusterWebAccess>(m_machine.get(), kUiPort);
}

void tst_ClusterWebAccess::cleanupTestCase()
{
    m_web.reset();
    m_machine.reset();
    m_session.reset();
    if (!m_lab.available())
        return;
    m_lab.startSshd(m_host.name);
    for (const QString &pidFile : std::as_const(m_pidFiles)) {
        m_lab.runOnHost(m_host.name, {QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("kill $(cat %1) 2>/dev/null; rm -f %1; true").arg(pidFile)});
    }
}

bool tst_ClusterWebAccess::startHttpServer(quint16 port, const QByteArray &marker)
{
    const QString dir = QStringLiteral("%1/%2").arg(kWebDir).arg(port);
    const QString local = m_lab.hostPath(m_host.name, dir);
    QDir().mkpath(local);
    QFile index(local + QStringLiteral("/index.html"));
    if (!index.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    index.write("<html><head><title>" + marker + "</title></head><body>" + marker + "</body></html>");
    index.close();
    const QString pidFile = dir + QStringLiteral("/http.pid");
    QString error;
    // Bound to the host's private address only, like Spark's UI with SPARK_LOCAL_IP.
    if (!m_lab.runOnHost(m_host.name,
                         {QStringLiteral("sh"), QStringLiteral("-c"),
                          QStringLiteral("cd %1 && setsid /usr/bin/python3 -m http.server %2 --bind %3 "
                                         ">/dev/null 2>&1 </dev/null & echo $! > %4")
                              .arg(dir).arg(port).arg(m_host.address, pidFile)},
                         nullptr, &error)) {
        qWarning() << "cannot start the HTTP server:" << error;
        return false;
    }
    m_pidFiles << pidFile;
    for (int i = 0; i < 100; ++i) {
        if (m_lab.runOnHost(m_host.name,
                            {QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"),
                             QStringLiteral("import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 1)"),
                             m_host.address, QString::number(port)}))
            return true;
        QTest::qWait(100);
    }
    return false;
}

QByteArray tst_ClusterWebAccess::fetch(const QUrl &url, QString *error)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(20000);
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(kWaitMs);
    const QByteArray body = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    if (error)
        *error = reply->errorString();
    reply->deleteLater();
    return body;
}

bool tst_ClusterWebAccess::waitAvailable(ClusterWebAccess &web)
{
    if (web.isAvailable())
        return true;
    QSignalSpy available(&web, &ClusterWebAccess::available);
    QSignalSpy unavailable(&web, &ClusterWebAccess::unavailable);
    if (!QTest::qWaitFor([&] { return available.size() + unavailable.size() > 0; }, kWaitMs))
        return false;
    if (!unavailable.isEmpty())
        qWarning() << "unavailable:" << unavailable.first().first().toString();
    return !available.isEmpty();
}

void tst_ClusterWebAccess::localClusterNeedsNoTunnel()
{
    LocalMachine master;
    ClusterWebAccess web(&master, 8080);
    QVERIFY(!web.isTunnelled());
    QSignalSpy available(&web, &ClusterWebAccess::available);
    web.open();
    QCOMPARE(available.size(), 0); // never from inside open()
    QVERIFY(available.wait(5000));
    QCOMPARE(available.first().first().toUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080/")));
    QCOMPARE(web.masterUiUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080/")));
    QSignalSpy forward(&web, &ClusterWebAccess::forwardAvailable);
    web.openForward(8888);
    QVERIFY(forward.wait(5000));
    QCOMPARE(forward.first().at(1).toUrl(), QUrl(QStringLiteral("http://127.0.0.1:8888/")));
}

void tst_ClusterWebAccess::forwardsToTheMastersPrivateAddress()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(m_web->isTunnelled());
    QCOMPARE(m_web->remoteMasterUiUrl(), QUrl(QStringLiteral("http://%1:%2/").arg(m_host.address).arg(kUiPort)));
    QSignalSpy states(m_web.get(), &ClusterWebAccess::stateChanged);
    m_web->open();
    QCOMPARE(m_web->state(), ClusterWebAccess::State::Opening);
    QVERIFY(waitAvailable(*m_web));
    const QUrl url = m_web->masterUiUrl();
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QString error;
    QVERIFY2(fetch(url, &error).contains("master-ui-marker"), qPrintable(error));
    QVERIFY(m_session->isConnected());
}

void tst_ClusterWebAccess::secondForwardToAnyMasterPort()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(waitAvailable(*m_web));
    QSignalSpy forward(m_web.get(), &ClusterWebAccess::forwardAvailable);
    m_web->openForward(kJupyterPort);
    QVERIFY(forward.wait(kWaitMs));
    QCOMPARE(forward.first().at(0).value<quint16>(), kJupyterPort);
    const QUrl url = forward.first().at(1).toUrl();
    QCOMPARE(url, m_web->forwardUrl(kJupyterPort));
    QVERIFY(url.port() != m_web->masterUiUrl().port());
    QVERIFY(fetch(url).contains("jupyter-marker"));
    QVERIFY(fetch(m_web->masterUiUrl()).contains("master-ui-marker"));
}

void tst_ClusterWebAccess::listensOnLoopbackOnly()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(waitAvailable(*m_web));
    const quint16 port = quint16(m_web->masterUiUrl().port());
    int tried = 0;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
            continue;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        QVERIFY2(!socket.waitForConnected(2000),
                 qPrintable(QStringLiteral("the tunnel answers on %1").arg(address.toString())));
        ++tried;
    }
    QVERIFY2(tried > 0, "this machine has a non-loopback address (the lab bridge at least)");
}

void tst_ClusterWebAccess::lostSessionThenReconnectOnDemand()
{
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(waitAvailable(*m_web));
    const QUrl before = m_web->masterUiUrl();
    const QUrl jupyterBefore = m_web->forwardUrl(kJupyterPort);
    auto restore = qScopeGuard([this] { m_lab.startSshd(m_host.name); });

    // sshd and its sessions die: the web access notices by itself.
    QSignalSpy unavailable(m_web.get(), &ClusterWebAccess::unavailable);
    QVERIFY(m_lab.stopSshd(m_host.name));
    QVERIFY(unavailable.wait(kWaitMs));
    QCOMPARE(m_web->state(), ClusterWebAccess::State::Unavailable);
    const QString reason = unavailable.first().first().toString();
    QVERIFY2(reason.contains(m_host.address), qPrintable(reason));
    QVERIFY(m_web->masterUiUrl().isEmpty());
    // Nothing listens any more: the browser gets a refusal at once, not a hang.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(before.port()));
    QVERIFY(!socket.waitForConnected(3000));

    // Reconnect while sshd is still down: unavailable again, with SSH's reason.
    unavailable.clear();
    m_web->reconnect();
    QVERIFY(unavailable.wait(kWaitMs));
    QVERIFY2(unavailable.first().first().toString().contains(m_host.address),
             qPrintable(unavailable.first().first().toString()));

    // sshd back, reconnect on demand: the same local ports, the pages answer again.
    QVERIFY(m_lab.startSshd(m_host.name));
    QSignalSpy available(m_web.get(), &ClusterWebAccess::available);
    QSignalSpy forwards(m_web.get(), &ClusterWebAccess::forwardAvailable);
    m_web->reconnect();
    QVERIFY(available.wait(kWaitMs));
    QCOMPARE(available.first().first().toUrl(), before);
    QTRY_VERIFY_WITH_TIMEOUT(!forwards.isEmpty(), 5000);
    QCOMPARE(forwards.first().at(1).toUrl(), jupyterBefore);
    QVERIFY(fetch(before).contains("master-ui-marker"));
    QVERIFY(fetch(jupyterBefore).contains("jupyter-marker"));
}

QTEST_GUILESS_MAIN(tst_ClusterWebAccess)
#include "tst_clusterwebaccess.moc"
