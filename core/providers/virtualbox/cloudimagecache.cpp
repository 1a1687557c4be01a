#include "cloudimagecache.h"

#include "provisioning/filehashtask.h"
#include "util/digest.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::CloudImageCache)
};

/// The digest a "SHA512SUMS"-style list gives for `fileName` ("<hex>  name" or "<hex> *name").
QString digestIn(const QByteArray &list, const QString &fileName)
{
    for (const QByteArray &line : list.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2
            && (fields.at(1) == fileName.toUtf8() || fields.at(1) == '*' + fileName.toUtf8()))
            return QString::fromLatin1(fields.at(0)).toLower();
    }
    return QString();
}

QString readMarker(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).trimmed()
                                          : QString();
}
} // namespace

CloudImageCache::CloudImageCache(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_network(new QNetworkAccessManager(this))
{}

QString CloudImageCache::defaultImage()
{
    return QStringLiteral(
        "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-generic-amd64.qcow2");
}

void CloudImageCache::fetch(const QString &source, QObject *context, Callback done)
{
    const QUrl url(source);
    if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
        fetchSums(url, {QStringLiteral("SHA512SUMS"), QStringLiteral("SHA256SUMS")}, context,
                  std::move(done));
        return;
    }
    const QString path = url.isLocalFile() ? url.toLocalFile() : source;
    if (!QFileInfo(path).isFile()) {
        QTimer::singleShot(0, context, [done, path] {
            done(Error{Tr::tr("The image %1 does not exist. Give a cloud image file (qcow2, raw, "
                              "vmdk or vdi) or "
                              "an http(s) URL of one.")
                           .arg(path)});
        });
        return;
    }
    // The user's own file: used where it is, named by its SHA-512 (hashed off this thread).
    auto digest = std::make_shared<QString>();
    auto *hash = new FileHashTask(
        Tr::tr("Checksum of %1").arg(path), path, [digest](const QString &hex) { *digest = hex; },
        context);
    connect(hash, &Task::finished, context, [hash, path, digest, done](const TaskOutcome &outcome) {
        hash->deleteLater();
        if (outcome.succeeded())
            done(CachedImage{path, *digest});
        else
            done(Error{outcome.message});
    });
    hash->start();
}

void CloudImageCache::fetchSums(const QUrl &url, const QStringList &listNames, QObject *context,
                                Callback done)
{
    if (listNames.isEmpty()) {
        QTimer::singleShot(0, context, [done, url] {
            done(Error{
                Tr::tr(
                    "No SHA512SUMS or SHA256SUMS beside %1 lists %2, so SparkDeck cannot check the "
                    "download. Use an image whose publisher lists its checksums (Debian, Ubuntu), "
                    "or "
                    "download it yourself, check it, and give its path.")
                    .arg(url.toString(QUrl::RemoveFilename), url.fileName())});
        });
        return;
    }
    QNetworkReply *reply = m_network->get(QNetworkRequest(url.resolved(QUrl(listNames.first()))));
    reply->setParent(context);
    connect(reply, &QNetworkReply::finished, context, [this, reply, url, listNames, context, done] {
        reply->deleteLater();
        const QString expected = reply->error() == QNetworkReply::NoError
                                     ? digestIn(reply->readAll(), url.fileName())
                                     : QString();
        if (expected.isEmpty()) {
            fetchSums(url, listNames.mid(1), context, done);
            return;
        }
        const QString algorithm = listNames.first().startsWith(QLatin1String("SHA512"))
                                      ? QStringLiteral("sha512")
                                      : QStringLiteral("sha256");
        download(url, algorithm, expected, context, done);
    });
}

void CloudImageCache::download(const QUrl &url, const QString &algorithm, const QString &expected,
                               QObject *context, Callback done)
{
    const QString target = QDir(m_directory).filePath(url.fileName());
    const QString marker = target + QStringLiteral(".verified");
    if (QFileInfo(target).isFile()
        && readMarker(marker) == algorithm + QLatin1Char(':') + expected) {
        QTimer::singleShot(0, context, [done, target, expected] {
            done(CachedImage{target, expected});
        });
        return;
    }
    auto part = std::make_shared<QFile>(target + QStringLiteral(".part"));
    if (!QDir().mkpath(m_directory) || !part->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTimer::singleShot(0, context, [done, part] {
            done(Error{Tr::tr("Cannot write %1: %2").arg(part->fileName(), part->errorString())});
        });
        return;
    }
    auto digest = std::make_shared<Digest>(algorithm == QLatin1String("sha512")
                                               ? Digest::Algorithm::Sha512
                                               : Digest::Algorithm::Sha256);
    QNetworkReply *reply = m_network->get(QNetworkRequest(url));
    reply->setParent(context);
    connect(reply, &QNetworkReply::readyRead, context, [reply, part, digest] {
        const QByteArray chunk = reply->readAll();
        digest->addData(chunk);
        part->write(chunk);
    });
    connect(
        reply, &QNetworkReply::finished, context,
        [reply, part, digest, url, target, marker, algorithm, expected, done] {
            reply->deleteLater();
            const QByteArray rest = reply->readAll();
            digest->addData(rest);
            part->write(rest);
            part->close();
            const QString actual = QString::fromLatin1(digest->result().toHex());
            if (reply->error() != QNetworkReply::NoError) {
                part->remove();
                done(Error{
                    Tr::tr("Downloading %1 failed: %2").arg(url.toString(), reply->errorString())});
                return;
            }
            if (actual != expected) {
                part->remove();
                done(Error{Tr::tr("The download of %1 is damaged: its %2 is %3, the publisher's "
                                  "list says %4. It was "
                                  "deleted; try again, or check the URL.")
                               .arg(url.toString(), algorithm, actual, expected)});
                return;
            }
            QFile::remove(target);
            QFile markerFile(marker);
            if (!part->rename(target) || !markerFile.open(QIODevice::WriteOnly)
                || markerFile.write((algorithm + QLatin1Char(':') + expected).toLatin1()) < 0) {
                done(Error{Tr::tr("Cannot keep the image as %1.").arg(target)});
                return;
            }
            done(CachedImage{target, expected});
        });
}

} // namespace SparkDeck
