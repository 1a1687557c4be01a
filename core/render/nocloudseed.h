#pragma once

#include "util/result.h"

#include <QString>

namespace SparkDeck {

/// The network of a VirtualBox machine: NAT for the internet (DHCP from VirtualBox) and a
/// fixed address on the cluster's host-only network, each adapter known by its MAC address.
struct NoCloudNetwork
{
    QString natMac; ///< "08:00:27:1a:2b:3c"
    QString hostOnlyMac;
    QString address; ///< IPv4 on the host-only network: "192.168.56.10"
    int prefixLength = 24;
};

/// The NoCloud seed files besides user-data (cloud-init reads them from a volume labelled
/// `cidata`): `meta-data` (instance-id, which cloud-init keys first boot on, and the host
/// name) and a version 2 `network-config`. Pure: no I/O. Values are checked, not escaped.
class NoCloudSeedRenderer
{
public:
    static Result<QString> metaData(const QString &instanceId, const QString &hostname);
    static Result<QString> networkConfig(const NoCloudNetwork &network);
};

} // namespace SparkDeck
