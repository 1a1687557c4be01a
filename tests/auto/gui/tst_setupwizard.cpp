#include "app/translations.h"
#include "wizard/hostspage.h"
#include "wizard/machinespage.h"
#include "wizard/reviewpage.h"
#include "wizard/setupwizard.h"
#include "wizard/sharedfolderpage.h"
#include "wizard/softwarepage.h"
#include "wizard/workerspage.h"

#include "spec/clusterfileloader.h"
#include "spec/clusterfilewriter.h"
#include "spec/clusterspecvalidator.h"
#include "spec/hostlistmodel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryFile>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SparkDeck;

namespace SparkDeck {
/// QCOMPARE prints a spec that differs as the cluster file it would be.
char *toString(const ClusterSpec &spec)
{
    return qstrdup(ClusterFileWriter::toYaml(spec).constData());
}
} // namespace SparkDeck

/// The setup wizard, driven as a user would: typing, clicking Next and Back, pasting hosts.
/// Offscreen. Saves a screenshot of every page into SPARKDECK_ARTIFACTS_DIR (or the working
/// directory) for a person to look at.
class tst_SetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnMachinesWithLocalDefault();
    void localPathToReviewAndSave();
    void mandatoryFieldsGateNext();
    void invalidValuesGateNext_data();
    void invalidValuesGateNext();
    void existingPathWithPastedRange();
    void hostInputRefusesBadRangeAndKeepsText();
    void workersBoundedByHosts();
    void backKeepsValues();
    void templatePrefills_data();
    void templatePrefills();
    void versionCarriesDefaultDownload();
    void swarmImageArchiveMustExist();
    void checkHostsReportsUnreachableHost();
    void saveCancelledStaysOpen();
    void screenshots();

private:
    void goNext();
    void goBack();
    bool nextEnabled() const;
    void typeInto(QLineEdit *edit, const QString &text);
    /// Name "demo", local, Next until Review.
    void walkLocalToReview();
    void saveScreenshot(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<SetupWizard> m_wizard;
    QTimer m_dialogWatchdog;
    QStringList m_unexpectedDialogs;
    QStringList m_expectedDialogs; ///< object names of message boxes to accept, once each
    QStringList m_answeredDialogs;
};

void tst_SetupWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("SparkDeckTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_setupwizard"));
    QVERIFY(installTranslators(QLocale(QLocale::English)));

    // A message box nobody expected would wait forever offscreen: close it and fail.
    m_dialogWatchdog.setInterval(50);
    connect(&m_dialogWatchdog, &QTimer::timeout, this, [this] {
        const auto boxes = QApplication::topLevelWidgets();
        for (QWidget *widget : boxes) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            const QString text = box->text() + QLatin1Char(' ') + box->informativeText();
            if (m_expectedDialogs.removeOne(box->objectName())) {
                m_answeredDialogs << text;
                box->accept();
            } else {
                m_unexpectedDialogs << text;
                box->reject();
            }
        }
    });
    m_dialogWatchdog.start();
}

void tst_SetupWizard::init()
{
    m_unexpectedDialogs.clear();
    m_expectedDialogs.clear();
    m_answeredDialogs.clear();
    m_wizard = std::make_unique<SetupWizard>();
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
}

void tst_SetupWizard::cleanup()
{
    m_wizard.reset();
    QVERIFY2(m_unexpectedDialogs.isEmpty(),
             qPrintable(m_unexpectedDialogs.join(QLatin1String(" | "))));
}

bool tst_SetupWizard::nextEnabled() const
{
    QAbstractButton *next = m_wizard->button(m_wizard->currentId() == SetupWizard::ReviewPageId
                                                 ? QWizard::FinishButton
                                                 : QWizard::NextButton);
    return next->isVisible() && next->isEnabled();
}

void tst_SetupWizard::goNext()
{
    QAbstractButton *next = m_wizard->button(QWizard::NextButton);
    QVERIFY2(next->isEnabled(),
             qPrintable(QStringLiteral("Next is disabled on page %1").arg(m_wizard->currentId())));
    QTest::mouseClick(next, Qt::LeftButton);
}

void tst_SetupWizard::goBack()
{
    QAbstractButton *back = m_wizard->button(QWizard::BackButton);
    QVERIFY(back->isEnabled());
    QTest::mouseClick(back, Qt::LeftButton);
}

void tst_SetupWizard::typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void tst_SetupWizard::walkLocalToReview()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("demo"));
    for (const int expected : {SetupWizard::SharedFolderPageId, SetupWizard::WorkersPageId,
                               SetupWizard::SoftwarePageId, SetupWizard::ReviewPageId}) {
        goNext();
        QCOMPARE(m_wizard->currentId(), expected);
    }
}

void tst_SetupWizard::saveScreenshot(const QString &name)
{
    QApplication::processEvents();
    const QImage image = m_wizard->grab().toImage();
    QVERIFY(!image.isNull());
    const QString dir = qEnvironmentVariable("SPARKDECK_ARTIFACTS_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    const QString png = QDir(dir).filePath(QStringLiteral("tst_setupwizard-%1.png").arg(name));
    QVERIFY2(image.save(png), qPrintable(png));
    qInfo("screenshot: %s", qPrintable(png));
}

void tst_SetupWizard::startsOnMachinesWithLocalDefault()
{
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::MachinesPageId));
    MachinesPage *page = m_wizard->machinesPage();
    QVERIFY(page->provider() == Provider::Local);
    QVERIFY(page->providerButton(Provider::Local)->isChecked());
    QVERIFY(page->providerButton(Provider::Existing)->isEnabled());
    // Every provider the core knows is listed; those of later releases are disabled.
    for (const QString &name : providerNames()) {
        const Provider provider = *providerFromString(name);
        QRadioButton *button = page->providerButton(provider);
        QVERIFY2(button, qPrintable(name));
        QCOMPARE(button->isEnabled(), MachinesPage::isAvailable(provider));
        if (!button->isEnabled())
            QCOMPARE(button->toolTip(), QStringLiteral("Coming in a later release"));
    }
    QVERIFY(page->nameEdit()->text().isEmpty());
    QVERIFY(!nextEnabled()); // the name is mandatory
    QVERIFY(!m_wizard->button(QWizard::BackButton)->isVisible());
}

void tst_SetupWizard::localPathToReviewAndSave()
{
    QSignalSpy saved(m_wizard.get(), &SetupWizard::clusterFileSaved);
    walkLocalToReview();
    QVERIFY(!m_wizard->visitedIds().contains(SetupWizard::HostsPageId)); // local skips Hosts

    ClusterSpec expected;
    expected.name = QStringLiteral("demo");
    QCOMPARE(m_wizard->spec(), expected);

    ReviewPage *review = m_wizard->reviewPage();
    const QString yaml = review->clusterFileView()->toPlainText();
    QVERIFY(review->clusterFileView()->isReadOnly());
    QVERIFY(review->clusterFileView()->font().fixedPitch()
            || QFontInfo(review->clusterFileView()->font()).fixedPitch());
    QVERIFY2(yaml.contains(QLatin1String("name: demo")), qPrintable(yaml));
    QVERIFY2(yaml.contains(QLatin1String("provider: local")), qPrintable(yaml));
    const QString plan = review->planView()->toPlainText();
    QVERIFY2(plan.contains(QLatin1String("demo")), qPrintable(plan));
    QVERIFY2(review->verdictLabel()->text().startsWith(QLatin1String("Ready")),
             qPrintable(review->verdictLabel()->text()));
    QCOMPARE(m_wizard->button(QWizard::FinishButton)->text(), QStringLiteral("&Save…"));
    QVERIFY(nextEnabled());

    const QString target = m_dir.filePath(QStringLiteral("saved/demo.yaml"));
    QDir().mkpath(QFileInfo(target).absolutePath());
    QString suggested;
    m_wizard->setSaveFileChooser([&](const QString &suggestion) {
        suggested = suggestion;
        return target;
    });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(QFileInfo(suggested).fileName(), QStringLiteral("demo.yaml"));
    QCOMPARE(QFileInfo(suggested).absolutePath(),
             QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toString(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(m_wizard->savedFile(), QFileInfo(target).absoluteFilePath());
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QVERIFY(!m_wizard->isVisible());

    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(target);
    QVERIFY2(loaded.diagnostics.isEmpty(),
             qPrintable(loaded.diagnostics.isEmpty() ? QString()
                                                     : loaded.diagnostics.constFirst().message));
    QCOMPARE(loaded.spec, expected);
}

void tst_SetupWizard::mandatoryFieldsGateNext()
{
    QLineEdit *name = m_wizard->machinesPage()->nameEdit();
    QVERIFY(!nextEnabled());
    typeInto(name, QStringLiteral("demo"));
    QVERIFY(nextEnabled());
    typeInto(name, QString());
    QVERIFY(!nextEnabled());
    typeInto(name, QStringLiteral("demo"));
    goNext();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SharedFolderPageId));
    SharedFolderPage *folder = m_wizard->sharedFolderPage();
    typeInto(folder->exportEdit(), QString());
    QVERIFY(!nextEnabled());
    typeInto(folder->exportEdit(), QStringLiteral("/srv/data"));
    QVERIFY(nextEnabled());
    goNext();
    goNext();

    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SoftwarePageId));
    SoftwarePage *software = m_wizard->softwarePage();
    for (QLineEdit *edit :
         {software->versionEdit(), software->distributionEdit(), software->imageEdit()}) {
        if (edit == software->imageEdit()) // the image is for swarm mode
            QTest::mouseClick(software->swarmButton(), Qt::LeftButton, {}, QPoint(6, 6));
        const QString before = edit->text();
        typeInto(edit, QString());
        QVERIFY2(!nextEnabled(), qPrintable(edit->objectName()));
        typeInto(edit, before);
        QVERIFY2(nextEnabled(), qPrintable(edit->objectName()));
    }
}

void tst_SetupWizard::invalidValuesGateNext_data()
{
    QTest::addColumn<int>("pageId");
    QTest::addColumn<QString>("field"); // object name of a QLineEdit on that page
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("message"); // object name of the label that must explain it
    QTest::addColumn<QString>("good");

    QTest::newRow("name uppercase") << int(SetupWizard::MachinesPageId) << "nameEdit"
                                    << "Demo"
                                    << "nameMessage"
                                    << "demo";
    QTest::newRow("name too long") << int(SetupWizard::MachinesPageId) << "nameEdit"
                                   << QString(41, QLatin1Char('a')) << "nameMessage"
                                   << "a1";
    QTest::newRow("name ends with dash") << int(SetupWizard::MachinesPageId) << "nameEdit"
                                         << "demo-"
                                         << "nameMessage"
                                         << "demo-1";
    QTest::newRow("export with ..") << int(SetupWizard::SharedFolderPageId) << "exportEdit"
                                    << "/srv/../etc"
                                    << "exportMessage"
                                    << "/srv/share";
    QTest::newRow("export relative") << int(SetupWizard::SharedFolderPageId) << "exportEdit"
                                     << "srv/share"
                                     << "exportMessage"
                                     << "/srv/share";
    QTest::newRow("mount is root") << int(SetupWizard::SharedFolderPageId) << "mountEdit"
                                   << "/"
                                   << "mountMessage"
                                   << "/mnt/share";
    QTest::newRow("mount with space") << int(SetupWizard::SharedFolderPageId) << "mountEdit"
                                      << "/mnt/my share"
                                      << "mountMessage"
                                      << "/mnt/my-share";
    QTest::newRow("version not a release") << int(SetupWizard::SoftwarePageId) << "sparkVersionEdit"
                                           << "3.5"
                                           << "versionMessage"
                                           << "3.5.8";
    QTest::newRow("version too old") << int(SetupWizard::SoftwarePageId) << "sparkVersionEdit"
                                     << "2.4.8"
                                     << "versionMessage"
                                     << "3.4.4";
    QTest::newRow("plain http") << int(SetupWizard::SoftwarePageId) << "distributionEdit"
                                << "http://example.com/spark.tgz"
                                << "distributionMessage"
                                << "https://example.com/spark.tgz";
    QTest::newRow("relative file") << int(SetupWizard::SoftwarePageId) << "distributionEdit"
                                   << "spark.tgz"
                                   << "distributionMessage"
                                   << "/opt/spark.tgz";
}

void tst_SetupWizard::invalidValuesGateNext()
{
    QFETCH(int, pageId);
    QFETCH(QString, field);
    QFETCH(QString, bad);
    QFETCH(QString, message);
    QFETCH(QString, good);

    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("demo"));
    while (m_wizard->currentId() != pageId)
        goNext();
    auto *edit = m_wizard->currentPage()->findChild<QLineEdit *>(field);
    auto *label = m_wizard->currentPage()->findChild<QLabel *>(message);
    QVERIFY(edit);
    QVERIFY(label);
    QVERIFY(nextEnabled());
    QVERIFY(!label->isVisible());
    typeInto(edit, bad);
    QVERIFY2(!nextEnabled(), qPrintable(bad));
    QVERIFY(label->isVisible());
    QVERIFY(!label->text().isEmpty());
    typeInto(edit, good);
    QVERIFY2(nextEnabled(), qPrintable(label->text()));
    QVERIFY(!label->isVisible());
}

void tst_SetupWizard::existingPathWithPastedRange()
{
    MachinesPage *machines = m_wizard->machinesPage();
    typeInto(machines->nameEdit(), QStringLiteral("lab"));
    QTest::mouseClick(machines->providerButton(Provider::Existing), Qt::LeftButton, Qt::NoModifier,
                      QPoint(8, 8));
    QVERIFY(machines->provider() == Provider::Existing);
    goNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostsPageId));

    HostsPage *hosts = m_wizard->hostsPage();
    HostListModel *model = hosts->model();
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!nextEnabled()); // provider existing needs hosts
    QVERIFY(!hosts->checkButton()->isEnabled());

    // Paste a range into the box and press Enter.
    QGuiApplication::clipboard()->setText(QStringLiteral("10.0.0.[11-13]\nnode4.lab.example"));
    hosts->hostsInput()->setFocus();
    QTest::keyClick(hosts->hostsInput(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(hosts->hostsInput()->toPlainText(),
             QStringLiteral("10.0.0.[11-13]\nnode4.lab.example"));
    QTest::keyClick(hosts->hostsInput(), Qt::Key_Return);
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(hosts->hostsInput()->toPlainText().isEmpty());
    QCOMPARE(model->hosts().at(0).address, QStringLiteral("10.0.0.11"));
    QCOMPARE(model->hosts().at(3).address, QStringLiteral("node4.lab.example"));
    QVERIFY(nextEnabled());

    // Ctrl+V on the table adds what the clipboard lists, skipping hosts already there.
    QGuiApplication::clipboard()->setText(QStringLiteral("10.0.0.13, 10.0.0.14"));
    hosts->table()->setFocus();
    QTest::keyClick(hosts->table(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(model->rowCount(), 5);

    // An address edited in place is checked in place, and gates Next.
    const QModelIndex address = model->index(4, HostListModel::AddressColumn);
    QVERIFY(model->setData(address, QStringLiteral("10.0.0.300")));
    QVERIFY(!nextEnabled());
    QVERIFY(model->index(4, HostListModel::StatusColumn)
                .data()
                .toString()
                .contains(QLatin1String("not an IP address")));
    QVERIFY(!hosts->checkButton()->isEnabled());
    QVERIFY(model->setData(address, QStringLiteral("10.0.0.11"))); // a duplicate
    QVERIFY(!nextEnabled());
    // Remove it with the Delete key.
    hosts->table()->clearSelection();
    hosts->table()->selectRow(4);
    QTest::keyClick(hosts->table(), Qt::Key_Delete);
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(nextEnabled());

    // The second host runs the master; SSH as spark on port 2222, one host on its own port.
    hosts->table()->clearSelection();
    hosts->table()->selectRow(1);
    QTest::mouseClick(hosts->findChild<QPushButton *>(QStringLiteral("makeMasterButton")),
                      Qt::LeftButton);
    QCOMPARE(model->masterRow(), 1);
    typeInto(hosts->findChild<QLineEdit *>(QStringLiteral("sshUserEdit")), QStringLiteral("spark"));
    auto *port = hosts->findChild<QSpinBox *>(QStringLiteral("sshPortSpin"));
    port->setValue(2222);
    QVERIFY(model->setData(model->index(3, HostListModel::PortColumn), QStringLiteral("22")));
    typeInto(hosts->findChild<QLineEdit *>(QStringLiteral("sshUserEdit")), QString());
    QVERIFY(!nextEnabled()); // the SSH user is mandatory
    typeInto(hosts->findChild<QLineEdit *>(QStringLiteral("sshUserEdit")), QStringLiteral("spark"));
    QVERIFY(nextEnabled());

    goNext(); // shared folder
    goNext(); // workers
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::WorkersPageId));
    m_wizard->workersPage()->countSpin()->setValue(3);
    goNext(); // software
    goNext(); // review
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::ReviewPageId));

    ClusterSpec expected;
    expected.name = QStringLiteral("lab");
    expected.machines.provider = Provider::Existing;
    for (const char *host : {"10.0.0.11", "10.0.0.12", "10.0.0.13", "node4.lab.example"}) {
        HostSpec spec;
        spec.address = QString::fromLatin1(host);
        expected.machines.hosts << spec;
    }
    expected.machines.hosts[1].role = HostRole::Master;
    expected.machines.hosts[3].port = 22;
    expected.machines.ssh.user = QStringLiteral("spark");
    expected.machines.ssh.port = 2222;
    expected.workers.count = 3;
    QCOMPARE(m_wizard->spec(), expected);
    QVERIFY(ClusterSpecValidator::validate(expected).isEmpty());

    const QString yaml = m_wizard->reviewPage()->clusterFileView()->toPlainText();
    QVERIFY2(yaml.contains(QLatin1String("10.0.0.12")), qPrintable(yaml));
    const QString plan = m_wizard->reviewPage()->planView()->toPlainText();
    QVERIFY2(plan.contains(QLatin1String("10.0.0.12")), qPrintable(plan));

    const QString target = m_dir.filePath(QStringLiteral("lab.yaml"));
    m_wizard->setSaveFileChooser([&](const QString &) { return target; });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(m_wizard->savedFile(), QFileInfo(target).absoluteFilePath());
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(target);
    QVERIFY2(loaded.diagnostics.isEmpty(),
             qPrintable(loaded.diagnostics.isEmpty() ? QString()
                                                     : loaded.diagnostics.constFirst().message));
    QCOMPARE(loaded.spec, expected);
}

void tst_SetupWizard::hostInputRefusesBadRangeAndKeepsText()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("lab"));
    m_wizard->machinesPage()->setProvider(Provider::Existing);
    goNext();
    HostsPage *hosts = m_wizard->hostsPage();
    auto *message = hosts->findChild<QLabel *>(QStringLiteral("hostsInputMessage"));
    QVERIFY(message);
    for (const char *bad :
         {"10.0.0.[20-11]", "10.0.[0-255].[0-255]", "node[1-[2-3]]", "10.0.0.[08-10]"}) {
        hosts->hostsInput()->setPlainText(QString::fromLatin1(bad));
        QVERIFY(!hosts->addHostsFromInput());
        QCOMPARE(hosts->hostsInput()->toPlainText(), QString::fromLatin1(bad));
        QVERIFY(message->isVisible());
        QVERIFY2(!message->text().isEmpty(), bad);
        QCOMPARE(hosts->model()->rowCount(), 0);
    }
    // Typing again hides the message; a good range goes in.
    hosts->hostsInput()->setPlainText(QStringLiteral("10.0.0.[11-20]"));
    QVERIFY(!message->isVisible());
    QTest::mouseClick(hosts->findChild<QPushButton *>(QStringLiteral("addHostsButton")),
                      Qt::LeftButton);
    QCOMPARE(hosts->model()->rowCount(), 10);
}

void tst_SetupWizard::workersBoundedByHosts()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("lab"));
    m_wizard->machinesPage()->setProvider(Provider::Existing);
    goNext();
    QVERIFY(m_wizard->hostsPage()->addHostsFromText(QStringLiteral("10.0.0.[1-3]")));
    goNext();
    goNext();
    QSpinBox *count = m_wizard->workersPage()->countSpin();
    QCOMPARE(count->maximum(), 3);
    count->setValue(3);
    QCOMPARE(m_wizard->workersPage()->coresSpin()->maximum(), Limits::kMaxCoresPerWorker);

    // Back to the hosts: with two hosts left, the count follows and says so.
    goBack();
    goBack();
    m_wizard->hostsPage()->model()->removeRows(2, 1);
    goNext();
    goNext();
    QCOMPARE(count->maximum(), 2);
    QCOMPARE(count->value(), 2);
    auto *clamped = m_wizard->workersPage()->findChild<QLabel *>(QStringLiteral("countClamped"));
    QVERIFY(clamped->isVisible());
    QVERIFY2(clamped->text().contains(QLatin1String("Lowered from 3 to 2")),
             qPrintable(clamped->text()));

    // Swarm places containers: no per-host bound (the page reads it when it shows again).
    goNext();
    m_wizard->softwarePage()->swarmButton()->setChecked(true);
    goBack();
    goBack();
    goNext();
    QVERIFY(count->maximum() > 2);

    // This computer: bounded by Limits only, and the page says what the computer has.
    m_wizard->restart();
    m_wizard->machinesPage()->setProvider(Provider::Local);
    goNext();
    goNext();
    QCOMPARE(count->maximum(), Limits::kMaxWorkers);
    auto *capacity
        = m_wizard->workersPage()->findChild<QLabel *>(QStringLiteral("workersCapacity"));
    QVERIFY2(capacity->text().startsWith(QLatin1String("This computer has")),
             qPrintable(capacity->text()));
}

void tst_SetupWizard::backKeepsValues()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("keep-me"));
    goNext();
    SharedFolderPage *folder = m_wizard->sharedFolderPage();
    typeInto(folder->mountEdit(), QStringLiteral("/mnt/shared"));
    goNext();
    WorkersPage *workers = m_wizard->workersPage();
    workers->countSpin()->setValue(5);
    workers->coresSpin()->setValue(3);
    workers->memorySpin()->setValue(3072);
    goNext();
    SoftwarePage *software = m_wizard->softwarePage();
    QTest::mouseClick(software->jupyterBox(), Qt::LeftButton, Qt::NoModifier, QPoint(6, 6));
    QVERIFY(software->jupyterBox()->isChecked());

    goBack();
    goBack();
    goBack();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::MachinesPageId));
    QCOMPARE(m_wizard->machinesPage()->nameEdit()->text(), QStringLiteral("keep-me"));
    goNext();
    QCOMPARE(folder->mountEdit()->text(), QStringLiteral("/mnt/shared"));
    goNext();
    QCOMPARE(workers->countSpin()->value(), 5);
    QCOMPARE(workers->coresSpin()->value(), 3);
    QCOMPARE(workers->memorySpin()->value(), 3072);
    goNext();
    QVERIFY(software->jupyterBox()->isChecked());
    goNext();

    const ClusterSpec spec = m_wizard->spec();
    QCOMPARE(spec.name, QStringLiteral("keep-me"));
    QCOMPARE(spec.sharedFolder.mountPath, QStringLiteral("/mnt/shared"));
    QCOMPARE(spec.workers.count, 5);
    QCOMPARE(spec.workers.cores, 3);
    QCOMPARE(spec.workers.memory, MemorySize::fromMebibytes(3072));
    QVERIFY(spec.jupyter.enabled);
}

void tst_SetupWizard::templatePrefills_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("hostCount");
    QTest::newRow("this-computer") << "this-computer" << 0;
    QTest::newRow("classroom") << "classroom" << 4;
}

void tst_SetupWizard::templatePrefills()
{
    QFETCH(QString, id);
    QFETCH(int, hostCount);
    QVERIFY(m_wizard->setTemplate(id));
    QVERIFY(!m_wizard->setTemplate(QStringLiteral("no-such-template")));
    const LoadedClusterFile loaded = ClusterFileLoader::loadText([&] {
        QFile file(QStringLiteral(":/templates/%1.yaml").arg(id));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }());
    QVERIFY(loaded.diagnostics.isEmpty());
    QCOMPARE(m_wizard->spec(), loaded.spec);
    QCOMPARE(m_wizard->hostsPage()->model()->rowCount(), hostCount);
    // Valid from the start: Next all the way to Review.
    while (m_wizard->currentId() != SetupWizard::ReviewPageId)
        goNext();
    QVERIFY(nextEnabled());
    QCOMPARE(m_wizard->visitedIds().contains(SetupWizard::HostsPageId), hostCount > 0);
    QCOMPARE(m_wizard->spec(), loaded.spec);
}

void tst_SetupWizard::versionCarriesDefaultDownload()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("demo"));
    while (m_wizard->currentId() != SetupWizard::SoftwarePageId)
        goNext();
    SoftwarePage *software = m_wizard->softwarePage();
    typeInto(software->versionEdit(), QStringLiteral("3.4.4"));
    QCOMPARE(software->distributionEdit()->text(), SoftwarePage::defaultDistribution("3.4.4"));
    QCOMPARE(software->imageEdit()->text(), QStringLiteral("apache/spark:3.4.4"));
    // A package the user chose stays when the version changes.
    typeInto(software->distributionEdit(), QStringLiteral("/opt/spark-3.4.4-bin-custom.tgz"));
    typeInto(software->versionEdit(), QStringLiteral("3.5.8"));
    QCOMPARE(software->distributionEdit()->text(),
             QStringLiteral("/opt/spark-3.4.4-bin-custom.tgz"));
    QVERIFY(nextEnabled()); // the version mismatch is a warning, shown but not blocking
    auto *message = software->findChild<QLabel *>(QStringLiteral("distributionMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(QLatin1String("Warning:")), qPrintable(message->text()));
    // Image and package follow the mode.
    QVERIFY(software->distributionEdit()->isEnabled());
    QVERIFY(!software->imageEdit()->isEnabled());
    software->swarmButton()->setChecked(true);
    QVERIFY(!software->distributionEdit()->isEnabled());
    QVERIFY(software->imageEdit()->isEnabled());
}

void tst_SetupWizard::swarmImageArchiveMustExist()
{
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("demo"));
    while (m_wizard->currentId() != SetupWizard::SoftwarePageId)
        goNext();
    SoftwarePage *software = m_wizard->softwarePage();
    QVERIFY(!software->imageArchiveEdit()->isEnabled()); // swarm mode only
    QTest::mouseClick(software->swarmButton(), Qt::LeftButton, {}, QPoint(6, 6));
    QVERIFY(software->imageArchiveEdit()->isEnabled());
    QVERIFY(nextEnabled()); // optional: nodes pull the image
    auto *message = software->findChild<QLabel *>(QStringLiteral("imageArchiveMessage"));
    QVERIFY(message);
    typeInto(software->imageArchiveEdit(), QStringLiteral("/nonexistent/spark-image.tar"));
    QVERIFY(!nextEnabled());
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("does not exist")), qPrintable(message->text()));
    QTemporaryFile archive;
    QVERIFY(archive.open());
    typeInto(software->imageArchiveEdit(), archive.fileName());
    QVERIFY2(nextEnabled(), qPrintable(message->text()));
    QVERIFY(!message->isVisible());
    goNext();
    QCOMPARE(m_wizard->spec().spark.imageArchive, archive.fileName());
}

void tst_SetupWizard::checkHostsReportsUnreachableHost()
{
    // A port where nothing listens: the SSH engine fails fast, without a lab.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 closedPort = probe.serverPort();
    probe.close();

    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("lab"));
    m_wizard->machinesPage()->setProvider(Provider::Existing);
    goNext();
    HostsPage *hosts = m_wizard->hostsPage();
    QVERIFY(hosts->addHostsFromText(QStringLiteral("127.0.0.1")));
    hosts->findChild<QSpinBox *>(QStringLiteral("sshPortSpin"))->setValue(closedPort);
    QVERIFY(hosts->checkButton()->isEnabled());

    QSignalSpy finished(hosts, &HostsPage::checkFinished);
    QTest::mouseClick(hosts->checkButton(), Qt::LeftButton);
    QVERIFY(hosts->isChecking());
    QVERIFY(!hosts->model()->isEditable());
    QVERIFY(!hosts->checkButton()->isEnabled());
    QVERIFY(finished.wait(20000));
    QVERIFY(!hosts->isChecking());
    QVERIFY(hosts->model()->isEditable());
    QCOMPARE(hosts->model()->checkState(0), HostListModel::CheckState::Failed);
    const QString status = hosts->model()->index(0, HostListModel::StatusColumn).data().toString();
    QVERIFY2(status.contains(QLatin1String("127.0.0.1")), qPrintable(status));
    auto *summary = hosts->findChild<QLabel *>(QStringLiteral("checkStatus"));
    QVERIFY2(summary->text().contains(QLatin1String("0 of 1 host answered")),
             qPrintable(summary->text()));
    // A failed check does not gate Next: the machines may simply be off today.
    QVERIFY(nextEnabled());
}

void tst_SetupWizard::saveCancelledStaysOpen()
{
    walkLocalToReview();
    m_wizard->setSaveFileChooser([](const QString &) { return QString(); });
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::ReviewPageId));
    QVERIFY(m_wizard->savedFile().isEmpty());

    // A folder that cannot be written: a message, and the wizard keeps everything.
    const QString blocked = m_dir.filePath(QStringLiteral("not-a-folder"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    m_wizard->setSaveFileChooser(
        [&](const QString &) { return blocked + QStringLiteral("/demo.yaml"); });
    m_expectedDialogs << QStringLiteral("saveErrorBox");
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(m_answeredDialogs.size(), 1);
    QVERIFY2(m_answeredDialogs.constFirst().contains(QLatin1String("could not save")),
             qPrintable(m_answeredDialogs.constFirst()));
    QVERIFY(m_wizard->isVisible());
    QVERIFY(m_wizard->savedFile().isEmpty());
}

void tst_SetupWizard::screenshots()
{
    m_wizard->resize(860, 680);
    saveScreenshot(QStringLiteral("1-machines-empty"));
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("Spark Lab"));
    saveScreenshot(QStringLiteral("1-machines-bad-name"));
    typeInto(m_wizard->machinesPage()->nameEdit(), QStringLiteral("spark-lab"));
    m_wizard->machinesPage()->setProvider(Provider::Existing);
    goNext();

    HostsPage *hosts = m_wizard->hostsPage();
    QVERIFY(hosts->addHostsFromText(QStringLiteral("192.168.56.[11-14]")));
    HostListModel *model = hosts->model();
    model->setCheckState(0, HostListModel::CheckState::Reachable,
                         QStringLiteral("Connected: Linux 6.1.0-18-amd64"));
    model->setCheckState(
        1, HostListModel::CheckState::AwaitingHostKey,
        QStringLiteral("New host key SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s: "
                       "waiting for your answer"));
    model->setCheckState(2, HostListModel::CheckState::Failed,
                         QStringLiteral("Connecting to 192.168.56.13 port 22 timed out after 10 s; "
                                        "check the address and any firewall in between."));
    model->setCheckState(3, HostListModel::CheckState::Checking, QStringLiteral("Connecting…"));
    saveScreenshot(QStringLiteral("2-hosts"));
    QVERIFY(model->addAddresses({QStringLiteral("192.168.56.300")}) == 1);
    hosts->hostsInput()->setPlainText(QStringLiteral("10.0.0.[20-11]"));
    hosts->addHostsFromInput();
    saveScreenshot(QStringLiteral("2-hosts-problems"));
    model->removeRows(4, 1);
    hosts->hostsInput()->clear();
    model->clearCheckStates();
    goNext();
    saveScreenshot(QStringLiteral("3-shared-folder"));
    typeInto(m_wizard->sharedFolderPage()->exportEdit(), QStringLiteral("/srv/../etc"));
    saveScreenshot(QStringLiteral("3-shared-folder-bad-path"));
    typeInto(m_wizard->sharedFolderPage()->exportEdit(), QStringLiteral("/srv/sparkdeck/share"));
    goNext();
    m_wizard->workersPage()->countSpin()->setValue(3);
    saveScreenshot(QStringLiteral("4-workers"));
    goNext();
    saveScreenshot(QStringLiteral("5-software"));
    goNext();
    saveScreenshot(QStringLiteral("6-review-file"));
    m_wizard->reviewPage()->tabs()->setCurrentIndex(1);
    saveScreenshot(QStringLiteral("6-review-plan"));

    // This computer, for the workers page's capacity line.
    m_wizard->restart();
    m_wizard->machinesPage()->setProvider(Provider::Local);
    goNext();
    goNext();
    saveScreenshot(QStringLiteral("4-workers-local"));
}

QTEST_MAIN(tst_SetupWizard)
#include "tst_setupwizard.moc"
