#include "providerregistry.h"

#include "providers/aws/ec2provider.h"
#include "providers/digitalocean/digitaloceanprovider.h"
#include "providers/gce/gceprovider.h"
#include "providers/openstack/openstackprovider.h"
#include "providers/virtualbox/virtualboxprovider.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ProviderRegistry)
};

QUrl defaultApiUrl(Provider provider)
{
    switch (provider) {
    case Provider::DigitalOcean:
        return QUrl(QStringLiteral("https://api.digitalocean.com/v2/"));
    case Provider::Ec2:
        return QUrl(); // per region: https://ec2.<region>.amazonaws.com/
    case Provider::Gce:
        return QUrl(QStringLiteral("https://compute.googleapis.com/compute/v1/"));
    case Provider::OpenStack: // from the Keystone catalog
    case Provider::VirtualBox:
    case Provider::Existing:
    case Provider::Local:
        break;
    }
    return QUrl();
}
} // namespace

bool ProviderRegistry::createsMachines(Provider provider)
{
    return provider != Provider::Existing && provider != Provider::Local;
}

bool ProviderRegistry::isImplemented(Provider provider)
{
    // The providers create() has a case for.
    return provider == Provider::DigitalOcean || provider == Provider::Ec2 || provider == Provider::VirtualBox
           || provider == Provider::Gce || provider == Provider::OpenStack;
}

QString ProviderRegistry::apiUrlVariable(Provider provider)
{
    return QStringLiteral("SPARKDECK_%1_API_URL").arg(toString(provider).toUpper());
}

QUrl ProviderRegistry::apiBaseUrl(Provider provider, const QProcessEnvironment &environment)
{
    const QString overridden = environment.value(apiUrlVariable(provider));
    return overridden.isEmpty() ? defaultApiUrl(provider) : QUrl(overridden);
}

Result<std::unique_ptr<MachineProvider>> ProviderRegistry::create(const ProviderSettings &settings)
{
    const Provider provider = settings.spec.machines.provider;
    switch (provider) {
    case Provider::DigitalOcean:
        return DigitalOceanProvider::create(settings);
    case Provider::Ec2:
        return Ec2Provider::create(settings);
    case Provider::VirtualBox:
        return VirtualBoxProvider::create(settings);
    case Provider::Gce:
        return GceProvider::create(settings);
    case Provider::OpenStack:
        return OpenStackProvider::create(settings);
    case Provider::Existing:
    case Provider::Local:
        break;
    }
    return Error{Tr::tr("Provider '%1' cannot create machines yet; use 'existing' or 'local'.")
                     .arg(toString(provider))};
}

} // namespace SparkDeck
