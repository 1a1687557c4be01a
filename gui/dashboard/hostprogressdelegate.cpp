#include "hostprogressdelegate.h"

#include "provisioning/hostprogressmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace SparkDeck {

namespace {

QColor stateColor(HostProgressModel::HostState state)
{
    switch (state) {
    case HostProgressModel::HostState::Waiting:
    case HostProgressModel::HostState::NotStarted:
        return QColor(0x9a, 0x9a, 0x9a);
    case HostProgressModel::HostState::Running:
        return QColor(0x2f, 0x80, 0xed);
    case HostProgressModel::HostState::Done:
        return QColor(0x2e, 0x9d, 0x4f);
    case HostProgressModel::HostState::Failed:
        return QColor(0xd9, 0x30, 0x25);
    case HostProgressModel::HostState::Cancelled:
        return QColor(0xe0, 0x9b, 0x00);
    }
    return {};
}

} // namespace

void HostProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    const auto state = HostProgressModel::HostState(index.data(HostProgressModel::HostStateRole).toInt());
    if (index.column() == HostProgressModel::ProgressColumn) {
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(4, 3, -4, -3);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(HostProgressModel::ProgressRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.fontMetrics = option.fontMetrics;
        bar.palette.setColor(QPalette::Highlight, stateColor(state));
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
        return;
    }
    if (index.column() == HostProgressModel::StateColumn) {
        QStyleOptionViewItem text = option;
        initStyleOption(&text, index);
        const int mark = option.fontMetrics.height() * 2 / 3;
        text.rect.adjust(mark + 8, 0, 0, 0);
        QStyle *style = option.widget ? option.widget->style() : QApplication::style();
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        // On a selected row, a ring keeps the mark apart from the highlight.
        painter->setPen((option.state & QStyle::State_Selected)
                            ? QPen(option.palette.color(QPalette::HighlightedText), 1.5)
                            : QPen(Qt::NoPen));
        painter->setBrush(stateColor(state));
        const QRect dot(option.rect.left() + 5, option.rect.center().y() - mark / 2, mark, mark);
        painter->drawEllipse(dot);
        painter->restore();
        text.backgroundBrush = Qt::NoBrush;
        text.state &= ~QStyle::State_HasFocus;
        style->drawItemText(painter, text.rect, int(Qt::AlignLeft | Qt::AlignVCenter), text.palette,
                            true, text.text,
                            (option.state & QStyle::State_Selected) ? QPalette::HighlightedText
                                                                    : QPalette::Text);
        return;
    }
    QStyledItemDelegate::paint(painter, option, index);
}

QSize HostProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 12));
    if (index.column() == HostProgressModel::ProgressColumn)
        size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("00 of 00")) + 60));
    if (index.column() == HostProgressModel::StateColumn)
        size.setWidth(size.width() + option.fontMetrics.height());
    return size;
}

} // namespace SparkDeck
