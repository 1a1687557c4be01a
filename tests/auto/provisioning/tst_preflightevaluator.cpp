// Preflight judgement: a healthy host passes, and each kind of trouble (size, ports, rights,
// Java, tools, reachability, clock, NFS) becomes one finding with a status and a fix a person
// can follow. Pure: facts in, findings out.
#include "provisioning/clusterlayout.h"
#include "provisioning/preflightevaluator.h"

#include <QtTest>

using namespace SparkDeck;
using Level = PreflightFinding::Status;

namespace {

constexpr qint64 kNow = 1'795'216'030'000;

HostFacts healthy(const QString &address)
{
    HostFacts facts;
    facts.complete = true;
    facts.osId = QStringLiteral("debian");
    facts.osName = QStringLiteral("Debian GNU/Linux 12 (bookworm)");
    facts.arch = QStringLiteral("x86_64");
    facts.packageManager = QStringLiteral("apt-get");
    facts.cpus = 8;
    facts.memTotalKiB = 16LL * 1024 * 1024;
    facts.diskPath = QStringLiteral("/opt");
    facts.diskFreeKiB = 50LL * 1024 * 1024;
    facts.baseWritable = true;
    facts.epochMs = kNow;
    facts.clockResolutionMs = 1;
    facts.uid = 0;
    facts.user = QStringLiteral("root");
    for (const char *tool : {"python3", "curl", "tar", "gzip", "sha512sum", "sha256sum", "bash", "timeout", "ss", "ip",
                             "getent", "java"})
        facts.tools.insert(QString::fromLatin1(tool));
    facts.javaPath = QStringLiteral("/usr/bin/java");
    facts.javaVersionLine = QStringLiteral("openjdk version \"17.0.9\" 2023-10-17");
    facts.aptListsPresent = true;
    facts.candidates = {{QStringLiteral("openjdk-17-jre-headless"), QStringLiteral("17.0.9")},
                        {QStringLiteral("nfs-ganesha"), QStringLiteral("4.3-2")},
                        {QStringLiteral("nfs-ganesha-vfs"), QStringLiteral("4.3-2")}};
    facts.hostname = QStringLiteral("node");
    facts.hostnameResolves = QStringLiteral("yes");
    facts.hostnameAddress = address;
    facts.addresses = {QStringLiteral("127.0.0.1"), address};
    facts.listenersKnown = true;
    facts.listening = {{address, 22, 800, QStringLiteral("sshd")}};
    return facts;
}

PreflightHostReport host(const QString &address, bool master, QList<int> workers, bool nfsServer = false)
{
    PreflightHostReport report;
    report.host.name = address;
    report.host.address = address;
    report.host.master = master;
    report.host.workerWebUiPorts = workers;
    report.host.nfsServer = nfsServer;
    report.facts = healthy(address);
    report.timeReceivedMs = kNow;
    return report;
}

ClusterSpec spec()
{
    ClusterSpec spec;
    spec.name = QStringLiteral("demo");
    spec.machines.provider = Provider::Existing;
    spec.workers.count = 2;
    spec.workers.cores = 2;
    spec.workers.memory = MemorySize::fromMebibytes(4096);
    spec.sharedFolder.enabled = false;
    return spec;
}

QList<PreflightFinding> only(const QList<PreflightFinding> &findings, const QString &host, const QString &check)
{
    QList<PreflightFinding> found;
    for (const PreflightFinding &finding : findings) {
        if (finding.host == host && finding.check == check)
            found << finding;
    }
    return found;
}

PreflightFinding one(const QList<PreflightFinding> &findings, const QString &host, const QString &check)
{
    const QList<PreflightFinding> found = only(findings, host, check);
    if (found.size() != 1) {
        QTest::qFail(qPrintable(QStringLiteral("expected one '%1' finding for %2, got %3").arg(check, host).arg(found.size())),
                     __FILE__, __LINE__);
        return {};
    }
    return found.first();
}

QString dump(const QList<PreflightFinding> &findings)
{
    QStringList lines;
    for (const PreflightFinding &f : findings)
        lines << QStringLiteral("%1 %2 %3: %4 [%5]").arg(f.host, f.check, toString(f.status), f.detail, f.fix);
    return lines.join(QLatin1Char('\n'));
}

const QString kMaster = QStringLiteral("10.0.0.1");
const QString kWorker = QStringLiteral("10.0.0.2");

} // namespace

class tst_PreflightEvaluator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void healthyClusterHasNoProblems();
    void unreachableHostIsOneErrorAndTheOthersAreStillChecked();
    void memoryAgainstTheWorkerSize_data();
    void memoryAgainstTheWorkerSize();
    void tooFewCpusIsAWarning();
    void diskUnderOpt_data();
    void diskUnderOpt();
    void portsInUseNameTheProcess();
    void portsOfThisClusterOrOtherAddressesAreFine();
    void unknownListenersAreAWarning();
    void theSharingPortOnTheMasterAndTheWorkerHosts();
    void rightsForANonRootUser_data();
    void rightsForANonRootUser();
    void javaPresentOrInstallable_data();
    void javaPresentOrInstallable();
    void toolsTheMasterAndWorkersNeed();
    void dockerPresentOrInstallable_data();
    void dockerPresentOrInstallable();
    void aNodeInAnotherSwarmIsAnError_data();
    void aNodeInAnotherSwarmIsAnError();
    void swarmNeedsNoJavaOnTheHosts();
    void addressMustBeTheHostsOwn();
    void unreachablePeersAreErrors_data();
    void unreachablePeersAreErrors();
    void clockSkew_data();
    void clockSkew();
    void nfsServerKernelOrGanesha_data();
    void nfsServerKernelOrGanesha();
    void workerWithoutKernelNfsClientIsAPlainWarning();
    void incompleteFactsAreAWarning();
};

void tst_PreflightEvaluator::healthyClusterHasNoProblems()
{
    const auto findings = PreflightEvaluator::evaluate(spec(), {host(kMaster, true, {}), host(kWorker, false, {8081})});
    QCOMPARE(countFindings(findings, Level::Error), 0);
    QVERIFY2(countFindings(findings, Level::Warning) == 0, qPrintable(dump(findings)));
    for (const char *check : {"system", "cpu", "memory", "disk", "rights", "java", "tools", "address", "hostname",
                              "port 7077", "port 8080", "port 4040"})
        QCOMPARE(int(one(findings, kMaster, QString::fromLatin1(check)).status), int(Level::Ok));
    QCOMPARE(int(one(findings, kWorker, QStringLiteral("port 8081")).status), int(Level::Ok));
    QVERIFY(only(findings, kWorker, QStringLiteral("port 8080")).isEmpty()); // a worker host needs no master port
    for (const PreflightFinding &finding : findings)
        QVERIFY2(finding.fix.isEmpty(), qPrintable(finding.fix));
}

void tst_PreflightEvaluator::unreachableHostIsOneErrorAndTheOthersAreStillChecked()
{
    PreflightHostReport gone = host(kWorker, false, {8081});
    gone.connectionError = QStringLiteral("Cannot connect to root@10.0.0.2:22: Connection refused");
    gone.facts = HostFacts();
    const auto findings = PreflightEvaluator::evaluate(spec(), {host(kMaster, true, {}), gone});
    const auto workerFindings = only(findings, kWorker, QStringLiteral("connection"));
    QCOMPARE(workerFindings.size(), 1);
    QCOMPARE(int(workerFindings.first().status), int(Level::Error));
    QVERIFY(workerFindings.first().detail.contains(QLatin1String("Connection refused")));
    QVERIFY(workerFindings.first().fix.contains(QLatin1String("SSH")));
    int workerRows = 0;
    for (const PreflightFinding &finding : findings)
        workerRows += finding.host == kWorker;
    QCOMPARE(workerRows, 1);
    QCOMPARE(int(one(findings, kMaster, QStringLiteral("memory")).status), int(Level::Ok));
}

void tst_PreflightEvaluator::memoryAgainstTheWorkerSize_data()
{
    QTest::addColumn<qint64>("totalMiB");
    QTest::addColumn<bool>("master");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("fixContains");
    // workers.memory is 4g; a worker daemon wants 512 MiB more, the master about 1 GiB.
    QTest::newRow("roomy") << qint64(8192) << false << int(Level::Ok) << QString();
    QTest::newRow("no headroom") << qint64(4300) << false << int(Level::Warning) << QStringLiteral("3584m");
    QTest::newRow("too small") << qint64(2048) << false << int(Level::Error) << QStringLiteral("1536m");
    QTest::newRow("tiny") << qint64(600) << false << int(Level::Error) << QStringLiteral("more memory");
    QTest::newRow("master and worker share") << qint64(4800) << true << int(Level::Error) << QStringLiteral("3072m");
}

void tst_PreflightEvaluator::memoryAgainstTheWorkerSize()
{
    QFETCH(qint64, totalMiB);
    QFETCH(bool, master);
    QFETCH(int, status);
    QFETCH(QString, fixContains);
    PreflightHostReport report = host(kWorker, master, {8081});
    report.facts.memTotalKiB = totalMiB * 1024;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("memory"));
    QCOMPARE(int(finding.status), status);
    QVERIFY2(finding.fix.contains(fixContains), qPrintable(finding.fix));
    if (status != int(Level::Ok))
        QVERIFY(finding.detail.contains(QLatin1String("workers.memory 4g")));
}

void tst_PreflightEvaluator::tooFewCpusIsAWarning()
{
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.cpus = 1;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("cpu"));
    QCOMPARE(int(finding.status), int(Level::Warning));
    QVERIFY(finding.detail.contains(QLatin1String("2 worker cores")));
    QVERIFY(finding.fix.contains(QLatin1String("workers.cores to 1")));
}

void tst_PreflightEvaluator::diskUnderOpt_data()
{
    QTest::addColumn<qint64>("freeMiB");
    QTest::addColumn<int>("status");
    QTest::newRow("plenty") << qint64(20000) << int(Level::Ok);
    QTest::newRow("low") << qint64(3000) << int(Level::Warning);
    QTest::newRow("too little") << qint64(900) << int(Level::Error);
    QTest::newRow("unknown") << qint64(-1) << int(Level::Warning);
}

void tst_PreflightEvaluator::diskUnderOpt()
{
    QFETCH(qint64, freeMiB);
    QFETCH(int, status);
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.diskFreeKiB = freeMiB < 0 ? -1 : freeMiB * 1024;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("disk"));
    QCOMPARE(int(finding.status), status);
    QVERIFY(finding.detail.contains(QLatin1String("/opt/sparkdeck")));
    QCOMPARE(finding.fix.isEmpty(), status == int(Level::Ok));
}

void tst_PreflightEvaluator::portsInUseNameTheProcess()
{
    PreflightHostReport report = host(kMaster, true, {8081});
    report.facts.listening << ListeningSocket{QStringLiteral("0.0.0.0"), 8080, 4242, QStringLiteral("python3")}
                           << ListeningSocket{kMaster, 7077, 0, QString()}
                           << ListeningSocket{QStringLiteral("::"), 4040, 77, QStringLiteral("java")}
                           << ListeningSocket{QStringLiteral("*"), 8081, 99, QStringLiteral("nginx")};
    report.facts.commands.insert(4242, QStringLiteral("python3 -m http.server 8080"));
    const auto findings = PreflightEvaluator::evaluate(spec(), {report});
    const auto web = one(findings, kMaster, QStringLiteral("port 8080"));
    QCOMPARE(int(web.status), int(Level::Error));
    QCOMPARE(web.fix, QStringLiteral("Free port 8080 (used by pid 4242, python3 -m http.server 8080)"));
    const auto master = one(findings, kMaster, QStringLiteral("port 7077"));
    QCOMPARE(int(master.status), int(Level::Error));
    QVERIFY2(master.fix.contains(QLatin1String("ss -ltnp")), qPrintable(master.fix)); // no pid: how to find it
    const auto app = one(findings, kMaster, QStringLiteral("port 4040"));
    QCOMPARE(int(app.status), int(Level::Warning)); // Spark moves on to 4041
    QVERIFY(app.fix.contains(QLatin1String("pid 77, java")));
    QCOMPARE(int(one(findings, kMaster, QStringLiteral("port 8081")).status), int(Level::Error));
}

void tst_PreflightEvaluator::portsOfThisClusterOrOtherAddressesAreFine()
{
    PreflightHostReport report = host(kMaster, true, {});
    report.facts.listening << ListeningSocket{kMaster, 8080, 600, QStringLiteral("java")}
                           << ListeningSocket{QStringLiteral("127.0.0.1"), 7077, 601, QStringLiteral("python3")};
    report.facts.commands.insert(600, QStringLiteral("java -cp /opt/sparkdeck/demo/spark-3.5.8/conf/:/opt/sparkdeck/demo/spark-3.5.8/jars/* "
                                                     "org.apache.spark.deploy.master.Master"));
    const auto findings = PreflightEvaluator::evaluate(spec(), {report});
    const auto own = one(findings, kMaster, QStringLiteral("port 8080"));
    QCOMPARE(int(own.status), int(Level::Ok));
    QVERIFY(own.detail.contains(QLatin1String("this cluster's own")));
    const auto loopback = one(findings, kMaster, QStringLiteral("port 7077"));
    QCOMPARE(int(loopback.status), int(Level::Ok)); // Spark binds 10.0.0.1:7077, which is still free
    QVERIFY(loopback.detail.contains(QLatin1String("127.0.0.1 only")));
}

void tst_PreflightEvaluator::theSharingPortOnTheMasterAndTheWorkerHosts()
{
    const int sharing = ClusterLayout(spec()).sharingPort();
    PreflightHostReport master = host(kMaster, true, {});
    PreflightHostReport worker = host(kWorker, false, {8081});
    master.host.sharesCopies = worker.host.sharesCopies = true;
    master.facts.listening << ListeningSocket{QStringLiteral("0.0.0.0"), sharing, 31, QStringLiteral("nginx")};
    worker.facts.listening << ListeningSocket{QStringLiteral("0.0.0.0"), sharing, 32, QStringLiteral("nginx")};
    const auto findings = PreflightEvaluator::evaluate(spec(), {master, worker});
    const QString check = QStringLiteral("port %1").arg(sharing);
    // The master cannot share Spark without it; a worker host only passes nothing on.
    QCOMPARE(int(one(findings, kMaster, check).status), int(Level::Error));
    const auto passing = one(findings, kWorker, check);
    QCOMPARE(int(passing.status), int(Level::Warning));
    QVERIFY2(passing.detail.contains(QLatin1String("passing Spark on to other worker hosts needs it")), qPrintable(passing.detail));
    QCOMPARE(passing.fix, QStringLiteral("Free port %1 (used by pid 32, nginx)").arg(sharing));

    // Nothing to share when no other host copies.
    master.host.sharesCopies = worker.host.sharesCopies = false;
    QVERIFY(only(PreflightEvaluator::evaluate(spec(), {master, worker}), kMaster, check).isEmpty());
}

void tst_PreflightEvaluator::unknownListenersAreAWarning()
{
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.listenersKnown = false;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("port 8081"));
    QCOMPARE(int(finding.status), int(Level::Warning));
}

void tst_PreflightEvaluator::rightsForANonRootUser_data()
{
    QTest::addColumn<QString>("sudo");
    QTest::addColumn<bool>("javaInstalled");
    QTest::addColumn<bool>("writable");
    QTest::addColumn<int>("status");
    QTest::newRow("passwordless sudo") << "ok" << false << false << int(Level::Ok);
    QTest::newRow("password, must install java") << "password" << false << true << int(Level::Error);
    QTest::newRow("password, cannot write /opt") << "password" << true << false << int(Level::Error);
    QTest::newRow("no sudo, nothing needs root") << "missing" << true << true << int(Level::Warning);
}

void tst_PreflightEvaluator::rightsForANonRootUser()
{
    QFETCH(QString, sudo);
    QFETCH(bool, javaInstalled);
    QFETCH(bool, writable);
    QFETCH(int, status);
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.uid = 1000;
    report.facts.user = QStringLiteral("alice");
    report.facts.sudo = sudo;
    report.facts.baseWritable = writable;
    if (!javaInstalled)
        report.facts.javaPath.clear();
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("rights"));
    QCOMPARE(int(finding.status), status);
    if (status != int(Level::Ok))
        QVERIFY2(finding.fix.contains(QLatin1String("alice ALL=(ALL) NOPASSWD:ALL")), qPrintable(finding.fix));
}

void tst_PreflightEvaluator::javaPresentOrInstallable_data()
{
    QTest::addColumn<QString>("sparkVersion");
    QTest::addColumn<QString>("versionLine");
    QTest::addColumn<QString>("packageManager");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailContains");
    const QString java17 = QStringLiteral("openjdk version \"17.0.9\" 2023-10-17");
    const QString java11 = QStringLiteral("openjdk version \"11.0.21\" 2023-10-17");
    const QString java21 = QStringLiteral("openjdk version \"21.0.1\" 2023-10-17");
    QTest::newRow("17 for 3.5") << "3.5.8" << java17 << "apt-get" << "17" << int(Level::Ok) << "17.0.9";
    QTest::newRow("11 for 4.0") << "4.0.1" << java11 << "apt-get" << "17" << int(Level::Error) << "too old";
    QTest::newRow("21 for 3.5") << "3.5.8" << java21 << "apt-get" << "17" << int(Level::Warning) << "8, 11 and 17";
    QTest::newRow("missing, apt has it") << "3.5.8" << "" << "apt-get" << "17.0.9" << int(Level::Ok) << "installs openjdk-17";
    QTest::newRow("missing, apt has none") << "3.5.8" << "" << "apt-get" << "(none)" << int(Level::Error) << "offers no OpenJDK 17";
    QTest::newRow("missing, dnf") << "3.5.8" << "" << "dnf" << "" << int(Level::Ok) << "with dnf";
    QTest::newRow("missing, no package manager") << "3.5.8" << "" << "" << "" << int(Level::Error) << "no package manager";
}

void tst_PreflightEvaluator::javaPresentOrInstallable()
{
    QFETCH(QString, sparkVersion);
    QFETCH(QString, versionLine);
    QFETCH(QString, packageManager);
    QFETCH(QString, candidate);
    QFETCH(int, status);
    QFETCH(QString, detailContains);
    ClusterSpec cluster = spec();
    cluster.spark.version = sparkVersion;
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.javaVersionLine = versionLine;
    if (versionLine.isEmpty())
        report.facts.javaPath.clear();
    report.facts.packageManager = packageManager;
    report.facts.candidates.insert(QStringLiteral("openjdk-17-jre-headless"), candidate);
    const auto finding = one(PreflightEvaluator::evaluate(cluster, {report}), kWorker, QStringLiteral("java"));
    QCOMPARE(int(finding.status), status);
    QVERIFY2(finding.detail.contains(detailContains), qPrintable(finding.detail));
}

namespace {
ClusterSpec swarmSpec()
{
    ClusterSpec cluster = spec();
    cluster.spark.deploy = DeployMode::Swarm;
    return cluster;
}
} // namespace

void tst_PreflightEvaluator::dockerPresentOrInstallable_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("packageManager");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailContains");
    const QString docker = QStringLiteral("/usr/bin/docker");
    QTest::newRow("engine answers") << docker << QStringLiteral("20.10.24") << QStringLiteral("apt-get") << QString() << int(Level::Ok)
                                    << QStringLiteral("Docker 20.10.24");
    QTest::newRow("engine silent") << docker << QString() << QStringLiteral("apt-get") << QString() << int(Level::Warning)
                                   << QStringLiteral("does not answer");
    QTest::newRow("missing, apt has it") << QString() << QString() << QStringLiteral("apt-get") << QStringLiteral("20.10.24+dfsg1-1")
                                         << int(Level::Ok) << QStringLiteral("installs docker.io");
    QTest::newRow("missing, apt has not") << QString() << QString() << QStringLiteral("apt-get") << QStringLiteral("(none)")
                                          << int(Level::Error) << QStringLiteral("offers no docker.io");
    QTest::newRow("missing, no package manager") << QString() << QString() << QString() << QString() << int(Level::Error)
                                                 << QStringLiteral("no package manager");
}

void tst_PreflightEvaluator::dockerPresentOrInstallable()
{
    QFETCH(QString, client);
    QFETCH(QString, server);
    QFETCH(QString, packageManager);
    QFETCH(QString, candidate);
    QFETCH(int, status);
    QFETCH(QString, detailContains);
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.dockerClient = client;
    report.facts.dockerServer = server;
    report.facts.dockerError = QStringLiteral("Cannot connect to the Docker daemon");
    report.facts.swarmState = QStringLiteral("inactive");
    report.facts.packageManager = packageManager;
    report.facts.candidates.insert(QStringLiteral("docker.io"), candidate);
    const auto finding = one(PreflightEvaluator::evaluate(swarmSpec(), {host(kMaster, true, {}), report}), kWorker, QStringLiteral("docker"));
    QCOMPARE(int(finding.status), status);
    QVERIFY2(finding.detail.contains(detailContains), qPrintable(finding.detail));
}

void tst_PreflightEvaluator::aNodeInAnotherSwarmIsAnError_data()
{
    QTest::addColumn<bool>("master");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("clusterId");
    QTest::addColumn<QString>("ours");
    QTest::addColumn<QStringList>("managers");
    QTest::addColumn<int>("status");
    const QString ours = QStringLiteral("j7tg147jvpbwf8uixrqvycuzs");
    const QString theirs = QStringLiteral("q1w2e3r4t5y6u7i8o9p0asdfg");
    QTest::newRow("master in no swarm") << true << QStringLiteral("inactive") << QString() << QString() << QStringList() << int(Level::Ok);
    QTest::newRow("master of our swarm") << true << QStringLiteral("active") << ours << ours << QStringList() << int(Level::Ok);
    QTest::newRow("master of another swarm") << true << QStringLiteral("active") << theirs << ours << QStringList() << int(Level::Error);
    QTest::newRow("master joined elsewhere") << true << QStringLiteral("active") << QString() << QString()
                                             << QStringList{QStringLiteral("10.9.9.9:2377")} << int(Level::Error);
    QTest::newRow("worker in no swarm") << false << QStringLiteral("inactive") << QString() << QString() << QStringList() << int(Level::Ok);
    QTest::newRow("worker in our swarm") << false << QStringLiteral("active") << QString() << QString()
                                         << QStringList{kMaster + QStringLiteral(":2377")} << int(Level::Ok);
    QTest::newRow("worker in another swarm") << false << QStringLiteral("active") << QString() << QString()
                                             << QStringList{QStringLiteral("10.9.9.9:2377")} << int(Level::Error);
    QTest::newRow("worker managing another swarm") << false << QStringLiteral("active") << theirs << QString()
                                                   << QStringList{kWorker + QStringLiteral(":2377")} << int(Level::Error);
}

void tst_PreflightEvaluator::aNodeInAnotherSwarmIsAnError()
{
    QFETCH(bool, master);
    QFETCH(QString, state);
    QFETCH(QString, clusterId);
    QFETCH(QString, ours);
    QFETCH(QStringList, managers);
    QFETCH(int, status);
    PreflightHostReport masterReport = host(kMaster, true, {});
    PreflightHostReport workerReport = host(kWorker, false, {8081});
    for (PreflightHostReport *report : {&masterReport, &workerReport}) {
        report->facts.dockerClient = QStringLiteral("/usr/bin/docker");
        report->facts.dockerServer = QStringLiteral("20.10.24");
        report->facts.swarmState = QStringLiteral("inactive");
    }
    HostFacts &facts = master ? masterReport.facts : workerReport.facts;
    facts.swarmState = state;
    facts.swarmClusterId = clusterId;
    facts.ourSwarmId = ours;
    facts.swarmManagers = managers;
    const QString name = master ? kMaster : kWorker;
    const auto finding = one(PreflightEvaluator::evaluate(swarmSpec(), {masterReport, workerReport}), name, QStringLiteral("swarm"));
    QCOMPARE(int(finding.status), status);
    if (status == int(Level::Error))
        QVERIFY2(finding.fix.contains(QStringLiteral("docker swarm leave")), qPrintable(finding.fix));
}

void tst_PreflightEvaluator::swarmNeedsNoJavaOnTheHosts()
{
    PreflightHostReport master = host(kMaster, true, {});
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.javaPath.clear();
    report.facts.javaVersionLine.clear();
    for (PreflightHostReport *each : {&master, &report}) {
        each->facts.dockerClient = QStringLiteral("/usr/bin/docker");
        each->facts.dockerServer = QStringLiteral("20.10.24");
        each->facts.swarmState = QStringLiteral("inactive");
    }
    const auto findings = PreflightEvaluator::evaluate(swarmSpec(), {master, report});
    QVERIFY(only(findings, kWorker, QStringLiteral("java")).isEmpty());
    QCOMPARE(countFindings(findings, Level::Error), 0);
}

void tst_PreflightEvaluator::toolsTheMasterAndWorkersNeed()
{
    PreflightHostReport master = host(kMaster, true, {});
    master.facts.tools.remove(QStringLiteral("python3"));
    PreflightHostReport worker = host(kWorker, false, {8081});
    for (const char *tool : {"python3", "curl", "wget", "sha512sum"})
        worker.facts.tools.remove(QString::fromLatin1(tool));
    const auto findings = PreflightEvaluator::evaluate(spec(), {master, worker});
    const auto onMaster = one(findings, kMaster, QStringLiteral("tools"));
    QCOMPARE(int(onMaster.status), int(Level::Error));
    QVERIFY(onMaster.detail.contains(QLatin1String("python3")));
    QVERIFY(onMaster.fix.contains(QLatin1String("install python3")));
    const auto onWorker = one(findings, kWorker, QStringLiteral("tools"));
    QCOMPARE(int(onWorker.status), int(Level::Error));
    QVERIFY(onWorker.detail.contains(QLatin1String("sha512sum")));
    QVERIFY(onWorker.detail.contains(QLatin1String("needs python3 to copy Spark from the master")));
    // A swarm's worker node joins through Docker's API, with python3.
    const auto onNode = one(PreflightEvaluator::evaluate(swarmSpec(), {master, worker}), kWorker, QStringLiteral("tools"));
    QVERIFY(onNode.detail.contains(QLatin1String("needs python3 to join the swarm")));
}

void tst_PreflightEvaluator::addressMustBeTheHostsOwn()
{
    PreflightHostReport report = host(QStringLiteral("203.0.113.7"), false, {8081});
    report.facts.addresses = {QStringLiteral("127.0.0.1"), QStringLiteral("10.1.2.3")};
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), QStringLiteral("203.0.113.7"),
                             QStringLiteral("address"));
    QCOMPARE(int(finding.status), int(Level::Error));
    QVERIFY(finding.fix.contains(QLatin1String("10.1.2.3")));
}

void tst_PreflightEvaluator::unreachablePeersAreErrors_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QString>("result");
    QTest::addColumn<int>("status");
    // A worker that cannot reach the master is an error; a timeout is only a warning (a busy
    // host may not answer a probe in time); another worker out of reach only hurts shuffles.
    QTest::newRow("master refuses") << kMaster << "refused" << int(Level::Error);
    QTest::newRow("no route to the master") << kMaster << "unreachable" << int(Level::Error);
    QTest::newRow("master times out") << kMaster << "timeout" << int(Level::Warning);
    QTest::newRow("another worker refuses") << QStringLiteral("10.0.0.3") << "refused" << int(Level::Warning);
}

void tst_PreflightEvaluator::unreachablePeersAreErrors()
{
    QFETCH(QString, peer);
    QFETCH(QString, result);
    QFETCH(int, status);
    PreflightHostReport worker = host(kWorker, false, {8081});
    worker.facts.reach = {{peer, 22, result}};
    PreflightHostReport master = host(kMaster, true, {});
    master.facts.reach = {{kWorker, 22, QStringLiteral("ok")}, {QStringLiteral("10.0.0.3"), 22, QStringLiteral("ok")}};
    const auto findings = PreflightEvaluator::evaluate(spec(), {master, worker});
    const auto bad = one(findings, kWorker, QStringLiteral("reach"));
    QCOMPARE(int(bad.status), status);
    QCOMPARE(bad.detail, QStringLiteral("cannot reach %1:22 (%2)").arg(peer, result));
    QVERIFY(bad.fix.contains(QStringLiteral("Allow TCP from 10.0.0.2 to %1").arg(peer)));
    const auto good = one(findings, kMaster, QStringLiteral("reach"));
    QCOMPARE(int(good.status), int(Level::Ok));
    QVERIFY(good.detail.contains(QLatin1String("10.0.0.2:22")));
}

void tst_PreflightEvaluator::clockSkew_data()
{
    QTest::addColumn<qint64>("skewMs");
    QTest::addColumn<int>("resolutionMs");
    QTest::addColumn<int>("status");
    QTest::newRow("in step") << qint64(300) << 1 << int(Level::Ok);
    QTest::newRow("whole seconds") << qint64(-900) << 1000 << int(Level::Ok);
    QTest::newRow("a minute ahead") << qint64(60000) << 1 << int(Level::Warning);
    QTest::newRow("a day behind") << qint64(-86400000) << 1 << int(Level::Error);
}

void tst_PreflightEvaluator::clockSkew()
{
    QFETCH(qint64, skewMs);
    QFETCH(int, resolutionMs);
    QFETCH(int, status);
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.epochMs = kNow + skewMs;
    report.facts.clockResolutionMs = resolutionMs;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("clock"));
    QCOMPARE(int(finding.status), status);
    if (status != int(Level::Ok)) {
        QVERIFY(finding.detail.contains(skewMs > 0 ? QLatin1String("ahead of") : QLatin1String("behind")));
        QVERIFY(finding.fix.contains(QLatin1String("chrony")));
    }
    PreflightHostReport local = report;
    local.host.local = true; // this computer: nothing to compare
    QVERIFY(only(PreflightEvaluator::evaluate(spec(), {local}), kWorker, QStringLiteral("clock")).isEmpty());
}

void tst_PreflightEvaluator::nfsServerKernelOrGanesha_data()
{
    QTest::addColumn<QString>("nfsd");
    QTest::addColumn<bool>("ganeshaInstalled");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detailContains");
    QTest::newRow("kernel nfsd") << "yes" << false << "4.3" << int(Level::Ok) << "nfs-kernel-server";
    QTest::newRow("nfsd module") << "module" << false << "4.3" << int(Level::Ok) << "nfs-kernel-server";
    QTest::newRow("ganesha installed") << "no" << true << "4.3" << int(Level::Ok) << "nfs-ganesha (userspace, NFSv4) is installed";
    QTest::newRow("ganesha installable") << "no" << false << "4.3" << int(Level::Ok) << "installs nfs-ganesha";
    QTest::newRow("nothing") << "no" << false << "(none)" << int(Level::Error) << "offers no nfs-ganesha";
}

void tst_PreflightEvaluator::nfsServerKernelOrGanesha()
{
    QFETCH(QString, nfsd);
    QFETCH(bool, ganeshaInstalled);
    QFETCH(QString, candidate);
    QFETCH(int, status);
    QFETCH(QString, detailContains);
    ClusterSpec cluster = spec();
    cluster.sharedFolder.enabled = true;
    PreflightHostReport master = host(kMaster, true, {}, true);
    master.facts.kernelNfsd = nfsd;
    if (ganeshaInstalled) {
        master.facts.tools.insert(QStringLiteral("ganesha.nfsd"));
        master.facts.ganeshaVfs = QStringLiteral("/usr/lib/x86_64-linux-gnu/ganesha/libfsalvfs.so");
    }
    master.facts.candidates.insert(QStringLiteral("nfs-ganesha"), candidate);
    master.facts.candidates.insert(QStringLiteral("nfs-ganesha-vfs"), candidate);
    const auto findings = PreflightEvaluator::evaluate(cluster, {master});
    const auto finding = one(findings, kMaster, QStringLiteral("nfs server"));
    QCOMPARE(int(finding.status), status);
    QVERIFY2(finding.detail.contains(detailContains), qPrintable(finding.detail));
    // ganesha needs port 2049; the kernel's server brings its own
    QCOMPARE(only(findings, kMaster, QStringLiteral("port 2049")).size(), nfsd == QLatin1String("no") ? 1 : 0);
}

void tst_PreflightEvaluator::workerWithoutKernelNfsClientIsAPlainWarning()
{
    ClusterSpec cluster = spec();
    cluster.sharedFolder.enabled = true;
    cluster.sharedFolder.exportPath = QStringLiteral("/srv/share");
    cluster.sharedFolder.mountPath = QStringLiteral("/mnt/share");
    PreflightHostReport master = host(kMaster, true, {}, true);
    master.facts.kernelNfsd = QStringLiteral("no");
    PreflightHostReport worker = host(kWorker, false, {8081});
    worker.facts.kernelNfsClient = QStringLiteral("no");
    PreflightHostReport withClient = host(QStringLiteral("10.0.0.3"), false, {8081});
    withClient.facts.kernelNfsClient = QStringLiteral("yes");
    withClient.facts.tools.insert(QStringLiteral("mount.nfs4"));
    const auto findings = PreflightEvaluator::evaluate(cluster, {master, worker, withClient});
    const auto finding = one(findings, kWorker, QStringLiteral("nfs client"));
    QCOMPARE(int(finding.status), int(Level::Warning));
    QVERIFY2(finding.detail.startsWith(QLatin1String("10.0.0.2 cannot mount NFS: the kernel has no NFS client")),
             qPrintable(finding.detail));
    QVERIFY(finding.detail.contains(QLatin1String("nfs://10.0.0.1/srv/share/?version=4")));
    QVERIFY(finding.detail.contains(QLatin1String("/mnt/share")));
    QVERIFY(finding.fix.contains(QLatin1String("install libnfs-utils")));
    const auto fine = one(findings, QStringLiteral("10.0.0.3"), QStringLiteral("nfs client"));
    QCOMPARE(int(fine.status), int(Level::Ok));
    QVERIFY(only(findings, kMaster, QStringLiteral("nfs client")).isEmpty()); // the server has the folder itself
}

void tst_PreflightEvaluator::incompleteFactsAreAWarning()
{
    PreflightHostReport report = host(kWorker, false, {8081});
    report.facts.complete = false;
    const auto finding = one(PreflightEvaluator::evaluate(spec(), {report}), kWorker, QStringLiteral("connection"));
    QCOMPARE(int(finding.status), int(Level::Warning));
}

QTEST_GUILESS_MAIN(tst_PreflightEvaluator)
#include "tst_preflightevaluator.moc"
