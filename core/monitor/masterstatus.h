#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace SparkDeck {

enum class WorkerState { Alive, Dead, Decommissioned, Unknown };
QString toString(WorkerState state);

/// One worker as the master lists it in /json/ (memory in MiB, times in epoch ms).
struct WorkerStatus
{
    QString id;
    QString host;
    int port = 0;
    QString webUiAddress;
    int cores = 0;
    int coresUsed = 0;
    int memoryMiB = 0;
    int memoryUsedMiB = 0;
    WorkerState state = WorkerState::Unknown;
    qint64 lastHeartbeatMs = 0;
};

struct ApplicationStatus
{
    QString id;
    QString name;
    QString user;
    int cores = 0;
    int memoryPerExecutorMiB = 0;
    QString state;
    qint64 startTimeMs = 0;
    qint64 durationMs = 0;
};

/// The standalone master's view of the cluster: the body of GET http://master:8080/json/
/// (Spark's JsonProtocol.writeMasterState). Reads what Spark 3.x and 4.x write and ignores
/// fields it does not know, so a newer Spark does not break the dashboard.
struct MasterStatus
{
    QString url;    ///< spark://host:7077
    QString status; ///< ALIVE, STANDBY, RECOVERING, ...
    int aliveWorkers = 0;
    int cores = 0;
    int coresUsed = 0;
    int memoryMiB = 0;
    int memoryUsedMiB = 0;
    QList<WorkerStatus> workers;
    QList<ApplicationStatus> activeApplications;
    int completedApplications = 0;

    static Result<MasterStatus> fromJson(const QByteArray &json);

    /// Workers in `state` (the master keeps DEAD ones listed for a while).
    QList<WorkerStatus> workersIn(WorkerState state) const;
};

} // namespace SparkDeck
