#pragma once

#include "providers/cloudresource.h"
#include "provisioning/machine.h"
#include "provisioning/standalonerecipe.h"
#include "spec/clusterspec.h"

#include <QList>
#include <QObject>

namespace SparkDeck {

class SshSessionPool;

/// The machines of one cluster, made from its spec: this computer for `local`, one SshMachine
/// per listed host (all sharing the pool's one connection per host) for `existing`, and for a
/// provider that creates machines one SshMachine per machine it created (from the resource
/// journal: reached at its public address, cluster traffic on its private one; the first is
/// the master's). Knows which runs the master and where each worker goes, in placement order.
class ClusterMachines : public QObject
{
    Q_OBJECT
public:
    ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, QObject *parent = nullptr);
    /// `provided`: the machines a provider created, in creation order; none yet means no
    /// machines and an error message saying to run `up`.
    ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, const QList<CloudResource> &provided,
                    QObject *parent = nullptr);

    bool isValid() const { return m_master != nullptr; }
    QString errorMessage() const { return m_error; }

    Machine *master() const { return m_master; }
    const QList<Machine *> &machines() const { return m_machines; }
    /// Every place a worker can run, in placement order.
    const QList<WorkerSlot> &slots() const { return m_slots; }
    /// The first `count` slots (fewer when there are not enough).
    QList<WorkerSlot> firstSlots(int count) const { return m_slots.mid(0, count); }

private:
    void addHosts(const ClusterSpec &spec, SshSessionPool *pool, const QHash<QString, QString> &privateAddresses);

    Machine *m_master = nullptr;
    QList<Machine *> m_machines;
    QList<WorkerSlot> m_slots;
    QString m_error;
};

} // namespace SparkDeck
