#pragma once

#include "provisioning/preflightfinding.h"

#include <QAbstractTableModel>

namespace SparkDeck {

/// The preflight findings as a table (host, check, status, detail, fix) for views: the desktop
/// app shows it before `up`, sorted or filtered by a proxy, colored by a delegate that reads
/// StatusRole. The model itself holds no color: core has no GUI types.
class PreflightModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { HostColumn, CheckColumn, StatusColumn, DetailColumn, FixColumn, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1 }; ///< int(PreflightFinding::Status)

    explicit PreflightModel(QObject *parent = nullptr);

    void setFindings(const QList<PreflightFinding> &findings);
    const QList<PreflightFinding> &findings() const { return m_findings; }
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<PreflightFinding> m_findings;
};

} // namespace SparkDeck
