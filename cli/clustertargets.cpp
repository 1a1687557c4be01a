#include "clustertargets.h"

#include "providers/providerregistry.h"
#include "providers/resourcejournal.h"
#include "provisioning/clusterstatefile.h"
#include "spec/clusterfileloader.h"
#include "ssh/remoteprocess.h"
#include "ssh/sshsessionpool.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace SparkDeck::Cli {

void addStateOption(QCommandLineParser &parser)
{
    parser.addOption(
        {QStringLiteral("state"),
         QCoreApplication::translate(
             "Cli", "Folder of the cluster's journal and state (default: the user's data "
                    "folder); where a provider's machines are recorded."),
         QStringLiteral("DIR")});
}

std::optional<ClusterTargets> loadClusterTargets(const QString &file, const QString &hostsOption,
                                                 const QString &commandName, QTextStream &err,
                                                 const QString &stateDirectory)
{
    LoadedClusterFile loaded = ClusterFileLoader::loadFile(file);
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        err << diagnostic.format(file) << '\n';
    if (!loaded.ok())
        return std::nullopt;
    QHash<QString, QString> privateAddresses;
    if (ProviderRegistry::createsMachines(loaded.spec.machines.provider)) {
        ResourceJournal journal(stateDirectory.isEmpty()
                                    ? ClusterStateFile::defaultDirectory(loaded.spec.name)
                                    : stateDirectory);
        const Status read = journal.load();
        if (!read) {
            err << file << ": error: " << read.errorMessage() << '\n';
            return std::nullopt;
        }
        for (const CloudResource &machine : journal.liveMachines()) {
            HostSpec host;
            host.address = machine.publicAddress;
            if (host.address.isEmpty())
                continue;
            loaded.spec.machines.hosts << host;
            if (!machine.privateAddress.isEmpty())
                privateAddresses.insert(machine.publicAddress, machine.privateAddress);
        }
    }
    const MachinesSpec &machines = loaded.spec.machines;
    if (machines.hosts.isEmpty()) {
        err << QCoreApplication::translate("Cli", "%1: the cluster lists no hosts (provider '%2'); "
                                                  "%3 needs existing hosts.")
                   .arg(file, toString(machines.provider), commandName)
            << '\n';
        return std::nullopt;
    }
    ClusterTargets result;
    result.spec = loaded.spec;
    result.privateAddresses = privateAddresses;
    if (hostsOption.isEmpty()) {
        result.hosts = machines.hosts;
    } else {
        for (const QString &name : hostsOption.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString trimmed = name.trimmed();
            auto it = std::find_if(machines.hosts.cbegin(), machines.hosts.cend(),
                                   [&](const HostSpec &host) { return host.address == trimmed; });
            if (it == machines.hosts.cend()) {
                QStringList known;
                for (const HostSpec &host : machines.hosts)
                    known << host.address;
                err << QCoreApplication::translate("Cli", "%1 is not a host of %2 (hosts: %3).")
                           .arg(trimmed, file, known.join(QStringLiteral(", ")))
                    << '\n';
                return std::nullopt;
            }
            result.hosts << *it;
        }
    }
    for (const HostSpec &host : std::as_const(result.hosts))
        result.targets << SshTarget::fromSpec(machines.ssh, host);
    return result;
}

void waitForRemoteStops(const SshSessionPool &pool, int milliseconds)
{
    auto pending = [&pool] {
        const QList<SshSession *> sessions = pool.sessions();
        return std::any_of(sessions.cbegin(), sessions.cend(), [](const SshSession *session) {
            return RemoteProcess::stopsPending(session);
        });
    };
    if (!pending())
        return;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (!pending() || clock.elapsed() >= milliseconds)
            loop.quit();
    });
    poll.start(20);
    loop.exec();
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

} // namespace SparkDeck::Cli
