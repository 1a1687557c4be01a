#include "messagebanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace SparkDeck {

MessageBanner::MessageBanner(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon = new QLabel(this);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_buttonLayout = new QHBoxLayout;
    m_buttonLayout->setSpacing(6);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttonLayout);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    qDeleteAll(m_buttons);
    m_buttons.clear();
    applyColors();
    setAccessibleName(text);
    show();
}

QPushButton *MessageBanner::addButton(const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    m_buttonLayout->addWidget(button);
    m_buttons << button;
    return button;
}

QString MessageBanner::text() const
{
    return m_label->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        applyColors();
}

void MessageBanner::applyColors()
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor tint(0x2f, 0x80, 0xed);
    switch (m_kind) {
    case Kind::Information:
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        tint = QColor(0xe0, 0x9b, 0x00);
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        tint = QColor(0xd9, 0x30, 0x25);
        break;
    case Kind::Success:
        icon = QStyle::SP_DialogApplyButton;
        tint = QColor(0x2e, 0x9d, 0x4f);
        break;
    }
    const int size = QFontMetrics(font()).height() + 4;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    // A light wash of the kind's color over the window's background: readable in light and
    // dark themes alike, with the text in the normal text color.
    const QColor base = QApplication::palette(this).color(QPalette::Window);
    QColor wash;
    wash.setRgbF(base.redF() * 0.82 + tint.redF() * 0.18, base.greenF() * 0.82 + tint.greenF() * 0.18,
                 base.blueF() * 0.82 + tint.blueF() * 0.18);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, wash);
    setPalette(palette);
}

} // namespace SparkDeck
