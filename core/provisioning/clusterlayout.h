#pragma once

#include "spec/clusterspec.h"

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
    /// The unpacked distribution.
    QString sparkHome() const { return m_root + QStringLiteral("/spark-") + m_version; }
    QString confDir() const { return sparkHome() + QStringLiteral("/conf"); }
    QString runDir() const { return m_root + QStringLiteral("/run"); }
    QString logDir() const { return m_root + QStringLiteral("/logs"); }

private:
    QString m_base;
    QString m_root;
    QString m_version;
};

} // namespace SparkDeck
