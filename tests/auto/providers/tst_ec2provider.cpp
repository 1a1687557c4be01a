// The EC2 provider against a local EC2 stand-in (FakeEc2) that verifies the SigV4 signature
// of every request: choices, creation (key pair, security group, one RunInstances with a
// ClientToken recorded before the call), throttling, eventual consistency, paging, a launch
// that stops half-way, an answer that never comes, and teardown.
#include "fakeec2.h"
#include "providercalls.h"
#include "providers/aws/ec2client.h"
#include "providers/aws/ec2provider.h"
#include "providers/createmachinestask.h"
#include "providers/resourcejournal.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {

const QString Region = QStringLiteral("eu-west-1");
const QString UserAddress = QStringLiteral("203.0.113.7/32");
const QString PublicKey
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHu5nB3W1dHUP7m4oKk0c1rUJtq user@laptop");

AwsCredentials credentials(const QString &secret = QStringLiteral("fake/secret+key=for-tests"))
{
    return {QStringLiteral("ASIAFAKEKEYFORTESTS"), Secret(secret),
            Secret(QStringLiteral("session/token+value="))};
}

} // namespace

class tst_Ec2Provider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void listsRegionsSizesAndDebianImages();
    void createsTaggedMachinesBehindTheClusterGroup();
    void withoutImageAndSizeTheNewestDebianOnAT3Medium();
    void recordsEveryIntentBeforeItsCreateCallIsSent();
    void retriesThrottledRequestsSignedAfresh();
    void describeWaitsThroughNotFoundAndPendingUntilRunning();
    void findTaggedFollowsEveryPage();
    void failureMidwayLeavesThreeRecordedAndDownDeletesThree();
    void droppedAnswerIsAskedAgainAndLaunchesNothingMore();
    void lostAnswerIsRetriedWithTheSameClientToken();
    void lostAnswerThenDownFindsTheMachines();
    void resumeFindsALostBatchByTagAndLaunchesNothingMore();
    void teardownWaitsForTheInstancesBeforeDeletingTheGroup();
    void aWrongSecretIsRefusedWithAnActionableMessage();
    void refusesToOpenSshWithoutTheUsersAddress();

private:
    std::unique_ptr<Ec2Provider> makeProvider(const AwsCredentials &keys = credentials()) const;
    MachineRequest request(int machines) const;
    std::optional<Result<QList<ProvidedMachine>>> create(Ec2Provider &provider,
                                                         const MachineRequest &machines)
    {
        return createMachines(provider, machines, *m_journal);
    }
    Status down(Ec2Provider &provider)
    {
        return tearDown(provider, *m_journal, QStringLiteral("demo"));
    }

    std::unique_ptr<FakeEc2> m_ec2;
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<ResourceJournal> m_journal;
};

void tst_Ec2Provider::init()
{
    m_ec2 = std::make_unique<FakeEc2>(credentials(), Region);
    QVERIFY(m_ec2->listen());
    m_state = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<ResourceJournal>(m_state->path());
}

void tst_Ec2Provider::cleanup()
{
    // Whatever a test did, every request it made carried a valid signature (one test breaks
    // it on purpose and empties the list itself).
    QCOMPARE(m_ec2->badSignatures, QStringList());
    m_journal.reset();
    m_ec2.reset();
}

std::unique_ptr<Ec2Provider> tst_Ec2Provider::makeProvider(const AwsCredentials &keys) const
{
    auto provider = std::make_unique<Ec2Provider>(m_ec2->url(), keys, Region);
    provider->client()->rest()->setRetryPolicy(quickRetries());
    provider->setPollIntervalMs(5);
    return provider;
}

MachineRequest tst_Ec2Provider::request(int machines) const
{
    MachineRequest request = demoRequest(machines, PublicKey);
    request.region = Region;
    request.size = QStringLiteral("t3.medium");
    request.image = QStringLiteral("ami-0a1b2c3d4e5f60002");
    request.userData
        = QStringLiteral("#cloud-config\nhostname: demo\npackages: [openjdk-17-jre-headless]\n");
    request.sshSourceCidr = UserAddress;
    return request;
}

void tst_Ec2Provider::listsRegionsSizesAndDebianImages()
{
    const auto provider = makeProvider();
    const auto choices = await<ProviderChoices>(
        [&](QObject *context, MachineProvider::Callback<ProviderChoices> done) {
            provider->listChoices(context, done);
        });
    QVERIFY(choices);
    QVERIFY2(*choices, qPrintable(choices->ok() ? QString() : choices->errorMessage()));

    QCOMPARE(choices->value().regions.size(), 3);
    QCOMPARE(choices->value().regions.at(1).id, QStringLiteral("us-east-1"));
    QVERIFY(choices->value().regions.at(1).available);
    QVERIFY(!choices->value().regions.at(2).available); // af-south-1: not opted in

    const QList<SizeChoice> sizes = choices->value().sizes; // both pages, smallest first
    QCOMPARE(sizes.size(), 3);
    QCOMPARE(sizes.at(0).id, QStringLiteral("t3.medium"));
    QCOMPARE(sizes.at(0).cpus, 2);
    QCOMPARE(sizes.at(0).memoryMiB, 4096);
    QCOMPARE(sizes.at(0).hourlyPrice, std::optional<double>(0.0416));
    QCOMPARE(sizes.at(2).id, QStringLiteral("c7i.48xlarge"));
    QVERIFY(!sizes.at(2).hourlyPrice); // not in the table: price unknown
    QCOMPARE(m_ec2->calls(QStringLiteral("DescribeInstanceTypes")).size(), 2);
    QCOMPARE(m_ec2->calls(QStringLiteral("DescribeInstanceTypes"))
                 .last()
                 .queryItemValue(QStringLiteral("NextToken")),
             QStringLiteral("page-2-of-instance-types"));

    const QList<ImageChoice> images = choices->value().images; // newest first
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.first().id, QStringLiteral("ami-0a1b2c3d4e5f60002"));
    const QUrlQuery imageQuery = m_ec2->calls(QStringLiteral("DescribeImages")).first();
    QCOMPARE(imageQuery.queryItemValue(QStringLiteral("Owner.1")), QStringLiteral("136693071363"));
    QCOMPARE(imageQuery.queryItemValue(QStringLiteral("Filter.1.Value.1"), QUrl::FullyDecoded),
             QStringLiteral("debian-12-amd64-*"));
}

void tst_Ec2Provider::createsTaggedMachinesBehindTheClusterGroup()
{
    const auto provider = makeProvider();
    const auto created = create(*provider, request(3));
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));

    QCOMPARE(created->value().size(), 3);
    QCOMPARE(created->value().at(2).name, QStringLiteral("demo-3"));
    QCOMPARE(m_ec2->calls(QStringLiteral("RunInstances")).size(), 1); // one batch
    const QUrlQuery run = m_ec2->calls(QStringLiteral("RunInstances")).first();
    QCOMPARE(run.queryItemValue(QStringLiteral("MinCount")), QStringLiteral("1"));
    QCOMPARE(run.queryItemValue(QStringLiteral("MaxCount")), QStringLiteral("3"));

    QCOMPARE(m_ec2->instances.size(), 3);
    for (const FakeEc2::Instance &instance : std::as_const(m_ec2->instances)) {
        QCOMPARE(instance.tags.value(QStringLiteral("sparkdeck-cluster")), QStringLiteral("demo"));
        QCOMPARE(instance.userData, request(3).userData);
        QCOMPARE(instance.keyName, QStringLiteral("sparkdeck-demo"));
        QCOMPARE(instance.groupId, m_ec2->groups.first().id);
        QCOMPARE(instance.type, QStringLiteral("t3.medium"));
    }
    QCOMPARE(m_ec2->keyPairs.size(), 1);
    QCOMPARE(m_ec2->keyPairs.first().publicKey, PublicKey.toUtf8());
    QCOMPARE(m_ec2->keyPairs.first().tags.value(QStringLiteral("sparkdeck-cluster")),
             QStringLiteral("demo"));
    QCOMPARE(m_ec2->groups.size(), 1);
    QCOMPARE(m_ec2->groups.first().tags.value(QStringLiteral("sparkdeck-cluster")),
             QStringLiteral("demo"));
    // Port 22 from the user's address only; everything else only between members.
    QCOMPARE(m_ec2->groups.first().rules,
             QStringList({QStringLiteral("tcp 22-22 ") + UserAddress,
                          QStringLiteral("-1 ") + m_ec2->groups.first().id}));

    QCOMPARE(m_journal->liveMachines().size(), 3);
    const QString token = run.queryItemValue(QStringLiteral("ClientToken"));
    for (const CloudResource &machine : m_journal->liveMachines()) {
        QCOMPARE(machine.idempotencyKey, token);
        QCOMPARE(machine.hourlyPrice, std::optional<double>(0.0416));
        QVERIFY(machine.id.startsWith(QLatin1String("i-")));
    }
    QCOMPARE(m_journal->outstanding().size(), 5); // + key pair + security group
}

void tst_Ec2Provider::withoutImageAndSizeTheNewestDebianOnAT3Medium()
{
    MachineRequest machines = request(1);
    machines.image.clear();
    machines.size.clear();
    const auto provider = makeProvider();
    const auto created = create(*provider, machines);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    QCOMPARE(m_ec2->instances.first().imageId,
             QStringLiteral("ami-0a1b2c3d4e5f60002")); // 2025 over 2024
    QCOMPARE(m_ec2->instances.first().type, QStringLiteral("t3.medium"));
    QCOMPARE(m_ec2->calls(QStringLiteral("DescribeImages"))
                 .first()
                 .queryItemValue(QStringLiteral("Owner.1")),
             QStringLiteral("136693071363"));
}

void tst_Ec2Provider::recordsEveryIntentBeforeItsCreateCallIsSent()
{
    QStringList seen;
    m_ec2->beforeRunInstances = [&](const QUrlQuery &form) {
        ResourceJournal onDisk(m_state->path()); // what a crash right now would leave
        QVERIFY(onDisk.load());
        for (const CloudResource &resource : onDisk.resources()) {
            if (resource.isMachine() && resource.state == CloudResource::State::Intended
                && resource.idempotencyKey == form.queryItemValue(QStringLiteral("ClientToken")))
                seen << resource.name;
            else if (!resource.isMachine())
                QCOMPARE(resource.state,
                         CloudResource::State::Created); // key pair and group came first
        }
    };
    const auto provider = makeProvider();
    const auto created = create(*provider, request(3));
    QVERIFY(created && *created);
    QCOMPARE(seen, QStringList({QStringLiteral("demo-1"), QStringLiteral("demo-2"),
                                QStringLiteral("demo-3")}));
}

void tst_Ec2Provider::retriesThrottledRequestsSignedAfresh()
{
    m_ec2->throttle = 3;
    const auto provider = makeProvider();
    const auto created = create(*provider, request(2));
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    QCOMPARE(m_ec2->throttle, 0);
    QCOMPARE(m_ec2->calls(QStringLiteral("ImportKeyPair")).size(), 4); // 3 throttled, then through
    QCOMPARE(m_ec2->keyPairs.size(), 1);
    QCOMPARE(m_ec2->instances.size(), 2);
}

void tst_Ec2Provider::describeWaitsThroughNotFoundAndPendingUntilRunning()
{
    m_ec2->notFoundDescribes = 2;
    m_ec2->pendingDescribes = 2;
    const auto provider = makeProvider();
    const auto created = create(*provider, request(2));
    QVERIFY(created && *created);
    QStringList ids;
    for (const ProvidedMachine &machine : created->value())
        ids << machine.id;

    QStringList seen;
    for (int poll = 0; poll < 10; ++poll) {
        const auto described = await<QList<ProvidedMachine>>(
            [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
                provider->describeMachines(ids, context, done);
            });
        QVERIFY(described);
        QVERIFY2(*described, qPrintable(described->ok() ? QString() : described->errorMessage()));
        const ProvidedMachine first = described->value().first();
        seen << first.statusText;
        QVERIFY(first.status != ProvidedMachine::Status::Gone);
        if (first.status == ProvidedMachine::Status::Ready) {
            QCOMPARE(first.id, ids.first());
            QVERIFY(first.publicAddress.startsWith(QLatin1String("198.51.100.")));
            QVERIFY(first.privateAddress.startsWith(QLatin1String("172.31.0.")));
            break;
        }
    }
    QCOMPARE(seen, QStringList({QStringLiteral("not visible yet"),
                                QStringLiteral("not visible yet"), QStringLiteral("pending"),
                                QStringLiteral("pending"), QStringLiteral("running")}));
}

void tst_Ec2Provider::findTaggedFollowsEveryPage()
{
    m_ec2->pageSize = 2;
    const auto provider = makeProvider();
    const auto created = create(*provider, request(5));
    QVERIFY(created && *created);

    const Result<QList<CloudResource>> tagged = findTagged(*provider, QStringLiteral("demo"));
    QVERIFY(tagged);
    QStringList kinds;
    for (const CloudResource &resource : tagged.value())
        kinds << resource.kind;
    QCOMPARE(kinds, QStringList({QStringLiteral("machine"), QStringLiteral("machine"),
                                 QStringLiteral("machine"), QStringLiteral("machine"),
                                 QStringLiteral("machine"), QStringLiteral("security_group"),
                                 QStringLiteral("key_pair")}));
    QCOMPARE(m_ec2->calls(QStringLiteral("DescribeInstances")).size(), 3); // pages of 2, 2 and 1

    const Result<QList<CloudResource>> other = findTagged(*provider, QStringLiteral("another"));
    QVERIFY(other);
    QVERIFY(other.value().isEmpty());
}

void tst_Ec2Provider::failureMidwayLeavesThreeRecordedAndDownDeletesThree()
{
    m_ec2->capacity = 3;
    const auto provider = makeProvider();
    const auto created = create(*provider, request(5));
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("launched 3 of the 5")),
             qPrintable(created->errorMessage()));

    QCOMPARE(m_journal->liveMachines().size(), 3);
    int notCreated = 0;
    for (const CloudResource &resource : m_journal->resources())
        notCreated += resource.state == CloudResource::State::NotCreated ? 1 : 0;
    QCOMPARE(notCreated, 2);

    const Status downed = down(*provider);
    QVERIFY2(downed, qPrintable(messageOf(downed)));
    QCOMPARE(m_ec2->calls(QStringLiteral("TerminateInstances")).size(), 3);
    QCOMPARE(m_ec2->instancesIn(QStringLiteral("terminated")).size(), 3);
    QCOMPARE(m_ec2->instances.size(), 3);
    QVERIFY(m_ec2->groups.isEmpty());
    QVERIFY(m_ec2->keyPairs.isEmpty());
    QVERIFY(m_journal->outstanding().isEmpty());
}

void tst_Ec2Provider::droppedAnswerIsAskedAgainAndLaunchesNothingMore()
{
    m_ec2->dropRunInstances = 1; // launched, and the connection closes before the answer
    const auto provider = makeProvider();
    const auto created = create(*provider, request(3));
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    const QList<QUrlQuery> runs = m_ec2->calls(QStringLiteral("RunInstances"));
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(1).queryItemValue(QStringLiteral("ClientToken")),
             runs.at(0).queryItemValue(QStringLiteral("ClientToken")));
    QCOMPARE(m_ec2->instances.size(), 3);
    QCOMPARE(m_journal->liveMachines().size(), 3);
}

void tst_Ec2Provider::lostAnswerIsRetriedWithTheSameClientToken()
{
    m_ec2->holdRunInstances = true; // EC2 launches, and the answer never arrives
    {
        const auto provider = makeProvider();
        auto context = std::make_unique<QObject>();
        bool answered = false;
        provider->createMachines(
            request(3), m_journal.get(), context.get(),
            [&answered](const Result<QList<ProvidedMachine>> &) { answered = true; });
        QTRY_COMPARE(m_ec2->instances.size(), 3);
        context.reset(); // the program dies here
        QVERIFY(!answered);
    }
    ResourceJournal afterCrash(m_state->path());
    QVERIFY(afterCrash.load());
    QStringList tokens;
    for (const CloudResource &resource : afterCrash.outstanding()) {
        if (resource.isMachine()) {
            QCOMPARE(resource.state, CloudResource::State::Intended);
            tokens << resource.idempotencyKey;
        }
    }
    QCOMPARE(tokens.size(), 3);
    QCOMPARE(tokens.count(tokens.first()), 3);

    m_ec2->holdRunInstances = false;
    m_journal = std::make_unique<ResourceJournal>(m_state->path());
    QVERIFY(m_journal->load());
    const auto provider = makeProvider();
    const auto created = create(*provider, request(3));
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));

    QCOMPARE(m_ec2->instances.size(), 3); // nothing launched twice
    const QList<QUrlQuery> runs = m_ec2->calls(QStringLiteral("RunInstances"));
    QCOMPARE(runs.first().queryItemValue(QStringLiteral("ClientToken")), tokens.first());
    QCOMPARE(runs.last().queryItemValue(QStringLiteral("ClientToken")), tokens.first());
    QStringList recorded;
    for (const CloudResource &machine : m_journal->liveMachines())
        recorded << machine.id;
    QStringList launched;
    for (const FakeEc2::Instance &instance : std::as_const(m_ec2->instances))
        launched << instance.id;
    QCOMPARE(recorded, launched);
}

void tst_Ec2Provider::lostAnswerThenDownFindsTheMachines()
{
    m_ec2->holdRunInstances = true;
    const auto provider = makeProvider();
    {
        QObject context;
        provider->createMachines(request(2), m_journal.get(), &context,
                                 [](const Result<QList<ProvidedMachine>> &) {});
        QTRY_COMPARE(m_ec2->instances.size(), 2);
    }
    m_ec2->server().dropHeld();
    QCOMPARE(m_journal->liveMachines().size(), 0); // no id ever came back

    const Status downed = down(*provider);
    QVERIFY2(downed, qPrintable(messageOf(downed)));
    QCOMPARE(m_ec2->instancesIn(QStringLiteral("terminated")).size(), 2);
    QVERIFY(m_ec2->groups.isEmpty());
    QVERIFY(m_ec2->keyPairs.isEmpty());
    QVERIFY(m_ec2->calls(QStringLiteral("DescribeInstances"))
                .first()
                .toString()
                .contains(QLatin1String("client-token")));
}

void tst_Ec2Provider::resumeFindsALostBatchByTagAndLaunchesNothingMore()
{
    m_ec2->holdRunInstances = true;
    {
        const auto provider = makeProvider();
        QObject context;
        provider->createMachines(request(3), m_journal.get(), &context,
                                 [](const Result<QList<ProvidedMachine>> &) {});
        QTRY_COMPARE(m_ec2->instances.size(), 3);
    } // the program dies before the answer
    m_ec2->holdRunInstances = false;
    QCOMPARE(m_ec2->instances.at(2).tags.value(QStringLiteral("sparkdeck-batch")),
             QStringLiteral("1,2,3"));

    // `up` again: the generic task settles the unanswered intents by tag before creating.
    const auto provider = makeProvider();
    CreateMachinesTask task(provider.get(), m_journal.get(), request(3));
    task.setLookupPolicy(1, 5);
    const TaskOutcome outcome = runToEnd(task);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));

    QCOMPARE(m_ec2->calls(QStringLiteral("RunInstances")).size(), 1);
    QCOMPARE(m_ec2->instances.size(), 3);
    QStringList recorded;
    for (const CloudResource &machine : m_journal->liveMachines())
        recorded << machine.name + QLatin1Char('=') + machine.id;
    QCOMPARE(recorded, QStringList({QStringLiteral("demo-1=") + m_ec2->instances.at(0).id,
                                    QStringLiteral("demo-2=") + m_ec2->instances.at(1).id,
                                    QStringLiteral("demo-3=") + m_ec2->instances.at(2).id}));
}

void tst_Ec2Provider::teardownWaitsForTheInstancesBeforeDeletingTheGroup()
{
    m_ec2->shuttingDownDescribes = 3;
    const auto provider = makeProvider();
    const auto created = create(*provider, request(2));
    QVERIFY(created && *created);

    const Status downed = down(*provider);
    QVERIFY2(downed, qPrintable(messageOf(downed)));
    const QStringList actions = m_ec2->actions();
    const int deleteAt = actions.indexOf(QStringLiteral("DeleteSecurityGroup"));
    QVERIFY(deleteAt > 0);
    QCOMPARE(actions.count(QStringLiteral("DeleteSecurityGroup")), 1); // never refused: it waited
    QVERIFY(actions.mid(0, deleteAt).count(QStringLiteral("DescribeInstances")) >= 3);
    QVERIFY(actions.indexOf(QStringLiteral("DeleteKeyPair")) > deleteAt);
    QVERIFY(m_ec2->groups.isEmpty());

    // Gone already: destroying again succeeds.
    for (const CloudResource &resource : m_journal->resources()) {
        const Status again = destroyResource(*provider, resource);
        QVERIFY2(again, qPrintable(messageOf(again)));
    }
}

void tst_Ec2Provider::aWrongSecretIsRefusedWithAnActionableMessage()
{
    const QString wrong = QStringLiteral("not-the-secret-EC2-knows");
    const auto provider = makeProvider(credentials(wrong));
    const auto created = create(*provider, request(1));
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("AuthFailure")),
             qPrintable(created->errorMessage()));
    QVERIFY(created->errorMessage().contains(QLatin1String("Check the access key")));
    QVERIFY(!created->errorMessage().contains(wrong));
    QCOMPARE(m_ec2->badSignatures, QStringList({QStringLiteral("ImportKeyPair")}));
    QVERIFY(m_ec2->keyPairs.isEmpty());
    QCOMPARE(m_journal->outstanding().size(), 0); // refused: recorded as not created
    m_ec2->badSignatures.clear();
}

void tst_Ec2Provider::refusesToOpenSshWithoutTheUsersAddress()
{
    MachineRequest machines = request(1);
    machines.sshSourceCidr.clear();
    const auto provider = makeProvider();
    const auto created = create(*provider, machines);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY(created->errorMessage().contains(QLatin1String("public address")));
    QVERIFY(m_ec2->server().requests().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Ec2Provider)
#include "tst_ec2provider.moc"
