#pragma once

#include "providers/machinegraphs.h"
#include "providers/machineprovider.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QTextStream>

#include <memory>

namespace SparkDeck::Cli {

/// The cluster's provider for one command, made the way a user expects: credentials from the
/// keychain or the provider's own conventions (saying once when there is no keychain), the API
/// at its default URL or SPARKDECK_<PROVIDER>_API_URL, the user's public key from
/// `<machines.ssh.identity>.pub`, and their current address for the firewall. Waits on the
/// event loop for each.
class ProviderAccess
{
public:
    explicit ProviderAccess(const ClusterSpec &spec);
    ~ProviderAccess();

    Result<MachineProvider *> open(QTextStream &err);
    /// SPARKDECK_PROVIDER_POLL_MS sets how often the provider and SSH are asked (default 5 s).
    Result<MachineCreationOptions> creationOptions(bool oneAtATime) const;

private:
    ClusterSpec m_spec;
    std::unique_ptr<MachineProvider> m_provider;
};

} // namespace SparkDeck::Cli
