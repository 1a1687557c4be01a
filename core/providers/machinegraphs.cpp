#include "machinegraphs.h"

#include "providers/createmachinestask.h"
#include "providers/destroyresourcestask.h"
#include "providers/machineprovider.h"
#include "provisioning/hosttag.h"
#include "provisioning/taskgroup.h"
#include "render/cloudinit.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::MachineGraphs)
};

Task *tagged(Task *task, const MachineProvider *provider)
{
    return HostTag::tag(task, provider->id());
}
} // namespace

QStringList MachineGraphs::machineNames(const ClusterSpec &spec)
{
    QStringList names;
    for (int i = 1; i <= spec.workers.count + 1; ++i)
        names << QStringLiteral("%1-%2").arg(spec.name).arg(i);
    return names;
}

Result<TaskGroup *> MachineGraphs::create(const ClusterSpec &spec, MachineProvider *provider,
                                          ResourceJournal *journal, SshSessionPool *pool,
                                          const MachineCreationOptions &options)
{
    CloudInitConfig cloudInit;
    // No host name: one user-data serves a batch, and providers name each machine themselves.
    cloudInit.user = spec.machines.ssh.user;
    cloudInit.sshPublicKey = options.sshPublicKey;
    const Result<QString> userData = CloudInitRenderer::userData(cloudInit);
    if (!userData)
        return Error{userData.errorMessage()};

    MachineRequest request;
    request.clusterName = spec.name;
    request.region = spec.machines.region;
    request.size = spec.machines.size;
    request.image = spec.machines.image;
    request.userData = *userData;
    request.sshPublicKey = options.sshPublicKey;
    request.sshSourceCidr = options.sshSourceCidr;

    const QStringList names = machineNames(spec);
    // Each round: create what is missing, wait until running, wait for SSH.
    const auto round = [&](const QStringList &machines) {
        auto *group = new TaskGroup(Tr::tr("Machines %1").arg(machines.join(QStringLiteral(", "))),
                                    TaskGroup::Mode::Sequence);
        MachineRequest some = request;
        some.names = machines;
        auto *create = new CreateMachinesTask(provider, journal, some);
        create->setLookupPolicy(3, options.lookupIntervalMs);
        group->addTask(tagged(create, provider));
        group->addTask(
            tagged(new WaitMachinesReadyTask(provider, journal, machines, options.poll), provider));
        group->addTask(
            tagged(new WaitSshReadyTask(pool, spec.machines.ssh, journal, machines, options.ssh),
                   provider));
        return group;
    };
    auto *graph = new TaskGroup(
        Tr::tr("Create the machines of cluster '%1' on %2").arg(spec.name, provider->id()),
        TaskGroup::Mode::Sequence);
    if (options.oneAtATime) {
        for (const QString &name : names)
            graph->addTask(round({name}));
    } else {
        graph->addTask(round(names));
    }
    return graph;
}

TaskGroup *MachineGraphs::destroy(const ClusterSpec &spec, MachineProvider *provider,
                                  ResourceJournal *journal)
{
    auto *graph = new TaskGroup(
        Tr::tr("Delete the machines of cluster '%1' on %2").arg(spec.name, provider->id()),
        TaskGroup::Mode::Sequence);
    graph->addTask(tagged(new DestroyResourcesTask(provider, journal, spec.name), provider));
    return graph;
}

} // namespace SparkDeck
