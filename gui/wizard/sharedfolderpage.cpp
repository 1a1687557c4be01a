#include "sharedfolderpage.h"

#include "setupwizard.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace SparkDeck {

SharedFolderPage::SharedFolderPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("sharedFolderPage"));
    setTitle(tr("Shared Folder"));
    setSubTitle(tr("A folder every machine of the cluster sees at the same path: put data and "
                   "jobs there once."));

    m_enabled = new QCheckBox(tr("&Share a folder between the machines of the cluster"), this);
    m_enabled->setObjectName(QStringLiteral("sharedFolderEnabled"));

    m_details = new QWidget(this);
    m_masterServer = new QRadioButton(tr("The &master serves it"), m_details);
    m_masterServer->setObjectName(QStringLiteral("serverMaster"));
    m_otherServer = new QRadioButton(tr("&Another server:"), m_details);
    m_otherServer->setObjectName(QStringLiteral("serverOther"));
    auto *serverGroup = new QButtonGroup(this);
    serverGroup->addButton(m_masterServer);
    serverGroup->addButton(m_otherServer);
    m_serverEdit = new QLineEdit(m_details);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(tr("address or host name of an NFS server"));
    m_serverEdit->setAccessibleName(tr("Shared folder server"));
    auto *serverMessage = createMessageLabel(QStringLiteral("serverMessage"));

    m_exportEdit = new QLineEdit(m_details);
    m_exportEdit->setObjectName(QStringLiteral("exportEdit"));
    m_mountEdit = new QLineEdit(m_details);
    m_mountEdit->setObjectName(QStringLiteral("mountEdit"));
    auto *exportMessage = createMessageLabel(QStringLiteral("exportMessage"));
    auto *mountMessage = createMessageLabel(QStringLiteral("mountMessage"));
    registerField(QStringLiteral("exportPath*"), m_exportEdit);
    registerField(QStringLiteral("mountPath*"), m_mountEdit);
    bindMessage(QStringLiteral("shared_folder.server"), serverMessage, m_serverEdit);
    bindMessage(QStringLiteral("shared_folder.export"), exportMessage, m_exportEdit);
    bindMessage(QStringLiteral("shared_folder.mount"), mountMessage, m_mountEdit);

    auto *serverRow = new QHBoxLayout;
    serverRow->addWidget(m_otherServer);
    serverRow->addWidget(m_serverEdit, 1);
    auto *serverColumn = new QVBoxLayout;
    serverColumn->addWidget(m_masterServer);
    serverColumn->addLayout(serverRow);
    serverColumn->addWidget(serverMessage);

    const auto withMessage = [](QWidget *field, QLabel *message, const QString &hint) {
        auto *column = new QVBoxLayout;
        column->setSpacing(4);
        column->addWidget(field);
        auto *hintLabel = new QLabel(hint);
        hintLabel->setWordWrap(true);
        hintLabel->setForegroundRole(QPalette::PlaceholderText);
        column->addWidget(hintLabel);
        column->addWidget(message);
        return column;
    };
    auto *exportLabel = new QLabel(tr("&Folder on the server:"), m_details);
    exportLabel->setBuddy(m_exportEdit);
    auto *mountLabel = new QLabel(tr("M&ounted on the workers at:"), m_details);
    mountLabel->setBuddy(m_mountEdit);
    auto *serverLabel = new QLabel(tr("Served by:"), m_details);

    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(24, 8, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(serverLabel, serverColumn);
    form->addRow(
        exportLabel,
        withMessage(m_exportEdit, exportMessage,
                    tr("An absolute path; SparkDeck creates it and exports it over NFS.")));
    form->addRow(mountLabel,
                 withMessage(m_mountEdit, mountMessage,
                             tr("Usually the same path, so that a job finds its files at the "
                                "same place on every machine.")));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabled);
    layout->addWidget(m_details);
    layout->addStretch();
    addPageMessages(layout);

    connect(m_enabled, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        revalidate();
    });
    connect(m_otherServer, &QRadioButton::toggled, this, [this](bool other) {
        updateEnabled();
        if (other && m_serverEdit->text().isEmpty())
            m_serverEdit->setFocus();
        revalidate();
    });
    for (QLineEdit *edit : {m_serverEdit, m_exportEdit, m_mountEdit})
        connect(edit, &QLineEdit::textChanged, this, &SharedFolderPage::revalidate);
}

void SharedFolderPage::initializePage()
{
    // "The master" is this computer when the cluster runs here.
    const bool local = setupWizard() && setupWizard()->spec().machines.provider == Provider::Local;
    m_masterServer->setText(local ? tr("This &computer serves it (it runs the master)")
                                  : tr("The &master serves it"));
    SetupWizardPage::initializePage();
}

void SharedFolderPage::updateEnabled()
{
    m_details->setEnabled(m_enabled->isChecked());
    m_serverEdit->setEnabled(m_enabled->isChecked() && m_otherServer->isChecked());
}

void SharedFolderPage::readSpec(const ClusterSpec &spec)
{
    const SharedFolderSpec &folder = spec.sharedFolder;
    m_enabled->setChecked(folder.enabled);
    if (folder.servedByMaster()) {
        m_masterServer->setChecked(true);
        m_serverEdit->clear();
    } else {
        m_otherServer->setChecked(true);
        m_serverEdit->setText(folder.server);
    }
    m_exportEdit->setText(folder.exportPath);
    m_mountEdit->setText(folder.mountPath);
    updateEnabled();
}

void SharedFolderPage::writeSpec(ClusterSpec &spec) const
{
    SharedFolderSpec &folder = spec.sharedFolder;
    folder.enabled = m_enabled->isChecked();
    const QString server = m_serverEdit->text().trimmed();
    // Switched off with no server typed: nothing to complain about in widgets one cannot edit.
    const bool other = m_otherServer->isChecked() && (folder.enabled || !server.isEmpty());
    folder.server = other ? server : QStringLiteral("master");
    folder.exportPath = m_exportEdit->text().trimmed();
    folder.mountPath = m_mountEdit->text().trimmed();
}

QStringList SharedFolderPage::sections() const
{
    return {QStringLiteral("shared_folder")};
}

} // namespace SparkDeck
