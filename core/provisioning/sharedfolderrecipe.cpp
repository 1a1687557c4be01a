#include "sharedfolderrecipe.h"

#include "provisioning/clusterlayout.h"
#include "provisioning/machine.h"
#include "provisioning/scriptstep.h"
#include "provisioning/taskgroup.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::SharedFolderRecipe)
};

const char kHostProperty[] = "sparkdeck.host"; // read by StandaloneRecipe::hostOf()

using ServerKind = SharedFolderRecipe::ServerKind;

QString lastLines(const QByteArray &output, int count = 3)
{
    QStringList lines = QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines.join(QStringLiteral(" | "));
}

QString withDetails(const QString &message, const ExecResult &result)
{
    const QString details = lastLines(result.standardError.isEmpty() ? result.standardOutput : result.standardError);
    return details.isEmpty() ? message : message + QStringLiteral(": ") + details;
}

/// Runs one command on a machine for a task, forwarding its output lines; the task's
/// cancel() stops it. The callback never runs after cancel.
class JobHolder
{
public:
    void start(Task *task, Machine *machine, const CommandRequest &request,
               std::function<void(const ExecResult &)> then,
               std::function<void(const QString &)> forward)
    {
        if (!machine) {
            ExecResult gone;
            gone.error = Tr::tr("the machine is gone");
            then(gone);
            return;
        }
        MachineJob *job = machine->run(request, task);
        m_job = job;
        QObject::connect(job, &MachineJob::outputLine, task, [forward](const QString &line) { forward(line); });
        QObject::connect(job, &MachineJob::finished, task, [this, job, then](const ExecResult &result) {
            job->deleteLater();
            if (m_job == job)
                m_job = nullptr;
            then(result);
        });
        job->start();
    }
    void abort()
    {
        if (MachineJob *job = m_job) {
            m_job = nullptr;
            job->disconnect();
            job->cancel();
            job->deleteLater();
        }
    }

private:
    QPointer<MachineJob> m_job;
};

/// A task that ends at once with a failure known in advance (a configuration that cannot be
/// rendered): the graph shows it where it belongs.
class FailedTask : public Task
{
public:
    FailedTask(const QString &title, const QString &message) : Task(title), m_message(message) {}

protected:
    void run() override { finish(TaskOutcome::failure(m_message)); }

private:
    QString m_message;
};

/// Chooses the NFS server on the server host: the kernel's where it has nfsd, else ganesha.
class ChooseServerTask : public Task
{
public:
    ChooseServerTask(Machine *server, const SharedFolderScripts &scripts, ServerKind wanted,
                     std::shared_ptr<ServerKind> chosen)
        : Task(Tr::tr("Choose the NFS server")), m_server(server), m_scripts(scripts), m_wanted(wanted),
          m_chosen(std::move(chosen))
    {}

protected:
    void run() override
    {
        if (m_wanted != ServerKind::Auto) {
            decide(m_wanted);
            return;
        }
        m_job.start(this, m_server, m_scripts.serverKind(), [this](const ExecResult &result) {
            if (!result.succeeded()) {
                finish(TaskOutcome::failure(withDetails(Tr::tr("%1: cannot tell which NFS server to use (%2)")
                                                            .arg(m_server ? m_server->displayName() : QString(),
                                                                 result.summary()), result),
                                            !result.finished()));
                return;
            }
            decide(result.standardOutput.trimmed() == "kernel" ? ServerKind::Kernel : ServerKind::Ganesha);
        }, [this](const QString &line) { Q_UNUSED(line) });
    }
    void handleCancel() override
    {
        m_job.abort();
        finish(TaskOutcome::cancelled());
    }

private:
    void decide(ServerKind kind)
    {
        *m_chosen = kind;
        const QString message = kind == ServerKind::Kernel
                                    ? Tr::tr("the kernel's NFS server (nfs-kernel-server)")
                                    : Tr::tr("nfs-ganesha, a userspace NFSv4 server (the kernel here has no nfsd, "
                                             "or nfs-ganesha already serves this cluster)");
        Q_EMIT outputLine(message);
        finish(TaskOutcome::success(message));
    }

    QPointer<Machine> m_server;
    SharedFolderScripts m_scripts;
    ServerKind m_wanted;
    std::shared_ptr<ServerKind> m_chosen;
    JobHolder m_job;
};

/// Mounts the folder on a worker. A kernel without an NFS client ends the step with a warning
/// (TaskOutcome::warnings) that names what still works; a server not answering yet is retried;
/// anything else fails.
class MountStep : public Step
{
public:
    MountStep(Machine *worker, const SharedFolderScripts &scripts, const QString &mountPath)
        : Step(Tr::tr("Mount the shared folder at %1").arg(mountPath)), m_worker(worker), m_scripts(scripts),
          m_mountPath(mountPath)
    {}

protected:
    void check() override
    {
        m_job.start(this, m_worker, m_scripts.mounted(), [this](const ExecResult &result) {
            if (result.finished() && (result.exitCode == 0 || result.exitCode == 1))
                checkFinished(result.exitCode == 0);
            else
                checkFailed(TaskOutcome::failure(withDetails(Tr::tr("%1: cannot tell whether the shared folder is "
                                                                    "mounted (%2)").arg(name(), result.summary()), result),
                                                 !result.finished()));
        }, [this](const QString &line) { Q_EMIT outputLine(line); });
    }
    void apply() override
    {
        m_job.start(this, m_worker, m_scripts.mount(), [this](const ExecResult &result) {
            if (result.succeeded()) {
                applyFinished(TaskOutcome::success(Tr::tr("mounted %1 at %2").arg(m_scripts.mountSource(), m_mountPath)));
            } else if (result.finished() && result.exitCode == SharedFolderScripts::kCannotExitCode
                       && result.standardError.contains("no NFS client")) {
                QString message = Tr::tr("%1 cannot mount NFS: the kernel has no NFS client; the folder is still "
                                         "reachable at %2 with libnfs tools").arg(name(), m_scripts.url());
                if (result.standardOutput.contains("libnfs=no"))
                    message += Tr::tr(" (install libnfs-utils on %1 for nfs-ls and nfs-cp)").arg(name());
                // Not a failure of the worker: it runs without the mount. Not a silent pass either:
                // the warning travels up to the run's outcome.
                TaskOutcome outcome = TaskOutcome::success(message);
                outcome.warnings << message;
                Q_EMIT outputLine(message);
                applyFinished(outcome);
            } else {
                applyFinished(TaskOutcome::failure(
                    withDetails(Tr::tr("%1: cannot mount %2 at %3 (%4)")
                                    .arg(name(), m_scripts.mountSource(), m_mountPath, result.summary()), result),
                    !result.finished() || result.exitCode == ScriptStep::kTryLaterExitCode));
            }
        }, [this](const QString &line) {
            if (!line.startsWith(QLatin1String("libnfs=")))
                Q_EMIT outputLine(line);
        });
    }
    void abort() override { m_job.abort(); }

private:
    QString name() const { return m_worker ? m_worker->displayName() : QString(); }

    QPointer<Machine> m_worker;
    SharedFolderScripts m_scripts;
    QString m_mountPath;
    JobHolder m_job;
};

/// Writes a file with a random token on a worker and reads it on the server (or back on the
/// worker when the server is outside the cluster); the reader removes it.
class VerifyTask : public Task
{
public:
    VerifyTask(Machine *worker, Machine *server, const SharedFolderScripts &scripts, const QString &mountPath)
        : Task(Tr::tr("Check the shared folder: write here, read on the server")), m_worker(worker),
          m_server(server), m_scripts(scripts), m_mountPath(mountPath)
    {
        static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
        QString host = worker ? worker->displayName() : QStringLiteral("host");
        host.replace(unsafe, QStringLiteral("_"));
        m_token = QString::number(QRandomGenerator::global()->generate64(), 16);
        m_name = QStringLiteral(".sparkdeck-check-%1-%2").arg(host, m_token);
    }

protected:
    void run() override
    {
        m_job.start(this, m_worker, m_scripts.writeProbe(m_name, m_token), [this](const ExecResult &written) {
            if (!written.succeeded()) {
                finish(TaskOutcome::failure(withDetails(Tr::tr("%1 cannot write to the shared folder (%2)")
                                                            .arg(name(), written.summary()), written),
                                            !written.finished()));
                return;
            }
            const QStringList lines = QString::fromUtf8(written.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            const bool libnfs = !lines.isEmpty() && lines.last() == QLatin1String("libnfs");
            const QString how = libnfs ? Tr::tr("through libnfs (%1)").arg(m_scripts.url())
                                       : Tr::tr("through the mount at %1").arg(m_mountPath);
            Machine *reader = m_server ? m_server.data() : m_worker.data();
            const CommandRequest read = m_server ? m_scripts.readProbe(m_name, m_token)
                                                 : m_scripts.readProbeBack(m_name, m_token);
            m_job.start(this, reader, read, [this, how](const ExecResult &readBack) {
                if (!readBack.succeeded()) {
                    finish(TaskOutcome::failure(withDetails(Tr::tr("%1 wrote to the shared folder %2, but the server "
                                                                   "did not read it back (%3)")
                                                                .arg(name(), how, readBack.summary()), readBack),
                                                !readBack.finished()));
                    return;
                }
                const QString message = m_server ? Tr::tr("%1 wrote a file %2 and the server %3 read it")
                                                       .arg(name(), how, m_server->displayName())
                                                 : Tr::tr("%1 wrote a file %2 and read it back").arg(name(), how);
                Q_EMIT outputLine(message);
                finish(TaskOutcome::success(message));
            }, [this](const QString &line) { Q_EMIT outputLine(line); });
        }, [this](const QString &line) {
            if (line != QLatin1String("mount") && line != QLatin1String("libnfs"))
                Q_EMIT outputLine(line);
        });
    }
    void handleCancel() override
    {
        m_job.abort();
        finish(TaskOutcome::cancelled());
    }

private:
    QString name() const { return m_worker ? m_worker->displayName() : QString(); }

    QPointer<Machine> m_worker;
    QPointer<Machine> m_server;
    SharedFolderScripts m_scripts;
    QString m_mountPath;
    QString m_token;
    QString m_name;
    JobHolder m_job;
};

bool isIpAddress(const QString &text)
{
    return !QHostAddress(text).isNull();
}

} // namespace

SharedFolderRecipe::SharedFolderRecipe(const ClusterSpec &spec, Machine *server, const QString &serverAddress,
                                       const QStringList &clients)
    : m_spec(spec), m_server(server), m_clients(clients)
{
    m_paths.cluster = spec.name;
    m_paths.exportPath = spec.sharedFolder.exportPath;
    m_paths.mountPath = spec.sharedFolder.mountPath;
    m_paths.serverAddress = serverAddress;
    m_paths.nfsDir = ClusterLayout(spec).root() + QStringLiteral("/nfs");
    m_clients.removeDuplicates();
}

SharedFolderRecipe SharedFolderRecipe::forCluster(const ClusterSpec &spec, Machine *master,
                                                  const QList<Machine *> &machines)
{
    Machine *server = nullptr;
    QString address;
    if (spec.sharedFolder.servedByMaster()) {
        server = master;
        address = master ? master->address() : QString();
    } else {
        address = spec.sharedFolder.server;
        for (Machine *machine : machines) {
            if (machine->address() == address)
                server = machine;
        }
    }
    QStringList clients;
    for (Machine *machine : machines)
        clients << machine->address();
    SharedFolderRecipe recipe(spec, server, address, clients);
    if (!server)
        recipe.setProbeMachine(master);
    return recipe;
}

void SharedFolderRecipe::setPort(int port)
{
    m_paths.port = port;
}

bool SharedFolderRecipe::servesOtherHosts() const
{
    for (const QString &client : m_clients) {
        if (client != m_paths.serverAddress)
            return true;
    }
    return false;
}

Task *SharedFolderRecipe::tagged(Task *task, const Machine *machine) const
{
    task->setProperty(kHostProperty, machine ? machine->displayName() : Tr::tr("this computer"));
    return task;
}

NfsExport SharedFolderRecipe::share() const
{
    NfsExport share;
    share.cluster = m_spec.name;
    share.path = m_paths.exportPath;
    share.pseudo = m_paths.exportPath;
    share.clients = m_clients;
    return share;
}

TaskGroup *SharedFolderRecipe::exportSteps() const
{
    auto *group = new TaskGroup(Tr::tr("Serve the shared folder %1").arg(m_paths.exportPath), TaskGroup::Mode::Sequence);
    const SharedFolderScripts scripts = this->scripts();
    if (!m_server) {
        // Outside the cluster: someone else serves it; check that it answers.
        tagged(group, m_probeMachine);
        if (m_probeMachine) {
            auto *probe = new ScriptStep(Tr::tr("Check that the NFS server %1 answers").arg(m_paths.serverAddress),
                                         m_probeMachine, CommandRequest{}, scripts.serverAnswers());
            probe->setFailureHint(Tr::tr("Start the NFS server %1 and let the cluster's hosts reach TCP port %2")
                                      .arg(m_paths.serverAddress).arg(m_paths.port));
            group->addTask(tagged(probe, m_probeMachine));
        }
        return group;
    }
    tagged(group, m_server);
    auto *directory = new ScriptStep(Tr::tr("Create the shared folder %1").arg(m_paths.exportPath), m_server,
                                     scripts.exportDirectoryExists(), scripts.createExportDirectory());
    directory->setFailureHint(Tr::tr("Create %1 on %2 by hand, or give the login user sudo rights")
                                  .arg(m_paths.exportPath, m_server->displayName()));
    if (!servesOtherHosts()) {
        group->addTask(tagged(directory, m_server));
        return group;
    }

    const Result<QString> exports = NfsConfigRenderer::exportsFile(share());
    GaneshaOptions options;
    options.bindAddress = isIpAddress(m_paths.serverAddress) ? m_paths.serverAddress : QString();
    options.port = m_paths.port;
    options.stateDir = m_paths.nfsDir;
    const Result<QString> ganesha = NfsConfigRenderer::ganeshaConfig(share(), options);
    if (!exports.ok() || !ganesha.ok()) {
        group->addTask(tagged(new FailedTask(Tr::tr("Write the NFS export"),
                                             exports.ok() ? ganesha.errorMessage() : exports.errorMessage()),
                              m_server));
        return group;
    }

    auto chosen = std::make_shared<ServerKind>(ServerKind::Ganesha);
    group->addTask(tagged(new ChooseServerTask(m_server, scripts, m_kind, chosen), m_server));

    auto *install = new ScriptStep(Tr::tr("Install the NFS server"), m_server,
                                   [chosen] { return *chosen == ServerKind::Kernel ? SharedFolderScripts::kernelServerInstalled()
                                                                                   : SharedFolderScripts::ganeshaInstalled(); },
                                   [chosen] { return *chosen == ServerKind::Kernel ? SharedFolderScripts::installKernelServer()
                                                                                   : SharedFolderScripts::installGanesha(); });
    install->setFailureHint(Tr::tr("Install nfs-ganesha and nfs-ganesha-vfs (or nfs-kernel-server, where the kernel "
                                   "has nfsd) on %1 by hand, or give the login user sudo rights")
                                .arg(m_server->displayName()));
    group->addTask(tagged(install, m_server));
    group->addTask(tagged(directory, m_server));

    const QString exportsPath = NfsConfigRenderer::exportsFilePath(m_spec.name);
    const QByteArray exportsContent = exports.value().toUtf8();
    const QByteArray ganeshaContent = ganesha.value().toUtf8();
    auto *write = new ScriptStep(
        Tr::tr("Export %1 to %2 only").arg(m_paths.exportPath, m_clients.join(QStringLiteral(", "))), m_server,
        [=] {
            return *chosen == ServerKind::Kernel ? scripts.fileHasContent(exportsPath, exportsContent)
                                                 : scripts.fileHasContent(scripts.ganeshaConfigPath(), ganeshaContent);
        },
        [=] {
            return *chosen == ServerKind::Kernel ? scripts.writeExportsFile(exportsPath, exportsContent)
                                                 : scripts.writeGaneshaConfig(ganeshaContent);
        });
    group->addTask(tagged(write, m_server));

    auto *serve = new ScriptStep(
        Tr::tr("Serve %1 over NFSv4 at %2").arg(m_paths.exportPath, scripts.url()), m_server,
        [=] { return *chosen == ServerKind::Kernel ? scripts.kernelServing() : scripts.ganeshaServing(); },
        [=] { return *chosen == ServerKind::Kernel ? scripts.startKernelServer() : scripts.startGanesha(); });
    serve->setFailureHint(Tr::tr("See the NFS server's log (nfs-ganesha: %1) and check that nothing else holds "
                                 "port %2 on %3")
                              .arg(scripts.ganeshaLogFile()).arg(m_paths.port).arg(m_server->displayName()));
    serve->setRetryPolicy({2, 2000});
    group->addTask(tagged(serve, m_server));
    return group;
}

Task *SharedFolderRecipe::mountStep(Machine *worker) const
{
    const SharedFolderScripts scripts = this->scripts();
    if (worker == m_server) {
        // The server's own host has the folder already; a bind mount when the paths differ.
        if (m_paths.mountPath == m_paths.exportPath)
            return tagged(new ScriptStep(Tr::tr("The shared folder is at %1 on this host").arg(m_paths.exportPath),
                                         worker, scripts.exportDirectoryExists(), scripts.createExportDirectory()),
                          worker);
        return tagged(new ScriptStep(Tr::tr("Show the shared folder at %1").arg(m_paths.mountPath), worker,
                                     scripts.mounted(), scripts.bindMount()),
                      worker);
    }
    return tagged(new MountStep(worker, scripts, m_paths.mountPath), worker);
}

Task *SharedFolderRecipe::verifyStep(Machine *worker) const
{
    return tagged(new VerifyTask(worker, m_server, scripts(), m_paths.mountPath), worker);
}

TaskGroup *SharedFolderRecipe::mountSteps(Machine *worker) const
{
    auto *group = new TaskGroup(Tr::tr("Shared folder on %1").arg(worker->displayName()), TaskGroup::Mode::Sequence,
                                TaskGroup::FailurePolicy::TolerateErrors);
    tagged(group, worker);
    group->addTask(mountStep(worker));
    if (worker != m_server)
        group->addTask(verifyStep(worker));
    return group;
}

TaskGroup *SharedFolderRecipe::verifySteps(const QList<Machine *> &workers) const
{
    auto *group = new TaskGroup(Tr::tr("Check the shared folder"), TaskGroup::Mode::Parallel,
                                TaskGroup::FailurePolicy::ContinueOnError);
    for (Machine *worker : workers) {
        if (worker != m_server)
            group->addTask(verifyStep(worker));
    }
    return group;
}

TaskGroup *SharedFolderRecipe::removeSteps(const QList<Machine *> &workers, bool deleteData) const
{
    auto *group = new TaskGroup(Tr::tr("Remove the shared folder"), TaskGroup::Mode::Sequence,
                                TaskGroup::FailurePolicy::ContinueOnError);
    const SharedFolderScripts scripts = this->scripts();
    auto *unmount = new TaskGroup(Tr::tr("Unmount the shared folder"), TaskGroup::Mode::Parallel,
                                  TaskGroup::FailurePolicy::ContinueOnError);
    QList<Machine *> seen;
    for (Machine *worker : workers) {
        if (seen.contains(worker))
            continue;
        seen << worker;
        unmount->addTask(tagged(new ScriptStep(Tr::tr("Unmount the shared folder at %1").arg(m_paths.mountPath), worker,
                                               CommandRequest{}, scripts.unmount()),
                                worker));
    }
    group->addTask(unmount);
    if (!m_server)
        return group;
    group->addTask(tagged(new ScriptStep(Tr::tr("Stop serving the shared folder"), m_server, CommandRequest{},
                                         scripts.stopServing(NfsConfigRenderer::exportsFilePath(m_spec.name))),
                          m_server));
    if (deleteData) {
        if (NfsConfigRenderer::isExportablePath(m_paths.exportPath))
            group->addTask(tagged(new ScriptStep(Tr::tr("Delete the shared folder's data in %1").arg(m_paths.exportPath),
                                                 m_server, CommandRequest{}, scripts.deleteExportData()),
                                  m_server));
        else
            group->addTask(tagged(new FailedTask(Tr::tr("Delete the shared folder's data"),
                                                 Tr::tr("'%1' is not a plain absolute path; delete it by hand")
                                                     .arg(m_paths.exportPath)),
                                  m_server));
    }
    return group;
}

} // namespace SparkDeck
