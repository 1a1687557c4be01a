// DigitalOcean against a local server that answers like API v2: choices with prices, droplets
// created in batches with the cluster's tag, key and firewall; every resource in the journal
// before its create call; and zero orphans whatever breaks: the droplet limit after 3 of 5,
// a crash between "request sent" and "response received", 429s.
#include "providers/createmachinestask.h"
#include "providers/destroyresourcestask.h"
#include "providers/digitalocean/digitaloceanprovider.h"
#include "providers/resourcejournal.h"
#include "providers/waitmachinesreadytask.h"
#include "provisioning/taskgroup.h"

#include "fakedigitalocean.h"
#include "providercalls.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {
const QString kPublicKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmsr0Nnd9JXa2gQOhV1W3ydfrLZqDyxHUuQ9v8XPCIb me@laptop");
const QString kTag = QStringLiteral("sparkdeck-cluster:demo");

QStringList names(int count)
{
    QStringList list;
    for (int i = 1; i <= count; ++i)
        list << QStringLiteral("demo-%1").arg(i);
    return list;
}

int count(const QList<CloudResource> &resources, CloudResource::State state,
          const QString &kind = QStringLiteral("machine"))
{
    return int(std::count_if(resources.begin(), resources.end(), [&](const CloudResource &r) {
        return r.state == state && r.kind == kind;
    }));
}
} // namespace

class tst_DigitalOceanProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void listsRegionsSizesWithPricesAndImagesOverPages();
    void createsTaggedDropletsTenPerCall();
    void opensPort22OnlyToTheUsersAddress();
    void addsTheUsersKeyOnceAndReusesIt();
    void aFirewallLeftUnansweredIsFoundOrMadeAgain_data();
    void aFirewallLeftUnansweredIsFoundOrMadeAgain();
    void waitsUntilActiveThoughNotListedAtFirst();
    void aSecondUpCreatesNothing();
    void threeOfFiveThenTheLimitDownDeletesThree();
    void aBatchOverTheLimitCreatesNothing();
    void aCrashBeforeTheAnswerLeavesNothingDownCannotFind();
    void upAfterACrashAdoptsWhatWasCreated();
    void waitsOutRateLimits();
    void aWrongTokenSaysToCheckTheCredentials();
    void theTokenNeverReachesTheJournal();

private:
    std::unique_ptr<DigitalOceanProvider>
    makeProvider(const QString &token = QString::fromLatin1(FakeDigitalOcean::kToken));
    MachineRequest request(int machines) const;

    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<FakeDigitalOcean> m_cloud;
    std::unique_ptr<ResourceJournal> m_journal;
    std::unique_ptr<DigitalOceanProvider> m_provider;
};

void tst_DigitalOceanProvider::init()
{
    m_state = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_cloud = std::make_unique<FakeDigitalOcean>(m_server.get());
    m_journal = std::make_unique<ResourceJournal>(m_state->path());
    m_provider = makeProvider();
}

void tst_DigitalOceanProvider::cleanup()
{
    m_provider.reset();
    m_cloud.reset();
    m_server.reset();
}

std::unique_ptr<DigitalOceanProvider> tst_DigitalOceanProvider::makeProvider(const QString &token)
{
    ProviderSettings settings;
    settings.spec.name = QStringLiteral("demo");
    settings.spec.machines.provider = Provider::DigitalOcean;
    settings.spec.machines.region = QStringLiteral("fra1");
    settings.credentials.source = QStringLiteral("test");
    settings.credentials.values.insert(QStringLiteral("token"), Secret(token));
    settings.apiBaseUrl = m_cloud->apiUrl();
    auto provider = std::make_unique<DigitalOceanProvider>(settings);
    RestClient::RetryPolicy quick;
    quick.firstDelayMs = 1;
    quick.maxDelayMs = 10;
    quick.notFoundDelayMs = 1;
    provider->client().setRetryPolicy(quick);
    return provider;
}

MachineRequest tst_DigitalOceanProvider::request(int machines) const
{
    MachineRequest request;
    request.clusterName = QStringLiteral("demo");
    request.names = names(machines);
    request.region = QStringLiteral("fra1");
    request.size = QStringLiteral("s-2vcpu-4gb");
    request.image = QStringLiteral("debian-12-x64");
    request.userData = QStringLiteral("#cloud-config\nhostname: \"demo\"\n");
    request.sshPublicKey = kPublicKey;
    request.sshSourceCidr = QStringLiteral("198.51.100.7/32");
    return request;
}

void tst_DigitalOceanProvider::listsRegionsSizesWithPricesAndImagesOverPages()
{
    QObject context;
    std::optional<Result<ProviderChoices>> choices;
    m_provider->listChoices(&context,
                            [&](const Result<ProviderChoices> &result) { choices = result; });
    QTRY_VERIFY(choices.has_value());
    QVERIFY(choices->ok());
    QCOMPARE(choices->value().regions.size(), 4); // 2 pages of 2
    QCOMPARE(choices->value().regions.at(1).id, QStringLiteral("fra1"));
    QCOMPARE(choices->value().regions.at(1).name, QStringLiteral("Frankfurt 1"));
    const SizeChoice size = choices->value().sizes.at(1);
    QCOMPARE(size.id, QStringLiteral("s-2vcpu-4gb"));
    QCOMPARE(size.cpus, 2);
    QCOMPARE(size.memoryMiB, 4096);
    QCOMPARE(size.hourlyPrice, std::optional<double>(0.03571));
    QCOMPARE(choices->value().sizes.size(), 3);
    QCOMPARE(choices->value().images.at(0).id, QStringLiteral("debian-12-x64"));
    QCOMPARE(choices->value().images.at(0).name, QStringLiteral("Debian 12 x64"));
    QVERIFY(m_server->requests("GET", "/v2/regions").size() >= 2);
}

void tst_DigitalOceanProvider::createsTaggedDropletsTenPerCall()
{
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(12));
    const TaskOutcome outcome = runToEnd(create);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    const QList<HttpTestRequest> calls = m_server->requests("POST", "/v2/droplets");
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0).json()["names"].toArray().size(), 10);
    QCOMPARE(calls.at(1).json()["names"].toArray().size(), 2);
    const QJsonObject body = calls.at(0).json().object();
    QCOMPARE(body["tags"].toArray(), QJsonArray{kTag});
    QCOMPARE(body["region"].toString(), QStringLiteral("fra1"));
    QCOMPARE(body["size"].toString(), QStringLiteral("s-2vcpu-4gb"));
    QCOMPARE(body["user_data"].toString(), request(1).userData);
    QCOMPARE(body["ssh_keys"].toArray(),
             QJsonArray{DigitalOceanProvider::fingerprintOf(kPublicKey)});
    QCOMPARE(m_cloud->dropletsTagged(kTag).size(), 12);
    QCOMPARE(m_journal->liveMachines().size(), 12);
    QCOMPARE(m_journal->liveMachines().first().hourlyPrice, std::optional<double>(0.03571));
}

void tst_DigitalOceanProvider::opensPort22OnlyToTheUsersAddress()
{
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(2));
    QVERIFY(runToEnd(create).succeeded());
    QCOMPARE(m_cloud->firewalls.size(), 1);
    const QJsonObject firewall = m_cloud->firewalls.first();
    QCOMPARE(firewall["name"].toString(), QStringLiteral("sparkdeck-demo"));
    QCOMPARE(firewall["tags"].toArray(), QJsonArray{kTag});
    for (const QJsonValue &rule : firewall["inbound_rules"].toArray()) {
        const QJsonObject sources = rule["sources"].toObject();
        if (sources.contains("addresses")) { // the one rule open to an address: SSH from the user
            QCOMPARE(rule["ports"].toString(), QStringLiteral("22"));
            QCOMPARE(sources["addresses"].toArray(), QJsonArray{"198.51.100.7/32"});
        } else {
            QCOMPARE(sources["tags"].toArray(),
                     QJsonArray{kTag}); // the rest: only inside the cluster
        }
    }
    QCOMPARE(count(m_journal->resources(), CloudResource::State::Created, "firewall"), 1);
}

void tst_DigitalOceanProvider::addsTheUsersKeyOnceAndReusesIt()
{
    CreateMachinesTask first(m_provider.get(), m_journal.get(), request(1));
    QVERIFY(runToEnd(first).succeeded());
    QCOMPARE(m_cloud->keys.size(), 1);
    QCOMPARE(count(m_journal->resources(), CloudResource::State::Created, "ssh_key"), 1);

    MachineRequest more = request(2);
    CreateMachinesTask second(m_provider.get(), m_journal.get(), more);
    QVERIFY(runToEnd(second).succeeded());
    QCOMPARE(m_server->requests("POST", "/v2/account/keys").size(), 1);
    QCOMPARE(m_cloud->firewalls.size(), 1); // the cluster's firewall too
}

void tst_DigitalOceanProvider::aFirewallLeftUnansweredIsFoundOrMadeAgain_data()
{
    QTest::addColumn<bool>("madeBeforeTheCrash");
    QTest::newRow("the create reached the API: adopted") << true;
    QTest::newRow("it never did: made now") << false;
}

void tst_DigitalOceanProvider::aFirewallLeftUnansweredIsFoundOrMadeAgain()
{
    QFETCH(bool, madeBeforeTheCrash);
    CloudResource intent;
    intent.provider = QStringLiteral("digitalocean");
    intent.kind = QStringLiteral("firewall");
    intent.name = QStringLiteral("sparkdeck-demo");
    const QString key = *m_journal->recordIntent(intent); // what the crashed run left
    if (madeBeforeTheCrash) {
        m_cloud->firewalls << QJsonObject{{"id", "fb6045f1-cf1d-4ca3-bfac-18832663025b"},
                                          {"name", "sparkdeck-demo"},
                                          {"tags", QJsonArray{kTag}}};
    }
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(1));
    const TaskOutcome outcome = runToEnd(create);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->firewalls.size(), 1);
    QCOMPARE(m_server->requests("POST", "/v2/firewalls").size(), madeBeforeTheCrash ? 0 : 1);
    QCOMPARE(m_journal->resource(key)->state,
             madeBeforeTheCrash ? CloudResource::State::Created : CloudResource::State::NotCreated);
    QCOMPARE(count(m_journal->resources(), CloudResource::State::Created, "firewall"), 1);
}

void tst_DigitalOceanProvider::waitsUntilActiveThoughNotListedAtFirst()
{
    m_cloud->listDelay = 2;
    m_cloud->activeDelay = 3;
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(3));
    QVERIFY(runToEnd(create).succeeded());
    WaitMachinesReadyTask wait(m_provider.get(), m_journal.get(), names(3), {1, 50});
    const TaskOutcome outcome = runToEnd(wait);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    const QList<CloudResource> machines = m_journal->liveMachines();
    QCOMPARE(machines.size(), 3);
    for (const CloudResource &machine : machines) {
        QVERIFY(machine.publicAddress.startsWith(QLatin1String("203.0.113.")));
        QVERIFY(machine.privateAddress.startsWith(QLatin1String("10.110.0.")));
    }
    QVERIFY(m_server->requests("GET", "/v2/droplets").size()
            >= 4); // polled until listed and active
}

void tst_DigitalOceanProvider::aSecondUpCreatesNothing()
{
    CreateMachinesTask first(m_provider.get(), m_journal.get(), request(3));
    QVERIFY(runToEnd(first).succeeded());
    CreateMachinesTask again(m_provider.get(), m_journal.get(), request(3));
    const TaskOutcome outcome = runToEnd(again);
    QVERIFY(outcome.succeeded());
    QVERIFY2(outcome.message.contains(QLatin1String("exist already")), qPrintable(outcome.message));
    QCOMPARE(m_cloud->createCalls, 1);
    QCOMPARE(m_cloud->droplets.size(), 3);
}

void tst_DigitalOceanProvider::threeOfFiveThenTheLimitDownDeletesThree()
{
    m_cloud->dropletLimit = 3;
    // One at a time, as the benchmark's baseline does: each droplet its own create call.
    TaskGroup up(QStringLiteral("up"), TaskGroup::Mode::Sequence);
    for (const QString &name : names(5)) {
        MachineRequest one = request(1);
        one.names = {name};
        up.addTask(new CreateMachinesTask(m_provider.get(), m_journal.get(), one));
    }
    const TaskOutcome outcome = runToEnd(up);
    QVERIFY(outcome.failed());
    QVERIFY2(outcome.message.contains(QLatin1String("exceed your droplet limit")),
             qPrintable(outcome.message));
    QCOMPARE(m_cloud->droplets.size(), 3);

    ResourceJournal reread(m_state->path());
    QVERIFY(reread.load().ok());
    QCOMPARE(count(reread.resources(), CloudResource::State::Created), 3);
    QCOMPARE(count(reread.resources(), CloudResource::State::NotCreated), 1);

    DestroyResourcesTask down(m_provider.get(), &reread, QStringLiteral("demo"));
    const TaskOutcome downOutcome = runToEnd(down);
    QVERIFY2(downOutcome.succeeded(), qPrintable(downOutcome.message));
    QCOMPARE(m_server->requests("DELETE", "/v2/droplets/3164444").size(), 1);
    QCOMPARE(m_cloud->droplets.size(), 0);
    QCOMPARE(m_cloud->firewalls.size(), 0);
    QCOMPARE(m_cloud->keys.size(), 0);
    QVERIFY(reread.outstanding().isEmpty());
    int deletes = 0;
    for (const HttpTestRequest &r : m_server->requests())
        deletes += r.method == "DELETE" && r.path.startsWith(QLatin1String("/v2/droplets/"));
    QCOMPARE(deletes, 3);
}

void tst_DigitalOceanProvider::aBatchOverTheLimitCreatesNothing()
{
    m_cloud->dropletLimit = 3;
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(5));
    QVERIFY(runToEnd(create).failed());
    QCOMPARE(m_cloud->droplets.size(), 0);
    QCOMPARE(count(m_journal->resources(), CloudResource::State::NotCreated), 5);
    QCOMPARE(count(m_journal->resources(), CloudResource::State::Intended), 0);
}

void tst_DigitalOceanProvider::aCrashBeforeTheAnswerLeavesNothingDownCannotFind()
{
    m_cloud->holdNextDropletCreate = true;
    {
        auto create
            = std::make_unique<CreateMachinesTask>(m_provider.get(), m_journal.get(), request(3));
        create->start();
        QTRY_COMPARE(m_cloud->droplets.size(), 3); // created; the answer never comes
        // The process dies here: on disk, the journal already holds the three intents.
        ResourceJournal onDisk(m_state->path());
        QVERIFY(onDisk.load().ok());
        QCOMPARE(count(onDisk.resources(), CloudResource::State::Intended), 3);
    }
    m_provider.reset();
    m_server->dropHeld();

    auto provider = makeProvider(); // the next run: `down`
    ResourceJournal journal(m_state->path());
    QVERIFY(journal.load().ok());
    DestroyResourcesTask down(provider.get(), &journal, QStringLiteral("demo"));
    const TaskOutcome outcome = runToEnd(down);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->droplets.size(), 0);
    QCOMPARE(m_cloud->firewalls.size(), 0);
    QVERIFY(journal.outstanding().isEmpty());
}

void tst_DigitalOceanProvider::upAfterACrashAdoptsWhatWasCreated()
{
    m_cloud->holdNextDropletCreate = true;
    {
        auto create
            = std::make_unique<CreateMachinesTask>(m_provider.get(), m_journal.get(), request(3));
        create->start();
        QTRY_COMPARE(m_cloud->droplets.size(), 3);
    }
    m_provider.reset();
    m_server->dropHeld();

    auto provider = makeProvider(); // the next run: `up` again; the droplets are not listed at once
    ResourceJournal journal(m_state->path());
    QVERIFY(journal.load().ok());
    CreateMachinesTask again(provider.get(), &journal, request(3));
    again.setLookupPolicy(3, 1);
    const TaskOutcome outcome = runToEnd(again);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->createCalls, 1); // nothing created twice
    QCOMPARE(journal.liveMachines().size(), 3);
}

void tst_DigitalOceanProvider::waitsOutRateLimits()
{
    m_cloud->throttleNext = 3;
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(2));
    const TaskOutcome outcome = runToEnd(create);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_cloud->droplets.size(), 2);
}

void tst_DigitalOceanProvider::aWrongTokenSaysToCheckTheCredentials()
{
    auto provider = makeProvider(QStringLiteral("dop_v1_wrong"));
    CreateMachinesTask create(provider.get(), m_journal.get(), request(1));
    const TaskOutcome outcome = runToEnd(create);
    QVERIFY(outcome.failed());
    QVERIFY2(outcome.message.contains(QLatin1String("DigitalOcean answered 401")),
             qPrintable(outcome.message));
    QVERIFY(outcome.message.contains(QLatin1String("Check the credentials")));
    QVERIFY(!outcome.message.contains(QLatin1String("dop_v1_wrong")));
    QCOMPARE(m_cloud->droplets.size(), 0);
}

void tst_DigitalOceanProvider::theTokenNeverReachesTheJournal()
{
    CreateMachinesTask create(m_provider.get(), m_journal.get(), request(2));
    QVERIFY(runToEnd(create).succeeded());
    QFile file(m_journal->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QVERIFY(written.contains("demo-2"));
    QVERIFY(!written.contains(FakeDigitalOcean::kToken));
}

QTEST_GUILESS_MAIN(tst_DigitalOceanProvider)
#include "tst_digitaloceanprovider.moc"
