#pragma once

#include "spec/clusterspec.h"
#include "ssh/sshtarget.h"

#include <QCommandLineParser>
#include <QHash>
#include <QList>
#include <QString>
#include <QTextStream>

#include <optional>

namespace SparkDeck {
class SshSessionPool;
}

namespace SparkDeck::Cli {

/// The listed hosts of a cluster file as SSH targets, for the commands that work on existing
/// hosts (exec, copy, keys, tunnel).
struct ClusterTargets
{
    ClusterSpec spec;
    QList<HostSpec> hosts;    ///< the chosen hosts, in the file's order (or --hosts order)
    QList<SshTarget> targets; ///< one per host
    /// A provider's machines: the address cluster traffic uses (where Spark binds its UIs),
    /// by the public address SSH reaches.
    QHash<QString, QString> privateAddresses;

    /// Where `host` serves the cluster: its private address when it has one.
    QString clusterAddressOf(const HostSpec &host) const { return privateAddresses.value(host.address, host.address); }
};

/// Loads `file` and picks its hosts: all of them, or the comma-separated addresses in
/// `hostsOption`; for a provider that creates machines, the machines it created (from the
/// resource journal in `stateDirectory`, default the cluster's state folder). Prints the file's
/// problems (or an unknown address) to `err` and returns nullopt when the command cannot go on
/// (exit code BadInput).
std::optional<ClusterTargets> loadClusterTargets(const QString &file, const QString &hostsOption,
                                                 const QString &commandName, QTextStream &err,
                                                 const QString &stateDirectory = QString());
/// `--state DIR`, for the commands that also work on a provider's machines.
void addStateOption(QCommandLineParser &parser);

/// Runs the event loop until no session of `pool` is still sending the stop of a cancelled
/// command (RemoteProcess::stopsPending), at most `milliseconds`: call it before the pool goes.
void waitForRemoteStops(const SshSessionPool &pool, int milliseconds = 3000);

/// "45.2 MiB"-style sizes for progress lines.
QString formatBytes(qint64 bytes);

} // namespace SparkDeck::Cli
