// Tunnels against real sshd in the lab hosts: an HTTP server inside a lab host, reached by 20
// concurrent clients through a local port forward, and through SOCKS5 at another host's address.
// Needs the CTest fixture `lab`; skips with the lab's reason otherwise. Never asserts on time.
#include "labhosts.h"

#include "ssh/sshsession.h"
#include "ssh/sshtunnel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

constexpr int kWaitMs = 60000;
constexpr quint16 kHttpPort = 18080;
const QString kWebDir = QStringLiteral("/srv/sd-web");

} // namespace

class tst_SshTunnel : public QObject
{
    Q_OBJECT

private:
    LabHosts m_lab;
    QByteArray m_payload;
    QStringList m_serverHosts;

    SshTarget target(const LabHost &labHost) const
    {
        SshTarget target;
        target.host = labHost.address;
        target.port = labHost.port;
        target.identityFile = m_lab.identityFile();
        target.useAgent = false;
        target.knownHostsFile = m_lab.knownHostsFile();
        target.hostKeyPolicy = HostKeyPolicy::Strict;
        return target;
    }

    // python3's http.server in the host, serving kWebDir on `bind`.
    bool startHttpServer(const LabHost &labHost, const QString &bind)
    {
        const QString dir = m_lab.hostPath(labHost.name, kWebDir);
        if (!QDir().mkpath(dir))
            return false;
        QFile file(dir + QStringLiteral("/payload.bin"));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        file.write(m_payload);
        file.close();
        QString error;
        const bool ok = m_lab.runOnHost(
            labHost.name,
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("cd %1 && setsid /usr/bin/python3 -m http.server %2 --bind %3 "
                            ">/dev/null 2>&1 < /dev/null & echo $! > %1/http.pid")
                 .arg(kWebDir)
                 .arg(kHttpPort)
                 .arg(bind)},
            nullptr, &error);
        if (!ok) {
            qWarning() << "cannot start the HTTP server:" << error;
            return false;
        }
        m_serverHosts << labHost.name;
        // Wait until it listens (from inside the host).
        for (int i = 0; i < 100; ++i) {
            if (m_lab.runOnHost(labHost.name,
                                {QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"),
                                 QStringLiteral("import socket,sys; "
                                                "socket.create_connection((sys.argv[1], int(sys.argv[2])), 1)"),
                                 bind == QLatin1String("0.0.0.0") ? labHost.address : bind,
                                 QString::number(kHttpPort)}))
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    QList<QByteArray> fetchAll(QNetworkAccessManager &manager, const QUrl &url, int count)
    {
        QList<QNetworkReply *> replies;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            replies << manager.get(request);
        }
        QList<QByteArray> bodies;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                finished.wait(kWaitMs);
            }
            bodies << (reply->error() == QNetworkReply::NoError ? reply->readAll()
                                                                 : reply->errorString().toUtf8());
            reply->deleteLater();
        }
        return bodies;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_lab = LabHosts::fromEnvironment();
        m_payload.resize(2 * 1024 * 1024);
        for (char &c : m_payload)
            c = char(QRandomGenerator::global()->bounded(256));
    }

    void cleanupTestCase()
    {
        for (const QString &name : std::as_const(m_serverHosts)) {
            m_lab.runOnHost(name, {QStringLiteral("sh"), QStringLiteral("-c"),
                                   QStringLiteral("kill $(cat %1/http.pid) 2>/dev/null; true").arg(kWebDir)});
        }
    }

    void localForwardWithConcurrentClients()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost labHost = m_lab.hosts().at(10);
        QVERIFY(startHttpServer(labHost, QStringLiteral("127.0.0.1")));
        SshSession session(target(labHost));
        SshTunnel tunnel(&session);
        tunnel.setDestination(QStringLiteral("127.0.0.1"), kHttpPort); // the host's own loopback
        const Status listening = tunnel.listen();
        if (!listening)
            QFAIL(qPrintable(listening.errorMessage()));
        QVERIFY(tunnel.localPort() != 0);

        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/payload.bin").arg(tunnel.localPort()));
        const QList<QByteArray> bodies = fetchAll(manager, url, 20);
        QCOMPARE(bodies.size(), 20);
        for (const QByteArray &body : bodies) {
            QCOMPARE(body.size(), m_payload.size());
            QVERIFY(body == m_payload);
        }
        QVERIFY(session.isConnected());
    }

    void manyRawConnectionsAtOnce()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        // More parallel connections than sshd's MaxSessions: tunnels must not queue on it.
        const LabHost labHost = m_lab.hosts().at(10);
        if (!m_serverHosts.contains(labHost.name))
            QVERIFY(startHttpServer(labHost, QStringLiteral("127.0.0.1")));
        SshSession session(target(labHost));
        SshTunnel tunnel(&session);
        tunnel.setDestination(QStringLiteral("127.0.0.1"), kHttpPort);
        QVERIFY(tunnel.listen());
        // Event-driven clients: the tunnel lives in this thread's event loop.
        constexpr int kClients = 24;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        QList<QByteArray> answers(kClients);
        int connected = 0;
        int done = 0;
        for (int i = 0; i < kClients; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = socket.get();
            connect(raw, &QTcpSocket::connected, this, [&connected] { ++connected; });
            connect(raw, &QTcpSocket::readyRead, this, [raw, &answers, i] { answers[i] += raw->readAll(); });
            connect(raw, &QTcpSocket::disconnected, this, [raw, &answers, &done, i] {
                answers[i] += raw->readAll();
                ++done;
            });
            socket->connectToHost(QHostAddress::LocalHost, tunnel.localPort());
            sockets.push_back(std::move(socket));
        }
        QTRY_COMPARE_WITH_TIMEOUT(connected, kClients, kWaitMs);
        // All open at once, then each asks for a small page.
        for (auto &socket : sockets)
            socket->write("GET / HTTP/1.0\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(done, kClients, kWaitMs);
        for (const QByteArray &answer : answers)
            QVERIFY2(answer.startsWith("HTTP/1.0 200"), answer.left(200).constData());
        QTRY_COMPARE_WITH_TIMEOUT(tunnel.activeConnections(), 0, kWaitMs);
    }

    void socks5ReachesAnotherHost()
    {
        SPARKDECK_REQUIRE_LAB(m_lab);
        const LabHost jump = m_lab.hosts().at(11);
        const LabHost inner = m_lab.hosts().at(12);
        QVERIFY(startHttpServer(inner, QStringLiteral("0.0.0.0")));
        SshSession session(target(jump));
        SshTunnel tunnel(&session);
        tunnel.setSocks5(true);
        QVERIFY(tunnel.listen());

        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy(QNetworkProxy::Socks5Proxy, QStringLiteral("127.0.0.1"),
                                       tunnel.localPort()));
        const QUrl url(QStringLiteral("http://%1:%2/payload.bin").arg(inner.address).arg(kHttpPort));
        const QList<QByteArray> bodies = fetchAll(manager, url, 8);
        for (const QByteArray &body : bodies)
            QVERIFY2(body == m_payload, body.left(200).constData());

        // A destination nobody listens on fails that connection only.
        QSignalSpy closed(&tunnel, &SshTunnel::connectionClosed);
        const QUrl dead(QStringLiteral("http://%1:1/").arg(inner.address));
        QNetworkReply *reply = manager.get(QNetworkRequest(dead));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(kWaitMs) || reply->isFinished());
        QVERIFY(reply->error() != QNetworkReply::NoError);
        reply->deleteLater();
        QVERIFY(session.isConnected());
        const QList<QByteArray> again = fetchAll(manager, url, 1);
        QVERIFY(again.first() == m_payload);
    }
};

QTEST_GUILESS_MAIN(tst_SshTunnel)
#include "tst_sshtunnel.moc"
