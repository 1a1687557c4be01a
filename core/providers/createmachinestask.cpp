#include "createmachinestask.h"

#include "providers/resourcejournal.h"

#include <QTimer>

namespace SparkDeck {

CreateMachinesTask::CreateMachinesTask(MachineProvider *provider, ResourceJournal *journal,
                                       const MachineRequest &request, QObject *parent)
    : Task(tr("Create %n machine(s) on %1", nullptr, int(request.names.size())).arg(provider->id()),
           parent)
    , m_provider(provider)
    , m_journal(journal)
    , m_request(request)
{}

void CreateMachinesTask::run()
{
    m_calls = std::make_unique<QObject>();
    settleIntents();
}

void CreateMachinesTask::handleCancel()
{
    m_calls.reset();
    finish(TaskOutcome::cancelled());
}

QStringList CreateMachinesTask::missingNames() const
{
    QStringList missing = m_request.names;
    for (const CloudResource &machine : m_journal->liveMachines())
        missing.removeAll(machine.name);
    return missing;
}

void CreateMachinesTask::setLookupPolicy(int lookups, int intervalMs)
{
    m_lookups = qMax(1, lookups);
    m_lookupIntervalMs = intervalMs;
}

void CreateMachinesTask::settleIntents()
{
    QList<CloudResource> open;
    for (const CloudResource &resource : m_journal->outstanding()) {
        if (resource.isMachine() && resource.state == CloudResource::State::Intended)
            open << resource;
    }
    if (open.isEmpty())
        return createMissing();
    Q_EMIT outputLine(tr("%n machine(s) from an interrupted run: looking them up by tag", nullptr,
                         int(open.size())));
    lookUp(open);
}

void CreateMachinesTask::lookUp(const QList<CloudResource> &open)
{
    ++m_lookupsDone;
    m_provider->findTagged(
        m_request.clusterName, m_calls.get(),
        [this, open](const Result<QList<CloudResource>> &found) {
            if (!found)
                return finish(TaskOutcome::failure(found.errorMessage(), true));
            QList<CloudResource> notFound;
            for (const CloudResource &intent : open) {
                const auto match = std::find_if(
                    found->begin(), found->end(), [&intent](const CloudResource &candidate) {
                        return candidate.isMachine() && candidate.name == intent.name;
                    });
                if (match == found->end()) {
                    notFound << intent;
                    continue;
                }
                const Status recorded = m_journal->recordCreated(intent.key, match->id);
                if (!recorded)
                    return finish(TaskOutcome::failure(recorded.errorMessage()));
            }
            if (!notFound.isEmpty() && m_lookupsDone < m_lookups) {
                QTimer::singleShot(m_lookupIntervalMs, m_calls.get(),
                                   [this, notFound] { lookUp(notFound); });
                return;
            }
            for (const CloudResource &intent : std::as_const(notFound)) {
                const Status recorded = m_journal->recordNotCreated(intent.key);
                if (!recorded)
                    return finish(TaskOutcome::failure(recorded.errorMessage()));
            }
            createMissing();
        });
}

void CreateMachinesTask::createMissing()
{
    const QStringList missing = missingNames();
    if (missing.isEmpty())
        return finish(TaskOutcome::success(
            tr("the %n machine(s) exist already", nullptr, int(m_request.names.size()))));
    MachineRequest request = m_request;
    request.names = missing;
    m_provider->createMachines(
        request, m_journal, m_calls.get(), [this](const Result<QList<ProvidedMachine>> &created) {
            if (!created) {
                return finish(TaskOutcome::failure(
                    tr("%1 What was created is recorded; 'down' deletes it, 'up' goes on from it.")
                        .arg(created.errorMessage())));
            }
            for (const ProvidedMachine &machine : created.value())
                Q_EMIT outputLine(tr("created %1 (%2)").arg(machine.name, machine.id));
            finish(
                TaskOutcome::success(tr("created %n machine(s)", nullptr, int(created->size()))));
        });
}

} // namespace SparkDeck
