#pragma once

#include "httptestserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace SparkDeck::Test {

/// A DigitalOcean API v2 for tests, on an HttpTestServer: droplets (single and `names[]`
/// create, list by tag with `links.pages.next`, get, delete), account keys, tags, firewalls,
/// regions, sizes and images, with the real API's shapes, status codes and error bodies.
/// Droplets are `new` and unlisted for `listDelay` lists after creation (eventual consistency),
/// then `active`. Tests break it on purpose: a droplet limit (422 as the real API says it),
/// 429s with Retry-After, and a create that is done but never answered (a crash between
/// "request sent" and "response received").
class FakeDigitalOcean
{
public:
    struct Droplet
    {
        qint64 id = 0;
        QString name;
        QStringList tags;
        QString status = QStringLiteral("new");
        QString publicAddress;
        QString privateAddress;
        int listsUntilListed = 0;
        int listsUntilActive = 0;
        QJsonObject request;
    };

    static constexpr const char *kToken = "dop_v1_test_token_0123456789";

    /// A cluster file for droplets of this fake: 1 master + 2 workers of s-2vcpu-4gb in fra1 for
    /// 2 hours, the Spark distribution `distribution`, no shared folder.
    static QByteArray clusterFile(const QString &name, const QString &identity, const QString &knownHosts,
                                  const QString &distribution)
    {
        return QStringLiteral("name: %1\n"
                              "machines:\n"
                              "  provider: digitalocean\n"
                              "  region: fra1\n"
                              "  size: s-2vcpu-4gb\n"
                              "  image: debian-12-x64\n"
                              "  expires_after: 2h\n"
                              "  ssh: {user: root, identity: %2, known_hosts: %3, host_key_policy: accept-new}\n"
                              "spark: {distribution: %4}\n"
                              "workers: {count: 2, cores: 1, memory: 512m}\n"
                              "shared_folder: {enabled: false}\n")
            .arg(name, identity, knownHosts, distribution)
            .toUtf8();
    }

    explicit FakeDigitalOcean(HttpTestServer *server)
        : m_server(server)
    {
        server->setHandler([this](const HttpTestRequest &request) { return handle(request); });
    }

    QUrl apiUrl() const { return m_server->url(QStringLiteral("/v2/")); }

    // What the test sets up.
    int dropletLimit = 25;
    int listDelay = 1;                  ///< lists a new droplet is missing from
    int activeDelay = 2;                ///< lists a droplet stays `new`
    int perPage = 2;                    ///< the server's page size when the client asks for more
    int throttleNext = 0;               ///< answer this many coming requests with 429
    bool holdNextDropletCreate = false; ///< create, then never answer
    /// Runs before droplets are made, with their names (the whole-flow test starts lab hosts).
    std::function<void(const QStringList &names)> beforeCreate;
    /// Gives each new droplet its addresses (public, private); by default 203.0.113.N / 10.110.0.N.
    std::function<QPair<QString, QString>(const QString &name)> addressesFor;
    /// Runs when a delete leaves no droplet (the whole-flow test stops its lab hosts).
    std::function<void()> whenNoDropletIsLeft;
    /// What GET /myip answers: the user's address as a "what is my IP" service sees it.
    QByteArray callerAddress = "198.51.100.7\n";

    // What the test inspects.
    QList<Droplet> droplets;
    QList<QJsonObject> firewalls;
    QList<QJsonObject> keys;
    QStringList tags;
    int createCalls = 0;

    QList<Droplet> dropletsTagged(const QString &tag) const
    {
        QList<Droplet> found;
        for (const Droplet &droplet : droplets) {
            if (droplet.tags.contains(tag))
                found << droplet;
        }
        return found;
    }

private:
    static HttpTestResponse error(int status, const char *id, const QString &message)
    {
        return HttpTestResponse::json(
            status,
            QJsonDocument(QJsonObject{{"id", id},
                                      {"message", message},
                                      {"request_id", "4d9d8375-3c56-4925-a3e7-eceb2c8a8e9d"}}));
    }

    QJsonObject toJson(const Droplet &droplet) const
    {
        QJsonArray v4;
        if (droplet.status == QLatin1String("active")) {
            v4.append(QJsonObject{{"ip_address", droplet.privateAddress},
                                  {"netmask", "255.255.240.0"},
                                  {"gateway", "nil"},
                                  {"type", "private"}});
            v4.append(QJsonObject{{"ip_address", droplet.publicAddress},
                                  {"netmask", "255.255.240.0"},
                                  {"gateway", "203.0.113.1"},
                                  {"type", "public"}});
        }
        const QString size = droplet.request.value("size").toString();
        return {{"id", droplet.id},
                {"name", droplet.name},
                {"memory", 4096},
                {"vcpus", 2},
                {"disk", 80},
                {"locked", false},
                {"status", droplet.status},
                {"created_at", "2026-11-21T01:00:00Z"},
                {"features", QJsonArray{"private_networking"}},
                {"image", QJsonObject{{"id", 148000000},
                                      {"slug", droplet.request.value("image")},
                                      {"distribution", "Debian"}}},
                {"size", QJsonObject{{"slug", size},
                                     {"vcpus", 2},
                                     {"memory", 4096},
                                     {"price_hourly", 0.03571},
                                     {"price_monthly", 24.0}}},
                {"size_slug", size},
                {"networks", QJsonObject{{"v4", v4}, {"v6", QJsonArray()}}},
                {"region",
                 QJsonObject{{"slug", droplet.request.value("region")}, {"name", "Frankfurt 1"}}},
                {"tags", QJsonArray::fromStringList(droplet.tags)},
                {"vpc_uuid", "5a4981aa-9653-4bd1-bef5-d6bff52042e4"}};
    }

    /// One page of `items` under `key`, with links.pages.next while more follow.
    HttpTestResponse page(const HttpTestRequest &request, const char *key,
                          const QJsonArray &items) const
    {
        const int size
            = qMax(1, qMin(perPage, request.query.queryItemValue("per_page").toInt() > 0
                                        ? request.query.queryItemValue("per_page").toInt()
                                        : 20));
        const int number = qMax(1, request.query.queryItemValue("page").toInt());
        QJsonArray slice;
        for (int i = (number - 1) * size; i < qMin(int(items.size()), number * size); ++i)
            slice.append(items.at(i));
        QJsonObject pages;
        if (number * size < items.size()) {
            QUrlQuery next = request.query;
            next.removeAllQueryItems("page");
            next.addQueryItem("page", QString::number(number + 1));
            QUrl url = m_server->url(request.path);
            url.setQuery(next);
            pages.insert("next", url.toString());
        }
        return HttpTestResponse::json(
            200, QJsonDocument(QJsonObject{{key, slice},
                                           {"links", QJsonObject{{"pages", pages}}},
                                           {"meta", QJsonObject{{"total", items.size()}}}}));
    }

    HttpTestResponse handle(const HttpTestRequest &request)
    {
        if (request.path == QLatin1String("/myip"))
            return {200, callerAddress, {{"Content-Type", "text/plain"}}, false, false};
        if (request.headers.value("authorization") != QByteArray("Bearer ") + kToken)
            return error(401, "unauthorized", QStringLiteral("Unable to authenticate you"));
        if (throttleNext > 0) {
            --throttleNext;
            HttpTestResponse tooMany
                = error(429, "too_many_requests", QStringLiteral("API rate limit exceeded."));
            tooMany.headers << qMakePair(QByteArray("Retry-After"), QByteArray("1"));
            return tooMany;
        }
        const QString path = request.path.mid(3); // without /v2
        const QStringList parts = path.split('/', Qt::SkipEmptyParts);
        if (request.method == "GET" && path == "/regions")
            return page(request, "regions", regions());
        if (request.method == "GET" && path == "/sizes")
            return page(request, "sizes", sizes());
        if (request.method == "GET" && path == "/images")
            return page(request, "images", images());
        if (parts.value(0) == "account" && parts.value(1) == "keys")
            return handleKeys(request, parts.value(2));
        if (path == "/tags" && request.method == "POST") {
            const QString name = request.json()["name"].toString();
            if (!tags.contains(name))
                tags << name;
            return HttpTestResponse::json(
                201, QJsonDocument(QJsonObject{{"tag", QJsonObject{{"name", name}}}}));
        }
        if (parts.value(0) == "firewalls")
            return handleFirewalls(request, parts.value(1));
        if (parts.value(0) == "droplets")
            return handleDroplets(request, parts.value(1));
        return error(404, "not_found",
                     QStringLiteral("The resource you were accessing could not be found."));
    }

    HttpTestResponse handleKeys(const HttpTestRequest &request, const QString &which)
    {
        if (request.method == "POST") {
            const QJsonObject key{
                {"id", 512189 + keys.size()},
                {"name", request.json()["name"]},
                {"public_key", request.json()["public_key"]},
                {"fingerprint", fingerprintOf(request.json()["public_key"].toString())}};
            keys << key;
            return HttpTestResponse::json(201, QJsonDocument(QJsonObject{{"ssh_key", key}}));
        }
        for (int i = 0; i < keys.size(); ++i) {
            if (QString::number(keys[i]["id"].toInt()) != which
                && keys[i]["fingerprint"].toString() != which)
                continue;
            if (request.method == "DELETE") {
                keys.removeAt(i);
                return HttpTestResponse::empty(204);
            }
            return HttpTestResponse::json(200, QJsonDocument(QJsonObject{{"ssh_key", keys[i]}}));
        }
        return error(404, "not_found",
                     QStringLiteral("The resource you were accessing could not be found."));
    }

    static QString fingerprintOf(const QString &publicKey)
    {
        const QByteArray hex = QCryptographicHash::hash(
                                   QByteArray::fromBase64(publicKey.section(' ', 1, 1).toLatin1()),
                                   QCryptographicHash::Md5)
                                   .toHex();
        QStringList pairs;
        for (int i = 0; i < hex.size(); i += 2)
            pairs << QString::fromLatin1(hex.mid(i, 2));
        return pairs.join(':');
    }

    HttpTestResponse handleFirewalls(const HttpTestRequest &request, const QString &which)
    {
        if (request.method == "POST") {
            for (const QJsonValue &tag : request.json()["tags"].toArray()) {
                if (!tags.contains(tag.toString()))
                    return error(422, "unprocessable_entity",
                                 QStringLiteral("tag %1 not found").arg(tag.toString()));
            }
            QJsonObject firewall = request.json().object();
            firewall.insert("id", QStringLiteral("bb4b2611-3d72-467b-8602-280330ecd%1")
                                      .arg(firewalls.size(), 3, 10, QLatin1Char('0')));
            firewall.insert("status", "waiting");
            firewalls << firewall;
            return HttpTestResponse::json(202, QJsonDocument(QJsonObject{{"firewall", firewall}}));
        }
        if (request.method == "GET" && which.isEmpty()) {
            QJsonArray all;
            for (const QJsonObject &firewall : std::as_const(firewalls))
                all.append(firewall);
            return page(request, "firewalls", all);
        }
        for (int i = 0; i < firewalls.size(); ++i) {
            if (firewalls[i]["id"].toString() == which && request.method == "DELETE") {
                firewalls.removeAt(i);
                return HttpTestResponse::empty(204);
            }
        }
        return error(404, "not_found",
                     QStringLiteral("The resource you were accessing could not be found."));
    }

    HttpTestResponse handleDroplets(const HttpTestRequest &request, const QString &which)
    {
        if (request.method == "POST")
            return createDroplets(request);
        if (request.method == "GET" && which.isEmpty()) {
            const QString tag = request.query.queryItemValue("tag_name", QUrl::FullyDecoded);
            // Time passes per listing, not per page of it.
            const bool firstPage = request.query.queryItemValue("page").toInt() <= 1;
            QJsonArray listed;
            for (Droplet &droplet : droplets) {
                if (!tag.isEmpty() && !droplet.tags.contains(tag))
                    continue;
                if (droplet.listsUntilListed > 0) {
                    droplet.listsUntilListed -= firstPage;
                    continue;
                }
                if (firstPage && droplet.listsUntilActive > 0 && --droplet.listsUntilActive == 0)
                    droplet.status = "active";
                listed.append(toJson(droplet));
            }
            return page(request, "droplets", listed);
        }
        for (int i = 0; i < droplets.size(); ++i) {
            if (QString::number(droplets[i].id) != which)
                continue;
            if (request.method == "DELETE") {
                droplets.removeAt(i);
                if (droplets.isEmpty() && whenNoDropletIsLeft)
                    whenNoDropletIsLeft();
                return HttpTestResponse::empty(204);
            }
            return HttpTestResponse::json(
                200, QJsonDocument(QJsonObject{{"droplet", toJson(droplets[i])}}));
        }
        return error(404, "not_found",
                     QStringLiteral("The resource you were accessing could not be found."));
    }

    HttpTestResponse createDroplets(const HttpTestRequest &request)
    {
        ++createCalls;
        const QJsonObject body = request.json().object();
        QStringList names;
        for (const QJsonValue &name : body["names"].toArray())
            names << name.toString();
        if (body.contains("name"))
            names << body["name"].toString();
        if (names.isEmpty() || names.size() > 10)
            return error(422, "unprocessable_entity",
                         QStringLiteral("request payload validation failed"));
        if (droplets.size() + names.size() > dropletLimit) {
            return error(
                422, "unprocessable_entity",
                QStringLiteral("creating this/these droplet(s) will exceed your droplet limit"));
        }
        if (beforeCreate)
            beforeCreate(names);
        QJsonArray created;
        for (const QString &name : names) {
            Droplet droplet;
            droplet.id = 3164444 + m_nextId++;
            droplet.name = name;
            for (const QJsonValue &tag : body["tags"].toArray())
                droplet.tags << tag.toString();
            const QPair<QString, QString> addresses
                = addressesFor ? addressesFor(name)
                               : qMakePair(QStringLiteral("203.0.113.%1").arg(m_nextId),
                                           QStringLiteral("10.110.0.%1").arg(m_nextId));
            droplet.publicAddress = addresses.first;
            droplet.privateAddress = addresses.second;
            droplet.listsUntilListed = listDelay;
            droplet.listsUntilActive = activeDelay;
            droplet.request = body;
            droplets << droplet;
            created.append(toJson(droplet));
        }
        if (holdNextDropletCreate) {
            holdNextDropletCreate = false;
            HttpTestResponse never;
            never.hold = true;
            return never;
        }
        const QJsonArray actions{
            QJsonObject{{"id", 7515},
                        {"rel", "create"},
                        {"href", m_server->url("/v2/actions/7515").toString()}}};
        if (body.contains("name"))
            return HttpTestResponse::json(
                202, QJsonDocument(QJsonObject{{"droplet", created.first()},
                                               {"links", QJsonObject{{"actions", actions}}}}));
        return HttpTestResponse::json(
            202, QJsonDocument(QJsonObject{{"droplets", created},
                                           {"links", QJsonObject{{"actions", actions}}}}));
    }

    static QJsonArray regions()
    {
        QJsonArray all;
        for (const auto &[slug, name] : {std::pair{"ams3", "Amsterdam 3"},
                                         {"fra1", "Frankfurt 1"},
                                         {"nyc3", "New York 3"},
                                         {"sgp1", "Singapore 1"}}) {
            all.append(QJsonObject{{"slug", slug},
                                   {"name", name},
                                   {"available", true},
                                   {"sizes", QJsonArray{"s-1vcpu-1gb", "s-2vcpu-4gb"}},
                                   {"features", QJsonArray{"private_networking"}}});
        }
        return all;
    }

    static QJsonArray sizes()
    {
        return {QJsonObject{{"slug", "s-1vcpu-1gb"},
                            {"vcpus", 1},
                            {"memory", 1024},
                            {"disk", 25},
                            {"transfer", 1.0},
                            {"price_hourly", 0.00893},
                            {"price_monthly", 6.0},
                            {"regions", QJsonArray{"ams3", "fra1", "nyc3"}},
                            {"available", true}},
                QJsonObject{{"slug", "s-2vcpu-4gb"},
                            {"vcpus", 2},
                            {"memory", 4096},
                            {"disk", 80},
                            {"transfer", 4.0},
                            {"price_hourly", 0.03571},
                            {"price_monthly", 24.0},
                            {"regions", QJsonArray{"fra1", "nyc3"}},
                            {"available", true}},
                QJsonObject{{"slug", "c-8"},
                            {"vcpus", 8},
                            {"memory", 16384},
                            {"disk", 100},
                            {"transfer", 6.0},
                            {"price_hourly", 0.25},
                            {"price_monthly", 168.0},
                            {"regions", QJsonArray{"fra1"}},
                            {"available", true}}};
    }

    static QJsonArray images()
    {
        return {QJsonObject{{"id", 148000000},
                            {"slug", "debian-12-x64"},
                            {"name", "12 x64"},
                            {"distribution", "Debian"},
                            {"public", true},
                            {"regions", QJsonArray{"fra1", "nyc3"}},
                            {"type", "base"}},
                QJsonObject{{"id", 148000001},
                            {"slug", "ubuntu-24-04-x64"},
                            {"name", "24.04 (LTS) x64"},
                            {"distribution", "Ubuntu"},
                            {"public", true},
                            {"regions", QJsonArray{"ams3", "fra1", "nyc3"}},
                            {"type", "base"}}};
    }

    HttpTestServer *m_server;
    int m_nextId = 0;
};

} // namespace SparkDeck::Test
