#pragma once

#include "ssh/sshchannelclient.h"
#include "ssh/sshsession.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;

namespace SparkDeck::Internal {

/// One accepted local TCP connection of an SshTunnel, relayed through one direct-tcpip
/// channel of the session. In SOCKS5 mode it first reads the client's CONNECT request (no
/// authentication; IPv4, IPv6 and host names) and answers it once the channel is open.
///
/// Rules: both directions are bounded (a slow reader slows its writer, nothing buffers
/// without limit); either side closing closes the other; closed() comes exactly once and the
/// object deletes itself later.
class TunnelConnection : public QObject, private SshChannelClient
{
    Q_OBJECT
public:
    /// `socks` true: the destination comes from the SOCKS5 request; else host:port.
    TunnelConnection(SshSession *session, QTcpSocket *socket, bool socks, const QString &host,
                     quint16 port, QObject *parent = nullptr);
    ~TunnelConnection() override;

    void start();
    void close(const QString &reason = QString());
    QString destination() const;

Q_SIGNALS:
    void closed(const QString &error);

private:
    enum class Phase { SocksGreeting, SocksRequest, WaitingForSlot, Opening, Relaying, Done };

    bool pumpChannel() override;
    void sessionClosed(const QString &reason) override;

    void handleSocketReadable();
    bool parseSocks();
    void socksReply(quint8 code);

    QPointer<SshSession> m_session;
    QTcpSocket *m_socket;
    bool m_socks;
    QString m_host;
    quint16 m_port;
    Phase m_phase;
    LIBSSH2_CHANNEL *m_channel = nullptr;
    bool m_attached = false;
    QByteArray m_toRemote;
    bool m_localEof = false;
    bool m_eofSent = false;
};

} // namespace SparkDeck::Internal
