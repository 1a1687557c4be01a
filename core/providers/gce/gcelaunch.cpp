#include "gcelaunch.h"

#include "providers/resourcejournal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::GceLaunch)
};

QUrl withRequestId(const QString &path, const QString &requestId)
{
    QUrl url(path);
    url.setQuery(QUrlQuery{{QStringLiteral("requestId"), requestId}});
    return url;
}
} // namespace

GceLaunch::GceLaunch(GceClient *client, const GceSettings &settings, const MachineRequest &request,
                     ResourceJournal *journal, QObject *context,
                     MachineProvider::Callback<QList<ProvidedMachine>> done)
    : QObject(context)
    , m_client(client)
    , m_settings(settings)
    , m_request(request)
    , m_journal(journal)
    , m_done(std::move(done))
{}

void GceLaunch::start()
{
    if (m_request.sshSourceCidr.isEmpty()) {
        fail(Tr::tr("SparkDeck could not tell this computer's public address, and it opens SSH on "
                    "the Compute Engine "
                    "machines to that address only. Check the internet connection and run again."));
        return;
    }
    createFirewall(0);
}

void GceLaunch::createFirewall(int index)
{
    if (index > 1) {
        createMachine(0);
        return;
    }
    const QString tag = networkTag(m_request.clusterName);
    const QString name = tag + (index == 0 ? QStringLiteral("-ssh") : QStringLiteral("-internal"));
    if (const std::optional<CloudResource> made
        = m_journal->outstandingEntry(QStringLiteral("gce"), QStringLiteral("firewall"), name);
        made && made->state == CloudResource::State::Created) {
        createFirewall(index + 1);
        return;
    }
    QJsonObject rule{{QStringLiteral("name"), name},
                     {QStringLiteral("description"), firewallDescription(m_request.clusterName)},
                     {QStringLiteral("network"), QStringLiteral("global/networks/default")},
                     {QStringLiteral("direction"), QStringLiteral("INGRESS")},
                     {QStringLiteral("targetTags"), QJsonArray{tag}}};
    if (index == 0) {
        rule.insert(QStringLiteral("sourceRanges"), QJsonArray{m_request.sshSourceCidr});
        rule.insert(
            QStringLiteral("allowed"),
            QJsonArray{QJsonObject{{QStringLiteral("IPProtocol"), QStringLiteral("tcp")},
                                   {QStringLiteral("ports"), QJsonArray{QStringLiteral("22")}}}});
    } else {
        rule.insert(QStringLiteral("sourceTags"), QJsonArray{tag});
        rule.insert(QStringLiteral("allowed"),
                    QJsonArray{QJsonObject{{QStringLiteral("IPProtocol"), QStringLiteral("all")}}});
    }
    CloudResource intent;
    intent.kind = QStringLiteral("firewall");
    intent.name = name;
    create(intent,
           HttpRequest::json(
               "POST",
               QUrl(QStringLiteral("projects/%1/global/firewalls").arg(m_client->project())),
               QJsonDocument(rule)),
           [this, index] { createFirewall(index + 1); });
}

void GceLaunch::createMachine(int index)
{
    if (index >= m_request.names.size()) {
        deleteLater();
        auto done = std::move(m_done);
        done(m_machines);
        return;
    }
    const QString name = m_request.names.at(index);
    const QString zone = m_settings.zone;
    const QJsonObject labels{{MachineProvider::tagKey(), m_request.clusterName}};
    const QJsonObject instance{
        {QStringLiteral("name"), name},
        {QStringLiteral("machineType"),
         QStringLiteral("zones/%1/machineTypes/%2").arg(zone, m_settings.machineType)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("tags"),
         QJsonObject{{QStringLiteral("items"), QJsonArray{networkTag(m_request.clusterName)}}}},
        {QStringLiteral("disks"),
         QJsonArray{QJsonObject{{QStringLiteral("boot"), true},
                                {QStringLiteral("autoDelete"), true},
                                {QStringLiteral("initializeParams"),
                                 QJsonObject{{QStringLiteral("sourceImage"), m_settings.image},
                                             {QStringLiteral("labels"), labels}}}}}},
        {QStringLiteral("networkInterfaces"),
         QJsonArray{QJsonObject{
             {QStringLiteral("network"), QStringLiteral("global/networks/default")},
             {QStringLiteral("accessConfigs"),
              QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("ONE_TO_ONE_NAT")},
                                     {QStringLiteral("name"), QStringLiteral("External NAT")}}}}}}},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("items"),
                      QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("user-data")},
                                             {QStringLiteral("value"), m_request.userData}}}}}}};
    CloudResource intent;
    intent.kind = CloudResource::kMachineKind;
    intent.name = name;
    create(
        intent,
        HttpRequest::json(
            "POST",
            QUrl(QStringLiteral("projects/%1/zones/%2/instances").arg(m_client->project(), zone)),
            QJsonDocument(instance)),
        [this, index, name] {
            ProvidedMachine machine;
            machine.id = name;
            machine.name = name;
            machine.statusText = QStringLiteral("PROVISIONING");
            m_machines << machine;
            createMachine(index + 1);
        });
}

void GceLaunch::create(CloudResource intent, const HttpRequest &request, std::function<void()> next)
{
    intent.provider = QStringLiteral("gce");
    intent.region = m_settings.zone;
    intent.idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Result<QString> key = m_journal->recordIntent(intent);
    if (!key) {
        fail(key.errorMessage());
        return;
    }
    HttpRequest withId = request;
    withId.url
        = withRequestId(request.url.path(), intent.idempotencyKey); // a retry repeats it: made once
    m_client->send(
        withId, this, [this, key = *key, name = intent.name, next](const HttpResponse &response) {
            const QJsonObject operation = response.json().object();
            const QJsonArray errors = operation.value(QLatin1String("error"))
                                          .toObject()
                                          .value(QLatin1String("errors"))
                                          .toArray();
            if (response.isSuccess()
                && !errors.isEmpty()) { // the operation itself failed: nothing was made
                m_journal->recordNotCreated(key);
                fail(
                    Tr::tr("Google Compute Engine could not create %1: %2")
                        .arg(name,
                             errors.first().toObject().value(QLatin1String("message")).toString()));
                return;
            }
            const bool exists = response.status == 409; // made by a run whose answer was lost
            if (response.isSuccess() || exists) {
                const Status recorded = m_journal->recordCreated(key, name);
                if (!recorded)
                    fail(recorded.errorMessage());
                else
                    next();
                return;
            }
            if (response.status >= 400 && response.status < 500)
                m_journal->recordNotCreated(key);
            fail(GceClient::describe(response));
        });
}

void GceLaunch::fail(const QString &message)
{
    deleteLater();
    auto done = std::move(m_done);
    done(Error{message});
}

} // namespace SparkDeck
