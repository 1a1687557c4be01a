#include "operationrunner.h"

#include "provisioning/standalonerecipe.h"
#include "provisioning/step.h"
#include "provisioning/taskgroup.h"

namespace SparkDeck {

OperationRunner::OperationRunner(const QString &operation, TaskGroup *graph, RunJournal *journal, QObject *parent)
    : QObject(parent), m_operation(operation), m_graph(graph), m_journal(journal)
{
    m_graph->setParent(this);
    watch(m_graph);
    connect(m_graph, &Task::finished, this, [this](const TaskOutcome &outcome) {
        TaskOutcome redacted = outcome;
        redacted.message = redact(outcome.message);
        for (QString &warning : redacted.warnings)
            warning = redact(warning);
        for (QString &failure : redacted.partialFailures)
            failure = redact(failure);
        if (m_journal) {
            m_journal->setSecret(m_secret ? m_secret() : Secret());
            reportJournal(m_journal->endRun(redacted));
        }
        Q_EMIT finished(redacted);
    });
}

void OperationRunner::watch(Task *task)
{
    if (auto *group = qobject_cast<TaskGroup *>(task)) {
        for (Task *child : group->tasks())
            watch(child);
        return;
    }
    // Leaves are the steps a person follows; groups only arrange them.
    connect(task, &Task::started, this, [this, task] {
        Q_EMIT stepStarted(StandaloneRecipe::hostOf(task), task->title());
    });
    connect(task, &Task::outputLine, this, [this, task](const QString &line) {
        Q_EMIT outputLine(StandaloneRecipe::hostOf(task), redact(line));
    });
    connect(task, &Task::finished, this, [this, task](const TaskOutcome &outcome) {
        const auto *step = qobject_cast<const Step *>(task);
        // Only a step that applied something changed the world; a step whose check held, and
        // a task that only learns (a checksum, the secret), did not.
        const bool alreadyDone = !step || step->wasAlreadyDone();
        TaskOutcome redacted = outcome;
        redacted.message = redact(outcome.message);
        if (m_journal) {
            m_journal->setSecret(m_secret ? m_secret() : Secret());
            reportJournal(m_journal->recordStep(StandaloneRecipe::hostOf(task), task->title(), redacted, alreadyDone));
        }
        Q_EMIT stepFinished(StandaloneRecipe::hostOf(task), task->title(), redacted, alreadyDone);
    });
}

void OperationRunner::start()
{
    if (m_journal)
        reportJournal(m_journal->beginRun(m_operation));
    m_graph->start();
}

void OperationRunner::cancel()
{
    m_graph->cancel();
}

bool OperationRunner::isRunning() const
{
    return m_graph->isRunning();
}

const TaskOutcome &OperationRunner::outcome() const
{
    return m_graph->outcome();
}

QString OperationRunner::redact(const QString &text) const
{
    return m_secret ? m_secret().redact(text) : text;
}

void OperationRunner::reportJournal(const Status &status)
{
    if (!status.ok())
        Q_EMIT journalProblem(status.errorMessage());
}

} // namespace SparkDeck
