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

    /// A swarm cluster file of this image on existing hosts (the first is the master): 2 workers,
    /// no shared folder, host keys as `knownHosts` lists them.
    QByteArray clusterFile(const QString &name, const QStringList &addresses, const QString &identity,
                           const QString &knownHosts) const
    {
        QString hosts;
        for (int i = 0; i < addresses.size(); ++i) {
            hosts += QStringLiteral("    - { address: %1%2 }\n")
                         .arg(addresses.at(i), i == 0 ? QStringLiteral(", role: master") : QString());
        }
        return QStringLiteral("name: %1\n"
                              "machines:\n"
                              "  provider: existing\n"
                              "  hosts:\n%2"
                              "  ssh: {user: root, identity: %3, known_hosts: %4, host_key_policy: strict}\n"
                              "spark: {deploy: swarm, image: \"%5\", image_archive: %6}\n"
                              "workers: {count: 2, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n")
            .arg(name, hosts, identity, knownHosts, tag, archive)
            .toUtf8();
    }
};

} // namespace SparkDeck::Test
