#include "noticepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace SparkDeck::Internal {

NoticePanel::NoticePanel(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_text(new QLabel(this))
    , m_primary(new QPushButton(this))
    , m_secondary(new QPushButton(this))
{
    setAutoFillBackground(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_primary);
    buttons->addWidget(m_secondary);
    buttons->addStretch();

    // A readable measure: the text column never grows wider than this.
    auto *content = new QWidget(this);
    content->setMaximumWidth(680);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_heading);
    column->addSpacing(8);
    column->addWidget(m_text);
    column->addSpacing(12);
    column->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 48, 48, 48);
    outer->addWidget(content);
    outer->addStretch();

    m_primary->setDefault(true);
    connect(m_primary, &QPushButton::clicked, this, &NoticePanel::primaryClicked);
    connect(m_secondary, &QPushButton::clicked, this, &NoticePanel::secondaryClicked);
    setNotice(QString(), QString());
}

void NoticePanel::setNotice(const QString &heading, const QString &text, const QString &primary,
                            const QString &secondary)
{
    m_heading->setText(heading);
    m_text->setText(text);
    m_primary->setText(primary);
    m_primary->setVisible(!primary.isEmpty());
    m_primary->setEnabled(true);
    m_secondary->setText(secondary);
    m_secondary->setVisible(!secondary.isEmpty());
}

void NoticePanel::setPrimaryEnabled(bool enabled)
{
    m_primary->setEnabled(enabled);
}

QString NoticePanel::heading() const
{
    return m_heading->text();
}

QString NoticePanel::text() const
{
    return m_text->text();
}

} // namespace SparkDeck::Internal
