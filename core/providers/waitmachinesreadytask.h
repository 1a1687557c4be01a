#pragma once

#include "providers/machineprovider.h"
#include "provisioning/task.h"

#include <QTimer>

#include <memory>

namespace SparkDeck {

class ResourceJournal;

/// Waits until the provider says every named machine is ready (DigitalOcean `active`, EC2
/// `running`...), polling all of them with one describeMachines() call per round, and records
/// each machine's addresses in the journal as it becomes ready. A machine the API does not
/// list yet (right after creation) is simply not ready yet.
class WaitMachinesReadyTask : public Task
{
    Q_OBJECT
public:
    struct PollPolicy
    {
        int intervalMs = 5000;
        int maxPolls = 180; ///< 15 minutes at the default interval
    };

    WaitMachinesReadyTask(MachineProvider *provider, ResourceJournal *journal,
                          const QStringList &names, const PollPolicy &policy,
                          QObject *parent = nullptr);

protected:
    void run() override;
    void handleCancel() override;

private:
    void poll();
    void handleMachines(const QList<ProvidedMachine> &machines);

    MachineProvider *m_provider;
    ResourceJournal *m_journal;
    QStringList m_names;
    PollPolicy m_policy;
    QTimer m_timer;
    int m_polls = 0;
    std::unique_ptr<QObject> m_calls;
};

} // namespace SparkDeck
