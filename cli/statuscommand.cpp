#include "statuscommand.h"

#include "monitor/sparkmasterclient.h"
#include "providers/costestimate.h"
#include "providers/providerregistry.h"
#include "monitor/swarmservices.h"
#include "provisioning/clusterlayout.h"
#include "provisioning/swarmscripts.h"
#include "provisioning/sshmachine.h"
#include "render/sparkconfig.h"
#include "ssh/sshtunnel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace SparkDeck::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QJsonObject toJson(const MasterStatus &status)
{
    QJsonArray workers;
    for (const WorkerStatus &worker : status.workers) {
        workers.append(QJsonObject{{QStringLiteral("id"), worker.id},
                                   {QStringLiteral("host"), worker.host},
                                   {QStringLiteral("state"), toString(worker.state)},
                                   {QStringLiteral("cores"), worker.cores},
                                   {QStringLiteral("coresUsed"), worker.coresUsed},
                                   {QStringLiteral("memoryMiB"), worker.memoryMiB},
                                   {QStringLiteral("memoryUsedMiB"), worker.memoryUsedMiB}});
    }
    QJsonArray applications;
    for (const ApplicationStatus &app : status.activeApplications) {
        applications.append(QJsonObject{{QStringLiteral("id"), app.id},
                                        {QStringLiteral("name"), app.name},
                                        {QStringLiteral("state"), app.state},
                                        {QStringLiteral("cores"), app.cores}});
    }
    return {{QStringLiteral("master"), status.url},
            {QStringLiteral("status"), status.status},
            {QStringLiteral("aliveWorkers"), status.aliveWorkers},
            {QStringLiteral("cores"), status.cores},
            {QStringLiteral("coresUsed"), status.coresUsed},
            {QStringLiteral("memoryMiB"), status.memoryMiB},
            {QStringLiteral("memoryUsedMiB"), status.memoryUsedMiB},
            {QStringLiteral("workers"), workers},
            {QStringLiteral("activeApplications"), applications}};
}

void printTable(const QString &cluster, const MasterStatus &status, QTextStream &out)
{
    out << tr("Cluster '%1': master %2 %3, %4 workers ALIVE, %5 cores (%6 used), %7 MiB (%8 used)")
               .arg(cluster, status.url, status.status)
               .arg(status.aliveWorkers)
               .arg(status.cores)
               .arg(status.coresUsed)
               .arg(status.memoryMiB)
               .arg(status.memoryUsedMiB)
        << '\n';
    if (status.workers.isEmpty())
        return;
    out << QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(tr("WORKER"), -44)
               .arg(tr("HOST"), -15)
               .arg(tr("STATE"), -14)
               .arg(tr("CORES"), 5)
               .arg(tr("MEMORY"), 10);
    for (const WorkerStatus &worker : status.workers) {
        out << QStringLiteral("%1  %2  %3  %4  %5\n")
                   .arg(worker.id, -44)
                   .arg(worker.host, -15)
                   .arg(toString(worker.state), -14)
                   .arg(worker.cores, 5)
                   .arg(QStringLiteral("%1 MiB").arg(worker.memoryMiB), 10);
    }
    for (const ApplicationStatus &app : status.activeApplications)
        out << tr("Application %1 (%2): %3, %4 cores").arg(app.id, app.name, app.state).arg(app.cores) << '\n';
}

QJsonArray toJson(const QList<SwarmService> &services)
{
    QJsonArray array;
    for (const SwarmService &service : services) {
        array.append(QJsonObject{{QStringLiteral("id"), service.id},
                                 {QStringLiteral("name"), service.name},
                                 {QStringLiteral("mode"), service.mode},
                                 {QStringLiteral("replicas"), service.replicas},
                                 {QStringLiteral("running"), service.running()},
                                 {QStringLiteral("desired"), service.desired()},
                                 {QStringLiteral("image"), service.image},
                                 {QStringLiteral("ports"), service.ports}});
    }
    return array;
}

/// Like `docker service ls`.
void printServices(const QList<SwarmService> &services, QTextStream &out)
{
    const QString row = QStringLiteral("%1  %2  %3  %4  %5  %6\n");
    out << row.arg(tr("ID"), -12).arg(tr("NAME"), -24).arg(tr("MODE"), -10).arg(tr("REPLICAS"), -9).arg(tr("IMAGE"), -28).arg(tr("PORTS"));
    for (const SwarmService &service : services)
        out << row.arg(service.id.left(12), -12).arg(service.name, -24).arg(service.mode, -10).arg(service.replicas, -9)
                   .arg(service.image, -28).arg(service.ports);
}

} // namespace

QList<SwarmService> StatusCommand::readServices(QTextStream &err) const
{
    const SwarmScripts scripts(ClusterLayout(spec()), SwarmStack::forCluster(spec(), machines().master()->address()));
    MachineJob *job = machines().master()->run(scripts.listServices(), nullptr);
    std::unique_ptr<MachineJob> owner(job);
    QEventLoop loop;
    QObject::connect(job, &MachineJob::finished, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!job->result().succeeded()) {
        err << tr("Cannot list the stack's services on %1 (%2): %3")
                   .arg(machines().master()->displayName(), job->result().summary(),
                        QString::fromUtf8(job->result().standardError).trimmed())
            << '\n';
        return {};
    }
    return SwarmServices::parse(job->result().standardOutput);
}

QString StatusCommand::summary() const
{
    return tr("Show the master and its workers (state, cores, memory) as the master reports them; on "
              "Docker swarm, the stack's services and replicas first.");
}

void StatusCommand::addOptions(QCommandLineParser &parser) const
{
    ClusterCommand::addOptions(parser);
    parser.addOption({QStringLiteral("json"), tr("Print the status as JSON.")});
}

int StatusCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    const bool json = parser.isSet(QStringLiteral("json"));
    // The cost guard: what the provider's machines cost so far and how long they have left.
    std::optional<CostEstimate> cost;
    if (ProviderRegistry::createsMachines(spec().machines.provider)) {
        cost = CostEstimate::of(operations().resources(), QDateTime::currentDateTimeUtc());
        if (!json)
            out << tr("Machines on %1: %2").arg(toString(spec().machines.provider), cost->describe()) << '\n';
        if (!operations().hasMachines()) {
            if (json)
                out << QJsonDocument(QJsonObject{{QStringLiteral("machines"), cost->toJson()}}).toJson();
            else
                out << tr("Cluster '%1' has no machines; 'up' creates them.").arg(spec().name) << '\n';
            return Success;
        }
    }
    QList<SwarmService> services;
    if (operations().isSwarm()) {
        services = readServices(err);
        if (!json)
            printServices(services, out);
    }
    Machine *master = machines().master();
    QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(SparkPorts::kMasterWebUi));
    std::unique_ptr<SshTunnel> tunnel;
    if (auto *ssh = qobject_cast<SshMachine *>(master)) {
        tunnel = std::make_unique<SshTunnel>(ssh->session());
        tunnel->setDestination(master->address(), SparkPorts::kMasterWebUi);
        const Status listening = tunnel->listen();
        if (!listening.ok()) {
            err << listening.errorMessage() << '\n';
            return Failure;
        }
        base.setPort(tunnel->localPort());
    }
    SparkMasterClient client;
    client.setBaseUrl(base);
    client.setTimeout(20000);
    int code = Failure;
    QEventLoop loop;
    QObject::connect(&client, &SparkMasterClient::statusReceived, &loop, [&](const MasterStatus &status) {
        if (json) {
            QJsonObject object = toJson(status);
            if (operations().isSwarm())
                object.insert(QStringLiteral("services"), toJson(services));
            if (cost)
                object.insert(QStringLiteral("machines"), cost->toJson());
            out << QJsonDocument(object).toJson();
        } else
            printTable(spec().name, status, out);
        code = Success;
        loop.quit();
    });
    QObject::connect(&client, &SparkMasterClient::failed, &loop, [&](const QString &message) {
        err << message << '\n';
        loop.quit();
    });
    client.refresh();
    loop.exec();
    return code;
}

} // namespace SparkDeck::Cli
