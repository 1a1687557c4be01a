#include "clustermachines.h"

#include "provisioning/localmachine.h"
#include "provisioning/sshmachine.h"
#include "render/sparkconfig.h"
#include "ssh/sshsessionpool.h"

namespace SparkDeck {

ClusterMachines::ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, QObject *parent)
    : ClusterMachines(spec, pool, {}, parent)
{}

ClusterMachines::ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, const QList<CloudResource> &provided,
                                 QObject *parent)
    : QObject(parent)
{
    if (spec.machines.provider == Provider::Local) {
        m_master = new LocalMachine(QStringLiteral("127.0.0.1"), this);
        m_machines << m_master;
        // Several workers on one computer: Spark's instance numbers, one web UI port each.
        for (int instance = 1; instance <= Limits::kMaxWorkers && instance <= 64; ++instance)
            m_slots << WorkerSlot{m_master, instance, SparkPorts::kWorkerWebUi + instance - 1};
        return;
    }
    if (spec.machines.provider == Provider::Existing) {
        addHosts(spec, pool, {});
        return;
    }
    if (provided.isEmpty()) {
        m_error = tr("Cluster '%1' has no machines on %2 yet; 'up' creates them.")
                      .arg(spec.name, toString(spec.machines.provider));
        return;
    }
    ClusterSpec created = spec;
    QHash<QString, QString> privateAddresses;
    for (const CloudResource &machine : provided) {
        HostSpec host;
        host.address = machine.publicAddress;
        host.role = created.machines.hosts.isEmpty() ? HostRole::Master : HostRole::Unassigned;
        created.machines.hosts << host;
        if (!machine.privateAddress.isEmpty())
            privateAddresses.insert(machine.publicAddress, machine.privateAddress);
    }
    addHosts(created, pool, privateAddresses);
}

void ClusterMachines::addHosts(const ClusterSpec &spec, SshSessionPool *pool, const QHash<QString, QString> &privateAddresses)
{
    const HostSpec master = *spec.masterHost();
    QHash<QString, Machine *> byAddress;
    for (const HostSpec &host : spec.machines.hosts) {
        const SshTarget target = SshTarget::fromSpec(spec.machines.ssh, host);
        auto *machine = new SshMachine(pool->session(target), privateAddresses.value(host.address, host.address), this);
        byAddress.insert(host.address, machine);
        m_machines << machine;
        if (host == master)
            m_master = machine;
    }
    for (const HostSpec &host : spec.workerHosts())
        m_slots << WorkerSlot{byAddress.value(host.address), 1, SparkPorts::kWorkerWebUi};
}

} // namespace SparkDeck
