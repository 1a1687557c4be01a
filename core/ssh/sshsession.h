#pragma once

#include "ssh/hostkey.h"
#include "ssh/sshtarget.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class QHostInfo;
class QSocketNotifier;

typedef struct _LIBSSH2_SESSION LIBSSH2_SESSION;
typedef struct _LIBSSH2_AGENT LIBSSH2_AGENT;
typedef struct _LIBSSH2_CHANNEL LIBSSH2_CHANNEL;
struct libssh2_agent_publickey;

namespace SparkDeck {

namespace Internal {
class SshChannelClient;
struct SessionIo;
}

/// One SSH connection to one host, shared by every command, transfer and tunnel to that host.
///
/// Rules: libssh2 runs non-blocking on the thread that owns the session, driven by socket
/// notifiers and a 250 ms timer; nothing here ever waits on the network. Many channels share
/// the connection safely: libssh2 1.10 keeps one half-sent packet per session and fails any
/// other channel's send until the same call is repeated (LIBSSH2_ERROR_BAD_USE), so the session
/// takes every packet whole into its own bounded send queue (clients wait while it is full), and
/// channel opens take turns (libssh2 keeps one pending open per session). Connect and auth
/// have their own timeouts; keepalives plus TCP_USER_TIMEOUT detect a connection that died
/// silently, EOF or a socket error detects one that was closed. abort() takes effect at once.
/// Host keys are checked against the target's known_hosts under its policy; a changed key is
/// refused under every policy. Secrets (password, passphrase) are never logged.
///
/// Errors reach the user as one sentence saying what failed, on which host, what to do.
class SshSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,         ///< name lookup and TCP connect
        Handshaking,        ///< SSH key exchange
        AwaitingHostKeyDecision, ///< policy "ask": waiting for answerHostKeyQuestion()
        Authenticating,
        Connected,
    };
    Q_ENUM(State)

    explicit SshSession(const SshTarget &target, QObject *parent = nullptr);
    ~SshSession() override;

    const SshTarget &target() const { return m_target; }
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }
    /// The last connection error (empty when none).
    QString errorMessage() const { return m_errorMessage; }
    /// The host key of the current connection (valid from the handshake on).
    HostKey hostKey() const { return m_hostKey; }

    /// Starts connecting when disconnected (also after a lost connection: reconnect on demand).
    void connectToHost();
    /// Closes the connection politely but without waiting; channels end with `reason`.
    void disconnectFromHost();
    /// Stops whatever is happening now; channels and a pending connect end with "cancelled".
    void abort(const QString &reason = QString());
    /// Answer to hostKeyConfirmationRequested(): trust (and save) the key, or refuse it.
    void answerHostKeyQuestion(bool trust);
    /// Answer to passphraseRequested(): the passphrase, or nullopt when the person declined
    /// (the key is then skipped; ssh-agent and a password are tried next).
    void answerPassphrase(const std::optional<QString> &passphrase);

    // --- for channel users (RemoteProcess, SftpTransfer, tunnels); see SshChannelClient ---
    LIBSSH2_SESSION *handle() const { return m_session; }
    void attachClient(Internal::SshChannelClient *client);
    void detachClient(Internal::SshChannelClient *client);
    /// A channel slot under target().maxChannels; false means "try again on a later pump".
    bool acquireChannelSlot();
    void releaseChannelSlot();
    /// What a client opens with its turn: a channel (libssh2_channel_open_*, direct_tcpip) or
    /// an SFTP subsystem (libssh2_sftp_init).
    enum class OpenKind { Channel, Sftp };
    /// The turn to open a channel: one client at a time, from its first call until one returns
    /// something other than EAGAIN; false means "try again on a later pump". A client that
    /// detaches while its open is pending leaves it to the session, which completes and
    /// closes it, so that the next client does not receive a channel it did not ask for.
    bool acquireOpenTurn(Internal::SshChannelClient *client, OpenKind kind = OpenKind::Channel);
    void releaseOpenTurn(Internal::SshChannelClient *client);
    /// Takes over a channel its user no longer wants (cancel, early delete): the session
    /// closes and frees it in the background, then releases its slot.
    /// `holdsSlot` false for channels opened without acquireChannelSlot() (tunnels).
    void disposeChannel(LIBSSH2_CHANNEL *channel, bool holdsSlot = true);
    /// Runs the pump soon from the event loop (coalesced).
    void schedulePump();
    /// A libssh2 call on this session failed with `code`: if it is a transport error the
    /// connection is gone, and this closes it with a clear message. True if it was fatal.
    bool handleLibssh2Error(int code, const QString &what);
    /// libssh2's last error text for this session.
    QString lastLibssh2Error() const;

Q_SIGNALS:
    void stateChanged(SparkDeck::SshSession::State state);
    void connected();
    /// Connecting failed (lookup, TCP, handshake, host key, authentication, timeout).
    void connectionFailed(const QString &message);
    /// An established connection ended without being asked to (`message` says why).
    void connectionLost(const QString &message);
    /// Policy "ask" and the host is not in known_hosts: show the fingerprint, then call
    /// answerHostKeyQuestion(). Nobody connected to this signal means "refuse".
    void hostKeyConfirmationRequested(const QString &host, int port, const QString &keyType,
                                      const QString &fingerprint);
    /// The identity file is protected by a passphrase: ask for it, then call answerPassphrase()
    /// (now or later; the login waits, its timeout paused). `attempt` counts from 1: a second
    /// request means the previous answer was wrong. Nobody connected means "skip the key".
    void passphraseRequested(const QString &keyFile, int attempt);

private:
    enum class AuthStep { List, Key, Agent, Password, Failed };

    void setState(State state);
    void handleLookup(const QHostInfo &info);
    void startTcpConnect();
    void handleTcpConnected();
    void handleReadActivated();
    void handleWriteActivated();
    void handleTick();
    void pump();
    void advanceHandshake();
    void verifyHostKey();
    void advanceAuth();
    void authenticated();
    /// Concludes one login attempt's libssh2 result: true when the server refused it (try the
    /// next method); false when it is still under way, succeeded or broke the connection.
    bool refusedByServer(int authResult);
    bool prepareIdentity();
    QString authFailureMessage() const;
    void updateNotifiers();
    bool flushOutgoing();
    bool outgoingFull() const;
    void fail(const QString &message);
    void teardown(bool polite);
    void notifyClientsClosed(const QString &reason);

    static QString preferredHostKeyMethods(const QStringList &knownTypes);

    SshTarget m_target;
    State m_state = State::Disconnected;
    QString m_errorMessage;

    int m_lookupId = -1;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    QString m_lastConnectError;
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_tick;
    QElapsedTimer m_phaseClock;
    int m_phaseTimeoutMs = 0;
    QElapsedTimer m_lastActivity;
    qint64 m_lastAvailable = -1;

    LIBSSH2_SESSION *m_session = nullptr;
    HostKey m_hostKey;
    QStringList m_knownTypes;

    AuthStep m_authStep = AuthStep::List;
    QStringList m_authMethods;
    bool m_identityPrepared = false;
    bool m_identityUsable = false;
    bool m_identityEncrypted = false;
    QString m_identityType;
    std::optional<QString> m_passphrase;
    int m_passphraseAttempts = 0;
    bool m_awaitingPassphrase = false;
    LIBSSH2_AGENT *m_agent = nullptr;
    libssh2_agent_publickey *m_agentIdentity = nullptr;
    bool m_agentNeedsNext = true;
    int m_agentKeysTried = 0;
    bool m_agentHadRsa = false;
    bool m_passwordTried = false;
    QStringList m_authNotes;

    std::unique_ptr<Internal::SessionIo> m_io;
    Internal::SshChannelClient *m_openTurn = nullptr;
    OpenKind m_openKind = OpenKind::Channel;
    std::optional<OpenKind> m_orphanOpen; ///< a pending open whose client went away
    bool finishOrphanOpen();
    QList<Internal::SshChannelClient *> m_clients;
    QList<QPair<LIBSSH2_CHANNEL *, bool>> m_disposals;
    int m_channelsInUse = 0;
    bool m_pumpScheduled = false;
    bool m_inPump = false;
    bool m_repump = false;
};

} // namespace SparkDeck
