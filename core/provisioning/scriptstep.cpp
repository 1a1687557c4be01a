#include "scriptstep.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ScriptStep)
};

QString lastLines(const QByteArray &output, int count)
{
    QStringList lines = QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QStringLiteral(" | "));
}
} // namespace

ScriptStep::ScriptStep(const QString &title, Machine *machine, const CommandRequest &check,
                       const CommandRequest &apply, QObject *parent)
    : ScriptStep(title, machine, [check] { return check; }, [apply] { return apply; }, parent)
{}

ScriptStep::ScriptStep(const QString &title, Machine *machine, RequestProvider check,
                       RequestProvider apply, QObject *parent)
    : Step(title, parent), m_machine(machine), m_check(std::move(check)), m_apply(std::move(apply))
{}

void ScriptStep::startJob(const CommandRequest &request, std::function<void(const ExecResult &)> then)
{
    if (!m_machine) {
        ExecResult gone;
        gone.error = Tr::tr("the machine is gone");
        then(gone);
        return;
    }
    MachineJob *job = m_machine->run(request, this);
    m_job = job;
    connect(job, &MachineJob::outputLine, this, &Task::outputLine);
    connect(job, &MachineJob::finished, this, [this, job, then](const ExecResult &result) {
        job->deleteLater();
        if (m_job == job)
            m_job = nullptr;
        then(result);
    });
    job->start();
}

void ScriptStep::check()
{
    const CommandRequest request = m_check();
    if (request.script.isEmpty()) {
        checkFinished(false);
        return;
    }
    startJob(request, [this](const ExecResult &result) {
        if (result.finished() && (result.exitCode == 0 || result.exitCode == 1))
            checkFinished(result.exitCode == 0);
        else
            checkFailed(failureFrom(result));
    });
}

void ScriptStep::apply()
{
    startJob(m_apply(), [this](const ExecResult &result) {
        applyFinished(result.succeeded() ? TaskOutcome::success() : failureFrom(result));
    });
}

void ScriptStep::abort()
{
    if (MachineJob *job = m_job) {
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

TaskOutcome ScriptStep::notTakenEffect() const
{
    QString message = Tr::tr("%1: %2 did not take effect").arg(m_machine ? m_machine->displayName() : QString(), title());
    if (!m_hint.isEmpty())
        message += QStringLiteral(". ") + m_hint;
    return TaskOutcome::failure(message);
}

TaskOutcome ScriptStep::failureFrom(const ExecResult &result) const
{
    const QString where = m_machine ? m_machine->displayName() : QString();
    QString message = Tr::tr("%1: %2 failed (%3)").arg(where, title(), result.summary());
    const QString details = lastLines(result.standardError.isEmpty() ? result.standardOutput
                                                                     : result.standardError, 3);
    if (!details.isEmpty())
        message += QStringLiteral(": ") + details;
    if (!m_hint.isEmpty())
        message += QStringLiteral(". ") + m_hint;
    const bool transient = !result.finished() || result.exitCode == kTryLaterExitCode;
    return TaskOutcome::failure(message, transient);
}

} // namespace SparkDeck
