#include "clusterspec.h"

#include <array>
#include <utility>

namespace SparkDeck {

namespace {

template<typename Enum, size_t N>
using Spellings = std::array<std::pair<Enum, const char *>, N>;

constexpr Spellings<Provider, 7> kProviders{{{Provider::Existing, "existing"},
                                             {Provider::Local, "local"},
                                             {Provider::VirtualBox, "virtualbox"},
                                             {Provider::DigitalOcean, "digitalocean"},
                                             {Provider::Ec2, "ec2"},
                                             {Provider::Gce, "gce"},
                                             {Provider::OpenStack, "openstack"}}};
constexpr Spellings<HostRole, 3> kRoles{{{HostRole::Unassigned, ""},
                                         {HostRole::Master, "master"},
                                         {HostRole::Worker, "worker"}}};
constexpr Spellings<HostKeyPolicy, 3> kPolicies{{{HostKeyPolicy::Strict, "strict"},
                                                 {HostKeyPolicy::AcceptNew, "accept-new"},
                                                 {HostKeyPolicy::Ask, "ask"}}};
constexpr Spellings<DeployMode, 2> kDeployModes{{{DeployMode::Standalone, "standalone"},
                                                 {DeployMode::Swarm, "swarm"}}};

template<typename Enum, size_t N>
QString spell(const Spellings<Enum, N> &spellings, Enum value)
{
    for (const auto &[candidate, text] : spellings) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return {};
}

template<typename Enum, size_t N>
std::optional<Enum> parse(const Spellings<Enum, N> &spellings, const QString &text)
{
    for (const auto &[value, spelling] : spellings) {
        if (*spelling && text == QLatin1String(spelling))
            return value;
    }
    return std::nullopt;
}

template<typename Enum, size_t N>
QStringList names(const Spellings<Enum, N> &spellings)
{
    QStringList result;
    for (const auto &entry : spellings) {
        if (*entry.second)
            result << QString::fromLatin1(entry.second);
    }
    return result;
}

} // namespace

QString toString(Provider provider) { return spell(kProviders, provider); }
QString toString(HostRole role) { return spell(kRoles, role); }
QString toString(HostKeyPolicy policy) { return spell(kPolicies, policy); }
QString toString(DeployMode mode) { return spell(kDeployModes, mode); }
QStringList providerNames() { return names(kProviders); }
QStringList hostRoleNames() { return names(kRoles); }
QStringList hostKeyPolicyNames() { return names(kPolicies); }
QStringList deployModeNames() { return names(kDeployModes); }
std::optional<Provider> providerFromString(const QString &text) { return parse(kProviders, text); }
std::optional<HostRole> hostRoleFromString(const QString &text) { return parse(kRoles, text); }
std::optional<HostKeyPolicy> hostKeyPolicyFromString(const QString &text)
{
    return parse(kPolicies, text);
}
std::optional<DeployMode> deployModeFromString(const QString &text)
{
    return parse(kDeployModes, text);
}

std::optional<HostSpec> ClusterSpec::masterHost() const
{
    if (machines.hosts.isEmpty())
        return std::nullopt;
    for (const HostSpec &host : machines.hosts) {
        if (host.role == HostRole::Master)
            return host;
    }
    return machines.hosts.first();
}

QList<HostSpec> ClusterSpec::workerHosts() const
{
    const std::optional<HostSpec> master = masterHost();
    if (!master)
        return {};
    QList<HostSpec> workers;
    for (const HostSpec &host : machines.hosts) {
        if (!(host == *master))
            workers << host;
    }
    workers << *master; // the master's host runs a worker only when the count needs it
    return workers;
}

} // namespace SparkDeck
