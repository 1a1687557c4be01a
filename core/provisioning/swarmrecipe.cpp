#include "swarmrecipe.h"

#include "provisioning/filehashtask.h"
#include "provisioning/hosttag.h"
#include "provisioning/scriptstep.h"
#include "provisioning/secrettask.h"
#include "provisioning/sparkscripts.h"
#include "provisioning/swarmscripts.h"
#include "provisioning/uploadstep.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::SwarmRecipe)
};
} // namespace

SwarmRecipe::SwarmRecipe(const ClusterSpec &spec, Machine *master,
                         std::shared_ptr<RunContext> context)
    : m_spec(spec)
    , m_layout(spec)
    , m_master(master)
    , m_context(std::move(context))
{}

Task *SwarmRecipe::tagged(Task *task, const Machine *machine) const
{
    return HostTag::tag(task, machine);
}

SwarmStack SwarmRecipe::stack(int workers) const
{
    SwarmStack stack = SwarmStack::forCluster(m_spec, m_master->address());
    stack.workers = workers;
    return stack;
}

QList<Machine *> SwarmRecipe::workerMachines() const
{
    QList<Machine *> workers;
    for (Machine *machine : m_machines) {
        if (machine != m_master)
            workers << machine;
    }
    return workers;
}

TaskGroup *SwarmRecipe::onEveryMachine(const QString &title, const QList<Machine *> &machines,
                                       const std::function<Task *(Machine *)> &step,
                                       TaskGroup::FailurePolicy policy) const
{
    auto *group = new TaskGroup(title, TaskGroup::Mode::Parallel, policy);
    for (Machine *machine : machines)
        group->addTask(tagged(step(machine), machine));
    return group;
}

SharedFolderRecipe SwarmRecipe::sharedFolder() const
{
    return SharedFolderRecipe::forCluster(m_spec, m_master, m_machines);
}

TaskGroup *SwarmRecipe::up(int workers) const
{
    auto *run = new TaskGroup(Tr::tr("Bring up cluster '%1' on Docker swarm").arg(m_spec.name),
                              TaskGroup::Mode::Sequence);
    run->addTask(onEveryMachine(Tr::tr("Docker on every host"), m_machines, [](Machine *machine) {
        auto *docker = new ScriptStep(Tr::tr("Install Docker"), machine,
                                      SwarmScripts::dockerReady(), SwarmScripts::installDocker());
        docker->setFailureHint(Tr::tr("Install Docker (docker.io) on the host and start it, or "
                                      "give the login user sudo rights"));
        docker->setVerifyAfterApply(true);
        return docker;
    }));
    run->addTask(swarm());
    const SwarmStack deployed = stack(workers);
    const SwarmScripts scripts(m_layout, deployed);
    run->addTask(
        tagged(new ScriptStep(Tr::tr("Create the overlay network %1").arg(deployed.networkName),
                              m_master, scripts.networkPresent(), scripts.createNetwork()),
               m_master));
    const std::shared_ptr<RunContext> context = m_context;
    // A Docker secret cannot be read back, nor changed under running services: one made by an
    // earlier run stays, and only a new one needs a value.
    run->addTask(tagged(
        new ScriptStep(
            Tr::tr("Create the authentication secret %1 (********)").arg(deployed.secretName),
            m_master, [scripts] { return scripts.secretPresent(); },
            [scripts, context] {
                if (context->secret.isEmpty())
                    context->secret = Secret::generate();
                return scripts.createSecret(context->secret);
            }),
        m_master));
    run->addTask(image());
    if (m_spec.sharedFolder.enabled)
        run->addTask(sharedFolder().exportSteps());
    const QByteArray stackFile = renderSwarmStack(deployed).toUtf8();
    run->addTask(
        tagged(new ScriptStep(Tr::tr("Write the stack file"), m_master,
                              SparkScripts::fileHasContent(scripts.stackFile(), stackFile),
                              SparkScripts::writeFile(scripts.stackFile(), stackFile, 0644)),
               m_master));
    auto *deploy = new ScriptStep(
        Tr::tr("Deploy stack %1 (%2 workers)").arg(deployed.stackName).arg(workers), m_master,
        CommandRequest{}, scripts.deployStack());
    run->addTask(tagged(deploy, m_master));
    addWaitsForWorkers(run, scripts, workers);
    return run;
}

TaskGroup *SwarmRecipe::swarm() const
{
    auto *group = new TaskGroup(Tr::tr("The swarm"), TaskGroup::Mode::Sequence);
    HostTag::tag(group, m_master);
    const SwarmScripts scripts(m_layout, stack(0));
    const QString managerAddress = m_master->address();
    auto *init
        = new ScriptStep(Tr::tr("Create the swarm, advertising %1").arg(managerAddress), m_master,
                         scripts.managesOurSwarm(), scripts.initSwarm(managerAddress));
    init->setVerifyAfterApply(true);
    group->addTask(tagged(init, m_master));
    const QList<Machine *> workers = workerMachines();
    if (!workers.isEmpty()) {
        const std::shared_ptr<RunContext> context = m_context;
        group->addTask(
            tagged(new SecretTask(Tr::tr("Read the swarm's join token"), m_master,
                                  SwarmScripts::readJoinToken(),
                                  [context](const Secret &token) { context->joinToken = token; }),
                   m_master));
        group->addTask(onEveryMachine(
            Tr::tr("Join the swarm"), workers, [managerAddress, context](Machine *machine) {
                const QString own = machine->address();
                auto *join = new ScriptStep(
                    Tr::tr("Join the swarm of %1 (token ********)").arg(managerAddress), machine,
                    [managerAddress] { return SwarmScripts::joinedTo(managerAddress); },
                    [managerAddress, own, context] {
                        return SwarmScripts::join(managerAddress, own, context->joinToken);
                    });
                join->setFailureHint(Tr::tr("Check that this host reaches %1 on ports 2377/tcp, "
                                            "7946/tcp+udp and 4789/udp")
                                         .arg(managerAddress));
                join->setVerifyAfterApply(true);
                return join;
            }));
    }
    group->addTask(tagged(new ScriptStep(Tr::tr("Label the nodes for placement"), m_master,
                                         SwarmScripts::nodesLabelled(), SwarmScripts::labelNodes()),
                          m_master));
    return group;
}

TaskGroup *SwarmRecipe::image() const
{
    if (!m_imageArchive.isEmpty())
        return imageFromArchive();
    const SwarmScripts scripts(m_layout, stack(0));
    const QString image = m_spec.spark.image;
    return onEveryMachine(
        Tr::tr("The image %1 on every node").arg(image), m_machines,
        [scripts, image](Machine *machine) {
            auto *pull = new ScriptStep(Tr::tr("Pull %1").arg(image), machine,
                                        scripts.imagePresent(), scripts.pullImage());
            pull->setFailureHint(Tr::tr("Check that the host reaches the image's registry, or give "
                                        "an image archive (spark.image_archive)"));
            return pull;
        });
}

TaskGroup *SwarmRecipe::imageFromArchive() const
{
    auto *group = new TaskGroup(Tr::tr("The image %1 from an archive").arg(m_spec.spark.image),
                                TaskGroup::Mode::Sequence);
    HostTag::tag(group, m_master);
    const std::shared_ptr<RunContext> context = m_context;
    group->addTask(tagged(
        new FileHashTask(Tr::tr("Learn the image archive's SHA-512"), m_imageArchive,
                         [context](const QString &sha512) { context->imageSha512 = sha512; }),
        nullptr));
    const SwarmScripts scripts(m_layout, stack(0));
    const ClusterLayout layout = m_layout;
    const QString image = m_spec.spark.image;
    auto load = [scripts, context, image](Machine *machine) {
        auto *step = new ScriptStep(
            Tr::tr("Load %1").arg(image), machine, [scripts] { return scripts.imagePresent(); },
            [scripts, context] { return scripts.loadImage(context->imageSha512); });
        step->setVerifyAfterApply(true);
        step->setFailureHint(Tr::tr("The archive must hold the image %1 (spark.image)").arg(image));
        return step;
    };
    // The master keeps the archive (by checksum) while the cluster exists, for nodes that lack
    // the image now or later; a worker that has the image fetches nothing.
    auto archiveCached = [layout, context] {
        return SparkScripts::fileCached(layout.cachedImage(context->imageSha512),
                                        context->imageSha512);
    };
    auto imageOrArchive = [scripts, archiveCached] {
        CommandRequest check = archiveCached();
        check.script = QStringLiteral("{ %1; } && exit 0; %2")
                           .arg(scripts.imagePresent().script, check.script);
        return check;
    };
    group->addTask(tagged(
        new UploadStep(
            Tr::tr("Upload the image archive from this computer (once)"), m_master, m_imageArchive,
            [layout, context] { return layout.cachedImage(context->imageSha512); }, archiveCached),
        m_master));
    group->addTask(tagged(load(m_master), m_master));
    const QList<Machine *> workers = workerMachines();
    if (workers.isEmpty())
        return group;
    const SparkScripts spark(m_layout);
    const QString address = m_master->address();
    const int port = m_layout.sharingPort();
    group->addTask(
        tagged(new ScriptStep(
                   Tr::tr("Share the image archive with the workers on port %1").arg(port),
                   m_master, [spark] { return spark.sharingDistribution(); },
                   [spark, context, address, port] {
                       return spark.shareDistribution(context->imageSha512, address, port);
                   }),
               m_master));
    auto *fanOut = new TaskGroup(Tr::tr("Worker nodes"), TaskGroup::Mode::Parallel);
    const auto copies = std::make_shared<CopyTree>();
    for (Machine *machine : workers) {
        auto *node = new TaskGroup(Tr::tr("The image on a worker node"), TaskGroup::Mode::Sequence);
        HostTag::tag(node, machine);
        const Machine *source = copies->add(machine);
        auto *fetch = new ScriptStep(
            source ? Tr::tr("Copy the image archive from %1").arg(source->displayName())
                   : Tr::tr("Copy the image archive from the master"),
            machine, imageOrArchive, [layout, context, copies, machine, address, port] {
                return SparkScripts::fetchFile(
                    copies->routeOf(machine, address, port, QStringLiteral("/image.tar")),
                    context->imageSha512, layout.cachedImage(context->imageSha512));
            });
        copies->setCopyStep(machine, fetch);
        fetch->setFailureHint(Tr::tr("Check that this host reaches the master at %1 on port %2")
                                  .arg(address)
                                  .arg(port));
        node->addTask(tagged(fetch, machine));
        node->addTask(tagged(load(machine), machine));
        fanOut->addTask(node);
    }
    group->addTask(fanOut);
    group->addTask(
        tagged(new ScriptStep(Tr::tr("Stop sharing the image archive"), m_master,
                              spark.notSharingDistribution(), spark.stopSharingDistribution()),
               m_master));
    return group;
}

void SwarmRecipe::addWaitsForWorkers(TaskGroup *run, const SwarmScripts &scripts, int workers) const
{
    run->addTask(
        tagged(new ScriptStep(Tr::tr("Wait until every service runs all its replicas"), m_master,
                              scripts.waitForReplicas(0), scripts.waitForReplicas(m_waitSeconds)),
               m_master));
    // Through the port the master service publishes on its node (mode: host).
    const QString address = m_master->address();
    const int port = stack(workers).masterWebUiPort;
    run->addTask(tagged(
        new ScriptStep(
            Tr::tr("Wait until the master lists %1 workers ALIVE").arg(workers), m_master,
            SparkScripts::waitForExactlyAliveWorkers(address, port, workers, 0),
            SparkScripts::waitForExactlyAliveWorkers(address, port, workers, m_waitSeconds)),
        m_master));
}

TaskGroup *SwarmRecipe::scale(int workers) const
{
    auto *run
        = new TaskGroup(Tr::tr("Scale cluster '%1' to %2 workers").arg(m_spec.name).arg(workers),
                        TaskGroup::Mode::Sequence);
    const SwarmScripts scripts(m_layout, stack(workers));
    run->addTask(tagged(
        new ScriptStep(
            Tr::tr("Scale service %1 to %2").arg(stack(workers).workerService()).arg(workers),
            m_master, CommandRequest{}, scripts.scaleWorkers(workers)),
        m_master));
    addWaitsForWorkers(run, scripts, workers);
    return run;
}

TaskGroup *SwarmRecipe::down(bool deleteData) const
{
    auto *run = new TaskGroup(Tr::tr("Tear down cluster '%1' on Docker swarm").arg(m_spec.name),
                              TaskGroup::Mode::Sequence, TaskGroup::FailurePolicy::ContinueOnError);
    const SwarmScripts scripts(m_layout, stack(0));
    const int seconds = m_waitSeconds;
    run->addTask(tagged(new ScriptStep(Tr::tr("Remove stack %1").arg(m_spec.name), m_master,
                                       CommandRequest{}, scripts.removeStack()),
                        m_master));
    const auto continuing = TaskGroup::FailurePolicy::ContinueOnError;
    run->addTask(onEveryMachine(
        Tr::tr("Wait until the stack's containers are gone"), m_machines,
        [scripts, seconds](Machine *machine) {
            return new ScriptStep(Tr::tr("Wait until the stack's containers are gone"), machine,
                                  CommandRequest{}, scripts.waitForContainersGone(seconds));
        },
        continuing));
    run->addTask(tagged(new ScriptStep(Tr::tr("Remove the overlay network"), m_master,
                                       CommandRequest{}, scripts.removeNetwork()),
                        m_master));
    run->addTask(tagged(new ScriptStep(Tr::tr("Remove the authentication secret"), m_master,
                                       CommandRequest{}, scripts.removeSecret()),
                        m_master));
    // The volumes only name the shared folder's export: its data stays on the server.
    run->addTask(onEveryMachine(
        Tr::tr("Remove the stack's volumes"), m_machines,
        [scripts](Machine *machine) {
            return new ScriptStep(Tr::tr("Remove the stack's volumes"), machine, CommandRequest{},
                                  scripts.removeVolumes());
        },
        continuing));
    run->addTask(sharedFolder().removeSteps(workerMachines(), deleteData));
    const QString managerAddress = m_master->address();
    run->addTask(onEveryMachine(
        Tr::tr("Leave the swarm"), workerMachines(),
        [managerAddress](Machine *machine) {
            return new ScriptStep(Tr::tr("Leave the swarm of %1").arg(managerAddress), machine,
                                  CommandRequest{}, SwarmScripts::leaveSwarmOf(managerAddress));
        },
        continuing));
    run->addTask(tagged(new ScriptStep(Tr::tr("Dissolve the swarm"), m_master, CommandRequest{},
                                       scripts.leaveOurSwarm()),
                        m_master));
    const SparkScripts spark(m_layout);
    run->addTask(tagged(new ScriptStep(Tr::tr("Stop sharing the image archive"), m_master,
                                       CommandRequest{}, spark.stopSharingDistribution()),
                        m_master));
    run->addTask(onEveryMachine(
        Tr::tr("Remove the cluster's files"), m_machines,
        [spark, this](Machine *machine) {
            return new ScriptStep(Tr::tr("Remove %1").arg(m_layout.root()), machine,
                                  CommandRequest{}, spark.removeClusterFiles());
        },
        continuing));
    return run;
}

} // namespace SparkDeck
