#include "diagnosticsmodel.h"

namespace SparkDeck {

DiagnosticsModel::DiagnosticsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiagnosticsModel::setDiagnostics(const QList<Diagnostic> &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Diagnostic &diagnostic = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case LocationColumn:
            return diagnostic.location.isKnown()
                       ? QStringLiteral("%1:%2").arg(diagnostic.location.line).arg(diagnostic.location.column)
                       : QString();
        case SeverityColumn:
            return diagnostic.severity == Severity::Error ? tr("error") : tr("warning");
        case MessageColumn:
            return diagnostic.message;
        }
        break;
    case Qt::ToolTipRole:
        return diagnostic.message;
    case LineRole:
        return diagnostic.location.line;
    case ColumnRole:
        return diagnostic.location.column;
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LocationColumn:
        return tr("Line:Column");
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    }
    return {};
}

} // namespace SparkDeck
