#include "standalonerecipe.h"

#include "provisioning/awaittask.h"
#include "provisioning/filehashtask.h"
#include "provisioning/hosttag.h"
#include "provisioning/scriptstep.h"
#include "provisioning/secrettask.h"
#include "provisioning/uploadstep.h"
#include "provisioning/sparkscripts.h"
#include "render/sparkconfig.h"
#include "ssh/shellcommand.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::StandaloneRecipe)
};

/// Learns the distribution's SHA-512: from the cluster file or from the `<url>.sha512` that
/// Apache publishes. (A local file is hashed by a FileHashTask.)
class ChecksumTask : public Task
{
public:
    ChecksumTask(const SparkSpec &spark, std::shared_ptr<RunContext> context)
        : Task(Tr::tr("Learn the distribution's SHA-512")), m_spark(spark), m_context(std::move(context))
    {}

protected:
    void run() override
    {
        if (!m_spark.sha512.isEmpty()) {
            m_context->sha512 = m_spark.sha512.toLower();
            finish(TaskOutcome::success());
        } else {
            fetchPublishedChecksum();
        }
    }
    void handleCancel() override
    {
        if (m_reply)
            m_reply->abort();
        finish(TaskOutcome::cancelled());
    }

private:
    void fetchPublishedChecksum()
    {
        const QUrl url(m_spark.distribution + QStringLiteral(".sha512"));
        QNetworkRequest request(url);
        request.setTransferTimeout(30000);
        m_reply = m_network.get(request);
        connect(m_reply, &QNetworkReply::finished, this, [this, url] {
            m_reply->deleteLater();
            if (m_reply->error() != QNetworkReply::NoError) {
                finish(TaskOutcome::failure(Tr::tr("Cannot fetch the checksum %1: %2. Put the distribution's "
                                                   "SHA-512 in the cluster file (spark.sha512).")
                                                .arg(url.toString(), m_reply->errorString()), true));
                return;
            }
            // Apache writes "<hash>  <file>" or, in older releases, "<file>: 1A2B 3C4D ..." on
            // several lines: keep the hex digits after any "name:".
            QString text = QString::fromLatin1(m_reply->readAll());
            if (text.contains(QLatin1Char(':')))
                text = text.section(QLatin1Char(':'), 1);
            else
                text = text.section(QLatin1Char(' '), 0, 0);
            text.remove(QRegularExpression(QStringLiteral("\\s")));
            if (!QRegularExpression(QStringLiteral("^[0-9a-fA-F]{128}$")).match(text).hasMatch()) {
                finish(TaskOutcome::failure(Tr::tr("%1 holds no SHA-512; put the checksum in the cluster file "
                                                   "(spark.sha512).").arg(url.toString())));
                return;
            }
            m_context->sha512 = text.toLower();
            finish(TaskOutcome::success());
        });
    }

    SparkSpec m_spark;
    std::shared_ptr<RunContext> m_context;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace

StandaloneRecipe::StandaloneRecipe(const ClusterSpec &spec, Machine *master, std::shared_ptr<RunContext> context)
    : m_spec(spec), m_layout(spec), m_master(master), m_context(std::move(context))
{}

QString StandaloneRecipe::hostOf(const QObject *task)
{
    return HostTag::of(task);
}

Task *StandaloneRecipe::tagged(Task *task, const Machine *machine) const
{
    return HostTag::tag(task, machine);
}

TaskGroup *StandaloneRecipe::sequence(const QString &title, const Machine *machine) const
{
    auto *group = new TaskGroup(title, TaskGroup::Mode::Sequence);
    tagged(group, machine);
    return group;
}

void StandaloneRecipe::addConfiguration(TaskGroup *group, Machine *machine) const
{
    const SparkNode node{machine->address(), m_master->address(), m_layout.sparkHome(), m_layout.root()};
    const QString envFile = m_layout.confDir() + QStringLiteral("/spark-env.sh");
    const QByteArray env = SparkConfigRenderer::sparkEnv(m_spec, node).toUtf8();
    group->addTask(tagged(new ScriptStep(Tr::tr("Write conf/spark-env.sh"), machine,
                                         SparkScripts::fileHasContent(envFile, env),
                                         SparkScripts::writeFile(envFile, env, 0644)), machine));
    const QString defaultsFile = m_layout.confDir() + QStringLiteral("/spark-defaults.conf");
    const ClusterSpec spec = m_spec;
    const std::shared_ptr<RunContext> context = m_context;
    auto defaults = [spec, node, context] { return SparkConfigRenderer::sparkDefaults(spec, node, context->secret).toUtf8(); };
    group->addTask(tagged(new ScriptStep(Tr::tr("Write conf/spark-defaults.conf (secret ********)"), machine,
                                         [=] { return SparkScripts::fileHasContent(defaultsFile, defaults()); },
                                         [=] { return SparkScripts::writeFile(defaultsFile, defaults(), 0600); }),
                          machine));
}

Task *StandaloneRecipe::installJava(Machine *machine) const
{
    auto *java = new ScriptStep(Tr::tr("Install a Java runtime"), machine, SparkScripts::javaPresent(), SparkScripts::installJava());
    java->setFailureHint(Tr::tr("Install Java 17 on the host by hand, or give the login user sudo rights"));
    return tagged(java, machine);
}

TaskGroup *StandaloneRecipe::bringSparkToMaster(bool shareDistribution) const
{
    TaskGroup *group = sequence(Tr::tr("Bring Spark to the master"), m_master);
    group->addTask(installJava(m_master));
    const SparkScripts scripts(m_layout);
    const std::shared_ptr<RunContext> context = m_context;
    auto cached = [scripts, context] { return scripts.distributionCached(context->sha512); };
    if (!m_localDistribution.isEmpty()) {
        const ClusterLayout layout = m_layout;
        group->addTask(tagged(new UploadStep(Tr::tr("Upload Spark from this computer (once)"), m_master, m_localDistribution,
                                             [layout, context] { return layout.cachedDistribution(context->sha512); }, cached),
                              m_master));
    } else {
        const QString url = m_spec.spark.distribution;
        auto *download = new ScriptStep(Tr::tr("Download Spark %1").arg(m_spec.spark.version), m_master, cached,
                                        [scripts, context, url] { return scripts.downloadDistribution(url, context->sha512); });
        download->setFailureHint(Tr::tr("Check that the master can reach %1").arg(QUrl(url).host()));
        group->addTask(tagged(download, m_master));
    }
    if (shareDistribution)
        group->addTask(shareStep());
    return group;
}

TaskGroup *StandaloneRecipe::startMaster() const
{
    TaskGroup *group = sequence(Tr::tr("Start the master"), m_master);
    const SparkScripts scripts(m_layout);
    const std::shared_ptr<RunContext> context = m_context;
    group->addTask(tagged(new ScriptStep(Tr::tr("Unpack Spark %1").arg(m_spec.spark.version), m_master,
                                         [scripts, context] { return scripts.unpacked(context->sha512); },
                                         [scripts, context] { return scripts.unpack(context->sha512); }),
                          m_master));
    addConfiguration(group, m_master);
    auto *start = new ScriptStep(Tr::tr("Start the master on %1:%2").arg(m_master->address()).arg(SparkPorts::kMaster),
                                 m_master, scripts.masterRunning(masterUnit().name), scripts.startMaster(masterUnit(), masterWatch()));
    start->setFailureHint(Tr::tr("See the master's log in %1").arg(m_layout.logDir()));
    start->setVerifyAfterApply(true);
    group->addTask(tagged(start, m_master));
    group->addTask(tagged(new ScriptStep(Tr::tr("Wait until the master is ALIVE"), m_master,
                                         SparkScripts::waitForMasterAlive(m_master->address(), SparkPorts::kMasterWebUi, 0),
                                         SparkScripts::waitForMasterAlive(m_master->address(), SparkPorts::kMasterWebUi, m_waitSeconds)),
                          m_master));
    return group;
}

TaskGroup *StandaloneRecipe::prepareWorkerHost(Machine *machine, const std::shared_ptr<CopyTree> &copies) const
{
    TaskGroup *group = sequence(Tr::tr("Prepare a worker host"), machine);
    group->addTask(installJava(machine));
    const SparkScripts scripts(m_layout);
    const std::shared_ptr<RunContext> context = m_context;
    const QString masterAddress = m_master->address();
    const int port = m_layout.sharingPort();
    const Machine *source = copies->add(machine);
    auto *fetch = new ScriptStep(source ? Tr::tr("Copy Spark from %1 and unpack it").arg(source->displayName())
                                        : Tr::tr("Copy Spark from the master and unpack it"),
                                 machine, [scripts, context] { return scripts.unpacked(context->sha512); },
                                 [scripts, context, copies, machine, masterAddress, port] {
                                     return scripts.fetchAndUnpack(
                                         copies->routeOf(machine, masterAddress, port, QStringLiteral("/spark.tgz")),
                                         context->sha512);
                                 });
    fetch->setFailureHint(Tr::tr("Check that this host reaches the master at %1 on port %2").arg(masterAddress).arg(port));
    copies->setCopyStep(machine, fetch);
    group->addTask(tagged(fetch, machine));
    addConfiguration(group, machine);
    return group;
}

Task *StandaloneRecipe::startWorker(const WorkerSlot &slot) const
{
    const SparkScripts scripts(m_layout);
    const SystemdUnit unit = SystemdUnitRenderer::worker(m_spec, m_layout, slot.instance,
                                                         SparkConfigRenderer::masterUrl(m_master->address()), slot.webUiPort);
    auto *start = new ScriptStep(Tr::tr("Start worker %1 (%2 cores, %3)")
                                     .arg(slot.instance)
                                     .arg(m_spec.workers.cores)
                                     .arg(m_spec.workers.memory.toSparkString()),
                                 slot.machine, scripts.workerRunning(slot.instance, unit.name),
                                 scripts.startWorker(slot.instance, slot.machine->address(), slot.webUiPort, masterWatch(), unit));
    start->setFailureHint(Tr::tr("See the worker's log in %1").arg(m_layout.logDir()));
    start->setVerifyAfterApply(true);
    return tagged(start, slot.machine);
}

TaskGroup *StandaloneRecipe::up(const QList<WorkerSlot> &workers, Task *preflight) const
{
    auto *run = new TaskGroup(Tr::tr("Bring up cluster '%1'").arg(m_spec.name), TaskGroup::Mode::Sequence);
    if (preflight) {
        // Hashing a local distribution changes nothing anywhere: it need not wait for preflight.
        auto *first = new TaskGroup(Tr::tr("Preflight, and the distribution's checksum meanwhile"), TaskGroup::Mode::Parallel);
        first->addTask(preflight);
        first->addTask(learnChecksum());
        run->addTask(first);
        run->addTask(readOrCreateSecret());
    } else {
        addPrelude(run);
    }

    QList<Machine *> workerMachines;
    for (const WorkerSlot &slot : workers) {
        if (slot.machine != m_master && !workerMachines.contains(slot.machine))
            workerMachines << slot.machine;
    }
    run->addTask(bringSparkToMaster(!workerMachines.isEmpty()));
    if (m_spec.sharedFolder.enabled)
        run->addTask(sharedFolder().exportSteps());
    run->addTask(addWorkers(workers, int(workers.size()), !workerMachines.isEmpty(), startMaster()));
    if (m_spec.jupyter.enabled)
        run->addTask(jupyter());
    return run;
}

TaskGroup *StandaloneRecipe::addWorkers(const QList<WorkerSlot> &workers, int aliveAfter) const
{
    auto *run = new TaskGroup(Tr::tr("Add workers to cluster '%1'").arg(m_spec.name), TaskGroup::Mode::Sequence);
    addPrelude(run);
    bool otherHosts = false;
    for (const WorkerSlot &slot : workers)
        otherHosts = otherHosts || slot.machine != m_master;
    if (otherHosts)
        run->addTask(shareStep());
    run->addTask(addWorkers(workers, aliveAfter, otherHosts, nullptr));
    return run;
}

void StandaloneRecipe::addPrelude(TaskGroup *run) const
{
    run->addTask(learnChecksum());
    run->addTask(readOrCreateSecret());
}

Task *StandaloneRecipe::learnChecksum() const
{
    const std::shared_ptr<RunContext> context = m_context;
    if (m_spec.spark.sha512.isEmpty() && !m_localDistribution.isEmpty()) {
        return tagged(new FileHashTask(Tr::tr("Learn the distribution's SHA-512"), m_localDistribution,
                                       [context](const QString &sha512) { context->sha512 = sha512; }),
                      nullptr);
    }
    return tagged(new ChecksumTask(m_spec.spark, m_context), nullptr);
}

Task *StandaloneRecipe::readOrCreateSecret() const
{
    const std::shared_ptr<RunContext> context = m_context;
    return tagged(new SecretTask(Tr::tr("Read or create the cluster's authentication secret"), m_master,
                                 SparkScripts(m_layout).readAuthenticationSecret(),
                                 [context](const Secret &secret) { context->secret = secret; }),
                  m_master);
}

Task *StandaloneRecipe::shareStep() const
{
    const SparkScripts scripts(m_layout);
    const std::shared_ptr<RunContext> context = m_context;
    const QString address = m_master->address();
    const int port = m_layout.sharingPort();
    return tagged(new ScriptStep(Tr::tr("Share Spark with the workers on port %1").arg(port), m_master,
                                 [scripts] { return scripts.sharingDistribution(); },
                                 [scripts, context, address, port] { return scripts.shareDistribution(context->sha512, address, port); }),
                  m_master);
}

TaskGroup *StandaloneRecipe::addWorkers(const QList<WorkerSlot> &workers, int aliveAfter, bool stopSharing,
                                        TaskGroup *masterStart) const
{
    auto *group = new TaskGroup(Tr::tr("Start the workers"), TaskGroup::Mode::Sequence);
    auto *hosts = new TaskGroup(Tr::tr("Worker hosts"), TaskGroup::Mode::Parallel, TaskGroup::FailurePolicy::TolerateErrors);
    const auto copies = std::make_shared<CopyTree>();
    QList<Machine *> seen;
    for (const WorkerSlot &slot : workers) {
        if (seen.contains(slot.machine))
            continue;
        seen << slot.machine;
        TaskGroup *host = slot.machine == m_master ? sequence(Tr::tr("Workers on the master's host"), slot.machine)
                                                   : prepareWorkerHost(slot.machine, copies);
        if (masterStart) // it is starting meanwhile
            host->addTask(tagged(new AwaitTask(Tr::tr("Wait for the master to start"), masterStart), slot.machine));
        if (m_spec.sharedFolder.enabled)
            host->addTask(sharedFolder().mountSteps(slot.machine));
        for (const WorkerSlot &other : workers) {
            if (other.machine == slot.machine)
                host->addTask(startWorker(other));
        }
        hosts->addTask(host);
    }
    if (masterStart) {
        // The workers copy Spark while the master unpacks and starts; its failure stops them.
        auto *together = new TaskGroup(Tr::tr("Start the master while the workers get Spark"), TaskGroup::Mode::Parallel);
        together->addTask(masterStart);
        together->addTask(hosts);
        group->addTask(together);
    } else {
        group->addTask(hosts);
    }
    if (stopSharing) {
        const SparkScripts scripts(m_layout);
        group->addTask(tagged(new ScriptStep(Tr::tr("Stop sharing Spark"), m_master, scripts.notSharingDistribution(),
                                             scripts.stopSharingDistribution()), m_master));
    }
    if (workers.isEmpty())
        return group;
    // A host that failed is named in the hosts group's message; wait only for the others.
    const QPointer<TaskGroup> hostGroup = hosts;
    const QString masterAddress = m_master->address();
    const int seconds = m_waitSeconds;
    QHash<QString, int> workersPerHost;
    for (const WorkerSlot &slot : workers)
        ++workersPerHost[slot.machine->displayName()];
    auto wait = [hostGroup, masterAddress, aliveAfter, workersPerHost](int seconds) {
        int lost = 0;
        for (Task *failed : hostGroup ? hostGroup->failedTasks() : QList<Task *>())
            lost += workersPerHost.value(hostOf(failed));
        return SparkScripts::waitForAliveWorkers(masterAddress, SparkPorts::kMasterWebUi, aliveAfter - lost, seconds);
    };
    group->addTask(tagged(new ScriptStep(Tr::tr("Wait until the master lists the workers ALIVE"), m_master,
                                         [wait] { return wait(0); }, [wait, seconds] { return wait(seconds); }),
                          m_master));
    return group;
}

SparkScripts::MasterWatch StandaloneRecipe::masterWatch() const
{
    return {m_master->address(), SparkPorts::kMasterWebUi, m_waitSeconds};
}

SystemdUnit StandaloneRecipe::masterUnit() const
{
    return SystemdUnitRenderer::master(m_spec, m_layout);
}

QString StandaloneRecipe::workerUnit(const WorkerSlot &slot) const
{
    return SystemdUnitRenderer::worker(m_spec, m_layout, slot.instance, SparkConfigRenderer::masterUrl(m_master->address()),
                                       slot.webUiPort).name;
}

SharedFolderRecipe StandaloneRecipe::sharedFolder() const
{
    return SharedFolderRecipe::forCluster(m_spec, m_master, m_machines);
}

TaskGroup *StandaloneRecipe::jupyter() const
{
    TaskGroup *group = sequence(Tr::tr("Jupyter on the master"), m_master);
    const SparkScripts scripts(m_layout);
    auto *install = new ScriptStep(Tr::tr("Install Jupyter"), m_master, SparkScripts::jupyterPresent(), SparkScripts::installJupyter());
    install->setFailureHint(Tr::tr("Install Jupyter Notebook on the master by hand (jupyter-notebook package, or pip)"));
    group->addTask(tagged(install, m_master));
    const std::shared_ptr<RunContext> context = m_context;
    group->addTask(tagged(new SecretTask(Tr::tr("Read or create Jupyter's token"), m_master, scripts.readJupyterToken(),
                                         [context](const Secret &token) { context->jupyterToken = token; }),
                          m_master));
    const QString tokenFile = scripts.jupyterTokenFile();
    auto token = [context] { return context->jupyterToken.reveal().toUtf8(); };
    group->addTask(tagged(new ScriptStep(Tr::tr("Write Jupyter's token (********)"), m_master,
                                         [=] { return SparkScripts::fileHasContent(tokenFile, token()); },
                                         [=] { return SparkScripts::writeFile(tokenFile, token(), 0600); }),
                          m_master));
    const QString address = m_master->address();
    auto *start = new ScriptStep(Tr::tr("Start Jupyter on %1:%2, wired to the cluster").arg(address).arg(SparkPorts::kJupyter), m_master,
                                 scripts.jupyterRunning(),
                                 scripts.startJupyter(address, SparkPorts::kJupyter, SparkConfigRenderer::masterUrl(address)));
    start->setVerifyAfterApply(true);
    start->setFailureHint(Tr::tr("See Jupyter's log in %1").arg(m_layout.logDir()));
    group->addTask(tagged(start, m_master));
    group->addTask(tagged(new ScriptStep(Tr::tr("Wait until Jupyter answers"), m_master,
                                         SparkScripts::waitForJupyter(address, SparkPorts::kJupyter, 0),
                                         SparkScripts::waitForJupyter(address, SparkPorts::kJupyter, m_waitSeconds)),
                          m_master));
    return group;
}

TaskGroup *StandaloneRecipe::removeWorkers(const QList<WorkerSlot> &workers) const
{
    auto *group = new TaskGroup(Tr::tr("Remove workers gracefully"), TaskGroup::Mode::Parallel, TaskGroup::FailurePolicy::ContinueOnError);
    const SparkScripts scripts(m_layout);
    for (const WorkerSlot &slot : workers) {
        TaskGroup *one = sequence(Tr::tr("Decommission worker %1").arg(slot.instance), slot.machine);
        one->addTask(tagged(new ScriptStep(Tr::tr("Decommission worker %1").arg(slot.instance), slot.machine,
                                           CommandRequest{}, scripts.decommissionWorker(slot.instance, workerUnit(slot))), slot.machine));
        one->addTask(tagged(new ScriptStep(Tr::tr("Wait until the master no longer lists it ALIVE"), m_master, CommandRequest{},
                                           SparkScripts::waitForWorkerGone(m_master->address(), SparkPorts::kMasterWebUi,
                                                                           slot.machine->address(), slot.webUiPort, m_waitSeconds)),
                            slot.machine));
        one->addTask(tagged(new ScriptStep(Tr::tr("Stop worker %1").arg(slot.instance), slot.machine,
                                           CommandRequest{}, scripts.stopWorker(slot.instance, workerUnit(slot))), slot.machine));
        group->addTask(one);
    }
    return group;
}

TaskGroup *StandaloneRecipe::down(const QList<WorkerSlot> &workers, bool deleteData) const
{
    auto *run = new TaskGroup(Tr::tr("Tear down cluster '%1'").arg(m_spec.name), TaskGroup::Mode::Sequence,
                              TaskGroup::FailurePolicy::ContinueOnError);
    const SparkScripts scripts(m_layout);
    auto *stopWorkers = new TaskGroup(Tr::tr("Stop the workers"), TaskGroup::Mode::Parallel, TaskGroup::FailurePolicy::ContinueOnError);
    for (const WorkerSlot &slot : workers) {
        stopWorkers->addTask(tagged(new ScriptStep(Tr::tr("Stop worker %1").arg(slot.instance), slot.machine,
                                                   CommandRequest{}, scripts.stopWorker(slot.instance, workerUnit(slot))), slot.machine));
    }
    run->addTask(stopWorkers);
    run->addTask(tagged(new ScriptStep(Tr::tr("Stop Jupyter"), m_master, CommandRequest{}, scripts.stopJupyter()), m_master));
    run->addTask(tagged(new ScriptStep(Tr::tr("Stop the master"), m_master, CommandRequest{}, scripts.stopMaster(masterUnit().name)), m_master));
    run->addTask(tagged(new ScriptStep(Tr::tr("Stop sharing Spark"), m_master, CommandRequest{}, scripts.stopSharingDistribution()), m_master));
    // Unmount before the files go: a mount must never be under a directory being removed.
    QList<Machine *> workerMachines;
    for (const WorkerSlot &slot : workers) {
        if (!workerMachines.contains(slot.machine))
            workerMachines << slot.machine;
    }
    run->addTask(sharedFolder().removeSteps(workerMachines, deleteData));
    auto *remove = new TaskGroup(Tr::tr("Remove the cluster's files"), TaskGroup::Mode::Parallel, TaskGroup::FailurePolicy::ContinueOnError);
    for (Machine *machine : m_machines)
        remove->addTask(tagged(new ScriptStep(Tr::tr("Remove %1").arg(m_layout.root()), machine, CommandRequest{},
                                              scripts.removeClusterFiles()), machine));
    run->addTask(remove);
    return run;
}

} // namespace SparkDeck
