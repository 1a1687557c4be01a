#include "sftpfanout.h"

#include "ssh/remoteprocess.h"
#include "ssh/sftptransfer.h"
#include "ssh/shellcommand.h"
#include "ssh/sshlogging.h"
#include "ssh/sshsessionpool.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace SparkDeck {

namespace {

constexpr int kFoldersPerCommand = 200;

int unixMode(const QFileInfo &info)
{
    const QFileDevice::Permissions p = info.permissions();
    int mode = 0;
    mode |= p & QFileDevice::ReadOwner ? 0400 : 0;
    mode |= p & QFileDevice::WriteOwner ? 0200 : 0;
    mode |= p & QFileDevice::ExeOwner ? 0100 : 0;
    mode |= p & QFileDevice::ReadGroup ? 0040 : 0;
    mode |= p & QFileDevice::WriteGroup ? 0020 : 0;
    mode |= p & QFileDevice::ExeGroup ? 0010 : 0;
    mode |= p & QFileDevice::ReadOther ? 0004 : 0;
    mode |= p & QFileDevice::WriteOther ? 0002 : 0;
    mode |= p & QFileDevice::ExeOther ? 0001 : 0;
    return mode ? mode : 0644;
}

// "~/x" and "x" are both in the home folder (where SFTP and commands start); no trailing '/'.
QString remoteRoot(const QString &destination)
{
    QString path = destination;
    if (path == QLatin1String("~") || path.isEmpty())
        return QStringLiteral(".");
    if (path.startsWith(QLatin1String("~/")))
        path = path.mid(2);
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.isEmpty() ? QStringLiteral(".") : path;
}

QString joinRemote(const QString &folder, const QString &name)
{
    if (folder == QLatin1String("."))
        return name;
    if (folder.endsWith(QLatin1Char('/')))
        return folder + name;
    return folder + QLatin1Char('/') + name;
}

QString remoteParent(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    if (slash == 0)
        return QStringLiteral("/");
    return path.left(slash);
}

} // namespace

SftpFanOut::SftpFanOut(SshSessionPool *pool, QObject *parent) : QObject(parent), m_pool(pool)
{
    qRegisterMetaType<SparkDeck::SftpFanOut::HostResult>();
}

SftpFanOut::~SftpFanOut()
{
    for (Host &host : m_hosts) {
        for (auto it = host.inFlight.cbegin(); it != host.inFlight.cend(); ++it) {
            it.key()->disconnect(this);
            delete it.key();
        }
        host.inFlight.clear();
        if (host.prepare) {
            host.prepare->disconnect(this);
            delete host.prepare;
        }
    }
}

QString SftpFanOut::scanSource()
{
    m_files.clear();
    m_folders.clear();
    m_skipped.clear();
    m_totalBytes = 0;
    const QFileInfo source(m_source);
    if (!source.exists())
        return tr("Cannot copy %1: there is no such file or folder.")
            .arg(QDir::toNativeSeparators(m_source));
    if (source.isFile()) {
        m_sourceIsFolder = false;
        m_files << LocalFile{source.absoluteFilePath(), source.fileName(), source.size(), unixMode(source)};
        m_totalBytes = source.size();
        return QString();
    }
    if (!source.isDir())
        return tr("Cannot copy %1: it is neither a file nor a folder.")
            .arg(QDir::toNativeSeparators(m_source));
    if (!source.isReadable() || !source.isExecutable())
        return tr("Cannot read the folder %1.").arg(QDir::toNativeSeparators(m_source));
    m_sourceIsFolder = true;
    const QDir root(source.absoluteFilePath());
    QDirIterator it(root.absolutePath(),
                    QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo entry = it.fileInfo();
        const QString relative = root.relativeFilePath(entry.absoluteFilePath());
        if (entry.isSymLink() && !entry.isFile()) {
            m_skipped << relative; // a link to a folder (or a dangling one): never followed
        } else if (entry.isDir()) {
            m_folders << relative;
        } else if (entry.isFile()) {
            m_files << LocalFile{entry.absoluteFilePath(), relative, entry.size(), unixMode(entry)};
            m_totalBytes += entry.size();
        } else {
            m_skipped << relative; // socket, device, pipe
        }
    }
    std::sort(m_folders.begin(), m_folders.end());
    std::sort(m_files.begin(), m_files.end(),
              [](const LocalFile &a, const LocalFile &b) { return a.relative < b.relative; });
    std::sort(m_skipped.begin(), m_skipped.end());
    return QString();
}

QString SftpFanOut::remotePathFor(const LocalFile &file, int index) const
{
    if (!m_sourceIsFolder)
        return m_hosts.at(index).remoteFile;
    return joinRemote(remoteRoot(m_destination), file.relative);
}

void SftpFanOut::start()
{
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    m_done = 0;
    m_hosts = QList<Host>(m_targets.size());
    m_results = QList<HostResult>(m_targets.size());
    const QString problem = scanSource();
    if (m_targets.isEmpty() || !problem.isEmpty()) {
        m_next = int(m_targets.size());
        QPointer<SftpFanOut> self(this);
        for (int index = 0; index < m_targets.size() && self; ++index)
            finishHost(index, problem);
        if (self && m_running) {
            m_running = false;
            Q_EMIT finished();
        }
        return;
    }
    startMore();
}

void SftpFanOut::startMore()
{
    QPointer<SftpFanOut> self(this);
    while (self && m_running && m_next < m_targets.size() && m_next - m_done < m_parallelism)
        startHost(m_next++);
}

void SftpFanOut::startHost(int index)
{
    Host &host = m_hosts[index];
    host.started = true;
    SshSession *session = m_pool->session(m_targets.at(index));
    Q_EMIT hostStarted(index);
    if (host.done)
        return;

    ShellCommand command(QStringLiteral("true"));
    QString script;
    const QString root = remoteRoot(m_destination);
    if (m_sourceIsFolder) {
        QList<ShellCommand> batches;
        QStringList folders{root};
        for (const QString &folder : std::as_const(m_folders))
            folders << joinRemote(root, folder);
        for (qsizetype i = 0; i < folders.size(); i += kFoldersPerCommand)
            batches << ShellCommand(QStringLiteral("mkdir"), QStringList{QStringLiteral("-p"), QStringLiteral("--")}
                                                                 + folders.mid(i, kFoldersPerCommand));
        script = ShellCommand::allOf(batches);
    } else {
        const QString name = m_files.first().relative;
        if (m_destination.endsWith(QLatin1Char('/')) || root == QLatin1String(".")) {
            host.remoteFile = joinRemote(root, name);
            script = ShellCommand(QStringLiteral("mkdir"), {QStringLiteral("-p"), QStringLiteral("--"), root}).toString();
        } else {
            // Into an existing folder under the file's own name, like cp and scp.
            host.remoteFile = root;
            script = ShellCommand(QStringLiteral("sh"),
                                  {QStringLiteral("-c"),
                                   QStringLiteral("mkdir -p -- \"$1\" && if [ -d \"$2\" ]; then echo "
                                                  "sparkdeck-folder; fi"),
                                   QStringLiteral("sparkdeck-copy"), remoteParent(root), root})
                         .toString();
        }
    }
    auto *prepare = new RemoteProcess(session, this);
    host.prepare = prepare;
    prepare->setScript(script);
    connect(prepare, &RemoteProcess::finished, this,
            [this, index](const ExecResult &result) { handlePrepared(index, result); });
    prepare->start();
}

void SftpFanOut::handlePrepared(int index, const ExecResult &result)
{
    Host &host = m_hosts[index];
    if (host.prepare) {
        host.prepare->disconnect(this);
        host.prepare->deleteLater();
        host.prepare = nullptr;
    }
    if (host.done)
        return;
    const SshTarget &target = m_targets.at(index);
    if (!result.succeeded()) {
        const QString detail = QString::fromUtf8(result.standardError.trimmed());
        finishHost(index, !result.finished() ? result.error
                                             : tr("Cannot create the folder %1 on %2: %3")
                                                   .arg(m_sourceIsFolder ? remoteRoot(m_destination)
                                                                         : remoteParent(host.remoteFile),
                                                        target.host,
                                                        detail.isEmpty() ? result.summary() : detail));
        return;
    }
    if (!m_sourceIsFolder && result.standardOutput.contains("sparkdeck-folder"))
        host.remoteFile = joinRemote(host.remoteFile, m_files.first().relative);
    pumpHost(index);
}

void SftpFanOut::pumpHost(int index)
{
    Host &host = m_hosts[index];
    if (host.done)
        return;
    SshSession *session = m_pool->session(m_targets.at(index));
    while (host.inFlight.size() < m_filesPerHost
           && (!host.retry.isEmpty() || host.nextFile < m_files.size())) {
        const bool again = !host.retry.isEmpty();
        const int fileIndex = again ? host.retry.takeFirst() : host.nextFile++;
        const LocalFile &file = m_files.at(fileIndex);
        const QString remote = remotePathFor(file, index);
        auto *transfer = new SftpTransfer(session, this);
        transfer->setUpload(file.path, remote);
        transfer->setRemoteMode(file.mode);
        transfer->setCreateDirectories(false);
        transfer->setResume(!again);
        transfer->setProperty("sparkdeckFile", fileIndex);
        host.inFlight.insert(transfer, 0);
        connect(transfer, &SftpTransfer::progress, this, [this, index, transfer](qint64 done, qint64) {
            Host &h = m_hosts[index];
            if (h.done || !h.inFlight.contains(transfer))
                return;
            h.inFlight[transfer] = done;
            qint64 sum = h.bytesPlaced;
            for (qint64 bytes : std::as_const(h.inFlight))
                sum += bytes;
            Q_EMIT hostProgress(index, sum, m_totalBytes);
        });
        connect(transfer, &SftpTransfer::finished, this,
                [this, index, transfer, remote](const QString &error) {
                    handleTransferFinished(index, transfer, remote, error);
                });
        transfer->start();
    }
    if (host.inFlight.isEmpty() && host.retry.isEmpty() && host.nextFile >= m_files.size())
        finishHost(index, QString());
}

void SftpFanOut::handleTransferFinished(int index, SftpTransfer *transfer, const QString &remote,
                                        const QString &error)
{
    Host &host = m_hosts[index];
    transfer->disconnect(this);
    transfer->deleteLater();
    if (!host.inFlight.remove(transfer) || host.done)
        return;
    if (!error.isEmpty()) {
        // A part file left by an earlier copy of different bytes fails the checksum after a
        // resume (and is removed): that file starts once more from zero.
        const int fileIndex = transfer->property("sparkdeckFile").toInt();
        const SshSession *session = m_pool->session(m_targets.at(index));
        if (transfer->resumedFrom() > 0 && session->isConnected() && !host.retried.contains(fileIndex)) {
            qCInfo(lcSsh) << m_targets.at(index).displayName() << "copying" << remote
                          << "again from the start:" << error;
            host.retried.insert(fileIndex);
            host.retry << fileIndex;
            pumpHost(index);
            return;
        }
        finishHost(index, error);
        return;
    }
    host.bytesPlaced += transfer->bytesTotal();
    m_results[index].files += 1;
    m_results[index].bytes += transfer->bytesTotal();
    QPointer<SftpFanOut> self(this);
    Q_EMIT fileCopied(index, remote);
    if (!self)
        return;
    qint64 sum = host.bytesPlaced;
    for (qint64 bytes : std::as_const(host.inFlight))
        sum += bytes;
    Q_EMIT hostProgress(index, sum, m_totalBytes);
    if (!self)
        return;
    pumpHost(index);
}

void SftpFanOut::finishHost(int index, const QString &error)
{
    Host &host = m_hosts[index];
    if (host.done)
        return;
    host.done = true;
    const QList<SftpTransfer *> running = host.inFlight.keys();
    host.inFlight.clear();
    for (SftpTransfer *transfer : running) {
        transfer->disconnect(this);
        transfer->cancel();
        transfer->deleteLater();
    }
    if (host.prepare) {
        host.prepare->disconnect(this);
        host.prepare->cancel();
        host.prepare->deleteLater();
        host.prepare = nullptr;
    }
    HostResult &result = m_results[index];
    result.error = error;
    if (!error.isEmpty() && host.started) {
        // A connection that failed or broke leaves the session disconnected; a file problem does not.
        const SshSession *session = m_pool->session(m_targets.at(index));
        result.unreachable = !session->isConnected();
    }
    if (!error.isEmpty())
        qCDebug(lcSsh) << m_targets.at(index).displayName() << "copy failed:" << error;
    ++m_done;
    QPointer<SftpFanOut> self(this);
    Q_EMIT hostFinished(index, result);
    if (!self || !m_running)
        return;
    if (m_done == m_targets.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    startMore();
}

void SftpFanOut::cancel()
{
    if (!m_running)
        return;
    QPointer<SftpFanOut> self(this);
    m_next = int(m_targets.size()); // nothing new starts
    for (int index = 0; index < m_targets.size() && self; ++index)
        finishHost(index, tr("Cancelled."));
}

} // namespace SparkDeck
