#pragma once

#include "provisioning/machine.h"
#include "ssh/sshtarget.h"

#include <QPointer>

namespace SparkDeck {

class SshSession;

/// A host reached over SSH as a Machine. Every command and transfer rides the host's one
/// shared SshSession (from an SshSessionPool), so a host costs one connection per run.
class SshMachine : public Machine
{
    Q_OBJECT
public:
    /// `address` is the private address the cluster uses; usually the target's host.
    SshMachine(SshSession *session, const QString &address, QObject *parent = nullptr);

    QString displayName() const override { return m_address; }
    QString address() const override { return m_address; }
    SshSession *session() const { return m_session; }

    MachineJob *run(const CommandRequest &request, QObject *parent) override;
    MachineJob *upload(const QString &localPath, const QString &remotePath, int mode,
                       QObject *parent) override;

private:
    QPointer<SshSession> m_session;
    QString m_address;
};

} // namespace SparkDeck
