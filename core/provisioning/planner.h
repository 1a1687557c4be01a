#pragma once

#include "provisioning/plan.h"
#include "spec/clusterspec.h"
#include "util/result.h"

namespace SparkDeck {

/// Turns a valid ClusterSpec into the Plan a user reviews before `up`: per host, the steps and
/// the exact commands. Pure: it reads no file and touches no host. Every command is built with
/// ShellCommand, so the plan shows what will really be sent.
class Planner
{
public:
    static Result<Plan> plan(const ClusterSpec &spec);

    /// Where a cluster's files live on each host.
    static QString clusterHome(const ClusterSpec &spec);
};

} // namespace SparkDeck
