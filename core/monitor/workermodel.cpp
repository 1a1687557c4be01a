#include "workermodel.h"

#include <QLocale>
#include <QSet>
#include <QUrl>

namespace SparkDeck {

namespace {

int rank(WorkerState state)
{
    switch (state) {
    case WorkerState::Alive:
        return 3;
    case WorkerState::Decommissioned:
        return 2;
    case WorkerState::Dead:
        return 1;
    case WorkerState::Unknown:
        break;
    }
    return 0;
}

int webUiPortOf(const WorkerStatus &worker)
{
    return QUrl(worker.webUiAddress).port(0);
}

QString memoryText(int mebibytes)
{
    if (mebibytes >= 1024)
        return QLocale().toString(mebibytes / 1024.0, 'f', mebibytes % 1024 == 0 ? 0 : 1)
               + QStringLiteral(" GiB");
    return QStringLiteral("%1 MiB").arg(mebibytes);
}

} // namespace

WorkerModel::WorkerModel(QObject *parent) : QAbstractTableModel(parent) {}

void WorkerModel::setPlaces(const QList<WorkerPlace> &places)
{
    m_places = places;
    recompute();
}

void WorkerModel::setWorkerCount(int count)
{
    m_count = qMax(0, count);
    m_previous = m_count;
    m_inTransition = false;
    recompute();
}

void WorkerModel::beginTransition(int target, Transition transition)
{
    m_previous = m_count;
    m_count = qMax(0, target);
    m_transition = transition;
    m_inTransition = true;
    recompute();
}

void WorkerModel::endTransition(int count)
{
    m_inTransition = false;
    m_count = qMax(0, count);
    recompute();
}

void WorkerModel::setStatus(const MasterStatus &status)
{
    m_status = status;
    m_hasStatus = true;
    recompute();
}

void WorkerModel::clearStatus()
{
    m_status = MasterStatus();
    m_hasStatus = false;
    recompute();
}

const WorkerStatus *WorkerModel::workerAt(const WorkerPlace &place) const
{
    const WorkerStatus *best = nullptr;
    for (const WorkerStatus &worker : m_status.workers) {
        const QString host = worker.host.isEmpty() ? QUrl(worker.webUiAddress).host() : worker.host;
        if (host != place.address)
            continue;
        const int port = webUiPortOf(worker);
        if (port != 0 && place.webUiPort != 0 && port != place.webUiPort)
            continue;
        // The master keeps old entries (DEAD, DECOMMISSIONED) of a place beside the new one:
        // the running one wins, else the newest listed.
        if (!best || rank(worker.state) >= rank(best->state))
            best = &worker;
    }
    return best;
}

const WorkerStatus *WorkerModel::aliveWorkerOutside(const QSet<QString> &shownIds) const
{
    for (const WorkerStatus &worker : m_status.workers) {
        if (worker.state == WorkerState::Alive && !shownIds.contains(worker.id))
            return &worker;
    }
    return nullptr;
}

void WorkerModel::recompute()
{
    QList<Row> rows;
    QSet<QString> addresses;
    for (const WorkerPlace &place : std::as_const(m_places))
        addresses.insert(place.address);
    // Several workers on one computer (provider local): their web UI ports tell them apart.
    const bool sharedAddress = addresses.size() < m_places.size();
    QSet<QString> placedIds;
    const int shown = qMin(int(m_places.size()), qMax(m_count, m_previous));
    for (int i = 0; i < shown; ++i) {
        const WorkerPlace &place = m_places.at(i);
        Row row;
        row.name = tr("Worker %1").arg(i + 1);
        row.host = sharedAddress ? QStringLiteral("%1:%2").arg(place.address).arg(place.webUiPort)
                                 : place.address;
        const WorkerStatus *worker = !m_hasStatus      ? nullptr
                                     : place.isAnywhere() ? aliveWorkerOutside(placedIds)
                                                          : workerAt(place);
        if (worker) {
            row.worker = *worker;
            row.listed = true;
            placedIds.insert(worker->id);
        }
        if (place.isAnywhere())
            row.host = worker ? worker->host : QString();
        const bool alive = worker && worker->state == WorkerState::Alive;
        const bool leaving = i >= m_count;
        const bool joining = m_inTransition && i >= m_previous && i < m_count;
        if (leaving) {
            const bool graceful = m_transition == Transition::Scale;
            if (m_inTransition && (alive || !m_hasStatus))
                row.state = graceful ? TileState::Decommissioning : TileState::Stopping;
            else if (alive)
                row.state = TileState::Alive; // it did not stop: the operation says why
            else if (worker && worker->state == WorkerState::Decommissioned)
                row.state = TileState::Decommissioned;
            else
                row.state = TileState::Stopped;
        } else if (joining && !alive) {
            row.state = TileState::Starting;
        } else if (!m_hasStatus) {
            row.state = TileState::Unknown;
        } else if (!worker) {
            row.state = TileState::Missing;
        } else {
            switch (worker->state) {
            case WorkerState::Alive:
                row.state = TileState::Alive;
                break;
            case WorkerState::Decommissioned:
                row.state = TileState::Decommissioned;
                break;
            case WorkerState::Dead:
                row.state = TileState::Dead;
                break;
            case WorkerState::Unknown:
                row.state = TileState::Unknown;
                break;
            }
        }
        rows << row;
    }
    // Running workers the cluster does not place (started by hand, or beyond the places).
    for (const WorkerStatus &worker : std::as_const(m_status.workers)) {
        if (worker.state != WorkerState::Alive || placedIds.contains(worker.id))
            continue;
        int place = -1;
        for (int i = shown; i < m_places.size() && place < 0; ++i)
            place = workerAt(m_places.at(i)) == &worker ? i : -1;
        Row row;
        row.name = place >= 0 ? tr("Worker %1").arg(place + 1) : tr("Other worker");
        row.host = worker.host;
        row.worker = worker;
        row.listed = true;
        row.managed = place >= 0;
        row.state = TileState::Alive;
        rows << row;
    }

    const int oldCount = int(m_rows.size());
    const int newCount = int(rows.size());
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_rows = rows;
        endInsertRows();
    } else if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_rows = rows;
        endRemoveRows();
    } else {
        m_rows = rows;
    }
    if (newCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(newCount - 1, ColumnCount - 1));
}

WorkerModel::TileState WorkerModel::tileState(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : TileState::Unknown;
}

int WorkerModel::count(TileState state) const
{
    int n = 0;
    for (const Row &row : m_rows)
        n += row.state == state ? 1 : 0;
    return n;
}

QString WorkerModel::stateText(TileState state)
{
    switch (state) {
    case TileState::Unknown:
        return tr("No news");
    case TileState::Alive:
        return QStringLiteral("ALIVE"); // Spark's own word, as its UI shows it
    case TileState::Starting:
        return tr("Starting…");
    case TileState::Decommissioning:
        return tr("Decommissioning…");
    case TileState::Stopping:
        return tr("Stopping…");
    case TileState::Decommissioned:
        return QStringLiteral("DECOMMISSIONED");
    case TileState::Dead:
        return QStringLiteral("DEAD");
    case TileState::Stopped:
        return tr("Stopped");
    case TileState::Missing:
        return tr("Not running");
    }
    return {};
}

int WorkerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case HostColumn:
            return row.host;
        case StateColumn:
            return stateText(row.state);
        case CoresColumn:
            if (!row.listed)
                return QString();
            return tr("%1 of %n core(s) used", nullptr, row.worker.cores).arg(row.worker.coresUsed);
        case MemoryColumn:
            if (!row.listed)
                return QString();
            return tr("%1 of %2 used").arg(memoryText(row.worker.memoryUsedMiB),
                                           memoryText(row.worker.memoryMiB));
        }
        break;
    case Qt::ToolTipRole:
        if (!row.managed)
            return tr("The master lists this worker, but the cluster file does not place it.");
        if (row.listed)
            return tr("%1 (%2)").arg(row.worker.id, row.worker.webUiAddress);
        break;
    case TileStateRole:
        return int(row.state);
    case WorkerIdRole:
        return row.worker.id;
    case CoresRole:
        return row.worker.cores;
    case CoresUsedRole:
        return row.worker.coresUsed;
    case MemoryMiBRole:
        return row.worker.memoryMiB;
    case MemoryUsedMiBRole:
        return row.worker.memoryUsedMiB;
    case WebUiAddressRole:
        return row.worker.webUiAddress;
    case ManagedRole:
        return row.managed;
    }
    return {};
}

QVariant WorkerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Worker");
    case HostColumn:
        return tr("Host");
    case StateColumn:
        return tr("State");
    case CoresColumn:
        return tr("Cores");
    case MemoryColumn:
        return tr("Memory");
    }
    return {};
}

} // namespace SparkDeck
