#include "uploadstep.h"

#include <QCoreApplication>
#include <QLocale>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::UploadStep)
};
} // namespace

UploadStep::UploadStep(const QString &title, Machine *machine, const QString &localPath,
                       std::function<QString()> remotePath, std::function<CommandRequest()> check,
                       QObject *parent)
    : Step(title, parent)
    , m_machine(machine)
    , m_localPath(localPath)
    , m_remotePath(std::move(remotePath))
    , m_check(std::move(check))
{}

void UploadStep::check()
{
    watch(m_machine->run(m_check(), this), [this](const ExecResult &result) {
        if (result.finished() && (result.exitCode == 0 || result.exitCode == 1))
            checkFinished(result.exitCode == 0);
        else
            checkFailed(TaskOutcome::failure(failure(result), !result.finished()));
    });
}

void UploadStep::apply()
{
    MachineJob *job = m_machine->upload(m_localPath, m_remotePath(), 0644, this);
    watch(job, [this](const ExecResult &result) {
        applyFinished(result.succeeded() ? TaskOutcome::success()
                                         : TaskOutcome::failure(failure(result), true));
    });
}

void UploadStep::abort()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void UploadStep::watch(MachineJob *job, std::function<void(const ExecResult &)> then)
{
    m_job = job;
    connect(job, &MachineJob::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0 && done * 10 / total != m_lastTenth) {
            m_lastTenth = done * 10 / total;
            Q_EMIT outputLine(Tr::tr("uploaded %1 of %2")
                                  .arg(QLocale::system().formattedDataSize(done),
                                       QLocale::system().formattedDataSize(total)));
        }
    });
    connect(job, &MachineJob::finished, this, [job, then](const ExecResult &result) {
        job->deleteLater();
        then(result);
    });
    job->start();
}

QString UploadStep::failure(const ExecResult &result) const
{
    return Tr::tr("%1: %2 failed (%3)").arg(m_machine->displayName(), title(), result.summary());
}

} // namespace SparkDeck
