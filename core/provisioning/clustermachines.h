#pragma once

#include "provisioning/machine.h"
#include "provisioning/standalonerecipe.h"
#include "spec/clusterspec.h"

#include <QList>
#include <QObject>

namespace SparkDeck {

class SshSessionPool;

/// The machines of one cluster, made from its spec: this computer for `local`, one SshMachine
/// per listed host (all sharing the pool's one connection per host) for `existing`. Knows
/// which runs the master and where each worker goes, in the order workers are placed.
class ClusterMachines : public QObject
{
    Q_OBJECT
public:
    /// nullptr machines and an error message for providers that create machines (not yet here).
    ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, QObject *parent = nullptr);

    bool isValid() const { return m_master != nullptr; }
    QString errorMessage() const { return m_error; }

    Machine *master() const { return m_master; }
    const QList<Machine *> &machines() const { return m_machines; }
    /// Every place a worker can run, in placement order.
    const QList<WorkerSlot> &slots() const { return m_slots; }
    /// The first `count` slots (fewer when there are not enough).
    QList<WorkerSlot> firstSlots(int count) const { return m_slots.mid(0, count); }

private:
    Machine *m_master = nullptr;
    QList<Machine *> m_machines;
    QList<WorkerSlot> m_slots;
    QString m_error;
};

} // namespace SparkDeck
