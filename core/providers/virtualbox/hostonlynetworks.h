#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace SparkDeck {

/// A host-only network as VBoxManage lists it: an adapter on Linux and Windows hosts
/// (`list hostonlyifs`: Name, IPAddress, NetworkMask) or, on macOS with VirtualBox 7, a
/// network (`list hostonlynets`: Name, LowerIP, UpperIP, NetworkMask).
struct HostOnlyNetwork
{
    QString name;
    QString address; ///< the host's address on it (adapters) or the lowest one (networks)
    QString mask;
};

/// Reads VBoxManage's listings of host-only networks and picks a free /24 for a cluster in
/// 192.168.56.0/21, the only range VirtualBox 6.1.28 and later allow by default on Linux
/// and macOS hosts (more needs /etc/vbox/networks.conf).
class HostOnlyNetworks
{
public:
    static QList<HostOnlyNetwork> parse(const QByteArray &listing);
    /// The third octet (56..63) of the first 192.168.x.0/24 no network in `existing` uses.
    static std::optional<int> freeSubnet(const QList<HostOnlyNetwork> &existing);
    /// Whether this host makes host-only *networks* (macOS) rather than adapters.
    static bool usesHostOnlyNets();
};

} // namespace SparkDeck
