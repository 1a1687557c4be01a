// Cloud images for VirtualBox: downloaded only when the publisher's checksum list names them,
// kept only when the digest matches, used again from the cache; a local file where it is.
#include "httptestserver.h"
#include "providercalls.h"
#include "providers/virtualbox/cloudimagecache.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using namespace SparkDeck::Test;

class tst_CloudImageCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void downloadsVerifiesAndReuses();
    void fallsBackToSha256Sums();
    void aDamagedDownloadIsRefusedAndDeleted();
    void refusesAnImageNoListNames();
    void aLocalFileIsUsedWhereItIs();
    void aMissingLocalFileSaysWhatToGive();

private:
    std::optional<Result<CachedImage>> fetch(const QString &source);
    void serve(const QByteArray &sha512Sums, const QByteArray &sha256Sums);
    QList<HttpTestRequest> imageDownloads() const
    {
        return m_server->requests("GET", QStringLiteral("/images/debian.qcow2"));
    }

    const QByteArray m_image = QByteArray("QFI\xfb", 4) + QByteArray(100000, 'd');
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CloudImageCache> m_cache;
};

void tst_CloudImageCache::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_dir = std::make_unique<QTemporaryDir>();
    m_cache = std::make_unique<CloudImageCache>(m_dir->filePath(QStringLiteral("images")));
}

void tst_CloudImageCache::serve(const QByteArray &sha512Sums, const QByteArray &sha256Sums)
{
    m_server->setHandler([=](const HttpTestRequest &request) {
        if (request.path == QLatin1String("/images/debian.qcow2"))
            return HttpTestResponse{200, m_image, {}, false, false};
        if (request.path == QLatin1String("/images/SHA512SUMS") && !sha512Sums.isEmpty())
            return HttpTestResponse{200, sha512Sums, {}, false, false};
        if (request.path == QLatin1String("/images/SHA256SUMS") && !sha256Sums.isEmpty())
            return HttpTestResponse{200, sha256Sums, {}, false, false};
        return HttpTestResponse::empty(404);
    });
}

std::optional<Result<CachedImage>> tst_CloudImageCache::fetch(const QString &source)
{
    return await<CachedImage>([&](QObject *context, CloudImageCache::Callback done) {
        m_cache->fetch(source, context, done);
    });
}

void tst_CloudImageCache::downloadsVerifiesAndReuses()
{
    const QByteArray digest = QCryptographicHash::hash(m_image, QCryptographicHash::Sha512).toHex();
    serve(QByteArray(128, '0') + "  other.qcow2\n" + digest + "  debian.qcow2\n", {});
    const QString url = m_server->url(QStringLiteral("/images/debian.qcow2")).toString();

    const auto first = fetch(url);
    QVERIFY(first);
    QVERIFY2(*first, qPrintable(first->ok() ? QString() : first->errorMessage()));
    QCOMPARE(first->value().digest, QString::fromLatin1(digest));
    QFile kept(first->value().path);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), m_image);

    const auto again = fetch(url);
    QVERIFY(again && *again);
    QCOMPARE(again->value().path, first->value().path);
    QCOMPARE(imageDownloads().size(), 1); // the verified copy was used
}

void tst_CloudImageCache::fallsBackToSha256Sums()
{
    const QByteArray digest = QCryptographicHash::hash(m_image, QCryptographicHash::Sha256).toHex();
    serve({}, digest + " *debian.qcow2\n");
    const auto fetched = fetch(m_server->url(QStringLiteral("/images/debian.qcow2")).toString());
    QVERIFY(fetched);
    QVERIFY2(*fetched, qPrintable(fetched->ok() ? QString() : fetched->errorMessage()));
    QCOMPARE(fetched->value().digest, QString::fromLatin1(digest));
}

void tst_CloudImageCache::aDamagedDownloadIsRefusedAndDeleted()
{
    serve(QByteArray(128, 'a') + "  debian.qcow2\n", {});
    const auto fetched = fetch(m_server->url(QStringLiteral("/images/debian.qcow2")).toString());
    QVERIFY(fetched);
    QVERIFY(!*fetched);
    QVERIFY2(fetched->errorMessage().contains(QLatin1String("damaged")),
             qPrintable(fetched->errorMessage()));
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral("images"))).entryList(QDir::Files), QStringList());
}

void tst_CloudImageCache::refusesAnImageNoListNames()
{
    serve("0123  another.qcow2\n", {});
    const auto fetched = fetch(m_server->url(QStringLiteral("/images/debian.qcow2")).toString());
    QVERIFY(fetched);
    QVERIFY(!*fetched);
    QVERIFY2(fetched->errorMessage().contains(QLatin1String("cannot check")),
             qPrintable(fetched->errorMessage()));
    QVERIFY(imageDownloads().isEmpty());
}

void tst_CloudImageCache::aLocalFileIsUsedWhereItIs()
{
    const QString path = m_dir->filePath(QStringLiteral("mine.raw"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_image);
    file.close();
    const auto fetched = fetch(path);
    QVERIFY(fetched && *fetched);
    QCOMPARE(fetched->value().path, path);
    QCOMPARE(
        fetched->value().digest,
        QString::fromLatin1(QCryptographicHash::hash(m_image, QCryptographicHash::Sha512).toHex()));
}

void tst_CloudImageCache::aMissingLocalFileSaysWhatToGive()
{
    const auto fetched = fetch(m_dir->filePath(QStringLiteral("nothing.qcow2")));
    QVERIFY(fetched);
    QVERIFY(!*fetched);
    QVERIFY(fetched->errorMessage().contains(QLatin1String("does not exist")));
}

QTEST_GUILESS_MAIN(tst_CloudImageCache)
#include "tst_cloudimagecache.moc"
