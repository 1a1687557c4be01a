#pragma once

#include "provisioning/task.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

namespace SparkDeck {

class OperationRunner;

/// One row per host of a running operation (up, scale, down): its state, the step it is on,
/// and how many of its steps have ended, fed by an OperationRunner's signals. Also keeps each
/// host's log (the steps and every output line) for a pane that follows the selected host.
///
/// Rules: the rows are known before the run starts (every step of the runner's graph carries
/// its host), so progress is "steps ended / steps planned" per host. The model holds no color
/// or icon: core has no GUI types; views read HostStateRole and ProgressRole.
class HostProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { HostColumn, StateColumn, StepColumn, ProgressColumn, ColumnCount };
    enum Role {
        HostStateRole = Qt::UserRole + 1, ///< int(HostState)
        ProgressRole,                     ///< 0..100
        StepsEndedRole,
        StepsPlannedRole,
        MessageRole,                      ///< the failure message, if any
    };
    enum class HostState { Waiting, Running, Done, Failed, Cancelled, NotStarted };
    Q_ENUM(HostState)

    /// At most this many log lines are kept per host (the oldest go first).
    static constexpr int kMaxLogLines = 20000;

    explicit HostProgressModel(QObject *parent = nullptr);
    ~HostProgressModel() override;

    /// Follows `runner` from now on (not started yet, or just started): one row per host of its
    /// graph, in the order the steps are planned. nullptr empties the model.
    void setRunner(OperationRunner *runner);
    OperationRunner *runner() const;
    bool isRunning() const { return m_running; }

    QString host(int row) const;
    int rowOfHost(const QString &host) const;
    HostState hostState(int row) const;
    QString currentStep(int row) const;
    QString message(int row) const;
    /// Every line of the host's log so far.
    QStringList log(int row) const;
    /// Hosts whose state is `state`.
    int hostCount(HostState state) const;
    /// Steps that changed something, and steps whose check found the work already done.
    int appliedSteps() const { return m_applied; }
    int verifiedSteps() const { return m_verified; }

    static QString stateName(HostState state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A line was added to the log of the host in `row`.
    void logLineAdded(int row, const QString &line);

private:
    struct HostRow
    {
        QString host;
        HostState state = HostState::Waiting;
        QString step;
        QString message;
        int planned = 0;
        int ended = 0;
        int running = 0;
        QStringList log;
    };

    void handleStepStarted(const QString &host, const QString &step);
    void handleStepFinished(const QString &host, const QString &step, const TaskOutcome &outcome,
                            bool alreadyDone);
    void handleOutputLine(const QString &host, const QString &line);
    void handleFinished(const TaskOutcome &outcome);
    int ensureRow(const QString &host);
    void appendLog(int row, const QString &line);
    void rowChanged(int row);

    QPointer<OperationRunner> m_runner;
    QList<HostRow> m_rows;
    bool m_running = false;
    int m_applied = 0;
    int m_verified = 0;
};

} // namespace SparkDeck
