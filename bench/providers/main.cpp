// bench/providers: time from `up` to every machine SSH-ready on a DigitalOcean-compatible API
// and on an EC2-compatible one, for N = 1, 5, 20 machines, two ways (issue 7, item 9):
//   batched:        one create call per batch (DigitalOcean `names[]` of 10, EC2 RunInstances
//                   MinCount/MaxCount of 20), then every machine polled with one list/describe
//                   call per round and reached over SSH side by side (what `up` does);
//   one at a time:  create one machine, wait until active/running, wait for SSH, then the next.
// The APIs are tests/support's FakeDigitalOcean and FakeEc2 (SigV4 checked) in this process;
// each machine's address is a lab host's (real sshd), so "SSH-ready" is a real login and
// cloud-init check. A droplet is listed one list call after its creation and `active` two calls
// later; an instance is `pending` for one describe. Real machines take 30-60 s to boot: every
// figure below scales with it.
//
//   bench-providers [--providers digitalocean,ec2] [--sizes 1,5,20] [--poll-ms 500] [--lab-dir DIR]
//   [--keep-lab]
//
// Needs root for the lab hosts (tests/lab/lab-hosts.sh, own directory BUILD/bench-providers-lab).
#include "fakedigitalocean.h"
#include "fakeec2.h"

#include "providers/aws/ec2launch.h"
#include "providers/aws/ec2provider.h"
#include "providers/digitalocean/digitaloceanprovider.h"
#include "providers/machinegraphs.h"
#include "providers/resourcejournal.h"
#include "provisioning/taskgroup.h"
#include "ssh/sshsessionpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {

struct Lab
{
    QString dir;
    QStringList addresses;
    QString identity;
};

bool runLab(const QString &dir, const QStringList &arguments)
{
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPARKDECK_LAB_DIR"), dir);
    script.setProcessEnvironment(env);
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    script.start(QStringLiteral("bash"),
                 QStringList{QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/lab/lab-hosts.sh")}
                     + arguments);
    return script.waitForFinished(600000) && script.exitCode() == 0;
}

std::optional<Lab> readLab(const QString &dir)
{
    QFile hosts(dir + QStringLiteral("/hosts.txt"));
    if (!hosts.open(QIODevice::ReadOnly))
        return std::nullopt;
    Lab lab{dir, {}, dir + QStringLiteral("/keys/id_ed25519")};
    for (const QByteArray &line : hosts.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 2)
            lab.addresses << QString::fromLatin1(fields.at(1));
    }
    return lab;
}

struct Run
{
    double seconds = -1;
    int createCalls = 0;
    int requests = 0;
    QString failure;
};

TaskOutcome runToEnd(Task *task)
{
    QEventLoop loop;
    QObject::connect(task, &Task::finished, &loop, &QEventLoop::quit);
    task->start();
    if (task->isRunning())
        loop.exec();
    return task->outcome();
}

/// A cloud API stand-in with lab hosts as its machines, and the provider that talks to it.
class BenchCloud
{
public:
    virtual ~BenchCloud() = default;
    virtual MachineProvider *provider() = 0;
    virtual int createCalls() const = 0;
    virtual int requests() const = 0;
    /// Nothing left that costs money (after `down`).
    virtual bool isEmpty() const = 0;
};

class DigitalOceanCloud : public BenchCloud
{
public:
    DigitalOceanCloud(const Lab &lab, const ClusterSpec &spec)
        : m_cloud(&m_server)
    {
        m_server.listen();
        m_cloud.listDelay = 1;
        m_cloud.activeDelay = 2;
        m_cloud.perPage = 200; // as the real API, when asked for 200
        m_cloud.addressesFor = [&lab](const QString &name) {
            const QString address
                = lab.addresses.value(name.section(QLatin1Char('-'), -1).toInt() - 1);
            return qMakePair(address, address);
        };
        ProviderSettings settings{spec, {}, m_cloud.apiUrl()};
        settings.credentials.values.insert(QStringLiteral("token"),
                                           Secret(QString::fromLatin1(FakeDigitalOcean::kToken)));
        m_provider = std::make_unique<DigitalOceanProvider>(settings);
    }
    MachineProvider *provider() override { return m_provider.get(); }
    int createCalls() const override { return m_cloud.createCalls; }
    int requests() const override { return int(m_server.requests().size()); }
    bool isEmpty() const override { return m_cloud.droplets.isEmpty(); }

private:
    HttpTestServer m_server;
    FakeDigitalOcean m_cloud;
    std::unique_ptr<DigitalOceanProvider> m_provider;
};

class Ec2Cloud : public BenchCloud
{
public:
    Ec2Cloud(const Lab &lab, const ClusterSpec &spec, int pollMs)
        : m_keys{QStringLiteral("AKIDBENCH"), Secret(QStringLiteral("bench/secret")), {}}
        , m_cloud(m_keys, QStringLiteral("eu-west-1"))
    {
        m_cloud.listen();
        m_cloud.addressesFor = [&lab, name = spec.name](const FakeEc2::Instance &instance) {
            const QString machine = Ec2Launch::nameInBatch(
                name, instance.tags.value(Ec2Launch::batchTagKey()), instance.launchIndex);
            const QString address
                = lab.addresses.value(machine.section(QLatin1Char('-'), -1).toInt() - 1);
            return qMakePair(address, address);
        };
        m_provider
            = std::make_unique<Ec2Provider>(m_cloud.url(), m_keys, QStringLiteral("eu-west-1"));
        m_provider->setPollIntervalMs(pollMs);
    }
    MachineProvider *provider() override { return m_provider.get(); }
    int createCalls() const override
    {
        return int(m_cloud.calls(QStringLiteral("RunInstances")).size());
    }
    int requests() const override
    {
        return int(const_cast<FakeEc2 &>(m_cloud).server().requests().size());
    }
    bool isEmpty() const override
    {
        return m_cloud.instances.size() == m_cloud.instancesIn(QStringLiteral("terminated")).size()
               && m_cloud.groups.isEmpty();
    }

private:
    AwsCredentials m_keys;
    FakeEc2 m_cloud;
    std::unique_ptr<Ec2Provider> m_provider;
};

Run measure(const Lab &lab, const QString &providerName, int machines, bool oneAtATime, int pollMs)
{
    QTemporaryDir state;
    ClusterSpec spec;
    spec.name = QStringLiteral("bench");
    spec.machines.provider
        = providerName == QLatin1String("ec2") ? Provider::Ec2 : Provider::DigitalOcean;
    spec.machines.ssh.identity = lab.identity;
    spec.machines.ssh.knownHosts = state.filePath(QStringLiteral("known_hosts"));
    spec.machines.ssh.hostKeyPolicy = HostKeyPolicy::AcceptNew;
    spec.workers.count = machines - 1;

    std::unique_ptr<BenchCloud> cloud;
    if (spec.machines.provider == Provider::Ec2)
        cloud = std::make_unique<Ec2Cloud>(lab, spec, pollMs);
    else
        cloud = std::make_unique<DigitalOceanCloud>(lab, spec);
    ResourceJournal journal(state.path());
    SshSessionPool pool;
    QFile key(lab.identity + QStringLiteral(".pub"));
    key.open(QIODevice::ReadOnly);
    MachineCreationOptions options;
    options.sshPublicKey = QString::fromUtf8(key.readAll()).trimmed();
    options.sshSourceCidr = QStringLiteral("198.51.100.7/32");
    options.oneAtATime = oneAtATime;
    options.poll = {pollMs, 10000};
    options.ssh = {pollMs, 1000};

    Run run;
    const Result<TaskGroup *> graph
        = MachineGraphs::create(spec, cloud->provider(), &journal, &pool, options);
    if (!graph) {
        run.failure = graph.errorMessage();
        return run;
    }
    std::unique_ptr<TaskGroup> up(*graph);
    QElapsedTimer timer;
    timer.start();
    const TaskOutcome outcome = runToEnd(up.get());
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.createCalls = cloud->createCalls();
    run.requests = cloud->requests();
    if (!outcome.succeeded())
        run.failure = outcome.message;
    std::unique_ptr<TaskGroup> down(MachineGraphs::destroy(spec, cloud->provider(), &journal));
    const TaskOutcome deleted = runToEnd(down.get());
    if (!deleted.succeeded() || !cloud->isEmpty())
        run.failure += QStringLiteral(" (teardown: %1)").arg(deleted.message);
    return run;
}

QString cell(const Run &run)
{
    return run.failure.isEmpty() ? QStringLiteral("%1 s").arg(run.seconds, 0, 'f', 2)
                                 : QStringLiteral("FAILED");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("providers"), QStringLiteral("Cloud APIs."),
                      QStringLiteral("LIST"), QStringLiteral("digitalocean,ec2")});
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("Machine counts."),
                      QStringLiteral("LIST"), QStringLiteral("1,5,20")});
    parser.addOption({QStringLiteral("poll-ms"), QStringLiteral("Poll and SSH retry interval."),
                      QStringLiteral("MS"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("lab-dir"), QStringLiteral("Use this lab (already up)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("keep-lab"), QStringLiteral("Leave the lab hosts up.")});
    parser.process(app);

    QList<int> sizes;
    for (const QString &size : parser.value(QStringLiteral("sizes")).split(QLatin1Char(',')))
        sizes << size.toInt();
    const int largest = *std::max_element(sizes.begin(), sizes.end());
    const int pollMs = parser.value(QStringLiteral("poll-ms")).toInt();
    const bool ownLab = !parser.isSet(QStringLiteral("lab-dir"));
    const QString labDir = ownLab ? QDir::current().filePath(QStringLiteral("bench-providers-lab"))
                                  : parser.value(QStringLiteral("lab-dir"));
    if (ownLab && !runLab(labDir, {QStringLiteral("up"), QString::number(largest)})) {
        std::fprintf(stderr, "bench-providers: cannot start %d lab hosts in %s\n", largest,
                     qPrintable(labDir));
        return 1;
    }
    const std::optional<Lab> lab = readLab(labDir);
    if (!lab || lab->addresses.size() < largest) {
        std::fprintf(
            stderr, "bench-providers: the lab in %s has fewer than %d hosts (see %s/unavailable)\n",
            qPrintable(labDir), largest, qPrintable(labDir));
        return 1;
    }

    std::printf(
        "Time from `up` to every machine SSH-ready, cloud APIs in-process, lab sshd hosts\n");
    std::printf("(poll interval %d ms; a droplet is listed 1 list call after creation and active 2 "
                "calls later;\n"
                " an EC2 instance is pending for 1 describe)\n",
                pollMs);
    for (const QString &providerName :
         parser.value(QStringLiteral("providers")).split(QLatin1Char(','))) {
        std::printf("\n%s\n%4s  %-30s  %-30s  %7s\n", qPrintable(providerName), "N",
                    "batched + parallel", "one at a time", "ratio");
        for (const int n : sizes) {
            const Run batched = measure(*lab, providerName, n, false, pollMs);
            const Run single = measure(*lab, providerName, n, true, pollMs);
            const QString batchedText = QStringLiteral("%1 (%2 create, %3 req)")
                                            .arg(cell(batched))
                                            .arg(batched.createCalls)
                                            .arg(batched.requests);
            const QString singleText = QStringLiteral("%1 (%2 create, %3 req)")
                                           .arg(cell(single))
                                           .arg(single.createCalls)
                                           .arg(single.requests);
            std::printf("%4d  %-30s  %-30s  %6.1fx\n", n, qPrintable(batchedText),
                        qPrintable(singleText),
                        batched.seconds > 0 ? single.seconds / batched.seconds : 0.0);
            for (const Run *run : {&batched, &single}) {
                if (!run->failure.isEmpty())
                    std::fprintf(stderr, "  %s N=%d: %s\n", qPrintable(providerName), n,
                                 qPrintable(run->failure));
            }
            std::fflush(stdout);
        }
    }
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3)
        std::printf("\nload average %.2f %.2f %.2f (2 cores, shared with other work)\n", load[0],
                    load[1], load[2]);
    if (ownLab && !parser.isSet(QStringLiteral("keep-lab")))
        runLab(labDir, {QStringLiteral("down")});
    return 0;
}
