#include "tunnelconnection.h"

#include "ssh/sshlogging.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <libssh2.h>

namespace SparkDeck::Internal {

namespace {

constexpr qint64 kMaxBuffered = 512 * 1024;
constexpr qsizetype kChunk = 32 * 1024;

} // namespace

TunnelConnection::TunnelConnection(SshSession *session, QTcpSocket *socket, bool socks,
                                   const QString &host, quint16 port, QObject *parent)
    : QObject(parent), m_session(session), m_socket(socket), m_socks(socks), m_host(host),
      m_port(port), m_phase(socks ? Phase::SocksGreeting : Phase::WaitingForSlot)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kMaxBuffered);
    connect(m_socket, &QTcpSocket::readyRead, this, &TunnelConnection::handleSocketReadable);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_session)
            m_session->schedulePump();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_localEof = true;
        handleSocketReadable();
    });
}

TunnelConnection::~TunnelConnection()
{
    if (m_session) {
        if (m_channel)
            m_session->disposeChannel(m_channel, false);
        if (m_attached)
            m_session->detachClient(this);
    }
}

QString TunnelConnection::destination() const
{
    return m_host + QLatin1Char(':') + QString::number(m_port);
}

void TunnelConnection::start()
{
    if (!m_session) {
        close(tr("No SSH session."));
        return;
    }
    m_attached = true;
    m_session->attachClient(this);
    if (m_session->state() == SshSession::State::Disconnected)
        m_session->connectToHost();
    handleSocketReadable();
}

void TunnelConnection::handleSocketReadable()
{
    if (m_phase == Phase::Done)
        return;
    if (m_phase == Phase::SocksGreeting || m_phase == Phase::SocksRequest) {
        if (!parseSocks())
            return;
    }
    if (m_session)
        m_session->schedulePump();
}

// Reads as much of the SOCKS5 exchange as has arrived; false when it closed the connection.
bool TunnelConnection::parseSocks()
{
    for (;;) {
        const QByteArray data = m_socket->peek(512);
        if (m_phase == Phase::SocksGreeting) {
            if (data.size() < 2)
                return true;
            const int methods = quint8(data.at(1));
            if (data.at(0) != 0x05) {
                close(tr("A client spoke something other than SOCKS5 to the tunnel."));
                return false;
            }
            if (data.size() < 2 + methods)
                return true;
            m_socket->read(2 + methods);
            if (!data.mid(2, methods).contains('\0')) {
                m_socket->write(QByteArray("\x05\xff", 2));
                close(tr("The SOCKS client wants authentication; the tunnel offers none."));
                return false;
            }
            m_socket->write(QByteArray("\x05\x00", 2));
            m_phase = Phase::SocksRequest;
            continue;
        }
        if (m_phase != Phase::SocksRequest)
            return true;
        if (data.size() < 5)
            return true;
        if (data.at(0) != 0x05 || data.at(1) != 0x01) {
            socksReply(0x07); // command not supported: CONNECT only
            close(tr("The SOCKS client asked for something other than CONNECT."));
            return false;
        }
        const quint8 type = quint8(data.at(3));
        qsizetype need = 0;
        if (type == 0x01)
            need = 4 + 4 + 2;
        else if (type == 0x04)
            need = 4 + 16 + 2;
        else if (type == 0x03)
            need = 4 + 1 + quint8(data.at(4)) + 2;
        else {
            socksReply(0x08);
            close(tr("The SOCKS client used an unknown address type."));
            return false;
        }
        if (data.size() < need)
            return true;
        const QByteArray request = m_socket->read(need);
        if (type == 0x01) {
            m_host = QHostAddress(qFromBigEndian<quint32>(request.constData() + 4)).toString();
        } else if (type == 0x04) {
            m_host = QHostAddress(reinterpret_cast<const quint8 *>(request.constData() + 4)).toString();
        } else {
            m_host = QString::fromUtf8(request.mid(5, quint8(request.at(4))));
        }
        m_port = qFromBigEndian<quint16>(request.constData() + need - 2);
        m_phase = Phase::WaitingForSlot;
        return true;
    }
}

void TunnelConnection::socksReply(quint8 code)
{
    QByteArray reply("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10);
    reply[1] = char(code);
    m_socket->write(reply);
    m_socket->flush();
}

bool TunnelConnection::pumpChannel()
{
    if (!m_session || !m_session->isConnected() || m_phase == Phase::Done)
        return false;
    LIBSSH2_SESSION *session = m_session->handle();
    bool progress = false;
    if (m_phase == Phase::WaitingForSlot) {
        // sshd's MaxSessions does not count direct-tcpip channels, and a browser keeps its
        // connections open: tunnels do not take exec slots.
        m_phase = Phase::Opening;
        progress = true;
    }
    if (m_phase == Phase::Opening) {
        // libssh2 keeps one pending channel open per session: take turns with the others.
        if (!m_session->acquireOpenTurn(this))
            return progress;
        const QByteArray host = m_host.toUtf8();
        const QByteArray origin = m_socket->peerAddress().toString().toLatin1();
        m_channel = libssh2_channel_direct_tcpip_ex(session, host.constData(), int(m_port),
                                                    origin.constData(), int(m_socket->peerPort()));
        const int openCode = m_channel ? 0 : libssh2_session_last_errno(session);
        if (openCode != LIBSSH2_ERROR_EAGAIN)
            m_session->releaseOpenTurn(this);
        if (!m_channel) {
            const int code = openCode;
            if (code == LIBSSH2_ERROR_EAGAIN)
                return progress;
            const QString detail = m_session->lastLibssh2Error();
            if (m_session->handleLibssh2Error(code, QString()))
                return true;
            if (m_socks)
                socksReply(0x05); // connection refused
            close(tr("%1 could not open a connection to %2: %3")
                      .arg(m_session->target().host, destination(), detail));
            return true;
        }
        if (m_socks)
            socksReply(0x00);
        m_phase = Phase::Relaying;
        progress = true;
    }
    if (m_phase != Phase::Relaying)
        return progress;

    // Local -> remote.
    if (m_toRemote.size() < kChunk && m_socket->bytesAvailable() > 0)
        m_toRemote += m_socket->read(kChunk);
    while (!m_toRemote.isEmpty()) {
        const ssize_t written = libssh2_channel_write(m_channel, m_toRemote.constData(),
                                                      size_t(m_toRemote.size()));
        if (written == LIBSSH2_ERROR_EAGAIN)
            break;
        if (written < 0) {
            if (m_session->handleLibssh2Error(int(written), QString()))
                return true;
            close(tr("Writing to %1 through %2 failed.").arg(destination(), m_session->target().host));
            return true;
        }
        m_toRemote.remove(0, written);
        progress = true;
        if (m_toRemote.isEmpty() && m_socket->bytesAvailable() > 0)
            m_toRemote += m_socket->read(kChunk);
    }
    if (m_localEof && m_toRemote.isEmpty() && m_socket->bytesAvailable() == 0 && !m_eofSent) {
        const int rc = libssh2_channel_send_eof(m_channel);
        if (rc != LIBSSH2_ERROR_EAGAIN) {
            m_eofSent = true;
            progress = true;
        }
    }

    // Remote -> local, while the local side keeps up.
    char buffer[kChunk];
    while (m_socket->bytesToWrite() < kMaxBuffered) {
        const ssize_t n = libssh2_channel_read(m_channel, buffer, sizeof buffer);
        if (n == LIBSSH2_ERROR_EAGAIN || n == 0)
            break;
        if (n < 0) {
            if (m_session->handleLibssh2Error(int(n), QString()))
                return true;
            close(tr("Reading from %1 through %2 failed.").arg(destination(), m_session->target().host));
            return true;
        }
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(buffer, n);
        progress = true;
    }
    if (libssh2_channel_eof(m_channel)) {
        // The far end closed: pass it on once everything is written.
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->disconnectFromHost();
        close();
        return true;
    }
    if (m_eofSent && m_socket->state() != QAbstractSocket::ConnectedState) {
        close();
        return true;
    }
    return progress;
}

void TunnelConnection::sessionClosed(const QString &reason)
{
    m_channel = nullptr;
    m_attached = false;
    if (m_session)
        m_session->detachClient(this);
    close(reason);
}

void TunnelConnection::close(const QString &reason)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    if (m_session) {
        if (m_channel) {
            m_session->disposeChannel(m_channel, false);
            m_channel = nullptr;
        }
        if (m_attached) {
            m_session->detachClient(this);
            m_attached = false;
        }
    }
    if (!reason.isEmpty())
        qCInfo(lcSsh).noquote() << reason;
    Q_EMIT closed(reason);
    // Let the socket write what it still holds before it goes.
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(30000, this, &QObject::deleteLater);
        m_socket->disconnectFromHost();
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            deleteLater();
    } else {
        deleteLater();
    }
}

} // namespace SparkDeck::Internal
