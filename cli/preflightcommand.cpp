#include "preflightcommand.h"

#include "sshprompts.h"

#include "providers/machinegraphs.h"
#include "providers/virtualbox/virtualboxprovider.h"
#include "provisioning/clustermachines.h"
#include "provisioning/preflight.h"
#include "provisioning/taskgroup.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>

namespace SparkDeck::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

int widest(const QList<PreflightFinding> &findings, const QString &header, QString PreflightFinding::*field)
{
    int width = int(header.size());
    for (const PreflightFinding &finding : findings)
        width = qMax(width, int((finding.*field).size()));
    return width;
}

void printTable(const QList<PreflightFinding> &findings, QTextStream &out)
{
    const QString host = tr("HOST");
    const QString check = tr("CHECK");
    const QString status = tr("STATUS");
    const int hostWidth = widest(findings, host, &PreflightFinding::host);
    const int checkWidth = widest(findings, check, &PreflightFinding::check);
    const int statusWidth = qMax(int(status.size()), 7);
    const QString indent(hostWidth + checkWidth + statusWidth + 6, QLatin1Char(' '));
    out << QStringLiteral("%1  %2  %3  %4\n").arg(host, -hostWidth).arg(check, -checkWidth).arg(status, -statusWidth).arg(tr("DETAIL"));
    for (const PreflightFinding &finding : findings) {
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(finding.host, -hostWidth)
                   .arg(finding.check, -checkWidth)
                   .arg(toString(finding.status), -statusWidth)
                   .arg(finding.detail);
        if (!finding.fix.isEmpty())
            out << indent << tr("fix: ") << finding.fix << '\n';
    }
}

QJsonArray toJson(const QList<PreflightFinding> &findings)
{
    QJsonArray rows;
    for (const PreflightFinding &finding : findings) {
        rows.append(QJsonObject{{QStringLiteral("host"), finding.host},
                                {QStringLiteral("check"), finding.check},
                                {QStringLiteral("status"), toString(finding.status)},
                                {QStringLiteral("detail"), finding.detail},
                                {QStringLiteral("fix"), finding.fix}});
    }
    return rows;
}

/// VirtualBox clusters: this computer, which will run the VMs (virtualization, memory, disk).
QList<PreflightFinding> thisComputer(const ClusterSpec &spec)
{
    VirtualBoxOptions options;
    options.cacheDirectory = VirtualBoxProvider::defaultCacheDirectory();
    VirtualBoxProvider provider(options);
    VirtualBoxNeeds needs;
    needs.machines = int(MachineGraphs::machineNames(spec).size());
    if (const Result<VmSize> size = VmSize::parse(spec.machines.size))
        needs.memoryMiBEach = size->memoryMiB;
    QList<PreflightFinding> findings;
    QEventLoop loop;
    provider.preflight(needs, &loop, [&](const Result<QList<PreflightFinding>> &found) {
        findings = found ? *found : QList<PreflightFinding>{};
        loop.quit();
    });
    loop.exec();
    return findings;
}

} // namespace

QString PreflightCommand::summary() const
{
    return tr("Check every host before anything is changed: system, CPUs, memory, disk, ports, "
              "reachability, clock, rights, Java, tools and the shared folder. Exit 1 on errors.");
}

void PreflightCommand::addOptions(QCommandLineParser &parser) const
{
    ClusterCommand::addOptions(parser);
    parser.addOption({QStringLiteral("json"), tr("Print the findings as JSON.")});
    parser.addOption({QStringLiteral("problems"), tr("Print only warnings and errors.")});
}

int PreflightCommand::run(const QCommandLineParser &parser, QTextStream &out, QTextStream &err)
{
    if (!prepare(parser, err))
        return BadInput;
    // Its own machines: the check needs nothing of the cluster's state, only its hosts.
    SshSessionPool pool;
    askAtTerminal(pool);
    const ClusterMachines machines(spec(), &pool);
    const bool virtualBox = spec().machines.provider == Provider::VirtualBox;
    if (!machines.isValid() && !virtualBox) {
        err << fileName() << ": error: " << machines.errorMessage() << '\n';
        return BadInput;
    }
    // VirtualBox's VMs do not exist before 'up': what is checked then is the computer that runs them.
    Preflight preflight(spec(), virtualBox ? QList<PreflightHost>() : Preflight::hostsFor(spec(), machines));
    QList<PreflightFinding> findings;
    if (virtualBox) {
        err << tr("Looking at this computer for cluster '%1' (VirtualBox)...").arg(spec().name) << '\n';
        findings = thisComputer(spec());
    } else {
        std::unique_ptr<TaskGroup> graph(preflight.graph());
        QEventLoop loop;
        QObject::connect(graph.get(), &Task::finished, &loop, &QEventLoop::quit);
        err << tr("Looking at %1 host(s) of cluster '%2' (read-only)...").arg(preflight.hosts().size()).arg(spec().name)
            << '\n';
        err.flush();
        graph->start();
        if (graph->isRunning())
            loop.exec();
        findings = preflight.findings();
    }
    const int errors = countFindings(findings, PreflightFinding::Status::Error);
    const int warnings = countFindings(findings, PreflightFinding::Status::Warning);
    if (parser.isSet(QStringLiteral("problems"))) {
        findings.erase(std::remove_if(findings.begin(), findings.end(),
                                      [](const PreflightFinding &f) { return f.status == PreflightFinding::Status::Ok; }),
                       findings.end());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("cluster"), spec().name},
                                         {QStringLiteral("errors"), errors},
                                         {QStringLiteral("warnings"), warnings},
                                         {QStringLiteral("findings"), toJson(findings)}})
                   .toJson();
    } else {
        printTable(findings, out);
        out << tr("Preflight of cluster '%1': %2 host(s), %3 error(s), %4 warning(s).")
                   .arg(spec().name)
                   .arg(virtualBox ? 1 : preflight.hosts().size())
                   .arg(errors)
                   .arg(warnings)
            << '\n';
    }
    return errors == 0 ? Success : Failure;
}

} // namespace SparkDeck::Cli
