#include "sshmachine.h"

#include "ssh/remoteprocess.h"
#include "ssh/sftptransfer.h"
#include "ssh/sshsession.h"

namespace SparkDeck {

namespace {

class RemoteCommandJob : public MachineJob
{
public:
    RemoteCommandJob(SshSession *session, const CommandRequest &request, QObject *parent)
        : MachineJob(parent), m_process(session, this)
    {
        m_process.setScript(request.script);
        m_process.setStandardInput(request.standardInput);
        m_process.setRunAsRoot(request.asRoot);
        m_process.setTimeout(request.timeoutMs);
        connect(&m_process, &RemoteProcess::standardOutputLine, this, &MachineJob::outputLine);
        connect(&m_process, &RemoteProcess::standardErrorLine, this, &MachineJob::outputLine);
        connect(&m_process, &RemoteProcess::finished, this, [this](const ExecResult &result) { finishWith(result); });
    }
    void start() override { m_process.start(); }
    void cancel() override { m_process.cancel(); }

private:
    RemoteProcess m_process;
};

class UploadJob : public MachineJob
{
public:
    UploadJob(SshSession *session, const QString &localPath, const QString &remotePath, int mode, QObject *parent)
        : MachineJob(parent), m_transfer(session, this)
    {
        m_transfer.setUpload(localPath, remotePath);
        m_transfer.setRemoteMode(mode);
        m_transfer.setChecksum(SftpTransfer::Checksum::Sha512);
        connect(&m_transfer, &SftpTransfer::progress, this, &MachineJob::progress);
        connect(&m_transfer, &SftpTransfer::finished, this, [this](const QString &error) {
            ExecResult result;
            result.error = error;
            result.exitCode = error.isEmpty() ? 0 : -1;
            finishWith(result);
        });
    }
    void start() override { m_transfer.start(); }
    void cancel() override { m_transfer.cancel(); }

private:
    SftpTransfer m_transfer;
};

} // namespace

SshMachine::SshMachine(SshSession *session, const QString &address, QObject *parent)
    : Machine(parent), m_session(session), m_address(address)
{}

MachineJob *SshMachine::run(const CommandRequest &request, QObject *parent)
{
    return new RemoteCommandJob(m_session, request, parent);
}

MachineJob *SshMachine::upload(const QString &localPath, const QString &remotePath, int mode, QObject *parent)
{
    return new UploadJob(m_session, localPath, remotePath, mode, parent);
}

} // namespace SparkDeck
