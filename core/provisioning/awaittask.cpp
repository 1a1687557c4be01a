#include "awaittask.h"

namespace SparkDeck {

AwaitTask::AwaitTask(const QString &title, Task *awaited, QObject *parent)
    : Task(title, parent), m_awaited(awaited)
{}

void AwaitTask::run()
{
    if (m_awaited && m_awaited->state() != State::Finished)
        connect(m_awaited, &Task::finished, this, &AwaitTask::settle);
    else
        settle();
}

void AwaitTask::settle()
{
    if (m_awaited && m_awaited->outcome().succeeded())
        finish(TaskOutcome::success(tr("'%1' done").arg(m_awaited->title())));
    else
        finish(TaskOutcome::failure(tr("%1: '%2' did not succeed").arg(title(), m_awaited ? m_awaited->title() : QString())));
}

} // namespace SparkDeck
