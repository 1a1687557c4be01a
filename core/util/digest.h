#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace SparkDeck {

/// A running SHA-256 or SHA-512 over data that arrives in pieces (file transfers check their
/// bytes on both ends with it). Uses OpenSSL's libcrypto when the build found it (the library
/// libssh2 already links: it uses the CPU's SHA instructions, about 2 GB/s here) and
/// QCryptographicHash otherwise (about 270 MB/s for SHA-256, which slowed uploads).
class Digest
{
public:
    enum class Algorithm { Sha256, Sha512 };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(const Digest &) = delete;
    Digest &operator=(const Digest &) = delete;

    void addData(QByteArrayView data);
    /// The digest of everything added (raw bytes); call once.
    QByteArray result();

    /// Whether the fast implementation is in use (for benchmarks and logs).
    static bool usesLibcrypto();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace SparkDeck
