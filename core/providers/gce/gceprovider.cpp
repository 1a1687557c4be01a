#include "gceprovider.h"

#include "providers/gce/gceclient.h"
#include "providers/providerregistry.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::GceProvider)
};

ProvidedMachine machineFrom(const QJsonObject &instance)
{
    ProvidedMachine machine;
    machine.id = machine.name = instance.value(QLatin1String("name")).toString();
    machine.statusText = instance.value(QLatin1String("status")).toString();
    const QJsonObject network
        = instance.value(QLatin1String("networkInterfaces")).toArray().first().toObject();
    machine.privateAddress = network.value(QLatin1String("networkIP")).toString();
    machine.publicAddress = network.value(QLatin1String("accessConfigs"))
                                .toArray()
                                .first()
                                .toObject()
                                .value(QLatin1String("natIP"))
                                .toString();
    if (machine.statusText == QLatin1String("RUNNING"))
        machine.status = ProvidedMachine::Status::Ready;
    else if (machine.statusText == QLatin1String("PROVISIONING")
             || machine.statusText == QLatin1String("STAGING"))
        machine.status = ProvidedMachine::Status::Pending;
    else
        machine.status = ProvidedMachine::Status::Failed;
    return machine;
}

/// `path?filter=<filter>`, encoded.
QString filtered(const QString &path, const QString &filter)
{
    QUrl url(path);
    url.setQuery(QUrlQuery{{QStringLiteral("filter"), filter}});
    return url.toString(QUrl::FullyEncoded);
}
} // namespace

GceProvider::GceProvider(const QUrl &apiBase, const GceServiceAccount &account,
                         const GceSettings &settings, QObject *parent)
    : MachineProvider(parent)
    , m_client(new GceClient(apiBase, account, this))
    , m_settings(settings)
{}

Result<std::unique_ptr<MachineProvider>> GceProvider::create(const ProviderSettings &settings)
{
    const QString keyFile
        = settings.credentials.value(QStringLiteral("service_account_file")).reveal();
    if (keyFile.isEmpty())
        return Error{Tr::tr("No Google Cloud service account key found. Set "
                            "GOOGLE_APPLICATION_CREDENTIALS to the JSON "
                            "key of a service account with the Compute Admin role.")};
    const Result<GceServiceAccount> account = GceServiceAccount::load(keyFile);
    if (!account)
        return Error{account.errorMessage()};
    GceSettings gce;
    if (!settings.spec.machines.region.isEmpty())
        gce.zone = settings.spec.machines.region;
    if (!settings.spec.machines.size.isEmpty())
        gce.machineType = settings.spec.machines.size;
    if (!settings.spec.machines.image.isEmpty())
        gce.image = settings.spec.machines.image;
    return std::unique_ptr<MachineProvider>(
        std::make_unique<GceProvider>(settings.apiBaseUrl, *account, gce));
}

void GceProvider::listChoices(QObject *context, Callback<ProviderChoices> done)
{
    const QString project = m_client->project();
    m_client->list(
        QStringLiteral("projects/%1/zones").arg(project), context,
        [=](const Result<QList<QJsonObject>> &zones) {
            if (!zones) {
                done(Error{zones.errorMessage()});
                return;
            }
            auto choices = std::make_shared<ProviderChoices>();
            for (const QJsonObject &zone : zones.value())
                choices->regions.append(
                    {zone.value(QLatin1String("name")).toString(),
                     zone.value(QLatin1String("name")).toString(),
                     zone.value(QLatin1String("status")).toString() == QLatin1String("UP")});
            m_client->list(
                QStringLiteral("projects/%1/zones/%2/machineTypes").arg(project, m_settings.zone),
                context, [=](const Result<QList<QJsonObject>> &types) {
                    if (!types) {
                        done(Error{types.errorMessage()});
                        return;
                    }
                    for (const QJsonObject &type : types.value()) {
                        SizeChoice size;
                        size.id = type.value(QLatin1String("name")).toString();
                        size.cpus = type.value(QLatin1String("guestCpus")).toInt();
                        size.memoryMiB = type.value(QLatin1String("memoryMb")).toInteger();
                        size.regions = {m_settings.zone};
                        choices->sizes.append(size);
                    }
                    HttpRequest image;
                    image.url = QUrl(
                        QStringLiteral("projects/debian-cloud/global/images/family/debian-12"));
                    m_client->send(image, context, [=](const HttpResponse &response) {
                        if (!response.isSuccess()) {
                            done(Error{GceClient::describe(response)});
                            return;
                        }
                        const QJsonObject found = response.json().object();
                        choices->images.append({found.value(QLatin1String("selfLink")).toString(),
                                                found.value(QLatin1String("name")).toString(),
                                                {}});
                        done(*choices);
                    });
                });
        });
}

void GceProvider::createMachines(const MachineRequest &request, ResourceJournal *journal,
                                 QObject *context, Callback<QList<ProvidedMachine>> done)
{
    auto *launch = new GceLaunch(m_client, m_settings, request, journal, context, std::move(done));
    QTimer::singleShot(0, launch, &GceLaunch::start);
}

void GceProvider::describeMachines(const QStringList &ids, QObject *context,
                                   Callback<QList<ProvidedMachine>> done)
{
    describeFrom(ids, 0, std::make_shared<QList<ProvidedMachine>>(), context, std::move(done));
}

void GceProvider::describeFrom(const QStringList &ids, int index,
                               const std::shared_ptr<QList<ProvidedMachine>> &machines,
                               QObject *context, Callback<QList<ProvidedMachine>> done)
{
    if (index >= ids.size()) {
        QTimer::singleShot(0, context, [done, machines] { done(*machines); });
        return;
    }
    HttpRequest request;
    request.url = QUrl(QStringLiteral("projects/%1/zones/%2/instances/%3")
                           .arg(m_client->project(), m_settings.zone, ids.at(index)));
    request.notFoundRetries = 2; // a machine asked for a moment ago
    m_client->send(request, context, [=](const HttpResponse &response) {
        ProvidedMachine machine;
        if (response.isSuccess()) {
            machine = machineFrom(response.json().object());
        } else if (response.status == 404) {
            machine.id = machine.name = ids.at(index);
            machine.statusText = QStringLiteral("not visible yet");
        } else {
            done(Error{GceClient::describe(response)});
            return;
        }
        *machines << machine;
        describeFrom(ids, index + 1, machines, context, done);
    });
}

void GceProvider::destroy(const CloudResource &resource, QObject *context, StatusCallback done)
{
    const QString name = resource.id.isEmpty() ? resource.name : resource.id;
    QString path;
    if (resource.isMachine())
        path = QStringLiteral("projects/%1/zones/%2/instances/%3")
                   .arg(m_client->project(),
                        resource.region.isEmpty() ? m_settings.zone : resource.region, name);
    else if (resource.kind == QLatin1String("firewall"))
        path = QStringLiteral("projects/%1/global/firewalls/%2").arg(m_client->project(), name);
    if (path.isEmpty()) {
        QTimer::singleShot(0, context, [done, resource] {
            done(Error{Tr::tr("SparkDeck does not know how to delete a Compute Engine %1 (%2).")
                           .arg(resource.kind, resource.name)});
        });
        return;
    }
    HttpRequest request;
    request.method = "DELETE";
    request.url = QUrl(path);
    request.url.setQuery(QUrlQuery{
        {QStringLiteral("requestId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
    m_client->send(request, context, [done](const HttpResponse &response) {
        if (response.isSuccess() || response.status == 404)
            done(success());
        else
            done(Error{GceClient::describe(response)});
    });
}

void GceProvider::findTagged(const QString &clusterName, QObject *context,
                             Callback<QList<CloudResource>> done)
{
    const QString project = m_client->project();
    const auto resource = [this](const QString &kind, const QString &name) {
        CloudResource found;
        found.provider = id();
        found.kind = kind;
        found.id = found.name = name;
        found.region = kind == CloudResource::kMachineKind ? m_settings.zone : QString();
        found.state = CloudResource::State::Created;
        return found;
    };
    m_client->list(
        filtered(QStringLiteral("projects/%1/zones/%2/instances").arg(project, m_settings.zone),
                 QStringLiteral("labels.%1 = \"%2\"").arg(tagKey(), clusterName)),
        context, [=](const Result<QList<QJsonObject>> &instances) {
            if (!instances) {
                done(Error{instances.errorMessage()});
                return;
            }
            QList<CloudResource> found;
            for (const QJsonObject &instance : instances.value())
                found << resource(CloudResource::kMachineKind,
                                  instance.value(QLatin1String("name")).toString());
            m_client->list(filtered(QStringLiteral("projects/%1/global/firewalls").arg(project),
                                    QStringLiteral("description = \"%1\"")
                                        .arg(GceLaunch::firewallDescription(clusterName))),
                           context, [=](const Result<QList<QJsonObject>> &firewalls) mutable {
                               if (!firewalls) {
                                   done(Error{firewalls.errorMessage()});
                                   return;
                               }
                               for (const QJsonObject &firewall : firewalls.value())
                                   found << resource(
                                       QStringLiteral("firewall"),
                                       firewall.value(QLatin1String("name")).toString());
                               done(found);
                           });
        });
}

} // namespace SparkDeck
