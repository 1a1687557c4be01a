#pragma once

#include <QDebug>
#include <QString>

namespace SparkDeck {

/// A secret value (Spark's authentication secret, a Jupyter token, a password) that prints as
/// "********" everywhere: in qDebug, logs and the journal. Code that must send it says so by
/// calling reveal(), which makes every place a secret leaves the program easy to find.
class Secret
{
public:
    Secret() = default;
    explicit Secret(QString value) : m_value(std::move(value)) {}

    /// A new random secret from the system's cryptographic generator, as lowercase hex.
    static Secret generate(int bytes = 32);

    const QString &reveal() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }
    static QString redacted() { return QStringLiteral("********"); }
    /// `text` with every occurrence of this secret replaced by "********".
    QString redact(QString text) const;

    friend bool operator==(const Secret &a, const Secret &b) { return a.m_value == b.m_value; }

private:
    QString m_value;
};

inline QDebug operator<<(QDebug debug, const Secret &)
{
    return debug << Secret::redacted();
}

} // namespace SparkDeck
