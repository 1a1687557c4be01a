#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QTimer;
QT_END_NAMESPACE

namespace SparkDeck {

class MessageBanner;
class ResourceJournal;

/// The cost guard in the cluster window, for machines a provider created: what they cost so
/// far and how long until machines.expires_after deletes them (a status bar label, refreshed
/// every 30 s); a warning banner in the last 15 minutes, with Tear Down Now; and expired() when
/// the time is up, which the window answers by tearing the cluster down.
///
/// Rules: it reads the cluster's ResourceJournal (lease and machines) and changes nothing; no
/// lease, no machines: the label is hidden and nothing is said.
class CostGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kWarningSeconds = 15 * 60;

    CostGuard(const ResourceJournal *journal, QLabel *label, MessageBanner *banner, QObject *parent = nullptr);

    /// Replaces the clock (tests).
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    /// Reads the journal and the clock again now.
    void refresh();

Q_SIGNALS:
    void tearDownRequested();
    /// The lease ended: the machines are due for deletion. Emitted once per lease.
    void expired();

private:
    const ResourceJournal *m_journal;
    QPointer<QLabel> m_label;
    QPointer<MessageBanner> m_banner;
    QTimer *m_timer;
    std::function<QDateTime()> m_clock;
    bool m_expiredSaid = false;
};

} // namespace SparkDeck
