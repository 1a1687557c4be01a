#include "leaseduration.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::LeaseDuration)
};

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kLongest = 365 * kDay;
} // namespace

Result<LeaseDuration> LeaseDuration::parse(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:([0-9]{1,6})d)?(?:([0-9]{1,6})h)?(?:([0-9]{1,7})m)?$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (text.trimmed().isEmpty() || !match.hasMatch()) {
        return Error{
            Tr::tr("'%1' is not a duration; write days, hours and minutes like 3h, 90m or 1d12h")
                .arg(text)};
    }
    const qint64 seconds = match.captured(1).toLongLong() * kDay
                           + match.captured(2).toLongLong() * kHour
                           + match.captured(3).toLongLong() * kMinute;
    if (seconds < kMinute || seconds > kLongest)
        return Error{Tr::tr("'%1' must be between 1m and 365d").arg(text)};
    return LeaseDuration(seconds);
}

QString LeaseDuration::toString() const
{
    QString text;
    const std::pair<qint64, char> units[] = {{kDay, 'd'}, {kHour, 'h'}, {kMinute, 'm'}};
    qint64 rest = m_seconds;
    for (const auto &[size, unit] : units) {
        if (rest >= size) {
            text += QString::number(rest / size) + QLatin1Char(unit);
            rest %= size;
        }
    }
    return text.isEmpty() ? QStringLiteral("0m") : text;
}

} // namespace SparkDeck
