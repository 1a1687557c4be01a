#pragma once

#include <QWidget>

namespace SparkDeck {

/// The grip at the end of the worker strip: drag it to the number of workers wanted. Also
/// works from the keyboard when it has focus: Left/Right or -/+ one worker less or more,
/// Home/End the least or the most, Enter applies, Escape goes back to the current count.
/// It only reports; the strip decides what a position means.
class ScaleHandle : public QWidget
{
    Q_OBJECT
public:
    explicit ScaleHandle(QWidget *parent = nullptr);

    bool isDragging() const { return m_dragging; }
    QSize sizeHint() const override;

Q_SIGNALS:
    void dragStarted();
    /// The pointer moved to `globalPosition` while the button is held.
    void dragMoved(const QPoint &globalPosition);
    /// The button was let go at `globalPosition`.
    void dragFinished(const QPoint &globalPosition);
    void stepRequested(int delta);
    void boundRequested(bool maximum);
    void applyRequested();
    void revertRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    bool m_dragging = false;
    bool m_hovered = false;
};

} // namespace SparkDeck
