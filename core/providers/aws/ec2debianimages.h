#pragma once

#include "providers/aws/ec2client.h"
#include "providers/machineprovider.h"

namespace SparkDeck {

/// Debian 12's official AMIs, as Debian publishes them from its own AWS account: the
/// DescribeImages query for a region and its answer as image choices, newest first. The
/// default image of a cluster whose file names none.
class Ec2DebianImages
{
public:
    /// The AWS account that publishes Debian's official images.
    static QString owner() { return QStringLiteral("136693071363"); }
    static Ec2Client::Parameters query();
    static QList<ImageChoice> fromPages(const QList<XmlNode> &pages, const QString &region);
};

} // namespace SparkDeck
