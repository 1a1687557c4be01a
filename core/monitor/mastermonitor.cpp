#include "mastermonitor.h"

#include "provisioning/sshmachine.h"
#include "render/sparkconfig.h"
#include "ssh/sshsession.h"
#include "ssh/sshtunnel.h"

namespace SparkDeck {

MasterMonitor::MasterMonitor(Machine *master, QObject *parent) : QObject(parent), m_master(master)
{
    m_timer.setSingleShot(true);
    m_client.setTimeout(kRequestTimeoutMs);
    connect(&m_timer, &QTimer::timeout, this, &MasterMonitor::refreshNow);
    connect(&m_client, &SparkMasterClient::statusReceived, this, &MasterMonitor::handleStatus);
    connect(&m_client, &SparkMasterClient::failed, this, &MasterMonitor::handleFailure);
}

MasterMonitor::~MasterMonitor()
{
    m_client.cancel();
}

QUrl MasterMonitor::masterUiUrl() const
{
    return m_baseUrl;
}

QString MasterMonitor::routeDescription() const
{
    if (!m_master)
        return {};
    if (m_tunnel) {
        return tr("SSH tunnel to %1:%2 through localhost:%3")
            .arg(m_master->address())
            .arg(SparkPorts::kMasterWebUi)
            .arg(m_tunnel->localPort());
    }
    return tr("%1 on this computer").arg(m_baseUrl.toString());
}

void MasterMonitor::openRoute()
{
    if (m_tunnel) {
        m_tunnel->close();
        m_tunnel.reset();
    }
    m_tunnelError.clear();
    QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(SparkPorts::kMasterWebUi));
    if (auto *ssh = qobject_cast<SshMachine *>(m_master.data())) {
        m_tunnel = std::make_unique<SshTunnel>(ssh->session());
        m_tunnel->setDestination(ssh->address(), SparkPorts::kMasterWebUi);
        connect(m_tunnel.get(), &SshTunnel::connectionClosed, this, [this](const QString &error) {
            if (!error.isEmpty())
                m_tunnelError = error;
        });
        const Status listening = m_tunnel->listen();
        if (!listening.ok()) {
            m_tunnelError = listening.errorMessage();
            m_tunnel.reset();
            url = QUrl();
        } else {
            url.setPort(m_tunnel->localPort());
        }
    }
    if (url != m_baseUrl) {
        m_baseUrl = url;
        m_client.setBaseUrl(url);
        Q_EMIT masterUiUrlChanged(url);
    }
}

void MasterMonitor::start()
{
    if (m_active)
        return;
    m_active = true;
    if (!m_baseUrl.isValid() || (qobject_cast<SshMachine *>(m_master.data()) && !m_tunnel))
        openRoute();
    setConnection(m_everReached ? Connection::Reachable : Connection::Connecting);
    refreshNow();
}

void MasterMonitor::stop()
{
    m_active = false;
    m_timer.stop();
    m_client.cancel();
    m_requestPending = false;
    setConnection(Connection::Idle);
}

void MasterMonitor::reconnect()
{
    m_client.cancel();
    m_requestPending = false;
    m_timer.stop();
    m_failures = 0;
    m_everReached = false;
    if (auto *ssh = qobject_cast<SshMachine *>(m_master.data()); ssh && ssh->session()
        && ssh->session()->state() == SshSession::State::Disconnected) {
        ssh->session()->connectToHost();
    }
    openRoute();
    m_active = true;
    setConnection(Connection::Connecting);
    refreshNow();
}

void MasterMonitor::refreshNow()
{
    if (!m_active)
        return;
    m_timer.stop();
    if (!m_baseUrl.isValid()) {
        handleFailure(m_tunnelError);
        return;
    }
    m_requestPending = true;
    m_client.refresh(); // abandons a request still running: only the newest answer counts
}

void MasterMonitor::scheduleNext()
{
    if (m_active)
        m_timer.start(m_intervalMs);
}

void MasterMonitor::handleStatus(const MasterStatus &status)
{
    m_requestPending = false;
    m_status = status;
    m_failures = 0;
    m_everReached = true;
    m_error.clear();
    setConnection(Connection::Reachable);
    Q_EMIT statusReceived(status);
    scheduleNext();
}

void MasterMonitor::handleFailure(const QString &message)
{
    m_requestPending = false;
    ++m_failures;
    // The SSH side says more than "connection closed" (which is all HTTP sees of it).
    m_error = m_tunnelError.isEmpty() ? message
                                      : tr("%1 (SSH: %2)").arg(message, m_tunnelError);
    if (!m_everReached || m_failures >= 2)
        setConnection(Connection::Unreachable);
    scheduleNext();
}

void MasterMonitor::setConnection(Connection connection)
{
    if (connection == m_connection && connection != Connection::Unreachable)
        return;
    m_connection = connection;
    Q_EMIT connectionChanged(connection);
}

} // namespace SparkDeck
