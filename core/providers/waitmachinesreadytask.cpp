#include "waitmachinesreadytask.h"

#include "providers/resourcejournal.h"

namespace SparkDeck {

WaitMachinesReadyTask::WaitMachinesReadyTask(MachineProvider *provider, ResourceJournal *journal,
                                             const QStringList &names, const PollPolicy &policy,
                                             QObject *parent)
    : Task(tr("Wait until %n machine(s) are running", nullptr, int(names.size())), parent)
    , m_provider(provider)
    , m_journal(journal)
    , m_names(names)
    , m_policy(policy)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WaitMachinesReadyTask::poll);
}

void WaitMachinesReadyTask::run()
{
    m_calls = std::make_unique<QObject>();
    poll();
}

void WaitMachinesReadyTask::handleCancel()
{
    m_timer.stop();
    m_calls.reset();
    finish(TaskOutcome::cancelled());
}

void WaitMachinesReadyTask::poll()
{
    QStringList ids;
    QStringList missing = m_names;
    for (const CloudResource &machine : m_journal->liveMachines()) {
        if (m_names.contains(machine.name)) {
            ids << machine.id;
            missing.removeAll(machine.name);
        }
    }
    if (!missing.isEmpty())
        return finish(TaskOutcome::failure(tr("No machine %1 was created; run 'up' again.")
                                               .arg(missing.join(QStringLiteral(", ")))));
    ++m_polls;
    m_provider->describeMachines(
        ids, m_calls.get(), [this](const Result<QList<ProvidedMachine>> &machines) {
            if (!machines)
                return finish(TaskOutcome::failure(machines.errorMessage(), true));
            handleMachines(machines.value());
        });
}

void WaitMachinesReadyTask::handleMachines(const QList<ProvidedMachine> &machines)
{
    int ready = 0;
    for (const ProvidedMachine &machine : machines) {
        if (machine.status == ProvidedMachine::Status::Failed
            || machine.status == ProvidedMachine::Status::Gone) {
            return finish(TaskOutcome::failure(
                tr("Machine %1 is %2 instead of starting; run 'down' to delete the "
                   "cluster's machines, then 'up' again.")
                    .arg(machine.name.isEmpty() ? machine.id : machine.name, machine.statusText)));
        }
        if (machine.status != ProvidedMachine::Status::Ready)
            continue;
        ++ready;
        for (const CloudResource &known : m_journal->liveMachines()) {
            if (known.id != machine.id
                || (known.publicAddress == machine.publicAddress
                    && known.privateAddress == machine.privateAddress))
                continue;
            const Status recorded = m_journal->recordAddresses(known.key, machine.publicAddress,
                                                               machine.privateAddress);
            if (!recorded)
                return finish(TaskOutcome::failure(recorded.errorMessage()));
            Q_EMIT outputLine(tr("%1 is running at %2").arg(known.name, machine.publicAddress));
        }
    }
    if (ready == m_names.size())
        return finish(TaskOutcome::success(tr("%n machine(s) running", nullptr, ready)));
    if (m_polls >= m_policy.maxPolls) {
        return finish(TaskOutcome::failure(
            tr("%1 of %2 machines are still not running after %3 checks; run 'up' "
               "again to wait more, or 'down' to delete them.")
                .arg(m_names.size() - ready)
                .arg(m_names.size())
                .arg(m_polls),
            true));
    }
    m_timer.start(m_policy.intervalMs);
}

} // namespace SparkDeck
