#include "clustermachines.h"

#include "provisioning/localmachine.h"
#include "provisioning/sshmachine.h"
#include "render/sparkconfig.h"
#include "ssh/sshsessionpool.h"

namespace SparkDeck {

ClusterMachines::ClusterMachines(const ClusterSpec &spec, SshSessionPool *pool, QObject *parent)
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
    if (spec.machines.provider != Provider::Existing) {
        m_error = tr("Provider '%1' cannot create machines yet; use 'existing' or 'local'.")
                      .arg(toString(spec.machines.provider));
        return;
    }
    const HostSpec master = *spec.masterHost();
    QHash<QString, Machine *> byAddress;
    for (const HostSpec &host : spec.machines.hosts) {
        const SshTarget target = SshTarget::fromSpec(spec.machines.ssh, host);
        auto *machine = new SshMachine(pool->session(target), host.address, this);
        byAddress.insert(host.address, machine);
        m_machines << machine;
        if (host == master)
            m_master = machine;
    }
    for (const HostSpec &host : spec.workerHosts())
        m_slots << WorkerSlot{byAddress.value(host.address), 1, SparkPorts::kWorkerWebUi};
}

} // namespace SparkDeck
