// cloud-init user-data for machines a provider creates: the user's key for the login user, no
// password logins, Java and Python; accepted by the real `cloud-init schema`, and refusing
// values that would change the document's meaning.
#include "render/cloudinit.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace SparkDeck;

namespace {
const QString kKey = QStringLiteral(
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmsr0Nnd9JXa2gQOhV1W3ydfrLZqDyxHUuQ9v8XPCIb me@laptop");

CloudInitConfig config(const QString &user = QStringLiteral("root"))
{
    CloudInitConfig config;
    config.hostname = QStringLiteral("demo-1");
    config.user = user;
    config.sshPublicKey = kKey;
    return config;
}

/// `cloud-init schema --config-file`'s verdict on `userData`: empty when valid, else its words.
QString schemaProblems(const QString &userData)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("user-data")));
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write the temporary file");
    file.write(userData.toUtf8());
    file.close();
    QProcess schema;
    schema.start(QStringLiteral("cloud-init"),
                 {QStringLiteral("schema"), QStringLiteral("--config-file"), file.fileName()});
    if (!schema.waitForFinished(60000))
        return QStringLiteral("cloud-init schema did not finish");
    const QString output
        = QString::fromUtf8(schema.readAllStandardOutput() + schema.readAllStandardError());
    return schema.exitCode() == 0 && output.contains(QLatin1String("Valid cloud-config"))
               ? QString()
               : output;
}
} // namespace

class tst_CloudInitRenderer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rootGetsTheKeyAndNoPasswordLogin();
    void anotherUserIsCreatedWithSudo();
    void withoutAHostNameTheProviderNamesTheMachine();
    void installsJavaAndPython();
    void cloudInitSchemaAcceptsIt_data();
    void cloudInitSchemaAcceptsIt();
    void refusesValuesThatWouldChangeTheDocument_data();
    void refusesValuesThatWouldChangeTheDocument();
};

void tst_CloudInitRenderer::rootGetsTheKeyAndNoPasswordLogin()
{
    const Result<QString> data = CloudInitRenderer::userData(config());
    QVERIFY(data.ok());
    QVERIFY(data->startsWith(QLatin1String("#cloud-config\n")));
    QVERIFY(data->contains(QLatin1String("\nhostname: \"demo-1\"\n")));
    QVERIFY(data->contains(QLatin1String("\nssh_pwauth: false\n")));
    QVERIFY(data->contains(QLatin1String("\ndisable_root: false\n")));
    QVERIFY(data->contains(QLatin1String("  - name: \"root\"\n    ssh_authorized_keys:\n      - \"")
                           + kKey + "\"\n"));
    QVERIFY(!data->contains(QLatin1String("sudo:")));
}

void tst_CloudInitRenderer::anotherUserIsCreatedWithSudo()
{
    const Result<QString> data = CloudInitRenderer::userData(config(QStringLiteral("spark")));
    QVERIFY(data.ok());
    QVERIFY(data->contains(QLatin1String("\ndisable_root: true\n")));
    QVERIFY(data->contains(
        QLatin1String("  - name: \"spark\"\n    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n")));
    QVERIFY(data->contains(QLatin1String("    lock_passwd: true\n")));
}

void tst_CloudInitRenderer::withoutAHostNameTheProviderNamesTheMachine()
{
    CloudInitConfig batch = config();
    batch.hostname.clear();
    const Result<QString> data = CloudInitRenderer::userData(batch);
    QVERIFY(data.ok());
    QVERIFY(!data->contains(QLatin1String("hostname")));
    if (!QStandardPaths::findExecutable(QStringLiteral("cloud-init")).isEmpty())
        QCOMPARE(schemaProblems(*data), QString());
}

void tst_CloudInitRenderer::installsJavaAndPython()
{
    const Result<QString> data = CloudInitRenderer::userData(config());
    QVERIFY(data.ok());
    QVERIFY(data->endsWith(QLatin1String(
        "package_update: true\npackages:\n  - \"openjdk-17-jre-headless\"\n  - \"python3\"\n")));
}

void tst_CloudInitRenderer::cloudInitSchemaAcceptsIt_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("packages");
    QTest::newRow("root, Java and Python") << "root" << CloudInitConfig().packages;
    QTest::newRow("a sudo user") << "spark" << CloudInitConfig().packages;
    QTest::newRow("no packages") << "root" << QStringList();
}

void tst_CloudInitRenderer::cloudInitSchemaAcceptsIt()
{
    if (QStandardPaths::findExecutable(QStringLiteral("cloud-init")).isEmpty())
        QSKIP("cloud-init is not installed (scripts/install-deps installs it)");
    QFETCH(QString, user);
    QFETCH(QStringList, packages);
    CloudInitConfig c = config(user);
    c.packages = packages;
    const Result<QString> data = CloudInitRenderer::userData(c);
    QVERIFY(data.ok());
    const QString problems = schemaProblems(*data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems + QLatin1Char('\n') + *data));
}

void tst_CloudInitRenderer::refusesValuesThatWouldChangeTheDocument_data()
{
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("message");
    const QString host = QStringLiteral("demo-1");
    const QString python = QStringLiteral("python3");
    QTest::newRow("host name with a newline") << "demo\nruncmd: [reboot]"
                                              << "root" << kKey << python << "host name";
    QTest::newRow("host name with a quote") << "demo\"1"
                                            << "root" << kKey << python << "host name";
    QTest::newRow("uppercase host name") << "Demo-1"
                                         << "root" << kKey << python << "host name";
    QTest::newRow("user with a colon") << host << "root: x" << kKey << python << "user";
    QTest::newRow("two keys") << host << "root" << kKey + "\n" + kKey << python << "public key";
    QTest::newRow("a private key")
        << host << "root"
        << "-----BEGIN OPENSSH PRIVATE KEY-----" << python << "public key";
    QTest::newRow("key with a quote in the comment")
        << host << "root" << kKey + "\"" << python << "public key";
    QTest::newRow("package with a space") << host << "root" << kKey << "python3 curl"
                                          << "package";
    QTest::newRow("package as an option") << host << "root" << kKey << "--allow-unauthenticated"
                                          << "package";
}

void tst_CloudInitRenderer::refusesValuesThatWouldChangeTheDocument()
{
    QFETCH(QString, hostname);
    QFETCH(QString, user);
    QFETCH(QString, key);
    QFETCH(QString, package);
    QFETCH(QString, message);
    CloudInitConfig c;
    c.hostname = hostname;
    c.user = user;
    c.sshPublicKey = key;
    c.packages = {package};
    const Result<QString> data = CloudInitRenderer::userData(c);
    QVERIFY(!data.ok());
    QVERIFY2(data.errorMessage().contains(message), qPrintable(data.errorMessage()));
}

QTEST_GUILESS_MAIN(tst_CloudInitRenderer)
#include "tst_cloudinitrenderer.moc"
