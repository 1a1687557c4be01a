#include "secret.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace SparkDeck {

Secret Secret::generate(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator *generator = QRandomGenerator::system();
    for (char &byte : random)
        byte = char(generator->bounded(256));
    return Secret(QString::fromLatin1(random.toHex()));
}

QString Secret::redact(QString text) const
{
    if (!m_value.isEmpty())
        text.replace(m_value, redacted());
    return text;
}

} // namespace SparkDeck
