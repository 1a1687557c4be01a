#pragma once

#include "setupwizardpage.h"

#include "spec/hostlistmodel.h"

#include <QList>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
QT_END_NAMESPACE

namespace SparkDeck {

struct ExecResult;
class HostKeyPrompter;
class SshFanOut;
class SshSessionPool;

/// The machines of provider `existing`: a table of hosts (typed, pasted, or ranges such as
/// `10.0.0.[11-20]`, expanded by HostRangeExpander), how SSH reaches them, and "Check hosts",
/// which logs in to each host with the SSH engine and runs `uname -sr`.
///
/// Rules: the check never blocks the GUI thread (SshFanOut over an SshSessionPool, all
/// signals); a host key that known_hosts does not list is shown with its SHA256 fingerprint
/// for the user to accept or refuse (policy `ask`), one question at a time, in a window-modal
/// box that does not block either. The table is read-only while a check runs; leaving the page
/// stops the check. The page gates on the validator's verdict for `machines`.
class HostsPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit HostsPage(QWidget *parent = nullptr);
    ~HostsPage() override;

    HostListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QPlainTextEdit *hostsInput() const { return m_input; }
    QPushButton *checkButton() const { return m_checkButton; }
    bool isChecking() const;

    /// Expands the input box's text and appends the hosts; false (with a message under the box)
    /// when the text has a mistake, which then stays in the box to be fixed.
    bool addHostsFromInput();
    /// Appends hosts from text in the input box's syntax (the clipboard, for Ctrl+V).
    bool addHostsFromText(const QString &text);
    void startCheck();
    void stopCheck();

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    int nextId() const override;
    bool validatePage() override;
    void cleanupPage() override;

Q_SIGNALS:
    /// A check of the hosts ended (all answered, or stopped).
    void checkFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void problemsChanged() override;

private:
    SshSpec sshSpec() const;
    void handleHostKeyQuestion(const QString &host, int port, const QString &fingerprint);
    void handleHostFinished(int row, const ExecResult &result);
    void handleCheckFinished();
    void handleBrowseIdentity();
    void handleRemoveHosts();
    void handleMakeMaster();
    void updateButtons();
    void updateSummary();
    int rowOf(const QString &host, int port) const;

    HostListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QLabel *m_inputMessage = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_masterButton = nullptr;

    QLineEdit *m_userEdit = nullptr;
    QSpinBox *m_portSpin = nullptr;
    QLineEdit *m_identityEdit = nullptr;
    QComboBox *m_policyCombo = nullptr;
    QLabel *m_userMessage = nullptr;
    QLabel *m_identityMessage = nullptr;
    QString m_knownHosts;

    QPushButton *m_checkButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_checkStatus = nullptr;
    SshSessionPool *m_pool = nullptr;
    SshFanOut *m_fanOut = nullptr;
    HostKeyPrompter *m_hostKeyPrompter = nullptr; ///< owned by m_pool
};

} // namespace SparkDeck
