#pragma once

#include "ssh/sshsession.h"

#include <QHash>
#include <QObject>

namespace SparkDeck {

/// One SshSession per host (user, address, port, identity), created on first use and reused by
/// every later command, transfer and tunnel to that host. Owns its sessions.
class SshSessionPool : public QObject
{
    Q_OBJECT
public:
    explicit SshSessionPool(QObject *parent = nullptr);
    ~SshSessionPool() override;

    /// The session for `target`, created (not yet connected) when there is none.
    SshSession *session(const SshTarget &target);
    QList<SshSession *> sessions() const { return m_sessions.values(); }
    /// Closes and deletes every session.
    void clear();

Q_SIGNALS:
    /// A new session exists; connect to its hostKeyConfirmationRequested() (policy "ask") and
    /// passphraseRequested() (an encrypted key) here.
    void sessionCreated(SparkDeck::SshSession *session);

private:
    QHash<QString, SshSession *> m_sessions;
};

} // namespace SparkDeck
