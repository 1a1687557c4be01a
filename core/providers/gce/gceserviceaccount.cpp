#include "gceserviceaccount.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#ifdef SPARKDECK_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#include <openssl/pem.h>
#endif

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::GceServiceAccount)
};

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

/// RSASSA-PKCS1-v1_5 with SHA-256 of `data` under the PEM key, as RS256 wants it.
Result<QByteArray> signRs256(const QByteArray &pem, const QByteArray &data)
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    if (!key)
        return Error{Tr::tr("The service account's private_key is not a PEM private key.")};
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    if (context && EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(context, nullptr, &length,
                          reinterpret_cast<const unsigned char *>(data.constData()),
                          size_t(data.size()))
               == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                           reinterpret_cast<const unsigned char *>(data.constData()),
                           size_t(data.size()))
            != 1)
            signature.clear();
        signature.resize(qsizetype(length));
    }
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(key);
    if (signature.isEmpty())
        return Error{Tr::tr("Signing with the service account's key failed (is it an RSA key?).")};
    return signature;
#else
    Q_UNUSED(pem)
    Q_UNUSED(data)
    return Error{Tr::tr(
        "This SparkDeck was built without OpenSSL's libcrypto, which signs Google Cloud logins.")};
#endif
}
} // namespace

Result<GceServiceAccount> GceServiceAccount::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read the service account key %1: %2. Point "
                            "GOOGLE_APPLICATION_CREDENTIALS at the "
                            "JSON key of a service account with the Compute Admin role.")
                         .arg(path, file.errorString())};
    const QJsonObject key = QJsonDocument::fromJson(file.readAll()).object();
    if (key.value(QLatin1String("type")).toString() != QLatin1String("service_account"))
        return Error{
            Tr::tr("%1 is not a service account key (its \"type\" is not \"service_account\"). "
                   "Create one in "
                   "the Google Cloud console: IAM > Service accounts > Keys > Add key > JSON.")
                .arg(path)};
    GceServiceAccount account;
    account.m_clientEmail = key.value(QLatin1String("client_email")).toString();
    account.m_projectId = key.value(QLatin1String("project_id")).toString();
    account.m_tokenUri = key.value(QLatin1String("token_uri"))
                             .toString(QStringLiteral("https://oauth2.googleapis.com/token"));
    account.m_privateKey = Secret(key.value(QLatin1String("private_key")).toString());
    if (account.m_clientEmail.isEmpty() || account.m_projectId.isEmpty()
        || account.m_privateKey.isEmpty())
        return Error{
            Tr::tr("The service account key %1 lacks client_email, project_id or private_key.")
                .arg(path)};
    return account;
}

Result<QByteArray> GceServiceAccount::assertion(const QString &scope, const QDateTime &now) const
{
    const qint64 issued = now.toSecsSinceEpoch();
    const QByteArray header
        = QJsonDocument(QJsonObject{{QStringLiteral("alg"), QStringLiteral("RS256")},
                                    {QStringLiteral("typ"), QStringLiteral("JWT")}})
              .toJson(QJsonDocument::Compact);
    const QByteArray claims = QJsonDocument(QJsonObject{{QStringLiteral("iss"), m_clientEmail},
                                                        {QStringLiteral("scope"), scope},
                                                        {QStringLiteral("aud"), m_tokenUri},
                                                        {QStringLiteral("iat"), issued},
                                                        {QStringLiteral("exp"), issued + 3600}})
                                  .toJson(QJsonDocument::Compact);
    const QByteArray signingInput = base64Url(header) + '.' + base64Url(claims);
    const Result<QByteArray> signature = signRs256(m_privateKey.reveal().toUtf8(), signingInput);
    if (!signature)
        return Error{signature.errorMessage()};
    return signingInput + '.' + base64Url(*signature);
}

} // namespace SparkDeck
