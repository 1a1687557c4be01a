#include "destroyresourcestask.h"

#include "providers/resourcejournal.h"

namespace SparkDeck {

DestroyResourcesTask::DestroyResourcesTask(MachineProvider *provider, ResourceJournal *journal,
                                           const QString &clusterName, QObject *parent)
    : Task(tr("Delete the cluster's machines and resources on %1").arg(provider->id()), parent)
    , m_provider(provider)
    , m_journal(journal)
    , m_clusterName(clusterName)
{}

void DestroyResourcesTask::run()
{
    m_calls = std::make_unique<QObject>();
    destroyMachines();
}

void DestroyResourcesTask::handleCancel()
{
    m_calls.reset();
    finish(TaskOutcome::cancelled());
}

void DestroyResourcesTask::destroyMachines()
{
    QList<CloudResource> machines;
    for (const CloudResource &resource : m_journal->outstanding()) {
        if (resource.isMachine())
            machines << resource;
        else
            m_others.prepend(resource);
    }
    if (machines.isEmpty())
        return destroyNextOther();
    m_pending = int(machines.size());
    for (const CloudResource &machine : std::as_const(machines)) {
        m_provider->destroy(machine, m_calls.get(), [this, machine](const Status &status) {
            destroyed(machine, status);
            if (--m_pending == 0)
                destroyNextOther();
        });
    }
}

void DestroyResourcesTask::destroyNextOther()
{
    if (m_others.isEmpty())
        return sweep();
    const CloudResource resource = m_others.takeFirst();
    m_provider->destroy(resource, m_calls.get(), [this, resource](const Status &status) {
        destroyed(resource, status);
        destroyNextOther();
    });
}

void DestroyResourcesTask::destroyed(const CloudResource &resource, const Status &status)
{
    const QString what = resource.name.isEmpty()
                             ? resource.kind
                             : QStringLiteral("%1 %2").arg(resource.kind, resource.name);
    if (!status) {
        m_failures << QStringLiteral("%1: %2").arg(what, status.errorMessage());
        return;
    }
    ++m_deleted;
    if (!resource.id.isEmpty())
        m_deletedIds << resource.id;
    Q_EMIT outputLine(tr("deleted %1").arg(what));
    const Status recorded = m_journal->recordDeleted(resource.key);
    if (!recorded)
        m_failures << recorded.errorMessage();
}

void DestroyResourcesTask::sweep()
{
    m_provider->findTagged(m_clusterName, m_calls.get(),
                           [this](const Result<QList<CloudResource>> &found) {
                               if (!found) {
                                   m_failures << found.errorMessage();
                                   return end();
                               }
                               // Deletion takes a moment to show in lists: what was just deleted is
                               // not swept again.
                               QList<CloudResource> left;
                               for (const CloudResource &resource : found.value()) {
                                   if (!m_deletedIds.contains(resource.id))
                                       left << resource;
                               }
                               destroySwept(left);
                           });
}

void DestroyResourcesTask::destroySwept(QList<CloudResource> found)
{
    if (found.isEmpty())
        return end();
    const CloudResource resource = found.takeFirst();
    m_provider->destroy(resource, m_calls.get(), [this, resource, found](const Status &status) {
        if (status) {
            ++m_swept;
            Q_EMIT outputLine(
                tr("deleted %1 %2, found by the cluster's tag").arg(resource.kind, resource.name));
        } else {
            m_failures << QStringLiteral("%1 %2: %3")
                              .arg(resource.kind, resource.name, status.errorMessage());
        }
        destroySwept(found);
    });
}

void DestroyResourcesTask::end()
{
    if (!m_failures.isEmpty()) {
        return finish(TaskOutcome::failure(
            tr("Some of the cluster's resources may remain (%1). Run 'down' again; "
               "what is gone is not asked for again.")
                .arg(m_failures.join(QStringLiteral("; "))),
            true));
    }
    finish(TaskOutcome::success(
        tr("deleted %1 resources, %2 more found by the tag").arg(m_deleted).arg(m_swept)));
}

} // namespace SparkDeck
