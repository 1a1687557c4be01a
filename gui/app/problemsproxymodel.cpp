#include "problemsproxymodel.h"

#include "spec/diagnosticsmodel.h"

#include <QApplication>
#include <QStyle>

namespace SparkDeck {

ProblemsProxyModel::ProblemsProxyModel(QObject *parent)
    : QIdentityProxyModel(parent)
    , m_errorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical))
    , m_warningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{}

void ProblemsProxyModel::setSourceModel(QAbstractItemModel *sourceModel)
{
    m_diagnostics = qobject_cast<DiagnosticsModel *>(sourceModel);
    QIdentityProxyModel::setSourceModel(sourceModel);
}

QVariant ProblemsProxyModel::data(const QModelIndex &index, int role) const
{
    if (m_diagnostics && index.isValid() && index.row() < m_diagnostics->diagnostics().size()) {
        const Diagnostic &diagnostic = m_diagnostics->diagnostics().at(index.row());
        if (role == Qt::DecorationRole && index.column() == DiagnosticsModel::SeverityColumn)
            return diagnostic.severity == Severity::Error ? m_errorIcon : m_warningIcon;
        if (role == Qt::DisplayRole && index.column() == DiagnosticsModel::LocationColumn
            && !diagnostic.location.isKnown()) {
            return tr("file");
        }
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace SparkDeck
