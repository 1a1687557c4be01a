#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <map>
#include <memory>

namespace SparkDeck {

class ClusterOperations;
class Machine;
class SshSession;
class SshTunnel;

/// The way from this computer to a cluster's web pages: for a cluster on SSH hosts, a local
/// port forward (over the master host's one shared SshSession) to the master's web UI, which
/// stays bound to the master's private address; for a cluster on this computer, the UI itself
/// at 127.0.0.1. Workers' and applications' pages are reached through the master's reverse
/// proxy (`<url>/proxy/<id>/`), so one forward serves them all. More forwards to other ports of
/// the master (Jupyter) on request.
///
/// Rules: listens on 127.0.0.1 only, on a free port (kept across reconnects when it can be);
/// never blocks: available()/unavailable() arrive from the event loop. When the SSH connection
/// ends (lost, aborted, closed by someone else), the listeners close at once (the browser gets a
/// refusal, not a hang) and unavailable() says why; reconnect() (or anyone reconnecting the
/// shared session) opens them again. Nothing reconnects by itself in a loop.
class ClusterWebAccess : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Opening, Available, Unavailable };
    Q_ENUM(State)

    /// The web UI of `master` (an SshMachine, or this computer) on its port `masterUiPort`.
    explicit ClusterWebAccess(Machine *master, quint16 masterUiPort = 8080,
                              QObject *parent = nullptr);
    /// The master of `operations` (machines().master()), on Spark's master UI port.
    explicit ClusterWebAccess(const ClusterOperations &operations, QObject *parent = nullptr);
    ~ClusterWebAccess() override;

    State state() const { return m_state; }
    bool isAvailable() const { return m_state == State::Available; }
    /// True when pages go through an SSH tunnel (false for a cluster on this computer).
    bool isTunnelled() const;
    /// The master host, for messages ("10.0.0.11", "this computer").
    QString hostName() const;
    QString unavailableReason() const { return m_reason; }

    /// http://127.0.0.1:<port>/: the master UI as this computer reaches it (empty unless
    /// available).
    QUrl masterUiUrl() const { return forwardUrl(m_masterUiPort); }
    /// http://<private address>:<port>/: the master UI as the cluster knows it (links in its pages).
    QUrl remoteMasterUiUrl() const { return remoteUrl(m_masterUiPort); }

    /// Opens the way (connecting the session when needed); available() or unavailable() follows.
    void open();
    /// After unavailable(): tries again (same as open()).
    void reconnect();
    /// Closes every listener; the shared SSH connection stays (others use it).
    void close();

    /// A forward to `remotePort` on the master (e.g. Jupyter's), opened now if the way is
    /// available, else with the next open(); forwardAvailable() gives its URL.
    void openForward(quint16 remotePort);
    void closeForward(quint16 remotePort);
    /// http://127.0.0.1:<local port>/ of that forward, empty unless it is open.
    QUrl forwardUrl(quint16 remotePort) const;
    QUrl remoteUrl(quint16 remotePort) const;

Q_SIGNALS:
    void stateChanged(SparkDeck::ClusterWebAccess::State state);
    void available(const QUrl &masterUiUrl);
    /// `reason` is one sentence: what is down and why (from the SSH engine).
    void unavailable(const QString &reason);
    void forwardAvailable(quint16 remotePort, const QUrl &url);
    /// A forward asked for with openForward() could not listen (the main way stays up).
    void forwardFailed(quint16 remotePort, const QString &reason);

private:
    struct Forward
    {
        std::unique_ptr<SshTunnel> tunnel;
        quint16 localPort = 0; ///< the last port it listened on, tried again on reconnect
    };

    void setState(State state);
    void openNow();
    void handleSessionState();
    void listenAll();
    bool listen(quint16 remotePort, Forward &forward, QString *error);
    void closeListeners();
    void becomeUnavailable(const QString &reason);
    void emitAvailableLater();

    QPointer<Machine> m_master;
    QPointer<SshSession> m_session;
    quint16 m_masterUiPort;
    State m_state = State::Closed;
    bool m_wanted = false;
    QString m_reason;
    std::map<quint16, Forward> m_forwards; // remote port -> forward
};

} // namespace SparkDeck
