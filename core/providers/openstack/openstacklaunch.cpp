#include "openstacklaunch.h"

#include "providers/resourcejournal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::OpenStackLaunch)
};

const QString kProvider = QStringLiteral("openstack");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

/// The flavor named `wanted` (name or id); else the smallest with 2 vCPUs and 4 GiB of memory.
std::optional<QJsonObject> chooseFlavor(const QList<QJsonObject> &flavors, const QString &wanted)
{
    std::optional<QJsonObject> chosen;
    for (const QJsonObject &flavor : flavors) {
        if (!wanted.isEmpty()) {
            if (text(flavor, "id") == wanted || text(flavor, "name") == wanted)
                return flavor;
            continue;
        }
        const auto size = [](const QJsonObject &f) {
            return qMakePair(f.value(QLatin1String("vcpus")).toInt(),
                             f.value(QLatin1String("ram")).toInteger());
        };
        if (size(flavor).first >= 2 && size(flavor).second >= 4096
            && (!chosen || size(flavor) < size(*chosen)))
            chosen = flavor;
    }
    return chosen;
}

/// The image named `wanted` (name or id); else the newest Debian 12.
std::optional<QJsonObject> chooseImage(const QList<QJsonObject> &images, const QString &wanted)
{
    static const QRegularExpression debian12(QStringLiteral("debian[ _-]?12"),
                                             QRegularExpression::CaseInsensitiveOption);
    std::optional<QJsonObject> chosen;
    for (const QJsonObject &image : images) {
        if (!wanted.isEmpty()) {
            if (text(image, "id") == wanted || text(image, "name") == wanted)
                return image;
            continue;
        }
        if (debian12.match(text(image, "name")).hasMatch()
            && (!chosen || text(image, "created_at") > text(*chosen, "created_at")))
            chosen = image;
    }
    return chosen;
}

QStringList names(const QList<QJsonObject> &items)
{
    QStringList found;
    for (const QJsonObject &item : items)
        found << text(item, "name");
    return found;
}

/// The key type and base64 of an OpenSSH public key line: what makes two lines the same key.
QString keyMaterial(const QString &line)
{
    return line.trimmed().section(QLatin1Char(' '), 0, 1);
}
} // namespace

OpenStackLaunch::OpenStackLaunch(OpenStackClient *client, const OpenStackSettings &settings,
                                 const MachineRequest &request, ResourceJournal *journal,
                                 QObject *context,
                                 MachineProvider::Callback<QList<ProvidedMachine>> done)
    : QObject(context)
    , m_client(client)
    , m_settings(settings)
    , m_request(request)
    , m_journal(journal)
    , m_done(std::move(done))
{}

void OpenStackLaunch::start()
{
    if (m_request.sshSourceCidr.isEmpty()
        || keyMaterial(m_request.sshPublicKey).count(QLatin1Char(' ')) != 1) {
        fail(Tr::tr("OpenStack servers need the user's public key and public address (SSH is "
                    "opened to that address "
                    "only). Check the SSH identity and the internet connection, and run again."));
        return;
    }
    resolveFlavor();
}

void OpenStackLaunch::resolveFlavor()
{
    resolve(OpenStackService::Compute, QStringLiteral("flavors/detail"), QStringLiteral("flavors"),
            [this](const QList<QJsonObject> &flavors) {
                const std::optional<QJsonObject> flavor = chooseFlavor(flavors, m_settings.flavor);
                if (flavor) {
                    m_flavorId = text(*flavor, "id");
                    return resolveImage();
                }
                fail(Tr::tr("OpenStack has no flavor '%1' (machines.size); the project offers: %2.")
                         .arg(m_settings.flavor.isEmpty() ? Tr::tr("with 2 vCPUs and 4 GiB")
                                                          : m_settings.flavor,
                              names(flavors).join(QStringLiteral(", "))));
            });
}

void OpenStackLaunch::resolveImage()
{
    resolve(OpenStackService::Image, QStringLiteral("images?status=active"),
            QStringLiteral("images"), [this](const QList<QJsonObject> &images) {
                const std::optional<QJsonObject> image = chooseImage(images, m_settings.image);
                if (image) {
                    m_imageId = text(*image, "id");
                    return ensureKeyPair();
                }
                fail(Tr::tr("OpenStack has no image '%1' (machines.image); the project offers: %2.")
                         .arg(m_settings.image.isEmpty() ? QStringLiteral("Debian 12")
                                                         : m_settings.image,
                              names(images).join(QStringLiteral(", "))));
            });
}

void OpenStackLaunch::resolve(OpenStackService service, const QString &path, const QString &key,
                              std::function<void(const QList<QJsonObject> &)> choose)
{
    m_client->list(service, path, key, this,
                   [this, choose](const Result<QList<QJsonObject>> &items) {
                       if (!items)
                           return fail(items.errorMessage());
                       choose(*items);
                   });
}

void OpenStackLaunch::ensureKeyPair()
{
    const QString name = resourceName(m_request.clusterName);
    const QString publicKey = m_request.sshPublicKey.trimmed();
    // A key pair of that name with the user's key is ours from an interrupted run; another key
    // under our name is a conflict the user must settle.
    const Lookup lookup = [this, name, publicKey](IdCallback found) {
        HttpRequest get;
        get.url = QUrl(QStringLiteral("os-keypairs/") + name);
        m_client->send(
            OpenStackService::Compute, get, this,
            [name, publicKey, found](const HttpResponse &response) {
                if (response.status == 404)
                    return found(QString());
                if (!response.isSuccess())
                    return found(
                        Error{OpenStackClient::describe(response, OpenStackService::Compute)});
                const QString existing
                    = text(response.json().object().value(QLatin1String("keypair")).toObject(),
                           "public_key");
                if (keyMaterial(existing) != keyMaterial(publicKey)) {
                    return found(
                        Error{Tr::tr("OpenStack already has a key pair '%1' with another public "
                                     "key. Delete it "
                                     "(openstack keypair delete %1) or rename the cluster.")
                                  .arg(name)});
                }
                found(name);
            });
    };
    const QJsonObject keypair{{QStringLiteral("name"), name},
                              {QStringLiteral("public_key"), publicKey}};
    ensure(
        QStringLiteral("key_pair"), name, OpenStackService::Compute, lookup,
        HttpRequest::json("POST", QUrl(QStringLiteral("os-keypairs")),
                          QJsonDocument(QJsonObject{{QStringLiteral("keypair"), keypair}})),
        [name](const QJsonObject &) { return name; },
        [this](const QString &) { ensureSecurityGroup(); });
}

void OpenStackLaunch::ensureSecurityGroup()
{
    const QString name = resourceName(m_request.clusterName);
    const QString description = tagFor(m_request.clusterName);
    const Lookup lookup = [this, name, description](IdCallback found) {
        m_client->list(OpenStackService::Network, QStringLiteral("security-groups?name=") + name,
                       QStringLiteral("security_groups"), this,
                       [description, found](const Result<QList<QJsonObject>> &groups) {
                           if (!groups)
                               return found(Error{groups.errorMessage()});
                           for (const QJsonObject &group : groups.value()) {
                               if (text(group, "description") == description)
                                   return found(text(group, "id"));
                           }
                           found(QString());
                       });
    };
    const QJsonObject group{{QStringLiteral("name"), name},
                            {QStringLiteral("description"), description}};
    ensure(
        QStringLiteral("security_group"), name, OpenStackService::Network, lookup,
        HttpRequest::json("POST", QUrl(QStringLiteral("security-groups")),
                          QJsonDocument(QJsonObject{{QStringLiteral("security_group"), group}})),
        [](const QJsonObject &answer) {
            return text(answer.value(QLatin1String("security_group")).toObject(), "id");
        },
        [this](const QString &id) {
            m_groupId = id;
            const bool ipv6 = m_request.sshSourceCidr.contains(QLatin1Char(':'));
            const QJsonObject ssh{{QStringLiteral("direction"), QStringLiteral("ingress")},
                                  {QStringLiteral("ethertype"),
                                   ipv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4")},
                                  {QStringLiteral("protocol"), QStringLiteral("tcp")},
                                  {QStringLiteral("port_range_min"), 22},
                                  {QStringLiteral("port_range_max"), 22},
                                  {QStringLiteral("remote_ip_prefix"), m_request.sshSourceCidr},
                                  {QStringLiteral("security_group_id"), id}};
            const QJsonObject cluster{{QStringLiteral("direction"), QStringLiteral("ingress")},
                                      {QStringLiteral("ethertype"), QStringLiteral("IPv4")},
                                      {QStringLiteral("remote_group_id"), id},
                                      {QStringLiteral("security_group_id"), id}};
            addRule(ssh, [this, cluster] { addRule(cluster, [this] { createServer(0); }); });
        });
}

void OpenStackLaunch::addRule(const QJsonObject &rule, std::function<void()> next)
{
    // Rules live and die with their group: the group's journal entry covers them. A rule that
    // exists already (a resumed run) answers 409, which is as good as made.
    HttpRequest create = HttpRequest::json(
        "POST", QUrl(QStringLiteral("security-group-rules")),
        QJsonDocument(QJsonObject{{QStringLiteral("security_group_rule"), rule}}));
    create.idempotent = false;
    m_client->send(OpenStackService::Network, create, this,
                   [this, next](const HttpResponse &response) {
                       if (response.isSuccess() || response.status == 409)
                           return next();
                       fail(OpenStackClient::describe(response, OpenStackService::Network));
                   });
}

void OpenStackLaunch::createServer(int index)
{
    if (index >= m_request.names.size())
        return m_settings.floatingNetwork.isEmpty() ? finish() : resolveFloatingNetwork();
    const QString name = m_request.names.at(index);
    QJsonObject server{
        {QStringLiteral("name"), name},
        {QStringLiteral("imageRef"), m_imageId},
        {QStringLiteral("flavorRef"), m_flavorId},
        {QStringLiteral("key_name"), resourceName(m_request.clusterName)},
        {QStringLiteral("user_data"), QString::fromLatin1(m_request.userData.toUtf8().toBase64())},
        {QStringLiteral("metadata"),
         QJsonObject{{MachineProvider::tagKey(), m_request.clusterName}}},
        {QStringLiteral("tags"), QJsonArray{tagFor(m_request.clusterName)}},
        {QStringLiteral("security_groups"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), m_groupId}}}}};
    if (m_settings.network.isEmpty())
        server.insert(QStringLiteral("networks"), QStringLiteral("auto"));
    else
        server.insert(QStringLiteral("networks"),
                      QJsonArray{QJsonObject{{QStringLiteral("uuid"), m_settings.network}}});

    CloudResource intent;
    intent.provider = kProvider;
    intent.kind = CloudResource::kMachineKind;
    intent.name = name;
    intent.region = m_client->region();
    intent.details.insert(QStringLiteral("cluster"), m_request.clusterName); // to find it by tag
    const Result<QString> key = m_journal->recordIntent(intent);
    if (!key)
        return fail(key.errorMessage());
    HttpRequest create
        = HttpRequest::json("POST", QUrl(QStringLiteral("servers")),
                            QJsonDocument(QJsonObject{{QStringLiteral("server"), server}}));
    create.idempotent = false; // no idempotency key: a lost answer is settled by name and tag
    m_client->send(
        OpenStackService::Compute, create, this,
        [this, index, name, key = *key](const HttpResponse &response) {
            if (!response.isSuccess()) {
                if (response.status >= 400 && response.status < 500)
                    m_journal->recordNotCreated(key);
                return fail(OpenStackClient::describe(response, OpenStackService::Compute));
            }
            ProvidedMachine machine;
            machine.id
                = text(response.json().object().value(QLatin1String("server")).toObject(), "id");
            machine.name = name;
            machine.statusText = QStringLiteral("BUILD");
            if (const Status recorded = m_journal->recordCreated(key, machine.id); !recorded)
                return fail(recorded.errorMessage());
            m_machines << machine;
            createServer(index + 1);
        });
}

void OpenStackLaunch::resolveFloatingNetwork()
{
    resolve(
        OpenStackService::Network, QStringLiteral("networks?router%3Aexternal=true"),
        QStringLiteral("networks"), [this](const QList<QJsonObject> &networks) {
            for (const QJsonObject &network : networks) {
                if (text(network, "id") == m_settings.floatingNetwork
                    || text(network, "name") == m_settings.floatingNetwork) {
                    m_floatingNetworkId = text(network, "id");
                    return attachFloatingIp(m_journal->liveMachines());
                }
            }
            fail(Tr::tr("OpenStack has no external network '%1' for floating IPs "
                        "(SPARKDECK_OPENSTACK_FLOATING_NETWORK); "
                        "the project sees: %2.")
                     .arg(m_settings.floatingNetwork, names(networks).join(QStringLiteral(", "))));
        });
}

void OpenStackLaunch::attachFloatingIp(QList<CloudResource> machines)
{
    if (machines.isEmpty())
        return finish();
    const CloudResource machine = machines.takeFirst();
    const QString kind = QStringLiteral("floating_ip");
    if (const auto made = m_journal->outstandingEntry(kProvider, kind, machine.name);
        machine.provider != kProvider || (made && made->state == CloudResource::State::Created))
        return attachFloatingIp(machines);
    waitForPort(machine.id, 0, [=](const QString &portId) {
        const Lookup lookup = [this, portId](IdCallback found) {
            m_client->list(OpenStackService::Network,
                           QStringLiteral("floatingips?port_id=") + portId,
                           QStringLiteral("floatingips"), this,
                           [found](const Result<QList<QJsonObject>> &ips) {
                               if (!ips)
                                   return found(Error{ips.errorMessage()});
                               found(ips->isEmpty() ? QString() : text(ips->first(), "id"));
                           });
        };
        const QJsonObject floatingIp{
            {QStringLiteral("floating_network_id"), m_floatingNetworkId},
            {QStringLiteral("port_id"), portId},
            {QStringLiteral("description"), tagFor(m_request.clusterName)}};
        ensure(
            kind, machine.name, OpenStackService::Network, lookup,
            HttpRequest::json(
                "POST", QUrl(QStringLiteral("floatingips")),
                QJsonDocument(QJsonObject{{QStringLiteral("floatingip"), floatingIp}})),
            [](const QJsonObject &answer) {
                return text(answer.value(QLatin1String("floatingip")).toObject(), "id");
            },
            [this, machines](const QString &) { attachFloatingIp(machines); });
    });
}

void OpenStackLaunch::waitForPort(const QString &serverId, int polls,
                                  std::function<void(const QString &portId)> next)
{
    // Nova makes the server's port while it builds: a moment after the create call.
    m_client->list(OpenStackService::Network, QStringLiteral("ports?device_id=") + serverId,
                   QStringLiteral("ports"), this, [=](const Result<QList<QJsonObject>> &ports) {
                       if (!ports)
                           return fail(ports.errorMessage());
                       if (!ports->isEmpty())
                           return next(text(ports->first(), "id"));
                       if (polls >= m_settings.maxPolls)
                           return fail(Tr::tr("OpenStack server %1 has no network port yet, so it "
                                              "cannot get a floating IP; run 'up' "
                                              "again in a few minutes.")
                                           .arg(serverId));
                       QTimer::singleShot(m_settings.pollIntervalMs, this,
                                          [=] { waitForPort(serverId, polls + 1, next); });
                   });
}

void OpenStackLaunch::finish()
{
    deleteLater();
    auto done = std::move(m_done);
    done(m_machines);
}

void OpenStackLaunch::ensure(const QString &kind, const QString &name, OpenStackService service,
                             const Lookup &lookup, const HttpRequest &request,
                             std::function<QString(const QJsonObject &)> idOf,
                             std::function<void(const QString &id)> next)
{
    const std::optional<CloudResource> entry = m_journal->outstandingEntry(kProvider, kind, name);
    if (entry && entry->state == CloudResource::State::Created)
        return next(entry->id);
    if (entry) { // an interrupted run sent it: made, or not
        lookup([=, key = entry->key](const Result<QString> &found) {
            if (!found)
                return fail(found.errorMessage());
            if (!found->isEmpty())
                return adopt(key, *found, next);
            sendCreate(key, service, lookup, request, idOf, next);
        });
        return;
    }
    CloudResource intent;
    intent.provider = kProvider;
    intent.kind = kind;
    intent.name = name;
    intent.region = m_client->region();
    intent.details.insert(QStringLiteral("cluster"), m_request.clusterName); // to find it by tag
    const Result<QString> key = m_journal->recordIntent(intent);
    if (!key)
        return fail(key.errorMessage());
    sendCreate(*key, service, lookup, request, idOf, next);
}

void OpenStackLaunch::sendCreate(const QString &key, OpenStackService service, const Lookup &lookup,
                                 HttpRequest request,
                                 std::function<QString(const QJsonObject &)> idOf,
                                 std::function<void(const QString &id)> next)
{
    request.idempotent = false;
    m_client->send(service, request, this, [=](const HttpResponse &response) {
        if (response.isSuccess())
            return adopt(key, idOf(response.json().object()), next);
        if (response.status == 409) { // exists already: ours when the lookup says so
            return lookup([=](const Result<QString> &found) {
                if (!found || found->isEmpty()) {
                    m_journal->recordNotCreated(key);
                    return fail(found ? OpenStackClient::describe(response, service)
                                      : found.errorMessage());
                }
                adopt(key, *found, next);
            });
        }
        if (response.status >= 400 && response.status < 500)
            m_journal->recordNotCreated(key);
        fail(OpenStackClient::describe(response, service));
    });
}

void OpenStackLaunch::adopt(const QString &key, const QString &id,
                            const std::function<void(const QString &id)> &next)
{
    if (const Status recorded = m_journal->recordCreated(key, id); !recorded)
        return fail(recorded.errorMessage());
    next(id);
}

void OpenStackLaunch::fail(const QString &message)
{
    deleteLater();
    auto done = std::move(m_done);
    done(Error{message});
}

} // namespace SparkDeck
