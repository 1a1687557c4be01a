#pragma once

#include "provisioning/preflight.h"
#include "provisioning/task.h"

#include <QPointer>

namespace SparkDeck {

class TaskGroup;

/// Preflight as the first task of `up`: gathers every host's facts, then fails, before
/// anything is changed, when a finding is an error, naming each with its fix. Warnings are
/// printed and the run goes on.
class PreflightGate : public Task
{
    Q_OBJECT
public:
    PreflightGate(const ClusterSpec &spec, const QList<PreflightHost> &hosts, QObject *parent = nullptr);

    QList<PreflightFinding> findings() const { return m_preflight.findings(); }

protected:
    void run() override;
    void handleCancel() override;

private:
    Preflight m_preflight;
    QPointer<TaskGroup> m_graph;
};

} // namespace SparkDeck
