#pragma once

#include "spec/clusterspec.h"

#include <QHash>
#include <QString>

namespace SparkDeck {

/// Where a cluster's files live on each host. Everything SparkDeck writes on a host is below
/// root() or cache(), so `down` knows exactly what to remove.
class ClusterLayout
{
public:
    explicit ClusterLayout(const ClusterSpec &spec, const QString &base = QStringLiteral("/opt/sparkdeck"));

    QString base() const { return m_base; }
    /// /opt/sparkdeck/<name>: the cluster's own directory on the host.
    QString root() const { return m_root; }
    /// Distributions by checksum, shared by the clusters of a host: one download per host.
    QString cache() const { return m_base + QStringLiteral("/cache"); }
    QString cachedDistribution(const QString &sha512) const;
    /// An image archive (`docker save`) for deploy: swarm, cached the same way.
    QString cachedImage(const QString &sha512) const;
    /// The unpacked distribution.
    QString sparkHome() const { return m_root + QStringLiteral("/spark-") + m_version; }
    QString confDir() const { return sparkHome() + QStringLiteral("/conf"); }
    QString runDir() const { return m_root + QStringLiteral("/run"); }
    QString logDir() const { return m_root + QStringLiteral("/logs"); }
    /// On a swarm's manager: the ID of the swarm SparkDeck made for the cluster.
    QString swarmIdFile() const { return m_root + QStringLiteral("/swarm-id"); }
    /// The port the master serves cached files on while workers fetch them: fixed per cluster.
    int sharingPort() const { return 20000 + int(qHash(m_name) % 10000); }

private:
    QString m_name;
    QString m_base;
    QString m_root;
    QString m_version;
};

} // namespace SparkDeck
