#include "swarmservices.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace SparkDeck {

int SwarmService::running() const
{
    return replicas.section(QLatin1Char('/'), 0, 0).toInt();
}

int SwarmService::desired() const
{
    return replicas.section(QLatin1Char('/'), 1).section(QLatin1Char(' '), 0, 0).toInt();
}

QList<SwarmService> SwarmServices::parse(const QByteArray &output)
{
    QList<SwarmService> services;
    for (const QByteArray &line : output.split('\n')) {
        const QJsonObject object = QJsonDocument::fromJson(line.trimmed()).object();
        if (object.value(QLatin1String("Name")).toString().isEmpty())
            continue;
        auto field = [&object](const char *key) {
            return object.value(QLatin1String(key)).toString();
        };
        services << SwarmService{field("ID"),       field("Name"),  field("Mode"),
                                 field("Replicas"), field("Image"), field("Ports")};
    }
    return services;
}

} // namespace SparkDeck
