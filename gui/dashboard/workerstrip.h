#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace SparkDeck {

class ScaleHandle;
class WorkerModel;
class WorkerTile;

/// The cluster's workers as tiles, in rows that wrap, with a handle after the last one: drag
/// the handle to the number of workers wanted (or use the keyboard on it, or setPendingCount()
/// from +/− buttons). While choosing, new places show as dashed "will start" slots and tiles
/// that would go as "will be removed"; releasing the handle asks for the scale
/// (scaleRequested()), as does applyPending(). While an operation runs the strip is busy: the
/// handle does not move and the tiles show the transition from the model.
///
/// Rules: a view of a WorkerModel (one tile per row, in order) plus the pending count; it runs
/// nothing itself. Sizes follow the font (presentation mode).
class WorkerStrip : public QWidget
{
    Q_OBJECT
public:
    explicit WorkerStrip(QWidget *parent = nullptr);
    ~WorkerStrip() override;

    void setModel(WorkerModel *model);
    WorkerModel *model() const { return m_model; }

    /// The bounds of the count (0 and ClusterOperations::maxWorkers()).
    void setRange(int minimum, int maximum);
    int minimum() const { return m_minimum; }
    int maximum() const { return m_maximum; }

    /// The count the cluster has (the handle's resting place).
    int currentCount() const;
    /// The count being chosen (equal to currentCount() when nothing is pending).
    int pendingCount() const { return m_pending < 0 ? currentCount() : m_pending; }
    bool hasPendingChange() const { return m_pending >= 0 && m_pending != currentCount(); }

    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// False while the cluster is not up: no handle, no empty slots, only the tiles.
    void setScalable(bool scalable);
    bool isScalable() const { return m_scalable; }

    QList<WorkerTile *> tiles() const { return m_tiles; }
    ScaleHandle *handle() const { return m_handle; }
    QLabel *pendingBubble() const { return m_bubble; }
    /// Where the handle sits for `count` workers (strip coordinates, the handle's center).
    QPoint handlePosition(int count) const;
    /// The count a handle dropped at `position` (strip coordinates) stands for.
    int countAt(const QPoint &position) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setPendingCount(int count);
    /// Asks for the pending count (scaleRequested()), if it differs from the current one.
    void applyPending();
    void revertPending();

Q_SIGNALS:
    void pendingCountChanged(int count);
    /// The user chose `count` workers (handle released, Enter, or applyPending()).
    void scaleRequested(int count);
    /// A tile was double-clicked: the worker's page is wanted.
    void workerActivated(const QString &workerId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void syncTiles();
    void relayout();
    int columns(int width) const;
    int shownSlots() const;
    QRect slotRect(int index, int width) const;
    QSize tileSize() const;
    int spacing() const;
    int margin() const;
    int rowGap() const;
    void handleDragMoved(const QPoint &globalPosition);
    void handleDragFinished(const QPoint &globalPosition);

    QPointer<WorkerModel> m_model;
    QList<WorkerTile *> m_tiles;
    ScaleHandle *m_handle;
    QLabel *m_bubble;
    int m_minimum = 0;
    int m_maximum = 0;
    int m_pending = -1;
    bool m_busy = false;
    bool m_scalable = true;
};

} // namespace SparkDeck
