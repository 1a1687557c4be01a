#include "statuscommand.h"

#include "monitor/sparkmasterclient.h"
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

} // namespace

QString StatusCommand::summary() const
{
    return tr("Show the master and its workers (state, cores, memory) as the master reports them.");
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
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(toJson(status)).toJson();
        else
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
