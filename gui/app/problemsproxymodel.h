#pragma once

#include <QIcon>
#include <QIdentityProxyModel>

namespace SparkDeck {

class DiagnosticsModel;

/// Dresses a DiagnosticsModel for the problems pane: an error or warning icon from the style
/// in the severity column, and "whole file" where a problem has no line. Adds nothing else;
/// LineRole and ColumnRole pass through for jumping to the place.
class ProblemsProxyModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit ProblemsProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    DiagnosticsModel *m_diagnostics = nullptr;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace SparkDeck
