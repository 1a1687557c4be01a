#pragma once

#include "providers/aws/awscredentials.h"
#include "providers/aws/xmlnode.h"
#include "providers/restclient.h"
#include "util/result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <utility>

namespace SparkDeck {

/// One answer of the EC2 Query API: the response element when it succeeded, else the API's
/// error code and message ("InvalidInstanceID.NotFound", ...), or none when no answer came.
struct Ec2Answer
{
    QString action;
    HttpResponse response;
    XmlNode xml;
    QString errorCode;
    QString errorMessage;

    bool ok() const { return response.isSuccess() && !xml.isNull(); }
    /// What failed and what to do, for people; never holds a credential.
    QString describe() const;
};

/// Every page of a listing, and the last answer: the failure when one page failed.
struct Ec2Pages
{
    QList<XmlNode> pages;
    Ec2Answer last;

    bool ok() const { return last.ok(); }
};

/// The EC2 Query API (version 2016-11-15) over the shared RestClient: each call is a form POST
/// `Action=...&Version=...` signed with SigV4 on every attempt, XML answers, throttling
/// (`RequestLimitExceeded`, `EC2ThrottledException`) retried with backoff like HTTP 429, and
/// NextToken pages followed to the end. Lists are flattened as the API wants (`InstanceId.1`,
/// `Filter.1.Value.2`).
class Ec2Client : public QObject
{
    Q_OBJECT
public:
    using Parameters = QList<std::pair<QString, QString>>;
    using AnswerCallback = std::function<void(const Ec2Answer &)>;
    using PagesCallback = std::function<void(const Ec2Pages &)>;

    Ec2Client(const QUrl &endpoint, const AwsCredentials &credentials, const QString &region,
              QObject *parent = nullptr);

    /// https://ec2.<region>.amazonaws.com/
    static QUrl endpointFor(const QString &region);
    static QString apiVersion() { return QStringLiteral("2016-11-15"); }

    RestClient *rest() const { return m_rest; }
    QString region() const { return m_region; }

    /// `idempotent`: safe to send again when the answer was lost (reads, calls with a
    /// ClientToken, and creates whose repeat answers "Duplicate").
    void call(const QString &action, const Parameters &parameters, QObject *context,
              AnswerCallback done, bool idempotent = true);
    /// Calls `action` with each `NextToken` until the last page; fails at the first error.
    void callPages(const QString &action, const Parameters &parameters, QObject *context,
                   PagesCallback done);

    /// `Filter.<n>.Name=<name>` and its `Filter.<n>.Value.<m>` values.
    static Parameters filter(int n, const QString &name, const QStringList &values);
    /// `<prefix>.1=<v1>`, `<prefix>.2=<v2>`...
    static Parameters list(const QString &prefix, const QStringList &values);

private:
    void fetchPage(const QString &action, const Parameters &parameters, QObject *context,
                   const std::shared_ptr<Ec2Pages> &pages, PagesCallback done);

    RestClient *m_rest;
    QString m_region;
};

} // namespace SparkDeck
