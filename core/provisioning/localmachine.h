#pragma once

#include "provisioning/machine.h"

namespace SparkDeck {

/// This computer as a Machine: commands run through /bin/sh in a QProcess, never blocking the
/// event loop. Used by `machines.provider: local` (master and workers as processes here).
class LocalMachine : public Machine
{
    Q_OBJECT
public:
    explicit LocalMachine(const QString &address = QStringLiteral("127.0.0.1"), QObject *parent = nullptr);

    QString displayName() const override;
    QString address() const override { return m_address; }
    MachineJob *run(const CommandRequest &request, QObject *parent) override;
    MachineJob *upload(const QString &localPath, const QString &remotePath, int mode,
                       QObject *parent) override;

private:
    QString m_address;
};

} // namespace SparkDeck
