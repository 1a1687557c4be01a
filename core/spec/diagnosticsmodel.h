#pragma once

#include "spec/diagnostic.h"

#include <QAbstractTableModel>

namespace SparkDeck {

/// The problems of one cluster file as a table (location, severity, message) for views:
/// the desktop app's problems pane lists them and jumps to the line on activation.
class DiagnosticsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LocationColumn, SeverityColumn, MessageColumn, ColumnCount };
    enum Role { LineRole = Qt::UserRole + 1, ColumnRole };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    void setDiagnostics(const QList<Diagnostic> &diagnostics);
    const QList<Diagnostic> &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Diagnostic> m_diagnostics;
};

} // namespace SparkDeck
