#include "planner.h"

#include "provisioning/copytree.h"
#include "render/swarmstack.h"
#include "ssh/shellcommand.h"
#include "util/networkaddress.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Planner)
};

QString command(const QString &program, const QStringList &arguments)
{
    return ShellCommand(program, arguments).toString();
}

class PlanBuilder
{
public:
    explicit PlanBuilder(const ClusterSpec &spec)
        : m_spec(spec)
        , m_home(Planner::clusterHome(spec))
        , m_sparkHome(m_home + QStringLiteral("/spark-") + spec.spark.version)
    {}

    Plan build()
    {
        Plan plan;
        plan.clusterName = m_spec.name;
        if (m_spec.machines.provider == Provider::Existing) {
            const HostSpec master = *m_spec.masterHost();
            const QList<HostSpec> workers = m_spec.workerHosts();
            for (const HostSpec &host : m_spec.machines.hosts) {
                const bool isMaster = host == master;
                const int workerIndex = int(workers.indexOf(host));
                const bool runsWorker = workerIndex >= 0 && workerIndex < m_spec.workers.count;
                plan.hosts << hostPlan(host.address, master.address, isMaster, runsWorker,
                                       workerIndex >= 0 && !runsWorker);
            }
        } else if (m_spec.machines.provider == Provider::Local) {
            HostPlan local = hostPlan(QStringLiteral("127.0.0.1"), QStringLiteral("127.0.0.1"),
                                      true, m_spec.workers.count > 0, false);
            local.host = Tr::tr("this computer");
            plan.hosts << local;
        } else {
            for (int i = 1; i <= m_spec.workers.count + 1; ++i) {
                HostPlan machine = hostPlan(Tr::tr("<address of machine %1>").arg(i),
                                            Tr::tr("<address of machine 1>"), i == 1, i > 1, false);
                machine.host = Tr::tr("machine %1").arg(i);
                machine.steps.prepend({Tr::tr("Create the machine on %1, tagged "
                                              "sparkdeck-cluster=%2, and wait for SSH")
                                           .arg(toString(m_spec.machines.provider), m_spec.name),
                                       {}});
                plan.hosts << machine;
            }
        }
        return plan;
    }

private:
    HostPlan hostPlan(const QString &address, const QString &masterAddress, bool isMaster,
                      bool runsWorker, bool isSpare)
    {
        HostPlan plan;
        plan.host = address;
        if (isMaster)
            plan.roles << Tr::tr("master");
        if (runsWorker)
            plan.roles << Tr::tr("worker");
        if (isSpare)
            plan.roles << Tr::tr("spare (used when scaling up)");
        const bool servesFolder = m_spec.sharedFolder.enabled
                                  && (m_spec.sharedFolder.servedByMaster() ? isMaster
                                                                           : address == m_spec.sharedFolder.server);
        if (servesFolder)
            plan.roles << Tr::tr("shared folder server");

        plan.steps << PlanStep{m_spec.spark.deploy == DeployMode::Swarm
                                   ? Tr::tr("Preflight: operating system, CPU, memory, disk, free ports, "
                                            "Docker and swarm membership, clock")
                                   : Tr::tr("Preflight: operating system, CPU, memory, disk, free ports, "
                                            "Java, clock"),
                               {command(QStringLiteral("uname"), {QStringLiteral("-srm")}),
                                command(QStringLiteral("nproc"), {}),
                                command(QStringLiteral("df"), {QStringLiteral("-Pk"), m_home.section(QLatin1Char('/'), 0, 2)})}};
        if (m_spec.spark.deploy == DeployMode::Swarm) {
            plan.steps << swarmSteps(isMaster, masterAddress);
            return plan;
        }
        plan.steps << PlanStep{Tr::tr("Install a Java runtime if none is present"),
                               {command(QStringLiteral("java"), {QStringLiteral("-version")})}};
        plan.steps << installSpark(isMaster, masterAddress);
        if (isMaster || runsWorker || isSpare)
            plan.steps << configure(address, masterAddress);
        if (servesFolder)
            plan.steps << PlanStep{Tr::tr("Export %1 over NFS to the cluster's addresses only")
                                       .arg(m_spec.sharedFolder.exportPath),
                                   {command(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_spec.sharedFolder.exportPath})}};
        if (isMaster)
            plan.steps << PlanStep{Tr::tr("Start the master on %1:7077 and wait until /json/ says "
                                          "ALIVE").arg(masterAddress),
                                   {command(m_sparkHome + QStringLiteral("/sbin/start-master.sh"),
                                            {QStringLiteral("--host"), masterAddress})}};
        if (runsWorker || isSpare) {
            if (m_spec.sharedFolder.enabled)
                plan.steps << PlanStep{Tr::tr("Mount the shared folder at %1")
                                           .arg(m_spec.sharedFolder.mountPath),
                                       {command(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_spec.sharedFolder.mountPath})}};
        }
        if (runsWorker)
            plan.steps << PlanStep{Tr::tr("Start a worker (%1 cores, %2) and wait until the master "
                                          "lists it ALIVE")
                                       .arg(m_spec.workers.cores)
                                       .arg(m_spec.workers.memory.toSparkString()),
                                   {command(m_sparkHome + QStringLiteral("/sbin/start-worker.sh"),
                                            {QStringLiteral("spark://%1:7077").arg(masterAddress)})}};
        if (isMaster && m_spec.jupyter.enabled)
            plan.steps << PlanStep{Tr::tr("Start Jupyter on %1 with a random token, wired to "
                                          "spark://%1:7077").arg(masterAddress), {}};
        return plan;
    }

    PlanStep installSpark(bool isMaster, const QString &masterAddress) const
    {
        const QString archive = m_home + QStringLiteral("/downloads/")
                                + QFileInfo(QUrl(m_spec.spark.distribution).path()).fileName();
        const QString unpack = command(QStringLiteral("tar"), {QStringLiteral("-xzf"), archive,
                                                               QStringLiteral("-C"), m_home});
        if (!isMaster) {
            return {Tr::tr("Copy Spark inside the cluster from the master %1, or from a worker host "
                           "that passes it on (no host sends more than %2 copies), verify, unpack")
                        .arg(masterAddress)
                        .arg(CopyTree::kFanOut),
                    {unpack}};
        }
        const bool isLocalFile = !m_spec.spark.distribution.startsWith(QLatin1String("https://"));
        QStringList commands{command(QStringLiteral("mkdir"), {QStringLiteral("-p"), m_home + QStringLiteral("/downloads")})};
        if (!isLocalFile)
            commands << command(QStringLiteral("curl"), {QStringLiteral("-fsSL"), QStringLiteral("--proto"),
                                                         QStringLiteral("=https"), QStringLiteral("-o"),
                                                         archive, m_spec.spark.distribution});
        commands << unpack;
        return {isLocalFile ? Tr::tr("Upload Spark from %1 once, verify its SHA-512, unpack")
                                  .arg(m_spec.spark.distribution)
                            : Tr::tr("Download Spark %1, verify its SHA-512, unpack")
                                  .arg(m_spec.spark.version),
                commands};
    }

    PlanStep configure(const QString &address, const QString &masterAddress) const
    {
        return {Tr::tr("Write conf/spark-env.sh (SPARK_LOCAL_IP=%1, master %2) and "
                       "conf/spark-defaults.conf (authentication secret ********, reverse proxy "
                       "on, decommission on, REST server off)").arg(address, masterAddress),
                {}};
    }

    QList<PlanStep> swarmSteps(bool isMaster, const QString &masterAddress) const
    {
        const SwarmStack stack = SwarmStack::forCluster(m_spec, masterAddress);
        const QString docker = QStringLiteral("docker");
        QList<PlanStep> steps{{Tr::tr("Install Docker (docker.io) if none is present"),
                               {command(docker, {QStringLiteral("version")})}}};
        if (isMaster) {
            steps << PlanStep{Tr::tr("Create the cluster's swarm, advertising %1").arg(masterAddress),
                              {command(docker, {QStringLiteral("swarm"), QStringLiteral("init"), QStringLiteral("--advertise-addr"), masterAddress})}};
            steps << PlanStep{Tr::tr("Label every node for placement; create the overlay network and the authentication "
                                     "secret (******** on standard input)"),
                              {command(docker, {QStringLiteral("network"), QStringLiteral("create"), QStringLiteral("--driver"),
                                                QStringLiteral("overlay"), QStringLiteral("--attachable"), stack.networkName}),
                               command(docker, {QStringLiteral("secret"), QStringLiteral("create"), stack.secretName, QStringLiteral("-")})}};
        } else {
            steps << PlanStep{Tr::tr("Join the swarm of %1 as a worker node: POST /swarm/join to the node's Docker engine, "
                                     "the token (********) on standard input")
                                  .arg(NetworkAddress::withPort(masterAddress, 2377)),
                              {}};
        }
        if (m_spec.spark.imageArchive.isEmpty()) {
            steps << PlanStep{Tr::tr("Pull the image %1").arg(stack.image), {command(docker, {QStringLiteral("pull"), stack.image})}};
        } else {
            steps << PlanStep{isMaster ? Tr::tr("Upload the image archive %1 once, load %2").arg(m_spec.spark.imageArchive, stack.image)
                                       : Tr::tr("Copy the image archive inside the cluster from the master %1, or from "
                                                "a node that passes it on (no host sends more than %3 copies), load %2")
                                             .arg(masterAddress, stack.image)
                                             .arg(CopyTree::kFanOut),
                              {command(docker, {QStringLiteral("load"), QStringLiteral("-i"), QStringLiteral("image.tar")})}};
        }
        if (isMaster) {
            steps << PlanStep{Tr::tr("Deploy stack '%1' (%2 workers, %3 cores and %4 each) and wait until the master "
                                     "lists them ALIVE")
                                  .arg(m_spec.name)
                                  .arg(m_spec.workers.count)
                                  .arg(m_spec.workers.cores)
                                  .arg(m_spec.workers.memory.toSparkString()),
                              {command(docker, {QStringLiteral("stack"), QStringLiteral("deploy"), QStringLiteral("-c"),
                                                m_home + QStringLiteral("/stack.yml"), m_spec.name})}};
        }
        return steps;
    }

    const ClusterSpec &m_spec;
    const QString m_home;
    const QString m_sparkHome;
};

} // namespace

QString Planner::clusterHome(const ClusterSpec &spec)
{
    return QStringLiteral("/opt/sparkdeck/") + spec.name;
}

Result<Plan> Planner::plan(const ClusterSpec &spec)
{
    if (spec.machines.provider == Provider::Existing && spec.machines.hosts.isEmpty())
        return Error{Tr::tr("provider 'existing' needs at least one host")};
    return PlanBuilder(spec).build();
}

} // namespace SparkDeck
