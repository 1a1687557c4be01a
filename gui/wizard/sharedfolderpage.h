#pragma once

#include "setupwizardpage.h"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;
QT_END_NAMESPACE

namespace SparkDeck {

/// A folder every worker sees at the same path (NFS): on or off, which machine serves it (the
/// master or another server), where it lives on the server and where the workers mount it.
/// Paths are checked in place with ClusterSpecValidator::isSafeRemotePath's rule.
class SharedFolderPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit SharedFolderPage(QWidget *parent = nullptr);

    QCheckBox *enabledBox() const { return m_enabled; }
    QRadioButton *masterButton() const { return m_masterServer; }
    QRadioButton *otherServerButton() const { return m_otherServer; }
    QLineEdit *serverEdit() const { return m_serverEdit; }
    QLineEdit *exportEdit() const { return m_exportEdit; }
    QLineEdit *mountEdit() const { return m_mountEdit; }

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    void initializePage() override;

private:
    void updateEnabled();

    QCheckBox *m_enabled = nullptr;
    QRadioButton *m_masterServer = nullptr;
    QRadioButton *m_otherServer = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QLineEdit *m_exportEdit = nullptr;
    QLineEdit *m_mountEdit = nullptr;
    QWidget *m_details = nullptr;
};

} // namespace SparkDeck
