#pragma once

#include "httptestserver.h"
#include "providers/aws/sigv4signer.h"

#include <QFile>
#include <QMap>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

namespace SparkDeck::Test {

/// A local stand-in for the EC2 Query API (2016-11-15) on an HttpTestServer: it keeps key
/// pairs, security groups and instances, answers in EC2's XML shapes, and first of all checks
/// the SigV4 signature of every request with the secret it was given (a bad one is answered
/// 401 AuthFailure and counted in badSignatures). Knobs make it behave like EC2 on a bad day:
/// throttling, limited capacity, answers that never come, instances invisible right after
/// launch, slow state changes, small pages. Static listings come from tests/data/providers/ec2.
class FakeEc2
{
public:
    struct Instance
    {
        QString id;
        QString state = QStringLiteral("pending");
        QString clientToken;
        QString groupId;
        QString keyName;
        QString imageId;
        QString type;
        QString userData; ///< decoded
        QString publicAddress;
        QString privateAddress;
        int launchIndex = 0;
        int describesLeft = 0; ///< before pending -> running, or shutting-down -> terminated
        QMap<QString, QString> tags;
    };
    struct Group
    {
        QString id;
        QString name;
        QStringList rules; ///< "tcp 22-22 203.0.113.7/32", "-1 sg-..."
        QMap<QString, QString> tags;
    };
    struct KeyPair
    {
        QString id;
        QString name;
        QByteArray publicKey; ///< decoded
        QMap<QString, QString> tags;
    };

    int throttle = 0;              ///< the next n requests answer RequestLimitExceeded (503)
    int capacity = 1000;           ///< instances one RunInstances launches at most
    bool holdRunInstances = false; ///< launch, then never answer
    int dropRunInstances = 0;      ///< the next n RunInstances launch, then close unanswered
    int notFoundDescribes = 0;     ///< DescribeInstances by id after a launch: NotFound this often
    int pendingDescribes = 1;      ///< describes an instance stays pending
    int shuttingDownDescribes = 1; ///< describes a terminated instance stays shutting-down
    int pageSize = 1000;           ///< the most a page holds, whatever MaxResults asks
    /// Runs when a RunInstances arrives, before anything is launched (tests read the journal).
    std::function<void(const QUrlQuery &form)> beforeRunInstances;
    /// The public and private address a new instance gets (benchmarks give lab hosts'); by
    /// default documentation addresses.
    std::function<QPair<QString, QString>(const Instance &instance)> addressesFor;

    QList<Instance> instances;
    QList<Group> groups;
    QList<KeyPair> keyPairs;
    QStringList badSignatures; ///< the actions whose signature did not verify

    FakeEc2(AwsCredentials credentials, QString region)
        : m_credentials(std::move(credentials))
        , m_region(std::move(region))
    {
        m_server.setHandler([this](const HttpTestRequest &request) { return handle(request); });
    }

    bool listen() { return m_server.listen(); }
    QUrl url() const { return m_server.url(QStringLiteral("/")); }
    HttpTestServer &server() { return m_server; }

    /// The forms of every request for `action`, in order.
    QList<QUrlQuery> calls(const QString &action) const
    {
        QList<QUrlQuery> found;
        for (const HttpTestRequest &request : m_server.requests()) {
            const QUrlQuery form = formOf(request);
            if (form.queryItemValue(QStringLiteral("Action")) == action)
                found << form;
        }
        return found;
    }
    QStringList actions() const
    {
        QStringList found;
        for (const HttpTestRequest &request : m_server.requests())
            found << formOf(request).queryItemValue(QStringLiteral("Action"));
        return found;
    }
    /// Instances in `state` (any state when empty).
    QList<Instance> instancesIn(const QString &state = QString()) const
    {
        QList<Instance> found;
        for (const Instance &instance : instances) {
            if (state.isEmpty() || instance.state == state)
                found << instance;
        }
        return found;
    }

    static QUrlQuery formOf(const HttpTestRequest &request)
    {
        return QUrlQuery(QString::fromUtf8(request.body));
    }

private:
    using Filters = QMap<QString, QStringList>;

    static QString value(const QUrlQuery &form, const QString &name)
    {
        return form.queryItemValue(name, QUrl::FullyDecoded);
    }
    static QStringList list(const QUrlQuery &form, const QString &prefix)
    {
        QStringList values;
        for (int i = 1; form.hasQueryItem(prefix + QLatin1Char('.') + QString::number(i)); ++i)
            values << value(form, prefix + QLatin1Char('.') + QString::number(i));
        return values;
    }
    static Filters filters(const QUrlQuery &form)
    {
        Filters found;
        for (int n = 1; form.hasQueryItem(QStringLiteral("Filter.%1.Name").arg(n)); ++n)
            found.insert(value(form, QStringLiteral("Filter.%1.Name").arg(n)),
                         list(form, QStringLiteral("Filter.%1.Value").arg(n)));
        return found;
    }
    /// The tags TagSpecification.N gives resources of `type`.
    static QMap<QString, QString> tagsFor(const QUrlQuery &form, const QString &type)
    {
        QMap<QString, QString> tags;
        for (int n = 1;
             form.hasQueryItem(QStringLiteral("TagSpecification.%1.ResourceType").arg(n)); ++n) {
            if (value(form, QStringLiteral("TagSpecification.%1.ResourceType").arg(n)) != type)
                continue;
            for (int t = 1;
                 form.hasQueryItem(QStringLiteral("TagSpecification.%1.Tag.%2.Key").arg(n).arg(t));
                 ++t)
                tags.insert(
                    value(form, QStringLiteral("TagSpecification.%1.Tag.%2.Key").arg(n).arg(t)),
                    value(form, QStringLiteral("TagSpecification.%1.Tag.%2.Value").arg(n).arg(t)));
        }
        return tags;
    }
    static bool matchesTags(const QMap<QString, QString> &tags, const Filters &wanted)
    {
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("tag:"))
                && !it.value().contains(tags.value(it.key().mid(4))))
                return false;
        }
        return true;
    }

    static HttpTestResponse xml(const QString &action, const QString &content)
    {
        const QString body
            = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<%1Response "
                             "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                             "<requestId>fake-request</requestId>%2</%1Response>")
                  .arg(action, content);
        return {200, body.toUtf8(), {{"Content-Type", "text/xml;charset=UTF-8"}}, false, false};
    }
    static HttpTestResponse error(int status, const QString &code, const QString &message)
    {
        const QString body
            = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>"
                             "<Code>%1</Code><Message>%2</Message></Error></Errors>"
                             "<RequestID>fake-request</RequestID></Response>")
                  .arg(code, message.toHtmlEscaped());
        return {status, body.toUtf8(), {{"Content-Type", "text/xml;charset=UTF-8"}}, false, false};
    }
    static QString element(const QString &name, const QString &text)
    {
        return QStringLiteral("<%1>%2</%1>").arg(name, text.toHtmlEscaped());
    }
    static QString tagSet(const QMap<QString, QString> &tags)
    {
        QString items;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            items += QStringLiteral("<item>") + element(QStringLiteral("key"), it.key())
                     + element(QStringLiteral("value"), it.value()) + QStringLiteral("</item>");
        return QStringLiteral("<tagSet>%1</tagSet>").arg(items);
    }
    static QString instanceXml(const Instance &instance)
    {
        return QStringLiteral("<item>") + element(QStringLiteral("instanceId"), instance.id)
               + element(QStringLiteral("imageId"), instance.imageId)
               + QStringLiteral("<instanceState><code>0</code>")
               + element(QStringLiteral("name"), instance.state)
               + QStringLiteral("</instanceState>")
               + element(QStringLiteral("keyName"), instance.keyName)
               + element(QStringLiteral("amiLaunchIndex"), QString::number(instance.launchIndex))
               + element(QStringLiteral("instanceType"), instance.type)
               + (instance.state == QLatin1String("running")
                      ? element(QStringLiteral("privateIpAddress"), instance.privateAddress)
                            + element(QStringLiteral("ipAddress"), instance.publicAddress)
                      : QString())
               + QStringLiteral("<groupSet><item>")
               + element(QStringLiteral("groupId"), instance.groupId)
               + QStringLiteral("</item></groupSet>")
               + element(QStringLiteral("clientToken"), instance.clientToken)
               + tagSet(instance.tags) + QStringLiteral("</item>");
    }
    static HttpTestResponse fixture(const QString &name)
    {
        QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/providers/ec2/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return error(500, QStringLiteral("InternalError"),
                         QStringLiteral("missing fixture ") + name);
        return {200, file.readAll(), {{"Content-Type", "text/xml;charset=UTF-8"}}, false, false};
    }

    /// SigV4 as AWS checks it: the signed headers, the scope and the signature.
    bool signatureIsValid(const HttpTestRequest &request) const
    {
        const QByteArray authorization = request.headers.value("authorization");
        const QByteArray prefix = "AWS4-HMAC-SHA256 Credential=";
        if (!authorization.startsWith(prefix))
            return false;
        QMap<QByteArray, QByteArray> parts;
        for (const QByteArray &part :
             authorization.mid(prefix.size() - QByteArray("Credential=").size()).split(',')) {
            const QByteArray trimmed = part.trimmed();
            parts.insert(trimmed.left(trimmed.indexOf('=')), trimmed.mid(trimmed.indexOf('=') + 1));
        }
        const QDateTime time
            = QDateTime::fromString(QString::fromLatin1(request.headers.value("x-amz-date")),
                                    QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (!time.isValid())
            return false;
        AwsRequest signedRequest;
        signedRequest.method = request.method;
        signedRequest.path = request.path;
        for (const auto &[name, itemValue] : request.query.queryItems(QUrl::FullyDecoded))
            signedRequest.query.append({name, itemValue});
        signedRequest.body = request.body;
        for (const QByteArray &name : parts.value("SignedHeaders").split(';'))
            signedRequest.headers.append({name, request.headers.value(name)});
        QDateTime utc = time;
        utc.setTimeSpec(Qt::UTC);
        const SigV4Signing expected = SigV4Signer(m_credentials, m_region, QStringLiteral("ec2"))
                                          .signingOf(signedRequest, utc);
        return parts.value("Credential") == expected.credential
               && parts.value("Signature") == expected.signature
               && parts.value("SignedHeaders").contains("host")
               && parts.value("SignedHeaders").contains("x-amz-date")
               && (m_credentials.sessionToken.isEmpty()
                   || request.headers.value("x-amz-security-token")
                          == m_credentials.sessionToken.reveal().toUtf8());
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        const QUrlQuery form = formOf(request);
        const QString action = value(form, QStringLiteral("Action"));
        if (!signatureIsValid(request)) {
            badSignatures << action;
            return error(
                401, QStringLiteral("AuthFailure"),
                QStringLiteral("AWS was not able to validate the provided access credentials"));
        }
        if (value(form, QStringLiteral("Version")) != QLatin1String("2016-11-15"))
            return error(400, QStringLiteral("InvalidParameterValue"),
                         QStringLiteral("unsupported Version"));
        if (throttle > 0) {
            --throttle;
            return error(503, QStringLiteral("RequestLimitExceeded"),
                         QStringLiteral("Request limit exceeded."));
        }
        if (action == QLatin1String("DescribeRegions"))
            return fixture(QStringLiteral("describe-regions.xml"));
        if (action == QLatin1String("DescribeInstanceTypes"))
            return fixture(value(form, QStringLiteral("NextToken"))
                                   == QLatin1String("page-2-of-instance-types")
                               ? QStringLiteral("describe-instance-types-2.xml")
                               : QStringLiteral("describe-instance-types-1.xml"));
        if (action == QLatin1String("DescribeImages"))
            return fixture(QStringLiteral("describe-images.xml"));
        if (action == QLatin1String("ImportKeyPair"))
            return importKeyPair(form);
        if (action == QLatin1String("DescribeKeyPairs"))
            return describeKeyPairs(form);
        if (action == QLatin1String("DeleteKeyPair")) {
            keyPairs.removeIf([&](const KeyPair &pair) {
                return pair.name == value(form, QStringLiteral("KeyName"));
            });
            return xml(action, QStringLiteral("<return>true</return>"));
        }
        if (action == QLatin1String("CreateSecurityGroup"))
            return createSecurityGroup(form);
        if (action == QLatin1String("AuthorizeSecurityGroupIngress"))
            return authorize(form);
        if (action == QLatin1String("DescribeSecurityGroups"))
            return describeSecurityGroups(form);
        if (action == QLatin1String("DeleteSecurityGroup"))
            return deleteSecurityGroup(form);
        if (action == QLatin1String("RunInstances"))
            return runInstances(form);
        if (action == QLatin1String("DescribeInstances"))
            return describeInstances(form);
        if (action == QLatin1String("TerminateInstances"))
            return terminateInstances(form);
        return error(
            400, QStringLiteral("InvalidAction"),
            QStringLiteral("The action %1 is not valid for this web service.").arg(action));
    }

    HttpTestResponse importKeyPair(const QUrlQuery &form)
    {
        const QString name = value(form, QStringLiteral("KeyName"));
        for (const KeyPair &pair : std::as_const(keyPairs)) {
            if (pair.name == name)
                return error(400, QStringLiteral("InvalidKeyPair.Duplicate"),
                             QStringLiteral("The keypair '%1' already exists.").arg(name));
        }
        KeyPair pair{
            QStringLiteral("key-%1").arg(++m_nextId, 17, 16, QLatin1Char('0')), name,
            QByteArray::fromBase64(value(form, QStringLiteral("PublicKeyMaterial")).toLatin1()),
            tagsFor(form, QStringLiteral("key-pair"))};
        keyPairs << pair;
        return xml(QStringLiteral("ImportKeyPair"),
                   element(QStringLiteral("keyFingerprint"), QStringLiteral("1f:51:ae:28"))
                       + element(QStringLiteral("keyName"), name)
                       + element(QStringLiteral("keyPairId"), pair.id));
    }

    HttpTestResponse describeKeyPairs(const QUrlQuery &form) const
    {
        const Filters wanted = filters(form);
        const QStringList names = list(form, QStringLiteral("KeyName"));
        QString items;
        for (const KeyPair &pair : keyPairs) {
            if (matchesTags(pair.tags, wanted) && (names.isEmpty() || names.contains(pair.name)))
                items += QStringLiteral("<item>") + element(QStringLiteral("keyPairId"), pair.id)
                         + element(QStringLiteral("keyName"), pair.name) + tagSet(pair.tags)
                         + QStringLiteral("</item>");
        }
        return xml(QStringLiteral("DescribeKeyPairs"),
                   QStringLiteral("<keySet>%1</keySet>").arg(items));
    }

    HttpTestResponse createSecurityGroup(const QUrlQuery &form)
    {
        const QString name = value(form, QStringLiteral("GroupName"));
        for (const Group &group : std::as_const(groups)) {
            if (group.name == name)
                return error(400, QStringLiteral("InvalidGroup.Duplicate"),
                             QStringLiteral("The security group '%1' already exists").arg(name));
        }
        Group group{QStringLiteral("sg-%1").arg(++m_nextId, 17, 16, QLatin1Char('0')),
                    name,
                    {},
                    tagsFor(form, QStringLiteral("security-group"))};
        groups << group;
        return xml(QStringLiteral("CreateSecurityGroup"),
                   QStringLiteral("<return>true</return>")
                       + element(QStringLiteral("groupId"), group.id));
    }

    HttpTestResponse authorize(const QUrlQuery &form)
    {
        Group *group = groupWithId(value(form, QStringLiteral("GroupId")));
        if (!group)
            return error(400, QStringLiteral("InvalidGroup.NotFound"),
                         QStringLiteral("The security group does not exist"));
        QStringList added;
        for (int n = 1; form.hasQueryItem(QStringLiteral("IpPermissions.%1.IpProtocol").arg(n));
             ++n) {
            const QString prefix = QStringLiteral("IpPermissions.%1.").arg(n);
            QString rule = value(form, prefix + QStringLiteral("IpProtocol"));
            if (form.hasQueryItem(prefix + QStringLiteral("FromPort")))
                rule += QStringLiteral(" %1-%2").arg(
                    value(form, prefix + QStringLiteral("FromPort")),
                    value(form, prefix + QStringLiteral("ToPort")));
            const QStringList sources{value(form, prefix + QStringLiteral("IpRanges.1.CidrIp")),
                                      value(form, prefix + QStringLiteral("Groups.1.GroupId"))};
            for (const QString &source : sources) {
                if (!source.isEmpty())
                    added << rule + QLatin1Char(' ') + source;
            }
        }
        for (const QString &rule : std::as_const(added)) {
            if (group->rules.contains(rule))
                return error(400, QStringLiteral("InvalidPermission.Duplicate"),
                             QStringLiteral("the specified rule \"%1\" already exists").arg(rule));
        }
        group->rules << added;
        return xml(QStringLiteral("AuthorizeSecurityGroupIngress"),
                   QStringLiteral("<return>true</return>"));
    }

    HttpTestResponse describeSecurityGroups(const QUrlQuery &form) const
    {
        const Filters wanted = filters(form);
        QString items;
        for (const Group &group : groups) {
            if (!matchesTags(group.tags, wanted)
                || (wanted.contains(QStringLiteral("group-name"))
                    && !wanted.value(QStringLiteral("group-name")).contains(group.name)))
                continue;
            items += QStringLiteral("<item>") + element(QStringLiteral("groupId"), group.id)
                     + element(QStringLiteral("groupName"), group.name) + tagSet(group.tags)
                     + QStringLiteral("</item>");
        }
        return xml(QStringLiteral("DescribeSecurityGroups"),
                   QStringLiteral("<securityGroupInfo>%1</securityGroupInfo>").arg(items));
    }

    HttpTestResponse deleteSecurityGroup(const QUrlQuery &form)
    {
        const QString id = value(form, QStringLiteral("GroupId"));
        if (!groupWithId(id))
            return error(400, QStringLiteral("InvalidGroup.NotFound"),
                         QStringLiteral("The security group '%1' does not exist").arg(id));
        for (const Instance &instance : std::as_const(instances)) {
            if (instance.groupId == id && instance.state != QLatin1String("terminated"))
                return error(400, QStringLiteral("DependencyViolation"),
                             QStringLiteral("resource %1 has a dependent object").arg(id));
        }
        groups.removeIf([&](const Group &group) { return group.id == id; });
        return xml(QStringLiteral("DeleteSecurityGroup"), QStringLiteral("<return>true</return>"));
    }

    HttpTestResponse runInstances(const QUrlQuery &form)
    {
        if (beforeRunInstances)
            beforeRunInstances(form);
        const QString token = value(form, QStringLiteral("ClientToken"));
        const int maxCount = value(form, QStringLiteral("MaxCount")).toInt();
        QList<Instance> launched;
        for (const Instance &instance : std::as_const(instances)) {
            if (!token.isEmpty() && instance.clientToken == token)
                launched << instance;
        }
        if (launched.isEmpty()) {
            if (!keyPairWithName(value(form, QStringLiteral("KeyName"))))
                return error(400, QStringLiteral("InvalidKeyPair.NotFound"),
                             QStringLiteral("The key pair does not exist"));
            if (!groupWithId(value(form, QStringLiteral("SecurityGroupId.1"))))
                return error(400, QStringLiteral("InvalidGroup.NotFound"),
                             QStringLiteral("The security group does not exist"));
            const int count = qMin(maxCount, capacity);
            if (count < value(form, QStringLiteral("MinCount")).toInt() || count == 0)
                return error(500, QStringLiteral("InsufficientInstanceCapacity"),
                             QStringLiteral("We currently do not have sufficient capacity."));
            for (int i = 0; i < count; ++i) {
                Instance instance;
                const int number = ++m_nextId;
                instance.id = QStringLiteral("i-%1").arg(number, 17, 16, QLatin1Char('0'));
                instance.clientToken = token;
                instance.groupId = value(form, QStringLiteral("SecurityGroupId.1"));
                instance.keyName = value(form, QStringLiteral("KeyName"));
                instance.imageId = value(form, QStringLiteral("ImageId"));
                instance.type = value(form, QStringLiteral("InstanceType"));
                instance.userData = QString::fromUtf8(
                    QByteArray::fromBase64(value(form, QStringLiteral("UserData")).toLatin1()));
                instance.publicAddress = QStringLiteral("198.51.100.%1").arg(number % 250 + 1);
                instance.privateAddress = QStringLiteral("172.31.0.%1").arg(number % 250 + 1);
                instance.launchIndex = i;
                instance.describesLeft = pendingDescribes;
                instance.tags = tagsFor(form, QStringLiteral("instance"));
                if (addressesFor)
                    std::tie(instance.publicAddress, instance.privateAddress)
                        = addressesFor(instance);
                instances << instance;
                launched << instance;
            }
            m_notFoundLeft = notFoundDescribes;
        } else if (launched.size() > maxCount) {
            return error(400, QStringLiteral("IdempotentParameterMismatch"),
                         QStringLiteral("The client token is already in use."));
        }
        QString items;
        for (const Instance &instance : std::as_const(launched))
            items += instanceXml(instance);
        HttpTestResponse response
            = xml(QStringLiteral("RunInstances"),
                  element(QStringLiteral("reservationId"), QStringLiteral("r-fake"))
                      + QStringLiteral("<instancesSet>%1</instancesSet>").arg(items));
        response.hold = holdRunInstances;
        if (dropRunInstances > 0) {
            --dropRunInstances;
            response.drop = true;
        }
        return response;
    }

    HttpTestResponse describeInstances(const QUrlQuery &form)
    {
        const QStringList ids = list(form, QStringLiteral("InstanceId"));
        if (!ids.isEmpty() && m_notFoundLeft > 0) {
            --m_notFoundLeft;
            return error(400, QStringLiteral("InvalidInstanceID.NotFound"),
                         QStringLiteral("The instance ID '%1' does not exist").arg(ids.first()));
        }
        const Filters wanted = filters(form);
        QList<Instance *> matching;
        for (Instance &instance : instances) {
            const auto allows = [&](const QString &filter, const QString &actual) {
                return !wanted.contains(filter) || wanted.value(filter).contains(actual);
            };
            if ((ids.isEmpty() || ids.contains(instance.id)) && matchesTags(instance.tags, wanted)
                && allows(QStringLiteral("instance-state-name"), instance.state)
                && allows(QStringLiteral("client-token"), instance.clientToken)
                && allows(QStringLiteral("instance.group-id"), instance.groupId))
                matching << &instance;
        }
        for (const QString &id : ids) {
            if (!std::any_of(matching.cbegin(), matching.cend(),
                             [&](const Instance *i) { return i->id == id; }))
                return error(400, QStringLiteral("InvalidInstanceID.NotFound"),
                             QStringLiteral("The instance ID '%1' does not exist").arg(id));
        }
        const int offset = value(form, QStringLiteral("NextToken")).toInt();
        const int limit = form.hasQueryItem(QStringLiteral("MaxResults"))
                              ? qMin(pageSize, value(form, QStringLiteral("MaxResults")).toInt())
                              : (ids.isEmpty() ? pageSize : int(matching.size()));
        QString reservations;
        for (Instance *instance : matching.mid(offset, limit)) {
            advance(*instance);
            reservations += QStringLiteral("<item>")
                            + element(QStringLiteral("reservationId"),
                                      QStringLiteral("r-") + instance->id.mid(2))
                            + QStringLiteral("<instancesSet>") + instanceXml(*instance)
                            + QStringLiteral("</instancesSet></item>");
        }
        const QString next
            = offset + limit < matching.size()
                  ? element(QStringLiteral("nextToken"), QString::number(offset + limit))
                  : QString();
        return xml(QStringLiteral("DescribeInstances"),
                   QStringLiteral("<reservationSet>%1</reservationSet>").arg(reservations) + next);
    }

    HttpTestResponse terminateInstances(const QUrlQuery &form)
    {
        const QStringList ids = list(form, QStringLiteral("InstanceId"));
        QString items;
        for (const QString &id : ids) {
            Instance *instance = instanceWithId(id);
            if (!instance)
                return error(400, QStringLiteral("InvalidInstanceID.NotFound"),
                             QStringLiteral("The instance ID '%1' does not exist").arg(id));
            items += QStringLiteral("<item>") + element(QStringLiteral("instanceId"), id)
                     + QStringLiteral("<previousState>")
                     + element(QStringLiteral("name"), instance->state)
                     + QStringLiteral("</previousState>");
            if (instance->state != QLatin1String("terminated")) {
                instance->state = QStringLiteral("shutting-down");
                instance->describesLeft = shuttingDownDescribes;
            }
            items += QStringLiteral("<currentState>")
                     + element(QStringLiteral("name"), instance->state)
                     + QStringLiteral("</currentState></item>");
        }
        return xml(QStringLiteral("TerminateInstances"),
                   QStringLiteral("<instancesSet>%1</instancesSet>").arg(items));
    }

    /// Time passes for an instance each time it is described: it shows its state
    /// `describesLeft` more times, then the next one.
    static void advance(Instance &instance)
    {
        if (instance.describesLeft-- > 0)
            return;
        if (instance.state == QLatin1String("pending"))
            instance.state = QStringLiteral("running");
        else if (instance.state == QLatin1String("shutting-down"))
            instance.state = QStringLiteral("terminated");
    }

    Instance *instanceWithId(const QString &id)
    {
        for (Instance &instance : instances) {
            if (instance.id == id)
                return &instance;
        }
        return nullptr;
    }
    Group *groupWithId(const QString &id)
    {
        for (Group &group : groups) {
            if (group.id == id)
                return &group;
        }
        return nullptr;
    }
    const KeyPair *keyPairWithName(const QString &name) const
    {
        for (const KeyPair &pair : keyPairs) {
            if (pair.name == name)
                return &pair;
        }
        return nullptr;
    }

    HttpTestServer m_server;
    AwsCredentials m_credentials;
    QString m_region;
    int m_nextId = 0;
    int m_notFoundLeft = 0;
};

} // namespace SparkDeck::Test
