#include "clusterwebaccess.h"

#include "provisioning/clusteroperations.h"
#include "provisioning/sshmachine.h"
#include "render/sparkconfig.h"
#include "ssh/sshsession.h"
#include "ssh/sshtunnel.h"

#include <QLoggingCategory>
#include <QTimer>

namespace SparkDeck {

namespace {
Q_LOGGING_CATEGORY(lcWeb, "sparkdeck.web", QtWarningMsg)

QUrl httpUrl(const QString &host, quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(QStringLiteral("/"));
    return url;
}
} // namespace

ClusterWebAccess::ClusterWebAccess(Machine *master, quint16 masterUiPort, QObject *parent)
    : QObject(parent), m_master(master), m_masterUiPort(masterUiPort)
{
    if (auto *sshMachine = qobject_cast<SshMachine *>(master))
        m_session = sshMachine->session();
    if (m_session) {
        connect(m_session, &SshSession::stateChanged, this, &ClusterWebAccess::handleSessionState);
        connect(m_session, &QObject::destroyed, this, [this] {
            closeListeners();
            m_forwards.clear();
            if (m_wanted)
                becomeUnavailable(tr("The SSH connection to the master was closed."));
        });
    }
    m_forwards[m_masterUiPort];
}

ClusterWebAccess::ClusterWebAccess(const ClusterOperations &operations, QObject *parent)
    : ClusterWebAccess(operations.machines().master(), quint16(SparkPorts::kMasterWebUi), parent)
{}

ClusterWebAccess::~ClusterWebAccess()
{
    closeListeners();
}

bool ClusterWebAccess::isTunnelled() const
{
    return !m_master || qobject_cast<SshMachine *>(m_master.data()) != nullptr;
}

QString ClusterWebAccess::hostName() const
{
    return m_master ? m_master->displayName() : tr("the master");
}

void ClusterWebAccess::open()
{
    m_wanted = true;
    if (m_state != State::Available)
        setState(State::Opening);
    // Results always come from the event loop, never from inside this call.
    QMetaObject::invokeMethod(this, &ClusterWebAccess::openNow, Qt::QueuedConnection);
}

void ClusterWebAccess::reconnect()
{
    open();
}

void ClusterWebAccess::openNow()
{
    if (!m_wanted)
        return;
    if (!m_master) {
        becomeUnavailable(tr("The cluster has no master machine."));
        return;
    }
    if (!isTunnelled()) {
        // A cluster on this computer: its UI listens on 127.0.0.1 already.
        const bool wasAvailable = m_state == State::Available;
        setState(State::Available);
        if (!wasAvailable)
            emitAvailableLater();
        return;
    }
    if (!m_session) {
        becomeUnavailable(tr("The SSH connection to %1 was closed.").arg(hostName()));
        return;
    }
    if (m_session->isConnected()) {
        listenAll();
        return;
    }
    if (m_state != State::Opening)
        setState(State::Opening);
    qCInfo(lcWeb) << "connecting to" << hostName() << "for the web UI";
    m_session->connectToHost(); // no-op when it is already connecting
}

void ClusterWebAccess::close()
{
    m_wanted = false;
    closeListeners();
    setState(State::Closed);
}

void ClusterWebAccess::openForward(quint16 remotePort)
{
    auto [it, created] = m_forwards.try_emplace(remotePort);
    Q_UNUSED(created)
    if (m_state != State::Available)
        return; // opens with the others
    if (!isTunnelled()) {
        QTimer::singleShot(0, this, [this, remotePort] {
            if (m_state == State::Available && m_forwards.count(remotePort))
                Q_EMIT forwardAvailable(remotePort, forwardUrl(remotePort));
        });
        return;
    }
    QString error;
    if (!listen(remotePort, it->second, &error)) {
        QTimer::singleShot(0, this, [this, remotePort, error] {
            Q_EMIT forwardFailed(remotePort, error);
        });
        return;
    }
    QTimer::singleShot(0, this, [this, remotePort] {
        const QUrl url = forwardUrl(remotePort);
        if (!url.isEmpty())
            Q_EMIT forwardAvailable(remotePort, url);
    });
}

void ClusterWebAccess::closeForward(quint16 remotePort)
{
    if (remotePort == m_masterUiPort)
        return;
    m_forwards.erase(remotePort);
}

QUrl ClusterWebAccess::forwardUrl(quint16 remotePort) const
{
    if (m_state != State::Available)
        return {};
    const auto it = m_forwards.find(remotePort);
    if (it == m_forwards.end())
        return {};
    if (!isTunnelled())
        return httpUrl(QStringLiteral("127.0.0.1"), remotePort);
    if (!it->second.tunnel || !it->second.tunnel->isListening())
        return {};
    return httpUrl(QStringLiteral("127.0.0.1"), it->second.tunnel->localPort());
}

QUrl ClusterWebAccess::remoteUrl(quint16 remotePort) const
{
    if (!m_master)
        return {};
    return httpUrl(m_master->address(), remotePort);
}

void ClusterWebAccess::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ClusterWebAccess::handleSessionState()
{
    if (!m_session)
        return;
    switch (m_session->state()) {
    case SshSession::State::Connected:
        // Ours or anyone's reconnect: the way opens again if it is wanted.
        if (m_wanted && m_state != State::Available)
            listenAll();
        break;
    case SshSession::State::Disconnected:
        if (m_wanted && (m_state == State::Available || m_state == State::Opening)) {
            closeListeners();
            const QString reason = m_session->errorMessage().isEmpty()
                                       ? tr("The SSH connection to %1 was closed.").arg(hostName())
                                       : m_session->errorMessage();
            becomeUnavailable(reason);
        }
        break;
    default:
        break;
    }
}

void ClusterWebAccess::listenAll()
{
    for (auto &[remotePort, forward] : m_forwards) {
        QString error;
        if (!listen(remotePort, forward, &error)) {
            if (remotePort == m_masterUiPort) {
                closeListeners();
                becomeUnavailable(error);
                return;
            }
            const quint16 port = remotePort;
            QTimer::singleShot(0, this, [this, port, error] { Q_EMIT forwardFailed(port, error); });
        }
    }
    setState(State::Available);
    m_reason.clear();
    emitAvailableLater();
}

bool ClusterWebAccess::listen(quint16 remotePort, Forward &forward, QString *error)
{
    if (!forward.tunnel) {
        forward.tunnel = std::make_unique<SshTunnel>(m_session);
        forward.tunnel->setDestination(m_master->address(), remotePort);
        connect(forward.tunnel.get(), &SshTunnel::connectionClosed, this, [this, remotePort](const QString &e) {
            if (!e.isEmpty())
                qCInfo(lcWeb).noquote() << "web connection to" << hostName() << "port" << remotePort << "ended:" << e;
        });
    }
    if (forward.tunnel->isListening())
        return true;
    // The same local port as before, so open tabs keep working; a free one if it was taken.
    Status listening = forward.localPort != 0
                           ? forward.tunnel->listen(QHostAddress::LocalHost, forward.localPort)
                           : Status(Error{QString()});
    if (!listening)
        listening = forward.tunnel->listen(QHostAddress::LocalHost, 0);
    if (!listening) {
        *error = tr("Cannot open a local port for the web UI of %1: %2")
                     .arg(hostName(), listening.errorMessage());
        return false;
    }
    forward.localPort = forward.tunnel->localPort();
    qCInfo(lcWeb) << "web forward 127.0.0.1:" << forward.localPort << "->" << m_master->address()
                  << remotePort;
    return true;
}

void ClusterWebAccess::closeListeners()
{
    for (auto &[remotePort, forward] : m_forwards) {
        Q_UNUSED(remotePort)
        if (forward.tunnel)
            forward.tunnel->close();
    }
}

void ClusterWebAccess::becomeUnavailable(const QString &reason)
{
    qCInfo(lcWeb).noquote() << "web UI of" << hostName() << "unavailable:" << reason;
    m_reason = reason;
    setState(State::Unavailable);
    Q_EMIT unavailable(reason);
}

void ClusterWebAccess::emitAvailableLater()
{
    QTimer::singleShot(0, this, [this] {
        if (m_state != State::Available)
            return;
        Q_EMIT available(masterUiUrl());
        for (const auto &[remotePort, forward] : m_forwards) {
            Q_UNUSED(forward)
            if (remotePort != m_masterUiPort) {
                const QUrl url = forwardUrl(remotePort);
                if (!url.isEmpty())
                    Q_EMIT forwardAvailable(remotePort, url);
            }
        }
    });
}

} // namespace SparkDeck
