#include "preflightgate.h"

#include "provisioning/taskgroup.h"

#include <QVariant>

namespace SparkDeck {

PreflightGate::PreflightGate(const ClusterSpec &spec, const QList<PreflightHost> &hosts, QObject *parent)
    : Task(tr("Preflight: check every host before changing anything"), parent), m_preflight(spec, hosts)
{
    setProperty("sparkdeck.host", QVariant(tr("all hosts")));
}

void PreflightGate::run()
{
    m_graph = m_preflight.graph();
    m_graph->setParent(this);
    connect(m_graph, &Task::finished, this, [this](const TaskOutcome &outcome) {
        if (outcome.wasCancelled()) {
            finish(outcome);
            return;
        }
        QStringList errors;
        TaskOutcome passed = TaskOutcome::success();
        for (const PreflightFinding &finding : m_preflight.findings()) {
            const QString line = QStringLiteral("%1: %2: %3").arg(finding.host, finding.detail, finding.fix);
            if (finding.status == PreflightFinding::Status::Error)
                errors << line;
            else if (finding.status == PreflightFinding::Status::Warning)
                passed.warnings << line;
        }
        if (!errors.isEmpty()) {
            finish(TaskOutcome::failure(tr("Preflight found %n problem(s); nothing was changed. %1", nullptr, int(errors.size()))
                                            .arg(errors.join(QStringLiteral("; ")))));
            return;
        }
        finish(passed);
    });
    m_graph->start();
}

void PreflightGate::handleCancel()
{
    if (m_graph)
        m_graph->cancel();
    else
        finish(TaskOutcome::cancelled());
}

} // namespace SparkDeck
