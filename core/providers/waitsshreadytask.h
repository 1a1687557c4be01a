#pragma once

#include "provisioning/task.h"
#include "spec/clusterspec.h"

#include <QHash>
#include <QTimer>

namespace SparkDeck {

class MachineJob;
class ResourceJournal;
class SshSession;
class SshSessionPool;

/// Waits until SparkDeck can log in to every named machine over SSH (at the address the
/// journal recorded) and cloud-init has finished its first boot there, all machines side by
/// side. A refused or failed login is tried again: sshd starts, and cloud-init installs the
/// key, a little after the provider calls the machine running; a host key that contradicts
/// known_hosts ends the wait at once. The connection stays in the pool for the provisioning
/// that follows.
class WaitSshReadyTask : public Task
{
    Q_OBJECT
public:
    struct RetryPolicy
    {
        int intervalMs = 5000;
        int attempts = 60;
    };

    WaitSshReadyTask(SshSessionPool *pool, const SshSpec &ssh, ResourceJournal *journal,
                     const QStringList &names, const RetryPolicy &policy,
                     QObject *parent = nullptr);

    /// What runs once the login works: waits for cloud-init where it runs on this boot.
    static QString firstBootScript();

protected:
    void run() override;
    void handleCancel() override;

private:
    void attempt(const QString &address);
    void handleResult(const QString &address, MachineJob *job);
    /// The host's key contradicts known_hosts (changed, other type, revoked): no retry helps.
    static bool hostKeyRefused(const SshSession *session);

    SshSessionPool *m_pool;
    SshSpec m_ssh;
    ResourceJournal *m_journal;
    QStringList m_names;
    RetryPolicy m_policy;
    QHash<QString, int> m_attempts; ///< per address
    QHash<QString, MachineJob *> m_jobs;
    int m_ready = 0;
};

} // namespace SparkDeck
