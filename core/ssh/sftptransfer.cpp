#include "sftptransfer.h"

#include "ssh/remoteprocess.h"
#include "ssh/shellcommand.h"
#include "ssh/sshlogging.h"
#include "util/digest.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <libssh2.h>
#include <libssh2_sftp.h>

#include <cstdio>

namespace SparkDeck {

namespace {

constexpr qsizetype kChunk = 1024 * 1024;
constexpr qint64 kHashSlice = 8 * 1024 * 1024;

QString remoteDirectory(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral(".");
    if (slash == 0)
        return QStringLiteral("/");
    return path.left(slash);
}

} // namespace

SftpTransfer::SftpTransfer(SshSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
}

SftpTransfer::~SftpTransfer()
{
    if (m_remoteProcess)
        delete m_remoteProcess;
    releaseSftp();
    if (m_session && m_attached)
        m_session->detachClient(this);
}

void SftpTransfer::setUpload(const QString &localPath, const QString &remotePath)
{
    m_direction = Direction::Upload;
    m_local = localPath;
    m_remote = remotePath;
}

void SftpTransfer::setDownload(const QString &remotePath, const QString &localPath)
{
    m_direction = Direction::Download;
    m_local = localPath;
    m_remote = remotePath;
}

QString SftpTransfer::partPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return path.left(slash + 1) + QLatin1Char('.') + path.mid(slash + 1)
           + QStringLiteral(".sparkdeck-part");
}

void SftpTransfer::start()
{
    if (isRunning())
        return;
    m_error.clear();
    m_checksumHex.clear();
    m_done = m_total = m_resumedFrom = m_hashed = 0;
    m_buffer.clear();
    m_bufferPos = 0;
    m_hash = std::make_unique<Digest>(m_checksum == Checksum::Sha256 ? Digest::Algorithm::Sha256
                                                                     : Digest::Algorithm::Sha512);
    m_phase = Phase::MakeDirectory;
    if (!m_session) {
        QTimer::singleShot(0, this, [this] { finish(tr("No SSH session.")); });
        return;
    }
    if (m_direction == Direction::Upload) {
        m_file.setFileName(m_local);
        if (!m_file.open(QIODevice::ReadOnly)) {
            const QString error = tr("Cannot read %1: %2")
                                      .arg(QDir::toNativeSeparators(m_local), m_file.errorString());
            QTimer::singleShot(0, this, [this, error] { finish(error); });
            return;
        }
        m_total = m_file.size();
        if (m_createDirectories) {
            runRemote(ShellCommand(QStringLiteral("mkdir"),
                                   {QStringLiteral("-p"), QStringLiteral("--"), remoteDirectory(m_remote)}),
                      [this](const ExecResult &result) {
                          if (!result.succeeded()) {
                              finish(tr("Cannot create the directory %1 on %2: %3")
                                         .arg(remoteDirectory(m_remote), m_session->target().host,
                                              QString::fromUtf8(result.standardError.trimmed())
                                                  + result.error));
                              return;
                          }
                          m_phase = Phase::WaitingForSlot;
                          m_session->schedulePump();
                      });
            return;
        }
    } else if (m_createDirectories) {
        QDir().mkpath(QFileInfo(m_local).absolutePath());
    }
    m_phase = Phase::WaitingForSlot;
    m_attached = true;
    m_session->attachClient(this);
    if (m_session->state() == SshSession::State::Disconnected)
        m_session->connectToHost();
    else
        m_session->schedulePump();
}

void SftpTransfer::runRemote(const ShellCommand &command,
                             std::function<void(const ExecResult &)> then)
{
    auto *process = new RemoteProcess(m_session, this);
    m_remoteProcess = process;
    process->setCommand(command);
    connect(process, &RemoteProcess::finished, this,
            [this, process, then = std::move(then)](const ExecResult &result) {
                process->deleteLater();
                if (m_phase == Phase::Done)
                    return;
                then(result);
            });
    if (!m_attached) {
        m_attached = true;
        m_session->attachClient(this);
    }
    process->start();
}

QString SftpTransfer::sftpError(const QString &what, const QString &path) const
{
    QString detail;
    if (m_sftp) {
        switch (libssh2_sftp_last_error(m_sftp)) {
        case LIBSSH2_FX_NO_SUCH_FILE:
            detail = tr("no such file or directory");
            break;
        case LIBSSH2_FX_PERMISSION_DENIED:
            detail = tr("permission denied");
            break;
        case LIBSSH2_FX_NO_SPACE_ON_FILESYSTEM:
        case LIBSSH2_FX_QUOTA_EXCEEDED:
            detail = tr("no space left on the device");
            break;
        default:
            detail = m_session ? m_session->lastLibssh2Error() : QString();
        }
    }
    return tr("%1 %2 on %3 failed: %4")
        .arg(what, path, m_session ? m_session->target().host : QString(), detail);
}

bool SftpTransfer::pumpChannel()
{
    if (!m_session || !m_session->isConnected())
        return false;
    bool progress = false;
    QPointer<SftpTransfer> self(this);
    while (self && m_phase != Phase::Done) {
        const Phase before = m_phase;
        const qint64 doneBefore = m_done;
        if (!stepSftp())
            break;
        if (!self)
            return true;
        progress = true;
        if (m_phase == before && m_done == doneBefore)
            break;
    }
    return progress;
}

// One step of the SFTP state machine; false when waiting (EAGAIN) or not in an SFTP phase.
bool SftpTransfer::stepSftp()
{
    LIBSSH2_SESSION *session = m_session->handle();
    const QByteArray remote = m_remote.toUtf8();
    const QByteArray part = partPath(m_remote).toUtf8();
    switch (m_phase) {
    case Phase::WaitingForSlot:
        if (!m_session->acquireChannelSlot())
            return false;
        m_holdsSlot = true;
        m_phase = Phase::InitSftp;
        return true;
    case Phase::InitSftp: {
        // libssh2 keeps one pending channel open and one SFTP start per session: take turns.
        if (!m_session->acquireOpenTurn(this, SshSession::OpenKind::Sftp))
            return false;
        m_sftp = libssh2_sftp_init(session);
        const int code = m_sftp ? 0 : libssh2_session_last_errno(session);
        if (code != LIBSSH2_ERROR_EAGAIN)
            m_session->releaseOpenTurn(this);
        if (!m_sftp) {
            if (code == LIBSSH2_ERROR_EAGAIN)
                return false;
            const QString detail = m_session->lastLibssh2Error();
            if (!m_session->handleLibssh2Error(code, QString()))
                finish(tr("%1 refused SFTP: %2 (is the sftp subsystem enabled in sshd_config?)")
                           .arg(m_session->target().host, detail));
            return true;
        }
        m_phase = m_direction == Direction::Upload ? Phase::StatPart : Phase::StatSource;
        return true;
    }
    case Phase::StatSource: { // download: how big is the remote file
        LIBSSH2_SFTP_ATTRIBUTES attributes{};
        const int rc = libssh2_sftp_stat_ex(m_sftp, remote.constData(), unsigned(remote.size()),
                                            LIBSSH2_SFTP_STAT, &attributes);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        if (rc != 0) {
            if (!m_session->handleLibssh2Error(rc, QString()))
                finish(sftpError(tr("Reading"), m_remote));
            return true;
        }
        m_total = qint64(attributes.filesize);
        m_phase = Phase::StatPart;
        return true;
    }
    case Phase::StatPart: {
        qint64 partSize = 0;
        if (m_direction == Direction::Upload) {
            if (m_resume) {
                LIBSSH2_SFTP_ATTRIBUTES attributes{};
                const int rc = libssh2_sftp_stat_ex(m_sftp, part.constData(), unsigned(part.size()),
                                                    LIBSSH2_SFTP_STAT, &attributes);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return false;
                if (rc == 0)
                    partSize = qint64(attributes.filesize);
                else if (m_session->handleLibssh2Error(rc, QString()))
                    return true;
            }
        } else {
            m_file.setFileName(partPath(m_local));
            if (m_resume && m_file.exists())
                partSize = m_file.size();
        }
        m_resumedFrom = partSize <= m_total ? partSize : 0;
        if (m_direction == Direction::Download) {
            const QIODevice::OpenMode mode = m_resumedFrom > 0 ? QIODevice::ReadWrite
                                                               : QIODevice::ReadWrite | QIODevice::Truncate;
            if (!m_file.open(mode)) {
                finish(tr("Cannot write %1: %2")
                           .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
                return true;
            }
            if (m_resumedFrom > 0)
                m_file.resize(m_resumedFrom);
        }
        if (m_resumedFrom > 0)
            qCInfo(lcSsh) << "resuming" << m_remote << "on" << m_session->target().host << "at"
                          << m_resumedFrom;
        m_phase = Phase::HashPrefix;
        m_file.seek(0);
        QTimer::singleShot(0, this, &SftpTransfer::hashPrefixChunk);
        return true;
    }
    case Phase::HashPrefix:
        return false; // hashPrefixChunk() moves on
    case Phase::OpenTarget: {
        if (m_direction == Direction::Upload) {
            unsigned long flags = LIBSSH2_FXF_WRITE | LIBSSH2_FXF_CREAT;
            if (m_resumedFrom == 0)
                flags |= LIBSSH2_FXF_TRUNC;
            m_handle = libssh2_sftp_open_ex(m_sftp, part.constData(), unsigned(part.size()), flags,
                                            long(m_mode), LIBSSH2_SFTP_OPENFILE);
        } else {
            m_handle = libssh2_sftp_open_ex(m_sftp, remote.constData(), unsigned(remote.size()),
                                            LIBSSH2_FXF_READ, 0, LIBSSH2_SFTP_OPENFILE);
        }
        if (!m_handle) {
            const int code = libssh2_session_last_errno(session);
            if (code == LIBSSH2_ERROR_EAGAIN)
                return false;
            if (!m_session->handleLibssh2Error(code, QString()))
                finish(sftpError(m_direction == Direction::Upload ? tr("Writing") : tr("Reading"),
                                 m_direction == Direction::Upload ? partPath(m_remote) : m_remote));
            return true;
        }
        libssh2_sftp_seek64(m_handle, libssh2_uint64_t(m_resumedFrom));
        m_file.seek(m_resumedFrom);
        m_done = m_resumedFrom;
        m_phase = Phase::Transfer;
        return true;
    }
    case Phase::Transfer: {
        if (m_direction == Direction::Upload) {
            if (m_bufferPos >= m_buffer.size()) {
                m_buffer = m_file.read(kChunk);
                m_bufferPos = 0;
                if (m_buffer.isEmpty()) {
                    if (m_file.error() != QFileDevice::NoError) {
                        finish(tr("Reading %1 failed: %2").arg(m_local, m_file.errorString()));
                        return true;
                    }
                    m_phase = Phase::CloseHandle;
                    return true;
                }
                m_hash->addData(m_buffer);
            }
            const ssize_t written = libssh2_sftp_write(m_handle, m_buffer.constData() + m_bufferPos,
                                                       size_t(m_buffer.size() - m_bufferPos));
            if (written == LIBSSH2_ERROR_EAGAIN)
                return false;
            if (written < 0) {
                if (!m_session->handleLibssh2Error(int(written), QString()))
                    finish(sftpError(tr("Writing"), partPath(m_remote)));
                return true;
            }
            m_bufferPos += written;
            m_done += written;
        } else {
            m_buffer.resize(kChunk);
            const ssize_t n = libssh2_sftp_read(m_handle, m_buffer.data(), size_t(m_buffer.size()));
            if (n == LIBSSH2_ERROR_EAGAIN)
                return false;
            if (n < 0) {
                if (!m_session->handleLibssh2Error(int(n), QString()))
                    finish(sftpError(tr("Reading"), m_remote));
                return true;
            }
            if (n == 0) {
                m_phase = Phase::CloseHandle;
                return true;
            }
            const QByteArrayView data(m_buffer.constData(), n);
            if (m_file.write(data.data(), n) != n) {
                finish(tr("Writing %1 failed: %2").arg(m_file.fileName(), m_file.errorString()));
                return true;
            }
            m_hash->addData(data);
            m_done += n;
        }
        QPointer<SftpTransfer> self(this);
        Q_EMIT progress(m_done, m_total);
        return self != nullptr;
    }
    case Phase::CloseHandle: {
        const int rc = libssh2_sftp_close_handle(m_handle);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return false;
        m_handle = nullptr;
        if (rc != 0 && m_session->handleLibssh2Error(rc, QString()))
            return true;
        m_file.close();
        releaseSftp();
        m_phase = Phase::Verify;
        verify();
        return true;
    }
    default:
        return false;
    }
}

void SftpTransfer::hashPrefixChunk()
{
    if (m_phase != Phase::HashPrefix)
        return;
    const qint64 want = qMin(kHashSlice, m_resumedFrom - m_hashed);
    if (want > 0) {
        const QByteArray data = m_file.read(want);
        if (data.size() != want) {
            finish(tr("Reading %1 failed: %2").arg(m_file.fileName(), m_file.errorString()));
            return;
        }
        m_hash->addData(data);
        m_hashed += want;
        QTimer::singleShot(0, this, &SftpTransfer::hashPrefixChunk);
        return;
    }
    m_phase = Phase::OpenTarget;
    if (m_session)
        m_session->schedulePump();
}

void SftpTransfer::verify()
{
    m_checksumHex = QString::fromLatin1(m_hash->result().toHex());
    const QString tool = m_checksum == Checksum::Sha256 ? QStringLiteral("sha256sum")
                                                        : QStringLiteral("sha512sum");
    const QString remoteFile = m_direction == Direction::Upload ? partPath(m_remote) : m_remote;
    runRemote(ShellCommand(tool, {QStringLiteral("--"), remoteFile}), [this, tool, remoteFile](const ExecResult &result) {
        if (!result.succeeded()) {
            finish(tr("Cannot compute the checksum of %1 on %2 (%3): %4")
                       .arg(remoteFile, m_session->target().host, tool,
                            result.error + QString::fromUtf8(result.standardError.trimmed())));
            return;
        }
        QString remoteSum = QString::fromLatin1(result.standardOutput).section(QLatin1Char(' '), 0, 0).trimmed().toLower();
        // GNU sha256sum escapes a name with a newline or backslash and then starts the line with '\'.
        if (remoteSum.startsWith(QLatin1Char('\\')))
            remoteSum.remove(0, 1);
        if (remoteSum != m_checksumHex) {
            const QString message =
                tr("The copy of %1 on %2 is damaged: its %3 is %4, expected %5. The partial "
                   "file was removed; copy again.")
                    .arg(m_direction == Direction::Upload ? m_remote : m_local,
                         m_direction == Direction::Upload ? m_session->target().host
                                                          : tr("this computer"),
                         tool, remoteSum, m_checksumHex);
            // Start from zero next time.
            if (m_direction == Direction::Upload) {
                runRemote(ShellCommand(QStringLiteral("rm"),
                                       {QStringLiteral("-f"), QStringLiteral("--"), remoteFile}),
                          [this, message](const ExecResult &) { finish(message); });
            } else {
                QFile::remove(partPath(m_local));
                finish(message);
            }
            return;
        }
        m_phase = Phase::Place;
        place();
    });
}

void SftpTransfer::place()
{
    if (m_direction == Direction::Upload) {
        runRemote(ShellCommand(QStringLiteral("mv"), {QStringLiteral("-f"), QStringLiteral("--"),
                                                      partPath(m_remote), m_remote}),
                  [this](const ExecResult &result) {
                      if (!result.succeeded()) {
                          finish(tr("Cannot move %1 into place on %2: %3")
                                     .arg(m_remote, m_session->target().host,
                                          result.error + QString::fromUtf8(result.standardError.trimmed())));
                          return;
                      }
                      finish(QString());
                  });
        return;
    }
    // rename(2) replaces the destination atomically.
    const QByteArray from = QFile::encodeName(partPath(m_local));
    const QByteArray to = QFile::encodeName(m_local);
    if (std::rename(from.constData(), to.constData()) != 0) {
        finish(tr("Cannot move %1 into place: %2")
                   .arg(QDir::toNativeSeparators(m_local), QString::fromLocal8Bit(strerror(errno))));
        return;
    }
    finish(QString());
}

void SftpTransfer::releaseSftp()
{
    if (m_handle && m_session && m_session->handle()) {
        libssh2_sftp_close_handle(m_handle); // best effort; the session frees it otherwise
    }
    m_handle = nullptr;
    if (m_sftp && m_session && m_session->handle()) {
        if (libssh2_sftp_shutdown(m_sftp) == LIBSSH2_ERROR_EAGAIN)
            qCDebug(lcSsh) << "SFTP channel left to the session to close";
    }
    m_sftp = nullptr;
    if (m_holdsSlot && m_session)
        m_session->releaseChannelSlot();
    m_holdsSlot = false;
}

void SftpTransfer::sessionClosed(const QString &reason)
{
    m_handle = nullptr;
    m_sftp = nullptr;
    m_holdsSlot = false;
    m_attached = false;
    if (m_session)
        m_session->detachClient(this);
    if (isRunning())
        finish(reason);
}

void SftpTransfer::cancel()
{
    if (isRunning())
        finish(tr("Cancelled."));
}

void SftpTransfer::finish(const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    if (m_remoteProcess && m_remoteProcess->isRunning())
        m_remoteProcess->cancel();
    releaseSftp();
    if (m_file.isOpen())
        m_file.close();
    if (m_session && m_attached) {
        m_session->detachClient(this);
        m_attached = false;
    }
    m_error = error;
    if (error.isEmpty())
        qCInfo(lcSsh) << (m_direction == Direction::Upload ? "uploaded" : "downloaded") << m_remote
                      << m_total << "bytes";
    Q_EMIT finished(error);
}

} // namespace SparkDeck
