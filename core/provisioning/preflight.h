#pragma once

#include "provisioning/preflightevaluator.h"
#include "spec/clusterspec.h"

#include <QObject>

#include <memory>
#include <optional>

namespace SparkDeck {

class ClusterMachines;
class TaskGroup;

/// The preflight check of a cluster, before anything is changed: one read-only facts script
/// per host, all hosts in parallel (one task per host in a TaskGroup, so the CLI, the GUI and
/// OperationRunner can run and show it like any other graph), then PreflightEvaluator turns
/// the facts into a table of findings, each with its fix.
///
/// A host that cannot be reached is a finding ("connection", error), not a failed run: the
/// graph tolerates it and the others are still checked.
class Preflight : public QObject
{
    Q_OBJECT
public:
    Preflight(const ClusterSpec &spec, const QList<PreflightHost> &hosts, QObject *parent = nullptr);
    ~Preflight() override;

    /// The hosts of a cluster with their roles: the master, where the first
    /// `spec.workers.count` workers go, and which host serves the shared folder.
    static QList<PreflightHost> hostsFor(const ClusterSpec &spec, const ClusterMachines &machines);

    const QList<PreflightHost> &hosts() const { return m_hosts; }

    /// A new graph gathering every host's facts; the caller owns it and starts it. Each task
    /// carries its host's name in the "sparkdeck.host" property, as the recipe's steps do.
    TaskGroup *graph();

    /// What the last graph gathered, in host order (hosts it has not reached yet are missing).
    QList<PreflightHostReport> reports() const;
    /// The findings for reports(); call once the graph has finished.
    QList<PreflightFinding> findings() const;

    /// The facts script's options for one host (peers to probe, NFS questions).
    PreflightProbeOptions probeOptions(const PreflightHost &host) const;

private:
    ClusterSpec m_spec;
    QList<PreflightHost> m_hosts;
    std::shared_ptr<QList<std::optional<PreflightHostReport>>> m_reports;
};

} // namespace SparkDeck
