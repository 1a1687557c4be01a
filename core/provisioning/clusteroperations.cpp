#include "clusteroperations.h"

#include "providers/providerregistry.h"
#include "provisioning/preflightgate.h"
#include "ssh/knownhosts.h"
#include "ssh/sshtarget.h"

#include <QUrl>

namespace SparkDeck {

ClusterOperations::ClusterOperations(const ClusterSpec &spec, const QString &stateDirectory,
                                     SshSessionPool *pool, QObject *parent)
    : QObject(parent), m_spec(spec), m_stateDirectory(stateDirectory), m_pool(pool), m_state(stateDirectory)
{}

Status ClusterOperations::open(bool requireMachines)
{
    m_resources = std::make_unique<ResourceJournal>(m_stateDirectory);
    if (ProviderRegistry::createsMachines(m_spec.machines.provider)) {
        const Status loaded = m_resources->load();
        if (!loaded)
            return loaded;
    }
    openMachines();
    if (!m_machines->isValid() && requireMachines)
        return Error{m_machines->errorMessage()};
    m_journal = std::make_unique<RunJournal>(m_stateDirectory);
    return m_journal->load();
}

void ClusterOperations::openMachines()
{
    m_machines = std::make_unique<ClusterMachines>(m_spec, m_pool, m_resources->liveMachines());
}

Result<OperationRunner *> ClusterOperations::createMachines(MachineProvider *provider, const MachineCreationOptions &options)
{
    const Result<TaskGroup *> graph = MachineGraphs::create(m_spec, provider, m_resources.get(), m_pool, options);
    if (!graph)
        return Error{graph.errorMessage()};
    if (!m_resources->leaseStarted()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto expires = m_spec.machines.expiresAfter
                                 ? std::optional<QDateTime>(now.addSecs(m_spec.machines.expiresAfter->seconds()))
                                 : std::nullopt;
        const Status leased = m_resources->setLease(now, expires);
        if (!leased)
            return Error{leased.errorMessage()};
    }
    auto *runner = new OperationRunner(QStringLiteral("machines"), *graph, m_journal.get(), this);
    connect(runner, &OperationRunner::finished, this, [this] { openMachines(); });
    return runner;
}

Result<OperationRunner *> ClusterOperations::destroyMachines(MachineProvider *provider)
{
    auto *runner = new OperationRunner(QStringLiteral("destroy"), MachineGraphs::destroy(m_spec, provider, m_resources.get()),
                                       m_journal.get(), this);
    QStringList addresses;
    for (const CloudResource &machine : m_resources->liveMachines())
        addresses << machine.publicAddress;
    connect(runner, &OperationRunner::finished, this, [this, runner, addresses](const TaskOutcome &outcome) {
        openMachines();
        if (!outcome.succeeded())
            return;
        QStringList problems;
        for (const Status &status : {m_resources->clearLease(), m_resources->forgetSettled(), m_state.remove(),
                                     forgetHostKeys(addresses)}) {
            if (!status)
                problems << status.errorMessage();
        }
        if (!problems.isEmpty())
            Q_EMIT runner->journalProblem(problems.join(QLatin1Char(' ')));
    });
    return runner;
}

bool ClusterOperations::lastRunTearsDown() const
{
    const QString operation = m_journal->lastRun().value(QLatin1String("operation")).toString();
    return operation == QLatin1String("down") || operation == QLatin1String("destroy");
}

bool ClusterOperations::sparkIsUp() const
{
    const QJsonObject last = m_journal->lastRun();
    if (last.isEmpty() || last.value(QLatin1String("operation")).toString() == QLatin1String("machines"))
        return false;
    return !(lastRunTearsDown() && last.value(QLatin1String("outcome")).toString() == QLatin1String("succeeded"));
}

int ClusterOperations::currentWorkerCount() const
{
    return m_state.workerCount(m_spec.workers.count);
}

int ClusterOperations::maxWorkers() const
{
    // Swarm places worker replicas itself, several to a node when asked.
    return isSwarm() ? Limits::kMaxWorkers : int(m_machines->slots().size());
}

QList<WorkerPlace> ClusterOperations::workerPlaces() const
{
    QList<WorkerPlace> places;
    if (isSwarm()) {
        places.fill(WorkerPlace{}, maxWorkers());
        return places;
    }
    for (const WorkerSlot &slot : m_machines->slots())
        places << WorkerPlace{slot.machine->address(), slot.webUiPort};
    return places;
}

SwarmRecipe ClusterOperations::swarmRecipe(const std::shared_ptr<RunContext> &context) const
{
    SwarmRecipe recipe(m_spec, m_machines->master(), context);
    recipe.setMachines(m_machines->machines());
    if (!m_spec.spark.imageArchive.isEmpty())
        recipe.setImageArchive(SshTarget::expandHome(m_spec.spark.imageArchive));
    return recipe;
}

StandaloneRecipe ClusterOperations::recipe(const std::shared_ptr<RunContext> &context) const
{
    StandaloneRecipe recipe(m_spec, m_machines->master(), context);
    recipe.setMachines(m_machines->machines());
    const QString distribution = m_spec.spark.distribution;
    if (!distribution.startsWith(QLatin1String("https://"))) {
        const QString path = distribution.startsWith(QLatin1String("file:")) ? QUrl(distribution).toLocalFile()
                                                                            : distribution;
        recipe.setLocalDistribution(SshTarget::expandHome(path));
    }
    return recipe;
}

OperationRunner *ClusterOperations::runner(const QString &operation, TaskGroup *graph,
                                           const std::shared_ptr<RunContext> &context, int workersAfter)
{
    auto *runner = new OperationRunner(operation, graph, m_journal.get(), this);
    runner->setSecretSource([context] { return context->secret; });
    connect(runner, &OperationRunner::finished, this, [this, runner, workersAfter](const TaskOutcome &outcome) {
        if (!outcome.succeeded())
            return;
        const Status saved = workersAfter < 0 ? m_state.remove() : m_state.setWorkerCount(workersAfter);
        if (!saved.ok())
            Q_EMIT runner->journalProblem(saved.errorMessage());
    });
    return runner;
}

Status ClusterOperations::forgetHostKeys(const QStringList &addresses) const
{
    // A deleted machine's address goes to the next machine someone creates, with a new key.
    Result<KnownHosts> knownHosts = KnownHosts::load(SshTarget::expandHome(m_spec.machines.ssh.knownHosts));
    if (!knownHosts)
        return Error{knownHosts.errorMessage()};
    KnownHosts file = std::move(knownHosts).value();
    for (const QString &address : addresses) {
        const Status forgotten = file.forget(address, m_spec.machines.ssh.port);
        if (!forgotten)
            return forgotten;
    }
    return success();
}

Result<OperationRunner *> ClusterOperations::up()
{
    if (!hasMachines())
        return Error{m_machines->errorMessage()};
    const int count = m_spec.workers.count;
    if (count > maxWorkers())
        return Error{tr("%1 workers were asked for but the machines hold %2.").arg(count).arg(maxWorkers())};
    auto context = std::make_shared<RunContext>();
    // Preflight first: nothing changes on any host until every host passed it.
    auto *preflight = new PreflightGate(m_spec, Preflight::hostsFor(m_spec, *m_machines));
    if (!isSwarm())
        return runner(QStringLiteral("up"), recipe(context).up(m_machines->firstSlots(count), preflight), context, count);
    auto *run = new TaskGroup(tr("Bring up cluster '%1'").arg(m_spec.name), TaskGroup::Mode::Sequence);
    run->addTask(preflight);
    run->addTask(swarmRecipe(context).up(count));
    return runner(QStringLiteral("up"), run, context, count);
}

Result<OperationRunner *> ClusterOperations::scale(int workers)
{
    if (!hasMachines())
        return Error{m_machines->errorMessage()};
    if (workers < 0 || workers > maxWorkers()) {
        return Error{isSwarm() ? tr("%1 workers were asked for; a cluster holds 0 to %2.").arg(workers).arg(maxWorkers())
                               : tr("%1 workers were asked for but the machines hold %2 (one worker per host); add "
                                    "hosts to the cluster file.").arg(workers).arg(maxWorkers())};
    }
    const int current = currentWorkerCount();
    if (workers == current)
        return Error{tr("Cluster '%1' already has %2 workers.").arg(m_spec.name).arg(current)};
    auto context = std::make_shared<RunContext>();
    if (isSwarm())
        return runner(QStringLiteral("scale"), swarmRecipe(context).scale(workers), context, workers);
    const StandaloneRecipe scaler = recipe(context);
    const QList<WorkerSlot> slots = m_machines->slots();
    TaskGroup *graph = workers > current ? scaler.addWorkers(slots.mid(current, workers - current), workers)
                                         : scaler.removeWorkers(slots.mid(workers, current - workers));
    return runner(QStringLiteral("scale"), graph, context, workers);
}

Result<OperationRunner *> ClusterOperations::down(bool deleteData)
{
    if (!hasMachines())
        return Error{m_machines->errorMessage()};
    if (isSwarm()) {
        auto context = std::make_shared<RunContext>();
        return runner(QStringLiteral("down"), swarmRecipe(context).down(deleteData), context, -1);
    }
    // Every worker that may run, not only the last count: a crashed scale may have left more.
    // (On this computer the slots are many instance numbers: the counts bound them.)
    const int count = m_spec.machines.provider == Provider::Local
                          ? qMax(currentWorkerCount(), m_spec.workers.count)
                          : maxWorkers();
    auto context = std::make_shared<RunContext>();
    return runner(QStringLiteral("down"), recipe(context).down(m_machines->firstSlots(count), deleteData), context, -1);
}

} // namespace SparkDeck
