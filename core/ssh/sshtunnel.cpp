#include "sshtunnel.h"

#include "ssh/sshlogging.h"
#include "ssh/tunnelconnection.h"

#include <QTcpSocket>

namespace SparkDeck {

SshTunnel::SshTunnel(SshSession *session, QObject *parent) : QObject(parent), m_session(session)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SshTunnel::handleNewConnection);
}

SshTunnel::~SshTunnel()
{
    close();
}

void SshTunnel::setDestination(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
}

Status SshTunnel::listen(const QHostAddress &address, quint16 port)
{
    if (!m_socks && (m_host.isEmpty() || m_port == 0))
        return Error{tr("The tunnel has no destination.")};
    if (!m_server.listen(address, port)) {
        return Error{tr("Cannot listen on %1 port %2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_server.errorString())};
    }
    qCInfo(lcSsh) << "tunnel listening on" << address.toString() << m_server.serverPort()
                  << (m_socks ? QStringLiteral("(SOCKS5)") : m_host + QLatin1Char(':') + QString::number(m_port));
    return success();
}

void SshTunnel::close()
{
    m_server.close();
    const auto connections = findChildren<Internal::TunnelConnection *>();
    for (Internal::TunnelConnection *connection : connections)
        connection->close();
}

void SshTunnel::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (!m_session) {
            socket->deleteLater();
            continue;
        }
        auto *connection = new Internal::TunnelConnection(m_session, socket, m_socks, m_host,
                                                          m_port, this);
        ++m_active;
        connect(connection, &Internal::TunnelConnection::closed, this, [this](const QString &error) {
            --m_active;
            Q_EMIT connectionClosed(error);
        });
        Q_EMIT connectionOpened();
        connection->start();
    }
}

} // namespace SparkDeck
