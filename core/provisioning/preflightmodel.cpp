#include "preflightmodel.h"

namespace SparkDeck {

PreflightModel::PreflightModel(QObject *parent) : QAbstractTableModel(parent) {}

void PreflightModel::setFindings(const QList<PreflightFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int PreflightModel::errorCount() const
{
    return countFindings(m_findings, PreflightFinding::Status::Error);
}

int PreflightModel::warningCount() const
{
    return countFindings(m_findings, PreflightFinding::Status::Warning);
}

int PreflightModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int PreflightModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PreflightModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PreflightFinding &finding = m_findings.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostColumn:
            return finding.host;
        case CheckColumn:
            return finding.check;
        case StatusColumn:
            switch (finding.status) {
            case PreflightFinding::Status::Ok:
                return tr("ok");
            case PreflightFinding::Status::Warning:
                return tr("warning");
            case PreflightFinding::Status::Error:
                return tr("error");
            }
            break;
        case DetailColumn:
            return finding.detail;
        case FixColumn:
            return finding.fix;
        }
        break;
    case Qt::ToolTipRole:
        return finding.fix.isEmpty() ? finding.detail : finding.detail + QLatin1Char('\n') + finding.fix;
    case StatusRole:
        return int(finding.status);
    }
    return {};
}

QVariant PreflightModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case HostColumn:
        return tr("Host");
    case CheckColumn:
        return tr("Check");
    case StatusColumn:
        return tr("Status");
    case DetailColumn:
        return tr("Detail");
    case FixColumn:
        return tr("Fix");
    }
    return {};
}

} // namespace SparkDeck
