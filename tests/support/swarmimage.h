#pragma once

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace SparkDeck::Test {

/// The Spark image archive the docker_lab fixture built (tests/lab/swarm-image.sh), as the swarm
/// tests load it: its path and the image's tag, read from the archive's manifest (`docker save`).
struct SwarmImage
{
    QString archive;
    QString tag;

    /// From $SPARKDECK_SWARM_IMAGE_ARCHIVE; an empty tag (and `error`) when it cannot be read.
    static SwarmImage fromEnvironment(QString *error)
    {
        SwarmImage image{qEnvironmentVariable("SPARKDECK_SWARM_IMAGE_ARCHIVE"), QString()};
        if (!QFileInfo::exists(image.archive)) {
            *error = QStringLiteral("no image archive at '%1' (SPARKDECK_SWARM_IMAGE_ARCHIVE)")
                         .arg(image.archive);
            return image;
        }
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-xOf"), image.archive, QStringLiteral("manifest.json")});
        tar.waitForFinished(60000);
        image.tag = QJsonDocument::fromJson(tar.readAllStandardOutput())
                        .array()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("RepoTags"))
                        .toArray()
                        .at(0)
                        .toString();
        if (image.tag.isEmpty())
            *error = QStringLiteral("the archive %1 names no image").arg(image.archive);
        return image;
    }
};

} // namespace SparkDeck::Test
