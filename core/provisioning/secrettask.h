#pragma once

#include "provisioning/machine.h"
#include "provisioning/task.h"
#include "util/secret.h"

#include <QPointer>

#include <functional>

namespace SparkDeck {

/// Reads a secret kept on a machine (the cluster's authentication secret, Jupyter's token, a
/// swarm's join token) and hands it to `store`, so that a second `up` or a scale keeps what
/// the running daemons share; makes a new one when the command prints nothing. The value is
/// never reported: no output line, and failures carry only the command's summary.
class SecretTask : public Task
{
    Q_OBJECT
public:
    SecretTask(const QString &title, Machine *machine, const CommandRequest &read,
               std::function<void(const Secret &)> store, QObject *parent = nullptr);

protected:
    void run() override;
    void handleCancel() override;

private:
    QPointer<Machine> m_machine;
    CommandRequest m_read;
    std::function<void(const Secret &)> m_store;
    QPointer<MachineJob> m_job;
};

} // namespace SparkDeck
