#include "preflightevaluator.h"

#include "provisioning/clusterlayout.h"
#include "render/nfsconfig.h"
#include "render/sparkconfig.h"
#include "util/networkaddress.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <cstdlib>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::PreflightEvaluator)
};

using Status = PreflightFinding::Status;

QString mib(qint64 value)
{
    if (value < 1024)
        return QStringLiteral("%1 MiB").arg(value);
    return value % 1024 == 0 ? QStringLiteral("%1 GiB").arg(value / 1024)
                             : QStringLiteral("%1 GiB").arg(QString::number(value / 1024.0, 'f', 1));
}

/// A command line for a table cell: long Java class paths cut short.
QString shortened(const QString &command)
{
    return command.size() <= 120 ? command : command.left(117) + QStringLiteral("...");
}

bool available(const QString &candidate)
{
    return !candidate.isEmpty() && candidate != QLatin1String("(none)");
}

/// Evaluates one host's report into findings.
class HostJudge
{
public:
    HostJudge(const ClusterSpec &spec, const PreflightHostReport &report, const QString &masterAddress,
              QList<PreflightFinding> &out)
        : m_spec(spec), m_report(report), m_host(report.host), m_facts(report.facts),
          m_masterAddress(masterAddress), m_out(out)
    {}

    void run()
    {
        if (!m_report.connectionError.isEmpty()) {
            add(QStringLiteral("connection"), Status::Error, m_report.connectionError,
                Tr::tr("Make SSH to %1 work first (address, port %2, user, key, known_hosts); the other "
                       "checks need it").arg(m_host.address).arg(m_host.sshPort));
            return;
        }
        if (!m_facts.complete) {
            add(QStringLiteral("connection"), Status::Warning,
                Tr::tr("the facts script stopped before its end; some checks are missing"),
                Tr::tr("Run the preflight check again; if this repeats, check that /bin/sh works on %1")
                    .arg(m_host.name));
        }
        system();
        cpu();
        memory();
        disk();
        rights();
        if (swarm()) {
            docker();
            swarmMembership();
        } else {
            java();
        }
        tools();
        names();
        ports();
        reach();
        clock();
        nfs();
    }

private:
    void add(const QString &check, Status status, const QString &detail, const QString &fix = QString())
    {
        m_out << PreflightFinding{m_host.name, check, status, detail, fix};
    }

    int workerCount() const { return int(m_host.workerWebUiPorts.size()); }
    bool needsNfs() const
    {
        return m_spec.sharedFolder.enabled && (m_host.nfsServer || (m_host.runsWorkers() && !servesItself()));
    }
    bool servesItself() const
    {
        return m_host.nfsServer || (m_spec.sharedFolder.servedByMaster() && m_host.master)
               || m_spec.sharedFolder.server == m_host.address;
    }
    bool hasPackageManager() const { return !m_facts.packageManager.isEmpty(); }
    bool isApt() const { return m_facts.packageManager == QLatin1String("apt-get"); }

    /// ok / unknown / unavailable for packages `up` would install.
    enum class Installable { Yes, AfterUpdate, No, Unknown };
    Installable installable(const QStringList &aptPackages) const
    {
        if (!hasPackageManager())
            return Installable::No;
        if (!isApt())
            return Installable::Unknown;
        if (!m_facts.aptListsPresent)
            return Installable::AfterUpdate;
        for (const QString &package : aptPackages) {
            if (!available(m_facts.candidates.value(package)))
                return Installable::No;
        }
        return Installable::Yes;
    }

    void system()
    {
        QStringList parts;
        parts << (m_facts.osName.isEmpty() ? Tr::tr("unknown OS") : m_facts.osName);
        if (!m_facts.arch.isEmpty())
            parts << m_facts.arch;
        if (!m_facts.kernel.isEmpty())
            parts << m_facts.kernel;
        if (hasPackageManager()) {
            parts << m_facts.packageManager;
            add(QStringLiteral("system"), Status::Ok, parts.join(QStringLiteral(", ")));
        } else {
            add(QStringLiteral("system"), Status::Warning,
                parts.join(QStringLiteral(", "))
                    + Tr::tr("; no supported package manager (apt-get, dnf, yum, zypper, apk), so "
                             "SparkDeck cannot install Java or NFS packages here"),
                Tr::tr("Install Java 17 (and, for the shared folder, the NFS packages) on %1 by hand")
                    .arg(m_host.name));
        }
    }

    void cpu()
    {
        if (m_facts.cpus <= 0) {
            add(QStringLiteral("cpu"), Status::Warning, Tr::tr("the host did not say how many CPUs it has"));
            return;
        }
        const int wanted = workerCount() * m_spec.workers.cores;
        if (wanted > m_facts.cpus) {
            add(QStringLiteral("cpu"), Status::Warning,
                Tr::tr("%1 CPUs; %2 worker cores requested (%3 × workers.cores %4): tasks will share CPUs")
                    .arg(m_facts.cpus).arg(wanted).arg(workerCount()).arg(m_spec.workers.cores),
                Tr::tr("Lower workers.cores to %1, or use a host with at least %2 CPUs")
                    .arg(qMax(1, m_facts.cpus / qMax(1, workerCount()))).arg(wanted));
            return;
        }
        add(QStringLiteral("cpu"), Status::Ok,
            wanted > 0 ? Tr::tr("%1 CPUs for %2 worker cores").arg(m_facts.cpus).arg(wanted)
                       : Tr::tr("%1 CPUs").arg(m_facts.cpus));
    }

    void memory()
    {
        if (m_facts.memTotalKiB <= 0) {
            add(QStringLiteral("memory"), Status::Warning, Tr::tr("the host did not say how much memory it has"));
            return;
        }
        const qint64 total = m_facts.memTotalKiB / 1024;
        const qint64 executors = workerCount() * m_spec.workers.memory.mebibytes();
        const qint64 master = m_host.master ? PreflightEvaluator::kMasterMemoryMiB : 0;
        const qint64 daemons = workerCount() * PreflightEvaluator::kWorkerDaemonMiB;
        QString need;
        if (workerCount() > 0)
            need = Tr::tr("%1 worker(s) × workers.memory %2").arg(workerCount()).arg(m_spec.workers.memory.toSparkString());
        if (m_host.master)
            need += (need.isEmpty() ? QString() : QStringLiteral(" + ")) + Tr::tr("about 1 GiB for the master");
        const qint64 perWorker = workerCount() > 0 ? (total - master - daemons) / workerCount() / 256 * 256 : 0;
        const QString lower = perWorker >= 256
                                  ? Tr::tr("Lower workers.memory to %1m or less, or use a host with more memory").arg(perWorker)
                                  : Tr::tr("Use a host with more memory");
        if (total < executors + master) {
            add(QStringLiteral("memory"), Status::Error,
                Tr::tr("%1 of memory; needs %2 (%3)").arg(mib(total), mib(executors + master), need), lower);
        } else if (total < executors + master + daemons) {
            add(QStringLiteral("memory"), Status::Warning,
                Tr::tr("%1 of memory; %2 needs %3, which leaves no room for the worker daemons and the system")
                    .arg(mib(total), need, mib(executors + master)),
                lower);
        } else {
            add(QStringLiteral("memory"), Status::Ok,
                need.isEmpty() ? mib(total) : Tr::tr("%1; needs %2 (%3)").arg(mib(total), mib(executors + master), need));
        }
    }

    void disk()
    {
        const QString base = ClusterLayout(m_spec).base();
        if (m_facts.diskFreeKiB < 0) {
            add(QStringLiteral("disk"), Status::Warning, Tr::tr("cannot tell the free space under %1").arg(base),
                Tr::tr("Make sure %1 has at least %2 free").arg(base, mib(PreflightEvaluator::kLowDiskMiB)));
            return;
        }
        const qint64 free = m_facts.diskFreeKiB / 1024;
        const QString where = m_facts.diskPath == base ? base : Tr::tr("%1 (on %2)").arg(base, m_facts.diskPath);
        if (free < PreflightEvaluator::kMinFreeDiskMiB) {
            add(QStringLiteral("disk"), Status::Error,
                Tr::tr("%1 free under %2; Spark's download and its unpacked copy need about 1.5 GiB").arg(mib(free), where),
                Tr::tr("Free space on the file system of %1, or mount a larger disk there").arg(m_facts.diskPath));
        } else if (free < PreflightEvaluator::kLowDiskMiB) {
            add(QStringLiteral("disk"), Status::Warning,
                Tr::tr("%1 free under %2; logs and the workers' scratch files may fill it").arg(mib(free), where),
                Tr::tr("Free space on the file system of %1 (at least %2 is comfortable)")
                    .arg(m_facts.diskPath, mib(PreflightEvaluator::kLowDiskMiB)));
        } else {
            add(QStringLiteral("disk"), Status::Ok, Tr::tr("%1 free under %2").arg(mib(free), where));
        }
    }

    bool javaMissing() const { return m_facts.javaPath.isEmpty(); }
    bool swarm() const { return m_spec.spark.deploy == DeployMode::Swarm; }

    void docker()
    {
        if (!m_facts.dockerServer.isEmpty()) {
            add(QStringLiteral("docker"), Status::Ok, Tr::tr("Docker %1 (%2)").arg(m_facts.dockerServer, m_facts.dockerClient));
            return;
        }
        if (!m_facts.dockerClient.isEmpty()) {
            add(QStringLiteral("docker"), Status::Warning,
                Tr::tr("installed, but the engine does not answer (%1); 'up' starts it through the init system")
                    .arg(m_facts.dockerError),
                Tr::tr("Start the Docker engine on %1 (systemctl start docker, or dockerd)").arg(m_host.name));
            return;
        }
        switch (installable({QStringLiteral("docker.io")})) {
        case Installable::Yes:
            add(QStringLiteral("docker"), Status::Ok, Tr::tr("not installed; 'up' installs docker.io with apt-get"));
            return;
        case Installable::AfterUpdate:
            add(QStringLiteral("docker"), Status::Ok, Tr::tr("not installed; 'up' runs apt-get update and installs docker.io"));
            return;
        case Installable::Unknown:
            add(QStringLiteral("docker"), Status::Ok, Tr::tr("not installed; 'up' installs Docker with %1").arg(m_facts.packageManager));
            return;
        case Installable::No:
            break;
        }
        add(QStringLiteral("docker"), Status::Error,
            hasPackageManager() ? Tr::tr("not installed, and %1 offers no docker.io").arg(m_facts.packageManager)
                                : Tr::tr("not installed, and there is no package manager to install it"),
            Tr::tr("Install Docker on %1 and start it").arg(m_host.name));
    }

    /// A node in another swarm is never taken over: the user decides what happens to that swarm.
    void swarmMembership()
    {
        if (m_facts.dockerServer.isEmpty())
            return;
        const QString manager = NetworkAddress::withPort(m_masterAddress, 2377);
        if (m_facts.swarmState == QLatin1String("inactive")) {
            add(QStringLiteral("swarm"), Status::Ok,
                m_host.master ? Tr::tr("in no swarm; 'up' creates the cluster's swarm here") : Tr::tr("in no swarm; 'up' joins it to the master's"));
        } else if (m_host.master && !m_facts.swarmClusterId.isEmpty() && m_facts.swarmClusterId == m_facts.ourSwarmId) {
            add(QStringLiteral("swarm"), Status::Ok, Tr::tr("manager of the cluster's swarm %1").arg(m_facts.swarmClusterId));
        } else if (!m_host.master && m_facts.swarmState == QLatin1String("active") && m_facts.swarmManagers.contains(manager)) {
            add(QStringLiteral("swarm"), Status::Ok, Tr::tr("in the cluster's swarm (manager %1)").arg(manager));
        } else {
            const QString which = m_facts.swarmClusterId.isEmpty() ? m_facts.swarmManagers.join(QStringLiteral(", "))
                                                                   : m_facts.swarmClusterId;
            add(QStringLiteral("swarm"), Status::Error,
                Tr::tr("already in another Docker swarm (%1, %2); SparkDeck does not take it over").arg(m_facts.swarmState, which),
                Tr::tr("Leave that swarm on %1 (docker swarm leave) if it is not needed, or use another host").arg(m_host.name));
        }
    }

    void rights()
    {
        const QString user = m_facts.user.isEmpty() ? Tr::tr("the login user") : m_facts.user;
        if (m_facts.uid == 0) {
            add(QStringLiteral("rights"), Status::Ok, Tr::tr("logged in as root"));
            return;
        }
        if (m_facts.sudo == QLatin1String("ok")) {
            add(QStringLiteral("rights"), Status::Ok, Tr::tr("%1 may run sudo without a password").arg(user));
            return;
        }
        QStringList needs;
        if (swarm())
            needs << Tr::tr("run Docker");
        else if (javaMissing())
            needs << Tr::tr("install Java");
        if (needsNfs())
            needs << Tr::tr("serve or mount the shared folder");
        if (!m_facts.baseWritable)
            needs << Tr::tr("write %1").arg(ClusterLayout(m_spec).base());
        const QString problem = m_facts.sudo == QLatin1String("missing")
                                    ? Tr::tr("%1 is not root and sudo is not installed").arg(user)
                                    : Tr::tr("%1 is not root and sudo asks for a password (SparkDeck runs sudo -n)").arg(user);
        const QString fix = Tr::tr("Allow %1 passwordless sudo (a line '%1 ALL=(ALL) NOPASSWD:ALL' in "
                                   "/etc/sudoers.d/sparkdeck), or connect as root").arg(user);
        if (needs.isEmpty())
            add(QStringLiteral("rights"), Status::Warning, problem + Tr::tr("; nothing here needs root yet"), fix);
        else
            add(QStringLiteral("rights"), Status::Error,
                problem + Tr::tr("; SparkDeck needs root to %1").arg(needs.join(QStringLiteral(", "))), fix);
    }

    void java()
    {
        const int sparkMajor = m_spec.spark.version.section(QLatin1Char('.'), 0, 0).toInt();
        if (!javaMissing()) {
            const int major = m_facts.javaMajor();
            const QString seen = m_facts.javaVersionLine.isEmpty() ? m_facts.javaPath
                                                                   : m_facts.javaVersionLine + QStringLiteral(" (") + m_facts.javaPath + QLatin1Char(')');
            if (major == 0) {
                add(QStringLiteral("java"), Status::Warning, Tr::tr("%1: cannot tell its version").arg(seen),
                    Tr::tr("Check that '%1 -version' works").arg(m_facts.javaPath));
            } else if (major < 8 || (sparkMajor >= 4 && major < 17)) {
                add(QStringLiteral("java"), Status::Error,
                    Tr::tr("Java %1 is too old for Spark %2: %3").arg(major).arg(m_spec.spark.version, seen),
                    Tr::tr("Install Java 17 and put it first on PATH, or set JAVA_HOME"));
            } else if (sparkMajor == 3 && major > 17) {
                add(QStringLiteral("java"), Status::Warning,
                    Tr::tr("Java %1; Spark %2 is made for Java 8, 11 and 17: %3").arg(major).arg(m_spec.spark.version, seen),
                    Tr::tr("Install Java 17 and put it first on PATH, or set JAVA_HOME"));
            } else {
                add(QStringLiteral("java"), Status::Ok, seen);
            }
            return;
        }
        switch (installable({QStringLiteral("openjdk-17-jre-headless")})) {
        case Installable::Yes:
            add(QStringLiteral("java"), Status::Ok,
                Tr::tr("not installed; 'up' installs openjdk-17-jre-headless with apt-get"));
            return;
        case Installable::AfterUpdate:
            add(QStringLiteral("java"), Status::Ok,
                Tr::tr("not installed; 'up' runs apt-get update and installs openjdk-17-jre-headless"));
            return;
        case Installable::Unknown:
            add(QStringLiteral("java"), Status::Ok,
                Tr::tr("not installed; 'up' installs Java 17 with %1").arg(m_facts.packageManager));
            return;
        case Installable::No:
            break;
        }
        if (isApt() && available(m_facts.candidates.value(QStringLiteral("default-jre-headless")))) {
            add(QStringLiteral("java"), Status::Ok,
                Tr::tr("not installed; 'up' installs default-jre-headless with apt-get (no OpenJDK 17 here)"));
            return;
        }
        add(QStringLiteral("java"), Status::Error,
            hasPackageManager() ? Tr::tr("not installed, and %1 offers no OpenJDK 17").arg(m_facts.packageManager)
                                : Tr::tr("not installed, and there is no package manager to install it"),
            Tr::tr("Install Java 17 on %1 and put it on PATH or set JAVA_HOME").arg(m_host.name));
    }

    void tools()
    {
        QStringList missing;
        for (const char *tool : {"tar", "gzip", "sha512sum", "sha256sum"}) {
            if (!m_facts.hasTool(QString::fromLatin1(tool)))
                missing << QString::fromLatin1(tool);
        }
        QStringList problems;
        QStringList fixes;
        if (!missing.isEmpty()) {
            problems << Tr::tr("missing %1").arg(missing.join(QStringLiteral(", ")));
            fixes << Tr::tr("install %1 (packages tar, gzip, coreutils)").arg(missing.join(QStringLiteral(", ")));
        }
        if ((m_host.master || m_host.runsWorkers()) && !m_facts.hasTool(QStringLiteral("python3"))) {
            problems << (m_host.master ? Tr::tr("the master needs python3 to serve Spark to the workers and to wait for its status")
                         : swarm()     ? Tr::tr("a worker node needs python3 to join the swarm (the token goes to Docker's "
                                                "API, never on a command line)")
                                       : Tr::tr("a worker host needs python3 to copy Spark from the master and to see its "
                                                "workers registered"));
            fixes << Tr::tr("install python3 (e.g. apt-get install python3)");
        }
        QStringList present;
        for (const char *tool : {"python3", "curl", "wget", "tar", "sha512sum", "ss", "systemctl"}) {
            if (m_facts.hasTool(QString::fromLatin1(tool)))
                present << QString::fromLatin1(tool);
        }
        if (problems.isEmpty())
            add(QStringLiteral("tools"), Status::Ok, present.join(QStringLiteral(", ")));
        else
            add(QStringLiteral("tools"), Status::Error, problems.join(QStringLiteral("; ")),
                fixes.join(QStringLiteral("; ")));
    }

    void names()
    {
        // The address daemons bind to (SPARK_LOCAL_IP) must be one of the host's own.
        QHostAddress address;
        if (address.setAddress(m_host.address) && !m_facts.addresses.isEmpty()) {
            bool own = false;
            for (const QString &candidate : m_facts.addresses)
                own = own || QHostAddress(candidate).isEqual(address);
            if (!own) {
                add(QStringLiteral("address"), Status::Error,
                    Tr::tr("%1 is not an address of this host (it has %2); Spark binds its daemons to it")
                        .arg(m_host.address, m_facts.addresses.join(QStringLiteral(", "))),
                    Tr::tr("List the host by its private address (one of %1) in the cluster file")
                        .arg(m_facts.addresses.join(QStringLiteral(", "))));
            } else {
                add(QStringLiteral("address"), Status::Ok, Tr::tr("%1 is this host's own address").arg(m_host.address));
            }
        }
        if (m_facts.hostnameResolves == QLatin1String("no")) {
            add(QStringLiteral("hostname"), Status::Warning,
                Tr::tr("the host's name '%1' does not resolve on it; Spark does not need it (SparkDeck sets "
                       "SPARK_LOCAL_IP), but applications started there may").arg(m_facts.hostname),
                Tr::tr("Add '%1 %2' to /etc/hosts on %3").arg(m_host.address, m_facts.hostname, m_host.name));
        } else if (m_facts.hostnameResolves == QLatin1String("yes")) {
            add(QStringLiteral("hostname"), Status::Ok,
                Tr::tr("'%1' resolves to %2").arg(m_facts.hostname, m_facts.hostnameAddress));
        }
    }

    bool conflicts(const ListeningSocket &socket) const
    {
        if (socket.isWildcard())
            return true;
        QHostAddress mine;
        if (!mine.setAddress(m_host.address))
            return true; // a name: assume the worst
        return QHostAddress(socket.address).isEqual(mine);
    }

    QString describe(const ListeningSocket &socket) const
    {
        if (socket.pid <= 0)
            return socket.program.isEmpty() ? QString() : socket.program;
        const QString command = shortened(m_facts.commands.value(socket.pid, socket.program));
        return command.isEmpty() ? Tr::tr("pid %1").arg(socket.pid) : Tr::tr("pid %1, %2").arg(socket.pid).arg(command);
    }

    void port(int number, const QString &use, Status whenTaken)
    {
        const QString check = QStringLiteral("port %1").arg(number);
        if (!m_facts.listenersKnown) {
            add(check, Status::Warning, Tr::tr("cannot list listening ports (neither ss nor /proc/net/tcp)"),
                Tr::tr("Check by hand that nothing listens on port %1 of %2").arg(number).arg(m_host.name));
            return;
        }
        const QString root = ClusterLayout(m_spec).root();
        QList<ListeningSocket> others;
        for (const ListeningSocket &socket : m_facts.listenersOn(number)) {
            if (!conflicts(socket)) {
                others << socket;
                continue;
            }
            const QString command = m_facts.commands.value(socket.pid);
            if (m_facts.ownPids.contains(socket.pid) || (!command.isEmpty() && command.contains(root))) {
                add(check, Status::Ok, Tr::tr("in use by this cluster's own %1 (pid %2)").arg(use).arg(socket.pid));
                return;
            }
            if (number == 2049 && socket.pid <= 0 && m_facts.kernelNfsd == QLatin1String("yes")) {
                add(check, Status::Ok, Tr::tr("the kernel's NFS server listens: it will serve the shared folder"));
                return;
            }
            const QString who = describe(socket);
            add(check, whenTaken,
                who.isEmpty() ? Tr::tr("in use on %1 (%2), by a process SparkDeck cannot see").arg(socket.address, use)
                              : Tr::tr("in use on %1 by %2; %3 needs it").arg(socket.address, who, use),
                who.isEmpty() ? Tr::tr("Free port %1 (see 'sudo ss -ltnp sport = :%1' on %2)").arg(number).arg(m_host.name)
                              : Tr::tr("Free port %1 (used by %2)").arg(number).arg(who));
            return;
        }
        if (!others.isEmpty()) {
            add(check, Status::Ok, Tr::tr("free on %1 (%2 listens on %3 only)")
                                       .arg(m_host.address, describe(others.first()), others.first().address));
            return;
        }
        add(check, Status::Ok, Tr::tr("free (%1)").arg(use));
    }

    void ports()
    {
        if (m_host.master) {
            port(SparkPorts::kMaster, Tr::tr("the master"), Status::Error);
            port(SparkPorts::kMasterWebUi, Tr::tr("the master's web UI"), Status::Error);
            port(SparkPorts::kApplicationUi, Tr::tr("applications' UI; Spark moves to 4041.. when taken"), Status::Warning);
        }
        for (int webUi : m_host.workerWebUiPorts)
            port(webUi, Tr::tr("a worker's web UI"), Status::Error);
        if (m_host.nfsServer && m_spec.sharedFolder.enabled && m_facts.kernelNfsd == QLatin1String("no"))
            port(2049, Tr::tr("nfs-ganesha, for the shared folder"), Status::Error);
        // Without it the master cannot share its copy; a worker host passes nothing on, and
        // the hosts that would have copied from it copy from the master.
        if (m_host.sharesCopies) {
            port(ClusterLayout(m_spec).sharingPort(),
                 m_host.master ? Tr::tr("sharing Spark with the worker hosts")
                               : Tr::tr("passing Spark on to other worker hosts"),
                 m_host.master ? Status::Error : Status::Warning);
        }
    }

    void reach()
    {
        if (m_facts.reach.isEmpty())
            return;
        int ok = 0;
        for (const ReachProbe &probe : m_facts.reach) {
            if (probe.result == QLatin1String("ok")) {
                ++ok;
            } else if (probe.result == QLatin1String("notool")) {
                add(QStringLiteral("reach"), Status::Warning,
                    Tr::tr("cannot test whether %1 reaches the other hosts: it has neither bash with timeout, "
                           "python3 nor nc").arg(m_host.name),
                    Tr::tr("Install python3 (or netcat) on %1").arg(m_host.name));
                return;
            } else {
                const bool nfs = probe.port == 2049;
                // Workers must reach the master (and the folder's server) or nothing works; two
                // workers that cannot talk only hurt shuffles, and a slow probe must not block `up`.
                // A timeout is not proof: a busy host may not answer a probe in time, so it is a
                // warning; a refusal or no route is.
                const bool critical = (nfs || probe.address == m_masterAddress) && probe.result != QLatin1String("timeout");
                add(QStringLiteral("reach"), critical ? Status::Error : Status::Warning,
                    Tr::tr("cannot reach %1:%2 (%3)").arg(probe.address).arg(probe.port).arg(probe.result),
                    nfs ? Tr::tr("Check that the NFS server %1 runs and lets %2 in (TCP 2049)").arg(probe.address, m_host.address)
                        : Tr::tr("Allow TCP from %1 to %2: Spark uses 7077, 8080, 8081 and random ports between the "
                                 "cluster's hosts; check routes and firewalls").arg(m_host.address, probe.address));
            }
        }
        if (ok == m_facts.reach.size()) {
            QStringList targets;
            for (const ReachProbe &probe : m_facts.reach)
                targets << QStringLiteral("%1:%2").arg(probe.address).arg(probe.port);
            add(QStringLiteral("reach"), Status::Ok, Tr::tr("reaches %1").arg(targets.join(QStringLiteral(", "))));
        }
    }

    void clock()
    {
        if (m_host.local || m_facts.epochMs <= 0 || m_report.timeReceivedMs <= 0)
            return;
        const qint64 skew = m_facts.epochMs - m_report.timeReceivedMs;
        const qint64 beyond = std::llabs(skew) - m_facts.clockResolutionMs;
        const QString direction = skew > 0 ? Tr::tr("ahead of") : Tr::tr("behind");
        const QString seconds = QString::number(std::llabs(skew) / 1000.0, 'f', 1);
        const QString fix = Tr::tr("Synchronise the clock of %1 (chrony or systemd-timesyncd)").arg(m_host.name);
        if (beyond > PreflightEvaluator::kClockErrorMs) {
            add(QStringLiteral("clock"), Status::Error,
                Tr::tr("%1 s %2 this computer; package downloads and TLS checks fail with such a clock")
                    .arg(seconds, direction), fix);
        } else if (beyond > PreflightEvaluator::kClockWarningMs) {
            add(QStringLiteral("clock"), Status::Warning,
                Tr::tr("%1 s %2 this computer; logs and the UI's times will disagree").arg(seconds, direction), fix);
        } else {
            add(QStringLiteral("clock"), Status::Ok, Tr::tr("within %1 s of this computer").arg(
                                                         QString::number(qMax<qint64>(std::llabs(skew), m_facts.clockResolutionMs) / 1000.0, 'f', 1)));
        }
    }

    QString serverAddress() const
    {
        return m_spec.sharedFolder.servedByMaster() ? m_masterAddress : m_spec.sharedFolder.server;
    }

    void nfs()
    {
        if (!m_spec.sharedFolder.enabled)
            return;
        const SharedFolderSpec &folder = m_spec.sharedFolder;
        if (m_host.nfsServer)
            nfsServer(folder);
        if (m_host.runsWorkers() && !servesItself())
            nfsClient(folder);
    }

    void nfsServer(const SharedFolderSpec &folder)
    {
        const QString check = QStringLiteral("nfs server");
        if (m_facts.kernelNfsd == QLatin1String("yes") || m_facts.kernelNfsd == QLatin1String("module")) {
            add(check, Status::Ok,
                m_facts.hasTool(QStringLiteral("exportfs"))
                    ? Tr::tr("the kernel has an NFS server; %1 will be exported with nfs-kernel-server").arg(folder.exportPath)
                    : Tr::tr("the kernel has an NFS server; 'up' installs nfs-kernel-server and exports %1").arg(folder.exportPath));
            return;
        }
        if (m_facts.kernelNfsd.isEmpty())
            return;
        if (m_facts.hasTool(QStringLiteral("ganesha.nfsd")) && !m_facts.ganeshaVfs.isEmpty()) {
            add(check, Status::Ok,
                Tr::tr("no NFS server in the kernel; nfs-ganesha (userspace, NFSv4) is installed and will serve %1")
                    .arg(folder.exportPath));
            return;
        }
        switch (installable({QStringLiteral("nfs-ganesha"), QStringLiteral("nfs-ganesha-vfs")})) {
        case Installable::Yes:
        case Installable::AfterUpdate:
            add(check, Status::Ok,
                Tr::tr("no NFS server in the kernel; 'up' installs nfs-ganesha and nfs-ganesha-vfs (userspace, "
                       "NFSv4) to serve %1").arg(folder.exportPath));
            return;
        case Installable::Unknown:
            add(check, Status::Warning,
                Tr::tr("no NFS server in the kernel; 'up' will try to install nfs-ganesha with %1")
                    .arg(m_facts.packageManager),
                Tr::tr("Make sure %1 can install nfs-ganesha and its VFS module (on RHEL-like systems: EPEL or the "
                       "CentOS Storage SIG)").arg(m_facts.packageManager));
            return;
        case Installable::No:
            break;
        }
        add(check, Status::Error,
            hasPackageManager() ? Tr::tr("no NFS server in the kernel, and %1 offers no nfs-ganesha").arg(m_facts.packageManager)
                                : Tr::tr("no NFS server in the kernel, and no package manager to install nfs-ganesha"),
            Tr::tr("Enable a repository with nfs-ganesha and nfs-ganesha-vfs, set shared_folder.server to a host with "
                   "an NFS server, or turn the shared folder off"));
    }

    void nfsClient(const SharedFolderSpec &folder)
    {
        const QString check = QStringLiteral("nfs client");
        const QString url = NfsConfigRenderer::url(serverAddress(), folder.exportPath);
        if (m_facts.kernelNfsClient == QLatin1String("yes") || m_facts.kernelNfsClient == QLatin1String("module")) {
            const bool tools = m_facts.hasTool(QStringLiteral("mount.nfs4")) || m_facts.hasTool(QStringLiteral("mount.nfs"));
            add(check, Status::Ok,
                tools ? Tr::tr("the kernel has an NFS client; %1 will be mounted at %2").arg(url, folder.mountPath)
                      : Tr::tr("the kernel has an NFS client; 'up' installs the NFS mount tools and mounts %1 at %2")
                            .arg(url, folder.mountPath));
            return;
        }
        if (m_facts.kernelNfsClient != QLatin1String("no"))
            return;
        const bool libnfs = m_facts.hasTool(QStringLiteral("nfs-cp"));
        add(check, Status::Warning,
            Tr::tr("%1 cannot mount NFS: the kernel has no NFS client, so the shared folder will not appear at %2; "
                   "its workers still start, and the folder stays reachable at %3 with libnfs tools%4")
                .arg(m_host.name, folder.mountPath, url,
                     libnfs ? Tr::tr(" (installed here)") : QString()),
            libnfs ? Tr::tr("To mount it, use a kernel with NFS client support (CONFIG_NFS_FS, CONFIG_NFS_V4)")
                   : Tr::tr("To mount it, use a kernel with NFS client support (CONFIG_NFS_FS, CONFIG_NFS_V4); to reach "
                            "it without a mount, install libnfs-utils (nfs-cp, nfs-ls)"));
    }

    const ClusterSpec &m_spec;
    const PreflightHostReport &m_report;
    const PreflightHost &m_host;
    const HostFacts &m_facts;
    QString m_masterAddress;
    QList<PreflightFinding> &m_out;
};

} // namespace

QList<PreflightFinding> PreflightEvaluator::evaluate(const ClusterSpec &spec, const QList<PreflightHostReport> &reports)
{
    QString masterAddress;
    for (const PreflightHostReport &report : reports) {
        if (report.host.master)
            masterAddress = report.host.address;
    }
    QList<PreflightFinding> findings;
    for (const PreflightHostReport &report : reports)
        HostJudge(spec, report, masterAddress, findings).run();
    return findings;
}

} // namespace SparkDeck
