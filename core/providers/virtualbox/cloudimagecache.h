#pragma once

#include "util/result.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace SparkDeck {

/// A cloud image ready on this computer, with the digest that names it.
struct CachedImage
{
    QString path;
    QString digest; ///< lowercase hex (SHA-512, or SHA-256 when the publisher lists only that)
};

/// Brings a cloud image (qcow2, raw, vmdk, vdi) to this computer once: a local file is used
/// where it is; a URL is downloaded into the cache folder only when a checksum list beside it
/// (SHA512SUMS, else SHA256SUMS, as Debian and Ubuntu publish) names the file, and kept only if
/// its digest matches. A verified copy is used again without downloading.
class CloudImageCache : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<CachedImage> &)>;

    explicit CloudImageCache(const QString &directory, QObject *parent = nullptr);

    /// Debian 12's generic amd64 cloud image (qcow2), which has the drivers VirtualBox's
    /// virtual hardware needs.
    static QString defaultImage();

    /// `source`: an http(s) URL or a local path. `done` runs later, unless `context` went.
    void fetch(const QString &source, QObject *context, Callback done);

private:
    void fetchSums(const QUrl &url, const QStringList &listNames, QObject *context, Callback done);
    void download(const QUrl &url, const QString &algorithm, const QString &expected,
                  QObject *context, Callback done);

    QString m_directory;
    QNetworkAccessManager *m_network;
};

} // namespace SparkDeck
