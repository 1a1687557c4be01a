#include "sshsessionpool.h"

namespace SparkDeck {

SshSessionPool::SshSessionPool(QObject *parent) : QObject(parent) {}

SshSessionPool::~SshSessionPool()
{
    clear();
}

SshSession *SshSessionPool::session(const SshTarget &target)
{
    const QString key = target.poolKey();
    if (SshSession *existing = m_sessions.value(key))
        return existing;
    auto *session = new SshSession(target, this);
    m_sessions.insert(key, session);
    Q_EMIT sessionCreated(session);
    return session;
}

void SshSessionPool::clear()
{
    const QList<SshSession *> sessions = m_sessions.values();
    m_sessions.clear();
    for (SshSession *session : sessions) {
        session->disconnectFromHost();
        delete session;
    }
}

} // namespace SparkDeck
