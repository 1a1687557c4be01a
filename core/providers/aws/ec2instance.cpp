#include "ec2instance.h"

namespace SparkDeck {

ProvidedMachine Ec2Instance::toMachine(const XmlNode &item)
{
    ProvidedMachine machine;
    machine.id = item.text(QStringLiteral("instanceId"));
    machine.statusText = item.child(QStringLiteral("instanceState")).text(QStringLiteral("name"));
    machine.publicAddress = item.text(QStringLiteral("ipAddress"));
    machine.privateAddress = item.text(QStringLiteral("privateIpAddress"));
    if (machine.statusText == QLatin1String("running"))
        machine.status = ProvidedMachine::Status::Ready;
    else if (machine.statusText == QLatin1String("pending"))
        machine.status = ProvidedMachine::Status::Pending;
    else if (machine.statusText == QLatin1String("terminated")
             || machine.statusText == QLatin1String("shutting-down"))
        machine.status = ProvidedMachine::Status::Gone;
    else
        machine.status = ProvidedMachine::Status::Failed;
    return machine;
}

QString Ec2Instance::tag(const XmlNode &item, const QString &key)
{
    for (const XmlNode &tag : item.child(QStringLiteral("tagSet")).items()) {
        if (tag.text(QStringLiteral("key")) == key)
            return tag.text(QStringLiteral("value"));
    }
    return QString();
}

QList<XmlNode> Ec2Instance::inReservations(const XmlNode &page)
{
    QList<XmlNode> instances;
    for (const XmlNode &reservation : page.child(QStringLiteral("reservationSet")).items())
        instances.append(reservation.child(QStringLiteral("instancesSet")).items());
    return instances;
}

} // namespace SparkDeck
