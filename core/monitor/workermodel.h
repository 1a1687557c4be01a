#pragma once

#include "monitor/masterstatus.h"

#include <QAbstractTableModel>
#include <QSet>

namespace SparkDeck {

/// Where a worker of the cluster runs: the machine's private address and the worker's web UI
/// port (which tells apart several workers on one computer). An empty address is a place the
/// cluster does not choose (a Docker swarm replica): it shows any running worker not shown yet.
struct WorkerPlace
{
    QString address;
    int webUiPort = 0;

    bool isAnywhere() const { return address.isEmpty(); }
};

/// The cluster's workers as the dashboard shows them, one row per worker the cluster should
/// have (in placement order), merged with what the master reports: state, cores, memory. While
/// an operation changes the count, joining rows say "starting" until the master lists them
/// ALIVE, and leaving rows "decommissioning" (scale) or "stopping" (down) until it no longer
/// does; leaving rows stay, as DECOMMISSIONED or stopped, until the next operation. Workers
/// the master lists ALIVE but the cluster file does not place come last.
///
/// Rules: fed by setStatus() (a MasterStatus) and the operations' counts; holds no color or
/// icon (core has no GUI types): views read TileStateRole.
class WorkerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, HostColumn, StateColumn, CoresColumn, MemoryColumn, ColumnCount };
    enum Role {
        TileStateRole = Qt::UserRole + 1, ///< int(TileState)
        WorkerIdRole,                     ///< the master's id for the worker; empty if none
        CoresRole,
        CoresUsedRole,
        MemoryMiBRole,
        MemoryUsedMiBRole,
        WebUiAddressRole,
        ManagedRole,                      ///< false for workers the cluster file does not place
    };
    enum class TileState {
        Unknown,         ///< no news from the master
        Alive,
        Starting,        ///< joining: not yet ALIVE
        Decommissioning, ///< leaving gracefully: still ALIVE
        Stopping,        ///< leaving (tear down): still ALIVE
        Decommissioned,
        Dead,
        Stopped,         ///< left as asked: no longer running
        Missing,         ///< should run, but the master does not list it
    };
    Q_ENUM(TileState)
    enum class Transition { Scale, Up, Down };

    explicit WorkerModel(QObject *parent = nullptr);

    /// Every place a worker can go, in placement order (ClusterMachines::slots()).
    void setPlaces(const QList<WorkerPlace> &places);
    int placeCount() const { return int(m_places.size()); }
    /// The workers the cluster has now, with no operation under way.
    void setWorkerCount(int count);
    int workerCount() const { return m_count; }

    /// An operation begins that takes the cluster to `target` workers.
    void beginTransition(int target, Transition transition);
    /// It ended; the cluster now has `count` workers (the old count when it failed).
    void endTransition(int count);
    bool isInTransition() const { return m_inTransition; }

    void setStatus(const MasterStatus &status);
    /// The master cannot be reached: what it said last no longer holds.
    void clearStatus();
    bool hasStatus() const { return m_hasStatus; }

    TileState tileState(int row) const;
    /// Rows in `state`.
    int count(TileState state) const;
    static QString stateText(TileState state);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString name;
        QString host;
        TileState state = TileState::Unknown;
        WorkerStatus worker;
        bool listed = false;
        bool managed = true;
    };

    void recompute();
    const WorkerStatus *workerAt(const WorkerPlace &place) const;
    const WorkerStatus *aliveWorkerOutside(const QSet<QString> &shownIds) const;

    QList<WorkerPlace> m_places;
    MasterStatus m_status;
    bool m_hasStatus = false;
    int m_count = 0;
    int m_previous = 0; ///< the count before the last operation: rows beyond m_count are leaving
    bool m_inTransition = false;
    Transition m_transition = Transition::Scale;
    QList<Row> m_rows;
};

} // namespace SparkDeck
