// The wizard's page for providers that create machines, against a DigitalOcean-compatible test
// server (FakeDigitalOcean): credentials from the environment, never written to the file; the
// region, size and image lists live from the API; the cost per hour; the cost guard's default.
#include "fakedigitalocean.h"
#include "httptestserver.h"
#include "screenshots.h"

#include "app/translations.h"
#include "wizard/cloudpage.h"
#include "wizard/machinespage.h"
#include "wizard/setupwizard.h"

#include "providers/providerregistry.h"
#include "spec/clusterfilewriter.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SparkDeck;
using SparkDeck::Test::FakeDigitalOcean;
using SparkDeck::Test::HttpTestServer;

class tst_CloudPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void choosingACloudLeadsToTheCloudPage();
    void listsComeLiveFromTheApiAndPricesFollowTheSize();
    void theFileGetsTheChoicesButNeverTheToken();
    void withoutATokenThePageSaysWhereToPutIt();
    void aRefusedTokenIsShownAndTheTestCanBeRepeated();
    void virtualBoxNeedsNoAccountAndCostsNothing();

private:
    CloudPage *openCloudPage();
    bool waitForTest(bool expected);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<FakeDigitalOcean> m_api;
    std::unique_ptr<SetupWizard> m_wizard;
};

void tst_CloudPage::initTestCase()
{
    QVERIFY(installTranslators(QLocale(QLocale::English)));
}

void tst_CloudPage::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_api = std::make_unique<FakeDigitalOcean>(m_server.get());
    qputenv("DIGITALOCEAN_TOKEN", FakeDigitalOcean::kToken);
    qputenv(qPrintable(ProviderRegistry::apiUrlVariable(Provider::DigitalOcean)),
            m_api->apiUrl().toString().toUtf8());
    m_wizard = std::make_unique<SetupWizard>();
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void tst_CloudPage::cleanup()
{
    m_wizard.reset();
    m_api.reset();
    m_server.reset();
    qunsetenv("DIGITALOCEAN_TOKEN");
    qunsetenv(qPrintable(ProviderRegistry::apiUrlVariable(Provider::DigitalOcean)));
}

CloudPage *tst_CloudPage::openCloudPage()
{
    m_wizard->machinesPage()->nameEdit()->setText(QStringLiteral("course"));
    m_wizard->machinesPage()->providerButton(Provider::DigitalOcean)->click();
    m_wizard->next();
    return qobject_cast<CloudPage *>(m_wizard->currentPage());
}

bool tst_CloudPage::waitForTest(bool expected)
{
    QSignalSpy tested(m_wizard->cloudPage(), &CloudPage::connectionTested);
    if (!tested.wait(10000))
        return false;
    return tested.constFirst().constFirst().toBool() == expected;
}

void tst_CloudPage::choosingACloudLeadsToTheCloudPage()
{
    QVERIFY(m_wizard->machinesPage()->providerButton(Provider::DigitalOcean)->isEnabled());
    QVERIFY(m_wizard->machinesPage()->providerButton(Provider::OpenStack)->isEnabled()); // the last one implemented
    CloudPage *page = openCloudPage();
    QVERIFY(page);
    QCOMPARE(page->title(), QStringLiteral("DigitalOcean Machines"));
    QVERIFY(page->subTitle().contains(QStringLiteral("sparkdeck-cluster=course")));
}

void tst_CloudPage::listsComeLiveFromTheApiAndPricesFollowTheSize()
{
    CloudPage *page = openCloudPage();
    QVERIFY(waitForTest(true));
    QVERIFY2(page->connectionLabel()->text().startsWith(QStringLiteral("Connected: 4 regions, 3 sizes, 2 images.")),
             qPrintable(page->connectionLabel()->text()));
    QCOMPARE(page->regionCombo()->count(), 4);
    QVERIFY(page->credentialsLabel()->text().contains(QStringLiteral("DIGITALOCEAN_TOKEN")));

    // Sizes and images offered in the region only.
    page->regionCombo()->setCurrentIndex(page->regionCombo()->findData(QStringLiteral("ams3")));
    QCOMPARE(page->sizeCombo()->count(), 1);
    QCOMPARE(page->imageCombo()->count(), 1);
    QCOMPARE(page->imageCombo()->currentData().toString(), QStringLiteral("ubuntu-24-04-x64"));
    page->regionCombo()->setCurrentIndex(page->regionCombo()->findData(QStringLiteral("fra1")));
    QCOMPARE(page->sizeCombo()->count(), 3);

    // 1 master + 2 workers (the default) of s-2vcpu-4gb at $0.03571: $0.11 an hour, 3 hours.
    page->sizeCombo()->setCurrentIndex(page->sizeCombo()->findData(QStringLiteral("s-2vcpu-4gb")));
    QVERIFY(page->sizeCombo()->currentText().contains(QStringLiteral("2 CPUs")));
    QCOMPARE(page->expiryCombo()->currentData().toLongLong(), 3 * 3600);
    QCOMPARE(page->costLabel()->text(),
             QStringLiteral("3 machines: about $0.11 an hour, $0.32 at most before they are deleted."));
    page->expiryCombo()->setCurrentIndex(page->expiryCombo()->findData(0));
    QCOMPARE(page->costLabel()->text(), QStringLiteral("3 machines: about $0.11 an hour."));
    QVERIFY(SparkDeck::Test::saveScreenshot(m_wizard.get(), QStringLiteral("tst_cloudpage"),
                                            QStringLiteral("digitalocean"))
                .size());
}

void tst_CloudPage::theFileGetsTheChoicesButNeverTheToken()
{
    CloudPage *page = openCloudPage();
    QVERIFY(waitForTest(true));
    page->regionCombo()->setCurrentIndex(page->regionCombo()->findData(QStringLiteral("nyc3")));
    page->sizeCombo()->setCurrentIndex(page->sizeCombo()->findData(QStringLiteral("s-1vcpu-1gb")));
    page->imageCombo()->setCurrentIndex(page->imageCombo()->findData(QStringLiteral("debian-12-x64")));
    QVERIFY(page->isComplete());

    const ClusterSpec spec = m_wizard->spec();
    QCOMPARE(spec.machines.region, QStringLiteral("nyc3"));
    QCOMPARE(spec.machines.size, QStringLiteral("s-1vcpu-1gb"));
    QCOMPARE(spec.machines.image, QStringLiteral("debian-12-x64"));
    QVERIFY(spec.machines.expiresAfter);
    QCOMPARE(spec.machines.expiresAfter->toString(), QStringLiteral("3h"));
    const QByteArray file = ClusterFileWriter::toYaml(spec);
    QVERIFY2(file.contains("expires_after: \"3h\""), file.constData());
    QVERIFY(!file.contains(FakeDigitalOcean::kToken));

    // Back to this computer: the page's choices do not follow into a local cluster.
    m_wizard->back();
    m_wizard->machinesPage()->providerButton(Provider::Local)->click();
    QVERIFY(!m_wizard->spec().machines.expiresAfter);
}

void tst_CloudPage::withoutATokenThePageSaysWhereToPutIt()
{
    qunsetenv("DIGITALOCEAN_TOKEN");
    CloudPage *page = openCloudPage();
    QVERIFY(page);
    QVERIFY(waitForTest(false));
    QVERIFY2(page->credentialsLabel()->text().contains(QStringLiteral("DIGITALOCEAN_TOKEN")),
             qPrintable(page->credentialsLabel()->text()));
    QCOMPARE(m_server->requests().size(), 0);
}

void tst_CloudPage::aRefusedTokenIsShownAndTheTestCanBeRepeated()
{
    qputenv("DIGITALOCEAN_TOKEN", "dop_v1_wrong");
    CloudPage *page = openCloudPage();
    QVERIFY(waitForTest(false));
    QVERIFY2(page->connectionLabel()->text().contains(QStringLiteral("Check the credentials")),
             qPrintable(page->connectionLabel()->text()));
    QVERIFY(!page->connectionLabel()->text().contains(QStringLiteral("dop_v1_wrong")));
    QVERIFY(page->testButton()->isEnabled());

    qputenv("DIGITALOCEAN_TOKEN", FakeDigitalOcean::kToken);
    page->testButton()->click();
    QVERIFY(waitForTest(true));
    QCOMPARE(page->regionCombo()->count(), 4);
}

void tst_CloudPage::virtualBoxNeedsNoAccountAndCostsNothing()
{
    // The recording VBoxManage stand-in (tests/support/vboxmanage) answers for VirtualBox.
    QTemporaryDir state;
    qputenv("SPARKDECK_VBOXMANAGE", SPARKDECK_SOURCE_DIR "/tests/support/vboxmanage/VBoxManage");
    qputenv("SPARKDECK_VBOX_STANDIN_DIR", state.path().toUtf8());
    qputenv("SPARKDECK_VBOX_STANDIN_FIXTURES", SPARKDECK_TEST_DATA "/providers/virtualbox");
    auto unset = qScopeGuard([] {
        for (const char *name : {"SPARKDECK_VBOXMANAGE", "SPARKDECK_VBOX_STANDIN_DIR", "SPARKDECK_VBOX_STANDIN_FIXTURES"})
            qunsetenv(name);
    });
    m_wizard->machinesPage()->nameEdit()->setText(QStringLiteral("classroom"));
    m_wizard->machinesPage()->providerButton(Provider::VirtualBox)->click();
    m_wizard->next();
    CloudPage *page = m_wizard->cloudPage();
    QCOMPARE(m_wizard->currentPage(), page);
    QVERIFY(waitForTest(true));
    QVERIFY2(page->credentialsLabel()->text().startsWith(QStringLiteral("No account is needed")),
             qPrintable(page->credentialsLabel()->text()));
    QVERIFY(page->sizeCombo()->count() > 0);
    QCOMPARE(page->costLabel()->text(),
             QStringLiteral("3 virtual machines on this computer: they cost nothing by the hour."));
    QVERIFY(!page->sizeCombo()->currentText().contains(QLatin1Char('$')));
    // They cost nothing: no expiry unless the person asks for one.
    QCOMPARE(page->expiryCombo()->currentData().toLongLong(), 0);
    QVERIFY(SparkDeck::Test::saveScreenshot(m_wizard.get(), QStringLiteral("tst_cloudpage"),
                                            QStringLiteral("virtualbox"))
                .size());
}

QTEST_MAIN(tst_CloudPage)
#include "tst_cloudpage.moc"
