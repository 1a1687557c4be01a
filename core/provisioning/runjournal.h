#pragma once

#include "provisioning/task.h"
#include "util/result.h"
#include "util/secret.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace SparkDeck {

/// The record of a cluster's runs (up, scale, down) in its state directory: every step's
/// outcome as it ends, so a person can see what happened and a crashed run can be recognised
/// and resumed. Rewritten atomically (QSaveFile) after every entry: a crash or a kill leaves
/// the previous complete journal, never half of one. Secrets are redacted before writing.
class RunJournal
{
public:
    explicit RunJournal(const QString &stateDirectory);

    /// Reads the journal from disk; a missing file is an empty journal.
    Status load();

    /// Starts a new run; the previous one, if it never finished, stays marked "running".
    Status beginRun(const QString &operation);
    Status recordStep(const QString &host, const QString &step, const TaskOutcome &outcome,
                      bool alreadyDone);
    Status endRun(const TaskOutcome &outcome);

    /// Redacts this secret from every message recorded from now on.
    void setSecret(const Secret &secret) { m_secret = secret; }

    QString filePath() const;
    /// The newest run, or an empty object.
    QJsonObject lastRun() const;
    /// True when the newest run began but never ended (crash, kill, power cut).
    bool lastRunInterrupted() const;
    QJsonArray runs() const { return m_runs; }

private:
    Status save();
    static QString outcomeName(const TaskOutcome &outcome);

    QString m_directory;
    QJsonArray m_runs;
    Secret m_secret;
};

} // namespace SparkDeck
