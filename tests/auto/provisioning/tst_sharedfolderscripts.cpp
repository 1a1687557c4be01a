// The shared folder's scripts: every one is valid POSIX sh (the kernel-server ones included,
// which this machine cannot run), values arrive as arguments, and the ones that are safe to
// run here behave: the NFS server choice, the mount on a kernel without an NFS client, the
// deletion of the data.
#include "provisioning/localmachine.h"
#include "provisioning/sharedfolderscripts.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace SparkDeck;

class tst_SharedFolderScripts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyScriptIsValidSh_data();
    void everyScriptIsValidSh();
    void valuesAreArgumentsNotProgramText();
    void choosesGaneshaWithoutKernelNfsd();
    void mountSaysPlainlyWhenTheKernelHasNoNfsClient();
    void notMountedIsNotAnError();
    void deletesTheDataItIsAskedTo();

private:
    static ExecResult run(const CommandRequest &request)
    {
        LocalMachine machine;
        std::unique_ptr<MachineJob> job(machine.run(request, nullptr));
        QSignalSpy finished(job.get(), &MachineJob::finished);
        job->start();
        if (finished.isEmpty() && !finished.wait(60000))
            return {};
        return job->result();
    }
    static bool kernelHasNfsClient()
    {
        QFile filesystems(QStringLiteral("/proc/filesystems"));
        return filesystems.open(QIODevice::ReadOnly) && filesystems.readAll().contains("\tnfs4\n");
    }
    SharedFolderScripts scripts() const { return SharedFolderScripts(m_paths); }

    QTemporaryDir m_dir;
    SharedFolderPaths m_paths;
};

void tst_SharedFolderScripts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_paths.cluster = QStringLiteral("tst");
    m_paths.exportPath = m_dir.filePath(QStringLiteral("export"));
    m_paths.mountPath = m_dir.filePath(QStringLiteral("mnt"));
    m_paths.serverAddress = QStringLiteral("127.0.0.1");
    m_paths.port = 2049;
    m_paths.nfsDir = m_dir.filePath(QStringLiteral("nfs"));
}

void tst_SharedFolderScripts::everyScriptIsValidSh_data()
{
    QTest::addColumn<QString>("script");
    const SharedFolderScripts s = scripts();
    const QList<QPair<const char *, CommandRequest>> all{
        {"serverKind", s.serverKind()},
        {"kernelServerInstalled", SharedFolderScripts::kernelServerInstalled()},
        {"installKernelServer", SharedFolderScripts::installKernelServer()},
        {"ganeshaInstalled", SharedFolderScripts::ganeshaInstalled()},
        {"installGanesha", SharedFolderScripts::installGanesha()},
        {"exportDirectoryExists", s.exportDirectoryExists()},
        {"createExportDirectory", s.createExportDirectory()},
        {"fileHasContent", s.fileHasContent(QStringLiteral("/etc/exports.d/x.exports"), "a\n")},
        {"writeExportsFile", s.writeExportsFile(QStringLiteral("/etc/exports.d/x.exports"), "a\n")},
        {"writeGaneshaConfig", s.writeGaneshaConfig("a\n")},
        {"kernelServing", s.kernelServing()},
        {"startKernelServer", s.startKernelServer()},
        {"ganeshaServing", s.ganeshaServing()},
        {"startGanesha", s.startGanesha()},
        {"stopServing", s.stopServing(QStringLiteral("/etc/exports.d/x.exports"))},
        {"deleteExportData", s.deleteExportData()},
        {"mounted", s.mounted()},
        {"mount", s.mount()},
        {"bindMount", s.bindMount()},
        {"unmount", s.unmount()},
        {"writeProbe", s.writeProbe(QStringLiteral(".probe"), QStringLiteral("token"))},
        {"readProbe", s.readProbe(QStringLiteral(".probe"), QStringLiteral("token"))},
        {"readProbeBack", s.readProbeBack(QStringLiteral(".probe"), QStringLiteral("token"))},
        {"serverAnswers", s.serverAnswers()},
    };
    for (const auto &[name, request] : all)
        QTest::newRow(name) << request.script;
}

void tst_SharedFolderScripts::everyScriptIsValidSh()
{
    QFETCH(QString, script);
    // Every script is `sh -c PROGRAM sparkdeck ARGS...`: check PROGRAM with `sh -n`.
    QVERIFY(script.startsWith(QLatin1String("sh -c ")));
    const ExecResult result = run({QStringLiteral("sh -n -c ") + script.mid(6), {}, false, 30000});
    QVERIFY2(result.succeeded(), qPrintable(result.summary() + QLatin1Char(' ') + QString::fromUtf8(result.standardError)));
}

void tst_SharedFolderScripts::valuesAreArgumentsNotProgramText()
{
    SharedFolderPaths hostile = m_paths;
    hostile.exportPath = m_dir.filePath(QStringLiteral("$(touch pwned) `touch pwned`; touch pwned"));
    const SharedFolderScripts s(hostile);
    const ExecResult exists = run(s.exportDirectoryExists());
    QCOMPARE(exists.exitCode, 1);
    const ExecResult created = run(s.createExportDirectory());
    QVERIFY2(created.succeeded(), created.standardError.constData());
    QVERIFY(QFileInfo(hostile.exportPath).isDir());
    QCOMPARE(run(s.exportDirectoryExists()).exitCode, 0);
    QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("pwned"))));
}

void tst_SharedFolderScripts::choosesGaneshaWithoutKernelNfsd()
{
    QFile filesystems(QStringLiteral("/proc/filesystems"));
    QVERIFY(filesystems.open(QIODevice::ReadOnly));
    if (filesystems.readAll().contains("\tnfsd\n"))
        QSKIP("this kernel has nfsd");
    const ExecResult result = run(scripts().serverKind());
    QVERIFY(result.succeeded());
    QCOMPARE(result.standardOutput.trimmed(), QByteArray("ganesha"));
}

void tst_SharedFolderScripts::mountSaysPlainlyWhenTheKernelHasNoNfsClient()
{
    if (kernelHasNfsClient())
        QSKIP("this kernel has an NFS client");
    if (::geteuid() != 0)
        QSKIP("mounting needs root");
    const ExecResult result = run(scripts().mount());
    QCOMPARE(result.exitCode, int(SharedFolderScripts::kCannotExitCode));
    QVERIFY2(result.standardError.contains("the kernel has no NFS client"), result.standardError.constData());
    QVERIFY(result.standardOutput.contains("libnfs=yes") || result.standardOutput.contains("libnfs=no"));
}

void tst_SharedFolderScripts::notMountedIsNotAnError()
{
    QCOMPARE(run(scripts().mounted()).exitCode, 1);
    const ExecResult unmount = run(scripts().unmount());
    QVERIFY2(unmount.succeeded(), unmount.standardError.constData());
    QVERIFY(unmount.standardOutput.isEmpty());
}

void tst_SharedFolderScripts::deletesTheDataItIsAskedTo()
{
    SharedFolderPaths paths = m_paths;
    paths.exportPath = m_dir.filePath(QStringLiteral("to-delete"));
    QVERIFY(QDir().mkpath(paths.exportPath + QStringLiteral("/deep/er")));
    const ExecResult deleted = run(SharedFolderScripts(paths).deleteExportData());
    QVERIFY2(deleted.succeeded(), deleted.standardError.constData());
    QVERIFY(!QFileInfo::exists(paths.exportPath));
    QVERIFY(QFileInfo(m_dir.path()).isDir());
}

QTEST_GUILESS_MAIN(tst_SharedFolderScripts)
#include "tst_sharedfolderscripts.moc"
