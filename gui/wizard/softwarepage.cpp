#include "softwarepage.h"

#include "setupwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SoftwarePage::SoftwarePage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("softwarePage"));
    setTitle(tr("Software"));
    setSubTitle(tr("Which Spark the cluster runs, and how."));

    m_versionEdit = new QLineEdit(this);
    m_versionEdit->setObjectName(QStringLiteral("sparkVersionEdit"));
    m_versionEdit->setPlaceholderText(QStringLiteral("3.5.8"));
    m_versionEdit->setMaximumWidth(160);
    registerField(QStringLiteral("sparkVersion*"), m_versionEdit);
    auto *versionMessage = createMessageLabel(QStringLiteral("versionMessage"));
    bindMessage(QStringLiteral("spark.version"), versionMessage, m_versionEdit);

    auto *deployBox = new QGroupBox(tr("How Spark runs"), this);
    m_standalone
        = new QRadioButton(tr("S&tandalone: Spark's own master and worker processes"), deployBox);
    m_standalone->setObjectName(QStringLiteral("deployStandalone"));
    m_swarm
        = new QRadioButton(tr("Docker S&warm: the master and workers as containers"), deployBox);
    m_swarm->setObjectName(QStringLiteral("deploySwarm"));
    auto *deployGroup = new QButtonGroup(this);
    deployGroup->addButton(m_standalone);
    deployGroup->addButton(m_swarm);

    m_distributionEdit = new QLineEdit(deployBox);
    m_distributionEdit->setObjectName(QStringLiteral("distributionEdit"));
    m_distributionEdit->setAccessibleName(tr("Spark distribution"));
    registerField(QStringLiteral("sparkDistribution*"), m_distributionEdit);
    m_browseButton = new QPushButton(tr("&File…"), deployBox);
    m_browseButton->setObjectName(QStringLiteral("browseDistributionButton"));
    m_browseButton->setToolTip(tr("Use a Spark .tgz file on this computer"));
    m_defaultButton = new QPushButton(tr("&Download"), deployBox);
    m_defaultButton->setObjectName(QStringLiteral("defaultDistributionButton"));
    m_defaultButton->setToolTip(tr("Download this version from the Apache archive"));
    auto *distributionMessage = createMessageLabel(QStringLiteral("distributionMessage"));
    bindMessage(QStringLiteral("spark.distribution"), distributionMessage, m_distributionEdit);
    bindMessage(QStringLiteral("spark.sha512"), distributionMessage);

    m_imageEdit = new QLineEdit(deployBox);
    m_imageEdit->setObjectName(QStringLiteral("imageEdit"));
    m_imageEdit->setAccessibleName(tr("Docker image"));
    registerField(QStringLiteral("sparkImage*"), m_imageEdit);
    auto *imageMessage = createMessageLabel(QStringLiteral("imageMessage"));
    bindMessage(QStringLiteral("spark.image"), imageMessage, m_imageEdit);

    m_imageArchiveEdit = new QLineEdit(deployBox);
    m_imageArchiveEdit->setObjectName(QStringLiteral("imageArchiveEdit"));
    m_imageArchiveEdit->setAccessibleName(tr("Docker image archive"));
    m_imageArchiveEdit->setPlaceholderText(tr("none: every node pulls the image"));
    m_browseArchiveButton = new QPushButton(tr("C&hoose…"), deployBox);
    m_browseArchiveButton->setObjectName(QStringLiteral("browseImageArchiveButton"));
    m_browseArchiveButton->setToolTip(tr("Use an image archive made by 'docker save'"));
    auto *imageArchiveMessage = createMessageLabel(QStringLiteral("imageArchiveMessage"));
    bindMessage(QStringLiteral("spark.image_archive"), imageArchiveMessage, m_imageArchiveEdit);

    auto *distributionLabel = new QLabel(tr("Spark &package:"), deployBox);
    distributionLabel->setBuddy(m_distributionEdit);
    auto *imageLabel = new QLabel(tr("Docker &image:"), deployBox);
    imageLabel->setBuddy(m_imageEdit);
    auto *imageArchiveLabel = new QLabel(tr("Image a&rchive:"), deployBox);
    imageArchiveLabel->setBuddy(m_imageArchiveEdit);

    auto *deployGrid = new QGridLayout(deployBox);
    deployGrid->setColumnStretch(1, 1);
    deployGrid->addWidget(m_standalone, 0, 0, 1, 4);
    deployGrid->addWidget(distributionLabel, 1, 0);
    deployGrid->addWidget(m_distributionEdit, 1, 1);
    deployGrid->addWidget(m_browseButton, 1, 2);
    deployGrid->addWidget(m_defaultButton, 1, 3);
    deployGrid->addWidget(hintLabel(tr("An https URL or a .tgz file on this computer; it is "
                                       "copied to the cluster once and its checksum verified."),
                                    deployBox),
                          2, 1, 1, 3);
    deployGrid->addWidget(distributionMessage, 3, 1, 1, 3);
    deployGrid->setRowMinimumHeight(4, 8);
    deployGrid->addWidget(m_swarm, 5, 0, 1, 4);
    deployGrid->addWidget(imageLabel, 6, 0);
    deployGrid->addWidget(m_imageEdit, 6, 1, 1, 3);
    deployGrid->addWidget(imageMessage, 7, 1, 1, 3);
    deployGrid->addWidget(imageArchiveLabel, 8, 0);
    deployGrid->addWidget(m_imageArchiveEdit, 8, 1, 1, 2);
    deployGrid->addWidget(m_browseArchiveButton, 8, 3);
    deployGrid->addWidget(hintLabel(tr("Optional, for machines without registry access: a "
                                       "'docker save' file of the image on this computer; it is "
                                       "copied to the cluster once and loaded on every node."),
                                    deployBox),
                          9, 1, 1, 3);
    deployGrid->addWidget(imageArchiveMessage, 10, 1, 1, 3);
    const int indent = m_standalone->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth)
                       + m_standalone->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing);
    distributionLabel->setIndent(indent);
    imageLabel->setIndent(indent);
    imageArchiveLabel->setIndent(indent);

    m_jupyter = new QCheckBox(tr("Run a &Jupyter notebook server on the master"), this);
    m_jupyter->setObjectName(QStringLiteral("jupyterEnabled"));
    auto *jupyterHint = hintLabel(tr("Notebooks reach the cluster's Spark directly; SparkDeck "
                                     "opens them through its SSH tunnel."),
                                  this);
    jupyterHint->setIndent(indent);

    auto *versionLabel = new QLabel(tr("Spark &version:"), this);
    versionLabel->setBuddy(m_versionEdit);
    auto *form = new QFormLayout;
    auto *versionColumn = new QVBoxLayout;
    versionColumn->setSpacing(4);
    versionColumn->addWidget(m_versionEdit);
    versionColumn->addWidget(versionMessage);
    form->addRow(versionLabel, versionColumn);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(deployBox);
    layout->addSpacing(6);
    layout->addWidget(m_jupyter);
    layout->addWidget(jupyterHint);
    layout->addStretch();
    addPageMessages(layout);

    connect(m_versionEdit, &QLineEdit::textEdited, this, &SoftwarePage::handleVersionEdited);
    connect(m_versionEdit, &QLineEdit::textChanged, this, &SoftwarePage::revalidate);
    connect(m_distributionEdit, &QLineEdit::textChanged, this, &SoftwarePage::revalidate);
    connect(m_imageEdit, &QLineEdit::textChanged, this, &SoftwarePage::revalidate);
    connect(m_imageArchiveEdit, &QLineEdit::textChanged, this, &SoftwarePage::revalidate);
    connect(m_standalone, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        revalidate();
    });
    connect(m_jupyter, &QCheckBox::toggled, this, &SoftwarePage::revalidate);
    connect(m_browseButton, &QPushButton::clicked, this, &SoftwarePage::handleBrowseDistribution);
    connect(m_browseArchiveButton, &QPushButton::clicked, this,
            &SoftwarePage::handleBrowseImageArchive);
    connect(m_defaultButton, &QPushButton::clicked, this, [this] {
        m_distributionEdit->setText(defaultDistribution(m_versionEdit->text().trimmed()));
        m_sha512.clear();
    });
}

QString SoftwarePage::defaultDistribution(const QString &version)
{
    return QStringLiteral("https://archive.apache.org/dist/spark/spark-%1/spark-%1-bin-hadoop3.tgz")
        .arg(version);
}

QString SoftwarePage::defaultImage(const QString &version)
{
    return QStringLiteral("apache/spark:%1").arg(version);
}

void SoftwarePage::handleVersionEdited(const QString &text)
{
    // The download and the image follow the version as long as nobody chose others.
    const QString version = text.trimmed();
    if (m_distributionEdit->text() == defaultDistribution(m_version)) {
        m_distributionEdit->setText(defaultDistribution(version));
        m_sha512.clear(); // the checksum was the old version's
    }
    if (m_imageEdit->text() == defaultImage(m_version))
        m_imageEdit->setText(defaultImage(version));
    m_version = version;
}

void SoftwarePage::handleBrowseDistribution()
{
    const QString current = m_distributionEdit->text();
    const QString start = current.startsWith(QLatin1Char('/')) ? current : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Spark Package"), start,
                                                      tr("Spark packages (*.tgz *.tar.gz);;All "
                                                         "files (*)"));
    if (path.isEmpty())
        return;
    m_distributionEdit->setText(QDir::fromNativeSeparators(path));
    m_sha512.clear();
}

void SoftwarePage::handleBrowseImageArchive()
{
    const QString current = m_imageArchiveEdit->text();
    const QString start = current.startsWith(QLatin1Char('/')) ? current : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose an Image Archive"), start,
                                                      tr("Image archives (*.tar *.tar.gz);;All "
                                                         "files (*)"));
    if (!path.isEmpty())
        m_imageArchiveEdit->setText(QDir::fromNativeSeparators(path));
}

void SoftwarePage::updateEnabled()
{
    const bool standalone = m_standalone->isChecked();
    m_distributionEdit->setEnabled(standalone);
    m_browseButton->setEnabled(standalone);
    m_defaultButton->setEnabled(standalone);
    m_imageEdit->setEnabled(!standalone);
    m_imageArchiveEdit->setEnabled(!standalone);
    m_browseArchiveButton->setEnabled(!standalone);
}

void SoftwarePage::readSpec(const ClusterSpec &spec)
{
    const SparkSpec &spark = spec.spark;
    m_version = spark.version;
    m_versionEdit->setText(spark.version);
    (spark.deploy == DeployMode::Standalone ? m_standalone : m_swarm)->setChecked(true);
    m_distributionEdit->setText(spark.distribution);
    m_imageEdit->setText(spark.image);
    m_imageArchiveEdit->setText(spark.imageArchive);
    m_sha512 = spark.sha512;
    m_jupyter->setChecked(spec.jupyter.enabled);
    updateEnabled();
}

void SoftwarePage::writeSpec(ClusterSpec &spec) const
{
    SparkSpec &spark = spec.spark;
    spark.version = m_versionEdit->text().trimmed();
    spark.deploy = m_standalone->isChecked() ? DeployMode::Standalone : DeployMode::Swarm;
    spark.distribution = m_distributionEdit->text().trimmed();
    spark.image = m_imageEdit->text().trimmed();
    spark.imageArchive = m_imageArchiveEdit->text().trimmed();
    spark.sha512 = m_sha512;
    spec.jupyter.enabled = m_jupyter->isChecked();
}

QStringList SoftwarePage::sections() const
{
    return {QStringLiteral("spark"), QStringLiteral("jupyter")};
}

} // namespace SparkDeck
