// Where the embedded browser may go: our tunnel's origins load, the cluster's private addresses
// are rewritten through the tunnel or the master's reverse proxy, other private and loopback
// addresses are refused with a reason, public ones are left to the system browser.
#include "monitor/webroutes.h"

#include <QtTest>

using namespace SparkDeck;

Q_DECLARE_METATYPE(SparkDeck::WebRoutes::Kind)

class tst_WebRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void routes_data();
    void routes();
    void privateHosts_data();
    void privateHosts();
    void proxyUrlRefusesHostileIds_data();
    void proxyUrlRefusesHostileIds();
    void nothingIsAllowedBeforeTheTunnelOpens();
    void workersMovedKeepOnlyTheirNewAddress();

private:
    static WebRoutes clusterRoutes()
    {
        WebRoutes routes;
        routes.setMasterUi(QUrl(QStringLiteral("http://127.0.0.1:40123/")),
                           QUrl(QStringLiteral("http://10.0.0.11:8080/")));
        routes.setProxiedUi(QStringLiteral("worker-20261120231500-10.0.0.12-40001"),
                            QUrl(QStringLiteral("http://10.0.0.12:8081")));
        routes.setProxiedUi(QStringLiteral("app-20261120231600-0000"),
                            QUrl(QStringLiteral("http://10.0.0.20:4040")));
        routes.addForward(QUrl(QStringLiteral("http://127.0.0.1:40200/")),
                          QUrl(QStringLiteral("http://10.0.0.11:8888/")));
        routes.addPrivateHostName(QStringLiteral("spark-master.example.com"));
        return routes;
    }
};

void tst_WebRoutes::routes_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<WebRoutes::Kind>("kind");
    QTest::addColumn<QString>("expected"); // the URL to load, for Rewritten

    using K = WebRoutes::Kind;
    QTest::newRow("our tunnel") << "http://127.0.0.1:40123/json/" << K::Allowed << "";
    QTest::newRow("our tunnel, proxy path") << "http://127.0.0.1:40123/proxy/worker-1/" << K::Allowed << "";
    QTest::newRow("jupyter forward") << "http://127.0.0.1:40200/lab?token=x" << K::Allowed << "";
    QTest::newRow("jupyter websocket") << "ws://127.0.0.1:40200/api/kernels/k/channels" << K::Allowed << "";
    QTest::newRow("about:blank") << "about:blank" << K::Allowed << "";
    QTest::newRow("data") << "data:text/html,hi" << K::Allowed << "";
    QTest::newRow("master's private address")
        << "http://10.0.0.11:8080/app/?appId=app-1#top" << K::Rewritten
        << "http://127.0.0.1:40123/app/?appId=app-1#top";
    QTest::newRow("master's private address, no slash")
        << "http://10.0.0.11:8080" << K::Rewritten << "http://127.0.0.1:40123/";
    QTest::newRow("master's address, other case")
        << "HTTP://10.0.0.11:8080/json/" << K::Rewritten << "http://127.0.0.1:40123/json/";
    QTest::newRow("worker's own address → master's proxy")
        << "http://10.0.0.12:8081/logPage/?appId=a&logType=stderr" << K::Rewritten
        << "http://127.0.0.1:40123/proxy/worker-20261120231500-10.0.0.12-40001/logPage/?appId=a&logType=stderr";
    QTest::newRow("worker root")
        << "http://10.0.0.12:8081/" << K::Rewritten
        << "http://127.0.0.1:40123/proxy/worker-20261120231500-10.0.0.12-40001/";
    QTest::newRow("driver UI → proxy")
        << "http://10.0.0.20:4040/jobs/" << K::Rewritten
        << "http://127.0.0.1:40123/proxy/app-20261120231600-0000/jobs/";
    QTest::newRow("jupyter's private address")
        << "http://10.0.0.11:8888/tree" << K::Rewritten << "http://127.0.0.1:40200/tree";
    QTest::newRow("jupyter's private websocket")
        << "ws://10.0.0.11:8888/api/kernels/k/channels" << K::Rewritten
        << "ws://127.0.0.1:40200/api/kernels/k/channels";
    QTest::newRow("another port of the master") << "http://10.0.0.11:22/" << K::Blocked << "";
    QTest::newRow("unknown worker") << "http://10.0.0.13:8081/" << K::Blocked << "";
    QTest::newRow("172.16/12") << "http://172.20.1.1/" << K::Blocked << "";
    QTest::newRow("192.168/16") << "https://192.168.1.1/" << K::Blocked << "";
    QTest::newRow("link-local metadata service") << "http://169.254.169.254/latest/meta-data/" << K::Blocked << "";
    QTest::newRow("IPv6 unique local") << "http://[fd00::12]:8081/" << K::Blocked << "";
    QTest::newRow("IPv6 link local") << "http://[fe80::1]/" << K::Blocked << "";
    QTest::newRow("single-label name") << "http://h2:8081/" << K::Blocked << "";
    QTest::newRow(".internal") << "http://ip-10-0-0-12.ec2.internal:8081/" << K::Blocked << "";
    QTest::newRow("cluster host name") << "http://spark-master.example.com:8080/" << K::Blocked << "";
    QTest::newRow("other local program") << "http://127.0.0.1:631/" << K::Blocked << "";
    QTest::newRow("localhost, our port but another name")
        << "http://localhost:40123/" << K::Blocked << "";
    QTest::newRow("loopback IPv6") << "http://[::1]:40123/" << K::Blocked << "";
    QTest::newRow("v4-mapped private") << "http://[::ffff:10.0.0.12]:8081/" << K::Blocked << "";
    QTest::newRow("file") << "file:///etc/passwd" << K::Blocked << "";
    QTest::newRow("javascript") << "javascript:alert(1)" << K::Blocked << "";
    QTest::newRow("ftp") << "ftp://10.0.0.11/" << K::Blocked << "";
    QTest::newRow("public docs") << "https://spark.apache.org/docs/latest/" << K::External << "";
    QTest::newRow("public address") << "http://93.184.216.34/" << K::External << "";
    QTest::newRow("mailto") << "mailto:dev@spark.apache.org" << K::External << "";
}

void tst_WebRoutes::routes()
{
    QFETCH(QString, url);
    QFETCH(WebRoutes::Kind, kind);
    QFETCH(QString, expected);
    const WebRoutes routes = clusterRoutes();
    const WebRoutes::Decision decision = routes.route(QUrl(url));
    QCOMPARE(decision.kind, kind);
    if (kind == WebRoutes::Kind::Rewritten)
        QCOMPARE(decision.url.toString(), expected);
    if (kind == WebRoutes::Kind::Blocked)
        QVERIFY2(!decision.reason.isEmpty(), "a refusal says why");
}

void tst_WebRoutes::privateHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("isPrivate");
    QTest::addColumn<bool>("isLoopback");
    QTest::newRow("10/8") << "10.77.0.12" << true << false;
    QTest::newRow("100.64/10") << "100.100.1.1" << true << false;
    QTest::newRow("100.128 is public") << "100.128.0.1" << false << false;
    QTest::newRow("172.15 is public") << "172.15.0.1" << false << false;
    QTest::newRow("172.31") << "172.31.255.255" << true << false;
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true << true;
    QTest::newRow("127.1.2.3") << "127.1.2.3" << true << true;
    QTest::newRow("localhost") << "LocalHost" << true << true;
    QTest::newRow("x.localhost") << "spark.localhost" << true << true;
    QTest::newRow("::1") << "::1" << true << true;
    QTest::newRow("[::1]") << "[::1]" << true << true;
    QTest::newRow("0.0.0.0") << "0.0.0.0" << true << false;
    QTest::newRow("mdns") << "worker-3.local" << true << false;
    QTest::newRow("home.arpa") << "nas.home.arpa" << true << false;
    QTest::newRow("public name") << "example.org" << false << false;
    QTest::newRow("public v6") << "2001:4860:4860::8888" << false << false;
    QTest::newRow("empty") << "" << true << false;
}

void tst_WebRoutes::privateHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, isPrivate);
    QFETCH(bool, isLoopback);
    QCOMPARE(WebRoutes::isPrivateHost(host), isPrivate);
    QCOMPARE(WebRoutes::isLoopbackHost(host), isLoopback);
}

void tst_WebRoutes::proxyUrlRefusesHostileIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");
    QTest::newRow("worker") << "worker-20261120231500-10.0.0.12-40001"
                            << "http://127.0.0.1:40123/proxy/worker-20261120231500-10.0.0.12-40001/";
    QTest::newRow("app") << "app-20261120231600-0000" << "http://127.0.0.1:40123/proxy/app-20261120231600-0000/";
    QTest::newRow("slash") << "../../etc" << "";
    QTest::newRow("dot dot") << ".." << "";
    QTest::newRow("query") << "worker?x=1" << "";
    QTest::newRow("fragment") << "a#b" << "";
    QTest::newRow("percent") << "a%2Fb" << "";
    QTest::newRow("space") << "a b" << "";
    QTest::newRow("empty") << "" << "";
}

void tst_WebRoutes::proxyUrlRefusesHostileIds()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);
    QCOMPARE(clusterRoutes().proxyUrl(id).toString(), expected);
}

void tst_WebRoutes::nothingIsAllowedBeforeTheTunnelOpens()
{
    WebRoutes routes;
    routes.setProxiedUi(QStringLiteral("worker-1"), QUrl(QStringLiteral("http://10.0.0.12:8081")));
    QCOMPARE(routes.route(QUrl(QStringLiteral("http://127.0.0.1:8080/"))).kind, WebRoutes::Kind::Blocked);
    QCOMPARE(routes.route(QUrl(QStringLiteral("http://10.0.0.12:8081/"))).kind, WebRoutes::Kind::Blocked);
    QVERIFY(routes.proxyUrl(QStringLiteral("worker-1")).isEmpty());
}

void tst_WebRoutes::workersMovedKeepOnlyTheirNewAddress()
{
    WebRoutes routes = clusterRoutes();
    const QString id = QStringLiteral("worker-20261120231500-10.0.0.12-40001");
    routes.setProxiedUi(id, QUrl(QStringLiteral("http://10.0.0.14:8082")));
    QCOMPARE(routes.route(QUrl(QStringLiteral("http://10.0.0.12:8081/"))).kind, WebRoutes::Kind::Blocked);
    QCOMPARE(routes.route(QUrl(QStringLiteral("http://10.0.0.14:8082/"))).kind, WebRoutes::Kind::Rewritten);
    routes.clearProxiedUis();
    QVERIFY(!routes.hasProxiedUi(id));
    QCOMPARE(routes.route(QUrl(QStringLiteral("http://10.0.0.14:8082/"))).kind, WebRoutes::Kind::Blocked);
}

QTEST_GUILESS_MAIN(tst_WebRoutes)
#include "tst_webroutes.moc"
