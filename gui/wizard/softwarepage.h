#pragma once

#include "setupwizardpage.h"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLineEdit;
class QPushButton;
class QRadioButton;
QT_END_NAMESPACE

namespace SparkDeck {

/// Which Spark, and how it runs: the version, standalone (Spark's own daemons) or Docker Swarm,
/// where the Spark distribution comes from (an https URL or a local .tgz file) or which image
/// (and, for rooms without registry access, a `docker save` archive of it on this computer),
/// and a Jupyter notebook server on the master. The download and the image follow the version
/// while they are the defaults.
class SoftwarePage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit SoftwarePage(QWidget *parent = nullptr);

    /// The Apache archive's URL of a version's distribution, and the official image.
    static QString defaultDistribution(const QString &version);
    static QString defaultImage(const QString &version);

    QLineEdit *versionEdit() const { return m_versionEdit; }
    QRadioButton *standaloneButton() const { return m_standalone; }
    QRadioButton *swarmButton() const { return m_swarm; }
    QLineEdit *distributionEdit() const { return m_distributionEdit; }
    QLineEdit *imageEdit() const { return m_imageEdit; }
    QLineEdit *imageArchiveEdit() const { return m_imageArchiveEdit; }
    QCheckBox *jupyterBox() const { return m_jupyter; }

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;

private:
    void handleVersionEdited(const QString &version);
    void handleBrowseDistribution();
    void handleBrowseImageArchive();
    void updateEnabled();

    QLineEdit *m_versionEdit = nullptr;
    QRadioButton *m_standalone = nullptr;
    QRadioButton *m_swarm = nullptr;
    QLineEdit *m_distributionEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QPushButton *m_defaultButton = nullptr;
    QLineEdit *m_imageEdit = nullptr;
    QLineEdit *m_imageArchiveEdit = nullptr;
    QPushButton *m_browseArchiveButton = nullptr;
    QCheckBox *m_jupyter = nullptr;
    QString m_sha512;
    QString m_version; ///< the version the distribution and image were last matched with
};

} // namespace SparkDeck
