#include "digitaloceanprovider.h"

#include "providers/resourcejournal.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::DigitalOceanProvider)
};

const QString kApiName = QStringLiteral("DigitalOcean");
const QString kDefaultRegion = QStringLiteral("nyc3");
const QString kDefaultSize = QStringLiteral("s-2vcpu-4gb");
const QString kDefaultImage = QStringLiteral("debian-12-x64");
const QString kFirewall = QStringLiteral("firewall");
const QString kSshKey = QStringLiteral("ssh_key");

QString orDefault(const QString &value, const QString &fallback)
{
    return value.isEmpty() ? fallback : value;
}

QUrl path(const QString &relative, const QList<QPair<QString, QString>> &query = {})
{
    QUrl url(relative);
    QUrlQuery items;
    for (const auto &[name, value] : query)
        items.addQueryItem(name, value);
    url.setQuery(items);
    return url;
}

QString idText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(qint64(value.toDouble())) : value.toString();
}

/// Every rule allows all protocols between the cluster's droplets, and port 22 from `sshSource`.
QJsonObject firewallBody(const QString &name, const QString &tag, const QString &sshSource)
{
    const QJsonObject fromCluster{{QStringLiteral("tags"), QJsonArray{tag}}};
    const QJsonObject anywhere{{QStringLiteral("addresses"),
                                QJsonArray{QStringLiteral("0.0.0.0/0"), QStringLiteral("::/0")}}};
    QJsonArray inbound{
        QJsonObject{{QStringLiteral("protocol"), QStringLiteral("tcp")},
                    {QStringLiteral("ports"), QStringLiteral("22")},
                    {QStringLiteral("sources"),
                     QJsonObject{{QStringLiteral("addresses"), QJsonArray{sshSource}}}}}};
    QJsonArray outbound;
    for (const char *protocol : {"tcp", "udp", "icmp"}) {
        QJsonObject in{{QStringLiteral("protocol"), QLatin1String(protocol)},
                       {QStringLiteral("sources"), fromCluster}};
        QJsonObject out{{QStringLiteral("protocol"), QLatin1String(protocol)},
                        {QStringLiteral("destinations"), anywhere}};
        if (qstrcmp(protocol, "icmp") != 0) {
            in.insert(QStringLiteral("ports"), QStringLiteral("all"));
            out.insert(QStringLiteral("ports"), QStringLiteral("all"));
        }
        inbound.append(in);
        outbound.append(out);
    }
    return {{QStringLiteral("name"), name},
            {QStringLiteral("inbound_rules"), inbound},
            {QStringLiteral("outbound_rules"), outbound},
            {QStringLiteral("tags"), QJsonArray{tag}}};
}
} // namespace

/// One createMachines() call on its way: key, then firewall, then droplets in batches.
struct DigitalOceanProvider::Creation
{
    MachineRequest request;
    ResourceJournal *journal = nullptr;
    QPointer<QObject> context;
    Callback<QList<ProvidedMachine>> done;
    QString keyFingerprint;
    QList<ProvidedMachine> created;
    int nextName = 0;
};

Result<std::unique_ptr<MachineProvider>>
DigitalOceanProvider::create(const ProviderSettings &settings)
{
    if (!settings.credentials.has(QStringLiteral("token"))) {
        return Error{
            Tr::tr("No DigitalOcean token. Create one at cloud.digitalocean.com (API, Tokens; "
                   "read and write) and set DIGITALOCEAN_TOKEN, or store it in the keychain.")};
    }
    return std::unique_ptr<MachineProvider>(new DigitalOceanProvider(settings));
}

DigitalOceanProvider::DigitalOceanProvider(const ProviderSettings &settings, QObject *parent)
    : MachineProvider(parent)
    , m_spec(settings.spec)
    , m_client(settings.apiBaseUrl)
{
    const Secret token = settings.credentials.value(QStringLiteral("token"));
    m_client.setSigner([token](HttpRequest &request) {
        request.headers << qMakePair(QByteArray("Authorization"),
                                     "Bearer " + token.reveal().toUtf8());
    });
}

QString DigitalOceanProvider::tagFor(const QString &clusterName)
{
    return tagKey() + QLatin1Char(':') + clusterName;
}

QString DigitalOceanProvider::fingerprintOf(const QString &publicKey)
{
    const QByteArray blob
        = QByteArray::fromBase64(publicKey.trimmed().section(QLatin1Char(' '), 1, 1).toLatin1());
    if (blob.isEmpty())
        return QString();
    const QByteArray hex = QCryptographicHash::hash(blob, QCryptographicHash::Md5).toHex();
    QStringList pairs;
    for (int i = 0; i < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

ProvidedMachine DigitalOceanProvider::machineFrom(const QJsonObject &droplet)
{
    ProvidedMachine machine;
    machine.id = idText(droplet.value(QLatin1String("id")));
    machine.name = droplet.value(QLatin1String("name")).toString();
    machine.statusText = droplet.value(QLatin1String("status")).toString();
    if (machine.statusText == QLatin1String("active"))
        machine.status = ProvidedMachine::Status::Ready;
    else if (machine.statusText == QLatin1String("off")
             || machine.statusText == QLatin1String("archive"))
        machine.status = ProvidedMachine::Status::Failed;
    for (const QJsonValue &network :
         droplet.value(QLatin1String("networks")).toObject().value(QLatin1String("v4")).toArray()) {
        const QString type = network.toObject().value(QLatin1String("type")).toString();
        const QString address = network.toObject().value(QLatin1String("ip_address")).toString();
        if (type == QLatin1String("public"))
            machine.publicAddress = address;
        else if (type == QLatin1String("private"))
            machine.privateAddress = address;
    }
    const QJsonValue price
        = droplet.value(QLatin1String("size")).toObject().value(QLatin1String("price_hourly"));
    if (price.isDouble())
        machine.hourlyPrice = price.toDouble();
    return machine;
}

QString DigitalOceanProvider::errorOf(const HttpResponse &response) const
{
    return RestClient::describe(
        response, kApiName, response.json().object().value(QLatin1String("message")).toString());
}

CloudResource DigitalOceanProvider::resource(const QString &kind, const QString &name) const
{
    CloudResource resource;
    resource.provider = id();
    resource.kind = kind;
    resource.name = name;
    resource.region = orDefault(m_spec.machines.region, kDefaultRegion);
    return resource;
}

void DigitalOceanProvider::listAll(const QString &relative, const QString &key, QObject *context,
                                   std::function<void(const Result<QJsonArray> &)> done)
{
    HttpRequest first;
    first.url = QUrl(relative);
    m_client.getPages(
        first,
        [](const HttpResponse &page) -> std::optional<QUrl> {
            const QString next = page.json()
                                     .object()[QLatin1String("links")][QLatin1String("pages")]
                                              [QLatin1String("next")]
                                     .toString();
            return next.isEmpty() ? std::nullopt : std::optional<QUrl>(QUrl(next));
        },
        context,
        [key, done](const Result<QList<HttpResponse>> &pages) {
            if (!pages) {
                done(Error{pages.errorMessage()});
                return;
            }
            QJsonArray all;
            for (const HttpResponse &page : pages.value()) {
                for (const QJsonValue &item : page.json().object().value(key).toArray())
                    all.append(item);
            }
            done(all);
        });
}

void DigitalOceanProvider::listChoices(QObject *context, Callback<ProviderChoices> done)
{
    auto choices = std::make_shared<ProviderChoices>();
    auto failure = std::make_shared<QString>();
    auto pending = std::make_shared<int>(3);
    const auto finishOne = [choices, failure, pending, done](const QString &error) {
        if (!error.isEmpty() && failure->isEmpty())
            *failure = error;
        if (--*pending == 0)
            failure->isEmpty() ? done(*choices) : done(Error{*failure});
    };
    listAll(QStringLiteral("regions?per_page=200"), QStringLiteral("regions"), context,
            [choices, finishOne](const Result<QJsonArray> &regions) {
                if (!regions)
                    return finishOne(regions.errorMessage());
                for (const QJsonValue &value : regions.value()) {
                    const QJsonObject region = value.toObject();
                    choices->regions
                        << RegionChoice{region[QLatin1String("slug")].toString(),
                                        region[QLatin1String("name")].toString(),
                                        region[QLatin1String("available")].toBool(true)};
                }
                finishOne(QString());
            });
    listAll(QStringLiteral("sizes?per_page=200"), QStringLiteral("sizes"), context,
            [choices, finishOne](const Result<QJsonArray> &sizes) {
                if (!sizes)
                    return finishOne(sizes.errorMessage());
                for (const QJsonValue &value : sizes.value()) {
                    const QJsonObject size = value.toObject();
                    SizeChoice choice{size[QLatin1String("slug")].toString(),
                                      size[QLatin1String("vcpus")].toInt(),
                                      qint64(size[QLatin1String("memory")].toDouble()),
                                      size[QLatin1String("disk")].toInt(),
                                      std::nullopt,
                                      {}};
                    if (size[QLatin1String("price_hourly")].isDouble())
                        choice.hourlyPrice = size[QLatin1String("price_hourly")].toDouble();
                    for (const QJsonValue &region : size[QLatin1String("regions")].toArray())
                        choice.regions << region.toString();
                    choices->sizes << choice;
                }
                finishOne(QString());
            });
    listAll(QStringLiteral("images?type=distribution&per_page=200"), QStringLiteral("images"),
            context, [choices, finishOne](const Result<QJsonArray> &images) {
                if (!images)
                    return finishOne(images.errorMessage());
                for (const QJsonValue &value : images.value()) {
                    const QJsonObject image = value.toObject();
                    ImageChoice choice{
                        image[QLatin1String("slug")].toString(),
                        QStringLiteral("%1 %2").arg(image[QLatin1String("distribution")].toString(),
                                                    image[QLatin1String("name")].toString()),
                        {}};
                    for (const QJsonValue &region : image[QLatin1String("regions")].toArray())
                        choice.regions << region.toString();
                    if (!choice.id.isEmpty()) // private snapshots have no slug
                        choices->images << choice;
                }
                finishOne(QString());
            });
}

void DigitalOceanProvider::createMachines(const MachineRequest &request, ResourceJournal *journal,
                                          QObject *context, Callback<QList<ProvidedMachine>> done)
{
    auto creation = std::make_shared<Creation>();
    creation->request = request;
    creation->journal = journal;
    creation->context = context;
    creation->done = std::move(done);
    creation->keyFingerprint = fingerprintOf(request.sshPublicKey);
    if (creation->keyFingerprint.isEmpty() || request.sshSourceCidr.isEmpty()) {
        // Never call back inside the call.
        QMetaObject::invokeMethod(
            context,
            [creation] {
                creation->done(Error{Tr::tr(
                    "DigitalOcean needs the user's public key and address to create machines.")});
            },
            Qt::QueuedConnection);
        return;
    }
    ensureKey(creation);
}

void DigitalOceanProvider::ensureKey(const std::shared_ptr<Creation> &creation)
{
    const QString keyPath = QStringLiteral("account/keys/") + creation->keyFingerprint;
    m_client.send(
        HttpRequest{"GET", QUrl(keyPath), {}, {}, true, 0}, creation->context,
        [this, creation](const HttpResponse &found) {
            if (found.isSuccess())
                return ensureFirewall(creation);
            if (found.status != 404)
                return creation->done(Error{errorOf(found)});
            // The user's key is not on the account: ours to add, so ours to remove at `down`.
            CloudResource key
                = resource(kSshKey, QStringLiteral("sparkdeck-") + creation->request.clusterName);
            key.region.clear();
            key.details.insert(QStringLiteral("fingerprint"), creation->keyFingerprint);
            const Result<QString> intent = creation->journal->recordIntent(key);
            if (!intent)
                return creation->done(Error{intent.errorMessage()});
            HttpRequest add = HttpRequest::json(
                "POST", QUrl(QStringLiteral("account/keys")),
                QJsonDocument(QJsonObject{
                    {QStringLiteral("name"), key.name},
                    {QStringLiteral("public_key"), creation->request.sshPublicKey.trimmed()}}));
            add.idempotent = false;
            m_client.send(
                add, creation->context,
                [this, creation, intentKey = *intent](const HttpResponse &added) {
                    if (added.isSuccess()) {
                        const QString id = idText(
                            added.json().object()[QLatin1String("ssh_key")][QLatin1String("id")]);
                        const Status recorded = creation->journal->recordCreated(intentKey, id);
                        if (!recorded)
                            return creation->done(Error{recorded.errorMessage()});
                    } else if (added.status
                               == 422) { // added meanwhile by someone else: use it, it is not ours
                        creation->journal->recordNotCreated(intentKey);
                    } else {
                        if (added.status >= 400 && added.status < 500)
                            creation->journal->recordNotCreated(intentKey);
                        return creation->done(Error{errorOf(added)});
                    }
                    ensureFirewall(creation);
                });
        });
}

void DigitalOceanProvider::ensureFirewall(const std::shared_ptr<Creation> &creation)
{
    for (const CloudResource &existing : creation->journal->outstanding()) {
        if (existing.kind != kFirewall)
            continue;
        if (existing.state == CloudResource::State::Created)
            return createDroplets(creation); // made by an earlier call of this cluster
        // A crash left it unanswered: droplets without their firewall are open to the world,
        // so find it, or know that it was never made and make it.
        return findTagged(
            creation->request.clusterName, creation->context,
            [this, creation, existing](const Result<QList<CloudResource>> &found) {
                if (!found)
                    return creation->done(Error{found.errorMessage()});
                for (const CloudResource &candidate : found.value()) {
                    if (candidate.kind == kFirewall && candidate.name == existing.name) {
                        const Status recorded
                            = creation->journal->recordCreated(existing.key, candidate.id);
                        return recorded ? createDroplets(creation)
                                        : creation->done(Error{recorded.errorMessage()});
                    }
                }
                const Status recorded = creation->journal->recordNotCreated(existing.key);
                return recorded ? ensureFirewall(creation)
                                : creation->done(Error{recorded.errorMessage()});
            });
    }
    const QString tag = tagFor(creation->request.clusterName);
    // A firewall may name only tags that exist; creating an existing tag is harmless.
    const HttpRequest createTag
        = HttpRequest::json("POST", QUrl(QStringLiteral("tags")),
                            QJsonDocument(QJsonObject{{QStringLiteral("name"), tag}}));
    m_client.send(createTag, creation->context, [this, creation, tag](const HttpResponse &tagged) {
        if (!tagged.isSuccess() && tagged.status != 422)
            return creation->done(Error{errorOf(tagged)});
        const CloudResource firewall
            = resource(kFirewall, QStringLiteral("sparkdeck-") + creation->request.clusterName);
        const Result<QString> intent = creation->journal->recordIntent(firewall);
        if (!intent)
            return creation->done(Error{intent.errorMessage()});
        HttpRequest create = HttpRequest::json(
            "POST", QUrl(QStringLiteral("firewalls")),
            QJsonDocument(firewallBody(firewall.name, tag, creation->request.sshSourceCidr)));
        create.idempotent = false;
        m_client.send(
            create, creation->context,
            [this, creation, intentKey = *intent](const HttpResponse &created) {
                if (!created.isSuccess()) {
                    if (created.status >= 400 && created.status < 500)
                        creation->journal->recordNotCreated(intentKey);
                    return creation->done(Error{errorOf(created)});
                }
                const QString id = idText(
                    created.json().object()[QLatin1String("firewall")][QLatin1String("id")]);
                const Status recorded = creation->journal->recordCreated(intentKey, id);
                if (!recorded)
                    return creation->done(Error{recorded.errorMessage()});
                createDroplets(creation);
            });
    });
}

void DigitalOceanProvider::createDroplets(const std::shared_ptr<Creation> &creation)
{
    const QStringList names = creation->request.names.mid(creation->nextName, maxBatch());
    if (names.isEmpty())
        return creation->done(creation->created);
    creation->nextName += int(names.size());

    QList<CloudResource> intents;
    for (const QString &name : names)
        intents << resource(CloudResource::kMachineKind, name);
    const Result<QStringList> keys = creation->journal->recordIntents(intents);
    if (!keys)
        return creation->done(Error{keys.errorMessage()});

    const MachineRequest &request = creation->request;
    QJsonObject body{{QStringLiteral("region"), orDefault(request.region, kDefaultRegion)},
                     {QStringLiteral("size"), orDefault(request.size, kDefaultSize)},
                     {QStringLiteral("image"), orDefault(request.image, kDefaultImage)},
                     {QStringLiteral("ssh_keys"), QJsonArray{creation->keyFingerprint}},
                     {QStringLiteral("tags"), QJsonArray{tagFor(request.clusterName)}},
                     {QStringLiteral("user_data"), request.userData},
                     {QStringLiteral("ipv6"), false},
                     {QStringLiteral("monitoring"), false}};
    if (names.size() == 1)
        body.insert(QStringLiteral("name"), names.first());
    else
        body.insert(QStringLiteral("names"), QJsonArray::fromStringList(names));
    HttpRequest create
        = HttpRequest::json("POST", QUrl(QStringLiteral("droplets")), QJsonDocument(body));
    create.idempotent = false; // no idempotency key: a lost answer is resolved by the tag
    m_client.send(create, creation->context,
                  [this, creation, names, keys = *keys](const HttpResponse &response) {
                      if (!response.isSuccess()) {
                          // A refusal (422: over the droplet limit, unknown size) created nothing;
                          // a lost answer or a server failure may have: those stay intents for
                          // `down` to resolve.
                          if (response.status >= 400 && response.status < 500) {
                              for (const QString &key : keys)
                                  creation->journal->recordNotCreated(key);
                          }
                          return creation->done(Error{errorOf(response)});
                      }
                      const QJsonObject root = response.json().object();
                      QJsonArray droplets = root.value(QLatin1String("droplets")).toArray();
                      if (root.contains(QLatin1String("droplet")))
                          droplets.append(root.value(QLatin1String("droplet")));
                      for (const QJsonValue &value : droplets) {
                          const ProvidedMachine machine = machineFrom(value.toObject());
                          const int index = int(names.indexOf(machine.name));
                          if (index < 0 || machine.id.isEmpty())
                              continue;
                          const Status recorded = creation->journal->recordCreated(
                              keys.at(index), machine.id, machine.hourlyPrice);
                          if (!recorded)
                              return creation->done(Error{recorded.errorMessage()});
                          creation->created << machine;
                      }
                      createDroplets(creation);
                  });
}

void DigitalOceanProvider::describeMachines(const QStringList &ids, QObject *context,
                                            Callback<QList<ProvidedMachine>> done)
{
    // One list call for all of them: polling N droplets costs one request, not N.
    const QString relative
        = path(QStringLiteral("droplets"), {{QStringLiteral("tag_name"), tagFor(m_spec.name)},
                                            {QStringLiteral("per_page"), QStringLiteral("200")}})
              .toString();
    listAll(relative, QStringLiteral("droplets"), context,
            [ids, done](const Result<QJsonArray> &droplets) {
                if (!droplets)
                    return done(Error{droplets.errorMessage()});
                QHash<QString, ProvidedMachine> byId;
                for (const QJsonValue &value : droplets.value()) {
                    const ProvidedMachine machine = machineFrom(value.toObject());
                    byId.insert(machine.id, machine);
                }
                QList<ProvidedMachine> machines;
                for (const QString &id : ids) {
                    // Not listed (yet): eventual consistency right after the create call.
                    ProvidedMachine machine = byId.value(id);
                    machine.id = id;
                    machines << machine;
                }
                done(machines);
            });
}

void DigitalOceanProvider::deleteById(const QString &relative, QObject *context,
                                      StatusCallback done)
{
    m_client.send(HttpRequest{"DELETE", QUrl(relative), {}, {}, true, 0}, context,
                  [this, done](const HttpResponse &response) {
                      if (response.isSuccess() || response.status == 404)
                          done(success());
                      else
                          done(Error{errorOf(response)});
                  });
}

void DigitalOceanProvider::destroy(const CloudResource &resource, QObject *context,
                                   StatusCallback done)
{
    if (resource.kind == kSshKey) {
        const QString which = resource.id.isEmpty()
                                  ? resource.details.value(QLatin1String("fingerprint")).toString()
                                  : resource.id;
        if (which.isEmpty()) {
            QMetaObject::invokeMethod(
                context, [done] { done(success()); }, Qt::QueuedConnection);
            return;
        }
        return deleteById(QStringLiteral("account/keys/") + which, context, done);
    }
    const QString collection
        = resource.kind == kFirewall ? QStringLiteral("firewalls") : QStringLiteral("droplets");
    if (!resource.id.isEmpty())
        return deleteById(collection + QLatin1Char('/') + resource.id, context, done);
    // An intent whose answer was lost: find what carries its name among the cluster's things.
    findTagged(
        m_spec.name, context,
        [this, resource, collection, context, done](const Result<QList<CloudResource>> &found) {
            if (!found)
                return done(Error{found.errorMessage()});
            QStringList ids;
            for (const CloudResource &candidate : found.value()) {
                if (candidate.kind == resource.kind && candidate.name == resource.name)
                    ids << candidate.id;
            }
            deleteEach(collection, ids, context, done);
        });
}

void DigitalOceanProvider::deleteEach(const QString &collection, QStringList ids, QObject *context,
                                      StatusCallback done)
{
    if (ids.isEmpty())
        return done(success()); // only ever called from a callback
    const QString first = ids.takeFirst();
    deleteById(collection + QLatin1Char('/') + first, context, [=](const Status &deleted) {
        if (!deleted)
            return done(deleted);
        deleteEach(collection, ids, context, done);
    });
}

void DigitalOceanProvider::findTagged(const QString &clusterName, QObject *context,
                                      Callback<QList<CloudResource>> done)
{
    const QString tag = tagFor(clusterName);
    const QString droplets
        = path(QStringLiteral("droplets"), {{QStringLiteral("tag_name"), tag},
                                            {QStringLiteral("per_page"), QStringLiteral("200")}})
              .toString();
    listAll(droplets, QStringLiteral("droplets"), context,
            [this, tag, clusterName, context, done](const Result<QJsonArray> &machines) {
                if (!machines)
                    return done(Error{machines.errorMessage()});
                auto found = std::make_shared<QList<CloudResource>>();
                for (const QJsonValue &value : machines.value()) {
                    const ProvidedMachine machine = machineFrom(value.toObject());
                    CloudResource droplet = resource(CloudResource::kMachineKind, machine.name);
                    droplet.id = machine.id;
                    droplet.state = CloudResource::State::Created;
                    droplet.publicAddress = machine.publicAddress;
                    droplet.privateAddress = machine.privateAddress;
                    *found << droplet;
                }
                listAll(
                    QStringLiteral("firewalls?per_page=200"), QStringLiteral("firewalls"), context,
                    [this, tag, clusterName, found, done](const Result<QJsonArray> &firewalls) {
                        if (!firewalls)
                            return done(Error{firewalls.errorMessage()});
                        for (const QJsonValue &value : firewalls.value()) {
                            const QJsonObject object = value.toObject();
                            const QString name = object.value(QLatin1String("name")).toString();
                            if (name != QStringLiteral("sparkdeck-") + clusterName
                                && !object.value(QLatin1String("tags")).toArray().contains(tag)) {
                                continue;
                            }
                            CloudResource firewall = resource(kFirewall, name);
                            firewall.id = idText(object.value(QLatin1String("id")));
                            firewall.state = CloudResource::State::Created;
                            *found << firewall;
                        }
                        done(*found);
                    });
            });
}

} // namespace SparkDeck
