// The OpenStack provider against a local stand-in cloud (FakeOpenStack: Keystone, Nova, Neutron
// and Glance on one server, every call checked for a token Keystone issued): sign-in and the
// catalog, choices, creation (key pair, security group, tagged servers, floating IPs when asked,
// each journaled before its create call), throttling, BUILD/ACTIVE/ERROR, a quota reached half-way,
// an answer that never comes and what `up` and `down` make of it, teardown and the sweep by tag.
#include "fakeopenstack.h"
#include "providercalls.h"
#include "providers/createmachinestask.h"
#include "providers/destroyresourcestask.h"
#include "providers/openstack/openstackclient.h"
#include "providers/openstack/openstackprovider.h"
#include "providers/providerregistry.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {
const QString PublicKey
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHu5nB3W1dHUP7m4oKk0c1rUJtq user@laptop");
const QString Tag = QStringLiteral("sparkdeck-cluster=demo");

ProviderCredentials passwordCredentials(const QString &password = FakeOpenStack::password())
{
    return {QStringLiteral("OS_AUTH_URL"),
            {{QStringLiteral("username"), Secret(FakeOpenStack::user())},
             {QStringLiteral("password"), Secret(password)},
             {QStringLiteral("project_name"), Secret(FakeOpenStack::project())},
             {QStringLiteral("user_domain_name"), Secret(QStringLiteral("Default"))},
             {QStringLiteral("project_domain_name"), Secret(QStringLiteral("Default"))}}};
}

QString errorOf(const std::optional<Result<QList<ProvidedMachine>>> &result)
{
    return !result        ? QStringLiteral("no answer")
           : result->ok() ? QString()
                          : result->errorMessage();
}
} // namespace

class tst_OpenStackProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void signsInWithAPasswordAndUsesTheRegionsPublicEndpoints();
    void signsInWithAnApplicationCredential();
    void aWrongPasswordIsRefusedWithoutShowingIt();
    void aRevokedTokenIsReplacedOnce();
    void theRegistryMakesItFromTheCredentials();
    void createsTaggedServersWithTheKeyPairAndTheSecurityGroup();
    void journalsEachResourceBeforeItsCreateCall();
    void describeSaysBuildThenActiveWithTheFixedAddress();
    void floatingIpsComeFromTheExternalNetworkWhenAsked();
    void aServerInErrorFailsWithItsFaultMessage();
    void throttledCallsAreRetried_data();
    void throttledCallsAreRetried();
    void quotaMidwayLeavesThreeRecordedAndDownDeletesThree();
    void aLostCreateAnswerIsFoundByNameAndTagAtDown();
    void resumeAfterALostAnswerMakesNothingTwice();
    void teardownWaitsForServersToGoThenDeletesTheGroupAndKey();
    void theSweepFollowsPagesAndFindsWhatTheJournalMissed();

private:
    std::unique_ptr<OpenStackProvider> makeProvider(const ProviderCredentials &credentials
                                                    = passwordCredentials()) const;
    MachineRequest request(int machines) const;
    /// `up` for three machines dies while the first server's create has no answer yet.
    bool crashWaitingForTheFirstServer();

    std::unique_ptr<FakeOpenStack> m_cloud;
    OpenStackSettings m_settings;
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<ResourceJournal> m_journal;
};

void tst_OpenStackProvider::init()
{
    m_cloud = std::make_unique<FakeOpenStack>();
    QVERIFY(m_cloud->listen());
    m_state = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<ResourceJournal>(m_state->path());
    m_settings = OpenStackSettings();
    m_settings.pollIntervalMs = 5;
}

void tst_OpenStackProvider::cleanup()
{
    QCOMPARE(m_cloud->unauthorized, 0); // every API call carried a token Keystone issued
    for (const HttpTestRequest &request : m_cloud->server().requests())
        QVERIFY2(!request.path.startsWith(QLatin1String("/wrong/")),
                 qPrintable(request.path)); // RegionOne, public only
    QFile journal(m_journal->filePath());
    if (journal.open(QIODevice::ReadOnly))
        QVERIFY(!journal.readAll().contains(FakeOpenStack::password().toUtf8()));
    m_journal.reset();
    m_cloud.reset();
}

std::unique_ptr<OpenStackProvider>
tst_OpenStackProvider::makeProvider(const ProviderCredentials &credentials) const
{
    auto provider = std::make_unique<OpenStackProvider>(m_cloud->authUrl(), credentials, QString(),
                                                        m_settings);
    provider->client()->rest()->setRetryPolicy(quickRetries());
    return provider;
}

MachineRequest tst_OpenStackProvider::request(int machines) const
{
    return demoRequest(machines, PublicKey);
}

bool tst_OpenStackProvider::crashWaitingForTheFirstServer()
{
    m_cloud->holdCreates = true;
    const auto provider = makeProvider();
    QObject context; // the process that sent the create: gone before the answer
    provider->createMachines(request(3), m_journal.get(), &context,
                             [](const Result<QList<ProvidedMachine>> &) {});
    const bool sent = QTest::qWaitFor([this] { return m_cloud->servers.size() == 1; }, 30000);
    m_cloud->holdCreates = false;
    return sent;
}

void tst_OpenStackProvider::signsInWithAPasswordAndUsesTheRegionsPublicEndpoints()
{
    m_cloud->pageSize = 2; // flavors and images come in pages
    const auto provider = makeProvider();
    const auto choices = await<ProviderChoices>(
        [&](QObject *context, MachineProvider::Callback<ProviderChoices> done) {
            provider->listChoices(context, done);
        });
    QVERIFY(choices);
    QVERIFY2(*choices, qPrintable(choices->ok() ? QString() : choices->errorMessage()));

    QCOMPARE(m_cloud->tokenRequests.size(), 1); // one token for every call
    const QJsonObject auth = m_cloud->tokenRequests.first().value(QLatin1String("auth")).toObject();
    QCOMPARE(auth[QLatin1String("identity")][QLatin1String("methods")].toArray(),
             QJsonArray{QStringLiteral("password")});
    const QJsonObject user
        = auth[QLatin1String("identity")][QLatin1String("password")][QLatin1String("user")]
              .toObject();
    QCOMPARE(user.value(QLatin1String("name")).toString(), FakeOpenStack::user());
    QCOMPARE(user[QLatin1String("domain")][QLatin1String("name")].toString(),
             QStringLiteral("Default"));
    QCOMPARE(
        auth[QLatin1String("scope")][QLatin1String("project")][QLatin1String("name")].toString(),
        FakeOpenStack::project());
    QCOMPARE(provider->client()->region(), QStringLiteral("RegionOne")); // the catalog's first

    const ProviderChoices &offered = choices->value();
    QCOMPARE(offered.regions.size(), 2);
    QCOMPARE(offered.regions.at(1).id, QStringLiteral("RegionTwo"));
    QCOMPARE(offered.sizes.size(), 5); // three pages of flavors
    QCOMPARE(offered.sizes.at(3).id, QStringLiteral("c2.medium"));
    QCOMPARE(offered.sizes.at(3).cpus, 2);
    QCOMPARE(offered.sizes.at(3).memoryMiB, 4096);
    QCOMPARE(offered.sizes.at(3).diskGiB, 40);
    QCOMPARE(offered.sizes.at(4).id,
             QStringLiteral("7c1e54b2-43f7-4e8a-9d1b-0a6f3c2d9e11")); // a name with spaces
    for (const SizeChoice &size : offered.sizes)
        QVERIFY(!size.hourlyPrice);     // OpenStack's API has no prices
    QCOMPARE(offered.images.size(), 4); // Glance's pages
    QCOMPARE(offered.images.at(2).name, QStringLiteral("debian-12-genericcloud-amd64"));
    QVERIFY(m_cloud->server().requests("GET", QStringLiteral("/image/v2/images")).size() >= 2);
}

void tst_OpenStackProvider::signsInWithAnApplicationCredential()
{
    const auto provider = makeProvider({QStringLiteral("clouds.yaml [course]"),
                                        {{QStringLiteral("application_credential_id"),
                                          Secret(FakeOpenStack::applicationCredentialId())},
                                         {QStringLiteral("application_credential_secret"),
                                          Secret(FakeOpenStack::applicationCredentialSecret())}}});
    const auto created = createMachines(*provider, request(1), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    const QJsonObject identity
        = m_cloud->tokenRequests.first()[QLatin1String("auth")][QLatin1String("identity")]
              .toObject();
    QCOMPARE(identity.value(QLatin1String("methods")).toArray(),
             QJsonArray{QStringLiteral("application_credential")});
    QCOMPARE(m_cloud->servers.size(), 1);
}

void tst_OpenStackProvider::aWrongPasswordIsRefusedWithoutShowingIt()
{
    const QString wrong = QStringLiteral("not-the-Passw0rd");
    const auto provider = makeProvider(passwordCredentials(wrong));
    const auto created = createMachines(*provider, request(1), *m_journal);
    QVERIFY(created && !*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("Keystone answered 401")),
             qPrintable(created->errorMessage()));
    QVERIFY(created->errorMessage().contains(QLatin1String("Check the credentials")));
    QVERIFY(!created->errorMessage().contains(wrong));
    QVERIFY(m_journal->outstanding().isEmpty()); // nothing was asked for
}

void tst_OpenStackProvider::aRevokedTokenIsReplacedOnce()
{
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(1), *m_journal).value_or(Error{}));
    m_cloud->revokeTokens();
    const Result<QList<CloudResource>> tagged = findTagged(*provider, QStringLiteral("demo"));
    QVERIFY2(tagged, qPrintable(tagged.ok() ? QString() : tagged.errorMessage()));
    QCOMPARE(tagged->size(), 3); // the server, its group and the key pair
    QCOMPARE(m_cloud->tokenRequests.size(), 2);
    QCOMPARE(m_cloud->unauthorized, 1); // the first call after the revocation, once
    m_cloud->unauthorized = 0;
}

void tst_OpenStackProvider::theRegistryMakesItFromTheCredentials()
{
    QVERIFY(ProviderRegistry::isImplemented(Provider::OpenStack));
    ProviderSettings settings;
    settings.spec.name = QStringLiteral("demo");
    settings.spec.machines.provider = Provider::OpenStack;
    settings.spec.machines.size = QStringLiteral("c2.large");
    settings.credentials = passwordCredentials();
    settings.credentials.values.insert(
        QStringLiteral("auth_url"), Secret(m_cloud->authUrl().toString() + QStringLiteral("/v3/")));
    Result<std::unique_ptr<MachineProvider>> made = ProviderRegistry::create(settings);
    QVERIFY2(made, qPrintable(made.ok() ? QString() : made.errorMessage()));
    QCOMPARE(made->get()->id(), QStringLiteral("openstack"));
    static_cast<OpenStackProvider *>(made->get())->client()->rest()->setRetryPolicy(quickRetries());
    const auto created = createMachines(*made->get(), request(1), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    QCOMPARE(m_cloud->servers.first().value(QLatin1String("flavorRef")).toString(),
             QStringLiteral("21")); // by name

    settings.credentials.values.remove(QStringLiteral("auth_url"));
    made = ProviderRegistry::create(settings);
    QVERIFY(!made);
    QVERIFY(made.errorMessage().contains(QLatin1String("OS_AUTH_URL")));
}

void tst_OpenStackProvider::createsTaggedServersWithTheKeyPairAndTheSecurityGroup()
{
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(3), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    QCOMPARE(created->value().size(), 3);
    QCOMPARE(created->value().first().statusText, QStringLiteral("BUILD"));

    QCOMPARE(m_cloud->keypairs.keys(), QStringList{QStringLiteral("sparkdeck-demo")});
    QCOMPARE(m_cloud->keypairs.first().value(QLatin1String("public_key")).toString(), PublicKey);
    QCOMPARE(m_cloud->securityGroups.size(), 1);
    const QJsonObject group = m_cloud->securityGroups.first();
    const QString groupId = group.value(QLatin1String("id")).toString();
    QCOMPARE(group.value(QLatin1String("name")).toString(), QStringLiteral("sparkdeck-demo"));
    QCOMPARE(group.value(QLatin1String("description")).toString(), Tag);
    QCOMPARE(m_cloud->rules.size(), 2);
    const QJsonObject ssh = m_cloud->rules.at(0);
    QCOMPARE(ssh.value(QLatin1String("direction")).toString(), QStringLiteral("ingress"));
    QCOMPARE(ssh.value(QLatin1String("protocol")).toString(), QStringLiteral("tcp"));
    QCOMPARE(ssh.value(QLatin1String("port_range_min")).toInt(), 22);
    QCOMPARE(ssh.value(QLatin1String("port_range_max")).toInt(), 22);
    QCOMPARE(ssh.value(QLatin1String("remote_ip_prefix")).toString(),
             QStringLiteral("203.0.113.7/32"));
    const QJsonObject cluster = m_cloud->rules.at(1);
    QCOMPARE(cluster.value(QLatin1String("remote_group_id")).toString(),
             groupId); // all traffic between members
    QVERIFY(!cluster.contains(QLatin1String("protocol")));
    QVERIFY(!cluster.contains(QLatin1String("remote_ip_prefix")));

    QCOMPARE(m_cloud->servers.size(), 3);
    const QJsonObject server = m_cloud->servers.first();
    QCOMPARE(server.value(QLatin1String("name")).toString(), QStringLiteral("demo-1"));
    QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(
                 server.value(QLatin1String("user_data")).toString().toLatin1())),
             request(1).userData);
    QCOMPARE(server.value(QLatin1String("tags")).toArray(), QJsonArray{Tag});
    QCOMPARE(server[QLatin1String("metadata")][QLatin1String("sparkdeck-cluster")].toString(),
             QStringLiteral("demo"));
    QCOMPARE(server.value(QLatin1String("key_name")).toString(), QStringLiteral("sparkdeck-demo"));
    QCOMPARE(server[QLatin1String("security_groups")][0][QLatin1String("name")].toString(),
             groupId);
    QCOMPARE(server.value(QLatin1String("networks")).toString(), QStringLiteral("auto"));
    QCOMPARE(server.value(QLatin1String("flavorRef")).toString(),
             QStringLiteral("20")); // smallest with 2 vCPUs, 4 GiB
    QCOMPARE(server.value(QLatin1String("imageRef")).toString(),
             QStringLiteral("c3e9d7a2-5f18-4b6c-9a0d-7e2b4f1c8d53")); // newest Debian 12

    QCOMPARE(m_journal->liveMachines().size(), 3);
    QCOMPARE(m_journal->liveMachines().at(2).id, created->value().at(2).id);
}

void tst_OpenStackProvider::journalsEachResourceBeforeItsCreateCall()
{
    QStringList seen;
    m_cloud->creating = [this, &seen](const QString &kind, const QString &name) {
        ResourceJournal onDisk(m_state->path()); // what a crash at this moment would leave
        const bool journaled
            = onDisk.load()
              && onDisk.outstandingEntry(QStringLiteral("openstack"), kind, name).has_value();
        seen << kind + QLatin1Char(' ') + name
                    + (journaled ? QString() : QStringLiteral(" NOT JOURNALED"));
    };
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    QCOMPARE(seen,
             QStringList({QStringLiteral("key_pair sparkdeck-demo"),
                          QStringLiteral("security_group sparkdeck-demo"),
                          QStringLiteral("machine demo-1"), QStringLiteral("machine demo-2")}));
}

void tst_OpenStackProvider::describeSaysBuildThenActiveWithTheFixedAddress()
{
    m_cloud->notFoundGets = 4; // more than RestClient asks again by itself
    m_cloud->buildGets = 2;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(1), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    const QString id = created->value().first().id;
    QStringList seen;
    for (int poll = 0; poll < 6 && !seen.contains(QStringLiteral("ACTIVE")); ++poll) {
        const auto described = await<QList<ProvidedMachine>>(
            [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
                provider->describeMachines({id}, context, done);
            });
        QVERIFY(described && *described);
        const ProvidedMachine machine = described->value().first();
        QCOMPARE(machine.id, id);
        QVERIFY(machine.status != ProvidedMachine::Status::Gone
                && machine.status != ProvidedMachine::Status::Failed);
        seen << machine.statusText;
        if (machine.status == ProvidedMachine::Status::Ready) {
            QCOMPARE(machine.name, QStringLiteral("demo-1"));
            QCOMPARE(machine.privateAddress,
                     QStringLiteral("10.0.0.11")); // fixed IPv4, not the IPv6
            QCOMPARE(machine.publicAddress,
                     QStringLiteral("10.0.0.11")); // no floating IP: a provider network
        }
    }
    QCOMPARE(seen, QStringList({QStringLiteral("not visible yet"), QStringLiteral("BUILD"),
                                QStringLiteral("BUILD"), QStringLiteral("ACTIVE")}));
}

void tst_OpenStackProvider::floatingIpsComeFromTheExternalNetworkWhenAsked()
{
    m_settings.floatingNetwork = QStringLiteral("public"); // by name
    QStringList seen;
    m_cloud->creating = [&seen](const QString &kind, const QString &name) {
        seen << kind + QLatin1Char(' ') + name;
    };
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    QCOMPARE(seen.mid(4), QStringList({QStringLiteral("floating_ip demo-1"),
                                       QStringLiteral("floating_ip demo-2")}));
    QCOMPARE(m_cloud->floatingIps.size(), 2);
    for (const QJsonObject &ip : std::as_const(m_cloud->floatingIps)) {
        QCOMPARE(ip.value(QLatin1String("description")).toString(), Tag);
        QVERIFY(m_cloud->ports.contains(ip.value(QLatin1String("port_id")).toString()));
    }
    const std::optional<CloudResource> journaled = m_journal->outstandingEntry(
        QStringLiteral("openstack"), QStringLiteral("floating_ip"), QStringLiteral("demo-2"));
    QVERIFY(journaled && journaled->state == CloudResource::State::Created);

    std::optional<ProvidedMachine> ready;
    for (int poll = 0; poll < 4 && !ready; ++poll) {
        const auto described = await<QList<ProvidedMachine>>(
            [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
                provider->describeMachines({created->value().first().id}, context, done);
            });
        QVERIFY(described && *described);
        if (described->value().first().status == ProvidedMachine::Status::Ready)
            ready = described->value().first();
    }
    QVERIFY(ready);
    QCOMPARE(ready->publicAddress, QStringLiteral("198.51.100.11"));
    QCOMPARE(ready->privateAddress, QStringLiteral("10.0.0.11"));

    DestroyResourcesTask down(provider.get(), m_journal.get(), QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY(m_cloud->floatingIps.isEmpty()); // released, not only detached
    QVERIFY(m_cloud->servers.isEmpty());
    QVERIFY(m_cloud->ports.isEmpty());
}

void tst_OpenStackProvider::aServerInErrorFailsWithItsFaultMessage()
{
    m_cloud->failing = QStringLiteral("demo-2");
    m_cloud->buildGets = 0;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    const auto described = await<QList<ProvidedMachine>>(
        [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
            provider->describeMachines({created->value().at(0).id, created->value().at(1).id},
                                       context, done);
        });
    QVERIFY(described && *described);
    QCOMPARE(described->value().at(0).status, ProvidedMachine::Status::Ready);
    QCOMPARE(described->value().at(1).status, ProvidedMachine::Status::Failed);
    QCOMPARE(
        described->value().at(1).statusText,
        QStringLiteral("ERROR (No valid host was found. There are not enough hosts available.)"));
}

void tst_OpenStackProvider::throttledCallsAreRetried_data()
{
    QTest::addColumn<int>("tooManyRequests");
    QTest::addColumn<int>("overLimit");
    QTest::newRow("429 with Retry-After") << 3 << 0;
    QTest::newRow("Nova's 413 overLimit with Retry-After") << 0 << 2;
}

void tst_OpenStackProvider::throttledCallsAreRetried()
{
    QFETCH(int, tooManyRequests);
    QFETCH(int, overLimit);
    m_cloud->throttle = tooManyRequests;
    m_cloud->overLimit = overLimit;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    QCOMPARE(m_cloud->throttle, 0);
    QCOMPARE(m_cloud->overLimit, 0);
    QCOMPARE(m_cloud->servers.size(), 2);
    QCOMPARE(m_journal->liveMachines().size(), 2);
}

void tst_OpenStackProvider::quotaMidwayLeavesThreeRecordedAndDownDeletesThree()
{
    m_cloud->quota = 3;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(5), *m_journal);
    QVERIFY(created && !*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("Quota exceeded for instances")),
             qPrintable(created->errorMessage()));
    QCOMPARE(m_journal->liveMachines().size(), 3);
    QCOMPARE(m_journal->outstanding().size(), 5); // three servers, the key pair, the group

    DestroyResourcesTask down(provider.get(), m_journal.get(), QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY(m_cloud->servers.isEmpty());
    QVERIFY(m_cloud->securityGroups.isEmpty());
    QVERIFY(m_cloud->keypairs.isEmpty());
    int deletes = 0;
    for (const HttpTestRequest &request : m_cloud->server().requests()) {
        if (request.method == "DELETE"
            && request.path.startsWith(m_cloud->computePath() + QStringLiteral("/servers/")))
            ++deletes;
    }
    QCOMPARE(deletes, 3);
    QVERIFY(m_journal->outstanding().isEmpty());
}

void tst_OpenStackProvider::aLostCreateAnswerIsFoundByNameAndTagAtDown()
{
    QVERIFY(crashWaitingForTheFirstServer());
    const std::optional<CloudResource> lost = m_journal->outstandingEntry(
        QStringLiteral("openstack"), QStringLiteral("machine"), QStringLiteral("demo-1"));
    QVERIFY(lost);
    QCOMPARE(lost->state, CloudResource::State::Intended);
    QVERIFY(lost->id.isEmpty());

    const auto provider = makeProvider();
    DestroyResourcesTask down(provider.get(), m_journal.get(), QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY(m_cloud->servers.isEmpty());
    QVERIFY(m_cloud->securityGroups.isEmpty());
    QVERIFY(m_cloud->keypairs.isEmpty());
    const QList<HttpTestRequest> lookups = m_cloud->server().requests(
        "GET", m_cloud->computePath() + QStringLiteral("/servers/detail"));
    QVERIFY(!lookups.isEmpty());
    QCOMPARE(lookups.first().query.queryItemValue(QStringLiteral("tags"), QUrl::FullyDecoded), Tag);
    QCOMPARE(lookups.first().query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded),
             QStringLiteral("^demo\\-1$"));
}

void tst_OpenStackProvider::resumeAfterALostAnswerMakesNothingTwice()
{
    QVERIFY(crashWaitingForTheFirstServer());

    const auto provider = makeProvider();
    CreateMachinesTask up(provider.get(), m_journal.get(), request(3));
    up.setLookupPolicy(1, 5);
    const TaskOutcome outcome = runToEnd(up);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->servers.size(), 3);
    QCOMPARE(m_cloud->server()
                 .requests("POST", m_cloud->computePath() + QStringLiteral("/servers"))
                 .size(),
             3);
    QCOMPARE(
        m_cloud->server().requests("POST", QStringLiteral("/network/v2.0/security-groups")).size(),
        1);
    QCOMPARE(m_journal->liveMachines().size(), 3);
    QCOMPARE(m_cloud->securityGroups.size(), 1);
    QCOMPARE(m_cloud->rules.size(), 2); // asked again, already there
}

void tst_OpenStackProvider::teardownWaitsForServersToGoThenDeletesTheGroupAndKey()
{
    m_cloud->deletingGets = 3; // a deleted server lingers, holding its group
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));

    DestroyResourcesTask down(provider.get(), m_journal.get(), QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY(m_cloud->servers.isEmpty());
    QVERIFY(m_cloud->securityGroups.isEmpty());
    QVERIFY(m_cloud->rules.isEmpty());
    QVERIFY(m_cloud->keypairs.isEmpty());
    QStringList deletes;
    for (const HttpTestRequest &request : m_cloud->server().requests()) {
        if (request.method == "DELETE")
            deletes << request.path.section(QLatin1Char('/'), -2, -2);
    }
    // The group went once, after both servers were gone: never while in use.
    QCOMPARE(deletes,
             QStringList({QStringLiteral("servers"), QStringLiteral("servers"),
                          QStringLiteral("security-groups"), QStringLiteral("os-keypairs")}));
}

void tst_OpenStackProvider::theSweepFollowsPagesAndFindsWhatTheJournalMissed()
{
    m_cloud->pageSize = 2;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(3), *m_journal);
    QVERIFY2(created && *created, qPrintable(errorOf(created)));
    m_cloud->addServer(QStringLiteral("demo-9"), {Tag}); // a run whose journal was lost
    m_cloud->addServer(QStringLiteral("demo-8"), {Tag});
    const QString stranger = m_cloud->addServer(QStringLiteral("other-1"),
                                                {QStringLiteral("sparkdeck-cluster=other")});

    const Result<QList<CloudResource>> tagged = findTagged(*provider, QStringLiteral("demo"));
    QVERIFY2(tagged, qPrintable(tagged.ok() ? QString() : tagged.errorMessage()));
    QStringList found;
    for (const CloudResource &resource : tagged.value())
        found << resource.kind + QLatin1Char(' ') + resource.name;
    QCOMPARE(found, QStringList({QStringLiteral("machine demo-1"), QStringLiteral("machine demo-2"),
                                 QStringLiteral("machine demo-3"), QStringLiteral("machine demo-9"),
                                 QStringLiteral("machine demo-8"),
                                 QStringLiteral("security_group sparkdeck-demo"),
                                 QStringLiteral("key_pair sparkdeck-demo")}));

    DestroyResourcesTask down(provider.get(), m_journal.get(), QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QLatin1String("2 more found by the tag")),
             qPrintable(outcome.message));
    QCOMPARE(m_cloud->servers.keys(), QStringList{stranger}); // another cluster's server stays
    QVERIFY(m_cloud->securityGroups.isEmpty());
    QVERIFY(m_cloud->keypairs.isEmpty());
}

QTEST_GUILESS_MAIN(tst_OpenStackProvider)
#include "tst_openstackprovider.moc"
