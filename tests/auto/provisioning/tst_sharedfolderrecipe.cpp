// The shared folder's steps over SSH on lab hosts: h1 exports with nfs-ganesha (the lab's kernel
// has no nfsd), limited to the cluster's addresses; h2, whose kernel has no NFS client, says so
// plainly and proves the folder reachable through libnfs; a second run only checks; a new client
// restarts the server; `down` leaves no ganesha behind (stopped by PID: the lab hosts share one
// PID space) and deletes the data only when asked.
#include "labhosts.h"

#include "provisioning/sharedfolderrecipe.h"
#include "provisioning/sshmachine.h"
#include "provisioning/step.h"
#include "provisioning/taskgroup.h"
#include "ssh/sshsessionpool.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

#include <csignal>

using namespace SparkDeck;
using SparkDeck::Test::LabHost;
using SparkDeck::Test::LabHosts;

namespace {

QList<Task *> leaves(Task *task)
{
    auto *group = qobject_cast<TaskGroup *>(task);
    if (!group)
        return {task};
    QList<Task *> found;
    for (Task *child : group->tasks())
        found << leaves(child);
    return found;
}

QString describe(Task *task)
{
    QStringList lines;
    for (Task *leaf : leaves(task))
        lines << QStringLiteral("%1: %2").arg(leaf->title(), leaf->outcome().message);
    return lines.join(QLatin1Char('\n'));
}

bool alive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const int end = text.lastIndexOf(')');
    return end > 0 && text.mid(end + 2, 1) != "Z";
}

} // namespace

class tst_SharedFolderRecipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportsFromTheMasterWithGanesha();
    void aSecondExportOnlyChecks();
    void onlyTheClustersAddressesMayMount();
    void aWorkerWithoutKernelClientSaysSoAndWritesThroughLibnfs();
    void verifiesEveryWorker();
    void theServersOwnHostGetsABindMount();
    void aNewClientRestartsTheServer();
    void downLeavesNoGaneshaAndKeepsTheDataUnlessAsked();

private:
    TaskOutcome run(Task *task, int timeoutMs = 180000)
    {
        std::unique_ptr<Task> owned(task);
        QSignalSpy finished(task, &Task::finished);
        QStringList output;
        connect(task, &Task::outputLine, this, [&output](const QString &line) { output << line; });
        task->start();
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return TaskOutcome::failure(QStringLiteral("test: no end within %1 ms").arg(timeoutMs));
        m_lastOutput = output;
        m_lastLeaves.clear();
        for (Task *leaf : leaves(task))
            m_lastLeaves << qMakePair(leaf->title(), leaf->outcome());
        m_lastAlreadyDone.clear();
        for (Task *leaf : leaves(task)) {
            auto *step = qobject_cast<Step *>(leaf);
            m_lastAlreadyDone << (step && step->wasAlreadyDone());
        }
        m_lastDescription = describe(task);
        return task->outcome();
    }
    SharedFolderRecipe recipe(const QList<int> &clients) const
    {
        QStringList addresses;
        for (int index : clients)
            addresses << m_hosts.at(index).address;
        SharedFolderRecipe recipe(m_spec, m_machines.at(0), m_hosts.at(0).address, addresses);
        recipe.setServerKind(SharedFolderRecipe::ServerKind::Auto);
        return recipe;
    }
    QString nfsDir() const { return QStringLiteral("/opt/sparkdeck/%1/nfs").arg(m_spec.name); }
    qint64 ganeshaPid() const
    {
        QFile file(m_lab.hostPath(m_hosts.at(0).name, nfsDir() + QStringLiteral("/ganesha.pid")));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
    }
    bool onHost(int index, const QStringList &command, QByteArray *output = nullptr) const
    {
        return m_lab.runOnHost(m_hosts.at(index).name, command, output);
    }

    LabHosts m_lab;
    QList<LabHost> m_hosts;
    SshSessionPool m_pool;
    QList<Machine *> m_machines;
    ClusterSpec m_spec;
    QStringList m_lastOutput;
    QList<QPair<QString, TaskOutcome>> m_lastLeaves;
    QList<bool> m_lastAlreadyDone;
    QString m_lastDescription;
    qint64 m_firstPid = 0;
};

void tst_SharedFolderRecipe::initTestCase()
{
    m_lab = LabHosts::fromEnvironment();
    SPARKDECK_REQUIRE_LAB(m_lab);
    if (m_lab.hosts().size() < 4)
        QSKIP("needs 4 lab hosts");
    if (!m_lab.privateDirs().contains(QStringLiteral("/opt")) || !m_lab.privateDirs().contains(QStringLiteral("/srv")))
        QSKIP("needs lab hosts with private /opt and /srv");
    m_hosts = m_lab.hosts().mid(0, 4);
    QByteArray which;
    if (!onHost(0, {QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("command -v ganesha.nfsd && command -v nfs-cp && command -v nfs-ls")}, &which))
        QSKIP("needs nfs-ganesha, nfs-ganesha-vfs and libnfs-utils (scripts/install-deps installs them)");
    for (const LabHost &host : std::as_const(m_hosts)) {
        SshTarget target;
        target.host = host.address;
        target.port = host.port;
        target.identityFile = m_lab.identityFile();
        target.useAgent = false;
        target.knownHostsFile = m_lab.knownHostsFile();
        target.hostKeyPolicy = HostKeyPolicy::Strict;
        m_machines << new SshMachine(m_pool.session(target), host.address, &m_pool);
    }
    m_spec.name = QStringLiteral("nfslab");
    m_spec.sharedFolder.enabled = true;
    m_spec.sharedFolder.exportPath = QStringLiteral("/srv/sparkdeck-nfslab/share");
    m_spec.sharedFolder.mountPath = QStringLiteral("/srv/sparkdeck-nfslab/mnt");
    // A clean slate: a run that died midway may have left a server and data.
    const TaskOutcome cleaned = run(recipe({0, 1, 2}).removeSteps(m_machines, true));
    QVERIFY2(cleaned.succeeded(), qPrintable(cleaned.message + QLatin1Char('\n') + m_lastDescription));
}

void tst_SharedFolderRecipe::cleanupTestCase()
{
    if (m_machines.isEmpty())
        return;
    const qint64 pid = ganeshaPid();
    if (alive(pid)) // a failed test left it running: stop it by its PID
        ::kill(pid_t(pid), SIGTERM);
    run(recipe({0, 1, 2}).removeSteps(m_machines, true));
}

void tst_SharedFolderRecipe::exportsFromTheMasterWithGanesha()
{
    const SharedFolderRecipe folder = recipe({0, 1, 2});
    QVERIFY(folder.servesOtherHosts());
    QCOMPARE(folder.url(), QStringLiteral("nfs://%1/srv/sparkdeck-nfslab/share/?version=4").arg(m_hosts.at(0).address));
    const TaskOutcome outcome = run(folder.exportSteps());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QVERIFY2(m_lastOutput.join(QLatin1Char('\n')).contains(QLatin1String("nfs-ganesha")), qPrintable(m_lastOutput.join('\n')));

    m_firstPid = ganeshaPid();
    QVERIFY(alive(m_firstPid));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(m_firstPid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY(cmdline.readAll().contains((nfsDir() + QStringLiteral("/ganesha.conf")).toUtf8()));
    QFile config(m_lab.hostPath(m_hosts.at(0).name, nfsDir() + QStringLiteral("/ganesha.conf")));
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray text = config.readAll();
    QVERIFY(text.contains(QStringLiteral("Clients = %1, %2, %3;")
                              .arg(m_hosts.at(0).address, m_hosts.at(1).address, m_hosts.at(2).address)
                              .toUtf8()));
    QVERIFY(text.contains(QStringLiteral("Bind_addr = %1;").arg(m_hosts.at(0).address).toUtf8()));
    QVERIFY(QFileInfo(m_lab.hostPath(m_hosts.at(0).name, m_spec.sharedFolder.exportPath)).isDir());
    // The export lives on h1 only: /srv is private to each host.
    QVERIFY(!QFileInfo::exists(m_lab.hostPath(m_hosts.at(1).name, m_spec.sharedFolder.exportPath)));
}

void tst_SharedFolderRecipe::aSecondExportOnlyChecks()
{
    const TaskOutcome outcome = run(recipe({0, 1, 2}).exportSteps());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    int steps = 0;
    for (int i = 0; i < m_lastLeaves.size(); ++i) {
        if (m_lastLeaves.at(i).first == QLatin1String("Choose the NFS server"))
            continue; // a question, not a step
        ++steps;
        QVERIFY2(m_lastAlreadyDone.at(i), qPrintable(m_lastLeaves.at(i).first));
    }
    QCOMPARE(steps, 4);
    QCOMPARE(ganeshaPid(), m_firstPid);
}

void tst_SharedFolderRecipe::onlyTheClustersAddressesMayMount()
{
    const QString url = recipe({0, 1, 2}).url();
    QByteArray listing;
    QVERIFY2(onHost(1, {QStringLiteral("nfs-ls"), url}, &listing), listing.constData());
    QVERIFY2(!onHost(3, {QStringLiteral("nfs-ls"), url}, &listing), listing.constData()); // h4 is no client
}

void tst_SharedFolderRecipe::aWorkerWithoutKernelClientSaysSoAndWritesThroughLibnfs()
{
    const SharedFolderRecipe folder = recipe({0, 1, 2});
    const TaskOutcome outcome = run(folder.mountSteps(m_machines.at(1)));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message)); // the worker goes on
    QCOMPARE(m_lastLeaves.size(), 2);
    const QString expected = QStringLiteral("%1 cannot mount NFS: the kernel has no NFS client; the folder is still "
                                            "reachable at %2 with libnfs tools")
                                 .arg(m_hosts.at(1).address, folder.url());
    const TaskOutcome mount = m_lastLeaves.at(0).second;
    QVERIFY(mount.succeeded()); // the worker goes on...
    QCOMPARE(mount.warnings, QStringList{expected}); // ...but not silently
    QCOMPARE(outcome.warnings, QStringList{expected}); // and the group passes the warning on, as is
    QVERIFY(m_lastOutput.contains(expected));
    const TaskOutcome verify = m_lastLeaves.at(1).second;
    QVERIFY2(verify.succeeded(), qPrintable(verify.message));
    QVERIFY2(verify.message.contains(QLatin1String("through libnfs")), qPrintable(verify.message));
    QVERIFY(verify.message.contains(QLatin1String("the server %1 read it").arg(m_hosts.at(0).address)));
    // The reader removed the probe file.
    const QStringList left = QDir(m_lab.hostPath(m_hosts.at(0).name, m_spec.sharedFolder.exportPath))
                                 .entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
}

void tst_SharedFolderRecipe::verifiesEveryWorker()
{
    const TaskOutcome outcome = run(recipe({0, 1, 2}).verifySteps({m_machines.at(1), m_machines.at(2)}));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QCOMPARE(m_lastLeaves.size(), 2);
}

void tst_SharedFolderRecipe::theServersOwnHostGetsABindMount()
{
    const SharedFolderRecipe folder = recipe({0, 1, 2});
    TaskOutcome outcome = run(folder.mountSteps(m_machines.at(0)));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QCOMPARE(m_lastLeaves.size(), 1);
    QVERIFY2(m_lastLeaves.first().second.succeeded(), qPrintable(m_lastDescription));
    QByteArray mounts;
    QVERIFY(onHost(0, {QStringLiteral("cat"), QStringLiteral("/proc/self/mounts")}, &mounts));
    QVERIFY(mounts.contains(" " + m_spec.sharedFolder.mountPath.toUtf8() + " "));
    outcome = run(folder.mountSteps(m_machines.at(0)));
    QVERIFY(outcome.succeeded());
    QVERIFY(m_lastAlreadyDone.first());
}

void tst_SharedFolderRecipe::aNewClientRestartsTheServer()
{
    const SharedFolderRecipe folder = recipe({0, 1, 2, 3});
    const TaskOutcome outcome = run(folder.exportSteps());
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QVERIFY(!m_lastAlreadyDone.at(3)); // the export changed...
    QVERIFY(!m_lastAlreadyDone.at(4)); // ...so the server restarted with it
    const qint64 pid = ganeshaPid();
    QVERIFY(alive(pid));
    QVERIFY(pid != m_firstPid);
    QTRY_VERIFY_WITH_TIMEOUT(!alive(m_firstPid), 10000);
    QByteArray listing;
    QVERIFY2(onHost(3, {QStringLiteral("nfs-ls"), folder.url()}, &listing), listing.constData());
}

void tst_SharedFolderRecipe::downLeavesNoGaneshaAndKeepsTheDataUnlessAsked()
{
    const qint64 pid = ganeshaPid();
    QVERIFY(alive(pid));
    const QString data = m_lab.hostPath(m_hosts.at(0).name, m_spec.sharedFolder.exportPath + QStringLiteral("/kept.txt"));
    QFile keep(data);
    QVERIFY(keep.open(QIODevice::WriteOnly));
    keep.write("results\n");
    keep.close();

    const SharedFolderRecipe folder = recipe({0, 1, 2, 3});
    TaskOutcome outcome = run(folder.removeSteps(m_machines, false));
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QVERIFY(!alive(pid));
    QVERIFY(!QFileInfo::exists(m_lab.hostPath(m_hosts.at(0).name, nfsDir())));
    QVERIFY(QFile::exists(data));
    QByteArray mounts;
    QVERIFY(onHost(0, {QStringLiteral("cat"), QStringLiteral("/proc/self/mounts")}, &mounts));
    QVERIFY(!mounts.contains(" " + m_spec.sharedFolder.mountPath.toUtf8() + " ")); // the bind mount is gone
    QVERIFY(!onHost(1, {QStringLiteral("nfs-ls"), folder.url()}));

    outcome = run(folder.removeSteps(m_machines, true)); // again, and now the data too
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message + QLatin1Char('\n') + m_lastDescription));
    QVERIFY(!QFileInfo::exists(m_lab.hostPath(m_hosts.at(0).name, m_spec.sharedFolder.exportPath)));
}

QTEST_GUILESS_MAIN(tst_SharedFolderRecipe)
#include "tst_sharedfolderrecipe.moc"
