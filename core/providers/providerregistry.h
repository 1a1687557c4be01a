#pragma once

#include "providers/machineprovider.h"
#include "providers/providercredentials.h"
#include "spec/clusterspec.h"
#include "util/result.h"

#include <QProcessEnvironment>
#include <QUrl>

#include <memory>

namespace SparkDeck {

/// What a provider is made with: the cluster, its credentials and where its API lives.
struct ProviderSettings
{
    ClusterSpec spec;
    ProviderCredentials credentials;
    /// The API's base URL: the provider's default, or SPARKDECK_<PROVIDER>_API_URL (tests and
    /// compatible clouds), e.g. SPARKDECK_DIGITALOCEAN_API_URL=http://127.0.0.1:8080/v2/.
    QUrl apiBaseUrl;
};

/// Makes the provider that spec.machines.provider names. One place lists them all.
class ProviderRegistry
{
public:
    /// True for providers that create machines (not `existing`, not `local`).
    static bool createsMachines(Provider provider);
    /// True for providers create() can make in this release (the wizard offers only those).
    static bool isImplemented(Provider provider);
    /// The API base URL for `provider`: the environment's override, else the default.
    static QUrl apiBaseUrl(Provider provider, const QProcessEnvironment &environment);
    /// The name of the environment variable that overrides the API URL.
    static QString apiUrlVariable(Provider provider);

    static Result<std::unique_ptr<MachineProvider>> create(const ProviderSettings &settings);
};

} // namespace SparkDeck
