#include "setupwizard.h"

#include "cloudpage.h"
#include "hostspage.h"
#include "machinespage.h"
#include "reviewpage.h"
#include "sharedfolderpage.h"
#include "softwarepage.h"
#include "workerspage.h"

#include "app/clustertemplates.h"
#include "app/guiresources.h"

#include "spec/clusterfileloader.h"
#include "spec/clusterfilewriter.h"
#include "spec/clusterspecvalidator.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>

namespace SparkDeck {

SetupWizard::SetupWizard(QWidget *parent)
    : QWizard(parent)
{
    ensureGuiResources();
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("New Cluster"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/sparkdeck.svg")).pixmap(48, 48));

    m_machinesPage = new MachinesPage(this);
    m_cloudPage = new CloudPage(this);
    m_hostsPage = new HostsPage(this);
    m_sharedFolderPage = new SharedFolderPage(this);
    m_workersPage = new WorkersPage(this);
    m_softwarePage = new SoftwarePage(this);
    m_reviewPage = new ReviewPage(this);
    setPage(MachinesPageId, m_machinesPage);
    setPage(CloudPageId, m_cloudPage);
    setPage(HostsPageId, m_hostsPage);
    setPage(SharedFolderPageId, m_sharedFolderPage);
    setPage(WorkersPageId, m_workersPage);
    setPage(SoftwarePageId, m_softwarePage);
    setPage(ReviewPageId, m_reviewPage);
    setStartId(MachinesPageId);

    setSpec(ClusterSpec());
    resize(860, 680);
}

SetupWizard::~SetupWizard() = default;

QList<SetupWizardPage *> SetupWizard::specPages() const
{
    // In this order: the cloud and hosts pages read the provider the machines page wrote.
    return {m_machinesPage, m_cloudPage,    m_hostsPage,  m_sharedFolderPage,
            m_workersPage,  m_softwarePage, m_reviewPage};
}

ClusterSpec SetupWizard::spec() const
{
    ClusterSpec spec = m_base;
    for (const SetupWizardPage *page : specPages())
        page->writeSpec(spec);
    return spec;
}

void SetupWizard::setSpec(const ClusterSpec &spec)
{
    m_base = spec;
    m_loadingSpec = true;
    for (SetupWizardPage *page : specPages())
        page->readSpec(spec);
    m_loadingSpec = false;
    if (auto *page = qobject_cast<SetupWizardPage *>(currentPage()))
        page->revalidate();
}

bool SetupWizard::setTemplate(const QString &templateId)
{
    const QByteArray text = ClusterTemplates::text(templateId);
    if (text.isEmpty())
        return false;
    const LoadedClusterFile loaded = ClusterFileLoader::loadText(text);
    setSpec(loaded.spec);
    for (const ClusterTemplates::Template &clusterTemplate : ClusterTemplates::all()) {
        if (clusterTemplate.id == templateId) {
            setWindowTitle(
                tr("New Cluster: %1").arg(QString(clusterTemplate.title).remove(QLatin1Char('&'))));
        }
    }
    return true;
}

QString SetupWizard::suggestedFilePath() const
{
    const QString name = spec().name;
    const QString fileName
        = (ClusterSpecValidator::isValidClusterName(name) ? name : QStringLiteral("cluster"))
          + QStringLiteral(".yaml");
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(fileName);
}

void SetupWizard::accept()
{
    if (!validateCurrentPage() || !saveSpec())
        return;
    QWizard::accept();
}

bool SetupWizard::saveSpec()
{
    const ClusterSpec clusterSpec = spec();
    if (hasErrors(ClusterSpecValidator::validate(clusterSpec)))
        return false; // the pages do not let this happen; never save a file that cannot load
    QString path;
    if (m_saveFileChooser) {
        path = m_saveFileChooser(suggestedFilePath());
    } else {
        QFileDialog dialog(this, tr("Save Cluster File"), suggestedFilePath(),
                           tr("Cluster files (*.yaml *.yml);;All files (*)"));
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("yaml"));
        dialog.selectFile(suggestedFilePath());
        if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
            path = dialog.selectedFiles().constFirst();
    }
    if (path.isEmpty())
        return false;

    const Status saved = ClusterFileWriter::save(clusterSpec, path);
    if (!saved) {
        QMessageBox box(QMessageBox::Warning, tr("Cannot Save"),
                        tr("SparkDeck could not save “%1”.")
                            .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
                        QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("saveErrorBox"));
        box.setInformativeText(tr("%1\n\nThe wizard keeps everything you entered: choose another "
                                  "folder and save again.")
                                   .arg(saved.errorMessage()));
        box.exec();
        return false;
    }
    m_savedFile = QFileInfo(path).absoluteFilePath();
    Q_EMIT clusterFileSaved(m_savedFile);
    return true;
}

} // namespace SparkDeck
