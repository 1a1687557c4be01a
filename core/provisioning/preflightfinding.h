#pragma once

#include <QList>
#include <QString>

namespace SparkDeck {

/// One line of the preflight table: on which host, which check, how it went, what was seen,
/// and what to do about it (empty when there is nothing to do). A plain value.
struct PreflightFinding
{
    enum class Status { Ok, Warning, Error };

    QString host;
    QString check;   ///< "memory", "port 8080", "java", ... (not translated: a stable key)
    Status status = Status::Ok;
    QString detail;
    QString fix;

    friend bool operator==(const PreflightFinding &a, const PreflightFinding &b)
    {
        return a.host == b.host && a.check == b.check && a.status == b.status
               && a.detail == b.detail && a.fix == b.fix;
    }
};

/// "ok", "warning", "error": the spelling in the CLI's table and its JSON.
QString toString(PreflightFinding::Status status);
int countFindings(const QList<PreflightFinding> &findings, PreflightFinding::Status status);

} // namespace SparkDeck
