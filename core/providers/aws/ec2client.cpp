#include "ec2client.h"

#include "providers/aws/sigv4signer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrlQuery>

namespace SparkDeck {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SparkDeck::Ec2Client)
};

constexpr int MaxPages = 1000; // a server that always names a next page stops here

/// The error envelope: <Response><Errors><Error><Code/><Message/></Error></Errors>...
std::pair<QString, QString> errorOf(const XmlNode &root)
{
    const XmlNode error = root.child(QStringLiteral("Errors")).child(QStringLiteral("Error"));
    return {error.text(QStringLiteral("Code")), error.text(QStringLiteral("Message"))};
}

bool isThrottling(const HttpResponse &response)
{
    if (response.isSuccess() || response.status == 0)
        return false;
    const Result<XmlNode> xml = XmlNode::parse(response.body);
    const QString code = xml ? errorOf(*xml).first : QString();
    return code == QLatin1String("RequestLimitExceeded")
           || code == QLatin1String("EC2ThrottledException") || code == QLatin1String("Throttling");
}

/// The Host header exactly as QNetworkAccessManager would send it: signed, so sent as is.
QByteArray hostHeader(const QUrl &url)
{
    const QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    return url.port() == -1 ? host : host + ':' + QByteArray::number(url.port());
}

} // namespace

QString Ec2Answer::describe() const
{
    if (response.status == 0)
        return RestClient::describe(response, QStringLiteral("AWS EC2"));
    const QString what = errorCode.isEmpty()
                             ? Tr::tr("an answer it could not read (HTTP %1)").arg(response.status)
                             : errorCode + QStringLiteral(": ") + errorMessage;
    QString message
        = Tr::tr("AWS EC2 refused %1 (%2) in %3").arg(action, what, response.url.host());
    if (errorCode == QLatin1String("AuthFailure")
        || errorCode == QLatin1String("UnauthorizedOperation")
        || errorCode == QLatin1String("SignatureDoesNotMatch")
        || errorCode.startsWith(QLatin1String("InvalidClientTokenId")) || response.status == 401
        || response.status == 403)
        message += Tr::tr(
            ". Check the access key in ~/.aws/credentials or AWS_ACCESS_KEY_ID, that it is "
            "active and allowed to use EC2, and that this computer's clock is right.");
    else if (errorCode == QLatin1String("RequestLimitExceeded"))
        message += Tr::tr(". AWS kept throttling the account; wait a few minutes and run again.");
    return message;
}

Ec2Client::Ec2Client(const QUrl &endpoint, const AwsCredentials &credentials, const QString &region,
                     QObject *parent)
    : QObject(parent)
    , m_rest(new RestClient(endpoint, this))
    , m_region(region)
{
    const SigV4Signer signer(credentials, region, QStringLiteral("ec2"));
    m_rest->setSigner([signer](HttpRequest &request) {
        AwsRequest aws;
        aws.method = request.method;
        aws.path = request.url.path();
        for (const auto &[name, value] : QUrlQuery(request.url).queryItems(QUrl::FullyDecoded))
            aws.query.append({name, value});
        aws.body = request.body;
        for (const auto &[name, value] : std::as_const(request.headers))
            aws.setHeader(name, value);
        aws.setHeader("Host", hostHeader(request.url));
        signer.sign(aws, QDateTime::currentDateTimeUtc());
        request.headers.clear();
        for (const auto &[name, value] : std::as_const(aws.headers))
            request.headers.append(qMakePair(name, value));
    });
    m_rest->setThrottleDetector(isThrottling);
}

QUrl Ec2Client::endpointFor(const QString &region)
{
    return QUrl(QStringLiteral("https://ec2.%1.amazonaws.com/").arg(region));
}

void Ec2Client::call(const QString &action, const Parameters &parameters, QObject *context,
                     AnswerCallback done, bool idempotent)
{
    AwsRequest form; // the body is the query string of a form, encoded as SigV4 encodes it
    form.query = {{QStringLiteral("Action"), action}, {QStringLiteral("Version"), apiVersion()}};
    form.query.append(parameters);
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(QStringLiteral("/"));
    request.body = SigV4Signer::canonicalQuery(form);
    request.headers.append(
        qMakePair(QByteArray("Content-Type"),
                  QByteArray("application/x-www-form-urlencoded; charset=utf-8")));
    request.idempotent = idempotent;
    m_rest->send(request, context, [action, done = std::move(done)](const HttpResponse &response) {
        Ec2Answer answer;
        answer.action = action;
        answer.response = response;
        if (response.status != 0) {
            if (const Result<XmlNode> xml = XmlNode::parse(response.body); xml.ok()) {
                if (response.isSuccess())
                    answer.xml = *xml;
                else
                    std::tie(answer.errorCode, answer.errorMessage) = errorOf(*xml);
            }
        }
        done(answer);
    });
}

void Ec2Client::callPages(const QString &action, const Parameters &parameters, QObject *context,
                          PagesCallback done)
{
    fetchPage(action, parameters, context, std::make_shared<Ec2Pages>(), std::move(done));
}

void Ec2Client::fetchPage(const QString &action, const Parameters &parameters, QObject *context,
                          const std::shared_ptr<Ec2Pages> &pages, PagesCallback done)
{
    call(action, parameters, context, [=](const Ec2Answer &answer) {
        pages->last = answer;
        if (answer.ok())
            pages->pages.append(answer.xml);
        const QString next = answer.xml.text(QStringLiteral("nextToken"));
        if (!answer.ok() || next.isEmpty() || pages->pages.size() >= MaxPages) {
            done(*pages);
            return;
        }
        Parameters nextParameters = parameters;
        nextParameters.removeIf([](const std::pair<QString, QString> &p) {
            return p.first == QLatin1String("NextToken");
        });
        nextParameters.append({QStringLiteral("NextToken"), next});
        fetchPage(action, nextParameters, context, pages, done);
    });
}

Ec2Client::Parameters Ec2Client::filter(int n, const QString &name, const QStringList &values)
{
    const QString prefix = QStringLiteral("Filter.%1.").arg(n);
    Parameters parameters{{prefix + QStringLiteral("Name"), name}};
    parameters.append(list(prefix + QStringLiteral("Value"), values));
    return parameters;
}

Ec2Client::Parameters Ec2Client::list(const QString &prefix, const QStringList &values)
{
    Parameters parameters;
    for (int i = 0; i < values.size(); ++i)
        parameters.append({prefix + QLatin1Char('.') + QString::number(i + 1), values.at(i)});
    return parameters;
}

} // namespace SparkDeck
