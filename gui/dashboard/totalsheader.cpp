#include "totalsheader.h"

#include "monitor/masterstatus.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace SparkDeck {

namespace {

QString memoryText(int mebibytes)
{
    if (mebibytes >= 1024)
        return QLocale().toString(mebibytes / 1024.0, 'f', mebibytes % 1024 == 0 ? 0 : 1) + QStringLiteral(" GiB");
    return QStringLiteral("%1 MiB").arg(mebibytes);
}

} // namespace

TotalsHeader::TotalsHeader(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("totalsHeader"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(28);
    layout->setVerticalSpacing(0);
    m_master = addFigure(tr("Master"), QStringLiteral("masterValue"), 0);
    m_masterDetail = new QLabel(this);
    m_masterDetail->setObjectName(QStringLiteral("masterDetail"));
    m_masterDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_masterDetail->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_masterDetail, 2, 0);
    m_workers = addFigure(tr("Workers alive"), QStringLiteral("workersValue"), 1);
    m_cores = addFigure(tr("Cores in use"), QStringLiteral("coresValue"), 2);
    m_memory = addFigure(tr("Memory in use"), QStringLiteral("memoryValue"), 3);
    m_applications = addFigure(tr("Applications"), QStringLiteral("applicationsValue"), 4);
    layout->setColumnStretch(5, 1);
    applyFonts();
    setUnknown(QString(), QString());
}

QLabel *TotalsHeader::addFigure(const QString &caption, const QString &objectName, int column)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    auto *captionLabel = new QLabel(caption, this);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAccessibleDescription(caption);
    grid->addWidget(captionLabel, 0, column);
    grid->addWidget(value, 1, column);
    m_captions << captionLabel;
    m_values << value;
    return value;
}

void TotalsHeader::setStatus(const MasterStatus &status, int wantedWorkers)
{
    m_master->setText(status.status.isEmpty() ? tr("unknown") : status.status);
    m_masterDetail->setText(status.url);
    m_workers->setText(tr("%1 of %2").arg(status.aliveWorkers).arg(wantedWorkers));
    m_cores->setText(tr("%1 of %2").arg(status.coresUsed).arg(status.cores));
    m_memory->setText(tr("%1 of %2").arg(memoryText(status.memoryUsedMiB), memoryText(status.memoryMiB)));
    m_applications->setText(tr("%n running", nullptr, int(status.activeApplications.size())));
    m_applications->setToolTip(tr("%n completed", nullptr, status.completedApplications));
}

void TotalsHeader::setUnknown(const QString &masterUrl, const QString &reason)
{
    m_master->setText(tr("not reached"));
    m_master->setToolTip(reason);
    m_masterDetail->setText(masterUrl);
    for (QLabel *value : {m_workers, m_cores, m_memory, m_applications})
        value->setText(QStringLiteral("–"));
}

void TotalsHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange && !m_applyingFonts)
        applyFonts();
}

void TotalsHeader::applyFonts()
{
    // Values: bold and half as large again as the header's own (inherited) font.
    m_applyingFonts = true;
    QFont valueFont = font();
    valueFont.setBold(true);
    valueFont.setPointSizeF(font().pointSizeF() * 1.6);
    for (QLabel *value : std::as_const(m_values))
        value->setFont(valueFont);
    m_applyingFonts = false;
}

} // namespace SparkDeck
