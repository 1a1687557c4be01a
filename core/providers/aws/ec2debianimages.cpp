#include "ec2debianimages.h"

#include <algorithm>

namespace SparkDeck {

Ec2Client::Parameters Ec2DebianImages::query()
{
    Ec2Client::Parameters parameters{{QStringLiteral("Owner.1"), owner()}};
    parameters.append(
        Ec2Client::filter(1, QStringLiteral("name"), {QStringLiteral("debian-12-amd64-*")}));
    parameters.append(Ec2Client::filter(2, QStringLiteral("state"), {QStringLiteral("available")}));
    parameters.append(
        Ec2Client::filter(3, QStringLiteral("architecture"), {QStringLiteral("x86_64")}));
    return parameters;
}

QList<ImageChoice> Ec2DebianImages::fromPages(const QList<XmlNode> &pages, const QString &region)
{
    QList<XmlNode> items;
    for (const XmlNode &page : pages)
        items.append(page.child(QStringLiteral("imagesSet")).items());
    std::sort(items.begin(), items.end(), [](const XmlNode &a, const XmlNode &b) {
        return a.text(QStringLiteral("creationDate")) > b.text(QStringLiteral("creationDate"));
    });
    QList<ImageChoice> images;
    for (const XmlNode &item : std::as_const(items))
        images.append(
            {item.text(QStringLiteral("imageId")), item.text(QStringLiteral("name")), {region}});
    return images;
}

} // namespace SparkDeck
