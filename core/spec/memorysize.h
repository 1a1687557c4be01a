#pragma once

#include "util/result.h"

#include <QString>
#include <QtGlobal>

namespace SparkDeck {

/// A memory size as Spark writes it: a whole number and a binary unit (k, m, g, t), e.g. `512m`,
/// `2g`. A bare number is refused: Spark reads it as bytes ("1024" is 1 KiB and the worker
/// refuses to start), which is never what a person means.
class MemorySize
{
public:
    MemorySize() = default;

    static Result<MemorySize> parse(const QString &text);
    static MemorySize fromMebibytes(qint64 mebibytes);

    qint64 bytes() const { return m_bytes; }
    qint64 mebibytes() const { return m_bytes / (1024 * 1024); }
    /// The shortest exact Spark spelling: 2048 MiB -> "2g", 1536 MiB -> "1536m".
    QString toSparkString() const;

    friend bool operator==(const MemorySize &a, const MemorySize &b) { return a.m_bytes == b.m_bytes; }
    friend bool operator!=(const MemorySize &a, const MemorySize &b) { return !(a == b); }

private:
    explicit MemorySize(qint64 bytes) : m_bytes(bytes) {}
    qint64 m_bytes = 0;
};

} // namespace SparkDeck
