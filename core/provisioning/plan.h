#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace SparkDeck {

/// One thing to do on one host, with the exact commands it will run (secrets masked).
struct PlanStep
{
    QString title;
    QStringList commands;
};

struct HostPlan
{
    QString host;     ///< address, or "this computer"
    QStringList roles; ///< "master", "worker", "shared folder server", ...
    QList<PlanStep> steps;
};

/// What `up` would do, host by host, shown to the user before anything runs.
struct Plan
{
    QString clusterName;
    QList<HostPlan> hosts;

    /// The plan as a person reads it in a terminal or in the wizard's review page.
    QString toText() const;
};

} // namespace SparkDeck
