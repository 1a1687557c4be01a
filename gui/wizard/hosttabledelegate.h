#pragma once

#include <QStyledItemDelegate>

namespace SparkDeck {

/// Draws HostListModel's rows for people: defaults (the SSH user and port a host inherits) in
/// the placeholder colour, problems in red with a warning icon, and an icon for each check
/// state. Editors: a port field that takes 1-65535 or nothing ("the default").
class HostTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HostTableDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace SparkDeck
