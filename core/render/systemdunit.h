#pragma once

#include "spec/clusterspec.h"

#include <QString>

namespace SparkDeck {

class ClusterLayout;

/// A systemd service unit: its file name and content.
struct SystemdUnit
{
    QString name;    ///< e.g. sparkdeck-demo-master.service
    QString content;
};

/// Renders the systemd units that run a cluster's daemons where systemd is the init system:
/// Spark in the foreground through bin/spark-class (the daemon scripts' pid files are not
/// needed: systemd tracks the process), restarted on failure, started at boot. Pure functions.
class SystemdUnitRenderer
{
public:
    static SystemdUnit master(const ClusterSpec &spec, const ClusterLayout &layout);
    static SystemdUnit worker(const ClusterSpec &spec, const ClusterLayout &layout, int instance,
                              const QString &masterUrl, int webUiPort);
};

} // namespace SparkDeck
