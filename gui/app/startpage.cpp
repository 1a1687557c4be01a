#include "startpage.h"

#include "clustertemplates.h"
#include "guiresources.h"
#include "mainwindow.h"
#include "recentfiles.h"

#include "dashboard/clusterwindow.h"
#include "spec/clusterfileloader.h"
#include "wizard/setupwizard.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    label->setContentsMargins(4, 0, 0, 2);
    return label;
}

/// "~/Documents/clusters" rather than "/home/ana/Documents/clusters".
QString shortFolder(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString home = QDir::homePath();
    if (folder == home)
        return QStringLiteral("~");
    if (folder.startsWith(home + QLatin1Char('/')))
        return QStringLiteral("~") + QDir::toNativeSeparators(folder.mid(home.size()));
    return QDir::toNativeSeparators(folder);
}

QCommandLinkButton *bigButton(const QString &objectName, const QString &text,
                              const QString &description, QWidget *parent)
{
    auto *button = new QCommandLinkButton(text, description, parent);
    button->setObjectName(objectName);
    QFont font = button->font(); // the title; the description keeps the normal size
    font.setPointSizeF(font.pointSizeF() * 1.15);
    button->setFont(font);
    button->setAutoDefault(false);
    return button;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    ensureGuiResources();
    setObjectName(QStringLiteral("startPage"));
    setWindowTitle(tr("SparkDeck"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sparkdeck.svg")));
    m_recentFiles = new RecentFiles(this);

    // --- header: icon, name, tagline
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("appIcon"));
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/sparkdeck.svg")).pixmap(QSize(72, 72), ratio);
    icon->setPixmap(pixmap);
    icon->setFixedSize(72, 72);
    auto *title = new QLabel(tr("SparkDeck"), this);
    title->setObjectName(QStringLiteral("appTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.2);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *tagline
        = new QLabel(tr("A working Apache Spark cluster on the machines you have."), this);
    tagline->setObjectName(QStringLiteral("tagline"));
    QFont taglineFont = tagline->font();
    taglineFont.setPointSizeF(taglineFont.pointSizeF() * 1.15);
    tagline->setFont(taglineFont);
    tagline->setWordWrap(true);
    auto *titleColumn = new QVBoxLayout;
    titleColumn->setSpacing(2);
    titleColumn->addStretch();
    titleColumn->addWidget(title);
    titleColumn->addWidget(tagline);
    titleColumn->addStretch();
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(icon);
    header->addLayout(titleColumn, 1);

    // --- left column: start, templates
    m_newButton = bigButton(QStringLiteral("newClusterButton"), tr("&New Cluster…"),
                            tr("Step by step: machines, workers, Spark, then a cluster file to "
                               "keep."),
                            this);
    m_openButton = bigButton(QStringLiteral("openClusterFileButton"), tr("&Open Cluster File…"),
                             tr("A .yaml cluster file that you or a colleague wrote."), this);
    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(sectionHeading(tr("Start"), this));
    left->addWidget(m_newButton);
    left->addWidget(m_openButton);
    left->addSpacing(14);
    left->addWidget(sectionHeading(tr("Templates"), this));
    for (const ClusterTemplates::Template &clusterTemplate : ClusterTemplates::all()) {
        auto *button = bigButton(QStringLiteral("template-") + clusterTemplate.id,
                                 clusterTemplate.summary, clusterTemplate.description, this);
        button->setProperty("templateId", clusterTemplate.id);
        const QString id = clusterTemplate.id;
        connect(button, &QPushButton::clicked, this, [this, id] { newCluster(id); });
        m_templateButtons << button;
        left->addWidget(button);
    }
    left->addStretch();

    // --- right column: recent clusters
    m_recentLayout = new QVBoxLayout;
    m_recentLayout->setSpacing(4);
    m_noRecent = new QLabel(tr("Clusters you create or open appear here."), this);
    m_noRecent->setObjectName(QStringLiteral("noRecentClusters"));
    m_noRecent->setWordWrap(true);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_noRecent->setContentsMargins(8, 8, 8, 8);
    m_clearButton = new QPushButton(tr("&Clear List"), this);
    m_clearButton->setObjectName(QStringLiteral("clearRecentButton"));
    m_clearButton->setFlat(true);
    m_clearButton->setAutoDefault(false);
    auto *recentList = new QWidget(this);
    auto *recentListLayout = new QVBoxLayout(recentList);
    recentListLayout->setContentsMargins(0, 0, 0, 0);
    recentListLayout->addLayout(m_recentLayout);
    recentListLayout->addWidget(m_noRecent);
    recentListLayout->addStretch();
    auto *recentScroll = new QScrollArea(this);
    recentScroll->setObjectName(QStringLiteral("recentClusters"));
    recentScroll->setWidget(recentList);
    recentScroll->setWidgetResizable(true);
    recentScroll->setFrameShape(QFrame::NoFrame);
    recentScroll->setFocusPolicy(Qt::NoFocus);
    recentScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    recentScroll->viewport()->setAutoFillBackground(false);
    recentList->setAutoFillBackground(false);
    auto *clearRow = new QHBoxLayout;
    clearRow->addStretch();
    clearRow->addWidget(m_clearButton);
    auto *right = new QVBoxLayout;
    right->setSpacing(4);
    right->addWidget(sectionHeading(tr("Recent Clusters"), this));
    right->addWidget(recentScroll, 1);
    right->addLayout(clearRow);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(32);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *version = new QLabel(tr("Version %1").arg(QCoreApplication::applicationVersion()), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    version->setForegroundRole(QPalette::PlaceholderText);
    version->setVisible(!QCoreApplication::applicationVersion().isEmpty());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(36, 28, 36, 20);
    layout->setSpacing(12);
    layout->addLayout(header);
    layout->addSpacing(18);
    layout->addLayout(columns, 1);
    layout->addWidget(version);

    connect(m_newButton, &QPushButton::clicked, this, [this] { newCluster(); });
    connect(m_openButton, &QPushButton::clicked, this, &StartPage::chooseClusterFile);
    connect(m_clearButton, &QPushButton::clicked, m_recentFiles, &RecentFiles::clear);
    connect(m_recentFiles, &RecentFiles::filesChanged, this, &StartPage::updateRecentList);

    auto *newShortcut = new QShortcut(QKeySequence::New, this);
    connect(newShortcut, &QShortcut::activated, this, [this] { newCluster(); });
    auto *openShortcut = new QShortcut(QKeySequence::Open, this);
    connect(openShortcut, &QShortcut::activated, this, &StartPage::chooseClusterFile);
    auto *quitShortcut = new QShortcut(QKeySequence::Quit, this);
    connect(quitShortcut, &QShortcut::activated, this, &QWidget::close);

    updateRecentList();
    resize(920, 600);
    setMinimumSize(640, 480);
    m_newButton->setFocus();
}

StartPage::~StartPage() = default;

void StartPage::updateRecentList()
{
    qDeleteAll(m_recentButtons);
    m_recentButtons.clear();
    const QStringList files = m_recentFiles->files();
    QWidget *previous = m_templateButtons.isEmpty() ? m_openButton : m_templateButtons.constLast();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        // No file system access here (a slow network folder must not delay the first paint):
        // a file that went away is noticed when it is opened.
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QLatin1String("&&"));
        const QString text = i < 9 ? QStringLiteral("&%1  %2").arg(i + 1).arg(name) : name;
        auto *button = bigButton(QStringLiteral("recent-%1").arg(i), text, shortFolder(path),
                                 m_recentLayout->parentWidget());
        button->setToolTip(QDir::toNativeSeparators(path));
        button->setProperty("path", path);
        connect(button, &QPushButton::clicked, this, [this, path] { openCluster(path); });
        m_recentLayout->addWidget(button);
        m_recentButtons << button;
        setTabOrder(previous, button);
        previous = button;
    }
    setTabOrder(previous, m_clearButton);
    m_noRecent->setVisible(files.isEmpty());
    m_clearButton->setEnabled(!files.isEmpty());
}

void StartPage::keyPressEvent(QKeyEvent *event)
{
    // The big buttons form one list: the arrows move through it as Tab does.
    if (event->modifiers() == Qt::NoModifier
        && (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)) {
        focusNextPrevChild(event->key() == Qt::Key_Down);
        return;
    }
    QWidget::keyPressEvent(event);
}

QWidget *StartPage::openCluster(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        offerToForget(path);
        return nullptr;
    }
    auto *cluster = new ClusterWindow;
    cluster->setAttribute(Qt::WA_DeleteOnClose);
    QWidget *window = cluster;
    if (!cluster->openFile(path)) {
        // Problems in the file (or a provider that cannot work yet): the editor shows them.
        delete cluster;
        auto *editor = new MainWindow;
        editor->setAttribute(Qt::WA_DeleteOnClose);
        if (!editor->openFile(path)) { // it said why
            delete editor;
            return nullptr;
        }
        window = editor;
    }
    window->show();
    Q_EMIT clusterWindowOpened(window);
    close();
    return window;
}

void StartPage::offerToBringUp(const QString &path)
{
    const LoadedClusterFile loaded = ClusterFileLoader::loadFile(path);
    const QString name = loaded.ok() ? loaded.spec.name : QFileInfo(path).completeBaseName();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Bring It Up Now?"),
                                tr("“%1” is saved. Bring it up now?").arg(name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("bringUpQuestion"));
    box->setTextFormat(Qt::PlainText);
    const QString where = loaded.ok() && loaded.spec.machines.provider == Provider::Local
                              ? tr("on this computer")
                              : tr("on its machines");
    box->setInformativeText(
        tr("SparkDeck installs, configures and starts Spark %1: a master and %n worker(s). You "
           "follow each host as it goes and can cancel at any time; what is done stays done.",
           nullptr, loaded.ok() ? loaded.spec.workers.count : 0)
            .arg(where));
    QPushButton *now = box->addButton(tr("&Bring Up Now"), QMessageBox::AcceptRole);
    box->addButton(tr("&Later"), QMessageBox::RejectRole);
    box->setDefaultButton(now);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, now, path] {
        const bool bringUp = box->clickedButton() == now;
        if (auto *cluster = qobject_cast<ClusterWindow *>(openCluster(path)); cluster && bringUp)
            cluster->bringUp();
    });
    box->open();
}

void StartPage::offerToForget(const QString &path)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cluster File Not Found"),
        tr("“%1” is no longer in %2.").arg(QFileInfo(path).fileName(), shortFolder(path)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("missingFileBox"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("It was moved, renamed or deleted, or its disk is not connected. "
                               "Remove it from the recent clusters?"));
    QPushButton *remove = box->addButton(tr("&Remove From List"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(remove);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, path] {
        if (box->clickedButton() == remove)
            m_recentFiles->remove(path);
    });
    box->open();
}

SetupWizard *StartPage::newCluster(const QString &templateId)
{
    if (m_wizard) { // one at a time
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *wizard = new SetupWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!templateId.isEmpty())
        wizard->setTemplate(templateId);
    // Queued: the question comes once the wizard has closed.
    connect(
        wizard, &SetupWizard::clusterFileSaved, this,
        [this](const QString &path) { offerToBringUp(path); }, Qt::QueuedConnection);
    m_wizard = wizard;
    wizard->open();
    Q_EMIT wizardOpened(wizard);
    return wizard;
}

void StartPage::chooseClusterFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Cluster File"), RecentFiles::lastFolder(),
                                       tr("Cluster files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    RecentFiles::rememberFolderOf(path);
    openCluster(path);
}

} // namespace SparkDeck
