#include "clusterlayout.h"

namespace SparkDeck {

ClusterLayout::ClusterLayout(const ClusterSpec &spec, const QString &base)
    : m_name(spec.name), m_base(base), m_root(base + QLatin1Char('/') + spec.name), m_version(spec.spark.version)
{}

QString ClusterLayout::cachedDistribution(const QString &sha512) const
{
    return cache() + QLatin1Char('/') + sha512.left(32) + QStringLiteral("/spark.tgz");
}

QString ClusterLayout::cachedImage(const QString &sha512) const
{
    return cache() + QLatin1Char('/') + sha512.left(32) + QStringLiteral("/image.tar");
}

} // namespace SparkDeck
