#include "app/translations.h"
#include "wizard/hostspage.h"
#include "wizard/setupwizard.h"

#include "labhosts.h"
#include "spec/hostlistmodel.h"
#include "ssh/hostkey.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QInputDialog>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SparkDeck;
using SparkDeck::Test::LabHosts;

/// "Check hosts" of the wizard's Hosts page against the lab's real sshd hosts: it logs in with
/// the SSH engine, shows each unknown host key's fingerprint for the user to accept or refuse,
/// and reports the system (`uname -sr`) or the error per host, while the GUI thread keeps
/// running. Needs the CTest fixture `lab`; skips without it.
class tst_HostsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void askPolicyShowsFingerprintsAndConnects();
    void strictPolicyRefusesUnknownHosts();
    void anEncryptedKeyIsAskedForOnceForAllHosts();

private:
    /// The wizard on the Hosts page with the lab's first `count` hosts, known_hosts empty.
    void openHostsPage(int count, HostKeyPolicy policy, const QString &identity = QString());
    bool runCheck();
    static void saveScreenshot(QWidget *widget, const QString &name);

    LabHosts m_lab;
    QTemporaryDir m_dir;
    QString m_knownHosts;
    QHash<QString, QString> m_labFingerprints; ///< address -> SHA256 fingerprint the host serves
    std::unique_ptr<SetupWizard> m_wizard;
    QTimer m_questionWatcher;
    QStringList m_refuse; ///< addresses whose key the "user" refuses
    QStringList m_askedHosts;
    QStringList m_passphraseAnswers; ///< what the "user" types, one per question
    QStringList m_passphraseQuestions;
    QStringList m_askedFingerprints;
    qint64 m_longestStallMs = 0;
};

void tst_HostsPage::initTestCase()
{
    m_lab = LabHosts::fromEnvironment();
    SPARKDECK_REQUIRE_LAB(m_lab);
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostspage"));
    QVERIFY(installTranslators(QLocale(QLocale::English)));
    QVERIFY(m_lab.hosts().size() >= 3);

    QFile known(m_lab.knownHostsFile());
    QVERIFY(known.open(QIODevice::ReadOnly));
    for (const QByteArray &line : known.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 3) {
            m_labFingerprints.insert(QString::fromLatin1(fields.at(0)),
                                     HostKey::fromBase64(fields.at(2)).sha256Fingerprint());
        }
    }

    // The user: reads each host key question and answers it, as a person at the screen would.
    m_questionWatcher.setInterval(20);
    connect(&m_questionWatcher, &QTimer::timeout, this, [this] {
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            auto *input = qobject_cast<QInputDialog *>(widget);
            if (input && input->isVisible() && input->objectName() == QLatin1String("passphraseQuestion")) {
                m_passphraseQuestions << input->labelText();
                input->setTextValue(m_passphraseAnswers.value(m_passphraseQuestions.size() - 1));
                input->accept();
                continue;
            }
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            if (box->objectName() != QLatin1String("hostKeyQuestion")) {
                qWarning("unexpected message box: %s", qPrintable(box->text()));
                box->reject();
                continue;
            }
            const QString host = box->property("host").toString();
            if (m_askedHosts.isEmpty())
                saveScreenshot(box, QStringLiteral("host-key-question"));
            m_askedHosts << host;
            m_askedFingerprints << box->property("fingerprint").toString();
            QVERIFY(box->informativeText().contains(box->property("fingerprint").toString()));
            box->button(m_refuse.contains(host) ? QMessageBox::No : QMessageBox::Yes)->click();
        }
    });
}

void tst_HostsPage::init()
{
    m_knownHosts = m_dir.filePath(QStringLiteral("known_hosts"));
    QFile::remove(m_knownHosts);
    m_refuse.clear();
    m_askedHosts.clear();
    m_askedFingerprints.clear();
    m_passphraseAnswers.clear();
    m_passphraseQuestions.clear();
    m_questionWatcher.start();
}

void tst_HostsPage::cleanup()
{
    m_questionWatcher.stop();
    m_wizard.reset();
}

void tst_HostsPage::openHostsPage(int count, HostKeyPolicy policy, const QString &identity)
{
    ClusterSpec spec;
    spec.name = QStringLiteral("lab");
    spec.machines.provider = Provider::Existing;
    for (int i = 0; i < count; ++i) {
        HostSpec host;
        host.address = m_lab.hosts().at(i).address;
        spec.machines.hosts << host;
    }
    spec.machines.ssh.user = QStringLiteral("root");
    spec.machines.ssh.identity = identity.isEmpty() ? m_lab.identityFile() : identity;
    spec.machines.ssh.knownHosts = m_knownHosts;
    spec.machines.ssh.hostKeyPolicy = policy;
    spec.workers.count = count;
    m_wizard = std::make_unique<SetupWizard>();
    m_wizard->setSpec(spec);
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    m_wizard->next();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostsPageId));
    QCOMPARE(m_wizard->spec(), spec);
}

void tst_HostsPage::saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_hostspage-%1.png").arg(name));
    if (widget->grab().save(png))
        qInfo("screenshot: %s", qPrintable(png));
}

bool tst_HostsPage::runCheck()
{
    HostsPage *page = m_wizard->hostsPage();
    QSignalSpy finished(page, &HostsPage::checkFinished);
    // A probe of the event loop: the check must never hold the GUI thread.
    QElapsedTimer sinceLastTick;
    QTimer probe;
    probe.setInterval(5);
    connect(&probe, &QTimer::timeout, this, [&] {
        if (sinceLastTick.isValid())
            m_longestStallMs = std::max(m_longestStallMs, sinceLastTick.elapsed());
        sinceLastTick.restart();
    });
    probe.start();
    QTest::mouseClick(page->checkButton(), Qt::LeftButton);
    const bool done = finished.wait(60000);
    qInfo("longest event loop stall during the check: %lld ms (not asserted)", m_longestStallMs);
    return done;
}

void tst_HostsPage::askPolicyShowsFingerprintsAndConnects()
{
    openHostsPage(3, HostKeyPolicy::Ask);
    const QString refused = m_lab.hosts().at(2).address;
    m_refuse << refused;
    QVERIFY(runCheck());

    HostListModel *model = m_wizard->hostsPage()->model();
    QCOMPARE(m_askedHosts.size(), 3);
    for (int i = 0; i < m_askedHosts.size(); ++i) {
        // The fingerprint shown is the key the host really serves.
        QCOMPARE(m_askedFingerprints.at(i), m_labFingerprints.value(m_askedHosts.at(i)));
    }
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->checkState(row), HostListModel::CheckState::Reachable);
        const QString status = model->checkText(row);
        QVERIFY2(status.startsWith(QLatin1String("Connected: Linux ")), qPrintable(status));
    }
    QCOMPARE(model->checkState(2), HostListModel::CheckState::Failed);
    QVERIFY2(model->checkText(2).contains(QLatin1String("did not trust")),
             qPrintable(model->checkText(2)));
    saveScreenshot(m_wizard.get(), QStringLiteral("checked"));

    // Trusted keys were saved: a second check asks about the refused host only.
    QFile known(m_knownHosts);
    QVERIFY(known.open(QIODevice::ReadOnly));
    QCOMPARE(known.readAll().count('\n'), 2);
    m_askedHosts.clear();
    m_refuse.clear();
    QVERIFY(runCheck());
    QCOMPARE(m_askedHosts, QStringList{refused});
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model->checkState(row), HostListModel::CheckState::Reachable);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
}

void tst_HostsPage::strictPolicyRefusesUnknownHosts()
{
    openHostsPage(2, HostKeyPolicy::Strict);
    QVERIFY(runCheck());
    QVERIFY(m_askedHosts.isEmpty());
    HostListModel *model = m_wizard->hostsPage()->model();
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->checkState(row), HostListModel::CheckState::Failed);
        QVERIFY2(model->checkText(row).contains(m_lab.hosts().at(row).address),
                 qPrintable(model->checkText(row)));
    }
}

void tst_HostsPage::anEncryptedKeyIsAskedForOnceForAllHosts()
{
    // The lab's own key, re-encrypted: authorized on the hosts, now with a passphrase.
    const QString key = m_dir.filePath(QStringLiteral("id_protected"));
    QFile::remove(key);
    QVERIFY(QFile::copy(m_lab.identityFile(), key));
    QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"), {"-q", "-p", "-P", "", "-N", "open sesame", "-f", key});
    QVERIFY(keygen.waitForFinished(30000) && keygen.exitCode() == 0);

    m_passphraseAnswers = {QStringLiteral("wrong guess"), QStringLiteral("open sesame")};
    openHostsPage(3, HostKeyPolicy::AcceptNew, key);
    QVERIFY(runCheck());
    // Asked once, then once more because the first answer was wrong; never per host.
    QCOMPARE(m_passphraseQuestions.size(), 2);
    QVERIFY2(m_passphraseQuestions.at(0).contains(key), qPrintable(m_passphraseQuestions.at(0)));
    QVERIFY2(m_passphraseQuestions.at(1).startsWith(QLatin1String("That passphrase was wrong")),
             qPrintable(m_passphraseQuestions.at(1)));
    HostListModel *model = m_wizard->hostsPage()->model();
    for (int row = 0; row < 3; ++row)
        QCOMPARE(model->checkState(row), HostListModel::CheckState::Reachable);
}

QTEST_MAIN(tst_HostsPage)
#include "tst_hostspage.moc"
