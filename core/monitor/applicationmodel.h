#pragma once

#include "monitor/masterstatus.h"

#include <QAbstractTableModel>

namespace SparkDeck {

/// The applications the master runs now (id, name, user, cores, memory per executor, state,
/// running time), from its status, for the dashboard's table. Keeps rows in the master's order
/// and updates them in place, so a view's selection survives a refresh.
class ApplicationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NameColumn,
        UserColumn,
        CoresColumn,
        MemoryColumn,
        StateColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role { ApplicationIdRole = Qt::UserRole + 1 };

    explicit ApplicationModel(QObject *parent = nullptr);

    void setApplications(const QList<ApplicationStatus> &applications);
    const QList<ApplicationStatus> &applications() const { return m_applications; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ApplicationStatus> m_applications;
};

} // namespace SparkDeck
