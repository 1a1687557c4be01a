#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace SparkDeck {

class ResourceJournal;

/// The cost guard's arithmetic for `status` and the app: how many machines run, what they cost
/// per hour (the provider's prices), what they have cost since the lease began, and how long
/// until the lease expires. Pure: `now` is given.
struct CostEstimate
{
    int machines = 0;
    int pricedMachines = 0;
    double hourlyTotal = 0; ///< USD per hour for the priced machines
    qint64 runningSeconds = 0;
    double costSoFar = 0; ///< hourly total x hours running
    std::optional<QDateTime> expires;
    qint64 secondsLeft = 0; ///< 0 when expired or without a lease

    bool isExpired() const { return expires && secondsLeft <= 0; }

    static CostEstimate of(const ResourceJournal &journal, const QDateTime &now);
    /// "3 machines, $0.11 per hour, about $0.13 so far (1h 12m); expires in 1h 48m (at 2026-...)".
    QString describe() const;
    QJsonObject toJson() const;
    /// "1h 12m", "3d 4h", "45s".
    static QString duration(qint64 seconds);
};

} // namespace SparkDeck
