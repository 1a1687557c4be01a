#pragma once

#include "spec/clusterspec.h"
#include "util/secret.h"

#include <QString>

namespace SparkDeck {

/// Where one Spark daemon host stands in the cluster; what the config files of that host need.
struct SparkNode
{
    QString address;       ///< this host's private address: daemons and UIs bind to it
    QString masterAddress; ///< the master's private address
    QString sparkHome;     ///< the unpacked distribution
    QString stateDir;      ///< pid files, logs and worker scratch space live below it
};

/// Spark's well-known ports; the UIs are reached through the SSH tunnel, never opened wide.
namespace SparkPorts {
constexpr int kMaster = 7077;
constexpr int kMasterWebUi = 8080;
constexpr int kWorkerWebUi = 8081;
constexpr int kApplicationUi = 4040;
constexpr int kJupyter = 8888;
} // namespace SparkPorts

/// Renders the two files Spark's daemons read on each host. Pure functions: no I/O.
///
/// Rules it encodes (see SPARK-FACTS): daemons and UIs bind to the host's private address
/// (SPARK_LOCAL_IP; unset means 0.0.0.0 and an UnknownHostException where names do not
/// resolve); memory always carries a unit; authentication is on with a per-cluster secret given
/// inline (standalone daemons ignore spark.authenticate.secret.file), so spark-defaults.conf
/// must be written with mode 0600; the reverse proxy and graceful decommission are on; the
/// REST submission server is off (unauthenticated remote code execution otherwise).
class SparkConfigRenderer
{
public:
    /// spark://H:7077, with an IPv6 address in brackets.
    static QString masterUrl(const QString &masterAddress);
    /// conf/spark-env.sh, sourced by bash: every value is shell-quoted.
    static QString sparkEnv(const ClusterSpec &spec, const SparkNode &node);
    /// conf/spark-defaults.conf. Holds the secret: write it 0600, never log it.
    static QString sparkDefaults(const ClusterSpec &spec, const SparkNode &node,
                                 const Secret &authenticationSecret);
    /// spark-defaults.conf without its secret line, for daemons that add the line themselves
    /// where the secret is (a container reading its Docker secret at start).
    static QString sparkDefaultsWithoutSecret(const QString &cluster, const QString &masterUrl);
    /// The property that carries the secret (spark.authenticate.secret).
    static QString secretProperty(const QString &secretText);
};

} // namespace SparkDeck
