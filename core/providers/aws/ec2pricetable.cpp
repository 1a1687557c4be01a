#include "ec2pricetable.h"

#include <QHash>

namespace SparkDeck {

std::optional<double> Ec2PriceTable::hourlyUsd(const QString &instanceType)
{
    static const QHash<QString, double> prices{
        {QStringLiteral("t3.micro"), 0.0104},  {QStringLiteral("t3.small"), 0.0208},
        {QStringLiteral("t3.medium"), 0.0416}, {QStringLiteral("t3.large"), 0.0832},
        {QStringLiteral("t3.xlarge"), 0.1664}, {QStringLiteral("t3.2xlarge"), 0.3328},
        {QStringLiteral("m5.large"), 0.096},   {QStringLiteral("m5.xlarge"), 0.192},
        {QStringLiteral("m5.2xlarge"), 0.384}, {QStringLiteral("m6i.large"), 0.096},
        {QStringLiteral("m6i.xlarge"), 0.192}, {QStringLiteral("m6i.2xlarge"), 0.384},
        {QStringLiteral("c5.large"), 0.085},   {QStringLiteral("c5.xlarge"), 0.17},
        {QStringLiteral("r5.large"), 0.126},   {QStringLiteral("r5.xlarge"), 0.252},
    };
    const auto found = prices.constFind(instanceType);
    return found == prices.constEnd() ? std::nullopt : std::optional<double>(*found);
}

} // namespace SparkDeck
