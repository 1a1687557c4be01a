#include "clusterstatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ClusterStateFile)
};
} // namespace

ClusterStateFile::ClusterStateFile(const QString &stateDirectory)
    : m_path(QDir(stateDirectory).filePath(QStringLiteral("state.json")))
{}

int ClusterStateFile::workerCount(int fallback) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return fallback;
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    return state.value(QLatin1String("workers")).toInt(fallback);
}

Status ClusterStateFile::setWorkerCount(int count)
{
    QDir().mkpath(QFileInfo(m_path).path());
    QSaveFile file(m_path);
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("workers"), count}}).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error{Tr::tr("Cannot write %1: %2").arg(m_path, file.errorString())};
    return success();
}

Status ClusterStateFile::remove()
{
    if (QFile::exists(m_path) && !QFile::remove(m_path))
        return Error{Tr::tr("Cannot remove %1").arg(m_path)};
    return success();
}

QString ClusterStateFile::defaultDirectory(const QString &clusterName)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return base + QStringLiteral("/SparkDeck/clusters/") + clusterName;
}

} // namespace SparkDeck
