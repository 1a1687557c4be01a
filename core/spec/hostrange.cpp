#include "hostrange.h"

#include "spec/diagnostic.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>

namespace SparkDeck {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::HostRangeExpander)
};

/// Numbers in a range have at most this many digits: far more than any address needs, and
/// small enough that no arithmetic below can overflow.
constexpr int kMaxDigits = 9;

struct Span
{
    qint64 first = 0;
    qint64 last = 0;
    int width = 0; ///< zero-padded to this many digits; 0 = as is
};

/// One piece of a pattern: literal text, or a bracket group (one or more spans).
struct Piece
{
    QString text;
    QList<Span> spans;
    bool isGroup() const { return !spans.isEmpty(); }
};

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

bool hasLeadingZero(const QString &number)
{
    return number.size() > 1 && number.startsWith(QLatin1Char('0'));
}

Error fail(const QString &message)
{
    return Error{message};
}

/// Parses "11-20", "7" or "1,3,5-7" (the inside of one bracket group).
Result<QList<Span>> parseGroup(const QString &pattern, const QString &group)
{
    QList<Span> spans;
    const QStringList items = group.split(QLatin1Char(','));
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        if (item.isEmpty()) {
            return fail(Tr::tr("'%1' has an empty range; write ranges such as [11-20] or "
                               "[1,3,5-7]")
                            .arg(displayText(pattern)));
        }
        const int dash = int(item.indexOf(QLatin1Char('-')));
        const QString firstText = (dash < 0 ? item : item.left(dash)).trimmed();
        const QString lastText = (dash < 0 ? item : item.mid(dash + 1)).trimmed();
        if (!isDigits(firstText) || !isDigits(lastText)) {
            return fail(Tr::tr("'%1': a range holds numbers only, such as [11-20] or [1,3,5-7]; "
                               "'%2' is not one")
                            .arg(displayText(pattern), displayText(item)));
        }
        if (firstText.size() > kMaxDigits || lastText.size() > kMaxDigits) {
            return fail(Tr::tr("'%1': the number in '%2' is too large for an address")
                            .arg(displayText(pattern), displayText(item)));
        }
        Span span;
        span.first = firstText.toLongLong();
        span.last = lastText.toLongLong();
        if (span.first > span.last) {
            return fail(Tr::tr("'%1': the range %2 runs backwards; write it as [%3-%4]")
                            .arg(displayText(pattern), item, lastText, firstText));
        }
        if (hasLeadingZero(firstText) || hasLeadingZero(lastText))
            span.width = int(std::max(firstText.size(), lastText.size()));
        spans << span;
    }
    return spans;
}

/// Splits a pattern into literal text and bracket groups.
Result<QList<Piece>> parsePattern(const QString &pattern)
{
    QList<Piece> pieces;
    QString literal;
    for (int i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char(']')) {
            return fail(Tr::tr("'%1' has a ']' without its '['").arg(displayText(pattern)));
        }
        if (c != QLatin1Char('[')) {
            literal += c;
            continue;
        }
        const int close = int(pattern.indexOf(QLatin1Char(']'), i + 1));
        const int nested = int(pattern.indexOf(QLatin1Char('['), i + 1));
        if (close < 0)
            return fail(Tr::tr("'%1' has a '[' without its ']'").arg(displayText(pattern)));
        if (nested >= 0 && nested < close) {
            return fail(Tr::tr("'%1' has brackets inside brackets; write one range per pair, "
                               "such as 10.0.[1-2].[11-20]")
                            .arg(displayText(pattern)));
        }
        if (!literal.isEmpty())
            pieces << Piece{literal, {}};
        literal.clear();
        Result<QList<Span>> spans = parseGroup(pattern, pattern.mid(i + 1, close - i - 1));
        if (!spans)
            return Error{spans.errorMessage()};
        pieces << Piece{QString(), *spans};
        i = close;
    }
    if (!literal.isEmpty())
        pieces << Piece{literal, {}};
    return pieces;
}

/// "10.0.0.12" and the like: digits and dots only.
bool looksLikeIpv4(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c == QLatin1Char('.') || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
    });
}

QString checkIpv4(const QString &pattern, const QString &address)
{
    const QStringList parts = address.split(QLatin1Char('.'));
    if (parts.size() != 4) {
        return Tr::tr("'%1' gives %2, which is not an IPv4 address (four numbers from 0 to 255 "
                      "joined by dots)")
            .arg(displayText(pattern), address);
    }
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3 || part.toInt() > 255) {
            return Tr::tr("'%1' gives %2, which is not an IPv4 address (each of its four "
                          "numbers goes from 0 to 255)")
                .arg(displayText(pattern), address);
        }
        if (hasLeadingZero(part)) {
            return Tr::tr("'%1' gives %2 with a leading zero, which many tools read as an octal "
                          "number; write the range without leading zeros")
                .arg(displayText(pattern), address);
        }
    }
    return QString();
}

QString tooMany(const QString &pattern)
{
    return Tr::tr("'%1' names more than %2 hosts; SparkDeck adds at most %2 at a time")
        .arg(displayText(pattern))
        .arg(HostRangeExpander::kMaxHosts);
}

} // namespace

Result<QStringList> HostRangeExpander::expand(const QString &rawPattern)
{
    const QString pattern = rawPattern.trimmed();
    if (pattern.isEmpty())
        return fail(Tr::tr("the entry is empty; write an address or a host name"));

    // An IPv6 address in brackets, as URLs write it: unwrap it, never expand it.
    if (pattern.startsWith(QLatin1Char('['))) {
        const int close = int(pattern.indexOf(QLatin1Char(']')));
        const QString inside = close > 0 ? pattern.mid(1, close - 1) : QString();
        if (inside.contains(QLatin1Char(':'))) {
            if (inside.contains(QLatin1Char('[')))
                return fail(Tr::tr("'%1' has brackets inside brackets").arg(displayText(pattern)));
            if (close != pattern.size() - 1) {
                return fail(Tr::tr("'%1': write the IPv6 address alone, without a port; the "
                                   "port goes in the Port column")
                                .arg(displayText(pattern)));
            }
            return QStringList{inside};
        }
    }

    Result<QList<Piece>> parsed = parsePattern(pattern);
    if (!parsed)
        return Error{parsed.errorMessage()};
    const QList<Piece> &pieces = *parsed;
    const bool hasGroups = std::any_of(pieces.cbegin(), pieces.cend(),
                                       [](const Piece &piece) { return piece.isGroup(); });
    if (!hasGroups)
        return QStringList{pattern};
    if (pattern.contains(QLatin1Char(':'))) {
        return fail(Tr::tr("'%1': ranges work in IPv4 addresses and host names, not in IPv6 "
                           "addresses; list the IPv6 addresses one by one")
                        .arg(displayText(pattern)));
    }

    // Count first, so that a huge range is refused before anything is generated.
    qint64 total = 1;
    for (const Piece &piece : pieces) {
        if (!piece.isGroup())
            continue;
        qint64 groupCount = 0;
        for (const Span &span : piece.spans) {
            groupCount += span.last - span.first + 1;
            if (groupCount > kMaxHosts)
                return fail(tooMany(pattern));
        }
        total *= groupCount;
        if (total > kMaxHosts)
            return fail(tooMany(pattern));
    }

    QStringList results{QString()};
    for (const Piece &piece : pieces) {
        QStringList next;
        if (!piece.isGroup()) {
            for (const QString &prefix : std::as_const(results))
                next << prefix + piece.text;
        } else {
            for (const QString &prefix : std::as_const(results)) {
                for (const Span &span : piece.spans) {
                    for (qint64 n = span.first; n <= span.last; ++n)
                        next << prefix
                                    + QStringLiteral("%1").arg(n, span.width, 10, QLatin1Char('0'));
                }
            }
        }
        results = next;
    }

    QStringList unique;
    QSet<QString> seen;
    for (const QString &address : std::as_const(results)) {
        if (looksLikeIpv4(address)) {
            const QString problem = checkIpv4(pattern, address);
            if (!problem.isEmpty())
                return fail(problem);
        }
        if (!seen.contains(address.toLower())) {
            seen.insert(address.toLower());
            unique << address;
        }
    }
    return unique;
}

Result<QStringList> HostRangeExpander::expandList(const QString &text)
{
    // Separators split entries only outside brackets: "[1,3]" is one range.
    QStringList entries;
    QString current;
    int depth = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('['))
            ++depth;
        else if (c == QLatin1Char(']'))
            depth = std::max(0, depth - 1);
        const bool separator = c == QLatin1Char(',') || c == QLatin1Char(';') || c.isSpace();
        if (separator && depth == 0) {
            if (!current.isEmpty())
                entries << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        entries << current;

    QStringList addresses;
    QSet<QString> seen;
    for (const QString &entry : std::as_const(entries)) {
        Result<QStringList> expanded = expand(entry);
        if (!expanded)
            return Error{expanded.errorMessage()};
        for (const QString &address : *expanded) {
            if (seen.contains(address.toLower()))
                continue;
            seen.insert(address.toLower());
            addresses << address;
            if (addresses.size() > kMaxHosts)
                return fail(Tr::tr("the list names more than %1 hosts; SparkDeck adds at most %1 "
                                   "at a time")
                                .arg(kMaxHosts));
        }
    }
    return addresses;
}

} // namespace SparkDeck
