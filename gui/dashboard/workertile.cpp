#include "workertile.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace SparkDeck {

namespace {

QString memoryText(int mebibytes)
{
    if (mebibytes >= 1024)
        return QLocale().toString(mebibytes / 1024.0, 'f', mebibytes % 1024 == 0 ? 0 : 1) + QStringLiteral(" GiB");
    return QStringLiteral("%1 MiB").arg(mebibytes);
}

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    QColor c;
    c.setRgbF(a.redF() * (1 - amountOfB) + b.redF() * amountOfB, a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB,
              a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB);
    return c;
}

} // namespace

WorkerTile::WorkerTile(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    // A tab stop, so that the keyboard reaches each worker's page (Enter), as a double click does.
    setFocusPolicy(Qt::StrongFocus);
}

void WorkerTile::setInfo(const Info &info)
{
    m_info = info;
    setObjectName(QStringLiteral("workerTile-%1").arg(info.name));
    updateAccessibleText();
    update();
}

void WorkerTile::setMarkedForRemoval(bool marked)
{
    if (m_markedForRemoval == marked)
        return;
    m_markedForRemoval = marked;
    updateAccessibleText();
    update();
}

QString WorkerTile::stateText() const
{
    return WorkerModel::stateText(m_info.state);
}

void WorkerTile::updateAccessibleText()
{
    QString text = tr("%1 on %2: %3").arg(m_info.name, m_info.host, stateText());
    if (m_info.listed)
        text += tr(", %1 cores, %2").arg(m_info.cores).arg(memoryText(m_info.memoryMiB));
    if (m_markedForRemoval)
        text += tr(", will be removed");
    setAccessibleName(text);
    setToolTip(m_info.managed ? (m_info.workerId.isEmpty()
                                     ? text
                                     : tr("%1\n%2\nDouble-click for the worker's page.").arg(text, m_info.workerId))
                              : tr("The master lists this worker, but the cluster file does not place it."));
}

QSize WorkerTile::tileSize(const QFontMetrics &metrics)
{
    return QSize(metrics.averageCharWidth() * 26, metrics.height() * 13 / 2);
}

QSize WorkerTile::sizeHint() const
{
    return tileSize(fontMetrics());
}

QColor WorkerTile::stateColor(WorkerModel::TileState state)
{
    switch (state) {
    case WorkerModel::TileState::Alive:
        return QColor(0x2e, 0x9d, 0x4f);
    case WorkerModel::TileState::Starting:
        return QColor(0x2f, 0x80, 0xed);
    case WorkerModel::TileState::Decommissioning:
    case WorkerModel::TileState::Stopping:
        return QColor(0xe0, 0x8a, 0x00);
    case WorkerModel::TileState::Decommissioned:
        return QColor(0x8a, 0x6d, 0x3b);
    case WorkerModel::TileState::Dead:
    case WorkerModel::TileState::Missing:
        return QColor(0xd9, 0x30, 0x25);
    case WorkerModel::TileState::Stopped:
    case WorkerModel::TileState::Unknown:
        break;
    }
    return QColor(0x8c, 0x8c, 0x8c);
}

void WorkerTile::mouseDoubleClickEvent(QMouseEvent *event)
{
    QWidget::mouseDoubleClickEvent(event);
    if (!m_info.workerId.isEmpty())
        Q_EMIT activated();
}

void WorkerTile::keyPressEvent(QKeyEvent *event)
{
    const bool opens = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
                       || event->key() == Qt::Key_Space;
    if (!opens || m_info.workerId.isEmpty()) {
        QWidget::keyPressEvent(event);
        return;
    }
    Q_EMIT activated();
}

void WorkerTile::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor accent = stateColor(m_info.state);
    const QColor window = palette().color(QPalette::Window);
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const bool faded = m_markedForRemoval || m_info.state == WorkerModel::TileState::Stopped
                       || m_info.state == WorkerModel::TileState::Decommissioned;
    const QFontMetrics metrics(font());
    const int pad = metrics.height() / 2;
    const qreal radius = metrics.height() * 0.45;

    QRectF card = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    QPainterPath path;
    path.addRoundedRect(card, radius, radius);
    painter.fillPath(path, faded ? blend(window, base, 0.5) : base);
    // The state's band on the left edge, and a matching border.
    painter.save();
    painter.setClipPath(path);
    painter.fillRect(QRectF(card.left(), card.top(), pad * 0.6, card.height()), accent);
    painter.restore();
    QPen border(faded ? blend(window, text, 0.3) : blend(base, accent, 0.7), 1.5);
    if (m_markedForRemoval)
        border.setStyle(Qt::DashLine);
    if (hasFocus()) // the keyboard focus: the palette's highlight, thicker
        border = QPen(palette().color(QPalette::Highlight), 3);
    painter.setPen(border);
    painter.drawPath(path);

    const qreal left = card.left() + pad * 0.6 + pad;
    const qreal width = card.right() - pad - left;
    qreal y = card.top() + pad * 0.8;
    const QColor ink = faded ? blend(base, text, 0.55) : text;
    const QColor dim = blend(base, text, 0.6);

    QFont nameFont = font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(font().pointSizeF() * 1.1);
    painter.setFont(nameFont);
    painter.setPen(ink);
    const QFontMetrics nameMetrics(nameFont);
    painter.drawText(QRectF(left, y, width, nameMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(m_info.name, Qt::ElideRight, int(width)));
    y += nameMetrics.height();

    painter.setFont(font());
    painter.setPen(dim);
    painter.drawText(QRectF(left, y, width, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(m_info.host, Qt::ElideMiddle, int(width)));
    y += metrics.height() + pad * 0.5;

    // The state badge: a pill in the state's color.
    QFont badgeFont = font();
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(font().pointSizeF() * 0.88);
    const QFontMetrics badgeMetrics(badgeFont);
    const QString badge = m_markedForRemoval ? tr("Will be removed") : stateText();
    const qreal badgeWidth = qMin<qreal>(width, badgeMetrics.horizontalAdvance(badge) + pad);
    const QRectF pill(left, y, badgeWidth, badgeMetrics.height() + pad * 0.5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_markedForRemoval ? blend(base, text, 0.45) : accent);
    painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter.setFont(badgeFont);
    painter.setPen(Qt::white);
    painter.drawText(pill, Qt::AlignCenter, badgeMetrics.elidedText(badge, Qt::ElideRight, int(pill.width()) - 2));
    y += pill.height() + pad * 0.6;

    painter.setFont(font());
    painter.setPen(ink);
    QString resources;
    if (m_info.state == WorkerModel::TileState::Stopped) {
        resources = tr("Removed");
    } else if (m_info.listed) {
        resources = tr("%1/%2 cores · %3").arg(m_info.coresUsed).arg(m_info.cores).arg(memoryText(m_info.memoryMiB));
    } else {
        switch (m_info.state) {
        case WorkerModel::TileState::Starting:
            resources = tr("Not listed yet");
            break;
        case WorkerModel::TileState::Missing:
            resources = tr("Not listed by the master");
            break;
        case WorkerModel::TileState::Unknown:
            resources = tr("Master not reached");
            break;
        default:
            break;
        }
    }
    painter.drawText(QRectF(left, y, width, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(resources, Qt::ElideRight, int(width)));
}

} // namespace SparkDeck
