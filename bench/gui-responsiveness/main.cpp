// bench/gui-responsiveness: how the desktop app feels, in three numbers (issue 5, item 8).
//
//  (a) the longest stall of the GUI event loop (a 5 ms timer probe records the largest gap
//      between its ticks) while ClusterOperations::up() provisions N lab hosts with the Spark
//      stand-in, in this process's GUI thread, with a window showing the steps and a log pane as
//      the app does; then the same during down();
//  (b) the time from launching the real `sparkdeck` binary to its start page drawn
//      (SPARKDECK_STARTUP_REPORT=1 makes it print that and quit), measured from outside and
//      from inside main();
//  (c) resident memory at the start page (before any web view), and of an embedded browser
//      pane before and after its first web view (a child of this program).
//
// Targets: no stall over 50 ms; start page under 0.5 s; under 150 MB resident before the first
// web view. Prints a table; never asserts (ARCHITECTURE.md, rule 13).
//
//   gui-responsiveness [--hosts 16] [--runs 7] [--app PATH] [--lab-dir DIR] [--keep-lab]
//                      [--skip-provisioning]
// Needs root for the lab (tests/lab/lab-hosts.sh); without it (a) says why and is skipped.
#include "provisioning/clusteroperations.h"
#include "provisioning/operationrunner.h"
#include "spec/clusterfileloader.h"
#include "ssh/sshsessionpool.h"
#include "web/browserpane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebEngineView>

#include <algorithm>
#include <cstdio>
#include <optional>

#include <ctime>
#include <unistd.h>

using namespace SparkDeck;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

// ------------------------------------------------------------------ memory

qint64 statusField(const QString &file, const QByteArray &field) // kB
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 rssKb(qint64 pid = 0)
{
    return statusField(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"),
                       "VmRSS");
}

qint64 pssKb(qint64 pid)
{
    return statusField(QStringLiteral("/proc/%1/smaps_rollup").arg(pid), "Pss");
}

QList<qint64> descendants(qint64 root)
{
    QMultiHash<qint64, qint64> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), pid);
    }
    QList<qint64> result;
    QList<qint64> todo{root};
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeFirst();
        for (qint64 child : children.values(pid)) {
            result << child;
            todo << child;
        }
    }
    return result;
}

QString mb(qint64 kb)
{
    return kb < 0 ? QStringLiteral("?") : QString::number(kb / 1024.0, 'f', 1) + QStringLiteral(" MB");
}

// ------------------------------------------------------------------ the table

struct Row
{
    QString measure;
    QString value;
    QString target;
    QString verdict;
};
QList<Row> g_rows;

void addRow(const QString &measure, const QString &value, const QString &target = QString(),
            std::optional<bool> within = std::nullopt)
{
    g_rows << Row{measure, value, target,
                  within ? (*within ? QStringLiteral("within") : QStringLiteral("OVER")) : QString()};
}

void printTable()
{
    int w[3] = {7, 5, 6};
    for (const Row &r : g_rows) {
        w[0] = std::max(w[0], int(r.measure.size()));
        w[1] = std::max(w[1], int(r.value.size()));
        w[2] = std::max(w[2], int(r.target.size()));
    }
    auto line = [&](const QString &a, const QString &b, const QString &c, const QString &d) {
        out() << "| " << a.leftJustified(w[0]) << " | " << b.rightJustified(w[1]) << " | "
              << c.leftJustified(w[2]) << " | " << d << '\n';
    };
    out() << '\n';
    line(QStringLiteral("measure"), QStringLiteral("value"), QStringLiteral("target"), QStringLiteral("verdict"));
    out() << "|-" << QString(w[0], QLatin1Char('-')) << "-|-" << QString(w[1], QLatin1Char('-')) << "-|-"
          << QString(w[2], QLatin1Char('-')) << "-|--------\n";
    for (const Row &r : g_rows)
        line(r.measure, r.value, r.target, r.verdict);
    out().flush();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// ------------------------------------------------------------------ (a) the stall probe

/// Ticks every 5 ms (precise timer) and records the largest gaps between ticks, with the last
/// thing the run reported before each, to say what the GUI thread was doing.
class StallProbe : public QObject
{
public:
    struct Gap
    {
        double ms;     ///< wall time between two ticks
        double busyMs; ///< of which the GUI thread ran (CPU time): the rest it waited for a core
        double atSeconds;
        QString during;
    };

    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    void start()
    {
        m_gaps.clear();
        m_ticks = 0;
        m_clock.start();
        m_last = 0;
        m_lastCpu = threadCpuNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void note(const QString &what) { m_lastEvent = what; }

    QList<Gap> worst(int n) const
    {
        QList<Gap> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end(), [](const Gap &a, const Gap &b) { return a.ms > b.ms; });
        return sorted.mid(0, n);
    }
    int over(double ms) const
    {
        return int(std::count_if(m_gaps.begin(), m_gaps.end(), [ms](const Gap &g) { return g.ms > ms; }));
    }
    qint64 ticks() const { return m_ticks; }
    /// The gap in which the GUI thread itself ran longest.
    Gap busiest() const
    {
        Gap best{0, 0, 0, QString()};
        for (const Gap &g : m_gaps) {
            if (g.busyMs > best.busyMs)
                best = g;
        }
        return best;
    }
    double seconds() const { return m_clock.nsecsElapsed() / 1e9; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        const double gap = (now - m_last) / 1e6;
        const double busy = (cpu - m_lastCpu) / 1e6;
        m_last = now;
        m_lastCpu = cpu;
        ++m_ticks;
        if (gap > 10.0) // keep the interesting ones only
            m_gaps << Gap{gap, busy, now / 1e9, m_lastEvent};
    }
    static qint64 threadCpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_ticks = 0;
    QList<Gap> m_gaps;
    QString m_lastEvent;
};

int runScript(const QStringList &command, const QProcessEnvironment &env, QByteArray *output, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

void measureProvisioning(int hostCount, const QString &labDir, bool keepLab)
{
    const QString script = QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/lab/lab-hosts.sh");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPARKDECK_LAB_DIR"), labDir);
    // Each host its own /opt, /srv and home, as real machines have. A shared /root would run this
    // machine's ~/.bashrc (pyenv init and its rehash lock, one at a time across all hosts; a
    // stale lock costs 60 s per command) in every SSH command of every host.
    env.insert(QStringLiteral("PRIVATE_DIRS"), QStringLiteral("/opt /srv /root"));
    QByteArray output;
    out() << "lab: starting " << hostCount << " hosts in " << labDir << " ...\n";
    out().flush();
    if (runScript({script, QStringLiteral("up"), QString::number(hostCount)}, env, &output, 300000) != 0
        || !QFile::exists(labDir + QStringLiteral("/hosts.txt"))) {
        QFile reason(labDir + QStringLiteral("/unavailable"));
        const QString why = reason.open(QIODevice::ReadOnly) ? QString::fromUtf8(reason.readAll()).trimmed()
                                                             : QString::fromUtf8(output).trimmed();
        addRow(QStringLiteral("(a) provisioning: skipped"), why.left(60));
        return;
    }
    auto labDown = qScopeGuard([&] {
        if (!keepLab)
            runScript({script, QStringLiteral("down")}, env, nullptr, 300000);
    });
    QStringList addresses;
    QFile hosts(labDir + QStringLiteral("/hosts.txt"));
    hosts.open(QIODevice::ReadOnly);
    for (const QByteArray &line : hosts.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 2)
            addresses << QString::fromUtf8(fields.at(1));
    }

    out() << "stand-in: building the distribution ...\n";
    out().flush();
    const QString distDir = labDir + QStringLiteral("/bench-dist");
    if (runScript({QStringLiteral("bash"), QStringLiteral(SPARKDECK_SOURCE_DIR "/tests/lab/spark-standin/make-distribution.sh"), distDir},
                  QProcessEnvironment::systemEnvironment(), &output, 120000) != 0) {
        addRow(QStringLiteral("(a) provisioning: skipped"), QStringLiteral("no stand-in distribution"));
        return;
    }
    const QString tarball = QString::fromUtf8(output).trimmed().split(QLatin1Char('\n')).last();

    QString hostList;
    for (int i = 0; i < addresses.size(); ++i)
        hostList += QStringLiteral("    - { address: %1%2 }\n").arg(addresses.at(i), i == 0 ? QStringLiteral(", role: master") : QString());
    QTemporaryDir work;
    const QString clusterFile = work.filePath(QStringLiteral("bench.yaml"));
    QFile file(clusterFile);
    file.open(QIODevice::WriteOnly);
    file.write(QStringLiteral("name: bench-gui\n"
                              "machines:\n"
                              "  provider: existing\n"
                              "  hosts:\n%1"
                              "  ssh: {user: root, identity: %2/keys/id_ed25519, known_hosts: %2/known_hosts, host_key_policy: strict}\n"
                              "spark: {distribution: %3}\n"
                              "workers: {count: %4, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n")
                   .arg(hostList, labDir, tarball)
                   .arg(addresses.size())
                   .toUtf8());
    file.close();
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(clusterFile);
    if (!loaded.ok()) {
        addRow(QStringLiteral("(a) provisioning: skipped"), loaded.diagnostics.value(0).message.left(60));
        return;
    }

    // The window the user would watch: current step per host, and the log.
    QWidget window;
    auto *status = new QLabel(&window);
    auto *log = new QPlainTextEdit(&window);
    log->setReadOnly(true);
    log->setMaximumBlockCount(5000);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(status);
    layout->addWidget(log);
    window.resize(900, 600);
    window.show();

    SshSessionPool pool;
    ClusterOperations operations(loaded.spec, work.filePath(QStringLiteral("state")), &pool);
    if (const Status opened = operations.open(); !opened) {
        addRow(QStringLiteral("(a) provisioning: skipped"), opened.errorMessage().left(60));
        return;
    }

    auto measure = [&](const QString &name, Result<OperationRunner *> created) {
        if (!created) {
            addRow(QStringLiteral("(a) %1: not run").arg(name), created.errorMessage().left(60));
            return;
        }
        OperationRunner *runner = *created;
        StallProbe probe;
        int lines = 0;
        int steps = 0;
        QObject::connect(runner, &OperationRunner::stepStarted, &window, [&](const QString &host, const QString &step) {
            ++steps;
            probe.note(QStringLiteral("[%1] %2").arg(host, step));
            status->setText(QStringLiteral("[%1] %2").arg(host, step));
        });
        QObject::connect(runner, &OperationRunner::outputLine, &window, [&](const QString &host, const QString &line) {
            ++lines;
            log->appendPlainText(QStringLiteral("[%1] %2").arg(host, line));
        });
        QEventLoop loop;
        QObject::connect(runner, &OperationRunner::finished, &loop, &QEventLoop::quit);
        out() << name << ": running on " << addresses.size() << " hosts ...\n";
        out().flush();
        probe.start();
        runner->start();
        if (runner->isRunning())
            loop.exec();
        probe.stop();
        const TaskOutcome &outcome = runner->outcome();
        const QList<StallProbe::Gap> worst = probe.worst(5);
        const double longest = worst.isEmpty() ? 5.0 : worst.first().ms;
        addRow(QStringLiteral("(a) longest GUI stall during %1 (%2 hosts)").arg(name).arg(addresses.size()),
               QStringLiteral("%1 ms").arg(longest, 0, 'f', 1), QStringLiteral("<= 50 ms"), longest <= 50.0);
        addRow(QStringLiteral("    of which the GUI thread itself ran"),
               QStringLiteral("%1 ms").arg(worst.isEmpty() ? 0.0 : worst.first().busyMs, 0, 'f', 1));
        const StallProbe::Gap busiest = probe.busiest();
        addRow(QStringLiteral("    longest time the GUI thread ran between ticks"),
               QStringLiteral("%1 ms").arg(busiest.busyMs, 0, 'f', 1), QStringLiteral("<= 50 ms"), busiest.busyMs <= 50.0);
        addRow(QStringLiteral("    gaps > 16 ms / > 50 ms; 5 ms ticks"),
               QStringLiteral("%1 / %2; %3").arg(probe.over(16)).arg(probe.over(50)).arg(probe.ticks()));
        addRow(QStringLiteral("    %1: result, wall time, steps, log lines").arg(name),
               QStringLiteral("%1, %2 s, %3, %4")
                   .arg(!outcome.succeeded() ? QStringLiteral("FAILED")
                        : outcome.partialFailures.isEmpty() ? QStringLiteral("ok")
                                                            : QStringLiteral("partly done"))
                   .arg(probe.seconds(), 0, 'f', 1)
                   .arg(steps)
                   .arg(lines));
        if (!outcome.succeeded() || !outcome.partialFailures.isEmpty())
            out() << name << " failed: " << outcome.message << ' ' << outcome.partialFailures.join(QStringLiteral("; ")) << '\n';
        if (!outcome.warnings.isEmpty())
            out() << name << ": " << outcome.warnings.size() << " warnings, the first: " << outcome.warnings.first() << '\n';
        out() << "longest gaps during " << name << ":\n";
        for (const StallProbe::Gap &gap : worst)
            out() << QStringLiteral("  %1 ms (GUI thread ran %2 ms) at %3 s, after %4\n")
                         .arg(gap.ms, 6, 'f', 1).arg(gap.busyMs, 5, 'f', 1).arg(gap.atSeconds, 0, 'f', 2).arg(gap.during.left(90));
        out().flush();
    };
    measure(QStringLiteral("up"), operations.up());
    measure(QStringLiteral("down"), operations.down());
}

// ------------------------------------------------------------------ (b) + (c) the app's start

void measureStartup(const QString &app, int runs)
{
    if (!QFile::exists(app)) {
        addRow(QStringLiteral("(b) start page: skipped"), QStringLiteral("no %1").arg(app));
        return;
    }
    QTemporaryDir config;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SPARKDECK_STARTUP_REPORT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path()); // no recent files: a first start
    QList<double> outside, inside, rss;
    int webEngineLoaded = 0;
    for (int run = 0; run <= runs; ++run) { // run 0 warms the page cache
        QProcess process;
        process.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        process.start(app, {});
        QByteArray output;
        double wall = -1;
        while (process.state() != QProcess::NotRunning || process.bytesAvailable()) {
            if (!process.waitForReadyRead(20000) && process.state() == QProcess::NotRunning && !process.bytesAvailable())
                break;
            output += process.readAllStandardOutput();
            if (wall < 0 && output.contains("startup:") && output.contains('\n'))
                wall = clock.nsecsElapsed() / 1e6;
            if (wall >= 0)
                break;
            if (clock.elapsed() > 30000)
                break;
        }
        process.waitForFinished(10000);
        const int at = output.indexOf("startup:");
        if (wall < 0 || at < 0) {
            addRow(QStringLiteral("(b) start page: failed"), QString::fromUtf8(process.readAllStandardError()).left(60));
            return;
        }
        if (run == 0)
            continue;
        const QByteArray line = output.mid(at, output.indexOf('\n', at) - at);
        for (const QByteArray &field : line.split(' ')) {
            if (field.startsWith("first-paint-ms="))
                inside << field.mid(15).toDouble();
            else if (field.startsWith("rss-kb="))
                rss << field.mid(7).toDouble();
            else if (field == "webengine-loaded=1")
                ++webEngineLoaded;
        }
        outside << wall;
    }
    const double medianOutside = median(outside);
    addRow(QStringLiteral("(b) launch to start page drawn, median of %1 (max)").arg(runs),
           QStringLiteral("%1 ms (%2)").arg(medianOutside, 0, 'f', 0).arg(*std::max_element(outside.begin(), outside.end()), 0, 'f', 0),
           QStringLiteral("< 500 ms"), medianOutside < 500);
    addRow(QStringLiteral("    of which inside main(), median"), QStringLiteral("%1 ms").arg(median(inside), 0, 'f', 0));
    addRow(QStringLiteral("    WebEngine library mapped at the start page"),
           webEngineLoaded ? QStringLiteral("yes (%1 of %2)").arg(webEngineLoaded).arg(runs) : QStringLiteral("no"));
    const double startRss = median(rss);
    addRow(QStringLiteral("(c) resident memory at the start page, median"), mb(qint64(startRss)),
           QStringLiteral("< 150 MB"), startRss >= 0 && startRss < 150 * 1024);
}

/// The child of (c): an embedded browser pane before and after its first web view, loading a
/// page from 127.0.0.1 as it does through the tunnel. Prints "web-memory: ..." and exits.
int childWebMemory()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = "<html><head><title>Spark Master at spark://bench:7077</title></head>"
                                        "<body><h3>Spark Master at spark://bench:7077</h3></body></html>";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    QWidget window;
    auto *pane = new BrowserPane(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(pane);
    window.resize(1100, 700);
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 before = rssKb();

    QElapsedTimer clock;
    clock.start();
    pane->setMasterUiUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(server.serverPort())));
    QWebEngineView *view = pane->currentView();
    bool loaded = false;
    if (view) {
        QObject::connect(view, &QWebEngineView::loadFinished, view, [&loaded](bool) { loaded = true; });
        while (!loaded && clock.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const double firstLoadMs = clock.nsecsElapsed() / 1e6;
    settle.restart();
    while (settle.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 after = rssKb();
    qint64 helpersPss = 0;
    const QList<qint64> helpers = descendants(QCoreApplication::applicationPid());
    for (qint64 pid : helpers)
        helpersPss += std::max<qint64>(0, pssKb(pid));
    std::printf("web-memory: before-kb=%lld after-kb=%lld helpers=%lld helpers-pss-kb=%lld first-load-ms=%.0f loaded=%d\n",
                before, after, qint64(helpers.size()), helpersPss, firstLoadMs, loaded ? 1 : 0);
    std::fflush(stdout);
    delete pane;
    return 0;
}

void measureWebMemory()
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX")) && ::getuid() == 0)
        env.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
    if (!env.contains(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS")))
        env.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"), QStringLiteral("--disable-gpu"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-web-memory")});
    child.waitForFinished(90000);
    const QByteArray output = child.readAllStandardOutput();
    const int at = output.indexOf("web-memory:");
    if (at < 0) {
        addRow(QStringLiteral("(c) browser pane: failed"), QString::fromUtf8(child.readAllStandardError()).simplified().left(60));
        return;
    }
    QHash<QByteArray, double> v;
    for (const QByteArray &field : output.mid(at, output.indexOf('\n', at) - at).split(' ')) {
        const int eq = field.indexOf('=');
        if (eq > 0)
            v.insert(field.left(eq), field.mid(eq + 1).toDouble());
    }
    addRow(QStringLiteral("(c) browser pane built, no web view yet (RSS)"), mb(qint64(v.value("before-kb"))),
           QStringLiteral("< 150 MB"), v.value("before-kb") < 150 * 1024);
    addRow(QStringLiteral("    after its first web view: app RSS"), mb(qint64(v.value("after-kb"))));
    addRow(QStringLiteral("    + %1 WebEngine helper processes (PSS)").arg(v.value("helpers")),
           mb(qint64(v.value("helpers-pss-kb"))));
    addRow(QStringLiteral("    first web view: create + first page load"),
           QStringLiteral("%1 ms%2").arg(v.value("first-load-ms"), 0, 'f', 0).arg(v.value("loaded") ? QString() : QStringLiteral(" (did not load)")));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        static QTemporaryDir runtime;
        QFile::setPermissions(runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime.path().toLocal8Bit());
    }
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("sparkdeck.*.warning=false\nqt.qpa.*=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("How the SparkDeck desktop app feels: GUI stalls during "
                                                    "provisioning, start-page time, memory before the first web view."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("hosts"), QStringLiteral("Lab hosts to provision (default 16)."), QStringLiteral("N"), QStringLiteral("16")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Launches of the app to time (default 7)."), QStringLiteral("N"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("app"), QStringLiteral("The sparkdeck binary."), QStringLiteral("PATH"), QStringLiteral(SPARKDECK_APP)});
    parser.addOption({QStringLiteral("lab-dir"), QStringLiteral("The lab's own directory (default /tmp/sparkdeck-bench-lab)."),
                      QStringLiteral("DIR"), QStringLiteral("/tmp/sparkdeck-bench-lab")});
    parser.addOption({QStringLiteral("keep-lab"), QStringLiteral("Leave the lab hosts up afterwards.")});
    parser.addOption({QStringLiteral("skip-provisioning"), QStringLiteral("Only (b) and (c).")});
    parser.addOption({QStringLiteral("child-web-memory"), QStringLiteral("(internal) the child of (c).")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("child-web-memory")))
        return childWebMemory();

    out() << "gui-responsiveness: SparkDeck " << SPARKDECK_VERSION << ", Qt " << qVersion() << ", "
          << QThread::idealThreadCount() << " cores, platform " << QGuiApplication::platformName() << '\n';
    out().flush();
    measureStartup(parser.value(QStringLiteral("app")), std::max(1, parser.value(QStringLiteral("runs")).toInt()));
    measureWebMemory();
    if (!parser.isSet(QStringLiteral("skip-provisioning")))
        measureProvisioning(std::max(1, parser.value(QStringLiteral("hosts")).toInt()),
                            parser.value(QStringLiteral("lab-dir")), parser.isSet(QStringLiteral("keep-lab")));
    printTable();
    return 0;
}
