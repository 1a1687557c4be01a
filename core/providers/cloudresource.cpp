#include "cloudresource.h"

namespace SparkDeck {

namespace {
constexpr std::pair<CloudResource::State, const char *> kStateNames[] = {
    {CloudResource::State::Intended, "intended"},
    {CloudResource::State::Created, "created"},
    {CloudResource::State::NotCreated, "not-created"},
    {CloudResource::State::Deleted, "deleted"},
};

void insertIfSet(QJsonObject &object, const char *name, const QString &value)
{
    if (!value.isEmpty())
        object.insert(QLatin1String(name), value);
}
} // namespace

QString CloudResource::toString(State state)
{
    for (const auto &[value, name] : kStateNames) {
        if (value == state)
            return QLatin1String(name);
    }
    return QString();
}

QJsonObject CloudResource::toJson() const
{
    QJsonObject object{{QStringLiteral("key"), key},
                       {QStringLiteral("provider"), provider},
                       {QStringLiteral("kind"), kind},
                       {QStringLiteral("state"), toString(state)},
                       {QStringLiteral("recorded"), recorded.toString(Qt::ISODateWithMs)}};
    insertIfSet(object, "name", name);
    insertIfSet(object, "id", id);
    insertIfSet(object, "idempotencyKey", idempotencyKey);
    insertIfSet(object, "region", region);
    insertIfSet(object, "publicAddress", publicAddress);
    insertIfSet(object, "privateAddress", privateAddress);
    if (hourlyPrice)
        object.insert(QStringLiteral("hourlyPrice"), *hourlyPrice);
    if (!details.isEmpty())
        object.insert(QStringLiteral("details"), details);
    return object;
}

CloudResource CloudResource::fromJson(const QJsonObject &object)
{
    CloudResource resource;
    const auto text = [&object](const char *name) {
        return object.value(QLatin1String(name)).toString();
    };
    resource.key = text("key");
    resource.provider = text("provider");
    resource.kind = text("kind");
    resource.name = text("name");
    resource.id = text("id");
    resource.idempotencyKey = text("idempotencyKey");
    resource.region = text("region");
    resource.publicAddress = text("publicAddress");
    resource.privateAddress = text("privateAddress");
    resource.recorded = QDateTime::fromString(text("recorded"), Qt::ISODateWithMs);
    resource.details = object.value(QLatin1String("details")).toObject();
    if (object.contains(QLatin1String("hourlyPrice")))
        resource.hourlyPrice = object.value(QLatin1String("hourlyPrice")).toDouble();
    const QString state = text("state");
    for (const auto &[value, name] : kStateNames) {
        if (state == QLatin1String(name))
            resource.state = value;
    }
    return resource;
}

} // namespace SparkDeck
