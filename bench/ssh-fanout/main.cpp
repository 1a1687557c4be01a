// bench/ssh-fanout: SparkDeck's SSH engine against the usual tools, same lab hosts, same run
// (issue 3, item 10).
//
//  (a) one command (`hostname`) on 1, 4, 16 and 32 hosts, connections included;
//  (b) a sequence of 10 commands on every host (10 rounds, each on all hosts at once);
//      for SparkDeck (SshFanOut over one SshSessionPool: one connection per host, reused),
//      parallel-ssh (pssh), `ansible -m shell` with forks = hosts (ControlPersist, as ansible
//      ships it, with ControlPath=...%C) and a sequential OpenSSH loop;
//  (c) SFTP of 200 MB to one host: SparkDeck's SftpTransfer (atomic placement and a checksum on
//      both ends included; the data phase alone too) against `scp`;
//  (d) resident memory (VmRSS) of a process holding 64 open sessions.
//
// Targets: at 32 hosts SparkDeck <= 0.5x pssh's wall time and <= 2x its own 1-host time; SFTP
// >= 80% of scp's throughput; <= 100 MB resident with 64 sessions. Prints a table and the
// ratios; never asserts (ARCHITECTURE.md, rule 13). Every file a tool writes on a host is in a
// directory private to that host (PRIVATE_DIRS: /opt /srv /root/.ansible, and the bench user's
// home, which is per host).
//
// Every tool logs in as the same user: by default `sdbench`, made on each host by the lab
// (`lab-hosts.sh add-user`, shell /bin/sh, the lab's keys authorized), because root's login shell
// on these machines sources a ~/.bashrc that runs `pyenv init` for every command, which would
// measure pyenv instead of the tools (`--user root` measures that too).
//
//   bench-ssh-fanout [--sizes 1,4,16,32] [--repeat 3] [--sftp-mb 200] [--sessions 64]
//                    [--user sdbench] [--lab-dir DIR] [--keep-lab] [--skip-peers]
// Needs root for the lab (tests/lab/lab-hosts.sh). Peers: bench/install-peers.sh.
#include "ssh/remoteprocess.h"
#include "ssh/sftptransfer.h"
#include "ssh/shellcommand.h"
#include "ssh/sshfanout.h"
#include "ssh/sshsession.h"
#include "ssh/sshsessionpool.h"

#include <QCommandLineParser>
#include <QScopeGuard>
#include <QThread>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <unistd.h>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

using namespace SparkDeck;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

constexpr int kPeerTimeoutMs = 600000;
const QString kNotRun = QStringLiteral("n/a");

struct LabHost
{
    QString name;
    QString address;
};

struct Lab
{
    QString dir;
    QList<LabHost> hosts;
    QString user = QStringLiteral("root");

    QString key() const { return dir + QStringLiteral("/keys/id_ed25519"); }
    QString ecdsaKey() const { return dir + QStringLiteral("/keys/id_ecdsa"); }
    QString knownHosts() const { return dir + QStringLiteral("/known_hosts"); }
    QString sshConfig() const { return dir + QStringLiteral("/ssh_config"); }
    /// Where the SFTP figure writes on a host: in the user's home (per host), or in /srv for
    /// root (whose home all hosts share).
    QString remoteDir() const
    {
        return user == QLatin1String("root") ? QStringLiteral("/srv/sd-bench") : QStringLiteral("sd-bench");
    }
    /// `remote` (from remoteDir()) on host `name`, as seen on this machine.
    QString hostPath(const QString &name, const QString &remote) const
    {
        if (remote.startsWith(QLatin1Char('/')))
            return dir + QStringLiteral("/hosts/") + name + QStringLiteral("/root") + remote;
        return dir + QStringLiteral("/hosts/") + name + QStringLiteral("/home/") + user + QLatin1Char('/') + remote;
    }
};

QString labScript()
{
    return QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/lab/lab-hosts.sh");
}

bool runLabScript(const QString &dir, const QStringList &arguments, QString *output = nullptr,
                  const QByteArray &input = QByteArray())
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPARKDECK_LAB_DIR"), dir);
    env.insert(QStringLiteral("PRIVATE_DIRS"), QStringLiteral("/opt /srv /root/.ansible"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(labScript(), arguments);
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(300000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

std::optional<Lab> readLab(const QString &dir)
{
    QFile file(dir + QStringLiteral("/hosts.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    Lab lab;
    lab.dir = dir;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2)
            lab.hosts << LabHost{QString::fromLatin1(fields.at(0)), QString::fromLatin1(fields.at(1))};
    }
    return lab.hosts.isEmpty() ? std::nullopt : std::optional<Lab>(lab);
}

double median(QList<double> values)
{
    values.removeIf([](double v) { return v < 0; });
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString seconds(double value)
{
    return value < 0 ? kNotRun : QString::number(value, 'f', 2);
}

QString ratio(double a, double b)
{
    return a < 0 || b <= 0 ? kNotRun : QString::number(a / b, 'f', 2) + QLatin1Char('x');
}

// The bench user on every host: made by the lab, the lab's keys in its authorized_keys.
bool addBenchUser(const Lab &lab)
{
    QByteArray keys;
    for (const QString &key : {lab.key(), lab.ecdsaKey()}) {
        QFile file(key + QStringLiteral(".pub"));
        if (file.open(QIODevice::ReadOnly))
            keys += file.readAll();
    }
    for (const LabHost &host : lab.hosts) {
        QString output;
        const QByteArray password = QByteArray::number(QRandomGenerator::global()->generate64(), 36) + '\n';
        if (!runLabScript(lab.dir, {QStringLiteral("add-user"), host.name, lab.user}, &output, password)) {
            err << output << '\n';
            return false;
        }
        const QString home = lab.dir + QStringLiteral("/hosts/") + host.name + QStringLiteral("/home/") + lab.user;
        QDir().mkpath(home + QStringLiteral("/.ssh"));
        QDir().mkpath(home + QStringLiteral("/sd-bench"));
        QFile authorized(home + QStringLiteral("/.ssh/authorized_keys"));
        if (!authorized.open(QIODevice::WriteOnly) || authorized.write(keys) != keys.size())
            return false;
        authorized.close();
        const QFileInfo owner(home);
        for (const QString &path : {home + QStringLiteral("/.ssh"), authorized.fileName(), home + QStringLiteral("/sd-bench")}) {
            if (::chown(QFile::encodeName(path).constData(), owner.ownerId(), owner.groupId()) != 0)
                return false;
        }
        QFile::setPermissions(home + QStringLiteral("/.ssh"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QFile::setPermissions(authorized.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

bool hasProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

struct ProcessRun
{
    double seconds = -1;
    int exitCode = -1;
    QString output;
};

ProcessRun runProcess(const QString &program, const QStringList &arguments,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(kPeerTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    ProcessRun run;
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.output = QString::fromUtf8(process.readAll());
    return run;
}

// --------------------------------------------------------------------------------- SparkDeck

SshTarget targetFor(const Lab &lab, const LabHost &host, bool ecdsa = false)
{
    SshTarget target;
    target.host = host.address;
    target.user = lab.user;
    target.identityFile = ecdsa ? lab.ecdsaKey() : lab.key();
    target.useAgent = false;
    target.knownHostsFile = lab.knownHosts();
    target.hostKeyPolicy = HostKeyPolicy::Strict;
    return target;
}

// `rounds` rounds of `hostname` on every host, over one fresh pool (connections included).
// Returns the wall time, or -1 when a host did not answer with its own name.
double sparkDeckRounds(const Lab &lab, const QList<LabHost> &hosts, int rounds)
{
    QList<SshTarget> targets;
    for (const LabHost &host : hosts)
        targets << targetFor(lab, host);
    SshSessionPool pool;
    QElapsedTimer clock;
    clock.start();
    for (int round = 0; round < rounds; ++round) {
        SshFanOut fanOut(&pool);
        fanOut.setTargets(targets);
        fanOut.setParallelism(int(targets.size()));
        fanOut.setCommand(ShellCommand(QStringLiteral("hostname")));
        QEventLoop loop;
        QObject::connect(&fanOut, &SshFanOut::finished, &loop, &QEventLoop::quit);
        fanOut.start();
        if (fanOut.isRunning())
            loop.exec();
        for (int i = 0; i < hosts.size(); ++i) {
            const ExecResult &result = fanOut.results().at(i);
            if (!result.succeeded() || result.standardOutput.trimmed() != hosts.at(i).name.toUtf8()) {
                err << "SparkDeck: " << hosts.at(i).name << ": " << result.summary() << '\n';
                return -1;
            }
        }
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

// ------------------------------------------------------------------------------------- peers

struct PeerFiles
{
    QTemporaryDir dir;
    QString hostsFile;     // pssh: one name per line
    QString inventory;     // ansible
    QString ansibleConfig; // ansible.cfg
};

std::unique_ptr<PeerFiles> writePeerFiles(const Lab &lab, const QList<LabHost> &hosts)
{
    auto files = std::make_unique<PeerFiles>();
    files->hostsFile = files->dir.filePath(QStringLiteral("hosts"));
    files->inventory = files->dir.filePath(QStringLiteral("inventory"));
    files->ansibleConfig = files->dir.filePath(QStringLiteral("ansible.cfg"));
    QFile hostsFile(files->hostsFile);
    QFile inventory(files->inventory);
    QFile config(files->ansibleConfig);
    if (!hostsFile.open(QIODevice::WriteOnly) || !inventory.open(QIODevice::WriteOnly)
        || !config.open(QIODevice::WriteOnly))
        return nullptr;
    inventory.write("[lab]\n");
    for (const LabHost &host : hosts) {
        hostsFile.write(host.name.toUtf8() + '\n');
        inventory.write(host.name.toUtf8() + '\n'); // ssh_config maps the name to the address
    }
    // ControlPath with %C inside ssh_args (not %%C), or every host answers as the same host.
    const QString controlDir = files->dir.filePath(QStringLiteral("cp"));
    QDir().mkpath(controlDir);
    config.write(QStringLiteral("[defaults]\ninventory = %1\nforks = %2\ngathering = explicit\nremote_user = %5\n"
                                "interpreter_python = /usr/bin/python3\nhost_key_checking = True\n"
                                "deprecation_warnings = False\nlocalhost_warning = False\n"
                                "[ssh_connection]\npipelining = True\n"
                                "ssh_args = -F %3 -o ControlMaster=auto -o ControlPersist=60s "
                                "-o ControlPath=%4/%C\n")
                     .arg(files->inventory)
                     .arg(hosts.size())
                     .arg(lab.sshConfig(), controlDir, lab.user)
                     .toUtf8());
    return files;
}

double psshRounds(const Lab &lab, const PeerFiles &files, int hosts, int rounds)
{
    double total = 0;
    for (int round = 0; round < rounds; ++round) {
        const ProcessRun run = runProcess(
            QStringLiteral("parallel-ssh"),
            {QStringLiteral("-h"), files.hostsFile, QStringLiteral("-l"), lab.user, QStringLiteral("-p"), QString::number(hosts),
             QStringLiteral("-t"), QStringLiteral("300"), QStringLiteral("-x"),
             QStringLiteral("-F %1").arg(lab.sshConfig()), QStringLiteral("-i"), QStringLiteral("hostname")});
        if (run.exitCode != 0 || run.output.count(QStringLiteral("[SUCCESS]")) != hosts) {
            err << "pssh: exit " << run.exitCode << '\n' << run.output.right(800) << '\n';
            return -1;
        }
        total += run.seconds;
    }
    return total;
}

double ansibleRounds(const PeerFiles &files, int hosts, int rounds)
{
    // Cold start: no master connections from an earlier measurement.
    QDir(files.dir.filePath(QStringLiteral("cp"))).removeRecursively();
    QDir().mkpath(files.dir.filePath(QStringLiteral("cp")));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ANSIBLE_CONFIG"), files.ansibleConfig);
    env.insert(QStringLiteral("ANSIBLE_NOCOLOR"), QStringLiteral("1"));
    double total = 0;
    for (int round = 0; round < rounds; ++round) {
        const ProcessRun run = runProcess(
            QStringLiteral("ansible"),
            {QStringLiteral("all"), QStringLiteral("-m"), QStringLiteral("shell"), QStringLiteral("-a"),
             QStringLiteral("hostname"), QStringLiteral("-f"), QString::number(hosts)},
            env);
        if (run.exitCode != 0 || run.output.count(QStringLiteral("| CHANGED | rc=0")) != hosts) {
            err << "ansible: exit " << run.exitCode << '\n' << run.output.right(800) << '\n';
            return -1;
        }
        total += run.seconds;
    }
    // Stop the master connections it left (by their control sockets), so no ssh lingers.
    const QStringList sockets = QDir(files.dir.filePath(QStringLiteral("cp"))).entryList(QDir::System | QDir::Files);
    for (const QString &socket : sockets)
        runProcess(QStringLiteral("ssh"), {QStringLiteral("-o"),
                                           QStringLiteral("ControlPath=%1/%2").arg(files.dir.filePath(QStringLiteral("cp")), socket),
                                           QStringLiteral("-O"), QStringLiteral("exit"), QStringLiteral("x")});
    return total;
}

double sshLoop(const Lab &lab, const QList<LabHost> &hosts, int rounds)
{
    QElapsedTimer clock;
    clock.start();
    for (const LabHost &host : hosts) {
        for (int round = 0; round < rounds; ++round) {
            const ProcessRun run = runProcess(QStringLiteral("ssh"),
                                              {QStringLiteral("-F"), lab.sshConfig(), QStringLiteral("-l"), lab.user,
                                               host.name, QStringLiteral("hostname")});
            if (run.exitCode != 0 || run.output.trimmed() != host.name) {
                err << "ssh: " << host.name << ": " << run.output.right(400) << '\n';
                return -1;
            }
        }
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

// -------------------------------------------------------------------------------------- SFTP

struct SftpRun
{
    double total = -1; ///< until placed and verified
    double data = -1;  ///< until the last byte was written
};

SftpRun sparkDeckUpload(const Lab &lab, const LabHost &host, const QString &local, const QString &remote)
{
    QFile::remove(lab.hostPath(host.name, remote));
    QFile::remove(lab.hostPath(host.name, SftpTransfer::partPath(remote)));
    SshSession session(targetFor(lab, host));
    SftpTransfer transfer(&session);
    transfer.setUpload(local, remote);
    SftpRun run;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&transfer, &SftpTransfer::progress, &transfer, [&](qint64 done, qint64 total) {
        if (done == total && run.data < 0)
            run.data = double(clock.nsecsElapsed()) / 1e9;
    });
    QEventLoop loop;
    QString error;
    QObject::connect(&transfer, &SftpTransfer::finished, &loop, [&](const QString &e) {
        error = e;
        loop.quit();
    });
    transfer.start();
    loop.exec();
    if (!error.isEmpty()) {
        err << "SparkDeck SFTP: " << error << '\n';
        return {};
    }
    run.total = double(clock.nsecsElapsed()) / 1e9;
    return run;
}

double scpUpload(const Lab &lab, const LabHost &host, const QString &local, const QString &remote)
{
    QFile::remove(lab.hostPath(host.name, remote));
    const ProcessRun run = runProcess(QStringLiteral("scp"), {QStringLiteral("-F"), lab.sshConfig(), QStringLiteral("-q"),
                                                              QStringLiteral("-o"), QStringLiteral("User=") + lab.user,
                                                              local, host.name + QLatin1Char(':') + remote});
    if (run.exitCode != 0) {
        err << "scp: " << run.output.right(400) << '\n';
        return -1;
    }
    return run.seconds;
}

// ------------------------------------------------------------------------------------ memory

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2)
                                          : kNotRun;
}

qint64 statusField(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Child mode: opens `count` sessions (two per host, ed25519 and ECDSA keys, when hosts are
// fewer), runs `true` on each, and prints "baseline_kb rss_kb hwm_kb connected".
int memoryProbe(const Lab &lab, int count)
{
    const qint64 baseline = statusField("VmRSS:");
    SshSessionPool pool;
    QList<SshTarget> targets;
    for (int i = 0; i < count; ++i) {
        const LabHost &host = lab.hosts.at(i % lab.hosts.size());
        targets << targetFor(lab, host, (i / lab.hosts.size()) % 2 == 1);
    }
    SshFanOut fanOut(&pool);
    fanOut.setTargets(targets);
    fanOut.setParallelism(count);
    fanOut.setCommand(ShellCommand(QStringLiteral("true")));
    QEventLoop loop;
    QObject::connect(&fanOut, &SshFanOut::finished, &loop, &QEventLoop::quit);
    fanOut.start();
    if (fanOut.isRunning())
        loop.exec();
    int connected = 0;
    for (SshSession *session : pool.sessions())
        connected += session->isConnected() ? 1 : 0;
    out << baseline << ' ' << statusField("VmRSS:") << ' ' << statusField("VmHWM:") << ' ' << connected
        << '\n';
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("sparkdeck.*.warning=false\nsparkdeck.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SparkDeck's SSH engine against pssh, ansible, "
                                                    "an OpenSSH loop and scp, on lab hosts."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sizes"), QStringLiteral("Host counts (default 1,4,16,32)."), QStringLiteral("N,N"), QStringLiteral("1,4,16,32")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Runs per figure; the median is shown (default 3)."), QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("sftp-mb"), QStringLiteral("Size of the SFTP file in MB (default 200)."), QStringLiteral("MB"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Sessions open for the memory figure (default 64)."), QStringLiteral("N"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("user"), QStringLiteral("The user every tool logs in as (default sdbench, made on each host; or root)."), QStringLiteral("NAME"), QStringLiteral("sdbench")});
    parser.addOption({QStringLiteral("lab-dir"), QStringLiteral("Lab directory (default: a private one, started and stopped here)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("keep-lab"), QStringLiteral("Leave the lab up at the end.")});
    parser.addOption({QStringLiteral("skip-peers"), QStringLiteral("SparkDeck only.")});
    parser.addOption({QStringLiteral("memory-probe"), QStringLiteral("(internal) child mode."), QStringLiteral("N")});
    parser.process(app);

    QList<int> sizes;
    for (const QString &size : parser.value(QStringLiteral("sizes")).split(QLatin1Char(',')))
        sizes << size.toInt();
    std::sort(sizes.begin(), sizes.end());
    const int largest = sizes.last();
    const int repeat = qMax(1, parser.value(QStringLiteral("repeat")).toInt());
    const int sftpMb = parser.value(QStringLiteral("sftp-mb")).toInt();
    const int sessions = parser.value(QStringLiteral("sessions")).toInt();

    QString labDir = parser.value(QStringLiteral("lab-dir"));
    if (parser.isSet(QStringLiteral("memory-probe"))) {
        auto lab = readLab(labDir);
        if (!lab)
            return 1;
        lab->user = parser.value(QStringLiteral("user"));
        return memoryProbe(*lab, parser.value(QStringLiteral("memory-probe")).toInt());
    }
    bool startedHere = false;
    if (labDir.isEmpty()) {
        labDir = QDir::current().absoluteFilePath(QStringLiteral("bench-ssh-fanout-lab"));
        err << "Starting " << largest << " lab hosts in " << labDir << " ...\n";
        err.flush();
        QString output;
        if (!runLabScript(labDir, {QStringLiteral("up"), QString::number(largest)}, &output)) {
            err << output << "\nCannot start the lab.\n";
            return 1;
        }
        startedHere = true;
    }
    auto stopLab = qScopeGuard([&] {
        if (startedHere && !parser.isSet(QStringLiteral("keep-lab")))
            runLabScript(labDir, {QStringLiteral("down")});
    });
    auto lab = readLab(labDir);
    if (!lab) {
        err << "No lab in " << labDir << " (unavailable: "
            << QFile(labDir + QStringLiteral("/unavailable")).fileName() << ").\n";
        return 1;
    }
    if (lab->hosts.size() < largest) {
        err << "The lab has " << lab->hosts.size() << " hosts; " << largest << " are needed.\n";
        return 1;
    }
    lab->user = parser.value(QStringLiteral("user"));
    if (lab->user != QLatin1String("root")) {
        err << "Making user " << lab->user << " on every host ...\n";
        err.flush();
        if (!addBenchUser(*lab)) {
            err << "Cannot make the bench user.\n";
            return 1;
        }
    }
    auto removeUser = qScopeGuard([&] {
        if (!startedHere && lab->user != QLatin1String("root")) {
            for (const LabHost &host : lab->hosts)
                runLabScript(labDir, {QStringLiteral("del-user"), host.name, lab->user});
        }
    });
    const QString loadBefore = loadAverage();
    const bool peers = !parser.isSet(QStringLiteral("skip-peers"));
    const bool havePssh = peers && hasProgram(QStringLiteral("parallel-ssh"));
    const bool haveAnsible = peers && hasProgram(QStringLiteral("ansible"));
    if (peers && (!havePssh || !haveAnsible))
        err << "Missing peers (" << (havePssh ? "" : "parallel-ssh ") << (haveAnsible ? "" : "ansible")
            << "): run bench/install-peers.sh. Their columns say n/a.\n";

    // ---- (a) and (b)
    struct Row { double sd[2], pssh[2], ansible[2], loop[2]; };
    std::map<int, Row> rows;
    for (int n : sizes) {
        const QList<LabHost> hosts = lab->hosts.mid(0, n);
        const auto files = writePeerFiles(*lab, hosts);
        Row row{};
        for (int kind = 0; kind < 2; ++kind) {
            const int rounds = kind == 0 ? 1 : 10;
            QList<double> sd, pssh, ansible, loop;
            for (int r = 0; r < repeat; ++r) { // interleaved: background noise hits every tool
                sd << sparkDeckRounds(*lab, hosts, rounds);
                if (havePssh)
                    pssh << psshRounds(*lab, *files, n, rounds);
                if (haveAnsible)
                    ansible << ansibleRounds(*files, n, rounds);
                if (peers && (r == 0 || kind == 0))
                    loop << sshLoop(*lab, hosts, rounds);
            }
            row.sd[kind] = median(sd);
            row.pssh[kind] = median(pssh);
            row.ansible[kind] = median(ansible);
            row.loop[kind] = median(loop);
            err << "  " << n << " host(s), " << rounds << " command(s): SparkDeck " << seconds(row.sd[kind])
                << " s, pssh " << seconds(row.pssh[kind]) << " s, ansible " << seconds(row.ansible[kind])
                << " s, ssh loop " << seconds(row.loop[kind]) << " s\n";
            err.flush();
        }
        rows[n] = row;
    }

    // ---- (c)
    QTemporaryDir scratch(QDir::current().absoluteFilePath(QStringLiteral("bench-ssh-fanout-XXXXXX")));
    const QString big = scratch.filePath(QStringLiteral("payload.bin"));
    {
        QFile file(big);
        file.open(QIODevice::WriteOnly);
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (int i = 0; i < sftpMb; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
            file.write(block);
        }
    }
    const LabHost &sftpHost = lab->hosts.first();
    const QString remoteDir = lab->remoteDir();
    QDir().mkpath(lab->hostPath(sftpHost.name, remoteDir));
    QList<double> sdTotal, sdData, scp;
    for (int r = 0; r < repeat; ++r) {
        scp << scpUpload(*lab, sftpHost, big, remoteDir + QStringLiteral("/scp.bin"));
        const SftpRun run = sparkDeckUpload(*lab, sftpHost, big, remoteDir + QStringLiteral("/sparkdeck.bin"));
        sdTotal << run.total;
        sdData << run.data;
    }
    QFile::remove(lab->hostPath(sftpHost.name, remoteDir + QStringLiteral("/scp.bin")));
    QFile::remove(lab->hostPath(sftpHost.name, remoteDir + QStringLiteral("/sparkdeck.bin")));
    const double mb = double(sftpMb) * 1024 * 1024 / 1e6;
    auto rate = [mb](double s) { return s > 0 ? mb / s : -1; };
    const double scpRate = rate(median(scp)), sdRate = rate(median(sdTotal)), sdDataRate = rate(median(sdData));

    // ---- (d)
    QProcess probe;
    probe.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--memory-probe"), QString::number(sessions), QStringLiteral("--lab-dir"), labDir,
                 QStringLiteral("--user"), lab->user});
    probe.waitForFinished(300000);
    const QList<QByteArray> memory = probe.readAllStandardOutput().simplified().split(' ');

    // ---- the table
    out << "\nbench-ssh-fanout: " << lab->hosts.size() << " lab hosts as " << lab->user << " (sshd in network namespaces, "
        << "one machine, " << QThread::idealThreadCount() << " cores shared); median of " << repeat << " run(s);\n"
        << "load average " << loadBefore << " at the start, " << loadAverage() << " at the end "
        << "(other work on the machine slows every tool alike: compare within a row)\n\n";
    out << "wall time, seconds     |  one command (hostname)               |  10 commands per host\n";
    out << "hosts                  |  SparkDeck   pssh  ansible  ssh-loop  |  SparkDeck   pssh  ansible  ssh-loop\n";
    for (const auto &[n, row] : rows) {
        out << QStringLiteral("%1                  |  %2 %3 %4 %5  |  %6 %7 %8 %9\n")
                   .arg(n, 5)
                   .arg(seconds(row.sd[0]), 9).arg(seconds(row.pssh[0]), 6).arg(seconds(row.ansible[0]), 8)
                   .arg(seconds(row.loop[0]), 9)
                   .arg(seconds(row.sd[1]), 9).arg(seconds(row.pssh[1]), 6).arg(seconds(row.ansible[1]), 8)
                   .arg(seconds(row.loop[1]), 9);
    }
    out << "\nratios                 |  SD/pssh  SD/ansible  SD/ssh-loop     |  SD/pssh  SD/ansible  SD/ssh-loop\n";
    for (const auto &[n, row] : rows) {
        out << QStringLiteral("%1                  |  %2 %3 %4      |  %5 %6 %7\n")
                   .arg(n, 5)
                   .arg(ratio(row.sd[0], row.pssh[0]), 7).arg(ratio(row.sd[0], row.ansible[0]), 11)
                   .arg(ratio(row.sd[0], row.loop[0]), 12)
                   .arg(ratio(row.sd[1], row.pssh[1]), 7).arg(ratio(row.sd[1], row.ansible[1]), 11)
                   .arg(ratio(row.sd[1], row.loop[1]), 12);
    }
    const Row &first = rows.begin()->second;
    const Row &last = rows.rbegin()->second;
    out << "\nSFTP, " << sftpMb << " MiB to one host: scp " << QString::number(scpRate, 'f', 0) << " MB/s; "
        << "SparkDeck " << QString::number(sdRate, 'f', 0) << " MB/s placed and verified (sha256 both ends, "
        << "rename), " << QString::number(sdDataRate, 'f', 0) << " MB/s data phase\n";
    if (memory.size() == 4) {
        out << "memory: " << memory.at(3) << " of " << sessions << " sessions open: VmRSS "
            << QString::number(memory.at(1).toDouble() / 1024, 'f', 1) << " MB (peak "
            << QString::number(memory.at(2).toDouble() / 1024, 'f', 1) << " MB; "
            << QString::number(memory.at(0).toDouble() / 1024, 'f', 1) << " MB before the first session)\n";
    }
    out << "\ntargets (" << rows.rbegin()->first << " hosts):\n";
    out << "  one command:  SparkDeck/pssh " << ratio(last.sd[0], last.pssh[0]) << " (target <= 0.5x); "
        << rows.rbegin()->first << " hosts/1 host " << ratio(last.sd[0], first.sd[0]) << " (target <= 2x)\n";
    out << "  10 commands:  SparkDeck/pssh " << ratio(last.sd[1], last.pssh[1]) << " (target <= 0.5x); "
        << rows.rbegin()->first << " hosts/1 host " << ratio(last.sd[1], first.sd[1]) << " (target <= 2x)\n";
    out << "  SFTP:         SparkDeck/scp " << (scpRate > 0 ? QString::number(100 * sdRate / scpRate, 'f', 0) : kNotRun)
        << "% placed and verified, " << (scpRate > 0 ? QString::number(100 * sdDataRate / scpRate, 'f', 0) : kNotRun)
        << "% data phase (target >= 80%)\n";
    if (memory.size() == 4)
        out << "  memory:       " << QString::number(memory.at(1).toDouble() / 1024, 'f', 1) << " MB with "
            << memory.at(3) << " sessions (target <= 100 MB)\n";
    out.flush();
    return 0;
}
