#include "knownhosts.h"

#include "ssh/shellcommand.h"
#include "ssh/sshlogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>

namespace SparkDeck {

namespace {

QList<QByteArray> splitFields(const QByteArray &line)
{
    QList<QByteArray> fields;
    QByteArray current;
    for (char c : line) {
        if (c == ' ' || c == '\t') {
            if (!current.isEmpty())
                fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        fields << current;
    return fields;
}

} // namespace

bool KnownHosts::globMatches(const QString &pattern, const QString &text)
{
    // Iterative glob with backtracking on the last '*'.
    const QString p = pattern.toLower();
    const QString t = text.toLower();
    int pi = 0, ti = 0, star = -1, mark = 0;
    while (ti < t.size()) {
        if (pi < p.size() && (p.at(pi) == QLatin1Char('?') || p.at(pi) == t.at(ti))) {
            ++pi;
            ++ti;
        } else if (pi < p.size() && p.at(pi) == QLatin1Char('*')) {
            star = pi++;
            mark = ti;
        } else if (star >= 0) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p.at(pi) == QLatin1Char('*'))
        ++pi;
    return pi == p.size();
}

bool KnownHosts::Entry::matches(const QString &lookupName) const
{
    if (isHashed()) {
        const QByteArray mac = QMessageAuthenticationCode::hash(lookupName.toUtf8(), hashSalt,
                                                                QCryptographicHash::Sha1);
        return mac == hashValue;
    }
    bool positive = false;
    for (const QString &pattern : patterns) {
        if (pattern.startsWith(QLatin1Char('!'))) {
            if (globMatches(pattern.mid(1), lookupName))
                return false; // a matching negation excludes the host outright
        } else if (globMatches(pattern, lookupName)) {
            positive = true;
        }
    }
    return positive;
}

Result<KnownHosts> KnownHosts::load(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        KnownHosts empty;
        empty.m_path = path;
        return empty;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{tr("Cannot read the known hosts file %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    return parse(file.readAll(), path);
}

KnownHosts KnownHosts::parse(const QByteArray &text, const QString &path)
{
    KnownHosts result;
    result.m_path = path;
    const QList<QByteArray> lines = text.split('\n');
    int lineNumber = 0;
    for (QByteArray line : lines) {
        ++lineNumber;
        if (line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        QList<QByteArray> fields = splitFields(trimmed);
        Entry entry;
        entry.line = lineNumber;
        if (!fields.isEmpty() && fields.first().startsWith('@')) {
            entry.marker = QString::fromLatin1(fields.takeFirst());
            if (entry.marker != QLatin1String("@revoked")
                && entry.marker != QLatin1String("@cert-authority"))
                continue;
        }
        if (fields.size() < 3)
            continue;
        const QByteArray hosts = fields.at(0);
        if (hosts.startsWith("|1|")) {
            const QList<QByteArray> parts = hosts.mid(3).split('|');
            if (parts.size() != 2)
                continue;
            entry.hashSalt = QByteArray::fromBase64(parts.at(0));
            entry.hashValue = QByteArray::fromBase64(parts.at(1));
            if (entry.hashSalt.size() != 20 || entry.hashValue.size() != 20)
                continue;
        } else {
            entry.patterns = QString::fromUtf8(hosts).split(QLatin1Char(','), Qt::SkipEmptyParts);
        }
        entry.key = HostKey::fromBase64(fields.at(2));
        if (!entry.key.isValid() || entry.key.type() != QString::fromLatin1(fields.at(1)))
            continue;
        QStringList commentParts;
        for (int i = 3; i < fields.size(); ++i)
            commentParts << QString::fromUtf8(fields.at(i));
        entry.comment = commentParts.join(QLatin1Char(' '));
        result.m_entries << entry;
    }
    result.m_lineCount = text.isEmpty() ? 0 : (text.endsWith('\n') ? lineNumber - 1 : lineNumber);
    return result;
}

QString KnownHosts::hostName(const QString &host, int port)
{
    if (port == 22 || port <= 0)
        return host;
    return QStringLiteral("[%1]:%2").arg(host).arg(port);
}

QString KnownHosts::hashHostName(const QString &name, QByteArray salt)
{
    if (salt.isEmpty()) {
        salt.resize(20);
        for (char &c : salt)
            c = char(QRandomGenerator::system()->bounded(256));
    }
    const QByteArray mac = QMessageAuthenticationCode::hash(name.toUtf8(), salt,
                                                            QCryptographicHash::Sha1);
    return QStringLiteral("|1|") + QString::fromLatin1(salt.toBase64()) + QLatin1Char('|')
           + QString::fromLatin1(mac.toBase64());
}

KnownHosts::CheckResult KnownHosts::check(const QString &host, int port, const HostKey &key) const
{
    const QString name = hostName(host, port);
    CheckResult result;
    int changedLine = 0;
    int knownLine = 0;
    for (const Entry &entry : m_entries) {
        if (entry.marker == QLatin1String("@cert-authority") || !entry.matches(name))
            continue;
        if (entry.marker == QLatin1String("@revoked")) {
            if (entry.key == key) {
                result.match = Match::Revoked;
                result.line = entry.line;
                return result;
            }
            continue;
        }
        if (!result.knownTypes.contains(entry.key.type()))
            result.knownTypes << entry.key.type();
        if (entry.key.type() != key.type())
            continue;
        if (entry.key == key) {
            if (!knownLine)
                knownLine = entry.line;
        } else if (!changedLine) {
            changedLine = entry.line;
        }
    }
    // A matching key wins, like OpenSSH: a host may legitimately be listed twice (by name and
    // by address) and one stale line must not hide a correct one.
    if (knownLine) {
        result.match = Match::Known;
        result.line = knownLine;
    } else if (changedLine) {
        result.match = Match::Changed;
        result.line = changedLine;
    } else if (!result.knownTypes.isEmpty()) {
        result.match = Match::OtherTypeKnown;
    }
    return result;
}

QStringList KnownHosts::knownKeyTypes(const QString &host, int port) const
{
    const QString name = hostName(host, port);
    QStringList types;
    for (const Entry &entry : m_entries) {
        if (entry.marker.isEmpty() && entry.matches(name) && !types.contains(entry.key.type()))
            types << entry.key.type();
    }
    return types;
}

Status KnownHosts::forget(const QString &host, int port)
{
    const QString name = hostName(host, port);
    QSet<int> lines;
    QList<Entry> kept;
    for (const Entry &entry : std::as_const(m_entries)) {
        const bool exactly = entry.marker.isEmpty()
                             && (entry.isHashed() ? entry.matches(name) : entry.patterns == QStringList{name});
        if (exactly)
            lines.insert(entry.line);
        else
            kept << entry;
    }
    if (lines.isEmpty())
        return success();
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the known hosts file %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString())};
    const QList<QByteArray> text = file.readAll().split('\n');
    file.close();
    QByteArray data;
    for (int i = 0; i < text.size(); ++i) {
        if (!lines.contains(i + 1) && !(i == text.size() - 1 && text.at(i).isEmpty()))
            data += text.at(i) + '\n';
    }
    QSaveFile save(m_path);
    if (!save.open(QIODevice::WriteOnly) || save.write(data) != data.size() || !save.commit()) {
        return Error{tr("Cannot write the known hosts file %1: %2").arg(QDir::toNativeSeparators(m_path), save.errorString())};
    }
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // Line numbers after the removed lines moved up: read the file again.
    *this = parse(data, m_path);
    return success();
}

Status KnownHosts::add(const QString &host, int port, const HostKey &key, bool hashed)
{
    if (m_path.isEmpty())
        return Error{tr("No known hosts file is set, so the host key of %1 cannot be "
                                 "saved.").arg(hostName(host, port))};
    const QString name = hostName(host, port);
    const QString hostField = hashed ? hashHostName(name) : name;
    const QByteArray line = hostField.toUtf8() + ' ' + key.type().toLatin1() + ' '
                            + key.toBase64() + '\n';

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return Error{tr("Cannot create the directory %1 for the known hosts file.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()))};
    }
    QFile file(m_path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        return Error{tr("Cannot write the known hosts file %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray data;
    if (file.size() > 0) {
        file.seek(file.size() - 1);
        if (file.read(1) != "\n")
            data += '\n';
    }
    data += line;
    if (file.write(data) != data.size() || !file.flush()) {
        return Error{tr("Cannot write the known hosts file %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), file.errorString())};
    }
    Entry entry;
    entry.line = ++m_lineCount;
    if (hashed) {
        const QStringList parts = hostField.mid(3).split(QLatin1Char('|'));
        entry.hashSalt = QByteArray::fromBase64(parts.at(0).toLatin1());
        entry.hashValue = QByteArray::fromBase64(parts.at(1).toLatin1());
    } else {
        entry.patterns = {name};
    }
    entry.key = key;
    m_entries << entry;
    qCInfo(lcSsh) << "added host key" << key.type() << key.sha256Fingerprint() << "for" << name
                  << "to" << m_path;
    return success();
}

QString KnownHosts::removeCommand(const QString &host, int port) const
{
    return ShellCommand(QStringLiteral("ssh-keygen"),
                        {QStringLiteral("-R"), hostName(host, port), QStringLiteral("-f"), m_path})
        .toString();
}

} // namespace SparkDeck
