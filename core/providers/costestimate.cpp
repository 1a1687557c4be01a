#include "costestimate.h"

#include "providers/resourcejournal.h"

#include <QCoreApplication>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::CostEstimate)
};

QString dollars(double amount)
{
    return QStringLiteral("$%1").arg(amount, 0, 'f', 2);
}
} // namespace

CostEstimate CostEstimate::of(const ResourceJournal &journal, const QDateTime &now)
{
    CostEstimate estimate;
    for (const CloudResource &machine : journal.liveMachines()) {
        ++estimate.machines;
        if (machine.hourlyPrice) {
            ++estimate.pricedMachines;
            estimate.hourlyTotal += *machine.hourlyPrice;
        }
    }
    if (const std::optional<QDateTime> started = journal.leaseStarted())
        estimate.runningSeconds = qMax<qint64>(0, started->secsTo(now));
    estimate.costSoFar = estimate.hourlyTotal * double(estimate.runningSeconds) / 3600.0;
    estimate.expires = journal.leaseExpires();
    if (estimate.expires)
        estimate.secondsLeft = qMax<qint64>(0, now.secsTo(*estimate.expires));
    return estimate;
}

QString CostEstimate::duration(qint64 seconds)
{
    if (seconds < 60)
        return Tr::tr("%1s").arg(seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return Tr::tr("%1d %2h").arg(days).arg(hours);
    return hours > 0 ? Tr::tr("%1h %2m").arg(hours).arg(minutes) : Tr::tr("%1m").arg(minutes);
}

QString CostEstimate::describe() const
{
    QString text = Tr::tr("%n machine(s)", nullptr, machines);
    if (pricedMachines == machines && machines > 0) {
        text += Tr::tr(", %1 per hour, about %2 so far (%3)")
                    .arg(dollars(hourlyTotal), dollars(costSoFar), duration(runningSeconds));
    } else {
        text += Tr::tr(", running %1; the provider gives no price").arg(duration(runningSeconds));
    }
    if (!expires)
        return text + Tr::tr("; no expiry (set machines.expires_after)");
    if (isExpired())
        return text
               + Tr::tr("; EXPIRED at %1: 'sparkdeck-cli expire' tears it down")
                     .arg(expires->toUTC().toString(Qt::ISODate));
    return text
           + Tr::tr("; expires in %1 (at %2)")
                 .arg(duration(secondsLeft), expires->toUTC().toString(Qt::ISODate));
}

QJsonObject CostEstimate::toJson() const
{
    QJsonObject object{{QStringLiteral("machines"), machines},
                       {QStringLiteral("runningSeconds"), runningSeconds},
                       {QStringLiteral("expired"), isExpired()}};
    if (pricedMachines == machines && machines > 0) {
        object.insert(QStringLiteral("hourlyCost"), hourlyTotal);
        object.insert(QStringLiteral("costSoFar"), costSoFar);
        object.insert(QStringLiteral("currency"), QStringLiteral("USD"));
    }
    if (expires) {
        object.insert(QStringLiteral("expires"), expires->toUTC().toString(Qt::ISODate));
        object.insert(QStringLiteral("secondsLeft"), secondsLeft);
    }
    return object;
}

} // namespace SparkDeck
