#pragma once

#include "render/sparkconfig.h"
#include "spec/clusterspec.h"

#include <QString>

#include <optional>

namespace SparkDeck {

/// The shared folder as the containers see it: an NFSv4 export mounted by Docker's local volume
/// driver on whichever node runs the task.
struct SwarmSharedFolder
{
    QString server;     ///< the NFS server's address (the master's private address by default)
    QString exportPath; ///< the NFSv4 path the server exports
    QString mountPath;  ///< where the folder appears inside every container

    friend bool operator==(const SwarmSharedFolder &a, const SwarmSharedFolder &b)
    {
        return a.server == b.server && a.exportPath == b.exportPath && a.mountPath == b.mountPath;
    }
};

/// Everything a cluster's Docker stack file depends on. A plain value: the swarm engine fills it
/// (usually through forCluster()), renderSwarmStack() turns it into YAML.
///
/// What the engine provides before `docker stack deploy` (the stack only refers to them,
/// `external: true`): the overlay network `networkName` (`docker network create --driver overlay
/// --attachable`), the secret `secretName` holding spark.authenticate.secret (`docker secret
/// create NAME -`, value on stdin), the image `image` on every node (pulled or `docker load`ed),
/// and on every node the label `kPlacementLabel` with a value unique to that node (workers are
/// spread over its values; an unlabelled node counts as one group).
struct SwarmStack
{
    QString stackName; ///< the docker stack's name, = the cluster's name
    QString image;     ///< e.g. apache/spark:3.5.8, or a tag loaded from an image archive
    int workers = 2;   ///< replicas of the worker service
    int workerCores = 2;
    MemorySize workerMemory = MemorySize::fromMebibytes(2048);
    QString networkName; ///< the attachable overlay network (external)
    QString secretName;  ///< the Docker secret holding the authentication secret (external)
    std::optional<SwarmSharedFolder> sharedFolder;
    int masterPort = SparkPorts::kMaster;
    int masterWebUiPort = SparkPorts::kMasterWebUi; ///< published on the manager, mode: host
    int workerWebUiPort = SparkPorts::kWorkerWebUi; ///< never published: reached through the master

    /// The node label the worker service spreads over; the engine sets it on every node,
    /// `docker node update --label-add sparkdeck.node=<address> NODE`.
    static constexpr const char *kPlacementLabel = "sparkdeck.node";
    /// Where Spark is in the image (the official apache/spark layout).
    static constexpr const char *kSparkHome = "/opt/spark";
    /// The master's name on the cluster network. Not the service name: Spark parses master URLs
    /// with java.net.URI, which refuses the underscore in `<stack>_master`.
    static constexpr const char *kMasterAlias = "spark-master";

    /// The values for a cluster: names derived from spec.name, the shared folder (when enabled)
    /// served by `masterAddress` unless the spec names another server.
    static SwarmStack forCluster(const ClusterSpec &spec, const QString &masterAddress);
    /// `sparkdeck-<cluster>`: the overlay network the engine creates.
    static QString networkNameFor(const QString &cluster);
    /// `sparkdeck-<cluster>-auth`: the Docker secret the engine creates.
    static QString secretNameFor(const QString &cluster);

    /// `<stack>_master`, `<stack>_worker`: for docker service ls/ps/scale.
    QString masterService() const;
    QString workerService() const;
    /// spark://spark-master:7077, what the workers (and applications inside the network) use.
    QString masterUrl() const;

    friend bool operator==(const SwarmStack &a, const SwarmStack &b)
    {
        return a.stackName == b.stackName && a.image == b.image && a.workers == b.workers
               && a.workerCores == b.workerCores && a.workerMemory == b.workerMemory
               && a.networkName == b.networkName && a.secretName == b.secretName
               && a.sharedFolder == b.sharedFolder && a.masterPort == b.masterPort
               && a.masterWebUiPort == b.masterWebUiPort && a.workerWebUiPort == b.workerWebUiPort;
    }
};

/// The stack file (Compose format 3.8) for `docker stack deploy -c FILE <stackName>`. Pure and
/// deterministic; holds no secret. See swarmstack.cpp for what each part is for.
QString renderSwarmStack(const SwarmStack &stack);

} // namespace SparkDeck
