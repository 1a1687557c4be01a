#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

namespace SparkDeck {

/// Turns the host lists people type or paste (into the wizard, later the CLI) into addresses:
/// entries separated by new lines, commas, semicolons, spaces or tabs, each an address or host
/// name with optional numeric ranges in brackets: `10.0.0.[11-20]`, `node[01-12]`,
/// `lab[1-2]-pc[1,3,5-6]`. A bracketed IPv6 address (`[2001:db8::1]`) is unwrapped, not
/// expanded.
///
/// Rules: pure (no I/O, no name lookup); never produces more than kMaxHosts addresses, checked
/// before anything is generated; a range runs upwards and holds numbers only; bounds written with
/// leading zeros keep their width (`[01-10]` -> 01..10), except in IPv4 addresses, where they are
/// refused (many tools read them as octal). Dotted-number results must be IPv4 addresses (four
/// parts, each 0..255). Ranges in IPv6 addresses are refused. Duplicates are dropped, first
/// one kept. Errors say which entry is wrong and how to write it.
class HostRangeExpander
{
public:
    static constexpr int kMaxHosts = 256;

    /// One entry, such as `10.0.0.[11-20]`.
    static Result<QStringList> expand(const QString &pattern);
    /// A whole pasted list; at most kMaxHosts addresses in all.
    static Result<QStringList> expandList(const QString &text);
};

} // namespace SparkDeck
