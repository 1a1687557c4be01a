#pragma once

#include <QString>

#include <optional>

namespace SparkDeck {

/// Hourly prices of common EC2 instance types, because the EC2 API gives none (AWS's Price
/// List API is another service with its own credentials and a multi-megabyte answer). The
/// figures are on-demand Linux prices in us-east-1, in USD, from AWS's public price list
/// (November 2024); other regions cost up to ~30% more. An estimate for the cost guard, never a
/// bill: a type not listed here has no price ("price unknown").
class Ec2PriceTable
{
public:
    static std::optional<double> hourlyUsd(const QString &instanceType);
};

} // namespace SparkDeck
