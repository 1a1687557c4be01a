#include "resourcejournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::ResourceJournal)
};

std::optional<QDateTime> dateFrom(const QJsonObject &object, const char *name)
{
    const QDateTime value
        = QDateTime::fromString(object.value(QLatin1String(name)).toString(), Qt::ISODateWithMs);
    return value.isValid() ? std::optional<QDateTime>(value) : std::nullopt;
}
} // namespace

ResourceJournal::ResourceJournal(const QString &stateDirectory)
    : m_directory(stateDirectory)
{}

QString ResourceJournal::filePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("resources.json"));
}

Status ResourceJournal::load()
{
    m_resources.clear();
    m_leaseStarted.reset();
    m_leaseExpires.reset();
    QFile file(filePath());
    if (!file.exists())
        return success();
    if (!file.open(QIODevice::ReadOnly))
        return Error{
            Tr::tr("Cannot read the resource journal %1: %2").arg(filePath(), file.errorString())};
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    if (error.error != QJsonParseError::NoError) {
        return Error{
            Tr::tr("The resource journal %1 is damaged (%2). Do not delete it: it lists the cloud "
                   "machines this cluster created. Repair it, or delete the machines tagged %3 "
                   "in the provider's console.")
                .arg(filePath(), error.errorString(), QStringLiteral("sparkdeck-cluster"))};
    }
    for (const QJsonValue &value : root.value(QLatin1String("resources")).toArray())
        m_resources << CloudResource::fromJson(value.toObject());
    const QJsonObject lease = root.value(QLatin1String("lease")).toObject();
    m_leaseStarted = dateFrom(lease, "started");
    m_leaseExpires = dateFrom(lease, "expires");
    return success();
}

Result<QString> ResourceJournal::recordIntent(CloudResource resource)
{
    const Result<QStringList> keys = recordIntents({std::move(resource)});
    if (!keys)
        return Error{keys.errorMessage()};
    return keys->first();
}

Result<QStringList> ResourceJournal::recordIntents(QList<CloudResource> resources)
{
    QStringList keys;
    const QList<CloudResource> before = m_resources;
    for (CloudResource &resource : resources) {
        if (resource.key.isEmpty())
            resource.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        resource.state = CloudResource::State::Intended;
        resource.recorded = QDateTime::currentDateTimeUtc();
        keys << resource.key;
        m_resources << resource;
    }
    const Status saved = save();
    if (!saved) {
        m_resources = before; // not on disk: the caller must not send the create call
        return Error{saved.errorMessage()};
    }
    return keys;
}

int ResourceJournal::indexOf(const QString &key) const
{
    for (int i = 0; i < m_resources.size(); ++i) {
        if (m_resources.at(i).key == key)
            return i;
    }
    return -1;
}

std::optional<CloudResource> ResourceJournal::resource(const QString &key) const
{
    const int index = indexOf(key);
    return index < 0 ? std::nullopt : std::optional<CloudResource>(m_resources.at(index));
}

Status ResourceJournal::update(const QString &key,
                               const std::function<void(CloudResource &)> &change)
{
    const int index = indexOf(key);
    if (index < 0)
        return Error{Tr::tr("The resource journal has no entry %1.").arg(key)};
    change(m_resources[index]);
    return save();
}

Status ResourceJournal::recordCreated(const QString &key, const QString &id,
                                      std::optional<double> hourlyPrice)
{
    return update(key, [&](CloudResource &resource) {
        resource.id = id;
        resource.state = CloudResource::State::Created;
        if (hourlyPrice)
            resource.hourlyPrice = hourlyPrice;
    });
}

Status ResourceJournal::recordNotCreated(const QString &key)
{
    return update(
        key, [](CloudResource &resource) { resource.state = CloudResource::State::NotCreated; });
}

Status ResourceJournal::recordAddresses(const QString &key, const QString &publicAddress,
                                        const QString &privateAddress)
{
    return update(key, [&](CloudResource &resource) {
        resource.publicAddress = publicAddress;
        resource.privateAddress = privateAddress;
    });
}

Status ResourceJournal::recordDeleted(const QString &key)
{
    return update(key,
                  [](CloudResource &resource) { resource.state = CloudResource::State::Deleted; });
}

QList<CloudResource> ResourceJournal::outstanding() const
{
    QList<CloudResource> found;
    for (const CloudResource &resource : m_resources) {
        if (resource.isOutstanding())
            found << resource;
    }
    return found;
}

std::optional<CloudResource> ResourceJournal::outstandingEntry(const QString &provider,
                                                               const QString &kind,
                                                               const QString &name) const
{
    for (auto it = m_resources.crbegin(); it != m_resources.crend(); ++it) {
        if (it->isOutstanding() && it->provider == provider && it->kind == kind && it->name == name)
            return *it;
    }
    return std::nullopt;
}

QList<CloudResource> ResourceJournal::liveMachines() const
{
    QList<CloudResource> found;
    for (const CloudResource &resource : m_resources) {
        if (resource.isMachine() && resource.state == CloudResource::State::Created)
            found << resource;
    }
    return found;
}

Status ResourceJournal::setLease(const QDateTime &started, const std::optional<QDateTime> &expires)
{
    m_leaseStarted = started;
    m_leaseExpires = expires;
    return save();
}

Status ResourceJournal::clearLease()
{
    m_leaseStarted.reset();
    m_leaseExpires.reset();
    return save();
}

Status ResourceJournal::forgetSettled()
{
    m_resources.erase(
        std::remove_if(m_resources.begin(), m_resources.end(),
                       [](const CloudResource &resource) { return !resource.isOutstanding(); }),
        m_resources.end());
    return save();
}

Status ResourceJournal::save()
{
    if (!QDir().mkpath(m_directory))
        return Error{Tr::tr("Cannot create the state folder %1; choose another with --state.")
                         .arg(m_directory)};
    QJsonArray resources;
    for (const CloudResource &resource : std::as_const(m_resources))
        resources.append(resource.toJson());
    QJsonObject root{{QStringLiteral("resources"), resources}};
    QJsonObject lease;
    if (m_leaseStarted)
        lease.insert(QStringLiteral("started"),
                     m_leaseStarted->toUTC().toString(Qt::ISODateWithMs));
    if (m_leaseExpires)
        lease.insert(QStringLiteral("expires"),
                     m_leaseExpires->toUTC().toString(Qt::ISODateWithMs));
    if (!lease.isEmpty())
        root.insert(QStringLiteral("lease"), lease);
    QSaveFile file(filePath());
    const QByteArray data = QJsonDocument(root).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return Error{
            Tr::tr("Cannot write the resource journal %1: %2. Free some disk space; the previous "
                   "journal is intact.")
                .arg(filePath(), file.errorString())};
    }
    return success();
}

} // namespace SparkDeck
