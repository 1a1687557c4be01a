#pragma once

#include "ssh/sshtarget.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace SparkDeck {

class RemoteProcess;
class SftpTransfer;
class SshSessionPool;
struct ExecResult;

/// Copies one local file or folder tree to many hosts over SFTP, on each host's shared session
/// from an SshSessionPool: hosts in parallel (bounded), a few files at once per host, progress
/// and one result per host.
///
/// Where things go: a file goes to the destination path, or into it under its own name when
/// the destination ends with '/' or is a folder on the host; a folder's contents go into the
/// destination folder, which is created (like `rsync -r folder/ destination`). A relative
/// destination (or one starting with `~/`) is in the user's home.
///
/// Rules: every file is placed atomically and checked on both ends (SftpTransfer: part file,
/// checksum, rename), so a host never shows a half-copied file under its real name; permission
/// bits are kept. Links to files are copied as files; links to folders, sockets and devices are
/// skipped and listed in skipped(). A file whose resumed copy fails its checksum (a part file
/// left by an earlier copy of other bytes) is copied once more from zero. A failing host never
/// stops the others, and stops at its first failed file. cancel() ends every host at once; finished() comes exactly once.
class SftpFanOut : public QObject
{
    Q_OBJECT
public:
    struct HostResult
    {
        QString error;             ///< empty when every file arrived
        bool unreachable = false;  ///< the connection failed or was lost (not a file problem)
        int files = 0;             ///< files placed
        qint64 bytes = 0;          ///< their bytes
        bool succeeded() const { return error.isEmpty(); }
    };

    explicit SftpFanOut(SshSessionPool *pool, QObject *parent = nullptr);
    ~SftpFanOut() override;

    void setTargets(const QList<SshTarget> &targets) { m_targets = targets; }
    void setSource(const QString &localPath) { m_source = localPath; }
    void setDestination(const QString &remotePath) { m_destination = remotePath; }
    /// Hosts at work at once (default 32).
    void setParallelism(int hosts) { m_parallelism = qMax(1, hosts); }
    /// Files in flight at once on one host (default 4; each takes a channel while it runs).
    void setFilesPerHost(int files) { m_filesPerHost = qMax(1, files); }

    const QList<SshTarget> &targets() const { return m_targets; }
    /// In the order of targets(); valid once finished().
    const QList<HostResult> &results() const { return m_results; }
    /// What the source holds, known after start().
    int totalFiles() const { return int(m_files.size()); }
    qint64 totalBytes() const { return m_totalBytes; }
    QStringList skipped() const { return m_skipped; }
    bool isRunning() const { return m_running; }

    void start();
    void cancel();

Q_SIGNALS:
    void hostStarted(int index);
    void hostProgress(int index, qint64 bytesDone, qint64 bytesTotal);
    void fileCopied(int index, const QString &remotePath);
    void hostFinished(int index, const SparkDeck::SftpFanOut::HostResult &result);
    void finished();

private:
    struct LocalFile
    {
        QString path;     ///< on this machine
        QString relative; ///< below the source folder ("" for a single-file source)
        qint64 size = 0;
        int mode = 0644;
    };
    struct Host
    {
        bool started = false;
        bool done = false;
        QString remoteFile; ///< single-file source: where it goes on this host
        int nextFile = 0;
        QList<int> retry;     ///< files to copy again from zero
        QSet<int> retried;
        qint64 bytesPlaced = 0;
        QHash<SftpTransfer *, qint64> inFlight; ///< bytes done of each running transfer
        QPointer<RemoteProcess> prepare;
    };

    QString scanSource();
    QString remotePathFor(const LocalFile &file, int index) const;
    void startMore();
    void startHost(int index);
    void handlePrepared(int index, const ExecResult &result);
    void pumpHost(int index);
    void handleTransferFinished(int index, SftpTransfer *transfer, const QString &remote,
                                const QString &error);
    void finishHost(int index, const QString &error);

    SshSessionPool *m_pool;
    QList<SshTarget> m_targets;
    QString m_source;
    QString m_destination;
    int m_parallelism = 32;
    int m_filesPerHost = 4;

    bool m_running = false;
    bool m_sourceIsFolder = false;
    QList<LocalFile> m_files;
    QStringList m_folders; ///< relative folders to create below the destination
    QStringList m_skipped;
    qint64 m_totalBytes = 0;
    QList<Host> m_hosts;
    QList<HostResult> m_results;
    int m_next = 0;
    int m_done = 0;
};

} // namespace SparkDeck

Q_DECLARE_METATYPE(SparkDeck::SftpFanOut::HostResult)
