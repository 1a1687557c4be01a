#pragma once

#include "spec/clusterspec.h"

#include <QWizard>

#include <functional>

namespace SparkDeck {

class CloudPage;
class HostsPage;
class MachinesPage;
class ReviewPage;
class SetupWizardPage;
class SharedFolderPage;
class SoftwarePage;
class WorkersPage;

/// The setup wizard: a new cluster file in a few friendly steps, modelled on Ambari's install
/// wizard (machines -> hosts, checked -> workers -> software -> review) but shorter. Machines
/// that already exist go through the Hosts page; this computer skips it.
///
/// Rules: the wizard holds no cluster logic. spec() is the ClusterSpec the pages describe (the
/// spec given to setSpec(), with each page's fields written over it); every page checks its own
/// fields with ClusterSpecValidator, so Review is reached with a valid spec only. Finish asks
/// where to save the file (ClusterFileWriter), then emits clusterFileSaved().
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        MachinesPageId,
        CloudPageId,
        HostsPageId,
        SharedFolderPageId,
        WorkersPageId,
        SoftwarePageId,
        ReviewPageId,
    };
    Q_ENUM(PageId)

    /// Asked for the file to save to, with a suggested path; an empty answer means "cancel".
    using SaveFileChooser = std::function<QString(const QString &suggestedPath)>;

    explicit SetupWizard(QWidget *parent = nullptr);
    ~SetupWizard() override;

    ClusterSpec spec() const;
    /// Fills every page from `spec` (a template, or a cluster file to start from).
    void setSpec(const ClusterSpec &spec);
    /// Fills every page from a template of ClusterTemplates; false if there is no such template.
    bool setTemplate(const QString &templateId);
    bool isLoadingSpec() const { return m_loadingSpec; }

    /// The file Finish saved, empty until then.
    QString savedFile() const { return m_savedFile; }
    /// Replaces the save dialog (tests); the default asks with QFileDialog.
    void setSaveFileChooser(SaveFileChooser chooser) { m_saveFileChooser = std::move(chooser); }
    /// Where Finish suggests saving: `<name>.yaml` in the user's documents folder.
    QString suggestedFilePath() const;

    MachinesPage *machinesPage() const { return m_machinesPage; }
    CloudPage *cloudPage() const { return m_cloudPage; }
    HostsPage *hostsPage() const { return m_hostsPage; }
    SharedFolderPage *sharedFolderPage() const { return m_sharedFolderPage; }
    WorkersPage *workersPage() const { return m_workersPage; }
    SoftwarePage *softwarePage() const { return m_softwarePage; }
    ReviewPage *reviewPage() const { return m_reviewPage; }

    void accept() override;

Q_SIGNALS:
    /// Finish wrote the cluster file to `path`.
    void clusterFileSaved(const QString &path);

private:
    QList<SetupWizardPage *> specPages() const;
    bool saveSpec();

    ClusterSpec m_base;
    bool m_loadingSpec = false;
    QString m_savedFile;
    SaveFileChooser m_saveFileChooser;

    MachinesPage *m_machinesPage = nullptr;
    CloudPage *m_cloudPage = nullptr;
    HostsPage *m_hostsPage = nullptr;
    SharedFolderPage *m_sharedFolderPage = nullptr;
    WorkersPage *m_workersPage = nullptr;
    SoftwarePage *m_softwarePage = nullptr;
    ReviewPage *m_reviewPage = nullptr;
};

} // namespace SparkDeck
