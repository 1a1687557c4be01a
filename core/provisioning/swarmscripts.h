#pragma once

#include "provisioning/clusterlayout.h"
#include "provisioning/machine.h"
#include "render/swarmstack.h"
#include "util/secret.h"

#include <QString>

namespace SparkDeck {

/// The shell scripts of a Docker swarm cluster's steps, as pairs of check and apply, plus the
/// reads `status` needs. Pure functions: every value from the user goes through ShellCommand;
/// each check exits 0 when the world already holds, 1 when it does not, and 3 with a message
/// when it cannot be made to hold without the user (a node in another swarm). Docker runs as the
/// login user when it may, else through sudo -n, DOCKER_HOST kept either way. The secret and the
/// join token travel on standard input, never on SparkDeck's command lines (the docker CLI takes
/// the token only as an argument: it appears there, on the joining node, for a moment).
class SwarmScripts
{
public:
    SwarmScripts(const ClusterLayout &layout, const SwarmStack &stack);

    // The engine, from the host's packages when missing.
    static CommandRequest dockerReady();
    static CommandRequest installDocker();

    // The swarm: SparkDeck's own, remembered on the manager by its cluster ID (swarm-id in the
    // cluster's directory), so that a node that already belongs to another swarm is never
    // taken over, nor left.
    CommandRequest managesOurSwarm() const;
    CommandRequest initSwarm(const QString &advertiseAddress) const;
    static CommandRequest readJoinToken();
    static CommandRequest joinedTo(const QString &managerAddress);
    static CommandRequest join(const QString &managerAddress, const QString &ownAddress,
                               const Secret &token);
    /// On the manager: every node carries SwarmStack::kPlacementLabel = its own address.
    static CommandRequest nodesLabelled();
    static CommandRequest labelNodes();

    // What the stack refers to (external): network, secret, image.
    CommandRequest networkPresent() const;
    CommandRequest createNetwork() const;
    CommandRequest secretPresent() const;
    CommandRequest createSecret(const Secret &secret) const;
    CommandRequest imagePresent() const;
    CommandRequest pullImage() const;
    /// `docker load` of an archive cached on the host (ClusterLayout::cachedImage()).
    CommandRequest loadImage(const QString &sha512) const;

    // The stack.
    QString stackFile() const;
    CommandRequest deployStack() const;
    /// Every service of the stack shows all its replicas running (`docker service ls`).
    CommandRequest waitForReplicas(int seconds) const;
    CommandRequest scaleWorkers(int count) const;
    /// `docker service ls` of the stack, one JSON object per line (for `status`).
    CommandRequest listServices() const;

    // Tearing down, each a no-op when there is nothing to remove.
    CommandRequest removeStack() const;
    /// On any node: waits until no container of the stack is left there.
    CommandRequest waitForContainersGone(int seconds) const;
    CommandRequest removeNetwork() const;
    CommandRequest removeSecret() const;
    /// On any node: the stack's volumes (the shared folder's data lives on its NFS server).
    CommandRequest removeVolumes() const;
    /// The manager leaves only SparkDeck's own swarm; a worker only the swarm of `managerAddress`.
    CommandRequest leaveOurSwarm() const;
    static CommandRequest leaveSwarmOf(const QString &managerAddress);

private:
    ClusterLayout m_layout;
    SwarmStack m_stack;
};

} // namespace SparkDeck
