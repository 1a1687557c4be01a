#include "scalehandle.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace SparkDeck {

ScaleHandle::ScaleHandle(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("scaleHandle"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::SizeHorCursor);
    setAccessibleName(tr("Number of workers"));
    setAccessibleDescription(tr("Drag, or press Left and Right, to choose the number of workers; "
                                "Enter applies, Escape goes back."));
}

QSize ScaleHandle::sizeHint() const
{
    const int unit = fontMetrics().height();
    return QSize(unit, unit * 6);
}

void ScaleHandle::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const bool active = m_dragging || m_hovered || hasFocus();
    QColor fill = isEnabled() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid);
    if (!active && isEnabled())
        fill.setAlphaF(0.75);
    const qreal barWidth = width() * (active ? 0.62 : 0.5);
    const QRectF bar((width() - barWidth) / 2, 1, barWidth, height() - 2);
    QPainterPath path;
    path.addRoundedRect(bar, barWidth / 2, barWidth / 2);
    painter.fillPath(path, fill);
    if (hasFocus()) {
        painter.setPen(QPen(palette().color(QPalette::Text), 1.5, Qt::DotLine));
        painter.drawRoundedRect(bar.adjusted(-2, -1, 2, 1), barWidth / 2 + 2, barWidth / 2 + 2);
    }
    // Grip dots.
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::HighlightedText));
    const qreal dot = barWidth * 0.28;
    for (int i = -1; i <= 1; ++i)
        painter.drawEllipse(QPointF(width() / 2.0, height() / 2.0 + i * dot * 2.6), dot / 2, dot / 2);
}

void ScaleHandle::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !isEnabled()) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_dragging = true;
    update();
    Q_EMIT dragStarted();
    event->accept();
}

void ScaleHandle::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    Q_EMIT dragMoved(mapToGlobal(event->position().toPoint()));
    event->accept();
}

void ScaleHandle::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging || event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragging = false;
    update();
    Q_EMIT dragFinished(mapToGlobal(event->position().toPoint()));
    event->accept();
}

void ScaleHandle::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Minus:
    case Qt::Key_Down:
        Q_EMIT stepRequested(-1);
        return;
    case Qt::Key_Right:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Up:
        Q_EMIT stepRequested(1);
        return;
    case Qt::Key_Home:
        Q_EMIT boundRequested(false);
        return;
    case Qt::Key_End:
        Q_EMIT boundRequested(true);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT applyRequested();
        return;
    case Qt::Key_Escape:
        Q_EMIT revertRequested();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void ScaleHandle::enterEvent(QEnterEvent *event)
{
    m_hovered = true;
    update();
    QWidget::enterEvent(event);
}

void ScaleHandle::leaveEvent(QEvent *event)
{
    m_hovered = false;
    update();
    QWidget::leaveEvent(event);
}

} // namespace SparkDeck
