#pragma once

#include "ssh/hostkey.h"
#include "util/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace SparkDeck {

/// An OpenSSH known_hosts file: plain and hashed (`|1|salt|hash`) host fields, comma-separated
/// patterns with `*`, `?` and `!negation`, `[host]:port` for ports other than 22, and the
/// `@revoked` and `@cert-authority` markers. Reading never modifies the file; add() appends one
/// line and leaves every other line exactly as it was.
///
/// Rules: a key that differs from the one listed for the same host and key type is Changed;
/// a host listed only with other key types is OtherTypeKnown (a server that suddenly offers
/// a new key type is treated as suspiciously as a changed key). Neither is ever accepted here.
class KnownHosts
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::KnownHosts)
public:
    enum class Match { Known, Unknown, Changed, OtherTypeKnown, Revoked };

    struct Entry
    {
        int line = 0;                 ///< 1-based line number in the file
        QString marker;               ///< "", "@revoked" or "@cert-authority"
        QStringList patterns;         ///< plain patterns (empty for a hashed entry)
        QByteArray hashSalt;          ///< hashed entry: HMAC-SHA1 salt
        QByteArray hashValue;         ///< hashed entry: HMAC-SHA1(salt, host)
        HostKey key;
        QString comment;

        bool isHashed() const { return !hashSalt.isEmpty(); }
        /// Whether this entry names `lookupName` (the output of hostName()).
        bool matches(const QString &lookupName) const;
    };

    struct CheckResult
    {
        Match match = Match::Unknown;
        /// Line of the entry that decided the result (Known, Changed, Revoked), else 0.
        int line = 0;
        /// Key types the file lists for this host.
        QStringList knownTypes;
    };

    KnownHosts() = default;
    /// Reads `path`; a file that does not exist is an empty list (first contact), not an error.
    static Result<KnownHosts> load(const QString &path);
    /// Parses known_hosts text; malformed lines are skipped, as OpenSSH does.
    static KnownHosts parse(const QByteArray &text, const QString &path = QString());

    QString path() const { return m_path; }
    const QList<Entry> &entries() const { return m_entries; }

    CheckResult check(const QString &host, int port, const HostKey &key) const;
    /// Key types listed for the host, in file order; used to prefer them in the handshake.
    QStringList knownKeyTypes(const QString &host, int port) const;

    /// Appends an entry for host:port to the file (creating it and its directory, 0600/0700)
    /// and to this object. Hashed like `HashKnownHosts yes` unless `hashed` is false.
    Status add(const QString &host, int port, const HostKey &key, bool hashed = true);

    /// Removes the lines that name exactly this host (hashed, or the host as the line's only
    /// pattern), as `ssh-keygen -R` does: for machines that were deleted, whose address a new
    /// machine with a new key may get. Every other line stays as it was.
    Status forget(const QString &host, int port);

    /// The name OpenSSH looks up: "host" for port 22, "[host]:port" otherwise.
    static QString hostName(const QString &host, int port);
    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`; a random salt when `salt` is empty.
    static QString hashHostName(const QString &name, QByteArray salt = QByteArray());
    /// OpenSSH's glob for host patterns: `*` and `?`, case-insensitive.
    static bool globMatches(const QString &pattern, const QString &text);

    /// The command a user runs to forget a host's old key.
    QString removeCommand(const QString &host, int port) const;

private:
    QString m_path;
    QList<Entry> m_entries;
    int m_lineCount = 0;
};

} // namespace SparkDeck
