#pragma once

#include "monitor/workermodel.h"

#include <QWidget>

namespace SparkDeck {

/// One worker as a card: its name and host, its state (ALIVE, DECOMMISSIONED, DEAD, or a
/// transition: starting…, decommissioning…) as a colored badge, and its cores and memory with
/// how much is in use. While the worker strip's handle is dragged, a tile that would go shows
/// "will be removed". Sizes follow the font, so the presentation mode's larger font makes
/// larger tiles. A tab stop: Enter or Space opens the worker's page, like a double click.
class WorkerTile : public QWidget
{
    Q_OBJECT
public:
    struct Info
    {
        QString name;
        QString host;
        QString workerId;
        WorkerModel::TileState state = WorkerModel::TileState::Unknown;
        int cores = 0;
        int coresUsed = 0;
        int memoryMiB = 0;
        int memoryUsedMiB = 0;
        bool listed = false;   ///< the master reports it (cores and memory are known)
        bool managed = true;
    };

    explicit WorkerTile(QWidget *parent = nullptr);

    void setInfo(const Info &info);
    const Info &info() const { return m_info; }
    WorkerModel::TileState state() const { return m_info.state; }
    /// The badge's text ("ALIVE", "Starting…").
    QString stateText() const;

    /// Shown while the handle is dragged below this tile's position.
    void setMarkedForRemoval(bool marked);
    bool isMarkedForRemoval() const { return m_markedForRemoval; }

    /// The size every tile has at font `metrics`.
    static QSize tileSize(const QFontMetrics &metrics);
    QSize sizeHint() const override;

    /// The state's color (also used by the strip for empty and ghost slots).
    static QColor stateColor(WorkerModel::TileState state);

Q_SIGNALS:
    /// Double-clicked: the person wants the worker's own page.
    void activated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateAccessibleText();

    Info m_info;
    bool m_markedForRemoval = false;
};

} // namespace SparkDeck
