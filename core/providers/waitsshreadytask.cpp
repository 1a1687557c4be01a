#include "waitsshreadytask.h"

#include "providers/resourcejournal.h"
#include "provisioning/sshmachine.h"
#include "ssh/knownhosts.h"
#include "ssh/sshsessionpool.h"
#include "ssh/sshtarget.h"

namespace SparkDeck {

WaitSshReadyTask::WaitSshReadyTask(SshSessionPool *pool, const SshSpec &ssh,
                                   ResourceJournal *journal, const QStringList &names,
                                   const RetryPolicy &policy, QObject *parent)
    : Task(tr("Wait until SSH answers on %n machine(s)", nullptr, int(names.size())), parent)
    , m_pool(pool)
    , m_ssh(ssh)
    , m_journal(journal)
    , m_names(names)
    , m_policy(policy)
{}

QString WaitSshReadyTask::firstBootScript()
{
    // /run/cloud-init exists once cloud-init started on this boot; where it never runs,
    // `status --wait` would wait for ever.
    return QStringLiteral(
        "if [ -d /run/cloud-init ] && command -v cloud-init >/dev/null 2>&1; then "
        "timeout 900 cloud-init status --wait >/dev/null 2>&1 || true; fi");
}

void WaitSshReadyTask::run()
{
    QStringList addresses;
    for (const CloudResource &machine : m_journal->liveMachines()) {
        if (!m_names.contains(machine.name))
            continue;
        if (machine.publicAddress.isEmpty())
            return finish(TaskOutcome::failure(
                tr("Machine %1 has no address yet; run 'up' again.").arg(machine.name)));
        addresses << machine.publicAddress;
    }
    if (addresses.size() != m_names.size())
        return finish(TaskOutcome::failure(tr("Not every machine was created; run 'up' again.")));
    for (const QString &address : std::as_const(addresses))
        attempt(address);
}

void WaitSshReadyTask::attempt(const QString &address)
{
    if (!isRunning())
        return;
    ++m_attempts[address];
    HostSpec host;
    host.address = address;
    auto *machine
        = new SshMachine(m_pool->session(SshTarget::fromSpec(m_ssh, host)), address, this);
    MachineJob *job = machine->run(CommandRequest{firstBootScript(), {}, false, 0}, machine);
    m_jobs.insert(address, job);
    connect(job, &MachineJob::finished, this, [this, address, job] { handleResult(address, job); });
    job->start();
}

bool WaitSshReadyTask::hostKeyRefused(const SshSession *session)
{
    const HostKey key = session->hostKey();
    const Result<KnownHosts> known = KnownHosts::load(session->target().knownHostsFile);
    if (!key.isValid() || !known)
        return false;
    const KnownHosts::Match match
        = known->check(session->target().host, session->target().port, key).match;
    return match == KnownHosts::Match::Changed || match == KnownHosts::Match::OtherTypeKnown
           || match == KnownHosts::Match::Revoked;
}

void WaitSshReadyTask::handleResult(const QString &address, MachineJob *job)
{
    m_jobs.remove(address);
    const ExecResult result = job->result();
    auto *machine = static_cast<SshMachine *>(job->parent());
    const bool refused
        = !result.succeeded() && machine->session() && hostKeyRefused(machine->session());
    machine->deleteLater(); // the session stays in the pool
    if (!isRunning())
        return;
    if (result.succeeded()) {
        Q_EMIT outputLine(tr("%1 accepts SSH logins").arg(address));
        if (++m_ready == m_names.size())
            finish(TaskOutcome::success(tr("%n machine(s) reachable over SSH", nullptr, m_ready)));
        return;
    }
    if (refused) { // waiting will not change a key known_hosts contradicts
        for (MachineJob *other : std::as_const(m_jobs))
            other->cancel();
        return finish(TaskOutcome::failure(result.summary()));
    }
    if (m_attempts.value(address) >= m_policy.attempts) {
        for (MachineJob *other : std::as_const(m_jobs))
            other->cancel();
        return finish(TaskOutcome::failure(
            tr("%1 did not accept an SSH login after %2 tries (%3). Check that the key "
               "%4 is yours; run 'up' again to retry.")
                .arg(address)
                .arg(m_attempts.value(address))
                .arg(result.summary(), m_ssh.identity),
            true));
    }
    QTimer::singleShot(m_policy.intervalMs, this, [this, address] { attempt(address); });
}

void WaitSshReadyTask::handleCancel()
{
    const QList<MachineJob *> jobs = m_jobs.values();
    m_jobs.clear();
    finish(TaskOutcome::cancelled());
    for (MachineJob *job : jobs)
        job->cancel();
}

} // namespace SparkDeck
