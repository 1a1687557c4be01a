#include "sshsession.h"

#include "ssh/knownhosts.h"
#include "ssh/privatekeyinfo.h"
#include "ssh/sshchannelclient.h"
#include "ssh/sshlogging.h"

#include <QDir>
#include <QFileInfo>
#include <QHostInfo>
#include <QMetaMethod>
#include <QSocketNotifier>

#include <libssh2.h>
#include <libssh2_sftp.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace SparkDeck {

namespace {

constexpr int kTickMs = 250;

void ensureLibssh2Initialized()
{
    static std::once_flag once;
    std::call_once(once, [] { libssh2_init(0); });
}

constexpr qsizetype kOutgoingHighWater = 4 * 1024 * 1024; // clients wait above this
constexpr qsizetype kOutgoingLowWater = 1024 * 1024;

} // namespace

namespace Internal {

/// What libssh2's socket callbacks see (their `abstract` pointer): the receive clock for
/// keepalive accounting, and the send queue. libssh2 1.10 fails a channel's send while another
/// channel's packet is half-sent, so every packet is taken whole: what the socket does not take
/// now waits here and goes out from the pump when the socket is writable.
struct SessionIo
{
    QElapsedTimer *activity = nullptr;
    QByteArray outgoing;
    qsizetype outgoingSent = 0;
    int sendError = 0; ///< errno of a failed send, reported by the pump

    qsizetype queued() const { return outgoing.size() - outgoingSent; }
};

} // namespace Internal

namespace {

// libssh2 expects -errno on failure, like its own default callbacks.
ssize_t recvCallback(libssh2_socket_t fd, void *buffer, size_t length, int flags, void **abstract)
{
    const ssize_t rc = ::recv(fd, buffer, length, flags);
    if (rc < 0)
        return -errno;
    if (abstract && *abstract)
        static_cast<Internal::SessionIo *>(*abstract)->activity->restart();
    return rc;
}

ssize_t sendCallback(libssh2_socket_t fd, const void *buffer, size_t length, int flags, void **abstract)
{
    auto *io = static_cast<Internal::SessionIo *>(*abstract);
    if (io->sendError)
        return -io->sendError;
    const char *data = static_cast<const char *>(buffer);
    size_t sent = 0;
    if (io->queued() == 0) {
        const ssize_t rc = ::send(fd, buffer, length, flags | MSG_NOSIGNAL);
        if (rc < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return -errno;
        sent = rc > 0 ? size_t(rc) : 0;
        if (sent == length)
            return ssize_t(length);
        io->outgoing.clear();
        io->outgoingSent = 0;
    }
    io->outgoing.append(data + sent, qsizetype(length - sent));
    return ssize_t(length);
}

// Answers the first keyboard-interactive prompt (PAM's "Password:") with the password.
thread_local const QByteArray *t_kbdintPassword = nullptr;

void kbdintPasswordCallback(const char *, int, const char *, int, int numPrompts,
                            const LIBSSH2_USERAUTH_KBDINT_PROMPT *,
                            LIBSSH2_USERAUTH_KBDINT_RESPONSE *responses, void **)
{
    for (int i = 0; i < numPrompts; ++i) {
        if (t_kbdintPassword && i == 0) {
            responses[i].text = static_cast<char *>(malloc(size_t(t_kbdintPassword->size()) + 1));
            memcpy(responses[i].text, t_kbdintPassword->constData(), size_t(t_kbdintPassword->size()) + 1);
            responses[i].length = unsigned(t_kbdintPassword->size());
        } else {
            responses[i].text = nullptr;
            responses[i].length = 0;
        }
    }
}

bool isTransportError(int code)
{
    switch (code) {
    case LIBSSH2_ERROR_SOCKET_NONE:
    case LIBSSH2_ERROR_BANNER_RECV:
    case LIBSSH2_ERROR_BANNER_SEND:
    case LIBSSH2_ERROR_INVALID_MAC:
    case LIBSSH2_ERROR_KEX_FAILURE:
    case LIBSSH2_ERROR_SOCKET_SEND:
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_TIMEOUT:
    case LIBSSH2_ERROR_TIMEOUT:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_DECRYPT:
    case LIBSSH2_ERROR_ENCRYPT:
    case LIBSSH2_ERROR_BAD_SOCKET:
    case LIBSSH2_ERROR_PROTO:
        return true;
    default:
        return false;
    }
}

QString seconds(int ms)
{
    return QString::number((ms + 999) / 1000);
}

} // namespace

SshSession::SshSession(const SshTarget &target, QObject *parent)
    : QObject(parent), m_target(target)
{
    ensureLibssh2Initialized();
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &SshSession::handleTick);
}

SshSession::~SshSession()
{
    const QList<Internal::SshChannelClient *> clients = m_clients;
    m_clients.clear();
    teardown(false);
    for (Internal::SshChannelClient *client : clients)
        client->sessionClosed(tr("The connection to %1 was closed.").arg(m_target.displayName()));
}

void SshSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSsh) << m_target.displayName() << "state" << state;
    Q_EMIT stateChanged(state);
}

// ---------------------------------------------------------------- connecting

void SshSession::connectToHost()
{
    if (m_state != State::Disconnected)
        return;
    m_errorMessage.clear();
    m_addresses.clear();
    m_addressIndex = 0;
    m_lastConnectError.clear();
    setState(State::Connecting);
    m_phaseClock.start();
    m_phaseTimeoutMs = m_target.connectTimeoutMs;
    m_tick.start();
    qCInfo(lcSsh) << "connecting to" << m_target.displayName();

    QHostAddress address;
    if (address.setAddress(m_target.host)) {
        m_addresses << address;
        // Not from inside the caller's stack: results always arrive from the event loop.
        QTimer::singleShot(0, this, [this] {
            if (m_state == State::Connecting && m_socket < 0)
                startTcpConnect();
        });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(m_target.host, this, &SshSession::handleLookup);
}

void SshSession::handleLookup(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId || m_state != State::Connecting)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        fail(tr("Cannot find the host %1: %2. Check the address in the cluster file.")
                 .arg(m_target.host, info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    startTcpConnect();
}

void SshSession::startTcpConnect()
{
    while (m_addressIndex < m_addresses.size()) {
        const QHostAddress address = m_addresses.at(m_addressIndex++);
        sockaddr_storage storage{};
        socklen_t length = 0;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            auto *in = reinterpret_cast<sockaddr_in *>(&storage);
            in->sin_family = AF_INET;
            in->sin_port = htons(quint16(m_target.port));
            in->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof(sockaddr_in);
        } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(quint16(m_target.port));
            const Q_IPV6ADDR raw = address.toIPv6Address();
            memcpy(&in6->sin6_addr, raw.c, 16);
            length = sizeof(sockaddr_in6);
        } else {
            continue;
        }
        const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            m_lastConnectError = QString::fromLocal8Bit(strerror(errno));
            continue;
        }
        m_socket = fd;
        const int rc = ::connect(fd, reinterpret_cast<sockaddr *>(&storage), length);
        if (rc == 0) {
            handleTcpConnected();
            return;
        }
        if (errno == EINPROGRESS) {
            m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this,
                    &SshSession::handleWriteActivated);
            return;
        }
        m_lastConnectError = QString::fromLocal8Bit(strerror(errno));
        ::close(fd);
        m_socket = -1;
    }
    fail(tr("Cannot connect to %1 port %2: %3. Check that the machine is on and that sshd "
            "listens on that port.")
             .arg(m_target.host)
             .arg(m_target.port)
             .arg(m_lastConnectError.isEmpty() ? tr("no usable address") : m_lastConnectError));
}

void SshSession::handleTcpConnected()
{
    delete m_writeNotifier;
    m_writeNotifier = nullptr;

    const int one = 1;
    ::setsockopt(m_socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ::setsockopt(m_socket, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
#ifdef TCP_USER_TIMEOUT
    if (m_target.keepaliveIntervalSec > 0) {
        // Unacknowledged data (our keepalives) for this long means the peer is gone.
        const unsigned int timeoutMs = unsigned(m_target.keepaliveIntervalSec)
                                       * unsigned(m_target.keepaliveCountMax + 1) * 1000u;
        ::setsockopt(m_socket, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeoutMs, sizeof timeoutMs);
    }
#endif

    m_lastActivity.start();
    m_io = std::make_unique<Internal::SessionIo>();
    m_io->activity = &m_lastActivity;
    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, m_io.get());
    if (!m_session) {
        fail(tr("Cannot start an SSH session to %1: out of memory.").arg(m_target.displayName()));
        return;
    }
    libssh2_session_set_blocking(m_session, 0);
    libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_RECV,
                                 reinterpret_cast<void *>(&recvCallback));
    libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_SEND,
                                 reinterpret_cast<void *>(&sendCallback));

    // Prefer the key types known_hosts already lists for this host, so that a host known by
    // its ECDSA key is not suddenly asked for its ed25519 key (which would look "new").
    const Result<KnownHosts> known = KnownHosts::load(m_target.knownHostsFile);
    m_knownTypes = known ? known->knownKeyTypes(m_target.host, m_target.port) : QStringList();
    const QByteArray methods = preferredHostKeyMethods(m_knownTypes).toLatin1();
    if (libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY, methods.constData()) != 0)
        qCWarning(lcSsh) << "host key preference not accepted:" << methods;

    m_readNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SshSession::handleReadActivated);
    m_writeNotifier = new QSocketNotifier(m_socket, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SshSession::handleWriteActivated);

    setState(State::Handshaking);
    m_phaseClock.start();
    m_phaseTimeoutMs = m_target.authTimeoutMs;
    pump();
}

QString SshSession::preferredHostKeyMethods(const QStringList &knownTypes)
{
    const QStringList all = {QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
                             QStringLiteral("ecdsa-sha2-nistp384"),
                             QStringLiteral("ecdsa-sha2-nistp521"), QStringLiteral("rsa-sha2-512"),
                             QStringLiteral("rsa-sha2-256"), QStringLiteral("ssh-rsa")};
    QStringList ordered;
    for (const QString &type : knownTypes) {
        const QStringList methods = type == QLatin1String("ssh-rsa")
                                        ? QStringList{QStringLiteral("rsa-sha2-512"),
                                                      QStringLiteral("rsa-sha2-256"),
                                                      QStringLiteral("ssh-rsa")}
                                        : QStringList{type};
        for (const QString &method : methods) {
            if (all.contains(method) && !ordered.contains(method))
                ordered << method;
        }
    }
    for (const QString &method : all) {
        if (!ordered.contains(method))
            ordered << method;
    }
    return ordered.join(QLatin1Char(','));
}

// ---------------------------------------------------------------- the pump

void SshSession::handleReadActivated()
{
    pump();
}

void SshSession::handleWriteActivated()
{
    if (m_state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof error;
        ::getsockopt(m_socket, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            m_lastConnectError = QString::fromLocal8Bit(strerror(error));
            delete m_writeNotifier;
            m_writeNotifier = nullptr;
            ::close(m_socket);
            m_socket = -1;
            startTcpConnect();
            return;
        }
        handleTcpConnected();
        return;
    }
    pump();
}

void SshSession::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void SshSession::pump()
{
    if (m_inPump) {
        m_repump = true;
        return;
    }
    if (!m_session)
        return;
    QPointer<SshSession> self(this);
    if (!flushOutgoing())
        return; // the connection broke; teardown told everyone
    m_inPump = true;
    switch (m_state) {
    case State::Handshaking:
        advanceHandshake();
        break;
    case State::Authenticating:
        advanceAuth();
        break;
    case State::Connected: {
        finishOrphanOpen();
        for (int i = 0; i < m_disposals.size();) {
            const int rc = libssh2_channel_free(m_disposals.at(i).first);
            if (rc == LIBSSH2_ERROR_EAGAIN) {
                ++i;
                continue;
            }
            const bool heldSlot = m_disposals.takeAt(i).second;
            if (heldSlot && m_channelsInUse > 0)
                --m_channelsInUse;
        }
        // Reading one channel may queue data for the others: go round until nothing moves.
        // While the send queue is full, clients wait for the socket (write notifier).
        for (int round = 0; round < 64 && self && m_state == State::Connected; ++round) {
            bool progress = false;
            const QList<Internal::SshChannelClient *> clients = m_clients;
            for (Internal::SshChannelClient *client : clients) {
                if (!self || m_state != State::Connected || outgoingFull())
                    break;
                if (m_clients.contains(client) && client->pumpChannel())
                    progress = true;
                if (self && !flushOutgoing())
                    return;
            }
            if (!progress || !self || outgoingFull())
                break;
            if (round == 63)
                schedulePump();
        }
        if (self && m_state == State::Connected && m_socket >= 0) {
            // EOF with nothing left to read: the server (or the network) closed the connection.
            char byte;
            const ssize_t peeked = ::recv(m_socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (peeked == 0) {
                handleLibssh2Error(LIBSSH2_ERROR_SOCKET_DISCONNECT, QString());
            } else if (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                m_lastConnectError = QString::fromLocal8Bit(strerror(errno));
                handleLibssh2Error(LIBSSH2_ERROR_SOCKET_RECV, QString());
            }
        }
        break;
    }
    default:
        break;
    }
    if (!self)
        return;
    m_inPump = false;
    if (m_session && !flushOutgoing())
        return;
    updateNotifiers();
    if (m_repump) {
        m_repump = false;
        schedulePump();
    }
}

// Sends what the queue holds until the socket takes no more; false if the connection broke
// (then it has been torn down and everyone told).
bool SshSession::flushOutgoing()
{
    if (!m_io || m_socket < 0)
        return true;
    while (m_io->queued() > 0 && !m_io->sendError) {
        const ssize_t rc = ::send(m_socket, m_io->outgoing.constData() + m_io->outgoingSent,
                                  size_t(m_io->queued()), MSG_NOSIGNAL);
        if (rc < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                break;
            m_io->sendError = errno;
            break;
        }
        m_io->outgoingSent += rc;
    }
    if (m_io->queued() == 0) {
        m_io->outgoing.clear();
        m_io->outgoingSent = 0;
    } else if (m_io->outgoingSent > kOutgoingLowWater) {
        m_io->outgoing.remove(0, m_io->outgoingSent);
        m_io->outgoingSent = 0;
    }
    if (m_io->sendError) {
        m_lastConnectError = QString::fromLocal8Bit(strerror(m_io->sendError));
        handleLibssh2Error(LIBSSH2_ERROR_SOCKET_SEND, QString());
        return false;
    }
    return true;
}

bool SshSession::outgoingFull() const
{
    return m_io && m_io->queued() > kOutgoingHighWater;
}

void SshSession::updateNotifiers()
{
    if (!m_session || !m_readNotifier)
        return;
    const int directions = libssh2_session_block_directions(m_session);
    m_writeNotifier->setEnabled((directions & LIBSSH2_SESSION_BLOCK_OUTBOUND)
                                || (m_io && m_io->queued() > 0));
    // Connected and idle, nobody reads the socket; the tick watches it instead so that a
    // stray packet cannot spin the event loop.
    const bool busy = m_state != State::Connected || !m_disposals.isEmpty() || !m_clients.isEmpty()
                      || m_orphanOpen;
    // With the send queue full, clients wait for the socket to drain: reading would only spin.
    m_readNotifier->setEnabled(busy && m_state != State::AwaitingHostKeyDecision && !outgoingFull());
}

void SshSession::handleTick()
{
    if (m_state == State::Disconnected) {
        m_tick.stop();
        return;
    }
    if (m_state == State::Connecting || m_state == State::Handshaking
        || m_state == State::Authenticating) {
        if (!m_awaitingPassphrase && m_phaseClock.elapsed() > m_phaseTimeoutMs) {
            const QString what = m_state == State::Connecting
                                     ? tr("connecting to %1 port %2 timed out after %3 s; check "
                                          "the address and any firewall in between")
                                           .arg(m_target.host)
                                           .arg(m_target.port)
                                           .arg(seconds(m_phaseTimeoutMs))
                                     : tr("the SSH login on %1 did not finish within %2 s; the "
                                          "host or sshd may be overloaded")
                                           .arg(m_target.displayName(), seconds(m_phaseTimeoutMs));
            fail(what.left(1).toUpper() + what.mid(1) + QLatin1Char('.'));
        }
        return;
    }
    if (m_state != State::Connected)
        return;

    // Idle connection: nobody reads, so look at the socket directly.
    if (m_clients.isEmpty() && m_socket >= 0) {
        char byte;
        const ssize_t peeked = ::recv(m_socket, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (peeked == 0) {
            handleLibssh2Error(LIBSSH2_ERROR_SOCKET_DISCONNECT, QString());
            return;
        }
        if (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            m_lastConnectError = QString::fromLocal8Bit(strerror(errno));
            handleLibssh2Error(LIBSSH2_ERROR_SOCKET_RECV, QString());
            return;
        }
        int available = 0;
        if (::ioctl(m_socket, FIONREAD, &available) == 0 && available != m_lastAvailable) {
            m_lastAvailable = available;
            m_lastActivity.restart();
        }
    }
    if (m_target.keepaliveIntervalSec > 0) {
        if (!(libssh2_session_block_directions(m_session) & LIBSSH2_SESSION_BLOCK_OUTBOUND)) {
            int next = 0;
            const int rc = libssh2_keepalive_send(m_session, &next);
            if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN && handleLibssh2Error(rc, QString()))
                return;
        }
        // With channels open we read the socket; silence for this long means a dead peer.
        const qint64 limitMs = qint64(m_target.keepaliveIntervalSec)
                               * (m_target.keepaliveCountMax + 1) * 1000;
        if (!m_clients.isEmpty() && m_lastActivity.elapsed() > limitMs) {
            const QString message = tr("The connection to %1 was lost: no answer for %2 s. The "
                                       "host may be down or the network interrupted.")
                                        .arg(m_target.displayName())
                                        .arg(limitMs / 1000);
            qCWarning(lcSsh).noquote() << message;
            m_errorMessage = message;
            QPointer<SshSession> self(this);
            teardown(false);
            notifyClientsClosed(message);
            if (self)
                Q_EMIT connectionLost(message);
        }
    }
}

// ---------------------------------------------------------------- handshake and host key

void SshSession::advanceHandshake()
{
    const int rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_socket));
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return;
    if (rc != 0) {
        fail(tr("The SSH handshake with %1 failed: %2. Is an SSH server listening on port %3?")
                 .arg(m_target.displayName(), lastLibssh2Error())
                 .arg(m_target.port));
        return;
    }
    size_t length = 0;
    int type = 0;
    const char *raw = libssh2_session_hostkey(m_session, &length, &type);
    if (!raw) {
        fail(tr("%1 sent no host key.").arg(m_target.displayName()));
        return;
    }
    m_hostKey = HostKey::fromBlob(QByteArray(raw, qsizetype(length)));
    verifyHostKey();
}

void SshSession::verifyHostKey()
{
    const Result<KnownHosts> loaded = KnownHosts::load(m_target.knownHostsFile);
    if (!loaded) {
        fail(loaded.errorMessage());
        return;
    }
    KnownHosts known = *loaded;
    const KnownHosts::CheckResult check = known.check(m_target.host, m_target.port, m_hostKey);
    const QString fingerprint = m_hostKey.sha256Fingerprint();
    const QString file = QDir::toNativeSeparators(m_target.knownHostsFile);
    switch (check.match) {
    case KnownHosts::Match::Known:
        qCDebug(lcSsh) << m_target.displayName() << "host key known:" << fingerprint;
        setState(State::Authenticating);
        schedulePump();
        return;
    case KnownHosts::Match::Changed:
        fail(tr("WARNING: the host key of %1 has CHANGED. It is now %2 %3, but %4 line %5 lists "
                "a different %2 key. Someone may be intercepting the connection, or the machine "
                "was reinstalled. SparkDeck refuses to connect. If you are sure the machine was "
                "reinstalled, remove the old key with: %6")
                 .arg(KnownHosts::hostName(m_target.host, m_target.port), m_hostKey.type(),
                      fingerprint, file)
                 .arg(check.line)
                 .arg(known.removeCommand(m_target.host, m_target.port)));
        return;
    case KnownHosts::Match::Revoked:
        fail(tr("WARNING: the host key of %1 (%2) is marked as revoked in %3 line %4. SparkDeck "
                "refuses to connect.")
                 .arg(KnownHosts::hostName(m_target.host, m_target.port), fingerprint, file)
                 .arg(check.line));
        return;
    case KnownHosts::Match::OtherTypeKnown:
        fail(tr("WARNING: %1 offered a %2 host key (%3), but %4 lists only %5 keys for it. The "
                "host key may have been replaced; SparkDeck refuses to connect. If the machine "
                "was reinstalled, remove the old entry with: %6")
                 .arg(KnownHosts::hostName(m_target.host, m_target.port), m_hostKey.type(),
                      fingerprint, file, check.knownTypes.join(QStringLiteral(", ")),
                      known.removeCommand(m_target.host, m_target.port)));
        return;
    case KnownHosts::Match::Unknown:
        break;
    }

    switch (m_target.hostKeyPolicy) {
    case HostKeyPolicy::Strict:
        fail(tr("The host key of %1 (%2 %3) is not in %4, and the host key policy is strict. "
                "Verify the fingerprint with the machine's owner, then add it (for example "
                "connect once with the policy accept-new or ask).")
                 .arg(KnownHosts::hostName(m_target.host, m_target.port), m_hostKey.type(),
                      fingerprint, file));
        return;
    case HostKeyPolicy::AcceptNew: {
        const Status added = known.add(m_target.host, m_target.port, m_hostKey);
        if (!added) {
            fail(added.errorMessage());
            return;
        }
        qCInfo(lcSsh).noquote() << "permanently added" << m_hostKey.type() << fingerprint
                                << "for" << m_target.displayName() << "(accept-new)";
        setState(State::Authenticating);
        schedulePump();
        return;
    }
    case HostKeyPolicy::Ask:
        if (!isSignalConnected(QMetaMethod::fromSignal(&SshSession::hostKeyConfirmationRequested))) {
            fail(tr("The host key of %1 (%2 %3) is not in %4, and nobody can be asked to "
                    "confirm it. Use the host key policy accept-new, or add the key first.")
                     .arg(KnownHosts::hostName(m_target.host, m_target.port), m_hostKey.type(),
                          fingerprint, file));
            return;
        }
        setState(State::AwaitingHostKeyDecision);
        updateNotifiers();
        Q_EMIT hostKeyConfirmationRequested(m_target.host, m_target.port, m_hostKey.type(),
                                            fingerprint);
        return;
    }
}

void SshSession::answerHostKeyQuestion(bool trust)
{
    if (m_state != State::AwaitingHostKeyDecision)
        return;
    if (!trust) {
        fail(tr("You did not trust the host key of %1 (%2), so SparkDeck did not connect.")
                 .arg(m_target.displayName(), m_hostKey.sha256Fingerprint()));
        return;
    }
    Result<KnownHosts> known = KnownHosts::load(m_target.knownHostsFile);
    if (known) {
        KnownHosts list = *known;
        const Status added = list.add(m_target.host, m_target.port, m_hostKey);
        if (!added)
            qCWarning(lcSsh).noquote() << added.errorMessage();
    }
    m_phaseClock.start(); // the user's thinking time does not count against the login
    setState(State::Authenticating);
    updateNotifiers();
    schedulePump();
}

void SshSession::answerPassphrase(const std::optional<QString> &passphrase)
{
    if (!m_awaitingPassphrase)
        return;
    m_awaitingPassphrase = false;
    m_passphrase = passphrase;
    if (!passphrase) {
        m_authNotes << tr("no passphrase was given for the key %1")
                           .arg(QDir::toNativeSeparators(m_target.identityFile));
        m_authStep = AuthStep::Agent;
    }
    m_phaseClock.start(); // the user's thinking time does not count against the login
    schedulePump();
}

// ---------------------------------------------------------------- authentication

bool SshSession::prepareIdentity()
{
    if (m_identityPrepared)
        return m_identityUsable;
    m_identityPrepared = true;
    const PrivateKeyInfo info = PrivateKeyInfo::inspect(m_target.identityFile);
    if (!info.isReadable()) {
        m_authNotes << info.error();
        return m_identityUsable = false;
    }
    m_identityType = info.type();
    m_identityEncrypted = info.isEncrypted();
    return m_identityUsable = true;
}

void SshSession::advanceAuth()
{
    const QByteArray user = m_target.user.toUtf8();
    for (;;) {
        switch (m_authStep) {
        case AuthStep::List: {
            const char *list = libssh2_userauth_list(m_session, user.constData(), unsigned(user.size()));
            if (!list) {
                if (libssh2_userauth_authenticated(m_session)) {
                    authenticated();
                    return;
                }
                const int code = libssh2_session_last_errno(m_session);
                if (code == LIBSSH2_ERROR_EAGAIN)
                    return;
                fail(tr("Cannot log in to %1: %2").arg(m_target.displayName(), lastLibssh2Error()));
                return;
            }
            m_authMethods = QString::fromLatin1(list).split(QLatin1Char(','));
            qCDebug(lcSsh) << m_target.displayName() << "offers" << m_authMethods;
            m_authStep = AuthStep::Key;
            continue;
        }
        case AuthStep::Key: {
            if (m_target.identityFile.isEmpty()
                || !m_authMethods.contains(QLatin1String("publickey")) || !prepareIdentity()) {
                m_authStep = AuthStep::Agent;
                continue;
            }
            if (m_identityEncrypted && !m_passphrase) {
                if (m_awaitingPassphrase)
                    return; // answerPassphrase() goes on
                if (!isSignalConnected(QMetaMethod::fromSignal(&SshSession::passphraseRequested))) {
                    m_authNotes << tr("the key %1 is protected by a passphrase and SparkDeck "
                                      "could not ask for it (load it into ssh-agent instead)")
                                       .arg(QDir::toNativeSeparators(m_target.identityFile));
                    m_authStep = AuthStep::Agent;
                    continue;
                }
                ++m_passphraseAttempts;
                m_awaitingPassphrase = true;
                Q_EMIT passphraseRequested(m_target.identityFile, m_passphraseAttempts);
                return; // answered now or later, answerPassphrase() pumps again
            }
            const QByteArray path = QFile::encodeName(m_target.identityFile);
            const QByteArray passphrase = m_passphrase ? m_passphrase->toUtf8() : QByteArray();
            const int rc = libssh2_userauth_publickey_fromfile_ex(
                m_session, user.constData(), unsigned(user.size()), nullptr, path.constData(),
                m_passphrase ? passphrase.constData() : nullptr);
            if (!refusedByServer(rc))
                return;
            const QString keyFile = QDir::toNativeSeparators(m_target.identityFile);
            if (rc == LIBSSH2_ERROR_FILE) {
                if (m_identityEncrypted && m_passphraseAttempts < 3) {
                    m_passphrase.reset(); // wrong passphrase: ask again
                    continue;
                }
                m_authNotes << (m_identityEncrypted
                                    ? tr("the passphrase for the key %1 was wrong").arg(keyFile)
                                    : tr("the key file %1 could not be read (unsupported format)")
                                          .arg(keyFile));
            } else if (m_identityType == QLatin1String("ssh-rsa")) {
                m_authNotes << tr("the server refused the RSA key %1").arg(keyFile);
            } else {
                m_authNotes << tr("the server refused the key %1 (its public key is not in "
                                  "~%2/.ssh/authorized_keys there)")
                                   .arg(keyFile, m_target.user);
            }
            m_authStep = AuthStep::Agent;
            continue;
        }
        case AuthStep::Agent: {
            if (!m_target.useAgent || !m_authMethods.contains(QLatin1String("publickey"))
                || qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
                m_authStep = AuthStep::Password;
                continue;
            }
            if (!m_agent) {
                m_agent = libssh2_agent_init(m_session);
                if (!m_agent || libssh2_agent_connect(m_agent) != 0
                    || libssh2_agent_list_identities(m_agent) != 0) {
                    m_authNotes << tr("ssh-agent could not be reached");
                    if (m_agent)
                        libssh2_agent_free(m_agent);
                    m_agent = nullptr;
                    m_authStep = AuthStep::Password;
                    continue;
                }
                m_agentIdentity = nullptr;
                m_agentNeedsNext = true;
            }
            if (m_agentNeedsNext) {
                libssh2_agent_publickey *previous = m_agentIdentity;
                const int rc = libssh2_agent_get_identity(m_agent, &m_agentIdentity, previous);
                if (rc != 0) {
                    if (m_agentKeysTried == 0)
                        m_authNotes << tr("ssh-agent holds no keys");
                    else
                        m_authNotes << tr("the server refused all %n key(s) of ssh-agent", nullptr,
                                          m_agentKeysTried);
                    libssh2_agent_disconnect(m_agent);
                    libssh2_agent_free(m_agent);
                    m_agent = nullptr;
                    m_agentIdentity = nullptr;
                    m_authStep = AuthStep::Password;
                    continue;
                }
                m_agentNeedsNext = false;
                const HostKey key = HostKey::fromBlob(
                    QByteArray(reinterpret_cast<const char *>(m_agentIdentity->blob),
                               qsizetype(m_agentIdentity->blob_len)));
                if (key.type() == QLatin1String("ssh-rsa"))
                    m_agentHadRsa = true;
            }
            const int rc = libssh2_agent_userauth(m_agent, user.constData(), m_agentIdentity);
            if (!refusedByServer(rc))
                return;
            ++m_agentKeysTried;
            m_agentNeedsNext = true;
            continue;
        }
        case AuthStep::Password: {
            if (m_target.password.isEmpty() || m_passwordTried) {
                m_authStep = AuthStep::Failed;
                continue;
            }
            const QByteArray password = m_target.password.toUtf8();
            int rc;
            if (m_authMethods.contains(QLatin1String("password"))) {
                rc = libssh2_userauth_password_ex(m_session, user.constData(), unsigned(user.size()),
                                                  password.constData(), unsigned(password.size()),
                                                  nullptr);
            } else if (m_authMethods.contains(QLatin1String("keyboard-interactive"))) {
                t_kbdintPassword = &password;
                rc = libssh2_userauth_keyboard_interactive_ex(m_session, user.constData(),
                                                              unsigned(user.size()),
                                                              &kbdintPasswordCallback);
                t_kbdintPassword = nullptr;
            } else {
                m_authNotes << tr("the server does not accept passwords");
                m_passwordTried = true;
                continue;
            }
            if (!refusedByServer(rc))
                return;
            m_authNotes << tr("the password was refused");
            m_passwordTried = true;
            continue;
        }
        case AuthStep::Failed:
            fail(authFailureMessage());
            return;
        }
    }
}

bool SshSession::refusedByServer(int authResult)
{
    if (authResult == LIBSSH2_ERROR_EAGAIN)
        return false;
    if (authResult == 0) {
        authenticated();
        return false;
    }
    if (isTransportError(authResult)) {
        fail(tr("The connection to %1 broke during login: %2")
                 .arg(m_target.displayName(), lastLibssh2Error()));
        return false;
    }
    return true;
}

QString SshSession::authFailureMessage() const
{
    QString message = tr("Authentication as %1 on %2 failed")
                          .arg(m_target.user, KnownHosts::hostName(m_target.host, m_target.port));
    QStringList notes = m_authNotes;
    if (m_target.identityFile.isEmpty())
        notes << tr("no key file is set");
    if (m_target.password.isEmpty() && !m_authMethods.contains(QLatin1String("publickey")))
        notes << tr("the server accepts only %1, and no password was given")
                     .arg(m_authMethods.join(QStringLiteral(", ")));
    if (!notes.isEmpty())
        message += QStringLiteral(": ") + notes.join(QStringLiteral("; "));
    message += QLatin1Char('.');
    if (m_identityType == QLatin1String("ssh-rsa"))
        message += QLatin1Char(' ')
                   + PrivateKeyInfo::rsaExplanation(
                       tr("The key %1").arg(QDir::toNativeSeparators(m_target.identityFile)));
    else if (m_agentHadRsa && m_target.identityFile.isEmpty())
        message += QLatin1Char(' ') + PrivateKeyInfo::rsaExplanation(tr("A key in ssh-agent"));
    return message;
}

void SshSession::authenticated()
{
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
        m_agent = nullptr;
    }
    m_passphrase.reset();
    if (m_target.keepaliveIntervalSec > 0)
        // want_reply=1: sshd answers each keepalive, so a healthy connection is never silent,
        // even while a command prints nothing for minutes (an unpack, a download, a wait).
        libssh2_keepalive_config(m_session, 1, unsigned(m_target.keepaliveIntervalSec));
    m_lastActivity.restart();
    qCInfo(lcSsh) << "connected to" << m_target.displayName();
    setState(State::Connected);
    Q_EMIT connected();
    schedulePump();
}

// ---------------------------------------------------------------- closing

void SshSession::fail(const QString &message)
{
    qCWarning(lcSsh).noquote() << message;
    m_errorMessage = message;
    QPointer<SshSession> self(this);
    teardown(false);
    notifyClientsClosed(message);
    if (self)
        Q_EMIT connectionFailed(message);
}

bool SshSession::handleLibssh2Error(int code, const QString &what)
{
    if (!isTransportError(code) || m_state == State::Disconnected)
        return false;
    QString detail = m_lastConnectError;
    if (detail.isEmpty() && code != LIBSSH2_ERROR_SOCKET_DISCONNECT)
        detail = lastLibssh2Error();
    QString message = code == LIBSSH2_ERROR_SOCKET_DISCONNECT
                          ? tr("The connection to %1 was closed by the remote side (sshd stopped, "
                               "the machine rebooted, or the network dropped).")
                                .arg(m_target.displayName())
                          : tr("The connection to %1 was lost: %2.")
                                .arg(m_target.displayName(), detail);
    if (!what.isEmpty())
        message += QLatin1Char(' ') + what;
    qCWarning(lcSsh).noquote() << message;
    m_errorMessage = message;
    const bool wasConnected = m_state == State::Connected;
    QPointer<SshSession> self(this);
    teardown(false);
    notifyClientsClosed(message);
    if (!self)
        return true;
    if (wasConnected)
        Q_EMIT connectionLost(message);
    else
        Q_EMIT connectionFailed(message);
    return true;
}

void SshSession::disconnectFromHost()
{
    if (m_state == State::Disconnected)
        return;
    const QString reason = tr("The connection to %1 was closed.").arg(m_target.displayName());
    teardown(true);
    notifyClientsClosed(reason);
}

void SshSession::abort(const QString &reason)
{
    const QString message = reason.isEmpty() ? tr("Cancelled.") : reason;
    if (m_state == State::Disconnected) {
        return;
    }
    const bool wasConnected = m_state == State::Connected;
    m_errorMessage = message;
    QPointer<SshSession> self(this);
    teardown(false);
    notifyClientsClosed(message);
    if (self && !wasConnected)
        Q_EMIT connectionFailed(message);
}

void SshSession::notifyClientsClosed(const QString &reason)
{
    QPointer<SshSession> self(this);
    const QList<Internal::SshChannelClient *> clients = m_clients;
    for (Internal::SshChannelClient *client : clients) {
        if (!self)
            return;
        if (m_clients.contains(client))
            client->sessionClosed(reason);
    }
}

void SshSession::teardown(bool polite)
{
    if (m_lookupId >= 0) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    m_tick.stop();
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
        m_agent = nullptr;
    }
    if (m_session) {
        if (polite && m_state == State::Connected) {
            libssh2_session_disconnect(m_session, "SparkDeck closed the connection");
            if (m_io && m_socket >= 0 && m_io->queued() > 0 && !m_io->sendError)
                ::send(m_socket, m_io->outgoing.constData() + m_io->outgoingSent,
                       size_t(m_io->queued()), MSG_NOSIGNAL | MSG_DONTWAIT);
        }
        // Frees every channel and SFTP handle too; clients are told to forget theirs.
        libssh2_session_free(m_session);
        m_session = nullptr;
    }
    if (m_socket >= 0) {
        ::close(m_socket);
        m_socket = -1;
    }
    m_io.reset();
    m_openTurn = nullptr;
    m_orphanOpen.reset();
    m_channelsInUse = 0;
    m_disposals.clear(); // freed with the session
    m_authStep = AuthStep::List;
    m_authMethods.clear();
    m_identityPrepared = false;
    m_passphrase.reset();
    m_passphraseAttempts = 0;
    m_awaitingPassphrase = false;
    m_agentIdentity = nullptr;
    m_agentNeedsNext = true;
    m_agentKeysTried = 0;
    m_agentHadRsa = false;
    m_passwordTried = false;
    m_authNotes.clear();
    m_lastConnectError.clear();
    m_lastAvailable = -1;
    m_inPump = false;
    setState(State::Disconnected);
}

// ---------------------------------------------------------------- channel users

void SshSession::attachClient(Internal::SshChannelClient *client)
{
    // The silence that counts as a lost connection is silence while someone waits for an
    // answer; the keepalives' replies keep a healthy connection talking. Start counting now.
    if (m_clients.isEmpty())
        m_lastActivity.restart();
    if (!m_clients.contains(client))
        m_clients << client;
    updateNotifiers();
}

void SshSession::detachClient(Internal::SshChannelClient *client)
{
    m_clients.removeAll(client);
    if (m_openTurn == client && m_session && m_state == State::Connected)
        m_orphanOpen = m_openKind; // its open is pending inside libssh2
    releaseOpenTurn(client);
    updateNotifiers();
}

bool SshSession::acquireChannelSlot()
{
    if (m_channelsInUse >= qMax(1, m_target.maxChannels))
        return false;
    ++m_channelsInUse;
    return true;
}

bool SshSession::acquireOpenTurn(Internal::SshChannelClient *client, OpenKind kind)
{
    if (m_orphanOpen || (m_openTurn && m_openTurn != client))
        return false;
    m_openTurn = client;
    m_openKind = kind;
    return true;
}

void SshSession::releaseOpenTurn(Internal::SshChannelClient *client)
{
    if (m_openTurn != client)
        return;
    m_openTurn = nullptr;
    schedulePump(); // a waiting client may open now
}

// Completes an open that its client abandoned (libssh2 would hand the result to the next
// caller), then closes what it opened. True when nothing is pending any more.
bool SshSession::finishOrphanOpen()
{
    if (!m_orphanOpen || !m_session)
        return true;
    if (*m_orphanOpen == OpenKind::Channel) {
        LIBSSH2_CHANNEL *channel = libssh2_channel_open_session(m_session);
        if (!channel && libssh2_session_last_errno(m_session) == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (channel)
            m_disposals << qMakePair(channel, false);
    } else {
        LIBSSH2_SFTP *sftp = libssh2_sftp_init(m_session);
        if (!sftp && libssh2_session_last_errno(m_session) == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (sftp)
            libssh2_sftp_shutdown(sftp); // best effort; freed with the session otherwise
    }
    m_orphanOpen.reset();
    return true;
}

void SshSession::releaseChannelSlot()
{
    if (m_channelsInUse > 0)
        --m_channelsInUse;
    schedulePump(); // a waiting client may take the slot
}

void SshSession::disposeChannel(LIBSSH2_CHANNEL *channel, bool holdsSlot)
{
    if (!channel || !m_session)
        return;
    m_disposals << qMakePair(channel, holdsSlot);
    schedulePump();
}

QString SshSession::lastLibssh2Error() const
{
    if (!m_session)
        return tr("no session");
    char *text = nullptr;
    int length = 0;
    libssh2_session_last_error(m_session, &text, &length, 0);
    return text ? QString::fromUtf8(text, length) : QString();
}

} // namespace SparkDeck
