#pragma once

#include "providers/machineprovider.h"
#include "provisioning/task.h"

#include <memory>

namespace SparkDeck {

class ResourceJournal;

/// Creates the machines of `request` that the journal does not hold yet, so a second `up`
/// creates nothing and an `up` after a crash first settles what the crash left open: each
/// machine intent without an answer is looked up by the cluster tag and recorded as created
/// (with its id) or, when several lookups a while apart do not find it (a list may lag behind
/// a create), as never created. Then one createMachines() call for the rest; the provider
/// batches it as its API allows.
class CreateMachinesTask : public Task
{
    Q_OBJECT
public:
    CreateMachinesTask(MachineProvider *provider, ResourceJournal *journal,
                       const MachineRequest &request, QObject *parent = nullptr);

    /// How often, and how far apart, an unanswered intent is looked up before it counts as
    /// never created.
    void setLookupPolicy(int lookups, int intervalMs);

protected:
    void run() override;
    void handleCancel() override;

private:
    void settleIntents();
    void lookUp(const QList<CloudResource> &open);
    void createMissing();
    QStringList missingNames() const;

    MachineProvider *m_provider;
    ResourceJournal *m_journal;
    MachineRequest m_request;
    int m_lookups = 3;
    int m_lookupIntervalMs = 5000;
    int m_lookupsDone = 0;
    std::unique_ptr<QObject> m_calls; ///< the callbacks' context: deleting it drops them
};

} // namespace SparkDeck
