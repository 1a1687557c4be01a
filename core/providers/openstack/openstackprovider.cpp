#include "openstackprovider.h"

#include "providers/openstack/openstackclient.h"
#include "providers/providerregistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::OpenStackProvider)
};

const QString kSecurityGroup = QStringLiteral("security_group");
const QString kKeyPair = QStringLiteral("key_pair");
const QString kFloatingIp = QStringLiteral("floating_ip");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

/// `path?name=value&...` with every value percent-encoded (a tag holds '=').
QString withQuery(const QString &path, const QList<QPair<QString, QString>> &items)
{
    QStringList pairs;
    for (const auto &[name, value] : items)
        pairs << name + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    return path + QLatin1Char('?') + pairs.join(QLatin1Char('&'));
}

/// What the cluster file can hold (the validator's characters): the flavor's name, else its id.
QString sizeId(const QJsonObject &flavor)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._:/~@+=-]+$"));
    const QString name = text(flavor, "name");
    return allowed.match(name).hasMatch() ? name : text(flavor, "id");
}

/// Calls `done` later, on `context`, unless it is gone.
void later(QObject *context, std::function<void()> done)
{
    QTimer::singleShot(0, context, std::move(done));
}
} // namespace

OpenStackProvider::OpenStackProvider(const QUrl &authUrl, const ProviderCredentials &credentials,
                                     const QString &region, const OpenStackSettings &settings,
                                     QObject *parent)
    : MachineProvider(parent)
    , m_client(new OpenStackClient(authUrl, credentials, region, this))
    , m_settings(settings)
{}

Result<std::unique_ptr<MachineProvider>>
OpenStackProvider::create(const ProviderSettings &settings, const QProcessEnvironment &environment)
{
    const QUrl authUrl = settings.apiBaseUrl.isEmpty()
                             ? QUrl(settings.credentials.value(QStringLiteral("auth_url")).reveal())
                             : settings.apiBaseUrl;
    if (authUrl.isEmpty() || !authUrl.isValid()) {
        return Error{Tr::tr(
            "No OpenStack Keystone URL: source your project's openrc file (OS_AUTH_URL...) or set "
            "OS_CLOUD to a cloud of your clouds.yaml.")};
    }
    OpenStackSettings openStack;
    openStack.flavor = settings.spec.machines.size;
    openStack.image = settings.spec.machines.image;
    openStack.network = environment.value(QStringLiteral("SPARKDECK_OPENSTACK_NETWORK"));
    openStack.floatingNetwork
        = environment.value(QStringLiteral("SPARKDECK_OPENSTACK_FLOATING_NETWORK"));
    const QString region = settings.spec.machines.region.isEmpty()
                               ? settings.credentials.value(QStringLiteral("region_name")).reveal()
                               : settings.spec.machines.region;
    return std::unique_ptr<MachineProvider>(
        std::make_unique<OpenStackProvider>(authUrl, settings.credentials, region, openStack));
}

ProvidedMachine OpenStackProvider::machineFrom(const QJsonObject &server, bool floating)
{
    ProvidedMachine machine;
    machine.id = text(server, "id");
    machine.name = text(server, "name");
    machine.statusText = text(server, "status");
    if (machine.statusText == QLatin1String("ACTIVE")) {
        machine.status = ProvidedMachine::Status::Ready;
    } else if (machine.statusText == QLatin1String("ERROR")) {
        machine.status = ProvidedMachine::Status::Failed;
        const QString fault = text(server.value(QLatin1String("fault")).toObject(), "message");
        if (!fault.isEmpty())
            machine.statusText += QStringLiteral(" (%1)").arg(fault);
    } else if (machine.statusText == QLatin1String("DELETED")
               || machine.statusText == QLatin1String("SOFT_DELETED")) {
        machine.status = ProvidedMachine::Status::Gone;
    } else if (machine.statusText == QLatin1String("SHUTOFF")
               || machine.statusText == QLatin1String("SUSPENDED")
               || machine.statusText == QLatin1String("PAUSED")
               || machine.statusText.startsWith(QLatin1String("SHELVED"))) {
        machine.status = ProvidedMachine::Status::Failed;
    } // BUILD, REBOOT, MIGRATING...: on its way
    const QJsonObject networks = server.value(QLatin1String("addresses")).toObject();
    for (auto network = networks.begin(); network != networks.end(); ++network) {
        for (const QJsonValue &value : network.value().toArray()) {
            const QJsonObject address = value.toObject();
            if (address.value(QLatin1String("version")).toInt() != 4)
                continue;
            const QString type = text(address, "OS-EXT-IPS:type");
            QString &slot = type == QLatin1String("floating") ? machine.publicAddress
                                                              : machine.privateAddress;
            if (slot.isEmpty())
                slot = text(address, "addr");
        }
    }
    if (floating && machine.publicAddress.isEmpty()
        && machine.status == ProvidedMachine::Status::Ready) {
        machine.status = ProvidedMachine::Status::Pending;
        machine.statusText = QStringLiteral("ACTIVE, waiting for its floating IP");
    }
    if (machine.publicAddress.isEmpty()) // a provider network: the fixed address is reachable
        machine.publicAddress = text(server, "accessIPv4").isEmpty() ? machine.privateAddress
                                                                     : text(server, "accessIPv4");
    return machine;
}

CloudResource OpenStackProvider::found(const QString &kind, const QString &id,
                                       const QString &name) const
{
    CloudResource resource;
    resource.provider = this->id();
    resource.kind = kind;
    resource.id = id;
    resource.name = name;
    resource.region = m_client->region();
    resource.state = CloudResource::State::Created;
    return resource;
}

void OpenStackProvider::listChoices(QObject *context, Callback<ProviderChoices> done)
{
    m_client->signIn(context, [this, context, done](const Result<KeystoneToken> &token) {
        if (!token)
            return done(Error{token.errorMessage()});
        auto choices = std::make_shared<ProviderChoices>();
        for (const QString &region : token->regions(QStringLiteral("compute")))
            choices->regions << RegionChoice{region, region, true};
        m_client->list(
            OpenStackService::Compute, QStringLiteral("flavors/detail"), QStringLiteral("flavors"),
            context, [this, context, choices, done](const Result<QList<QJsonObject>> &flavors) {
                if (!flavors)
                    return done(Error{flavors.errorMessage()});
                for (const QJsonObject &flavor : flavors.value()) {
                    // OpenStack's API has no prices: hourlyPrice stays empty.
                    choices->sizes << SizeChoice{sizeId(flavor),
                                                 flavor.value(QLatin1String("vcpus")).toInt(),
                                                 flavor.value(QLatin1String("ram")).toInteger(),
                                                 flavor.value(QLatin1String("disk")).toInt(),
                                                 std::nullopt,
                                                 {m_client->region()}};
                }
                m_client->list(OpenStackService::Image, QStringLiteral("images?status=active"),
                               QStringLiteral("images"), context,
                               [this, choices, done](const Result<QList<QJsonObject>> &images) {
                                   if (!images)
                                       return done(Error{images.errorMessage()});
                                   for (const QJsonObject &image : images.value())
                                       choices->images << ImageChoice{text(image, "id"),
                                                                      text(image, "name"),
                                                                      {m_client->region()}};
                                   done(*choices);
                               });
            });
    });
}

void OpenStackProvider::createMachines(const MachineRequest &request, ResourceJournal *journal,
                                       QObject *context, Callback<QList<ProvidedMachine>> done)
{
    auto *launch
        = new OpenStackLaunch(m_client, m_settings, request, journal, context, std::move(done));
    QTimer::singleShot(0, launch, &OpenStackLaunch::start);
}

void OpenStackProvider::describeMachines(const QStringList &ids, QObject *context,
                                         Callback<QList<ProvidedMachine>> done)
{
    describeFrom(ids, 0, std::make_shared<QList<ProvidedMachine>>(), context, std::move(done));
}

void OpenStackProvider::describeFrom(const QStringList &ids, int index,
                                     const std::shared_ptr<QList<ProvidedMachine>> &machines,
                                     QObject *context, Callback<QList<ProvidedMachine>> done)
{
    if (index >= ids.size())
        return later(context, [done, machines] { done(*machines); });
    HttpRequest request;
    request.url = QUrl(QStringLiteral("servers/") + ids.at(index));
    request.notFoundRetries = 2; // a server asked for a moment ago
    m_client->send(OpenStackService::Compute, request, context, [=](const HttpResponse &response) {
        ProvidedMachine machine;
        if (response.isSuccess()) {
            machine
                = machineFrom(response.json().object().value(QLatin1String("server")).toObject(),
                              !m_settings.floatingNetwork.isEmpty());
        } else if (response.status == 404) {
            machine.id = ids.at(index);
            machine.statusText = QStringLiteral("not visible yet");
        } else {
            return done(Error{OpenStackClient::describe(response, OpenStackService::Compute)});
        }
        *machines << machine;
        describeFrom(ids, index + 1, machines, context, done);
    });
}

void OpenStackProvider::listServers(const QString &clusterName, const QString &name,
                                    QObject *context,
                                    std::function<void(const Result<QList<QJsonObject>> &)> done)
{
    QList<QPair<QString, QString>> query{
        {QStringLiteral("tags"), OpenStackLaunch::tagFor(clusterName)}};
    if (!name.isEmpty()) // Nova matches names as regular expressions
        query << qMakePair(QStringLiteral("name"),
                           QStringLiteral("^%1$").arg(QRegularExpression::escape(name)));
    m_client->list(OpenStackService::Compute, withQuery(QStringLiteral("servers/detail"), query),
                   QStringLiteral("servers"), context, std::move(done));
}

void OpenStackProvider::listGroups(const QString &clusterName, QObject *context,
                                   std::function<void(const Result<QList<QJsonObject>> &)> done)
{
    const QString name = OpenStackLaunch::resourceName(clusterName);
    m_client->list(OpenStackService::Network,
                   withQuery(QStringLiteral("security-groups"), {{QStringLiteral("name"), name}}),
                   QStringLiteral("security_groups"), context,
                   [clusterName, done](const Result<QList<QJsonObject>> &groups) {
                       if (!groups)
                           return done(groups);
                       QList<QJsonObject> ours; // another project's group of that name is not ours
                       for (const QJsonObject &group : groups.value()) {
                           if (text(group, "description") == OpenStackLaunch::tagFor(clusterName))
                               ours << group;
                       }
                       done(ours);
                   });
}

void OpenStackProvider::destroy(const CloudResource &resource, QObject *context,
                                StatusCallback done)
{
    const auto ids = [](const QList<QJsonObject> &items) {
        QStringList found;
        for (const QJsonObject &item : items)
            found << text(item, "id");
        return found;
    };
    if (resource.isMachine()) {
        if (!resource.id.isEmpty())
            return deleteServers({resource.id}, context, done);
        // A create whose answer was lost: the server, if it exists, has its name and the tag.
        return listServers(text(resource.details, "cluster"), resource.name, context,
                           [=](const Result<QList<QJsonObject>> &servers) {
                               if (!servers)
                                   return done(Error{servers.errorMessage()});
                               deleteServers(ids(*servers), context, done);
                           });
    }
    if (resource.kind == kSecurityGroup) {
        if (!resource.id.isEmpty())
            return deleteGroups({resource.id}, 0, context, done);
        return listGroups(text(resource.details, "cluster"), context,
                          [=](const Result<QList<QJsonObject>> &groups) {
                              if (!groups)
                                  return done(Error{groups.errorMessage()});
                              deleteGroups(ids(*groups), 0, context, done);
                          });
    }
    if (resource.kind == kFloatingIp) {
        if (!resource.id.isEmpty())
            return deleteEach(OpenStackService::Network, QStringLiteral("floatingips"),
                              {resource.id}, context, done);
        // Its server is deleted first: the cluster's floating IPs left on no port are orphans.
        return listFloatingIps(
            text(resource.details, "cluster"), context, [=](const Result<QList<QJsonObject>> &ips) {
                if (!ips)
                    return done(Error{ips.errorMessage()});
                QStringList orphans;
                for (const QJsonObject &ip : ips.value()) {
                    if (ip.value(QLatin1String("port_id")).isNull())
                        orphans << text(ip, "id");
                }
                deleteEach(OpenStackService::Network, QStringLiteral("floatingips"), orphans,
                           context, done);
            });
    }
    if (resource.kind == kKeyPair) {
        return deleteEach(OpenStackService::Compute, QStringLiteral("os-keypairs"),
                          {resource.id.isEmpty() ? resource.name : resource.id}, context, done);
    }
    later(context, [done, resource] {
        done(Error{Tr::tr("SparkDeck does not know how to delete an OpenStack %1 (%2).")
                       .arg(resource.kind, resource.name)});
    });
}

void OpenStackProvider::deleteServers(QStringList ids, QObject *context, StatusCallback done)
{
    if (ids.isEmpty())
        return later(context, [done] { done(success()); });
    const QString id = ids.takeFirst();
    HttpRequest request;
    request.method = "DELETE";
    request.url = QUrl(QStringLiteral("servers/") + id);
    m_client->send(OpenStackService::Compute, request, context, [=](const HttpResponse &response) {
        if (!response.isSuccess() && response.status != 404)
            return done(Error{OpenStackClient::describe(response, OpenStackService::Compute)});
        waitGone(id, 0, context, [=](const Status &gone) {
            if (!gone)
                return done(gone);
            deleteServers(ids, context, done);
        });
    });
}

void OpenStackProvider::waitGone(const QString &id, int polls, QObject *context,
                                 StatusCallback done)
{
    HttpRequest request;
    request.url = QUrl(QStringLiteral("servers/") + id);
    m_client->send(OpenStackService::Compute, request, context, [=](const HttpResponse &response) {
        if (response.status == 404
            || text(response.json().object().value(QLatin1String("server")).toObject(), "status")
                   == QLatin1String("DELETED"))
            return done(success());
        if (!response.isSuccess())
            return done(Error{OpenStackClient::describe(response, OpenStackService::Compute)});
        if (polls >= m_settings.maxPolls) {
            return done(Error{Tr::tr("OpenStack server %1 is still there after it was deleted; run "
                                     "'down' again in a "
                                     "few minutes.")
                                  .arg(id)});
        }
        QTimer::singleShot(m_settings.pollIntervalMs, context,
                           [=] { waitGone(id, polls + 1, context, done); });
    });
}

void OpenStackProvider::deleteGroups(QStringList ids, int polls, QObject *context,
                                     StatusCallback done)
{
    if (ids.isEmpty())
        return later(context, [done] { done(success()); });
    HttpRequest request;
    request.method = "DELETE";
    request.url = QUrl(QStringLiteral("security-groups/") + ids.first());
    m_client->send(
        OpenStackService::Network, request, context, [=](const HttpResponse &response) mutable {
            // 409: a port of a deleted server still holds the group for a moment.
            if (response.status == 409 && polls < m_settings.maxPolls) {
                QTimer::singleShot(m_settings.pollIntervalMs, context,
                                   [=] { deleteGroups(ids, polls + 1, context, done); });
                return;
            }
            if (!response.isSuccess() && response.status != 404)
                return done(Error{OpenStackClient::describe(response, OpenStackService::Network)});
            ids.removeFirst();
            deleteGroups(ids, 0, context, done);
        });
}

void OpenStackProvider::deleteEach(OpenStackService service, const QString &collection,
                                   QStringList ids, QObject *context, StatusCallback done)
{
    if (ids.isEmpty())
        return later(context, [done] { done(success()); });
    HttpRequest request;
    request.method = "DELETE";
    request.url = QUrl(collection + QLatin1Char('/') + ids.takeFirst());
    m_client->send(service, request, context, [=](const HttpResponse &response) {
        if (!response.isSuccess() && response.status != 404)
            return done(Error{OpenStackClient::describe(response, service)});
        deleteEach(service, collection, ids, context, done);
    });
}

void OpenStackProvider::listFloatingIps(
    const QString &clusterName, QObject *context,
    std::function<void(const Result<QList<QJsonObject>> &)> done)
{
    m_client->list(
        OpenStackService::Network,
        withQuery(QStringLiteral("floatingips"),
                  {{QStringLiteral("description"), OpenStackLaunch::tagFor(clusterName)}}),
        QStringLiteral("floatingips"), context, std::move(done));
}

void OpenStackProvider::findTagged(const QString &clusterName, QObject *context,
                                   Callback<QList<CloudResource>> done)
{
    listServers(clusterName, QString(), context, [=](const Result<QList<QJsonObject>> &servers) {
        if (!servers)
            return done(Error{servers.errorMessage()});
        auto resources = std::make_shared<QList<CloudResource>>();
        for (const QJsonObject &server : servers.value()) {
            CloudResource machine = found(CloudResource::kMachineKind, text(server, "id"), text(server, "name"));
            const ProvidedMachine described = machineFrom(server);
            machine.publicAddress = described.publicAddress;
            machine.privateAddress = described.privateAddress;
            *resources << machine;
        }
        listGroups(clusterName, context, [=](const Result<QList<QJsonObject>> &groups) {
            if (!groups)
                return done(Error{groups.errorMessage()});
            for (const QJsonObject &group : groups.value())
                *resources << found(kSecurityGroup, text(group, "id"), text(group, "name"));
            listFloatingIps(clusterName, context, [=](const Result<QList<QJsonObject>> &ips) {
                if (!ips)
                    return done(Error{ips.errorMessage()});
                for (const QJsonObject &ip : ips.value())
                    *resources << found(kFloatingIp, text(ip, "id"),
                                        text(ip, "floating_ip_address"));
                // Key pairs take no tags: the cluster's is the one with its name.
                const QString keyName = OpenStackLaunch::resourceName(clusterName);
                HttpRequest request;
                request.url = QUrl(QStringLiteral("os-keypairs/") + keyName);
                m_client->send(
                    OpenStackService::Compute, request, context, [=](const HttpResponse &response) {
                        if (response.isSuccess())
                            *resources << found(kKeyPair, keyName, keyName);
                        else if (response.status != 404)
                            return done(Error{
                                OpenStackClient::describe(response, OpenStackService::Compute)});
                        done(*resources);
                    });
            });
        });
    });
}

} // namespace SparkDeck
