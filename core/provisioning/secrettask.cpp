#include "secrettask.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::SecretTask)
};
} // namespace

SecretTask::SecretTask(const QString &title, Machine *machine, const CommandRequest &read,
                       std::function<void(const Secret &)> store, QObject *parent)
    : Task(title, parent)
    , m_machine(machine)
    , m_read(read)
    , m_store(std::move(store))
{}

void SecretTask::run()
{
    m_job = m_machine->run(m_read, this);
    connect(m_job, &MachineJob::finished, this, [this](const ExecResult &result) {
        if (!result.succeeded()) {
            finish(
                TaskOutcome::failure(Tr::tr("%1: %2 failed (%3)")
                                         .arg(m_machine->displayName(), title(), result.summary()),
                                     !result.finished()));
            return;
        }
        const QString existing = QString::fromUtf8(result.standardOutput).trimmed();
        m_store(existing.isEmpty() ? Secret::generate() : Secret(existing));
        finish(TaskOutcome::success());
    });
    m_job->start();
}

void SecretTask::handleCancel()
{
    if (m_job)
        m_job->cancel();
    finish(TaskOutcome::cancelled());
}

} // namespace SparkDeck
