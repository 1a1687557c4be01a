#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace SparkDeck {

struct MasterStatus;

/// The cluster at a glance, above the workers: the master (its spark:// URL and state), the
/// workers ALIVE of those wanted, cores and memory in use of the total, and the applications
/// running. Each figure is a caption and a large value; the values follow the window's font
/// (larger in presentation mode).
class TotalsHeader : public QWidget
{
    Q_OBJECT
public:
    explicit TotalsHeader(QWidget *parent = nullptr);

    void setStatus(const MasterStatus &status, int wantedWorkers);
    /// No news from the master: the figures say so instead of showing old numbers.
    void setUnknown(const QString &masterUrl, const QString &reason);

    QLabel *masterValue() const { return m_master; }
    QLabel *workersValue() const { return m_workers; }
    QLabel *coresValue() const { return m_cores; }
    QLabel *memoryValue() const { return m_memory; }
    QLabel *applicationsValue() const { return m_applications; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addFigure(const QString &caption, const QString &objectName, int column);
    void applyFonts();

    QList<QLabel *> m_captions;
    QList<QLabel *> m_values;
    QLabel *m_master;
    QLabel *m_masterDetail;
    QLabel *m_workers;
    QLabel *m_cores;
    QLabel *m_memory;
    QLabel *m_applications;
    bool m_applyingFonts = false;
};

} // namespace SparkDeck
