#include "clusterfileloader.h"

#include "spec/clusterspecvalidator.h"
#include "util/suggestion.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <functional>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ClusterFileLoader)
};

SourceLocation locationOf(const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0)
        return {};
    return {mark.line + 1, mark.column + 1};
}

QString textOf(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

QString kindOf(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return Tr::tr("a list");
    case YAML::NodeType::Map:
        return Tr::tr("a mapping");
    case YAML::NodeType::Null:
        return Tr::tr("empty");
    default:
        return QStringLiteral("'%1'").arg(displayText(textOf(node)));
    }
}

/// Keys that hold secrets elsewhere; a cluster file is shared, so it never holds one.
bool looksLikeSecretKey(const QString &key)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(password|passphrase|secret|token|api[_-]?key|private[_-]?key|"
                       "access[_-]?key|secret[_-]?key|auth[_-]?secret)$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(key).hasMatch();
}

/// Finds the first byte that is not text: NUL, or not valid UTF-8. yaml-cpp would otherwise
/// accept some of these or fail with a confusing message far from the cause.
std::optional<std::pair<SourceLocation, QString>> findBinary(const QByteArray &text)
{
    int line = 1;
    int lineStart = 0;
    int position = 0;
    while (position < text.size()) {
        const auto byte = static_cast<unsigned char>(text.at(position));
        int length = 1;
        if (byte >= 0x80) {
            length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0;
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = length > 0 ? decoder.decode(text.mid(position, length))
                                               : QString();
            if (length == 0 || position + length > text.size() || decoder.hasError()
                || decoded.contains(QChar::ReplacementCharacter)) {
                return std::make_pair(
                    SourceLocation{line, position - lineStart + 1},
                    Tr::tr("the file is not UTF-8 text (byte 0x%1); a cluster file is YAML "
                           "text").arg(byte, 2, 16, QLatin1Char('0')));
            }
        } else if (byte == 0) {
            return std::make_pair(SourceLocation{line, position - lineStart + 1},
                                  Tr::tr("the file holds a NUL byte; a cluster file is YAML "
                                         "text, not binary data"));
        } else if (byte == '\n') {
            ++line;
            lineStart = position + 1;
        }
        position += length;
    }
    return std::nullopt;
}

/// Walks the YAML tree section by section, converting and recording as it goes.
class Reader
{
public:
    explicit Reader(LoadedClusterFile &out) : m_out(out) {}

    void read(const YAML::Node &root)
    {
        ClusterSpec &spec = m_out.spec;
        forEachKey(root, QString(),
                   {{"name", [&](const YAML::Node &v, const QString &p) { readString(v, p, spec.name); }},
                    {"machines", [&](const YAML::Node &v, const QString &p) { readMachines(v, p); }},
                    {"spark", [&](const YAML::Node &v, const QString &p) { readSpark(v, p); }},
                    {"workers", [&](const YAML::Node &v, const QString &p) { readWorkers(v, p); }},
                    {"shared_folder",
                     [&](const YAML::Node &v, const QString &p) { readSharedFolder(v, p); }},
                    {"jupyter", [&](const YAML::Node &v, const QString &p) {
                         forEachKey(v, p, {{"enabled", [&](const YAML::Node &e, const QString &q) {
                                                readBool(e, q, spec.jupyter.enabled);
                                            }}});
                     }}});
    }

private:
    using Handler = std::function<void(const YAML::Node &, const QString &)>;
    using Handlers = std::vector<std::pair<const char *, Handler>>;

    void error(SourceLocation where, const QString &message)
    {
        m_out.diagnostics.append({Severity::Error, where, message});
    }

    static QString whereIs(const QString &section)
    {
        return section.isEmpty() ? Tr::tr("at the top level") : Tr::tr("in '%1'").arg(section);
    }

    static QString join(const QString &section, const QString &key)
    {
        return section.isEmpty() ? key : section + QLatin1Char('.') + key;
    }

    /// Calls the handler of each key of a mapping; reports unknown, duplicate and secret keys.
    void forEachKey(const YAML::Node &map, const QString &section, const Handlers &handlers)
    {
        if (map.IsNull())
            return; // an empty section: every default applies
        if (!map.IsMap()) {
            error(locationOf(map.Mark()), Tr::tr("'%1' must be a mapping of keys, not %2")
                                              .arg(section, kindOf(map)));
            return;
        }
        QStringList known;
        for (const auto &handler : handlers)
            known << QString::fromLatin1(handler.first);
        QHash<QString, SourceLocation> seen;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const SourceLocation keyAt = locationOf(it->first.Mark());
            if (!it->first.IsScalar()) {
                error(keyAt, Tr::tr("a key %1 must be a plain word, not %2")
                                 .arg(whereIs(section), kindOf(it->first)));
                continue;
            }
            const QString key = textOf(it->first);
            const QString path = join(section, key);
            if (seen.contains(key)) {
                error(keyAt, Tr::tr("duplicate key '%1'; it is already set at line %2")
                                 .arg(displayText(path))
                                 .arg(seen.value(key).line));
                continue;
            }
            seen.insert(key, keyAt);
            const auto handler = std::find_if(handlers.begin(), handlers.end(),
                                              [&](const auto &h) { return key == QLatin1String(h.first); });
            if (handler == handlers.end()) {
                reportUnknownKey(keyAt, section, key, known);
                continue;
            }
            const SourceLocation valueAt = locationOf(it->second.Mark());
            m_out.locations.record(path, valueAt.isKnown() ? valueAt : keyAt);
            handler->second(it->second, path);
        }
    }

    void reportUnknownKey(SourceLocation where, const QString &section, const QString &key,
                          const QStringList &known)
    {
        if (looksLikeSecretKey(key)) {
            error(where, Tr::tr("'%1' does not belong in a cluster file: cluster files are "
                                "shared, so secrets never live in them. SparkDeck asks for "
                                "passwords when it connects and keeps keys in files you name "
                                "by path").arg(displayText(key)));
            return;
        }
        const QString where_ = whereIs(section);
        const QString suggestion = closestMatch(key, known);
        if (!suggestion.isEmpty()) {
            error(where, Tr::tr("unknown key '%1' %2; did you mean '%3'?")
                             .arg(displayText(key), where_, suggestion));
        } else {
            error(where, Tr::tr("unknown key '%1' %2; expected one of: %3")
                             .arg(displayText(key), where_, known.join(QStringLiteral(", "))));
        }
    }

    bool requireScalar(const YAML::Node &node, const QString &path, const QString &expected)
    {
        if (node.IsScalar())
            return true;
        if (!node.IsNull())
            error(locationOf(node.Mark()),
                  Tr::tr("'%1' must be %2, not %3").arg(path, expected, kindOf(node)));
        return false;
    }

    bool readString(const YAML::Node &node, const QString &path, QString &target)
    {
        if (!requireScalar(node, path, Tr::tr("text")))
            return false;
        target = textOf(node);
        return true;
    }

    void readInt(const YAML::Node &node, const QString &path, int &target, int lowest, int highest)
    {
        if (!requireScalar(node, path, Tr::tr("a whole number")))
            return;
        static const QRegularExpression pattern(QStringLiteral("^[-+]?[0-9]+$"));
        const QString text = textOf(node);
        bool converted = false;
        const qlonglong value = text.toLongLong(&converted);
        if (!pattern.match(text).hasMatch()) {
            error(locationOf(node.Mark()), Tr::tr("'%1' must be a whole number, not '%2'")
                                               .arg(path, displayText(text)));
        } else if (!converted || value < lowest || value > highest) {
            error(locationOf(node.Mark()), Tr::tr("'%1' must be between %2 and %3, not %4")
                                               .arg(path)
                                               .arg(lowest)
                                               .arg(highest)
                                               .arg(displayText(text)));
        } else {
            target = int(value);
        }
    }

    void readBool(const YAML::Node &node, const QString &path, bool &target)
    {
        if (!requireScalar(node, path, Tr::tr("true or false")))
            return;
        bool value = false;
        if (!YAML::convert<bool>::decode(node, value)) {
            error(locationOf(node.Mark()), Tr::tr("'%1' must be true or false, not '%2'")
                                               .arg(path, displayText(textOf(node))));
            return;
        }
        target = value;
    }

    template<typename Enum>
    void readEnum(const YAML::Node &node, const QString &path, Enum &target,
                  std::optional<Enum> (*fromString)(const QString &), const QStringList &names)
    {
        QString text;
        if (!readString(node, path, text))
            return;
        if (const std::optional<Enum> value = fromString(text)) {
            target = *value;
            return;
        }
        const QString suggestion = closestMatch(text, names);
        const QString hint = suggestion.isEmpty()
                                 ? Tr::tr("expected one of: %1").arg(names.join(QStringLiteral(", ")))
                                 : Tr::tr("did you mean '%1'?").arg(suggestion);
        error(locationOf(node.Mark()), Tr::tr("unknown %1 '%2'; %3")
                                           .arg(path.section(QLatin1Char('.'), -1),
                                                displayText(text), hint));
    }

    void readMachines(const YAML::Node &node, const QString &section)
    {
        MachinesSpec &machines = m_out.spec.machines;
        forEachKey(node, section,
                   {{"provider", [&](const YAML::Node &v, const QString &p) {
                         readEnum(v, p, machines.provider, &providerFromString, providerNames());
                     }},
                    {"hosts", [&](const YAML::Node &v, const QString &p) { readHosts(v, p); }},
                    {"ssh", [&](const YAML::Node &v, const QString &p) { readSsh(v, p); }},
                    {"region", [&](const YAML::Node &v, const QString &p) { readString(v, p, machines.region); }},
                    {"size", [&](const YAML::Node &v, const QString &p) { readString(v, p, machines.size); }},
                    {"image", [&](const YAML::Node &v, const QString &p) { readString(v, p, machines.image); }},
                    {"expires_after", [&](const YAML::Node &v, const QString &p) {
                         QString text;
                         if (!readString(v, p, text))
                             return;
                         const Result<LeaseDuration> lease = LeaseDuration::parse(text);
                         if (lease)
                             machines.expiresAfter = *lease;
                         else
                             error(locationOf(v.Mark()), QStringLiteral("'%1': %2").arg(p, lease.errorMessage()));
                     }}});
    }

    void readHosts(const YAML::Node &node, const QString &path)
    {
        if (node.IsNull())
            return;
        if (!node.IsSequence()) {
            error(locationOf(node.Mark()),
                  Tr::tr("'%1' must be a list of hosts (lines starting with '- '), not %2")
                      .arg(path, kindOf(node)));
            return;
        }
        for (size_t i = 0; i < node.size(); ++i) {
            const YAML::Node entry = node[i];
            const QString entryPath = QStringLiteral("%1[%2]").arg(path).arg(i);
            m_out.locations.record(entryPath, locationOf(entry.Mark()));
            HostSpec host;
            if (entry.IsScalar()) { // "- 10.0.0.12" is a host given by its address alone
                host.address = textOf(entry);
                m_out.locations.record(entryPath + QStringLiteral(".address"),
                                       locationOf(entry.Mark()));
            } else if (entry.IsMap()) {
                int port = 0;
                forEachKey(entry, entryPath,
                           {{"address", [&](const YAML::Node &v, const QString &p) {
                                 readString(v, p, host.address);
                             }},
                            {"port", [&](const YAML::Node &v, const QString &p) {
                                 port = -1;
                                 readInt(v, p, port, 1, 65535);
                             }},
                            {"user", [&](const YAML::Node &v, const QString &p) {
                                 readString(v, p, host.user);
                             }},
                            {"role", [&](const YAML::Node &v, const QString &p) {
                                 readEnum(v, p, host.role, &hostRoleFromString, hostRoleNames());
                             }}});
                if (port > 0)
                    host.port = port;
            } else {
                error(locationOf(entry.Mark()),
                      Tr::tr("host %1 in '%2' must be an address or a mapping with 'address:', "
                             "not %3").arg(i + 1).arg(path, kindOf(entry)));
                continue;
            }
            m_out.spec.machines.hosts.append(host);
        }
    }

    void readSsh(const YAML::Node &node, const QString &section)
    {
        SshSpec &ssh = m_out.spec.machines.ssh;
        forEachKey(node, section,
                   {{"user", [&](const YAML::Node &v, const QString &p) { readString(v, p, ssh.user); }},
                    {"port", [&](const YAML::Node &v, const QString &p) { readInt(v, p, ssh.port, 1, 65535); }},
                    {"identity", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, ssh.identity);
                     }},
                    {"known_hosts", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, ssh.knownHosts);
                     }},
                    {"host_key_policy", [&](const YAML::Node &v, const QString &p) {
                         readEnum(v, p, ssh.hostKeyPolicy, &hostKeyPolicyFromString,
                                  hostKeyPolicyNames());
                     }}});
    }

    void readSpark(const YAML::Node &node, const QString &section)
    {
        SparkSpec &spark = m_out.spec.spark;
        forEachKey(node, section,
                   {{"version", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, spark.version);
                     }},
                    {"deploy", [&](const YAML::Node &v, const QString &p) {
                         readEnum(v, p, spark.deploy, &deployModeFromString, deployModeNames());
                     }},
                    {"distribution", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, spark.distribution);
                     }},
                    {"sha512", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, spark.sha512);
                     }},
                    {"image", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, spark.image);
                     }},
                    {"image_archive", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, spark.imageArchive);
                     }}});
    }

    void readWorkers(const YAML::Node &node, const QString &section)
    {
        WorkersSpec &workers = m_out.spec.workers;
        forEachKey(node, section,
                   {{"count", [&](const YAML::Node &v, const QString &p) {
                         readInt(v, p, workers.count, 0, Limits::kMaxWorkers);
                     }},
                    {"cores", [&](const YAML::Node &v, const QString &p) {
                         readInt(v, p, workers.cores, 1, Limits::kMaxCoresPerWorker);
                     }},
                    {"memory", [&](const YAML::Node &v, const QString &p) {
                         QString text;
                         if (!readString(v, p, text))
                             return;
                         const Result<MemorySize> memory = MemorySize::parse(text);
                         if (memory)
                             workers.memory = *memory;
                         else
                             error(locationOf(v.Mark()), memory.errorMessage());
                     }}});
    }

    void readSharedFolder(const YAML::Node &node, const QString &section)
    {
        SharedFolderSpec &folder = m_out.spec.sharedFolder;
        forEachKey(node, section,
                   {{"enabled", [&](const YAML::Node &v, const QString &p) {
                         readBool(v, p, folder.enabled);
                     }},
                    {"server", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, folder.server);
                     }},
                    {"export", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, folder.exportPath);
                     }},
                    {"mount", [&](const YAML::Node &v, const QString &p) {
                         readString(v, p, folder.mountPath);
                     }}});
    }

    LoadedClusterFile &m_out;
};

QString friendlySyntaxMessage(const std::string &yamlMessage)
{
    return Tr::tr("YAML syntax error: %1").arg(QString::fromStdString(yamlMessage));
}

} // namespace

LoadedClusterFile ClusterFileLoader::loadText(const QByteArray &text)
{
    LoadedClusterFile out;
    if (text.trimmed().isEmpty()) {
        out.diagnostics.append({Severity::Error, {1, 1},
                                Tr::tr("the file is empty; a cluster file needs at least a "
                                       "line such as 'name: demo'")});
        return out;
    }
    if (const auto binary = findBinary(text)) {
        out.diagnostics.append({Severity::Error, binary->first, binary->second});
        return out;
    }
    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::DeepRecursion &e) {
        out.diagnostics.append({Severity::Error, locationOf(e.mark),
                                Tr::tr("the file nests lists or mappings more than %1 levels "
                                       "deep; a cluster file needs 4").arg(e.depth())});
        return out;
    } catch (const YAML::Exception &e) {
        out.diagnostics.append({Severity::Error, locationOf(e.mark), friendlySyntaxMessage(e.msg)});
        return out;
    }
    if (!root.IsMap()) {
        out.diagnostics.append({Severity::Error, locationOf(root.Mark()),
                                Tr::tr("a cluster file is a mapping of keys such as 'name:' and "
                                       "'workers:', not %1").arg(kindOf(root))});
        return out;
    }
    try {
        Reader(out).read(root);
    } catch (const YAML::Exception &e) {
        // The tree is built, so this is unexpected; still a message, never a crash.
        out.diagnostics.append({Severity::Error, locationOf(e.mark), friendlySyntaxMessage(e.msg)});
        return out;
    }
    // One problem per spot: a value that could not be read is not judged again.
    QSet<std::pair<int, int>> reported;
    for (const Diagnostic &d : std::as_const(out.diagnostics))
        reported.insert({d.location.line, d.location.column});
    for (const Diagnostic &d : ClusterSpecValidator::validate(out.spec, out.locations)) {
        if (!reported.contains({d.location.line, d.location.column}))
            out.diagnostics.append(d);
    }
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic &a, const Diagnostic &b) {
                         return std::make_pair(a.location.line, a.location.column)
                                < std::make_pair(b.location.line, b.location.column);
                     });
    return out;
}

LoadedClusterFile ClusterFileLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadedClusterFile out;
        out.diagnostics.append({Severity::Error, {},
                                Tr::tr("cannot read the file: %1").arg(file.errorString())});
        return out;
    }
    constexpr qint64 kLargest = 4 * 1024 * 1024; // a cluster file is a few hundred bytes
    if (file.size() > kLargest) {
        LoadedClusterFile out;
        out.diagnostics.append({Severity::Error, {},
                                Tr::tr("the file is %1 MiB; a cluster file is a few lines of "
                                       "YAML").arg(file.size() / (1024 * 1024))});
        return out;
    }
    return loadText(file.readAll());
}

} // namespace SparkDeck
