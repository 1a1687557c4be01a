#include "digest.h"

#include <QCryptographicHash>

#ifdef SPARKDECK_HAVE_LIBCRYPTO
#include <openssl/evp.h>
#endif

namespace SparkDeck {

struct Digest::Private
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    EVP_MD_CTX *context = nullptr;
#endif
    std::unique_ptr<QCryptographicHash> fallback;
};

Digest::Digest(Algorithm algorithm) : d(std::make_unique<Private>())
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    d->context = EVP_MD_CTX_new();
    if (d->context
        && EVP_DigestInit_ex(d->context, algorithm == Algorithm::Sha256 ? EVP_sha256() : EVP_sha512(),
                             nullptr)
               == 1)
        return;
    EVP_MD_CTX_free(d->context);
    d->context = nullptr;
#endif
    d->fallback = std::make_unique<QCryptographicHash>(algorithm == Algorithm::Sha256
                                                           ? QCryptographicHash::Sha256
                                                           : QCryptographicHash::Sha512);
}

Digest::~Digest()
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    EVP_MD_CTX_free(d->context);
#endif
}

void Digest::addData(QByteArrayView data)
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    if (d->context) {
        EVP_DigestUpdate(d->context, data.data(), size_t(data.size()));
        return;
    }
#endif
    d->fallback->addData(data);
}

QByteArray Digest::result()
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    if (d->context) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(d->context, digest, &length);
        return QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }
#endif
    return d->fallback->result();
}

bool Digest::usesLibcrypto()
{
#ifdef SPARKDECK_HAVE_LIBCRYPTO
    return true;
#else
    return false;
#endif
}

} // namespace SparkDeck
