#pragma once

#include <QObject>

class QSocketNotifier;

namespace SparkDeck::Cli {

/// Turns Ctrl+C (SIGINT) and SIGTERM into a Qt signal, for commands that hold (tunnel) or that
/// cancel cleanly (copy). The handler only writes a byte to a socket pair that the event loop
/// reads, as a signal handler must. One at a time; the previous handlers come back when it goes.
class InterruptWatcher : public QObject
{
    Q_OBJECT
public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }
    /// The last signal received (0 when none).
    int lastSignal() const { return m_lastSignal; }

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void handleActivated();

    QSocketNotifier *m_notifier = nullptr;
    int m_lastSignal = 0;
};

} // namespace SparkDeck::Cli
