#include "masterstatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::MasterStatus)
};

WorkerState workerStateFrom(const QString &text)
{
    if (text == QLatin1String("ALIVE"))
        return WorkerState::Alive;
    if (text == QLatin1String("DEAD"))
        return WorkerState::Dead;
    if (text == QLatin1String("DECOMMISSIONED"))
        return WorkerState::Decommissioned;
    return WorkerState::Unknown;
}

int toInt(const QJsonValue &value)
{
    return value.toInt(int(value.toDouble()));
}
} // namespace

QString toString(WorkerState state)
{
    switch (state) {
    case WorkerState::Alive:
        return QStringLiteral("ALIVE");
    case WorkerState::Dead:
        return QStringLiteral("DEAD");
    case WorkerState::Decommissioned:
        return QStringLiteral("DECOMMISSIONED");
    case WorkerState::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

Result<MasterStatus> MasterStatus::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{Tr::tr("the master's /json/ answer is not a JSON object (%1); is this a "
                            "Spark standalone master?").arg(error.errorString())};
    }
    if (!document.isObject())
        return Error{Tr::tr("the master's /json/ answer is not a JSON object; is this a Spark standalone master?")};
    const QJsonObject root = document.object();
    if (!root.contains(QLatin1String("workers")) || !root.contains(QLatin1String("status")))
        return Error{Tr::tr("the master's /json/ answer has no 'workers' or 'status'; is this a "
                            "Spark standalone master?")};
    MasterStatus status;
    status.url = root.value(QLatin1String("url")).toString();
    status.status = root.value(QLatin1String("status")).toString();
    status.aliveWorkers = toInt(root.value(QLatin1String("aliveworkers")));
    status.cores = toInt(root.value(QLatin1String("cores")));
    status.coresUsed = toInt(root.value(QLatin1String("coresused")));
    status.memoryMiB = toInt(root.value(QLatin1String("memory")));
    status.memoryUsedMiB = toInt(root.value(QLatin1String("memoryused")));
    for (const QJsonValue &value : root.value(QLatin1String("workers")).toArray()) {
        const QJsonObject w = value.toObject();
        WorkerStatus worker;
        worker.id = w.value(QLatin1String("id")).toString();
        worker.host = w.value(QLatin1String("host")).toString();
        worker.port = toInt(w.value(QLatin1String("port")));
        worker.webUiAddress = w.value(QLatin1String("webuiaddress")).toString();
        worker.cores = toInt(w.value(QLatin1String("cores")));
        worker.coresUsed = toInt(w.value(QLatin1String("coresused")));
        worker.memoryMiB = toInt(w.value(QLatin1String("memory")));
        worker.memoryUsedMiB = toInt(w.value(QLatin1String("memoryused")));
        worker.state = workerStateFrom(w.value(QLatin1String("state")).toString());
        worker.lastHeartbeatMs = qint64(w.value(QLatin1String("lastheartbeat")).toDouble());
        status.workers << worker;
    }
    for (const QJsonValue &value : root.value(QLatin1String("activeapps")).toArray()) {
        const QJsonObject a = value.toObject();
        ApplicationStatus app;
        app.id = a.value(QLatin1String("id")).toString();
        app.name = a.value(QLatin1String("name")).toString();
        app.user = a.value(QLatin1String("user")).toString();
        app.cores = toInt(a.value(QLatin1String("cores")));
        app.memoryPerExecutorMiB = toInt(a.value(QLatin1String("memoryperexecutor")));
        app.state = a.value(QLatin1String("state")).toString();
        app.startTimeMs = qint64(a.value(QLatin1String("starttime")).toDouble());
        app.durationMs = qint64(a.value(QLatin1String("duration")).toDouble());
        status.activeApplications << app;
    }
    status.completedApplications = int(root.value(QLatin1String("completedapps")).toArray().size());
    return status;
}

QList<WorkerStatus> MasterStatus::workersIn(WorkerState state) const
{
    QList<WorkerStatus> matching;
    for (const WorkerStatus &worker : workers) {
        if (worker.state == state)
            matching << worker;
    }
    return matching;
}

} // namespace SparkDeck
