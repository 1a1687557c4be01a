// AWS Signature Version 4: every stage (canonical request, string to sign, signature) and the
// Authorization header, in the header and in the query string, checked against the official
// test suite (../shared/reference, skipped without it) and against our own fixtures.
#include "providers/aws/sigv4signer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace SparkDeck;

namespace {

/// One signing case, from either layout of the suite: the classic one (`name.req`, `.creq`,
/// `.sts`, `.authz`, with the suite's documented inputs) or the newer one (`context.json`,
/// `request.txt`, `header-*.txt` and `query-*.txt`).
struct SigningCase
{
    AwsCredentials credentials;
    QString region;
    QString service;
    QDateTime time;
    int expiresSeconds = 0;
    bool signBody = false;
    QByteArray request;
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
    QByteArray authorization; ///< classic layout only
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A request as the suite writes it: "GET /path?query HTTP/1.1", "Name:value" lines, an empty
/// line and the body. Path and query are raw (UTF-8, maybe percent-encoded): decoded here.
AwsRequest parseRequest(const QByteArray &text)
{
    AwsRequest request;
    const int headerEnd = text.indexOf("\n\n");
    const QByteArrayList lines = text.left(headerEnd < 0 ? text.size() : headerEnd).split('\n');
    request.body = headerEnd < 0 ? QByteArray() : text.mid(headerEnd + 2);
    const QByteArray requestLine = lines.first();
    request.method = requestLine.left(requestLine.indexOf(' '));
    const QByteArray target = requestLine.mid(
        request.method.size() + 1, requestLine.lastIndexOf(' ') - request.method.size() - 1);
    const int question = target.indexOf('?');
    request.path = QString::fromUtf8(
        QByteArray::fromPercentEncoding(target.left(question < 0 ? target.size() : question)));
    if (question >= 0) {
        for (const QByteArray &pair : target.mid(question + 1).split('&')) {
            const int equals = pair.indexOf('=');
            request.query.append(
                {QString::fromUtf8(
                     QByteArray::fromPercentEncoding(pair.left(equals < 0 ? pair.size() : equals))),
                 equals < 0
                     ? QString()
                     : QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(equals + 1)))});
        }
    }
    for (const QByteArray &line : lines.mid(1)) {
        if (line.isEmpty()) // the file's final newline
            continue;
        const int colon = line.indexOf(':');
        request.headers.append({line.left(colon), line.mid(colon + 1)});
    }
    return request;
}

/// The classic layout's inputs, which its files do not name: the suite's documented example
/// keys, region, service and time (botocore's harness uses the same; its session-token case
/// uses this token).
SigningCase classicCase(const QString &directory, const QString &name)
{
    SigningCase signingCase;
    signingCase.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    signingCase.credentials.secretAccessKey
        = Secret(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    if (name.contains(QLatin1String("session-token")))
        signingCase.credentials.sessionToken = Secret(
            QStringLiteral("6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"));
    signingCase.region = QStringLiteral("us-east-1");
    signingCase.service = QStringLiteral("service");
    signingCase.time = QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);
    const QString base = directory + QLatin1Char('/') + name;
    signingCase.request = readFile(base + QLatin1String(".req"));
    signingCase.canonicalRequest = readFile(base + QLatin1String(".creq"));
    signingCase.stringToSign = readFile(base + QLatin1String(".sts"));
    signingCase.authorization = readFile(base + QLatin1String(".authz"));
    signingCase.signature
        = signingCase.authorization.mid(signingCase.authorization.lastIndexOf('=') + 1);
    return signingCase;
}

/// The newer layout, for `mode` "header" or "query"; nullopt when the case has no such files.
std::optional<SigningCase> contextCase(const QString &directory, const QString &mode)
{
    const QString prefix = directory + QLatin1Char('/') + mode;
    if (!QFile::exists(prefix + QLatin1String("-signature.txt")))
        return std::nullopt;
    const QJsonObject context
        = QJsonDocument::fromJson(readFile(directory + QLatin1String("/context.json"))).object();
    const QJsonObject credentials = context.value(QLatin1String("credentials")).toObject();
    SigningCase signingCase;
    signingCase.credentials.accessKeyId
        = credentials.value(QLatin1String("access_key_id")).toString();
    signingCase.credentials.secretAccessKey
        = Secret(credentials.value(QLatin1String("secret_access_key")).toString());
    signingCase.credentials.sessionToken
        = Secret(credentials.value(QLatin1String("token")).toString());
    signingCase.region = context.value(QLatin1String("region")).toString();
    signingCase.service = context.value(QLatin1String("service")).toString();
    signingCase.time
        = QDateTime::fromString(context.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    signingCase.expiresSeconds = context.value(QLatin1String("expiration_in_seconds")).toInt();
    signingCase.signBody = context.value(QLatin1String("sign_body")).toBool();
    signingCase.request = readFile(directory + QLatin1String("/request.txt"));
    signingCase.canonicalRequest = readFile(prefix + QLatin1String("-canonical-request.txt"));
    signingCase.stringToSign = readFile(prefix + QLatin1String("-string-to-sign.txt"));
    signingCase.signature = readFile(prefix + QLatin1String("-signature.txt")).trimmed();
    return signingCase;
}

QStringList caseDirectories(const QString &root)
{
    QStringList directories;
    for (const QString &name : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        directories << root + QLatin1Char('/') + name;
    return directories;
}

/// Rows for every case under `root` in `mode`, named after the case directory.
void addRows(const QString &root, const QString &mode)
{
    for (const QString &directory : caseDirectories(root)) {
        const QString name = QFileInfo(directory).fileName();
        if (mode == QLatin1String("header")
            && QFile::exists(directory + QLatin1Char('/') + name + QLatin1String(".authz"))) {
            QTest::newRow(qPrintable(name)) << classicCase(directory, name);
        } else if (const auto signingCase = contextCase(directory, mode)) {
            QTest::newRow(qPrintable(name)) << *signingCase;
        }
    }
}

const QString ReferenceRoot
    = QStringLiteral(SPARKDECK_SOURCE_DIR "/../shared/reference/providers/aws/sigv4");
const QString FixtureRoot = QStringLiteral(SPARKDECK_TEST_DATA "/providers/aws/sigv4");

} // namespace

Q_DECLARE_METATYPE(SigningCase)

class tst_SigV4Signer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void officialSuiteSignsInTheHeader_data();
    void officialSuiteSignsInTheHeader() { checkHeaderSigning(); }
    void officialSuitePresigns_data();
    void officialSuitePresigns() { checkPresigning(); }
    void ourFixturesSignInTheHeader_data();
    void ourFixturesSignInTheHeader() { checkHeaderSigning(); }
    void ourFixturesPresign_data();
    void ourFixturesPresign() { checkPresigning(); }

    void signingKeyIsTheDocumentedDerivation();
    void queryIsEncodedOnceAsRfc3986_data();
    void queryIsEncodedOnceAsRfc3986();
    void sessionTokenIsSentAndSigned();
    void signingReplacesAnEarlierSignature();

private:
    static void checkHeaderSigning();
    static void checkPresigning();
    static void requireReference();
};

void tst_SigV4Signer::requireReference()
{
    if (!QDir(ReferenceRoot).exists())
        QSKIP(qPrintable(
            QStringLiteral("The official SigV4 test suite is not here (%1)").arg(ReferenceRoot)));
}

void tst_SigV4Signer::officialSuiteSignsInTheHeader_data()
{
    requireReference();
    QTest::addColumn<SigningCase>("signingCase");
    addRows(ReferenceRoot + QLatin1String("/botocore-aws4_testsuite"), QStringLiteral("header"));
    addRows(ReferenceRoot + QLatin1String("/aws-c-auth-v4"), QStringLiteral("header"));
}

void tst_SigV4Signer::officialSuitePresigns_data()
{
    requireReference();
    QTest::addColumn<SigningCase>("signingCase");
    addRows(ReferenceRoot + QLatin1String("/aws-c-auth-v4"), QStringLiteral("query"));
}

void tst_SigV4Signer::ourFixturesSignInTheHeader_data()
{
    QTest::addColumn<SigningCase>("signingCase");
    QVERIFY2(QDir(FixtureRoot).exists(), qPrintable(FixtureRoot));
    addRows(FixtureRoot, QStringLiteral("header"));
}

void tst_SigV4Signer::ourFixturesPresign_data()
{
    QTest::addColumn<SigningCase>("signingCase");
    addRows(FixtureRoot, QStringLiteral("query"));
}

void tst_SigV4Signer::checkHeaderSigning()
{
    QFETCH(SigningCase, signingCase);
    AwsRequest request = parseRequest(signingCase.request);
    if (signingCase
            .signBody) // the suite's "sign_body": the payload hash travels as a signed header
        request.setHeader(
            "x-amz-content-sha256",
            QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
    const SigV4Signer signer(signingCase.credentials, signingCase.region, signingCase.service);

    const SigV4Signing signing = signer.sign(request, signingCase.time);

    QCOMPARE(signing.canonicalRequest, signingCase.canonicalRequest);
    QCOMPARE(signing.stringToSign, signingCase.stringToSign);
    QCOMPARE(signing.signature, signingCase.signature);
    if (!signingCase.authorization.isEmpty())
        QCOMPARE(request.header("authorization"), signingCase.authorization);
    QVERIFY(request.header("Authorization").endsWith("Signature=" + signingCase.signature));
}

void tst_SigV4Signer::checkPresigning()
{
    QFETCH(SigningCase, signingCase);
    AwsRequest request = parseRequest(signingCase.request);
    const SigV4Signer signer(signingCase.credentials, signingCase.region, signingCase.service);

    const SigV4Signing signing
        = signer.presign(request, signingCase.time, signingCase.expiresSeconds);

    QCOMPARE(signing.canonicalRequest, signingCase.canonicalRequest);
    QCOMPARE(signing.stringToSign, signingCase.stringToSign);
    QCOMPARE(signing.signature, signingCase.signature);
    QCOMPARE(request.query.last().first, QStringLiteral("X-Amz-Signature"));
    QCOMPARE(request.query.last().second.toLatin1(), signingCase.signature);
    QVERIFY(request.header("Authorization").isEmpty());
}

void tst_SigV4Signer::signingKeyIsTheDocumentedDerivation()
{
    // AWS's documented example of deriving a signing key.
    const SigV4Signer signer({QStringLiteral("AKIDEXAMPLE"),
                              Secret(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                              {}},
                             QStringLiteral("us-east-1"), QStringLiteral("iam"));
    QCOMPARE(signer.signingKey(QDate(2012, 2, 15)).toHex(),
             QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
}

void tst_SigV4Signer::queryIsEncodedOnceAsRfc3986_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unreserved stay") << QStringLiteral("AZaz09-._~") << QByteArray("AZaz09-._~");
    QTest::newRow("space is %20, never +") << QStringLiteral("a b") << QByteArray("a%20b");
    QTest::newRow("plus, slash, equals, colon")
        << QStringLiteral("+/=:") << QByteArray("%2B%2F%3D%3A");
    QTest::newRow("percent is encoded, not kept") << QStringLiteral("%41") << QByteArray("%2541");
    QTest::newRow("utf-8 bytes, uppercase hex")
        << QStringLiteral("é\u1234") << QByteArray("%C3%A9%E1%88%B4");
    QTest::newRow("shell and XML characters")
        << QStringLiteral("$(x)<&>'\"") << QByteArray("%24%28x%29%3C%26%3E%27%22");
}

void tst_SigV4Signer::queryIsEncodedOnceAsRfc3986()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, encoded);
    AwsRequest request;
    request.query
        = {{QStringLiteral("Value"), value}, {QStringLiteral("Action"), QStringLiteral("Run")}};
    QCOMPARE(SigV4Signer::canonicalQuery(request), "Action=Run&Value=" + encoded);
    QCOMPARE(request.encodedTarget(), "/?Action=Run&Value=" + encoded);
}

void tst_SigV4Signer::sessionTokenIsSentAndSigned()
{
    const SigV4Signer signer({QStringLiteral("ASIAEXAMPLE"), Secret(QStringLiteral("secret")),
                              Secret(QStringLiteral("token/with+signs="))},
                             QStringLiteral("eu-west-1"), QStringLiteral("ec2"));
    AwsRequest request;
    request.setHeader("Host", "ec2.eu-west-1.amazonaws.com");

    const SigV4Signing signing
        = signer.sign(request, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));

    QCOMPARE(request.header("X-Amz-Security-Token"), QByteArray("token/with+signs="));
    QCOMPARE(signing.signedHeaders, QByteArray("host;x-amz-date;x-amz-security-token"));
    QCOMPARE(signing.credential, QByteArray("ASIAEXAMPLE/20260102/eu-west-1/ec2/aws4_request"));
    QVERIFY(!request.header("Authorization").contains("secret"));
}

void tst_SigV4Signer::signingReplacesAnEarlierSignature()
{
    // A retried request is signed again with a new time: one X-Amz-Date, one Authorization.
    const SigV4Signer signer({QStringLiteral("AKID"), Secret(QStringLiteral("secret")), {}},
                             QStringLiteral("us-east-1"), QStringLiteral("ec2"));
    AwsRequest request;
    request.setHeader("Host", "localhost");
    signer.sign(request, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    const QByteArray first = request.header("Authorization");

    const SigV4Signing again
        = signer.sign(request, QDateTime(QDate(2026, 1, 2), QTime(3, 9, 5), Qt::UTC));

    QCOMPARE(request.headers.size(), 3);
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20260102T030905Z"));
    QCOMPARE(again.signedHeaders, QByteArray("host;x-amz-date"));
    QVERIFY(request.header("Authorization") != first);
}

QTEST_GUILESS_MAIN(tst_SigV4Signer)
#include "tst_sigv4signer.moc"
