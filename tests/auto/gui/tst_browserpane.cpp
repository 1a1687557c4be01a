// The embedded browser against the Spark stand-in (tests/lab/spark-standin) on 127.0.0.1 with
// spark.ui.reverseProxy=true: the master page (title and pixels), a worker page through
// /proxy/<worker-id>, a worker's own address rewritten to the proxy, private addresses refused,
// public links handed to the system browser, the "tunnel is down" page and Reconnect, a tab
// that cannot load, keyboard shortcuts. Offscreen; screenshots go to SPARKDECK_ARTIFACTS_DIR.
#include "localstandin.h"

#include "web/browserpane.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QWebEngineProfile>
#include <QWebEngineView>
#include <QtTest>

using namespace SparkDeck;

namespace {
constexpr int kLoadMs = 30000;
}

class tst_BrowserPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void noWebEngineBeforeTheFirstTab();
    void masterUiTitleAndPixels();
    void workerPageThroughTheMastersProxy();
    void workersOwnAddressGoesThroughTheProxy();
    void mastersPrivateAddressGoesThroughTheTunnel();
    void unknownPrivateAddressIsRefused();
    void publicLinkGoesToTheSystemBrowser();
    void tunnelDownPageThenReconnect();
    void tabThatCannotLoadSaysWhy();
    void keyboard();

private:
    QWebEngineView *view() const { return m_pane->currentView(); }
    QString runJavaScript(const QString &script);
    void clickLink(const QUrl &url);
    /// Waits until the view shows dark pixels (text) on white: a page really drawn.
    bool waitForInk(QWidget *widget, QImage *image);
    void saveScreenshot(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Test::LocalStandin> m_spark;
    std::unique_ptr<BrowserPane> m_pane;
    QList<QUrl> m_external;
};

void tst_BrowserPane::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsEmpty("JAVA_HOME") && QStandardPaths::findExecutable(QStringLiteral("java")).isEmpty())
        QSKIP("the Spark stand-in's bin/spark-class needs a Java runtime (JAVA_HOME or java on PATH)");
    m_spark = std::make_unique<Test::LocalStandin>(m_dir.path());
    QString error;
    QVERIFY2(m_spark->start(1, &error), qPrintable(error));
    m_pane = std::make_unique<BrowserPane>();
    m_pane->setExternalUrlHandler([this](const QUrl &url) {
        m_external << url;
        return true;
    });
    m_pane->resize(1100, 700);
    m_pane->show();
    QApplication::setActiveWindow(m_pane.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_BrowserPane::cleanupTestCase()
{
    m_pane.reset(); // pages before their profile: no warning, no crash
    m_spark.reset();
}

QString tst_BrowserPane::runJavaScript(const QString &script)
{
    QString result;
    bool done = false;
    view()->page()->runJavaScript(script, [&](const QVariant &value) {
        result = value.toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return QStringLiteral("<no answer>");
    return result;
}

void tst_BrowserPane::clickLink(const QUrl &url)
{
    runJavaScript(QStringLiteral("(function(){var a=document.createElement('a');a.href=%1;"
                                 "a.textContent='link';document.body.appendChild(a);a.click();"
                                 "return 'clicked';})()")
                      .arg(QLatin1Char('"') + url.toString(QUrl::FullyEncoded) + QLatin1Char('"')));
}

bool tst_BrowserPane::waitForInk(QWidget *widget, QImage *image)
{
    // grab() right after loadFinished is white: poll until text is drawn.
    return QTest::qWaitFor(
        [&] {
            *image = widget->grab().toImage();
            int dark = 0;
            for (int y = 0; y < qMin(image->height(), 80); ++y) {
                for (int x = 0; x < qMin(image->width(), 700); ++x) {
                    if (qGray(image->pixel(x, y)) < 80)
                        ++dark;
                }
            }
            return dark > 150 && qGray(image->pixel(image->width() - 5, image->height() - 5)) > 240;
        },
        kLoadMs);
}

void tst_BrowserPane::saveScreenshot(const QString &name)
{
    QTest::qWait(200);
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_browserpane-%1.png").arg(name));
    if (m_pane->grab().save(png))
        qInfo("screenshot: %s", qPrintable(png));
}

void tst_BrowserPane::noWebEngineBeforeTheFirstTab()
{
    QCOMPARE(m_pane->tabCount(), 0);
    QCOMPARE(m_pane->profile(), nullptr);
    QVERIFY(m_pane->isShowingUnavailablePage()); // "Opening the Spark web UI…"
    saveScreenshot(QStringLiteral("opening"));
}

void tst_BrowserPane::masterUiTitleAndPixels()
{
    m_pane->setMasterUiUrl(m_spark->masterUiUrl());
    QVERIFY(!m_pane->isShowingUnavailablePage());
    QCOMPARE(m_pane->tabCount(), 1); // the master's page opens by itself
    QVERIFY(m_pane->profile());
    QVERIFY(m_pane->profile()->isOffTheRecord());
    QCOMPARE(m_pane->profile()->persistentCookiesPolicy(), QWebEngineProfile::NoPersistentCookies);
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), QStringLiteral("Spark Master at %1").arg(m_spark->masterUrl()), kLoadMs);
    QCOMPARE(m_pane->tabWidget()->tabText(0), QStringLiteral("Spark Master at %1").arg(m_spark->masterUrl()));
    QImage image;
    QVERIFY2(waitForInk(view(), &image), "the master page is drawn (dark text on white)");
    QCOMPARE(m_pane->addressField()->text(), m_spark->masterUiUrl().toString());
    saveScreenshot(QStringLiteral("master"));
}

void tst_BrowserPane::workerPageThroughTheMastersProxy()
{
    QCOMPARE(m_spark->workerIds().size(), 1);
    const QString id = m_spark->workerIds().constFirst();
    m_pane->openWorkerUi(id);
    QCOMPARE(m_pane->tabCount(), 2);
    QCOMPARE(m_pane->currentIndex(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(view()->title().startsWith(QStringLiteral("Spark Worker at 127.0.0.1:")), kLoadMs);
    QCOMPARE(view()->url().port(), int(m_spark->masterUiPort()));
    QCOMPARE(view()->url().path(), QStringLiteral("/proxy/%1/").arg(id));
    QImage image;
    QVERIFY(waitForInk(view(), &image));
    saveScreenshot(QStringLiteral("worker"));
    // Asking again switches to the open tab.
    m_pane->openWorkerUi(id);
    QCOMPARE(m_pane->tabCount(), 2);
}

void tst_BrowserPane::workersOwnAddressGoesThroughTheProxy()
{
    const QString id = m_spark->workerIds().constFirst();
    // The pane learns the workers' addresses from the master's /json/ through the tunnel.
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->routes().hasProxiedUi(id), 10000);
    m_pane->setCurrentIndex(0);
    const QUrl own(QStringLiteral("http://127.0.0.1:%1/").arg(m_spark->workerUiPorts().constFirst()));
    clickLink(own);
    QTRY_COMPARE_WITH_TIMEOUT(view()->url().path(), QStringLiteral("/proxy/%1/").arg(id), kLoadMs);
    QCOMPARE(view()->url().port(), int(m_spark->masterUiPort()));
    QTRY_VERIFY_WITH_TIMEOUT(view()->title().startsWith(QStringLiteral("Spark Worker at")), kLoadMs);
}

void tst_BrowserPane::mastersPrivateAddressGoesThroughTheTunnel()
{
    // As on a real cluster: the pages link the master by its private address.
    const QUrl remote(QStringLiteral("http://10.255.0.1:%1/").arg(m_spark->masterUiPort()));
    m_pane->setMasterUiUrl(m_spark->masterUiUrl(), remote);
    m_pane->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(view()->title().startsWith(QStringLiteral("Spark Worker at")), kLoadMs);
    clickLink(QUrl(QStringLiteral("http://10.255.0.1:%1/").arg(m_spark->masterUiPort())));
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), QStringLiteral("Spark Master at %1").arg(m_spark->masterUrl()), kLoadMs);
    QCOMPARE(view()->url(), m_spark->masterUiUrl());
    QVERIFY(!m_pane->isShowingTabNotice(1));
}

void tst_BrowserPane::unknownPrivateAddressIsRefused()
{
    const QUrl before = view()->url();
    clickLink(QUrl(QStringLiteral("http://10.255.0.2:8081/")));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->isShowingTabNotice(m_pane->currentIndex()), 10000);
    const QString text = m_pane->tabNoticeText(m_pane->currentIndex());
    QVERIFY2(text.contains(QStringLiteral("10.255.0.2:8081")) && text.contains(QStringLiteral("never connects to it directly")),
             qPrintable(text));
    QCOMPARE(view()->url(), before);
    saveScreenshot(QStringLiteral("refused"));
    // Still refused after the pane asked the master for its workers again.
    QTest::qWait(500);
    QCOMPARE(view()->url(), before);
    QVERIFY(m_pane->isShowingTabNotice(m_pane->currentIndex()));
    const auto buttons = m_pane->tabWidget()->currentWidget()->findChildren<QPushButton *>();
    QPushButton *back = nullptr;
    for (QPushButton *button : buttons) {
        if (!button->isHidden() && button->text() == QStringLiteral("Back to the Page"))
            back = button;
    }
    QVERIFY(back);
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(!m_pane->isShowingTabNotice(m_pane->currentIndex()));
}

void tst_BrowserPane::publicLinkGoesToTheSystemBrowser()
{
    const QUrl before = view()->url();
    m_external.clear();
    clickLink(QUrl(QStringLiteral("https://spark.apache.org/docs/latest/")));
    QTRY_COMPARE_WITH_TIMEOUT(m_external.size(), 1, 10000);
    QCOMPARE(m_external.first(), QUrl(QStringLiteral("https://spark.apache.org/docs/latest/")));
    QCOMPARE(view()->url(), before);
    // "Open in system browser" hands over the page's tunnel address.
    m_pane->openExternallyAction()->trigger();
    QCOMPARE(m_external.size(), 2);
    QCOMPARE(m_external.last(), before);
    QVERIFY(m_pane->openExternallyAction()->toolTip().contains(QStringLiteral("only while SparkDeck is running")));
}

void tst_BrowserPane::tunnelDownPageThenReconnect()
{
    m_pane->setTunnelHost(QStringLiteral("10.0.0.11"));
    m_pane->setUnavailable(QStringLiteral("The connection to 10.0.0.11 was closed by the remote side "
                                          "(sshd stopped, the machine rebooted, or the network dropped)."));
    QVERIFY(m_pane->isShowingUnavailablePage());
    QVERIFY2(m_pane->unavailableText().startsWith(
                 QStringLiteral("The Spark web UI is reached through an SSH tunnel to 10.0.0.11, which is "
                                "down: The connection to 10.0.0.11 was closed by the remote side")),
             qPrintable(m_pane->unavailableText()));
    QVERIFY(m_pane->reconnectButton()->isVisible());
    QVERIFY(!m_pane->openExternallyAction()->isEnabled());
    saveScreenshot(QStringLiteral("tunnel-down"));

    QSignalSpy reconnect(m_pane.get(), &BrowserPane::reconnectRequested);
    QTest::mouseClick(m_pane->reconnectButton(), Qt::LeftButton);
    QCOMPARE(reconnect.size(), 1);
    QVERIFY(!m_pane->reconnectButton()->isEnabled()); // no second click while it reconnects

    // The tunnel is back (here on the same port): the pages come back, reloaded.
    QSignalSpy loaded(view(), &QWebEngineView::loadFinished);
    m_pane->setMasterUiUrl(m_spark->masterUiUrl());
    QVERIFY(!m_pane->isShowingUnavailablePage());
    QVERIFY(loaded.wait(kLoadMs));
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), QStringLiteral("Spark Master at %1").arg(m_spark->masterUrl()), kLoadMs);
    QImage image;
    QVERIFY(waitForInk(view(), &image));
    saveScreenshot(QStringLiteral("reconnected"));
}

void tst_BrowserPane::tabThatCannotLoadSaysWhy()
{
    const quint16 deadPort = Test::LocalStandin::freePort();
    m_pane->openUrlTab(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(deadPort)), QStringLiteral("Jupyter"));
    const int index = m_pane->currentIndex();
    QCOMPARE(m_pane->tabWidget()->tabText(index), QStringLiteral("Jupyter"));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->isShowingTabNotice(index), kLoadMs);
    const QString text = m_pane->tabNoticeText(index);
    QVERIFY2(text.contains(QStringLiteral("could not load http://127.0.0.1:%1/").arg(deadPort))
                 && text.contains(QStringLiteral("SSH tunnel to 10.0.0.11")),
             qPrintable(text));
    saveScreenshot(QStringLiteral("load-failed"));
}

void tst_BrowserPane::keyboard()
{
    QApplication::setActiveWindow(m_pane.get());
    QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
    m_pane->setCurrentIndex(0);
    m_pane->tabWidget()->setFocus();
    const int tabs = m_pane->tabCount();

    QTest::keyClick(m_pane->tabWidget(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_pane->tabCount(), tabs + 1);
    QCOMPARE(m_pane->currentIndex(), tabs);
    QTRY_COMPARE_WITH_TIMEOUT(view()->title(), QStringLiteral("Spark Master at %1").arg(m_spark->masterUrl()), kLoadMs);

    // Go somewhere, then Alt+Left comes back and Alt+Right goes there again.
    const QUrl workerPage = m_spark->masterUiUrl().resolved(
        QUrl(QStringLiteral("proxy/%1/").arg(m_spark->workerIds().constFirst()))); // a page, not a download
    view()->load(workerPage);
    QTRY_COMPARE_WITH_TIMEOUT(view()->url(), workerPage, kLoadMs);
    QTRY_VERIFY(m_pane->backAction()->isEnabled());
    QTest::keyClick(m_pane->tabWidget(), Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(view()->url(), m_spark->masterUiUrl(), kLoadMs);
    QTRY_VERIFY(m_pane->forwardAction()->isEnabled());
    QSignalSpy finished(view(), &QWebEngineView::loadFinished);
    QTest::keyClick(m_pane->tabWidget(), Qt::Key_Right, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(view()->url(), workerPage, kLoadMs);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kLoadMs);
    QVERIFY(m_pane->reloadAction()->isEnabled());

    // F5 and Ctrl+R reload: a mark left in the page is gone afterwards.
    for (const QKeyCombination key : {QKeyCombination(Qt::Key_F5), QKeyCombination(Qt::CTRL | Qt::Key_R)}) {
        QCOMPARE(runJavaScript(QStringLiteral("window.sparkdeckMark = 'here'; window.sparkdeckMark")), QStringLiteral("here"));
        QSignalSpy reloads(m_pane->reloadAction(), &QAction::triggered);
        QTest::keyClick(m_pane->tabWidget(), key.key(), key.keyboardModifiers());
        QCOMPARE(reloads.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(runJavaScript(QStringLiteral("typeof window.sparkdeckMark")), QStringLiteral("undefined"), kLoadMs);
    }

    QTest::keyClick(m_pane->tabWidget(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(m_pane->addressField()->hasFocus());
    QCOMPARE(m_pane->addressField()->selectedText(), workerPage.toString());

    QTest::keyClick(m_pane->tabWidget(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(m_pane->tabCount(), tabs);
}

QTEST_MAIN(tst_BrowserPane)
#include "tst_browserpane.moc"
