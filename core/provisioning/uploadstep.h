#pragma once

#include "provisioning/machine.h"
#include "provisioning/step.h"

#include <QPointer>

#include <functional>

namespace SparkDeck {

/// Uploads a local file (a Spark distribution, an image tarball) to a machine unless its
/// check says the machine has it already (same checksum), reporting progress by tenths.
/// The remote path and the check are built when the step runs: they name the checksum
/// learnt earlier in the run.
class UploadStep : public Step
{
    Q_OBJECT
public:
    UploadStep(const QString &title, Machine *machine, const QString &localPath,
               std::function<QString()> remotePath, std::function<CommandRequest()> check,
               QObject *parent = nullptr);

protected:
    void check() override;
    void apply() override;
    void abort() override;

private:
    void watch(MachineJob *job, std::function<void(const ExecResult &)> then);
    QString failure(const ExecResult &result) const;

    QPointer<Machine> m_machine;
    QString m_localPath;
    std::function<QString()> m_remotePath;
    std::function<CommandRequest()> m_check;
    QPointer<MachineJob> m_job;
    qint64 m_lastTenth = -1;
};

} // namespace SparkDeck
