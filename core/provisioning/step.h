#pragma once

#include "provisioning/task.h"

#include <QTimer>

namespace SparkDeck {

/// An idempotent provisioning step: check() asks whether the world already holds (Java is
/// installed, the file has this content, the master is ALIVE); only when it does not,
/// apply() makes it so. A second `up` on a healthy cluster therefore only checks.
///
/// A transient failure of apply() (connection reset, dpkg lock held) is retried with
/// exponential backoff; a permanent one ends the step. Cancel stops the running phase at once
/// through abort() and ends the step as cancelled.
class Step : public Task
{
    Q_OBJECT
public:
    struct RetryPolicy
    {
        int attempts = 4;          ///< tries in all, the first included
        int firstDelayMs = 1000;   ///< wait before the second try; doubles for each next one
    };

    explicit Step(const QString &title, QObject *parent = nullptr);

    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }
    /// Runs check() again after a successful apply(): for actions whose own success says
    /// little (Spark's daemon script reports "starting" even when the daemon dies at once).
    void setVerifyAfterApply(bool verify) { m_verifyAfterApply = verify; }
    /// True when check() found the world already as wanted, so apply() did not run.
    bool wasAlreadyDone() const { return m_alreadyDone; }
    int attempts() const { return m_attempts; }

protected:
    /// Ends by calling checkFinished() or, when it cannot tell, checkFailed().
    virtual void check() = 0;
    /// Ends by calling applyFinished().
    virtual void apply() = 0;
    /// Stops a running check() or apply() now; no callback of theirs may follow.
    virtual void abort() {}

    /// The failure when the check after apply() says the work did not take effect.
    virtual TaskOutcome notTakenEffect() const;

    void checkFinished(bool holds);
    void checkFailed(const TaskOutcome &outcome);
    void applyFinished(const TaskOutcome &outcome);

private:
    void run() override;
    void handleCancel() override;
    void startApply();

    enum class Phase { Checking, Applying, WaitingToRetry, Verifying, Done };
    Phase m_phase = Phase::Checking;
    RetryPolicy m_retryPolicy;
    QTimer m_retryTimer;
    int m_attempts = 0;
    bool m_alreadyDone = false;
    bool m_verifyAfterApply = false;
};

} // namespace SparkDeck
