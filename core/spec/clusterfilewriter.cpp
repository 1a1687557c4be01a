#include "clusterfilewriter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ClusterFileWriter)
};

std::string utf8(const QString &text)
{
    return text.toStdString();
}

/// True when a YAML reader would take the text as a string if written plain. yaml-cpp writes
/// `22:22` and `3.8` unquoted, which YAML 1.1 tools read as numbers, and `yes` as a boolean.
bool isSafePlain(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_/~][A-Za-z0-9_./~@+-]*$"));
    static const QRegularExpression special(
        QStringLiteral("^(y|n|yes|no|true|false|on|off|null|nan|inf)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dottedNumbers(QStringLiteral("^[0-9]+(\\.[0-9]+){2,}$"));
    return (plain.match(text).hasMatch() && !special.match(text).hasMatch())
           || dottedNumbers.match(text).hasMatch();
}

class Emitter
{
public:
    Emitter() { m_out.SetOutputCharset(YAML::EmitNonAscii); }

    Emitter &key(const char *name)
    {
        m_out << YAML::Key << name << YAML::Value;
        return *this;
    }
    Emitter &text(const QString &value)
    {
        if (isSafePlain(value))
            m_out << utf8(value);
        else
            quoted(value);
        return *this;
    }
    Emitter &quoted(const QString &value)
    {
        m_out << YAML::DoubleQuoted << utf8(value);
        return *this;
    }
    Emitter &number(int value)
    {
        m_out << value;
        return *this;
    }
    Emitter &flag(bool value)
    {
        m_out << YAML::TrueFalseBool << value;
        return *this;
    }
    Emitter &null()
    {
        m_out << YAML::Null;
        return *this;
    }
    Emitter &comment(const QString &note)
    {
        m_out << YAML::Comment(utf8(note));
        return *this;
    }
    YAML::Emitter &raw() { return m_out; }

private:
    YAML::Emitter m_out;
};

void writeHosts(Emitter &e, const QList<HostSpec> &hosts)
{
    e.key("hosts").raw() << YAML::BeginSeq;
    for (const HostSpec &host : hosts) {
        e.raw() << YAML::Flow << YAML::BeginMap;
        e.key("address").text(host.address);
        if (host.port)
            e.key("port").number(*host.port);
        if (!host.user.isEmpty())
            e.key("user").text(host.user);
        if (host.role != HostRole::Unassigned)
            e.key("role").text(toString(host.role));
        e.raw() << YAML::EndMap;
    }
    e.raw() << YAML::EndSeq;
}

} // namespace

QByteArray ClusterFileWriter::toYaml(const ClusterSpec &spec)
{
    Emitter e;
    YAML::Emitter &out = e.raw();
    out << YAML::Comment(utf8(Tr::tr("SparkDeck cluster file. It holds no secrets: passwords are "
                                     "asked for, keys stay in the files named here.")));
    out << YAML::BeginMap;
    e.key("name").text(spec.name).comment(Tr::tr("names services, volumes and the state folder"));

    e.key("machines").raw() << YAML::BeginMap;
    e.key("provider").text(toString(spec.machines.provider))
        .comment(providerNames().join(QStringLiteral(" | ")));
    if (!spec.machines.hosts.isEmpty())
        writeHosts(e, spec.machines.hosts);
    const std::pair<const char *, QString> cloud[] = {{"region", spec.machines.region},
                                                      {"size", spec.machines.size},
                                                      {"image", spec.machines.image}};
    for (const auto &[key, value] : cloud) {
        if (!value.isEmpty())
            e.key(key).text(value);
    }
    if (spec.machines.expiresAfter) {
        e.key("expires_after").text(spec.machines.expiresAfter->toString())
            .comment(Tr::tr("the machines are deleted this long after they were created"));
    }
    e.key("ssh").raw() << YAML::BeginMap;
    e.key("user").text(spec.machines.ssh.user);
    e.key("port").number(spec.machines.ssh.port);
    e.key("identity").text(spec.machines.ssh.identity).comment(Tr::tr("a path, never the key itself"));
    e.key("known_hosts").text(spec.machines.ssh.knownHosts);
    e.key("host_key_policy").text(toString(spec.machines.ssh.hostKeyPolicy))
        .comment(hostKeyPolicyNames().join(QStringLiteral(" | ")));
    out << YAML::EndMap << YAML::EndMap;

    e.key("spark").raw() << YAML::BeginMap;
    e.key("version").quoted(spec.spark.version);
    e.key("deploy").text(toString(spec.spark.deploy))
        .comment(deployModeNames().join(QStringLiteral(" | ")));
    e.key("distribution").text(spec.spark.distribution);
    e.key("sha512");
    if (spec.spark.sha512.isEmpty())
        e.null().comment(Tr::tr("fetched from <distribution>.sha512"));
    else
        e.text(spec.spark.sha512);
    e.key("image").text(spec.spark.image).comment(Tr::tr("used by deploy: swarm"));
    if (!spec.spark.imageArchive.isEmpty()) {
        e.key("image_archive").text(spec.spark.imageArchive)
            .comment(Tr::tr("docker save tarball of the image, loaded on every node"));
    }
    out << YAML::EndMap;

    e.key("workers").raw() << YAML::BeginMap;
    e.key("count").number(spec.workers.count);
    e.key("cores").number(spec.workers.cores);
    e.key("memory").text(spec.workers.memory.toSparkString());
    out << YAML::EndMap;

    e.key("shared_folder").raw() << YAML::BeginMap;
    e.key("enabled").flag(spec.sharedFolder.enabled);
    e.key("server").text(spec.sharedFolder.server).comment(Tr::tr("the master, or an address"));
    e.key("export").text(spec.sharedFolder.exportPath).comment(Tr::tr("path on the server"));
    e.key("mount").text(spec.sharedFolder.mountPath).comment(Tr::tr("path on every worker"));
    out << YAML::EndMap;

    e.key("jupyter").raw() << YAML::BeginMap;
    e.key("enabled").flag(spec.jupyter.enabled);
    out << YAML::EndMap;

    out << YAML::EndMap;
    return QByteArray(out.c_str()) + '\n';
}

Status ClusterFileWriter::save(const ClusterSpec &spec, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{Tr::tr("Cannot write %1: %2. Choose another folder or free some space.")
                         .arg(path, file.errorString())};
    }
    const QByteArray yaml = toYaml(spec);
    if (file.write(yaml) != yaml.size() || !file.commit()) {
        return Error{Tr::tr("Cannot save %1: %2. The previous file is unchanged; free some space "
                            "and save again.").arg(path, file.errorString())};
    }
    return success();
}

} // namespace SparkDeck
