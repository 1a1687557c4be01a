#include "hosttabledelegate.h"

#include "spec/hostlistmodel.h"

#include <QApplication>
#include <QIntValidator>
#include <QLineEdit>
#include <QStyle>

namespace SparkDeck {

HostTableDelegate::HostTableDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QWidget *HostTableDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
    auto *line = qobject_cast<QLineEdit *>(editor);
    if (!line)
        return editor;
    const QString shown = index.data(Qt::DisplayRole).toString();
    switch (index.column()) {
    case HostListModel::PortColumn:
        line->setValidator(new QIntValidator(1, 65535, line));
        line->setPlaceholderText(tr("%1 (default)").arg(shown));
        break;
    case HostListModel::UserColumn:
        line->setPlaceholderText(tr("%1 (default)").arg(shown));
        break;
    case HostListModel::AddressColumn:
        line->setPlaceholderText(tr("address or host name"));
        break;
    default:
        break;
    }
    return editor;
}

void HostTableDelegate::initStyleOption(QStyleOptionViewItem *option,
                                        const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    const bool problem = !index.data(HostListModel::ProblemRole).toString().isEmpty();
    const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
    const QColor red = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);

    if (index.data(HostListModel::IsDefaultRole).toBool()) {
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        if (index.column() == HostListModel::RoleColumn)
            option->font.setItalic(true);
    }
    if (problem
        && (index.column() == HostListModel::AddressColumn
            || index.column() == HostListModel::StatusColumn)) {
        option->palette.setColor(QPalette::Text, red);
    }
    if (index.column() != HostListModel::StatusColumn)
        return;

    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    if (problem) {
        icon = QStyle::SP_MessageBoxWarning;
    } else {
        switch (HostListModel::CheckState(index.data(HostListModel::CheckStateRole).toInt())) {
        case HostListModel::CheckState::NotChecked:
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::PlaceholderText));
            break;
        case HostListModel::CheckState::Checking:
            icon = QStyle::SP_BrowserReload;
            break;
        case HostListModel::CheckState::AwaitingHostKey:
            icon = QStyle::SP_MessageBoxQuestion;
            break;
        case HostListModel::CheckState::Reachable:
            icon = QStyle::SP_DialogApplyButton;
            break;
        case HostListModel::CheckState::Failed:
            icon = QStyle::SP_MessageBoxCritical;
            option->palette.setColor(QPalette::Text, red);
            break;
        }
    }
    if (icon != QStyle::SP_CustomBase) {
        option->icon = style->standardIcon(icon, nullptr, option->widget);
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int size = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, option->widget);
        option->decorationSize = QSize(size, size);
    }
}

} // namespace SparkDeck
