#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

namespace SparkDeck {

/// How a task ended. A transient failure (connection reset, dpkg lock held) may succeed when
/// tried again; the message says what failed, where, and what to do.
struct TaskOutcome
{
    enum class Kind { Succeeded, Failed, Cancelled };

    Kind kind = Kind::Succeeded;
    QString message;
    bool transient = false;
    /// Parts that failed while the whole went on (a worker host of many): the work is only
    /// partly done. A group gathers its children's.
    QStringList partialFailures;
    /// Things that work, but not as well as they could (a worker with no NFS client reaches
    /// the shared folder through libnfs only). A group gathers its children's.
    QStringList warnings;

    static TaskOutcome success(const QString &message = QString()) { return {Kind::Succeeded, message, false, {}, {}}; }
    static TaskOutcome failure(const QString &message, bool transient = false)
    {
        return {Kind::Failed, message, transient, {}, {}};
    }
    static TaskOutcome cancelled() { return {Kind::Cancelled, QString(), false, {}, {}}; }

    bool succeeded() const { return kind == Kind::Succeeded; }
    bool failed() const { return kind == Kind::Failed; }
    bool wasCancelled() const { return kind == Kind::Cancelled; }
};

/// One unit of asynchronous work in the provisioning task graph (ARCHITECTURE.md, rule 5),
/// after the ideas of Qt Creator's Tasking: start() begins it, cancel() asks it to stop, and it
/// emits finished() exactly once. A task never blocks the thread it lives on.
///
/// Subclasses implement run() and, when stopping takes more than finishing at once,
/// handleCancel(); both end by calling finish(). Cancel must take effect within a second.
class Task : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Finished };

    explicit Task(const QString &title, QObject *parent = nullptr);

    QString title() const { return m_title; }
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    /// Valid once finished.
    const TaskOutcome &outcome() const { return m_outcome; }

    /// Starts an idle task; does nothing otherwise.
    void start();
    /// Asks a running task to stop; an idle one finishes as cancelled without starting.
    void cancel();

Q_SIGNALS:
    void started();
    /// A line of what the task does or what its remote command printed (secrets redacted).
    void outputLine(const QString &line);
    void finished(const SparkDeck::TaskOutcome &outcome);
    /// Emitted right after finished(), for the group that runs this task: so that everyone
    /// watching finished() sees a step end before its group starts the next one.
    void finishedForGroup();

protected:
    virtual void run() = 0;
    virtual void handleCancel();
    /// Ends the task; only the first call counts, so a late callback after cancel is harmless.
    void finish(const TaskOutcome &outcome);

private:
    QString m_title;
    State m_state = State::Idle;
    TaskOutcome m_outcome;
};

} // namespace SparkDeck
