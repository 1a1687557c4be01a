// The Compute Engine provider against a local stand-in (FakeGce) whose token endpoint checks
// the service account's RS256 JWT with openssl and whose API wants the token it issued:
// choices, creation (firewalls, labelled instances, requestId recorded before each insert),
// throttling, eventual consistency, a quota reached half-way, an answer that never comes and
// the resume that follows, teardown, and a key the server does not know.
#include "fakegce.h"
#include "providercalls.h"
#include "providers/createmachinestask.h"
#include "providers/gce/gceclient.h"
#include "providers/gce/gceprovider.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;
using namespace SparkDeck::Test;

namespace {

const QString ClientEmail = QStringLiteral("sparkdeck@sparkdeck-test.iam.gserviceaccount.com");
const QString PublicKey
    = QStringLiteral("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHu5nB3W1dHUP7m4oKk0c1rUJtq user@laptop");

bool run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), arguments);
    return openssl.waitForFinished(60000) && openssl.exitStatus() == QProcess::NormalExit
           && openssl.exitCode() == 0;
}

} // namespace

class tst_GceProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void signsInAndListsZonesTypesAndDebian();
    void createsLabelledMachinesBehindTwoFirewalls();
    void describeWaitsThroughNotFoundAndProvisioning();
    void retriesThrottledCalls();
    void quotaMidwayLeavesThreeRecordedAndDownDeletesThree();
    void lostAnswerIsAskedAgainWithTheSameRequestId();
    void lostAnswerThenResumeMakesNothingTwice();
    void aKeyGoogleDoesNotKnowIsRefused();

private:
    /// A service account key file for the key at `pem`.
    QString keyFile(const QString &pem) const;
    std::unique_ptr<GceProvider> makeProvider(const QString &pem = QString()) const;
    MachineRequest request(int machines) const;

    QTemporaryDir m_keys;
    std::unique_ptr<FakeGce> m_gce;
    std::unique_ptr<QTemporaryDir> m_state;
    std::unique_ptr<ResourceJournal> m_journal;
};

void tst_GceProvider::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is missing: scripts/install-deps installs it");
    for (const QString &name : {QStringLiteral("account"), QStringLiteral("stranger")}) {
        QVERIFY(run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                     QStringLiteral("-out"), m_keys.filePath(name + QStringLiteral(".pem"))}));
    }
    QVERIFY(run({QStringLiteral("pkey"), QStringLiteral("-in"),
                 m_keys.filePath(QStringLiteral("account.pem")), QStringLiteral("-pubout"),
                 QStringLiteral("-out"), m_keys.filePath(QStringLiteral("account.pub"))}));
}

void tst_GceProvider::init()
{
    m_gce = std::make_unique<FakeGce>(m_keys.filePath(QStringLiteral("account.pub")), ClientEmail,
                                      QStringLiteral("sparkdeck-test"));
    QVERIFY(m_gce->listen());
    m_state = std::make_unique<QTemporaryDir>();
    m_journal = std::make_unique<ResourceJournal>(m_state->path());
}

void tst_GceProvider::cleanup()
{
    QCOMPARE(m_gce->unauthorized, 0); // every API call carried the token the server issued
    m_journal.reset();
    m_gce.reset();
}

QString tst_GceProvider::keyFile(const QString &pem) const
{
    QFile key(pem);
    if (!key.open(QIODevice::ReadOnly))
        return QString();
    const QJsonObject account{
        {QStringLiteral("type"), QStringLiteral("service_account")},
        {QStringLiteral("project_id"), QStringLiteral("sparkdeck-test")},
        {QStringLiteral("private_key_id"), QStringLiteral("0123456789abcdef")},
        {QStringLiteral("private_key"), QString::fromLatin1(key.readAll())},
        {QStringLiteral("client_email"), ClientEmail},
        {QStringLiteral("token_uri"), m_gce->tokenUri()}};
    const QString path = m_state->filePath(QFileInfo(pem).baseName() + QStringLiteral("-key.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(QJsonDocument(account).toJson());
    return path;
}

std::unique_ptr<GceProvider> tst_GceProvider::makeProvider(const QString &pem) const
{
    const Result<GceServiceAccount> account = GceServiceAccount::load(
        keyFile(pem.isEmpty() ? m_keys.filePath(QStringLiteral("account.pem")) : pem));
    if (!account)
        return nullptr;
    auto provider = std::make_unique<GceProvider>(m_gce->apiBase(), *account, GceSettings());
    provider->client()->rest()->setRetryPolicy(quickRetries());
    return provider;
}

MachineRequest tst_GceProvider::request(int machines) const
{
    return demoRequest(machines, PublicKey);
}

void tst_GceProvider::signsInAndListsZonesTypesAndDebian()
{
    const auto provider = makeProvider();
    QVERIFY(provider);
    const auto choices = await<ProviderChoices>(
        [&](QObject *context, MachineProvider::Callback<ProviderChoices> done) {
            provider->listChoices(context, done);
        });
    QVERIFY(choices);
    QVERIFY2(*choices, qPrintable(choices->ok() ? QString() : choices->errorMessage()));
    QCOMPARE(m_gce->badAssertions, QStringList());
    QCOMPARE(m_gce->server().requests("POST", QStringLiteral("/token")).size(),
             1); // one login for all calls
    QCOMPARE(choices->value().regions.size(), 3);
    QVERIFY(!choices->value().regions.at(2).available);
    QCOMPARE(choices->value().sizes.size(), 3); // both pages
    QCOMPARE(choices->value().sizes.at(2).id, QStringLiteral("n2-standard-8"));
    QCOMPARE(choices->value().sizes.at(2).memoryMiB, 32768);
    QVERIFY(!choices->value().sizes.at(2).hourlyPrice);
    QCOMPARE(choices->value().images.first().name, QStringLiteral("debian-12-bookworm-v20241112"));
}

void tst_GceProvider::createsLabelledMachinesBehindTwoFirewalls()
{
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(3), *m_journal);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));

    QCOMPARE(m_gce->firewalls.keys(), QStringList({QStringLiteral("sparkdeck-demo-internal"),
                                                   QStringLiteral("sparkdeck-demo-ssh")}));
    const QJsonObject ssh = m_gce->firewalls.value(QStringLiteral("sparkdeck-demo-ssh"));
    QCOMPARE(ssh.value(QLatin1String("sourceRanges")).toArray(),
             QJsonArray{QStringLiteral("203.0.113.7/32")});
    QCOMPARE(ssh.value(QLatin1String("allowed"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("ports"))
                 .toArray(),
             QJsonArray{QStringLiteral("22")});
    QCOMPARE(m_gce->firewalls.value(QStringLiteral("sparkdeck-demo-internal"))
                 .value(QLatin1String("sourceTags"))
                 .toArray(),
             QJsonArray{QStringLiteral("sparkdeck-demo")});

    QCOMPARE(m_gce->instances.keys(),
             QStringList(
                 {QStringLiteral("demo-1"), QStringLiteral("demo-2"), QStringLiteral("demo-3")}));
    const QJsonObject instance = m_gce->instances.value(QStringLiteral("demo-2"));
    QCOMPARE(instance.value(QLatin1String("labels"))
                 .toObject()
                 .value(QLatin1String("sparkdeck-cluster"))
                 .toString(),
             QStringLiteral("demo"));
    QCOMPARE(
        instance.value(QLatin1String("tags")).toObject().value(QLatin1String("items")).toArray(),
        QJsonArray{QStringLiteral("sparkdeck-demo")});
    QCOMPARE(instance.value(QLatin1String("metadata"))
                 .toObject()
                 .value(QLatin1String("items"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             request(3).userData);

    QStringList recorded;
    for (const CloudResource &resource : m_journal->outstanding())
        recorded << resource.idempotencyKey;
    QCOMPARE(recorded, m_gce->requestIds()); // each create's requestId was journaled
    QCOMPARE(m_journal->liveMachines().size(), 3);
}

void tst_GceProvider::describeWaitsThroughNotFoundAndProvisioning()
{
    m_gce->notFoundGets = 4; // more than RestClient asks again by itself
    m_gce->provisioningGets = 2;
    const auto provider = makeProvider();
    QVERIFY(createMachines(*provider, request(1), *m_journal).value_or(Error{}));
    QStringList seen;
    for (int poll = 0; poll < 6 && !seen.contains(QStringLiteral("RUNNING")); ++poll) {
        const auto described = await<QList<ProvidedMachine>>(
            [&](QObject *context, MachineProvider::Callback<QList<ProvidedMachine>> done) {
                provider->describeMachines({QStringLiteral("demo-1")}, context, done);
            });
        QVERIFY(described && *described);
        const ProvidedMachine machine = described->value().first();
        QVERIFY(machine.status != ProvidedMachine::Status::Gone);
        seen << machine.statusText;
        if (machine.status == ProvidedMachine::Status::Ready) {
            QCOMPARE(machine.publicAddress, QStringLiteral("198.51.100.2"));
            QCOMPARE(machine.privateAddress, QStringLiteral("10.128.0.2"));
        }
    }
    QCOMPARE(seen, QStringList({QStringLiteral("not visible yet"), QStringLiteral("PROVISIONING"),
                                QStringLiteral("PROVISIONING"), QStringLiteral("RUNNING")}));
}

void tst_GceProvider::retriesThrottledCalls()
{
    m_gce->throttle = 3;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    QCOMPARE(m_gce->throttle, 0);
    QCOMPARE(m_gce->instances.size(), 2);
    QCOMPARE(m_gce->firewalls.size(), 2);
}

void tst_GceProvider::quotaMidwayLeavesThreeRecordedAndDownDeletesThree()
{
    m_gce->quota = 3;
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(5), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("Quota 'CPUS' exceeded")),
             qPrintable(created->errorMessage()));
    QCOMPARE(m_journal->liveMachines().size(), 3);

    const Status downed = tearDown(*provider, *m_journal, QStringLiteral("demo"));
    QVERIFY2(downed, qPrintable(messageOf(downed)));
    QVERIFY(m_gce->instances.isEmpty());
    QVERIFY(m_gce->firewalls.isEmpty());
    QCOMPARE(
        m_gce->server()
            .requests(
                "DELETE",
                QStringLiteral(
                    "/compute/v1/projects/sparkdeck-test/zones/us-central1-a/instances/demo-3"))
            .size(),
        1);
}

void tst_GceProvider::lostAnswerIsAskedAgainWithTheSameRequestId()
{
    m_gce->dropInserts = 1; // demo-1 is made, and the connection closes before the answer
    const auto provider = makeProvider();
    const auto created = createMachines(*provider, request(2), *m_journal);
    QVERIFY(created);
    QVERIFY2(*created, qPrintable(created->ok() ? QString() : created->errorMessage()));
    const QList<HttpTestRequest> inserts = m_gce->server().requests(
        "POST",
        QStringLiteral("/compute/v1/projects/sparkdeck-test/zones/us-central1-a/instances"));
    QCOMPARE(inserts.size(), 3); // demo-1 twice, demo-2 once
    QCOMPARE(inserts.at(1).query.queryItemValue(QStringLiteral("requestId")),
             inserts.at(0).query.queryItemValue(QStringLiteral("requestId")));
    QCOMPARE(m_gce->instances.keys(),
             QStringList({QStringLiteral("demo-1"), QStringLiteral("demo-2")}));
    QCOMPARE(m_journal->liveMachines().size(), 2);
}

void tst_GceProvider::lostAnswerThenResumeMakesNothingTwice()
{
    m_gce->holdInserts = true;
    {
        const auto provider = makeProvider();
        QObject context;
        provider->createMachines(request(3), m_journal.get(), &context,
                                 [](const Result<QList<ProvidedMachine>> &) {});
        QTRY_COMPARE(m_gce->instances.size(), 1); // demo-1 exists; its answer never comes
    }
    m_gce->holdInserts = false;

    const auto provider = makeProvider();
    CreateMachinesTask task(provider.get(), m_journal.get(), request(3));
    task.setLookupPolicy(1, 5);
    const TaskOutcome outcome = runToEnd(task);
    QVERIFY2(outcome.succeeded(), qPrintable(outcome.message));
    QCOMPARE(m_gce->instances.keys(),
             QStringList(
                 {QStringLiteral("demo-1"), QStringLiteral("demo-2"), QStringLiteral("demo-3")}));
    QCOMPARE(m_gce->server()
                 .requests("POST",
                           QStringLiteral(
                               "/compute/v1/projects/sparkdeck-test/zones/us-central1-a/instances"))
                 .size(),
             3);

    QVERIFY(tearDown(*provider, *m_journal, QStringLiteral("demo")));
    QVERIFY(m_gce->instances.isEmpty());
    QVERIFY(m_gce->firewalls.isEmpty());
}

void tst_GceProvider::aKeyGoogleDoesNotKnowIsRefused()
{
    const auto provider = makeProvider(m_keys.filePath(QStringLiteral("stranger.pem")));
    const auto created = createMachines(*provider, request(1), *m_journal);
    QVERIFY(created);
    QVERIFY(!*created);
    QVERIFY2(created->errorMessage().contains(QLatin1String("Invalid JWT Signature")),
             qPrintable(created->errorMessage()));
    QCOMPARE(m_gce->badAssertions, QStringList({QStringLiteral("Invalid JWT Signature.")}));
    QVERIFY(m_gce->firewalls.isEmpty());
    QVERIFY(m_journal->outstanding().isEmpty());
}

QTEST_GUILESS_MAIN(tst_GceProvider)
#include "tst_gceprovider.moc"
