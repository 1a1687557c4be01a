#pragma once

#include "ssh/sshsession.h"
#include "util/result.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

namespace SparkDeck {

/// A local listener whose every accepted connection becomes a direct-tcpip channel of the
/// host's shared SshSession: either to one fixed destination (like `ssh -L`), or, in SOCKS5
/// mode, to whatever the client asks for (like `ssh -D`), so a browser reaches every worker's
/// private address through one tunnel. Carries many parallel connections.
///
/// Rules: listens on the loopback interface unless told otherwise; the session is connected on
/// first use; a destination the host cannot reach closes that connection only.
class SshTunnel : public QObject
{
    Q_OBJECT
public:
    explicit SshTunnel(SshSession *session, QObject *parent = nullptr);
    ~SshTunnel() override;

    /// Forward to `host:port` as seen from the SSH server (e.g. "localhost", 8080).
    void setDestination(const QString &host, quint16 port);
    /// SOCKS5 (CONNECT, no authentication) instead of a fixed destination.
    void setSocks5(bool socks) { m_socks = socks; }

    /// Port 0 picks a free port; see localPort().
    Status listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 localPort() const { return m_server.serverPort(); }
    int activeConnections() const { return m_active; }

Q_SIGNALS:
    void connectionOpened();
    /// A relayed connection ended; `error` is empty when one side simply closed it.
    void connectionClosed(const QString &error);

private:
    void handleNewConnection();

    QPointer<SshSession> m_session;
    QTcpServer m_server;
    QString m_host;
    quint16 m_port = 0;
    bool m_socks = false;
    int m_active = 0;
};

} // namespace SparkDeck
