#pragma once

#include "providers/aws/xmlnode.h"
#include "providers/machineprovider.h"

#include <QList>

namespace SparkDeck {

/// How EC2 describes an instance (`<item>` of an instancesSet), read into SparkDeck's terms:
/// `running` is Ready, `pending` Pending, `terminated` and `shutting-down` Gone, and a stopped
/// or stopping machine Failed (it will not come up by itself).
class Ec2Instance
{
public:
    static ProvidedMachine toMachine(const XmlNode &item);
    /// The value of the tag `key` of a described resource (its tagSet), or empty.
    static QString tag(const XmlNode &item, const QString &key);
    /// The instances of every reservation in a DescribeInstances page.
    static QList<XmlNode> inReservations(const XmlNode &page);
};

} // namespace SparkDeck
