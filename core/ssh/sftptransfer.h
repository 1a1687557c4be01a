#pragma once

#include "ssh/sshchannelclient.h"
#include "ssh/sshsession.h"

#include <QFile>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

typedef struct _LIBSSH2_SFTP LIBSSH2_SFTP;
typedef struct _LIBSSH2_SFTP_HANDLE LIBSSH2_SFTP_HANDLE;

namespace SparkDeck {

class Digest;
class RemoteProcess;
class ShellCommand;
struct ExecResult;

/// One file copied over SFTP on the host's shared SshSession, upload or download, with
/// progress, resume of an interrupted copy, a checksum compared on both ends, and atomic
/// placement: data goes to `.<name>.sparkdeck-part` next to the destination, which is renamed
/// over the destination only after the checksums agree. A half-copied file is never seen
/// under the final name.
///
/// Rules: non-blocking like every channel user; finished() comes exactly once; resume trusts
/// the part file's size and the final checksum catches any difference (the part file is then
/// removed, so the next attempt starts from zero).
class SftpTransfer : public QObject, private Internal::SshChannelClient
{
    Q_OBJECT
public:
    enum class Direction { Upload, Download };
    enum class Checksum { Sha256, Sha512 };

    explicit SftpTransfer(SshSession *session, QObject *parent = nullptr);
    ~SftpTransfer() override;

    void setUpload(const QString &localPath, const QString &remotePath);
    void setDownload(const QString &remotePath, const QString &localPath);
    void setResume(bool resume) { m_resume = resume; }
    void setChecksum(Checksum checksum) { m_checksum = checksum; }
    /// Permissions of an uploaded file (default 0644).
    void setRemoteMode(int mode) { m_mode = mode; }
    /// Create the destination's directory first (default true).
    void setCreateDirectories(bool create) { m_createDirectories = create; }

    static QString partPath(const QString &path);

    void start();
    void cancel();
    bool isRunning() const { return m_phase != Phase::Idle && m_phase != Phase::Done; }

    QString errorMessage() const { return m_error; }
    qint64 bytesTotal() const { return m_total; }
    /// Where a resumed transfer started (0 for a fresh one).
    qint64 resumedFrom() const { return m_resumedFrom; }
    /// Lowercase hex checksum of the file, equal on both ends after a successful transfer.
    QString checksum() const { return m_checksumHex; }

Q_SIGNALS:
    void progress(qint64 bytesDone, qint64 bytesTotal);
    /// `error` is empty on success.
    void finished(const QString &error);

private:
    enum class Phase {
        Idle, MakeDirectory, WaitingForSlot, InitSftp, StatSource, StatPart, HashPrefix,
        OpenTarget, Transfer, CloseHandle, Verify, Place, Done
    };

    bool pumpChannel() override;
    void sessionClosed(const QString &reason) override;

    bool stepSftp();
    void runRemote(const ShellCommand &command, std::function<void(const ExecResult &)> then);
    void hashPrefixChunk();
    void verify();
    void place();
    void finish(const QString &error);
    void releaseSftp();
    QString sftpError(const QString &what, const QString &path) const;

    QPointer<SshSession> m_session;
    Direction m_direction = Direction::Upload;
    QString m_local;
    QString m_remote;
    bool m_resume = true;
    Checksum m_checksum = Checksum::Sha256;
    int m_mode = 0644;
    bool m_createDirectories = true;

    Phase m_phase = Phase::Idle;
    QString m_error;
    LIBSSH2_SFTP *m_sftp = nullptr;
    LIBSSH2_SFTP_HANDLE *m_handle = nullptr;
    bool m_holdsSlot = false;
    bool m_attached = false;
    QFile m_file;
    std::unique_ptr<Digest> m_hash;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_resumedFrom = 0;
    qint64 m_hashed = 0;
    QByteArray m_buffer;
    qsizetype m_bufferPos = 0;
    QString m_checksumHex;
    QPointer<RemoteProcess> m_remoteProcess;
};

} // namespace SparkDeck
