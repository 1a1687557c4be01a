#include "applicationmodel.h"

namespace SparkDeck {

namespace {

QString durationText(qint64 milliseconds)
{
    const qint64 seconds = qMax<qint64>(0, milliseconds / 1000);
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

ApplicationModel::ApplicationModel(QObject *parent) : QAbstractTableModel(parent) {}

void ApplicationModel::setApplications(const QList<ApplicationStatus> &applications)
{
    const int oldCount = int(m_applications.size());
    const int newCount = int(applications.size());
    if (newCount > oldCount) {
        beginInsertRows({}, oldCount, newCount - 1);
        m_applications = applications;
        endInsertRows();
    } else if (newCount < oldCount) {
        beginRemoveRows({}, newCount, oldCount - 1);
        m_applications = applications;
        endRemoveRows();
    } else {
        m_applications = applications;
    }
    if (newCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(newCount - 1, ColumnCount - 1));
}

int ApplicationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_applications.size());
}

int ApplicationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApplicationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApplicationStatus &app = m_applications.at(index.row());
    if (role == ApplicationIdRole)
        return app.id;
    if (role == Qt::TextAlignmentRole && (index.column() == CoresColumn || index.column() == MemoryColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return app.id;
    case NameColumn:
        return app.name;
    case UserColumn:
        return app.user;
    case CoresColumn:
        return app.cores;
    case MemoryColumn:
        return QStringLiteral("%1 MiB").arg(app.memoryPerExecutorMiB);
    case StateColumn:
        return app.state;
    case DurationColumn:
        return durationText(app.durationMs);
    }
    return {};
}

QVariant ApplicationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Application");
    case NameColumn:
        return tr("Name");
    case UserColumn:
        return tr("User");
    case CoresColumn:
        return tr("Cores");
    case MemoryColumn:
        return tr("Memory per executor");
    case StateColumn:
        return tr("State");
    case DurationColumn:
        return tr("Running for");
    }
    return {};
}

} // namespace SparkDeck
