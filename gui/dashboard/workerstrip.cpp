#include "workerstrip.h"

#include "scalehandle.h"
#include "workertile.h"

#include "monitor/workermodel.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace SparkDeck {

WorkerStrip::WorkerStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("workerStrip"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_handle = new ScaleHandle(this);
    m_bubble = new QLabel(this);
    m_bubble->setObjectName(QStringLiteral("pendingCountBubble"));
    m_bubble->setAlignment(Qt::AlignCenter);
    m_bubble->setAutoFillBackground(true);
    m_bubble->setForegroundRole(QPalette::HighlightedText);
    m_bubble->setBackgroundRole(QPalette::Highlight);
    m_bubble->setContentsMargins(8, 2, 8, 2);
    m_bubble->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_bubble->hide();
    connect(m_handle, &ScaleHandle::dragStarted, this, &WorkerStrip::relayout);
    connect(m_handle, &ScaleHandle::dragMoved, this, &WorkerStrip::handleDragMoved);
    connect(m_handle, &ScaleHandle::dragFinished, this, &WorkerStrip::handleDragFinished);
    connect(m_handle, &ScaleHandle::stepRequested, this, [this](int delta) {
        if (!m_busy && m_scalable)
            setPendingCount(pendingCount() + delta);
    });
    connect(m_handle, &ScaleHandle::boundRequested, this, [this](bool maximum) {
        if (!m_busy && m_scalable)
            setPendingCount(maximum ? m_maximum : m_minimum);
    });
    connect(m_handle, &ScaleHandle::applyRequested, this, &WorkerStrip::applyPending);
    connect(m_handle, &ScaleHandle::revertRequested, this, &WorkerStrip::revertPending);
}

WorkerStrip::~WorkerStrip() = default;

void WorkerStrip::setModel(WorkerModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &WorkerStrip::syncTiles);
        connect(model, &QAbstractItemModel::rowsInserted, this, &WorkerStrip::syncTiles);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &WorkerStrip::syncTiles);
        connect(model, &QAbstractItemModel::modelReset, this, &WorkerStrip::syncTiles);
    }
    syncTiles();
}

void WorkerStrip::setRange(int minimum, int maximum)
{
    m_minimum = minimum;
    m_maximum = qMax(minimum, maximum);
    if (m_pending >= 0)
        setPendingCount(m_pending);
    relayout();
}

int WorkerStrip::currentCount() const
{
    return m_model ? m_model->workerCount() : 0;
}

void WorkerStrip::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_pending = -1;
    m_handle->setEnabled(!busy);
    m_handle->setCursor(busy ? Qt::ForbiddenCursor : Qt::SizeHorCursor);
    syncTiles();
}

void WorkerStrip::setScalable(bool scalable)
{
    if (m_scalable == scalable)
        return;
    m_scalable = scalable;
    if (!scalable)
        m_pending = -1;
    m_handle->setVisible(scalable);
    syncTiles();
}

void WorkerStrip::setPendingCount(int count)
{
    const int bounded = qBound(m_minimum, count, m_maximum);
    const int before = pendingCount();
    m_pending = bounded;
    if (bounded == before)
        return;
    m_handle->setAccessibleName(tr("Number of workers: %1").arg(bounded));
    syncTiles();
    Q_EMIT pendingCountChanged(bounded);
}

void WorkerStrip::applyPending()
{
    if (m_busy || !m_scalable || !hasPendingChange())
        return;
    const int wanted = pendingCount();
    Q_EMIT scaleRequested(wanted);
}

void WorkerStrip::revertPending()
{
    if (m_pending < 0)
        return;
    const bool changed = hasPendingChange();
    m_pending = -1;
    syncTiles();
    if (changed)
        Q_EMIT pendingCountChanged(currentCount());
}

void WorkerStrip::syncTiles()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    while (m_tiles.size() > rows)
        delete m_tiles.takeLast();
    while (m_tiles.size() < rows) {
        auto *tile = new WorkerTile(this);
        connect(tile, &WorkerTile::activated, this, [this, tile] { Q_EMIT workerActivated(tile->info().workerId); });
        tile->show();
        m_tiles << tile;
    }
    for (int row = 0; row < rows; ++row) {
        auto data = [&](int column, int role = Qt::DisplayRole) {
            return m_model->data(m_model->index(row, column), role);
        };
        WorkerTile::Info info;
        info.name = data(WorkerModel::NameColumn).toString();
        info.host = data(WorkerModel::HostColumn).toString();
        info.workerId = data(0, WorkerModel::WorkerIdRole).toString();
        info.state = WorkerModel::TileState(data(0, WorkerModel::TileStateRole).toInt());
        info.cores = data(0, WorkerModel::CoresRole).toInt();
        info.coresUsed = data(0, WorkerModel::CoresUsedRole).toInt();
        info.memoryMiB = data(0, WorkerModel::MemoryMiBRole).toInt();
        info.memoryUsedMiB = data(0, WorkerModel::MemoryUsedMiBRole).toInt();
        info.listed = !info.workerId.isEmpty();
        info.managed = data(0, WorkerModel::ManagedRole).toBool();
        m_tiles.at(row)->setInfo(info);
        m_tiles.at(row)->setMarkedForRemoval(hasPendingChange() && row >= pendingCount()
                                             && row < currentCount());
    }
    relayout();
}

QSize WorkerStrip::tileSize() const
{
    return WorkerTile::tileSize(fontMetrics());
}

int WorkerStrip::spacing() const
{
    return fontMetrics().height() * 3 / 2;
}

int WorkerStrip::margin() const
{
    return fontMetrics().height() / 2 + 2;
}

int WorkerStrip::rowGap() const
{
    // Room above each row for the bubble that shows the count being chosen.
    return fontMetrics().height() + 10;
}

int WorkerStrip::columns(int width) const
{
    // Room for the handle after the last tile of a row.
    const int usable = width - 2 * margin() - spacing();
    return qMax(1, (usable + spacing()) / (tileSize().width() + spacing()));
}

int WorkerStrip::shownSlots() const
{
    // The tiles, the slots being chosen, at least one empty slot to drag into, and empty slots
    // to the end of the last row; never more than the maximum (except tiles that exist).
    const int used = qMax(int(m_tiles.size()), qMax(pendingCount(), currentCount()));
    if (m_busy || !m_scalable)
        return used;
    const int cols = columns(width());
    const int withRoom = qMin(used + 1, qMax(used, m_maximum));
    const int rounded = ((withRoom + cols - 1) / cols) * cols;
    return qMax(used, qMin(rounded, qMax(used, m_maximum)));
}

QRect WorkerStrip::slotRect(int index, int width) const
{
    const int cols = columns(width);
    const QSize tile = tileSize();
    const int column = index % cols;
    const int row = index / cols;
    return QRect(margin() + spacing() / 2 + column * (tile.width() + spacing()),
                 rowGap() + row * (tile.height() + rowGap()), tile.width(), tile.height());
}

QPoint WorkerStrip::handlePosition(int count) const
{
    if (count <= 0) {
        const QRect first = slotRect(0, width());
        return QPoint(first.left() - spacing() / 2, first.center().y());
    }
    const QRect last = slotRect(count - 1, width());
    return QPoint(last.right() + 1 + spacing() / 2, last.center().y());
}

int WorkerStrip::countAt(const QPoint &position) const
{
    int best = pendingCount();
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    const int last = qMax(shownSlots(), qMin(m_maximum, shownSlots() + columns(width())));
    const int rowHeight = tileSize().height();
    for (int count = m_minimum; count <= qMin(m_maximum, last); ++count) {
        const QPoint at = handlePosition(count);
        const qint64 dx = position.x() - at.x();
        // Rows are far apart: the row the pointer is in wins over a closer column elsewhere.
        const qint64 dy = qMax(0, qAbs(position.y() - at.y()) - rowHeight / 2) * 4;
        const qint64 distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = count;
        }
    }
    return best;
}

void WorkerStrip::handleDragMoved(const QPoint &globalPosition)
{
    if (!m_busy && m_scalable)
        setPendingCount(countAt(mapFromGlobal(globalPosition)));
}

void WorkerStrip::handleDragFinished(const QPoint &globalPosition)
{
    if (m_busy || !m_scalable)
        return;
    setPendingCount(countAt(mapFromGlobal(globalPosition)));
    if (hasPendingChange())
        applyPending();
    else
        revertPending();
}

int WorkerStrip::heightForWidth(int width) const
{
    const int slots = qMax(1, shownSlots());
    const int rows = (slots + columns(width) - 1) / columns(width);
    return rows * (tileSize().height() + rowGap()) + margin();
}

QSize WorkerStrip::sizeHint() const
{
    const int w = 2 * margin() + 4 * (tileSize().width() + spacing()) + spacing();
    return QSize(w, heightForWidth(w));
}

QSize WorkerStrip::minimumSizeHint() const
{
    const int w = 2 * margin() + tileSize().width() + 2 * spacing();
    return QSize(w, tileSize().height() + rowGap() + margin());
}

void WorkerStrip::relayout()
{
    for (int i = 0; i < m_tiles.size(); ++i)
        m_tiles.at(i)->setGeometry(slotRect(i, width()));
    const QSize handleSize(qMax(12, fontMetrics().height()), tileSize().height());
    const QPoint center = handlePosition(pendingCount());
    m_handle->setGeometry(QRect(QPoint(center.x() - handleSize.width() / 2, center.y() - handleSize.height() / 2),
                                handleSize));
    m_handle->raise();
    // The count being chosen, in a bubble above the handle.
    m_bubble->setVisible(hasPendingChange() || m_handle->isDragging());
    m_bubble->setText(tr("%n worker(s)", nullptr, pendingCount()));
    m_bubble->adjustSize();
    QRect bubble = m_bubble->rect();
    bubble.moveCenter(QPoint(center.x(), m_handle->geometry().top() - 3 - bubble.height() / 2));
    bubble.moveLeft(qBound(0, bubble.left(), qMax(0, width() - bubble.width())));
    m_bubble->setGeometry(bubble);
    m_bubble->raise();
    const int wanted = heightForWidth(width());
    if (minimumHeight() != wanted)
        setMinimumHeight(wanted);
    updateGeometry();
    update();
}

void WorkerStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WorkerStrip::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        for (WorkerTile *tile : std::as_const(m_tiles))
            tile->updateGeometry();
        relayout();
    }
}

void WorkerStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::Text);
    const QColor window = palette().color(QPalette::Window);
    auto mix = [](const QColor &a, const QColor &b, qreal t) {
        QColor c;
        c.setRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                  a.blueF() * (1 - t) + b.blueF() * t);
        return c;
    };
    const qreal radius = fontMetrics().height() * 0.45;
    const int pending = pendingCount();
    const int slots = shownSlots();
    for (int i = int(m_tiles.size()); i < slots; ++i) {
        const QRectF rect = QRectF(slotRect(i, width())).adjusted(1.5, 1.5, -1.5, -1.5);
        const bool willStart = i < pending;
        QPen pen(willStart ? WorkerTile::stateColor(WorkerModel::TileState::Starting) : mix(window, text, 0.25),
                 willStart ? 2.0 : 1.0, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(willStart ? QBrush(mix(window, WorkerTile::stateColor(WorkerModel::TileState::Starting), 0.08))
                                   : QBrush(Qt::NoBrush));
        painter.drawRoundedRect(rect, radius, radius);
        if (willStart) {
            painter.setPen(mix(window, text, 0.8));
            painter.drawText(rect, Qt::AlignCenter, tr("Worker %1\nwill start").arg(i + 1));
        }
    }
}

} // namespace SparkDeck
