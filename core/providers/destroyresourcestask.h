#pragma once

#include "providers/machineprovider.h"
#include "provisioning/task.h"

#include <QSet>

#include <memory>

namespace SparkDeck {

class ResourceJournal;

/// `down`'s last word for a provider: deletes everything the journal holds as created or
/// intended (the machines side by side, then the rest, newest first: a firewall or security
/// group outlives the machines in it), then sweeps: whatever still carries the cluster's tag
/// (a machine whose create answer was lost, a duplicate) is deleted too. Succeeds only when
/// nothing of the cluster is left; a failure names what remains, and running `down` again
/// goes on from there.
class DestroyResourcesTask : public Task
{
    Q_OBJECT
public:
    DestroyResourcesTask(MachineProvider *provider, ResourceJournal *journal,
                         const QString &clusterName, QObject *parent = nullptr);

protected:
    void run() override;
    void handleCancel() override;

private:
    void destroyMachines();
    void destroyNextOther();
    void sweep();
    void destroySwept(QList<CloudResource> found);
    void destroyed(const CloudResource &resource, const Status &status);
    void end();

    MachineProvider *m_provider;
    ResourceJournal *m_journal;
    QString m_clusterName;
    QList<CloudResource> m_others; ///< newest first
    int m_pending = 0;
    int m_deleted = 0;
    int m_swept = 0;
    QStringList m_failures;
    QSet<QString> m_deletedIds;
    std::unique_ptr<QObject> m_calls;
};

} // namespace SparkDeck
