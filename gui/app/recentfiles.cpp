#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace SparkDeck {

namespace {

const char kSettingsKey[] = "recentFiles";
const char kLastFolderKey[] = "mainWindow/lastFolder";

QString normalized(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
{
    const QStringList stored = QSettings().value(QLatin1String(kSettingsKey)).toStringList();
    for (const QString &path : stored) {
        if (!path.isEmpty() && !m_files.contains(path) && m_files.size() < kMaxCount)
            m_files.append(path);
    }
}

QString RecentFiles::lastFolder()
{
    return QSettings()
        .value(QLatin1String(kLastFolderKey),
               QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .toString();
}

void RecentFiles::rememberFolderOf(const QString &path)
{
    QSettings().setValue(QLatin1String(kLastFolderKey), QFileInfo(path).absolutePath());
}

void RecentFiles::add(const QString &path)
{
    const QString clean = normalized(path);
    m_files.removeAll(clean);
    m_files.prepend(clean);
    while (m_files.size() > kMaxCount)
        m_files.removeLast();
    store();
}

void RecentFiles::remove(const QString &path)
{
    if (m_files.removeAll(normalized(path)) > 0)
        store();
}

void RecentFiles::clear()
{
    if (m_files.isEmpty())
        return;
    m_files.clear();
    store();
}

void RecentFiles::store()
{
    QSettings().setValue(QLatin1String(kSettingsKey), m_files);
    Q_EMIT filesChanged();
}

} // namespace SparkDeck
