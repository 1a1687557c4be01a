#include "preflight.h"

#include <algorithm>

#include "provisioning/clusterlayout.h"
#include "provisioning/clustermachines.h"
#include "provisioning/localmachine.h"
#include "provisioning/taskgroup.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Preflight)
};

const char kHostProperty[] = "sparkdeck.host"; // read by StandaloneRecipe::hostOf()

using Reports = QList<std::optional<PreflightHostReport>>;

/// Runs the facts script on one host and stores what it said (or why it could not run).
class FactsTask : public Task
{
public:
    FactsTask(const PreflightHost &host, const CommandRequest &script, std::shared_ptr<Reports> reports, int index)
        : Task(Tr::tr("Look at %1 (read-only)").arg(host.name)), m_host(host), m_script(script),
          m_reports(std::move(reports)), m_index(index)
    {}

protected:
    void run() override
    {
        PreflightHostReport report;
        report.host = m_host;
        if (!m_host.machine) {
            report.connectionError = Tr::tr("no machine for %1").arg(m_host.name);
            store(report);
            finish(TaskOutcome::failure(report.connectionError));
            return;
        }
        m_job = m_host.machine->run(m_script, this);
        connect(m_job, &MachineJob::outputLine, this, [this](const QString &line) {
            // The host's clock line is compared with ours the moment it arrives.
            if (m_timeReceivedMs == 0 && line.startsWith(QLatin1String("time=")))
                m_timeReceivedMs = QDateTime::currentMSecsSinceEpoch();
        });
        connect(m_job, &MachineJob::finished, this, [this](const ExecResult &result) {
            m_job->deleteLater();
            PreflightHostReport report;
            report.host = m_host;
            report.timeReceivedMs = m_timeReceivedMs;
            if (!result.finished()) {
                report.connectionError = result.error;
            } else if (result.exitCode != 0 && !result.standardOutput.contains("\nend=1")) {
                report.connectionError = Tr::tr("the facts script failed (%1): %2")
                                             .arg(result.summary(),
                                                  QString::fromUtf8(result.standardError).trimmed().section(QLatin1Char('\n'), -3));
            } else {
                report.facts = PreflightFacts::parse(result.standardOutput);
            }
            store(report);
            if (report.connectionError.isEmpty())
                finish(TaskOutcome::success());
            else
                finish(TaskOutcome::failure(Tr::tr("%1: %2").arg(m_host.name, report.connectionError)));
        });
        m_job->start();
    }

    void handleCancel() override
    {
        if (m_job) {
            m_job->disconnect(this);
            m_job->cancel();
            m_job->deleteLater();
        }
        finish(TaskOutcome::cancelled());
    }

private:
    void store(const PreflightHostReport &report)
    {
        if (m_index >= 0 && m_index < m_reports->size())
            (*m_reports)[m_index] = report;
    }

    PreflightHost m_host;
    CommandRequest m_script;
    std::shared_ptr<Reports> m_reports;
    int m_index;
    QPointer<MachineJob> m_job;
    qint64 m_timeReceivedMs = 0;
};

QString serverAddressOf(const ClusterSpec &spec, const QList<PreflightHost> &hosts)
{
    if (!spec.sharedFolder.servedByMaster())
        return spec.sharedFolder.server;
    for (const PreflightHost &host : hosts) {
        if (host.master)
            return host.address;
    }
    return QString();
}

} // namespace

Preflight::Preflight(const ClusterSpec &spec, const QList<PreflightHost> &hosts, QObject *parent)
    : QObject(parent), m_spec(spec), m_hosts(hosts), m_reports(std::make_shared<Reports>())
{}

Preflight::~Preflight() = default;

QList<PreflightHost> Preflight::hostsFor(const ClusterSpec &spec, const ClusterMachines &machines)
{
    QList<PreflightHost> hosts;
    const QList<WorkerSlot> slots = machines.firstSlots(spec.workers.count);
    for (Machine *machine : machines.machines()) {
        PreflightHost host;
        host.machine = machine;
        host.name = machine->displayName();
        host.address = machine->address();
        host.local = qobject_cast<LocalMachine *>(machine) != nullptr;
        host.master = machine == machines.master();
        host.sshPort = spec.machines.ssh.port;
        for (const HostSpec &listed : spec.machines.hosts) {
            if (listed.address == host.address)
                host.sshPort = listed.port.value_or(spec.machines.ssh.port);
        }
        for (const WorkerSlot &slot : slots) {
            if (slot.machine == machine)
                host.workerWebUiPorts << slot.webUiPort;
        }
        hosts << host;
    }
    // The master shares its copy, and every worker host passes it on, when hosts other than the
    // master copy it: Spark, or a swarm's image archive.
    bool othersCopy = false;
    for (const PreflightHost &host : std::as_const(hosts))
        othersCopy = othersCopy || (host.runsWorkers() && !host.master);
    const bool copiesFlow = othersCopy && (spec.spark.deploy == DeployMode::Standalone || !spec.spark.imageArchive.isEmpty());
    for (PreflightHost &host : hosts)
        host.sharesCopies = copiesFlow && (host.master || host.runsWorkers());
    // The server exports only when another host has to mount the folder.
    if (spec.sharedFolder.enabled) {
        const QString server = serverAddressOf(spec, hosts);
        bool othersMount = false;
        for (const PreflightHost &host : std::as_const(hosts))
            othersMount = othersMount || (host.runsWorkers() && host.address != server);
        for (PreflightHost &host : hosts)
            host.nfsServer = othersMount && host.address == server;
    }
    return hosts;
}

PreflightProbeOptions Preflight::probeOptions(const PreflightHost &host) const
{
    PreflightProbeOptions options;
    options.base = ClusterLayout(m_spec).base();
    options.runDir = ClusterLayout(m_spec).runDir();
    // The master probes every host and every host probes the master: what standalone Spark
    // needs first, in 2(N-1) probes instead of N(N-1) (992 at 32 hosts loaded 2 cores to 160).
    const auto master = std::find_if(m_hosts.cbegin(), m_hosts.cend(), [](const PreflightHost &h) { return h.master; });
    for (const PreflightHost &other : m_hosts) {
        const bool probed = host.master || (master != m_hosts.cend() && other.address == master->address);
        if (probed && other.address != host.address && !other.local)
            options.peers << PreflightProbeOptions::Peer{other.address, other.sshPort};
    }
    const QString server = serverAddressOf(m_spec, m_hosts);
    bool serverIsClusterHost = false;
    for (const PreflightHost &other : m_hosts)
        serverIsClusterHost = serverIsClusterHost || other.address == server;
    const bool mounts = m_spec.sharedFolder.enabled && host.runsWorkers() && host.address != server;
    if (mounts && !serverIsClusterHost && !server.isEmpty())
        options.peers << PreflightProbeOptions::Peer{server, 2049};
    options.docker = m_spec.spark.deploy == DeployMode::Swarm;
    options.swarmIdFile = ClusterLayout(m_spec).swarmIdFile();
    options.nfsServer = m_spec.sharedFolder.enabled && host.nfsServer;
    options.nfsClient = mounts;
    return options;
}

TaskGroup *Preflight::graph()
{
    m_reports = std::make_shared<Reports>(m_hosts.size());
    auto *group = new TaskGroup(Tr::tr("Preflight check of cluster '%1'").arg(m_spec.name), TaskGroup::Mode::Parallel,
                                TaskGroup::FailurePolicy::TolerateErrors);
    for (int i = 0; i < m_hosts.size(); ++i) {
        const PreflightHost &host = m_hosts.at(i);
        auto *task = new FactsTask(host, PreflightFacts::script(probeOptions(host)), m_reports, i);
        task->setProperty(kHostProperty, host.name);
        group->addTask(task);
    }
    return group;
}

QList<PreflightHostReport> Preflight::reports() const
{
    QList<PreflightHostReport> reports;
    for (const std::optional<PreflightHostReport> &report : std::as_const(*m_reports)) {
        if (report)
            reports << *report;
    }
    return reports;
}

QList<PreflightFinding> Preflight::findings() const
{
    return PreflightEvaluator::evaluate(m_spec, reports());
}

} // namespace SparkDeck
