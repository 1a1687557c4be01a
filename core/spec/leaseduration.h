#pragma once

#include "util/result.h"

#include <QString>
#include <QtGlobal>

namespace SparkDeck {

/// How long machines a provider created may live (`machines.expires_after`): whole days,
/// hours and minutes, largest first, e.g. `3h`, `90m`, `1d12h`, `2h30m`. Between one minute
/// and a year: the cost guard tears the cluster down when it has passed.
class LeaseDuration
{
public:
    LeaseDuration() = default;

    static Result<LeaseDuration> parse(const QString &text);
    static LeaseDuration fromSeconds(qint64 seconds) { return LeaseDuration(seconds); }

    qint64 seconds() const { return m_seconds; }
    /// The canonical spelling: 5400 s -> "1h30m", 86400 s -> "1d".
    QString toString() const;

    friend bool operator==(const LeaseDuration &a, const LeaseDuration &b)
    {
        return a.m_seconds == b.m_seconds;
    }
    friend bool operator!=(const LeaseDuration &a, const LeaseDuration &b) { return !(a == b); }

private:
    explicit LeaseDuration(qint64 seconds)
        : m_seconds(seconds)
    {}
    qint64 m_seconds = 0;
};

} // namespace SparkDeck
