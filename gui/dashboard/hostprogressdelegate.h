#pragma once

#include <QStyledItemDelegate>

namespace SparkDeck {

/// Draws a HostProgressModel row for people: the progress column as a bar ("3 of 9"), the
/// state column with a colored mark (working, done, failed, cancelled) so a failed host is
/// seen at a glance; the rest as text.
class HostProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace SparkDeck
