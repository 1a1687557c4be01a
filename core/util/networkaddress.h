#pragma once

#include <QString>

namespace SparkDeck::NetworkAddress {

/// The address as URLs, NFS and host:port strings need it: an IPv6 address in brackets.
QString bracketed(const QString &address);
/// ADDRESS:PORT, as `docker swarm join` takes it.
QString withPort(const QString &address, int port);
/// http://ADDRESS:PORT/PATH (PATH starts with '/').
QString httpUrl(const QString &address, int port, const QString &path);

} // namespace SparkDeck::NetworkAddress
