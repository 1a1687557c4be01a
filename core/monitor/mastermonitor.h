#pragma once

#include "monitor/masterstatus.h"
#include "monitor/sparkmasterclient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace SparkDeck {

class Machine;
class SshTunnel;

/// Watches a cluster's standalone master: reads its status every two seconds (or as set) and
/// says when it can or cannot be reached. A master on another machine is read through an SSH
/// tunnel over the host's one shared connection (nothing is opened to the network); a master
/// on this computer directly. masterUiUrl() is the address of the master's web UI from here.
///
/// Rules: never blocks (HTTP and SSH run on the event loop); one request at a time, the next
/// one two seconds after the answer; the master counts as unreachable after the first failure
/// when it was never reached, after two in a row when it was (so one slow answer does not
/// flash a banner).
class MasterMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Idle, Connecting, Reachable, Unreachable };
    Q_ENUM(Connection)

    static constexpr int kDefaultIntervalMs = 2000;
    static constexpr int kRequestTimeoutMs = 5000;

    /// `master` is the machine that runs the master (ClusterMachines::master()).
    explicit MasterMonitor(Machine *master, QObject *parent = nullptr);
    ~MasterMonitor() override;

    void setInterval(int milliseconds) { m_intervalMs = milliseconds; }
    int interval() const { return m_intervalMs; }

    /// Opens the tunnel when one is needed and reads the status now, then every interval.
    void start();
    void stop();
    /// After a failure: a new tunnel (the SSH connection reconnects on demand), a read now.
    void reconnect();
    /// Reads now (e.g. when an operation ended), without waiting for the interval.
    void refreshNow();
    bool isActive() const { return m_active; }

    Connection connection() const { return m_connection; }
    /// Why the master cannot be reached (empty when it can).
    QString errorMessage() const { return m_error; }
    /// The newest status (valid once reached).
    const MasterStatus &status() const { return m_status; }
    /// http://127.0.0.1:<port>: the master's web UI from this computer (tunnel or direct).
    QUrl masterUiUrl() const;
    /// How the master is reached, for people: "SSH tunnel to 10.0.0.1:8080 on localhost:40123".
    QString routeDescription() const;

Q_SIGNALS:
    void statusReceived(const SparkDeck::MasterStatus &status);
    void connectionChanged(SparkDeck::MasterMonitor::Connection connection);
    void masterUiUrlChanged(const QUrl &url);

private:
    void openRoute();
    void handleStatus(const MasterStatus &status);
    void handleFailure(const QString &message);
    void setConnection(Connection connection);
    void scheduleNext();

    QPointer<Machine> m_master;
    std::unique_ptr<SshTunnel> m_tunnel;
    SparkMasterClient m_client;
    QTimer m_timer;
    QUrl m_baseUrl;
    MasterStatus m_status;
    Connection m_connection = Connection::Idle;
    QString m_error;
    QString m_tunnelError;
    int m_failures = 0;
    int m_intervalMs = kDefaultIntervalMs;
    bool m_active = false;
    bool m_everReached = false;
    bool m_requestPending = false;
};

} // namespace SparkDeck
