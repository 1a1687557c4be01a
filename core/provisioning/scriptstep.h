#pragma once

#include "provisioning/machine.h"
#include "provisioning/step.h"

#include <QPointer>

#include <functional>

namespace SparkDeck {

/// A step whose check and apply are shell scripts (built with ShellCommand) run on one
/// machine. The check script exits 0 when the world already holds and 1 when it does not;
/// any other exit, or a lost connection, is a failure of the check.
///
/// Failures name the machine and the step and end with the command's last lines of error
/// output and the step's hint of what to do. A lost connection, a timeout or the exit code 75
/// (EX_TEMPFAIL, which our scripts use for "try later", e.g. the dpkg lock is held) are
/// transient and retried; anything else is permanent.
class ScriptStep : public Step
{
    Q_OBJECT
public:
    static constexpr int kTryLaterExitCode = 75;

    /// Builds the request when the phase starts: for content known only once the run is under
    /// way (the cluster secret read from the master, a checksum computed earlier).
    using RequestProvider = std::function<CommandRequest()>;

    ScriptStep(const QString &title, Machine *machine, const CommandRequest &check,
               const CommandRequest &apply, QObject *parent = nullptr);
    ScriptStep(const QString &title, Machine *machine, RequestProvider check, RequestProvider apply,
               QObject *parent = nullptr);

    /// Said after the error output when the step fails: what the user can do about it.
    void setFailureHint(const QString &hint) { m_hint = hint; }
    Machine *machine() const { return m_machine; }

protected:
    void check() override;
    void apply() override;
    void abort() override;
    TaskOutcome notTakenEffect() const override;

private:
    void startJob(const CommandRequest &request, std::function<void(const ExecResult &)> then);
    TaskOutcome failureFrom(const ExecResult &result) const;

    QPointer<Machine> m_machine;
    RequestProvider m_check;
    RequestProvider m_apply;
    QString m_hint;
    QPointer<MachineJob> m_job;
};

} // namespace SparkDeck
