#include "clusterspecvalidator.h"

#include "ssh/sshtarget.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>
#include <QVersionNumber>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ClusterSpecValidator)
};

bool matches(const QString &pattern, const QString &text)
{
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern)).match(text).hasMatch();
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

bool isReleaseNumber(const QString &version)
{
    return matches(QStringLiteral("[0-9]+\\.[0-9]+\\.[0-9]+"), version);
}

/// The oldest Spark with graceful decommission (spark.decommission.enabled), which scaling needs.
const QVersionNumber kOldestSpark(3, 1, 0);

class Checker
{
public:
    Checker(const ClusterSpec &spec, const SourceLocations &locations)
        : m_spec(spec), m_locations(locations)
    {}

    QList<Diagnostic> run()
    {
        checkName();
        checkMachines();
        checkSpark();
        checkWorkers();
        checkSharedFolder();
        return m_diagnostics;
    }

private:
    void report(const QString &path, const QString &message, Severity severity = Severity::Error)
    {
        m_diagnostics.append({severity, m_locations.of(path), message});
    }

    void checkName()
    {
        if (m_spec.name.isEmpty()) {
            report(QStringLiteral("name"),
                   Tr::tr("the cluster has no name; add a line such as 'name: demo'"));
        } else if (!ClusterSpecValidator::isValidClusterName(m_spec.name)) {
            report(QStringLiteral("name"),
                   Tr::tr("name '%1' must start with a lowercase letter and hold only lowercase "
                          "letters, digits and dashes, at most %2 characters (it names services, "
                          "volumes and the state folder)")
                       .arg(displayText(m_spec.name))
                       .arg(Limits::kMaxNameLength));
        }
    }

    void checkMachines()
    {
        const MachinesSpec &machines = m_spec.machines;
        const QString provider = toString(machines.provider);
        if (machines.provider == Provider::Existing && machines.hosts.isEmpty()) {
            report(QStringLiteral("machines.provider"),
                   Tr::tr("provider 'existing' needs at least one host under 'machines.hosts'"));
        }
        if (machines.provider != Provider::Existing && !machines.hosts.isEmpty()) {
            report(QStringLiteral("machines.hosts"),
                   Tr::tr("'machines.hosts' lists machines for provider 'existing' only; provider "
                          "'%1' makes its own machines").arg(provider));
        }
        checkCloudChoices();
        checkHosts();
        checkSsh();
    }

    void checkCloudChoices()
    {
        const MachinesSpec &machines = m_spec.machines;
        const bool createsMachines = machines.provider != Provider::Existing && machines.provider != Provider::Local;
        const std::pair<const char *, QString> choices[] = {{"region", machines.region},
                                                            {"size", machines.size},
                                                            {"image", machines.image}};
        for (const auto &[key, value] : choices) {
            const QString path = QStringLiteral("machines.") + QLatin1String(key);
            if (value.isEmpty())
                continue;
            if (!createsMachines) {
                report(path, Tr::tr("'%1' is for providers that create machines; provider '%2' uses "
                                    "machines that exist").arg(path, toString(machines.provider)));
            } else if (!isCloudChoice(value)) {
                report(path, Tr::tr("%1 '%2' must be one word of letters, digits and . _ : / ~ @ + = - "
                                    "(as the provider lists it), at most 1024 characters")
                                 .arg(QLatin1String(key), displayText(value)));
            }
        }
    }

    static bool isCloudChoice(const QString &value)
    {
        return value.size() <= 1024 && matches(QStringLiteral("[A-Za-z0-9._:/~@+=-]+"), value);
    }

    void checkHosts()
    {
        const QList<HostSpec> &hosts = m_spec.machines.hosts;
        QHash<QString, int> firstLineOf;
        int masterLine = 0;
        for (int i = 0; i < hosts.size(); ++i) {
            const HostSpec &host = hosts.at(i);
            const QString path = QStringLiteral("machines.hosts[%1]").arg(i);
            const QString addressPath = path + QStringLiteral(".address");
            if (host.address.isEmpty()) {
                report(path, Tr::tr("host %1 in 'machines.hosts' has no address").arg(i + 1));
            } else if (!ClusterSpecValidator::isValidHostAddress(host.address)) {
                report(addressPath, Tr::tr("host address '%1' is neither an IP address nor a "
                                           "host name").arg(displayText(host.address)));
            } else {
                const QString key = host.address.toLower() + QLatin1Char(':')
                                    + QString::number(host.port.value_or(m_spec.machines.ssh.port));
                if (firstLineOf.contains(key)) {
                    report(addressPath, Tr::tr("host %1 is listed twice (first at line %2)")
                                            .arg(host.address)
                                            .arg(firstLineOf.value(key)));
                } else {
                    firstLineOf.insert(key, m_locations.of(addressPath).line);
                }
            }
            if (!host.user.isEmpty() && !ClusterSpecValidator::isValidUserName(host.user)) {
                report(path + QStringLiteral(".user"),
                       Tr::tr("user '%1' is not a valid login name").arg(displayText(host.user)));
            }
            if (host.role == HostRole::Master) {
                if (masterLine > 0) {
                    report(path + QStringLiteral(".role"),
                           Tr::tr("only one host can have 'role: master' (the host at line %1 "
                                  "has it already)").arg(masterLine));
                } else {
                    masterLine = m_locations.of(path + QStringLiteral(".role")).line;
                }
            }
        }
    }

    void checkSsh()
    {
        const SshSpec &ssh = m_spec.machines.ssh;
        if (!ClusterSpecValidator::isValidUserName(ssh.user)) {
            report(QStringLiteral("machines.ssh.user"),
                   Tr::tr("user '%1' is not a valid login name").arg(displayText(ssh.user)));
        }
        checkLocalPath(QStringLiteral("machines.ssh.identity"), ssh.identity, true);
        checkLocalPath(QStringLiteral("machines.ssh.known_hosts"), ssh.knownHosts, false);
    }

    /// A path on the user's own computer: any characters a file name may hold, but no key
    /// material pasted in by mistake.
    void checkLocalPath(const QString &path, const QString &value, bool isKey)
    {
        if (value.contains(QLatin1String("-----BEGIN")) || value.contains(QLatin1String("ssh-ed25519 "))) {
            report(path, Tr::tr("'%1' holds a key, not a path; cluster files are shared, so keys "
                                "never live in them. Save the key to a file and give its path")
                             .arg(path));
        } else if (value.isEmpty() && isKey) {
            report(path, Tr::tr("'%1' is empty; give the path of your private key, such as "
                                "~/.ssh/id_ed25519").arg(path));
        } else if (hasControlCharacters(value)) {
            report(path, Tr::tr("path '%1' holds control characters").arg(displayText(value)));
        }
    }

    void checkSpark()
    {
        const SparkSpec &spark = m_spec.spark;
        const QVersionNumber version = QVersionNumber::fromString(spark.version);
        if (!isReleaseNumber(spark.version)) {
            report(QStringLiteral("spark.version"),
                   Tr::tr("Spark version '%1' is not a release number such as \"3.5.8\"")
                       .arg(displayText(spark.version)));
        } else if (version < kOldestSpark) {
            report(QStringLiteral("spark.version"),
                   Tr::tr("Spark %1 is too old; SparkDeck needs %2 or later (graceful worker "
                          "decommission)").arg(spark.version, kOldestSpark.toString()));
        }
        checkDistribution();
        checkImageArchive();
        if (!spark.sha512.isEmpty() && !matches(QStringLiteral("[0-9a-fA-F]{128}"), spark.sha512)) {
            report(QStringLiteral("spark.sha512"),
                   Tr::tr("sha512 must be 128 hexadecimal digits, or null to fetch it from "
                          "<distribution>.sha512"));
        }
        // Docker's reference grammar, simplified: [registry[:port]/]path[:tag][@digest]
        static const QString component = QStringLiteral("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
        const QString image = QStringLiteral("(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?%1(?:/%1)*"
                                             "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                                             "(?:@sha256:[a-f0-9]{64})?").arg(component);
        if (!matches(image, spark.image)) {
            report(QStringLiteral("spark.image"),
                   Tr::tr("image '%1' is not a Docker image name such as apache/spark:3.5.8")
                       .arg(displayText(spark.image)));
        }
    }

    void checkDistribution()
    {
        const QString path = QStringLiteral("spark.distribution");
        const QString value = m_spec.spark.distribution;
        const QUrl url(value, QUrl::StrictMode);
        if (value.startsWith(QLatin1String("http://"))) {
            report(path, Tr::tr("'%1' is plain http, which anyone on the way can tamper with; "
                                "use https or a local file").arg(displayText(value)));
            return;
        }
        if (value.startsWith(QLatin1String("https://"))) {
            if (!url.isValid() || url.host().isEmpty() || hasControlCharacters(value))
                report(path, Tr::tr("'%1' is not a valid https URL").arg(displayText(value)));
        } else if (value.isEmpty() || hasControlCharacters(value)
                   || !(value.startsWith(QLatin1Char('/')) || value.startsWith(QLatin1String("~/"))
                        || value.startsWith(QLatin1String("file:/")))) {
            report(path, Tr::tr("distribution '%1' must be an https URL or the absolute path of a "
                                "local .tgz file").arg(displayText(value)));
            return;
        }
        static const QRegularExpression versionInName(QStringLiteral("spark-([0-9]+\\.[0-9]+\\.[0-9]+)-bin"));
        const QRegularExpressionMatch match = versionInName.match(value);
        if (match.hasMatch() && match.captured(1) != m_spec.spark.version
            && isReleaseNumber(m_spec.spark.version)) {
            report(path, Tr::tr("the distribution is Spark %1 but 'spark.version' says %2")
                             .arg(match.captured(1), m_spec.spark.version), Severity::Warning);
        }
    }

    /// The validator's one look at the user's disk: a missing archive would otherwise stop the
    /// run only after the machines are up.
    void checkImageArchive()
    {
        const QString path = QStringLiteral("spark.image_archive");
        const QString value = m_spec.spark.imageArchive;
        if (value.isEmpty())
            return;
        if (m_spec.spark.deploy != DeployMode::Swarm) {
            report(path, Tr::tr("'image_archive' is only used with 'deploy: swarm'; standalone "
                                "mode installs 'distribution'"), Severity::Warning);
            return;
        }
        if (hasControlCharacters(value)
            || !(value.startsWith(QLatin1Char('/')) || value.startsWith(QLatin1String("~/")))) {
            report(path, Tr::tr("image archive '%1' must be the absolute path of a file made by "
                                "'docker save', such as ~/spark-image.tar").arg(displayText(value)));
        } else if (!QFileInfo(SshTarget::expandHome(value)).isFile()) {
            report(path, Tr::tr("image archive '%1' does not exist; make it with 'docker save -o "
                                "FILE %2' where the image is").arg(displayText(value), m_spec.spark.image));
        }
    }

    void checkWorkers()
    {
        const WorkersSpec &workers = m_spec.workers;
        if (m_spec.machines.provider != Provider::Existing
            || m_spec.spark.deploy != DeployMode::Standalone) {
            return;
        }
        const int capacity = int(m_spec.workerHosts().size());
        if (capacity == 0 || workers.count <= capacity)
            return;
        // A count left at its default is the hosts' problem, so point at them.
        const QString path = m_locations.contains(QStringLiteral("workers.count"))
                                 ? QStringLiteral("workers.count")
                                 : QStringLiteral("machines.hosts");
        report(path, Tr::tr("'workers.count' is %1 but the file lists %2 hosts; standalone mode "
                            "runs one worker per host (the master's host included, last). Add "
                            "hosts or lower the count")
                         .arg(workers.count)
                         .arg(capacity));
    }

    void checkSharedFolder()
    {
        const SharedFolderSpec &folder = m_spec.sharedFolder;
        if (!folder.servedByMaster() && !ClusterSpecValidator::isValidHostAddress(folder.server)) {
            report(QStringLiteral("shared_folder.server"),
                   Tr::tr("shared folder server '%1' must be 'master' or a host address")
                       .arg(displayText(folder.server)));
        }
        const std::pair<const char *, QString> paths[] = {{"shared_folder.export", folder.exportPath},
                                                          {"shared_folder.mount", folder.mountPath}};
        for (const auto &[key, value] : paths) {
            if (!ClusterSpecValidator::isSafeRemotePath(value)) {
                report(QString::fromLatin1(key),
                       Tr::tr("path '%1' must be absolute, not '/' itself, without '..', and hold "
                              "only letters, digits and . _ - + @ /").arg(displayText(value)));
            }
        }
    }

    const ClusterSpec &m_spec;
    const SourceLocations &m_locations;
    QList<Diagnostic> m_diagnostics;
};

} // namespace

QList<Diagnostic> ClusterSpecValidator::validate(const ClusterSpec &spec,
                                                 const SourceLocations &locations)
{
    return Checker(spec, locations).run();
}

bool ClusterSpecValidator::isValidClusterName(const QString &name)
{
    return name.size() <= Limits::kMaxNameLength && matches(QStringLiteral("[a-z][a-z0-9-]*"), name)
           && !name.endsWith(QLatin1Char('-'));
}

bool ClusterSpecValidator::isValidHostAddress(const QString &address)
{
    QHostAddress ip;
    if (ip.setAddress(address))
        return !address.contains(QLatin1Char('%')); // no scoped IPv6: it names a local interface
    // RFC 1123 host name: dot-separated labels of letters, digits and inner dashes.
    static const QString label = QStringLiteral("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    return address.size() <= 253 && !matches(QStringLiteral("[0-9.]+"), address)
           && matches(QStringLiteral("%1(?:\\.%1)*").arg(label), address);
}

bool ClusterSpecValidator::isValidUserName(const QString &user)
{
    return user.size() <= 32 && matches(QStringLiteral("[a-z_][a-z0-9_.-]*"), user);
}

bool ClusterSpecValidator::isSafeRemotePath(const QString &path)
{
    return path.size() > 1 && path.size() <= 1024 && matches(QStringLiteral("/[A-Za-z0-9._+@/-]*"), path)
           && !path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

} // namespace SparkDeck
