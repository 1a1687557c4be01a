#include "runjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::RunJournal)
};

constexpr int kRunsKept = 20;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
} // namespace

RunJournal::RunJournal(const QString &stateDirectory) : m_directory(stateDirectory) {}

QString RunJournal::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("journal.json"));
}

Status RunJournal::load()
{
    QFile file(filePath());
    if (!file.exists()) {
        m_runs = {};
        return success();
    }
    if (!file.open(QIODevice::ReadOnly))
        return Error{Tr::tr("Cannot read the run journal %1: %2").arg(filePath(), file.errorString())};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        return Error{Tr::tr("The run journal %1 is damaged (%2). Move it aside to start a new one; "
                            "every step checks the hosts anyway.").arg(filePath(), error.errorString())};
    }
    m_runs = document.object().value(QLatin1String("runs")).toArray();
    return success();
}

QString RunJournal::outcomeName(const TaskOutcome &outcome)
{
    switch (outcome.kind) {
    case TaskOutcome::Kind::Succeeded:
        return QStringLiteral("succeeded");
    case TaskOutcome::Kind::Failed:
        return QStringLiteral("failed");
    case TaskOutcome::Kind::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

Status RunJournal::beginRun(const QString &operation)
{
    QJsonObject run{{QStringLiteral("operation"), operation},
                    {QStringLiteral("started"), now()},
                    {QStringLiteral("outcome"), QStringLiteral("running")},
                    {QStringLiteral("steps"), QJsonArray()}};
    m_runs.append(run);
    while (m_runs.size() > kRunsKept)
        m_runs.removeFirst();
    return save();
}

Status RunJournal::recordStep(const QString &host, const QString &step, const TaskOutcome &outcome,
                              bool alreadyDone)
{
    if (m_runs.isEmpty())
        return Error{Tr::tr("no run has begun")};
    QJsonObject run = m_runs.last().toObject();
    QJsonArray steps = run.value(QLatin1String("steps")).toArray();
    QJsonObject entry{{QStringLiteral("host"), host},
                      {QStringLiteral("step"), m_secret.redact(step)},
                      {QStringLiteral("outcome"), outcomeName(outcome)},
                      {QStringLiteral("alreadyDone"), alreadyDone},
                      {QStringLiteral("at"), now()}};
    if (!outcome.message.isEmpty())
        entry.insert(QStringLiteral("message"), m_secret.redact(outcome.message));
    steps.append(entry);
    run.insert(QStringLiteral("steps"), steps);
    m_runs.replace(m_runs.size() - 1, run);
    return save();
}

Status RunJournal::endRun(const TaskOutcome &outcome)
{
    if (m_runs.isEmpty())
        return Error{Tr::tr("no run has begun")};
    QJsonObject run = m_runs.last().toObject();
    run.insert(QStringLiteral("finished"), now());
    run.insert(QStringLiteral("outcome"), outcomeName(outcome));
    if (!outcome.message.isEmpty())
        run.insert(QStringLiteral("message"), m_secret.redact(outcome.message));
    if (!outcome.partialFailures.isEmpty())
        run.insert(QStringLiteral("partialFailures"), QJsonArray::fromStringList(outcome.partialFailures));
    if (!outcome.warnings.isEmpty())
        run.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(outcome.warnings));
    m_runs.replace(m_runs.size() - 1, run);
    return save();
}

QJsonObject RunJournal::lastRun() const
{
    return m_runs.isEmpty() ? QJsonObject() : m_runs.last().toObject();
}

bool RunJournal::lastRunInterrupted() const
{
    return lastRun().value(QLatin1String("outcome")).toString() == QLatin1String("running");
}

Status RunJournal::save()
{
    if (!QDir().mkpath(m_directory))
        return Error{Tr::tr("Cannot create the state folder %1; choose another with --state.").arg(m_directory)};
    QSaveFile file(filePath());
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("runs"), m_runs}}).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return Error{Tr::tr("Cannot write the run journal %1: %2. Free some disk space; the "
                            "previous journal is intact.").arg(filePath(), file.errorString())};
    }
    return success();
}

} // namespace SparkDeck
