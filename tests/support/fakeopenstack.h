#pragma once

#include "httptestserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace SparkDeck::Test {

/// A local stand-in for an OpenStack cloud on one HttpTestServer: Keystone v3 (password with a
/// project scope, or an application credential; the token in X-Subject-Token and a catalog with
/// two regions and public/internal/admin endpoints), Nova (flavors, key pairs, servers with
/// tags and metadata, BUILD then ACTIVE, ERROR with a fault, a deleted server that lingers a
/// while), Neutron (security groups that stay in use while a server holds them, rules, the
/// servers' ports, an external network "public" and floating IPs on it) and
/// Glance (images). Every call but the token request must carry a token Keystone issued, and
/// compute calls the microversion that allows server tags. Lists are cut into pages like the
/// real services (`<key>_links`, Glance's `next`). It misbehaves on request: throttling (429,
/// Nova's 413 overLimit), an instance quota, create answers that never come, servers not found
/// right after creation. Flavors and images come from tests/data/providers/openstack.
class FakeOpenStack
{
public:
    int throttle = 0;         ///< the next n API calls answer 429
    int overLimit = 0;        ///< the next n API calls answer Nova's 413 overLimit
    int quota = 1000;         ///< servers that may exist
    bool holdCreates = false; ///< create the server, then never answer
    int notFoundGets = 0;     ///< GETs of a new server that answer 404
    int buildGets = 1;        ///< GETs a new server stays BUILD
    int deletingGets = 1;     ///< GETs a deleted server is still there (task_state deleting)
    QString failing;          ///< a server of this name goes to ERROR
    int pageSize = 1000;      ///< Nova's max_limit, Neutron's and Glance's page size
    /// Called as each create request arrives, before anything is made (the test reads its journal).
    std::function<void(const QString &kind, const QString &name)> creating;

    QMap<QString, QJsonObject> servers;        ///< by id
    QMap<QString, QJsonObject> keypairs;       ///< by name
    QMap<QString, QJsonObject> securityGroups; ///< by id
    QList<QJsonObject> rules;
    QMap<QString, QJsonObject> ports;       ///< by id: one per server, made with it
    QMap<QString, QJsonObject> floatingIps; ///< by id
    QList<QJsonObject> tokenRequests;       ///< the bodies Keystone received
    int unauthorized = 0;                   ///< API calls without a token Keystone issued

    static QString user() { return QStringLiteral("ada"); }
    static QString password() { return QStringLiteral("s3cret-Passw0rd!"); }
    static QString project() { return QStringLiteral("spark-course"); }
    static QString projectId() { return QStringLiteral("9f3c1b2a7d4e4c0f8a6b5d2e1c0f9a8b"); }
    static QString applicationCredentialId()
    {
        return QStringLiteral("4a7e2c9d1b3f4e6a8c0d2f4b6e8a0c2d");
    }
    static QString applicationCredentialSecret() { return QStringLiteral("app-cred-secret-value"); }

    FakeOpenStack()
    {
        m_server.setHandler([this](const HttpTestRequest &request) { return handle(request); });
    }

    bool listen() { return m_server.listen(); }
    /// OS_AUTH_URL as DevStack gives it (no version).
    QUrl authUrl() const { return m_server.url(QStringLiteral("/identity")); }
    HttpTestServer &server() { return m_server; }
    QString computePath() const { return QStringLiteral("/compute/v2.1/") + projectId(); }
    QSet<QByteArray> issuedTokens() const { return m_tokens; }
    /// Every token issued so far stops working (a password change, a revocation).
    void revokeTokens() { m_tokens.clear(); }

    /// A server made behind SparkDeck's back (another run, another tool), with these tags.
    QString addServer(const QString &name, const QStringList &tags,
                      const QString &status = QStringLiteral("ACTIVE"))
    {
        const QString id = nextId();
        servers.insert(id, QJsonObject{{QStringLiteral("id"), id},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("status"), status},
                                       {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                                       {QStringLiteral("security_groups"), QJsonArray()},
                                       {QStringLiteral("addresses"), QJsonObject()}});
        return id;
    }

private:
    static HttpTestResponse novaError(int status, const QString &kind, const QString &message)
    {
        return HttpTestResponse::json(
            status,
            QJsonDocument(QJsonObject{{kind, QJsonObject{{QStringLiteral("code"), status},
                                                         {QStringLiteral("message"), message}}}}));
    }
    static HttpTestResponse neutronError(int status, const QString &type, const QString &message)
    {
        return HttpTestResponse::json(
            status,
            QJsonDocument(QJsonObject{{QStringLiteral("NeutronError"),
                                       QJsonObject{{QStringLiteral("type"), type},
                                                   {QStringLiteral("message"), message},
                                                   {QStringLiteral("detail"), QString()}}}}));
    }
    static QList<QJsonObject> fixture(const QString &name, const QString &key)
    {
        QFile file(QStringLiteral(SPARKDECK_TEST_DATA "/providers/openstack/") + name);
        QList<QJsonObject> items;
        if (file.open(QIODevice::ReadOnly)) {
            for (const QJsonValue &item :
                 QJsonDocument::fromJson(file.readAll()).object().value(key).toArray())
                items << item.toObject();
        }
        return items;
    }
    QString nextId()
    {
        return QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_ids, 12, 10, QLatin1Char('0'));
    }

    /// Catalog entries of one service: the right URLs in RegionOne's public endpoint; URLs this
    /// server does not serve anywhere else, so that a client picking the wrong one fails.
    QJsonObject service(const QString &type, const QString &path) const
    {
        QJsonArray endpoints;
        for (const char *region : {"RegionOne", "RegionTwo"}) {
            for (const char *interface : {"internal", "admin", "public"}) {
                const bool right
                    = qstrcmp(region, "RegionOne") == 0 && qstrcmp(interface, "public") == 0;
                const QString url = m_server
                                        .url(right ? path
                                                   : QStringLiteral("/wrong/%1/%2%3")
                                                         .arg(QLatin1String(region),
                                                              QLatin1String(interface), path))
                                        .toString();
                endpoints.append(
                    QJsonObject{{QStringLiteral("id"),
                                 QStringLiteral("%1-%2-%3")
                                     .arg(type, QLatin1String(region), QLatin1String(interface))},
                                {QStringLiteral("interface"), QLatin1String(interface)},
                                {QStringLiteral("region"), QLatin1String(region)},
                                {QStringLiteral("region_id"), QLatin1String(region)},
                                {QStringLiteral("url"), url}});
            }
        }
        return {{QStringLiteral("type"), type},
                {QStringLiteral("id"), type + QStringLiteral("-service")},
                {QStringLiteral("endpoints"), endpoints}};
    }

    HttpTestResponse token(const HttpTestRequest &request)
    {
        const QJsonObject auth = request.json().object().value(QLatin1String("auth")).toObject();
        tokenRequests << request.json().object();
        const QJsonObject identity = auth.value(QLatin1String("identity")).toObject();
        const QString method
            = identity.value(QLatin1String("methods")).toArray().first().toString();
        bool valid = false;
        if (method == QLatin1String("password")) {
            const QJsonObject user = identity.value(QLatin1String("password"))
                                         .toObject()
                                         .value(QLatin1String("user"))
                                         .toObject();
            const QJsonObject scope = auth.value(QLatin1String("scope"))
                                          .toObject()
                                          .value(QLatin1String("project"))
                                          .toObject();
            valid = user.value(QLatin1String("name")).toString() == FakeOpenStack::user()
                    && !user.value(QLatin1String("domain")).toObject().isEmpty()
                    && user.value(QLatin1String("password")).toString() == password()
                    && scope.value(QLatin1String("name")).toString() == project()
                    && !scope.value(QLatin1String("domain")).toObject().isEmpty();
        } else if (method == QLatin1String("application_credential")) {
            const QJsonObject credential
                = identity.value(QLatin1String("application_credential")).toObject();
            valid = credential.value(QLatin1String("id")).toString() == applicationCredentialId()
                    && credential.value(QLatin1String("secret")).toString()
                           == applicationCredentialSecret()
                    && !auth.contains(QLatin1String("scope"));
        }
        if (!valid) {
            return HttpTestResponse::json(
                401,
                QJsonDocument(QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{
                         {QStringLiteral("code"), 401},
                         {QStringLiteral("message"),
                          QStringLiteral("The request you have made requires authentication.")},
                         {QStringLiteral("title"), QStringLiteral("Unauthorized")}}}}));
        }
        const QByteArray token = "gAAAAABfake-" + QByteArray::number(++m_issued);
        m_tokens << token;
        const QJsonObject body{
            {QStringLiteral("token"),
             QJsonObject{
                 {QStringLiteral("methods"), QJsonArray{method}},
                 {QStringLiteral("expires_at"),
                  QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs)},
                 {QStringLiteral("project"),
                  QJsonObject{{QStringLiteral("id"), projectId()},
                              {QStringLiteral("name"), project()},
                              {QStringLiteral("domain"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("default")}}}}},
                 {QStringLiteral("catalog"),
                  QJsonArray{service(QStringLiteral("identity"), QStringLiteral("/identity")),
                             service(QStringLiteral("compute"), computePath()),
                             service(QStringLiteral("network"), QStringLiteral("/network")),
                             service(QStringLiteral("image"), QStringLiteral("/image"))}}}}};
        HttpTestResponse response = HttpTestResponse::json(201, QJsonDocument(body));
        response.headers << qMakePair(QByteArray("X-Subject-Token"), token)
                         << qMakePair(QByteArray("Vary"), QByteArray("X-Auth-Token"));
        return response;
    }

    /// One page of `items` after `marker`, with Nova's `<key>_links` (absolute) or Glance's `next`.
    HttpTestResponse page(const QList<QJsonObject> &items, const HttpTestRequest &request,
                          const QString &key, bool glance) const
    {
        const QString marker = request.query.queryItemValue(QStringLiteral("marker"));
        int start = 0;
        for (int i = 0; i < items.size() && !marker.isEmpty(); ++i) {
            if (items.at(i).value(QLatin1String("id")).toString() == marker)
                start = i + 1;
        }
        QJsonArray pageItems;
        for (const QJsonObject &item : items.mid(start, pageSize))
            pageItems.append(item);
        QJsonObject body{{key, pageItems}};
        if (start + pageSize < items.size()) {
            QUrlQuery next(request.query);
            next.removeAllQueryItems(QStringLiteral("marker"));
            next.addQueryItem(QStringLiteral("marker"),
                              items.at(start + pageSize - 1).value(QLatin1String("id")).toString());
            const QString path = glance ? QStringLiteral("/v2/images") : request.path;
            const QString href = path + QLatin1Char('?') + next.toString(QUrl::FullyEncoded);
            if (glance)
                body.insert(QStringLiteral("next"), href);
            else
                body.insert(key + QStringLiteral("_links"),
                            QJsonArray{QJsonObject{
                                {QStringLiteral("rel"), QStringLiteral("next")},
                                {QStringLiteral("href"), m_server.url(href).toString()}}});
        }
        return HttpTestResponse::json(200, QJsonDocument(body));
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        if (request.path == QLatin1String("/identity/v3/auth/tokens") && request.method == "POST")
            return token(request);
        if (!m_tokens.contains(request.headers.value("x-auth-token"))) {
            ++unauthorized;
            return HttpTestResponse::json(
                401,
                QJsonDocument(QJsonObject{
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("code"), 401},
                                 {QStringLiteral("message"),
                                  QStringLiteral(
                                      "The request you have made requires authentication.")}}}}));
        }
        if (throttle > 0) {
            --throttle;
            HttpTestResponse slowDown = HttpTestResponse::json(
                429, QJsonDocument(QJsonObject{
                         {QStringLiteral("message"), QStringLiteral("Too Many Requests")}}));
            slowDown.headers << qMakePair(QByteArray("Retry-After"), QByteArray("0"));
            return slowDown;
        }
        if (overLimit > 0) {
            --overLimit;
            HttpTestResponse slowDown = HttpTestResponse::json(
                413, QJsonDocument(QJsonObject{
                         {QStringLiteral("overLimit"),
                          QJsonObject{{QStringLiteral("code"), 413},
                                      {QStringLiteral("message"),
                                       QStringLiteral("This request was rate-limited.")},
                                      {QStringLiteral("retryAfter"), QStringLiteral("0")}}}}));
            slowDown.headers << qMakePair(QByteArray("Retry-After"), QByteArray("0"));
            return slowDown;
        }
        if (request.path.startsWith(computePath() + QLatin1Char('/')))
            return compute(request, request.path.mid(computePath().size() + 1));
        if (request.path.startsWith(QLatin1String("/network/v2.0/")))
            return network(request, request.path.mid(14));
        if (request.path == QLatin1String("/image/v2/images") && request.method == "GET")
            return page(fixture(QStringLiteral("images.json"), QStringLiteral("images")), request,
                        QStringLiteral("images"), true);
        return HttpTestResponse::json(
            404, QJsonDocument(QJsonObject{
                     {QStringLiteral("message"), QStringLiteral("Not Found: ") + request.path}}));
    }

    HttpTestResponse compute(const HttpTestRequest &request, const QString &path)
    {
        if (request.headers.value("x-openstack-nova-api-version") != "2.52")
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("This test cloud expects microversion 2.52."));
        if (path == QLatin1String("flavors/detail"))
            return page(fixture(QStringLiteral("flavors.json"), QStringLiteral("flavors")), request,
                        QStringLiteral("flavors"), false);
        if (path == QLatin1String("os-keypairs") && request.method == "POST")
            return importKeypair(request);
        if (path.startsWith(QLatin1String("os-keypairs/"))) {
            const QString name = path.mid(12);
            if (!keypairs.contains(name))
                return novaError(
                    404, QStringLiteral("itemNotFound"),
                    QStringLiteral("Keypair %1 not found for user %2").arg(name, user()));
            if (request.method == "DELETE") {
                keypairs.remove(name);
                return HttpTestResponse::empty(202);
            }
            return HttpTestResponse::json(
                200, QJsonDocument(QJsonObject{{QStringLiteral("keypair"), keypairs.value(name)}}));
        }
        if (path == QLatin1String("servers") && request.method == "POST")
            return createServer(request);
        if (path == QLatin1String("servers/detail"))
            return page(listedServers(request), request, QStringLiteral("servers"), false);
        if (path.startsWith(QLatin1String("servers/"))) {
            const QString id = path.mid(8);
            if (!servers.contains(id))
                return novaError(404, QStringLiteral("itemNotFound"),
                                 QStringLiteral("Instance %1 could not be found.").arg(id));
            return request.method == "DELETE" ? deleteServer(id) : getServer(id);
        }
        return novaError(404, QStringLiteral("itemNotFound"),
                         QStringLiteral("Unknown resource ") + path);
    }

    HttpTestResponse importKeypair(const HttpTestRequest &request)
    {
        QJsonObject keypair = request.json().object().value(QLatin1String("keypair")).toObject();
        const QString name = keypair.value(QLatin1String("name")).toString();
        if (creating)
            creating(QStringLiteral("key_pair"), name);
        if (!keypair.value(QLatin1String("public_key"))
                 .toString()
                 .startsWith(QLatin1String("ssh-")))
            return novaError(
                400, QStringLiteral("badRequest"),
                QStringLiteral("Keypair data is invalid: failed to generate fingerprint"));
        if (keypairs.contains(name))
            return novaError(409, QStringLiteral("conflictingRequest"),
                             QStringLiteral("Key pair '%1' already exists.").arg(name));
        keypair.insert(QStringLiteral("fingerprint"),
                       QStringLiteral("1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c"));
        keypair.insert(QStringLiteral("user_id"), user());
        keypair.insert(QStringLiteral("type"), QStringLiteral("ssh"));
        keypairs.insert(name, keypair);
        return HttpTestResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("keypair"), keypair}}));
    }

    HttpTestResponse createServer(const HttpTestRequest &request)
    {
        QJsonObject server = request.json().object().value(QLatin1String("server")).toObject();
        const QString name = server.value(QLatin1String("name")).toString();
        if (creating)
            creating(QStringLiteral("machine"), name);
        const auto known = [](const QList<QJsonObject> &items, const QString &id) {
            return std::any_of(items.begin(), items.end(), [&id](const QJsonObject &item) {
                return item.value(QLatin1String("id")).toString() == id;
            });
        };
        if (!server.contains(QLatin1String("networks")))
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("Invalid input for field/attribute server. Value: "
                                            "networks is a required property"));
        if (!known(fixture(QStringLiteral("flavors.json"), QStringLiteral("flavors")),
                   server.value(QLatin1String("flavorRef")).toString()))
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("Flavor %1 could not be found.")
                                 .arg(server.value(QLatin1String("flavorRef")).toString()));
        if (!known(fixture(QStringLiteral("images.json"), QStringLiteral("images")),
                   server.value(QLatin1String("imageRef")).toString()))
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("Can not find requested image"));
        if (!keypairs.contains(server.value(QLatin1String("key_name")).toString()))
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("Invalid key_name provided."));
        for (const QJsonValue &group : server.value(QLatin1String("security_groups")).toArray()) {
            if (!securityGroups.contains(group.toObject().value(QLatin1String("name")).toString()))
                return novaError(
                    400, QStringLiteral("badRequest"),
                    QStringLiteral("Security group %1 not found.")
                        .arg(group.toObject().value(QLatin1String("name")).toString()));
        }
        if (QByteArray::fromBase64Encoding(
                server.value(QLatin1String("user_data")).toString().toLatin1(),
                QByteArray::AbortOnBase64DecodingErrors)
                .decodingStatus
            != QByteArray::Base64DecodingStatus::Ok)
            return novaError(400, QStringLiteral("badRequest"),
                             QStringLiteral("User data needs to be valid base 64."));
        if (servers.size() >= quota) {
            return novaError(403, QStringLiteral("forbidden"),
                             QStringLiteral("Quota exceeded for instances: Requested 1, but "
                                            "already used %1 of %1 instances")
                                 .arg(quota));
        }
        const QString id = nextId();
        server.insert(QStringLiteral("id"), id);
        server.insert(QStringLiteral("status"), QStringLiteral("BUILD"));
        server.insert(QStringLiteral("addresses"), QJsonObject());
        servers.insert(id, server);
        m_left[id] = {notFoundGets, buildGets, deletingGets, false, int(servers.size())};
        const QString port = nextId();
        ports.insert(
            port, QJsonObject{
                      {QStringLiteral("id"), port},
                      {QStringLiteral("device_id"), id},
                      {QStringLiteral("device_owner"), QStringLiteral("compute:nova")},
                      {QStringLiteral("network_id"), QStringLiteral("course-net")},
                      {QStringLiteral("fixed_ips"),
                       QJsonArray{QJsonObject{{QStringLiteral("ip_address"), fixedAddress(id)}}}}});
        HttpTestResponse response = HttpTestResponse::json(
            202, QJsonDocument(QJsonObject{
                     {QStringLiteral("server"),
                      QJsonObject{{QStringLiteral("id"), id},
                                  {QStringLiteral("adminPass"), QStringLiteral("zX9kT2mPq4Ls")},
                                  {QStringLiteral("OS-DCF:diskConfig"), QStringLiteral("MANUAL")},
                                  {QStringLiteral("security_groups"),
                                   server.value(QLatin1String("security_groups"))}}}}));
        response.hold = holdCreates;
        return response;
    }

    QList<QJsonObject> listedServers(const HttpTestRequest &request) const
    {
        const QString tag
            = request.query.queryItemValue(QStringLiteral("tags"), QUrl::FullyDecoded);
        const QRegularExpression name(
            request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded));
        QList<QJsonObject> listed;
        for (const QJsonObject &server : servers) {
            if ((tag.isEmpty() || server.value(QLatin1String("tags")).toArray().contains(tag))
                && name.match(server.value(QLatin1String("name")).toString()).hasMatch())
                listed << withAddresses(server);
        }
        return listed;
    }

    HttpTestResponse getServer(const QString &id)
    {
        Lifecycle &life = m_left[id];
        QJsonObject &server = servers[id];
        if (life.deleting) {
            if (life.deletingGets-- <= 0) {
                removeServer(id);
                return novaError(404, QStringLiteral("itemNotFound"),
                                 QStringLiteral("Instance %1 could not be found.").arg(id));
            }
            server.insert(QStringLiteral("OS-EXT-STS:task_state"), QStringLiteral("deleting"));
        } else if (life.notFound > 0) {
            --life.notFound;
            return novaError(404, QStringLiteral("itemNotFound"),
                             QStringLiteral("Instance %1 could not be found.").arg(id));
        } else if (server.value(QLatin1String("status")).toString() == QLatin1String("BUILD")
                   && life.build-- <= 0) {
            if (server.value(QLatin1String("name")).toString() == failing) {
                server.insert(QStringLiteral("status"), QStringLiteral("ERROR"));
                server.insert(
                    QStringLiteral("fault"),
                    QJsonObject{
                        {QStringLiteral("code"), 500},
                        {QStringLiteral("created"), QStringLiteral("2026-11-21T02:00:00Z")},
                        {QStringLiteral("message"),
                         QStringLiteral(
                             "No valid host was found. There are not enough hosts available.")}});
            } else {
                server.insert(QStringLiteral("status"), QStringLiteral("ACTIVE"));
            }
        }
        return HttpTestResponse::json(
            200, QJsonDocument(QJsonObject{{QStringLiteral("server"), withAddresses(server)}}));
    }

    QString fixedAddress(const QString &serverId) const
    {
        return QStringLiteral("10.0.0.%1").arg(10 + m_left.value(serverId).number);
    }

    /// Nova's view of an ACTIVE server's networks: its fixed addresses and any floating IP on its
    /// port.
    QJsonObject withAddresses(QJsonObject server) const
    {
        const QString id = server.value(QLatin1String("id")).toString();
        if (server.value(QLatin1String("status")).toString() != QLatin1String("ACTIVE")
            || !m_left.contains(id))
            return server;
        const int number = m_left.value(id).number;
        QJsonArray addresses{
            QJsonObject{{QStringLiteral("addr"), QStringLiteral("fd00::%1").arg(number)},
                        {QStringLiteral("version"), 6},
                        {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")}},
            QJsonObject{{QStringLiteral("addr"), fixedAddress(id)},
                        {QStringLiteral("version"), 4},
                        {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")}}};
        for (const QJsonObject &ip : floatingIps) {
            const QString port = ip.value(QLatin1String("port_id")).toString();
            if (ports.value(port).value(QLatin1String("device_id")).toString() == id)
                addresses.append(QJsonObject{
                    {QStringLiteral("addr"), ip.value(QLatin1String("floating_ip_address"))},
                    {QStringLiteral("version"), 4},
                    {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("floating")}});
        }
        server.insert(QStringLiteral("addresses"),
                      QJsonObject{{QStringLiteral("course-net"), addresses}});
        return server;
    }

    /// A server gone for good: its port goes with it, a floating IP on it stays allocated.
    void removeServer(const QString &id)
    {
        servers.remove(id);
        for (auto port = ports.begin(); port != ports.end();) {
            if (port->value(QLatin1String("device_id")).toString() != id) {
                ++port;
                continue;
            }
            for (QJsonObject &ip : floatingIps) {
                if (ip.value(QLatin1String("port_id")).toString() == port.key()) {
                    ip.insert(QStringLiteral("port_id"), QJsonValue::Null);
                    ip.insert(QStringLiteral("fixed_ip_address"), QJsonValue::Null);
                }
            }
            port = ports.erase(port);
        }
    }

    HttpTestResponse deleteServer(const QString &id)
    {
        m_left[id].deleting = true;
        return HttpTestResponse::empty(204);
    }

    /// Neutron's filters: every given query field must equal the item's.
    static QList<QJsonObject> matching(const QMap<QString, QJsonObject> &items,
                                       const HttpTestRequest &request, const QStringList &fields)
    {
        QList<QJsonObject> found;
        for (const QJsonObject &item : items) {
            const bool matches
                = std::all_of(fields.begin(), fields.end(), [&](const QString &field) {
                      return !request.query.hasQueryItem(field)
                             || item.value(field).toString()
                                    == request.query.queryItemValue(field, QUrl::FullyDecoded);
                  });
            if (matches)
                found << item;
        }
        return found;
    }

    HttpTestResponse network(const HttpTestRequest &request, const QString &path)
    {
        if (path == QLatin1String("security-groups") && request.method == "POST") {
            QJsonObject group
                = request.json().object().value(QLatin1String("security_group")).toObject();
            if (creating)
                creating(QStringLiteral("security_group"),
                         group.value(QLatin1String("name")).toString());
            const QString id = nextId();
            group.insert(QStringLiteral("id"), id);
            group.insert(QStringLiteral("project_id"), projectId());
            group.insert(QStringLiteral("tags"), QJsonArray());
            group.insert(QStringLiteral("stateful"), true);
            securityGroups.insert(id, group);
            return HttpTestResponse::json(
                201, QJsonDocument(QJsonObject{{QStringLiteral("security_group"), group}}));
        }
        if (path == QLatin1String("security-groups")) {
            const QString name
                = request.query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
            QList<QJsonObject> listed;
            for (const QJsonObject &group : std::as_const(securityGroups)) {
                if (name.isEmpty() || group.value(QLatin1String("name")).toString() == name)
                    listed << group;
            }
            return page(listed, request, QStringLiteral("security_groups"), false);
        }
        if (path.startsWith(QLatin1String("security-groups/")) && request.method == "DELETE") {
            const QString id = path.mid(16);
            if (!securityGroups.contains(id))
                return neutronError(404, QStringLiteral("SecurityGroupNotFound"),
                                    QStringLiteral("Security group %1 does not exist").arg(id));
            for (const QJsonObject &server : std::as_const(servers)) {
                for (const QJsonValue &group :
                     server.value(QLatin1String("security_groups")).toArray()) {
                    if (group.toObject().value(QLatin1String("name")).toString() == id)
                        return neutronError(409, QStringLiteral("SecurityGroupInUse"),
                                            QStringLiteral("Security Group %1 in use.").arg(id));
                }
            }
            securityGroups.remove(id);
            rules.erase(
                std::remove_if(rules.begin(), rules.end(),
                               [&id](const QJsonObject &rule) {
                                   return rule.value(QLatin1String("security_group_id")).toString()
                                          == id;
                               }),
                rules.end());
            return HttpTestResponse::empty(204);
        }
        if (path == QLatin1String("security-group-rules") && request.method == "POST") {
            QJsonObject rule
                = request.json().object().value(QLatin1String("security_group_rule")).toObject();
            if (!securityGroups.contains(rule.value(QLatin1String("security_group_id")).toString()))
                return neutronError(404, QStringLiteral("SecurityGroupNotFound"),
                                    QStringLiteral("Security group does not exist"));
            for (const QJsonObject &existing : std::as_const(rules)) {
                QJsonObject same = existing;
                same.remove(QStringLiteral("id"));
                if (same == rule)
                    return neutronError(
                        409, QStringLiteral("SecurityGroupRuleExists"),
                        QStringLiteral("Security group rule already exists. Rule id is %1.")
                            .arg(existing.value(QLatin1String("id")).toString()));
            }
            rule.insert(QStringLiteral("id"), nextId());
            rules << rule;
            return HttpTestResponse::json(
                201, QJsonDocument(QJsonObject{{QStringLiteral("security_group_rule"), rule}}));
        }
        if (path == QLatin1String("networks") && request.method == "GET") {
            const bool external = request.query.queryItemValue(QStringLiteral("router:external"),
                                                               QUrl::FullyDecoded)
                                  == QLatin1String("true");
            QList<QJsonObject> networks{{{QStringLiteral("id"), QStringLiteral("5e0b8c3a-public")},
                                         {QStringLiteral("name"), QStringLiteral("public")},
                                         {QStringLiteral("router:external"), true},
                                         {QStringLiteral("status"), QStringLiteral("ACTIVE")}}};
            if (!external)
                networks << QJsonObject{{QStringLiteral("id"), QStringLiteral("course-net")},
                                        {QStringLiteral("name"), QStringLiteral("course-net")},
                                        {QStringLiteral("router:external"), false}};
            return page(networks, request, QStringLiteral("networks"), false);
        }
        if (path == QLatin1String("ports") && request.method == "GET")
            return page(matching(ports, request, {QStringLiteral("device_id")}), request,
                        QStringLiteral("ports"), false);
        if (path == QLatin1String("floatingips") && request.method == "POST") {
            QJsonObject ip = request.json().object().value(QLatin1String("floatingip")).toObject();
            const QString port = ip.value(QLatin1String("port_id")).toString();
            if (creating)
                creating(
                    QStringLiteral("floating_ip"),
                    servers.value(ports.value(port).value(QLatin1String("device_id")).toString())
                        .value(QLatin1String("name"))
                        .toString());
            if (ip.value(QLatin1String("floating_network_id")).toString()
                != QLatin1String("5e0b8c3a-public"))
                return neutronError(
                    400, QStringLiteral("BadRequest"),
                    QStringLiteral("Bad floatingip request: Network is not external."));
            if (!ports.contains(port))
                return neutronError(404, QStringLiteral("PortNotFound"),
                                    QStringLiteral("Port %1 could not be found.").arg(port));
            const QString id = nextId();
            ip.insert(QStringLiteral("id"), id);
            ip.insert(
                QStringLiteral("floating_ip_address"),
                QStringLiteral("198.51.100.%1")
                    .arg(
                        10
                        + m_left
                              .value(ports.value(port).value(QLatin1String("device_id")).toString())
                              .number));
            ip.insert(QStringLiteral("fixed_ip_address"), ports.value(port)
                                                              .value(QLatin1String("fixed_ips"))
                                                              .toArray()
                                                              .first()
                                                              .toObject()
                                                              .value(QLatin1String("ip_address")));
            ip.insert(QStringLiteral("status"), QStringLiteral("DOWN"));
            floatingIps.insert(id, ip);
            return HttpTestResponse::json(
                201, QJsonDocument(QJsonObject{{QStringLiteral("floatingip"), ip}}));
        }
        if (path == QLatin1String("floatingips") && request.method == "GET")
            return page(matching(floatingIps, request,
                                 {QStringLiteral("description"), QStringLiteral("port_id")}),
                        request, QStringLiteral("floatingips"), false);
        if (path.startsWith(QLatin1String("floatingips/")) && request.method == "DELETE") {
            if (!floatingIps.remove(path.mid(12)))
                return neutronError(
                    404, QStringLiteral("FloatingIPNotFound"),
                    QStringLiteral("Floating IP %1 could not be found").arg(path.mid(12)));
            return HttpTestResponse::empty(204);
        }
        return neutronError(404, QStringLiteral("HTTPNotFound"),
                            QStringLiteral("The resource could not be found."));
    }

    struct Lifecycle
    {
        int notFound = 0;
        int build = 0;
        int deletingGets = 0;
        bool deleting = false;
        int number = 0;
    };

    HttpTestServer m_server;
    QSet<QByteArray> m_tokens;
    QMap<QString, Lifecycle> m_left;
    int m_ids = 0;
    int m_issued = 0;
};

} // namespace SparkDeck::Test
