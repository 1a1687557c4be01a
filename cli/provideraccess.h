#pragma once

#include "providers/providerconnector.h"

#include <QTextStream>

#include <memory>

namespace SparkDeck::Cli {

/// The cluster's provider for one command (ProviderConnector), waiting on the event loop for
/// each answer; the keychain notice goes to the command's error stream.
class ProviderAccess
{
public:
    explicit ProviderAccess(const ClusterSpec &spec);
    ~ProviderAccess();

    Result<MachineProvider *> open(QTextStream &err);
    Result<MachineCreationOptions> creationOptions(bool oneAtATime) const;

private:
    std::unique_ptr<ProviderConnector> m_connector;
};

} // namespace SparkDeck::Cli
