#include "hostprogressmodel.h"

#include "provisioning/operationrunner.h"
#include "provisioning/standalonerecipe.h"
#include "provisioning/taskgroup.h"

namespace SparkDeck {

namespace {

void collectLeaves(Task *task, QList<Task *> &leaves)
{
    if (auto *group = qobject_cast<TaskGroup *>(task)) {
        for (Task *child : group->tasks())
            collectLeaves(child, leaves);
        return;
    }
    leaves << task;
}

} // namespace

HostProgressModel::HostProgressModel(QObject *parent) : QAbstractTableModel(parent) {}

HostProgressModel::~HostProgressModel() = default;

void HostProgressModel::setRunner(OperationRunner *runner)
{
    if (m_runner)
        m_runner->disconnect(this);
    beginResetModel();
    m_runner = runner;
    m_rows.clear();
    m_applied = 0;
    m_verified = 0;
    m_running = false;
    if (runner && runner->graph()) {
        QList<Task *> leaves;
        collectLeaves(runner->graph(), leaves);
        for (Task *leaf : std::as_const(leaves)) {
            const int row = ensureRow(StandaloneRecipe::hostOf(leaf));
            ++m_rows[row].planned;
        }
        m_running = runner->isRunning();
    }
    endResetModel();
    if (!runner)
        return;
    connect(runner, &OperationRunner::stepStarted, this, &HostProgressModel::handleStepStarted);
    connect(runner, &OperationRunner::stepFinished, this, &HostProgressModel::handleStepFinished);
    connect(runner, &OperationRunner::outputLine, this, &HostProgressModel::handleOutputLine);
    connect(runner, &OperationRunner::finished, this, &HostProgressModel::handleFinished);
    connect(runner, &QObject::destroyed, this, [this] { m_running = false; });
}

OperationRunner *HostProgressModel::runner() const
{
    return m_runner;
}

int HostProgressModel::ensureRow(const QString &host)
{
    const int existing = rowOfHost(host);
    if (existing >= 0)
        return existing;
    HostRow row;
    row.host = host;
    m_rows << row;
    return int(m_rows.size()) - 1;
}

void HostProgressModel::handleStepStarted(const QString &host, const QString &step)
{
    m_running = true;
    int row = rowOfHost(host);
    if (row < 0) { // a step the graph did not show at the start (should not happen): add it
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        row = ensureRow(host);
        ++m_rows[row].planned;
        endInsertRows();
    }
    HostRow &entry = m_rows[row];
    ++entry.running;
    entry.step = step;
    if (entry.state == HostState::Waiting)
        entry.state = HostState::Running;
    rowChanged(row);
    appendLog(row, QStringLiteral("▶ %1").arg(step));
}

void HostProgressModel::handleStepFinished(const QString &host, const QString &step,
                                           const TaskOutcome &outcome, bool alreadyDone)
{
    const int row = rowOfHost(host);
    if (row < 0)
        return;
    HostRow &entry = m_rows[row];
    const bool wasStarted = entry.running > 0 && entry.step == step;
    entry.running = qMax(0, entry.running - 1);
    entry.ended = qMin(entry.planned, entry.ended + 1);
    QString line;
    switch (outcome.kind) {
    case TaskOutcome::Kind::Succeeded:
        ++(alreadyDone ? m_verified : m_applied);
        line = QStringLiteral("✓ %1: %2").arg(step, !outcome.message.isEmpty() ? outcome.message
                                                    : alreadyDone ? tr("already done")
                                                                  : tr("done"));
        if (entry.state != HostState::Failed && entry.ended == entry.planned)
            entry.state = HostState::Done;
        break;
    case TaskOutcome::Kind::Failed:
        line = QStringLiteral("✗ %1: %2").arg(step, outcome.message);
        entry.state = HostState::Failed;
        entry.step = step;
        if (entry.message.isEmpty())
            entry.message = outcome.message;
        break;
    case TaskOutcome::Kind::Cancelled:
        // Steps that never started end as cancelled when the run stops: only the running
        // one is worth a line.
        if (wasStarted)
            line = QStringLiteral("■ %1: %2").arg(step, tr("cancelled"));
        break;
    }
    rowChanged(row);
    if (!line.isEmpty())
        appendLog(row, line);
}

void HostProgressModel::handleOutputLine(const QString &host, const QString &line)
{
    const int row = rowOfHost(host);
    if (row >= 0)
        appendLog(row, QStringLiteral("  ") + line);
}

void HostProgressModel::handleFinished(const TaskOutcome &outcome)
{
    m_running = false;
    for (int row = 0; row < m_rows.size(); ++row) {
        HostRow &entry = m_rows[row];
        entry.running = 0;
        if (entry.state == HostState::Failed || entry.state == HostState::Done)
            continue;
        if (entry.ended >= entry.planned && entry.planned > 0 && outcome.succeeded()) {
            entry.state = HostState::Done;
            continue;
        }
        if (outcome.wasCancelled())
            entry.state = HostState::Cancelled;
        else if (entry.state == HostState::Waiting)
            entry.state = HostState::NotStarted;
        else
            entry.state = outcome.succeeded() ? HostState::Done : HostState::Cancelled;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void HostProgressModel::appendLog(int row, const QString &line)
{
    QStringList &log = m_rows[row].log;
    log << line;
    if (log.size() > kMaxLogLines)
        log.remove(0, log.size() - kMaxLogLines);
    Q_EMIT logLineAdded(row, line);
}

void HostProgressModel::rowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString HostProgressModel::host(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).host : QString();
}

int HostProgressModel::rowOfHost(const QString &host) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).host == host)
            return row;
    }
    return -1;
}

HostProgressModel::HostState HostProgressModel::hostState(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : HostState::Waiting;
}

QString HostProgressModel::currentStep(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).step : QString();
}

QString HostProgressModel::message(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).message : QString();
}

QStringList HostProgressModel::log(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).log : QStringList();
}

int HostProgressModel::hostCount(HostState state) const
{
    int count = 0;
    for (const HostRow &row : m_rows)
        count += row.state == state ? 1 : 0;
    return count;
}

QString HostProgressModel::stateName(HostState state)
{
    switch (state) {
    case HostState::Waiting:
        return tr("Waiting");
    case HostState::Running:
        return tr("Working");
    case HostState::Done:
        return tr("Done");
    case HostState::Failed:
        return tr("Failed");
    case HostState::Cancelled:
        return tr("Cancelled");
    case HostState::NotStarted:
        return tr("Not started");
    }
    return {};
}

int HostProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HostProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HostRow &row = m_rows.at(index.row());
    const int percent = row.planned > 0 ? row.ended * 100 / row.planned : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return row.host;
        case StateColumn:
            return stateName(row.state);
        case StepColumn:
            if (row.state == HostState::Done)
                return tr("All %n step(s) done", nullptr, row.planned);
            if (row.state == HostState::Failed && !row.message.isEmpty())
                return tr("%1: %2").arg(row.step, row.message);
            return row.step;
        case ProgressColumn:
            return tr("%1 of %2").arg(row.ended).arg(row.planned);
        }
        break;
    case Qt::ToolTipRole:
        if (!row.message.isEmpty())
            return row.message;
        if (index.column() == StepColumn)
            return row.step;
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == ProgressColumn)
            return tr("%1 of %2 steps ended").arg(row.ended).arg(row.planned);
        break;
    case HostStateRole:
        return int(row.state);
    case ProgressRole:
        return percent;
    case StepsEndedRole:
        return row.ended;
    case StepsPlannedRole:
        return row.planned;
    case MessageRole:
        return row.message;
    }
    return {};
}

QVariant HostProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case StepColumn:
        return tr("Step");
    case ProgressColumn:
        return tr("Progress");
    }
    return {};
}

} // namespace SparkDeck
