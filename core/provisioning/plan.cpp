#include "plan.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Plan)
};
} // namespace

QString Plan::toText() const
{
    QString text = Tr::tr("Plan for cluster '%1'").arg(clusterName) + QLatin1Char('\n');
    for (const HostPlan &host : hosts) {
        text += QStringLiteral("\n%1 (%2)\n").arg(host.host, host.roles.join(QStringLiteral(", ")));
        int number = 0;
        for (const PlanStep &step : host.steps) {
            text += QStringLiteral("  %1. %2\n").arg(++number).arg(step.title);
            for (const QString &command : step.commands)
                text += QStringLiteral("       $ %1\n").arg(command);
        }
    }
    return text;
}

} // namespace SparkDeck
