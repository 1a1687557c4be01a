#include "preflightfinding.h"

#include <algorithm>

namespace SparkDeck {

QString toString(PreflightFinding::Status status)
{
    switch (status) {
    case PreflightFinding::Status::Ok:
        return QStringLiteral("ok");
    case PreflightFinding::Status::Warning:
        return QStringLiteral("warning");
    case PreflightFinding::Status::Error:
        return QStringLiteral("error");
    }
    return QString();
}

int countFindings(const QList<PreflightFinding> &findings, PreflightFinding::Status status)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [status](const PreflightFinding &f) { return f.status == status; }));
}

} // namespace SparkDeck
