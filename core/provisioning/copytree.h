#pragma once

#include "provisioning/machine.h"
#include "provisioning/task.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace SparkDeck {

/// Where a worker host copies a file from, and to how many hosts it passes it on meanwhile.
struct CopyRoute
{
    /// Tried in order: a host that passes the file on, then the master (the last).
    QStringList urls;
    /// How long a host that does not listen yet is waited for before the next source.
    int patienceSeconds = 10;
    QString relayAddress;
    int relayPort = 0;
    /// 0: this host passes nothing on.
    int relayHosts = 0;
};

/// Which host each worker host copies Spark from. The master sends it to kFanOut hosts; each
/// of those passes it on to kFanOut more while it unpacks, and so on: no host sends more than
/// kFanOut copies whatever the worker count, and every level starts receiving a moment after
/// the one above it. A host whose source has already finished its copy takes the master's.
class CopyTree
{
public:
    static constexpr int kFanOut = 2;

    /// Adds the next worker host; returns the host it copies from, nullptr for the master.
    Machine *add(Machine *host);
    /// The step that copies Spark onto the host: it tells whether the host still passes it on.
    void setCopyStep(const Machine *host, Task *step);

    /// The host it copies from; nullptr for the master.
    Machine *sourceOf(const Machine *host) const;
    QList<Machine *> receiversOf(const Machine *host) const;

    /// When its copy starts: the source, if that one is still to copy or copying (and so
    /// passes it on); nullptr for the master.
    Machine *liveSourceOf(const Machine *host) const;
    /// When its copy starts: how many of its receivers are still to copy.
    int receiversStillToCopy(const Machine *host) const;
    /// When its copy starts: `path` from its live source, else from the master; passed on to
    /// the receivers still to copy. Every host serves on `port` of its own address.
    CopyRoute routeOf(const Machine *host, const QString &masterAddress, int port, const QString &path) const;

private:
    int indexOf(const Machine *host) const;
    static bool finished(const QPointer<Task> &step);

    QList<Machine *> m_hosts;
    QHash<const Machine *, QPointer<Task>> m_copySteps;
};

} // namespace SparkDeck
