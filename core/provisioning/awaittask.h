#pragma once

#include "provisioning/task.h"

#include <QPointer>

namespace SparkDeck {

/// Ends when another task of the same graph has ended: succeeded when it succeeded, failed
/// otherwise. One branch of a parallel group waits for another without asking any host (the
/// worker hosts, copying Spark, wait for the master's start before they start workers).
class AwaitTask : public Task
{
    Q_OBJECT
public:
    AwaitTask(const QString &title, Task *awaited, QObject *parent = nullptr);

protected:
    void run() override;

private:
    void settle();

    QPointer<Task> m_awaited;
};

} // namespace SparkDeck
