#include "hostspage.h"

#include "hosttabledelegate.h"
#include "setupwizard.h"

#include "dashboard/hostkeyprompter.h"
#include "dashboard/passphraseprompter.h"

#include "spec/hostrange.h"
#include "ssh/execresult.h"
#include "ssh/shellcommand.h"
#include "ssh/sshfanout.h"
#include "ssh/sshsessionpool.h"
#include "ssh/sshtarget.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

/// Hosts checked at once: enough for a classroom, few enough for a laptop's sshd-facing NAT.
constexpr int kCheckParallelism = 16;

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

HostsPage::HostsPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("hostsPage"));
    setTitle(tr("Hosts"));
    setSubTitle(tr("List the machines: the first one runs the master unless you choose another, "
                   "each of the others runs a worker."));

    // --- adding hosts
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("hostsInput"));
    m_input->setAccessibleName(tr("Hosts to add"));
    m_input->setTabChangesFocus(true);
    m_input->setPlaceholderText(tr("Addresses or host names, one per line or separated by commas "
                                   "or spaces. Ranges: 10.0.0.[11-20], node[01-08]"));
    const int lineHeight = m_input->fontMetrics().lineSpacing();
    m_input->setFixedHeight(lineHeight * 2 + 2 * m_input->frameWidth()
                            + int(m_input->document()->documentMargin() * 2) + 2);
    m_input->installEventFilter(this);
    m_addButton = new QPushButton(tr("&Add"), this);
    m_addButton->setObjectName(QStringLiteral("addHostsButton"));
    m_addButton->setToolTip(tr("Add the hosts typed on the left (Enter)"));
    m_inputMessage = createMessageLabel(QStringLiteral("hostsInputMessage"));
    auto *inputLabel = new QLabel(tr("Add &hosts:"), this);
    inputLabel->setBuddy(m_input);

    // --- the table
    m_model = new HostListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("hostsTable"));
    m_table->setAccessibleName(tr("Hosts"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new HostTableDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setSectionResizeMode(HostListModel::AddressColumn, QHeaderView::Interactive);
    header->resizeSection(HostListModel::AddressColumn, 170);
    header->resizeSection(HostListModel::UserColumn, 80);
    header->resizeSection(HostListModel::PortColumn, 60);
    header->resizeSection(HostListModel::RoleColumn, 70);
    header->setStretchLastSection(true);
    m_table->setMinimumHeight(lineHeight * 7);

    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeHostsButton"));
    m_removeButton->setToolTip(tr("Remove the selected hosts (Delete)"));
    m_masterButton = new QPushButton(tr("Make Ma&ster"), this);
    m_masterButton->setObjectName(QStringLiteral("makeMasterButton"));
    m_masterButton->setToolTip(tr("Run the master on the selected host"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("hostsSummary"));
    m_summary->setWordWrap(true);

    m_table->installEventFilter(this); // Delete removes hosts, Ctrl+V adds the clipboard's

    // --- SSH
    auto *sshBox = new QGroupBox(tr("SSH"), this);
    m_userEdit = new QLineEdit(sshBox);
    m_userEdit->setObjectName(QStringLiteral("sshUserEdit"));
    m_portSpin = new QSpinBox(sshBox);
    m_portSpin->setObjectName(QStringLiteral("sshPortSpin"));
    m_portSpin->setRange(1, 65535);
    m_identityEdit = new QLineEdit(sshBox);
    m_identityEdit->setObjectName(QStringLiteral("sshIdentityEdit"));
    m_identityEdit->setPlaceholderText(QStringLiteral("~/.ssh/id_ed25519"));
    auto *browseButton = new QPushButton(tr("Bro&wse…"), sshBox);
    browseButton->setObjectName(QStringLiteral("browseIdentityButton"));
    m_policyCombo = new QComboBox(sshBox);
    m_policyCombo->setObjectName(QStringLiteral("hostKeyPolicyCombo"));
    m_policyCombo->addItem(tr("Ask me, showing the fingerprint"), int(HostKeyPolicy::Ask));
    m_policyCombo->addItem(tr("Trust new hosts and remember them"), int(HostKeyPolicy::AcceptNew));
    m_policyCombo->addItem(tr("Only hosts already in known_hosts"), int(HostKeyPolicy::Strict));
    m_userMessage = createMessageLabel(QStringLiteral("sshUserMessage"));
    m_identityMessage = createMessageLabel(QStringLiteral("sshIdentityMessage"));
    registerField(QStringLiteral("sshUser*"), m_userEdit);
    registerField(QStringLiteral("sshIdentity*"), m_identityEdit);
    bindMessage(QStringLiteral("machines.ssh.user"), m_userMessage, m_userEdit);
    bindMessage(QStringLiteral("machines.ssh.identity"), m_identityMessage, m_identityEdit);
    // The table shows each host's problem in place; the validator's copies only gate Next.
    bindMessage(QStringLiteral("machines.hosts"), nullptr);

    auto *userLabel = new QLabel(tr("&User:"), sshBox);
    userLabel->setBuddy(m_userEdit);
    auto *portLabel = new QLabel(tr("P&ort:"), sshBox);
    portLabel->setBuddy(m_portSpin);
    auto *identityLabel = new QLabel(tr("Private &key:"), sshBox);
    identityLabel->setBuddy(m_identityEdit);
    auto *policyLabel = new QLabel(tr("New host k&eys:"), sshBox);
    policyLabel->setBuddy(m_policyCombo);
    auto *sshGrid = new QGridLayout(sshBox);
    sshGrid->setColumnStretch(1, 1);
    sshGrid->addWidget(userLabel, 0, 0);
    sshGrid->addWidget(m_userEdit, 0, 1);
    sshGrid->addWidget(portLabel, 0, 2, Qt::AlignRight);
    sshGrid->addWidget(m_portSpin, 0, 3);
    sshGrid->addWidget(m_userMessage, 1, 1, 1, 3);
    sshGrid->addWidget(identityLabel, 2, 0);
    sshGrid->addWidget(m_identityEdit, 2, 1);
    sshGrid->addWidget(browseButton, 2, 2, 1, 2);
    sshGrid->addWidget(m_identityMessage, 3, 1, 1, 3);
    sshGrid->addWidget(policyLabel, 4, 0);
    sshGrid->addWidget(m_policyCombo, 4, 1, 1, 3);

    // --- check
    m_checkButton = new QPushButton(tr("&Check Hosts"), this);
    m_checkButton->setObjectName(QStringLiteral("checkHostsButton"));
    m_checkButton->setToolTip(tr("Log in to each host over SSH and ask for its system"));
    m_stopButton = new QPushButton(tr("S&top"), this);
    m_stopButton->setObjectName(QStringLiteral("stopCheckButton"));
    m_stopButton->setEnabled(false);
    m_checkStatus = new QLabel(this);
    m_checkStatus->setObjectName(QStringLiteral("checkStatus"));
    m_checkStatus->setWordWrap(true);
    auto *checkNote = hintLabel(tr("Check Hosts logs in to each host and runs uname -sr. The full "
                                   "preflight (CPU, memory, disk, ports) runs when the cluster "
                                   "is provisioned."),
                                this);
    checkNote->setObjectName(QStringLiteral("checkNote"));

    // --- layout
    auto *inputRow = new QGridLayout;
    inputRow->addWidget(inputLabel, 0, 0, Qt::AlignTop);
    inputRow->addWidget(m_input, 0, 1);
    inputRow->addWidget(m_addButton, 0, 2, Qt::AlignTop);
    inputRow->addWidget(m_inputMessage, 1, 1, 1, 2);
    inputRow->setColumnStretch(1, 1);

    auto *tableButtons = new QVBoxLayout;
    tableButtons->addWidget(m_removeButton);
    tableButtons->addWidget(m_masterButton);
    tableButtons->addStretch();
    auto *tableRow = new QHBoxLayout;
    tableRow->addWidget(m_table, 1);
    tableRow->addLayout(tableButtons);

    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkButton);
    checkRow->addWidget(m_stopButton);
    checkRow->addWidget(m_checkStatus, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(inputRow);
    layout->addLayout(tableRow, 1);
    layout->addWidget(m_summary);
    layout->addWidget(sshBox);
    layout->addLayout(checkRow);
    layout->addWidget(checkNote);
    addPageMessages(layout);

    setTabOrder(m_input, m_addButton);
    setTabOrder(m_addButton, m_table);
    setTabOrder(m_table, m_removeButton);
    setTabOrder(m_removeButton, m_masterButton);
    setTabOrder(m_masterButton, m_userEdit);
    setTabOrder(m_userEdit, m_portSpin);
    setTabOrder(m_portSpin, m_identityEdit);
    setTabOrder(m_identityEdit, browseButton);
    setTabOrder(browseButton, m_policyCombo);
    setTabOrder(m_policyCombo, m_checkButton);
    setTabOrder(m_checkButton, m_stopButton);

    connect(m_addButton, &QPushButton::clicked, this, &HostsPage::addHostsFromInput);
    connect(m_removeButton, &QPushButton::clicked, this, &HostsPage::handleRemoveHosts);
    connect(m_masterButton, &QPushButton::clicked, this, &HostsPage::handleMakeMaster);
    connect(browseButton, &QPushButton::clicked, this, &HostsPage::handleBrowseIdentity);
    connect(m_checkButton, &QPushButton::clicked, this, &HostsPage::startCheck);
    connect(m_stopButton, &QPushButton::clicked, this, &HostsPage::stopCheck);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        m_inputMessage->hide();
        updateButtons();
    });
    connect(m_model, &HostListModel::hostsChanged, this, &HostsPage::revalidate);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HostsPage::updateSummary);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HostsPage::updateButtons);
    connect(m_userEdit, &QLineEdit::textChanged, this, [this] {
        m_model->setSshDefaults(m_userEdit->text().trimmed(), m_portSpin->value());
        revalidate();
    });
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this] {
        m_model->setSshDefaults(m_userEdit->text().trimmed(), m_portSpin->value());
        revalidate();
    });
    connect(m_identityEdit, &QLineEdit::textChanged, this, &HostsPage::revalidate);
    connect(m_policyCombo, &QComboBox::currentIndexChanged, this, &HostsPage::revalidate);
    updateButtons();
}

HostsPage::~HostsPage()
{
    // The fan-out's processes use the pool's sessions: end them first, quietly.
    if (m_fanOut) {
        m_fanOut->disconnect(this);
        delete m_fanOut;
    }
    delete m_pool;
}

// ------------------------------------------------------------------------ spec

SshSpec HostsPage::sshSpec() const
{
    SshSpec ssh;
    ssh.user = m_userEdit->text().trimmed();
    ssh.port = m_portSpin->value();
    ssh.identity = m_identityEdit->text().trimmed();
    ssh.knownHosts = m_knownHosts;
    ssh.hostKeyPolicy = HostKeyPolicy(m_policyCombo->currentData().toInt());
    return ssh;
}

void HostsPage::readSpec(const ClusterSpec &spec)
{
    const SshSpec &ssh = spec.machines.ssh;
    m_userEdit->setText(ssh.user);
    m_portSpin->setValue(ssh.port);
    m_identityEdit->setText(ssh.identity);
    m_knownHosts = ssh.knownHosts;
    m_policyCombo->setCurrentIndex(m_policyCombo->findData(int(ssh.hostKeyPolicy)));
    m_model->setSshDefaults(ssh.user, ssh.port);
    m_model->setHosts(spec.machines.hosts);
    m_input->clear();
    updateSummary();
}

void HostsPage::writeSpec(ClusterSpec &spec) const
{
    if (spec.machines.provider != Provider::Existing) {
        // Other providers make their own machines; the SSH settings read stay as they were.
        spec.machines.hosts.clear();
        return;
    }
    spec.machines.hosts = m_model->hosts();
    spec.machines.ssh = sshSpec();
}

QStringList HostsPage::sections() const
{
    return {QStringLiteral("machines")};
}

int HostsPage::nextId() const
{
    return SetupWizard::SharedFolderPageId;
}

bool HostsPage::validatePage()
{
    stopCheck();
    return true;
}

void HostsPage::cleanupPage()
{
    stopCheck();
    SetupWizardPage::cleanupPage();
}

void HostsPage::problemsChanged()
{
    updateSummary();
}

// ------------------------------------------------------------------------ editing

bool HostsPage::eventFilter(QObject *watched, QEvent *event)
{
    // Enter in the input box adds its hosts; Shift+Enter starts a new line. In the table,
    // Delete removes the selected hosts and Paste adds the hosts the clipboard lists.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & Qt::ShiftModifier)) {
            addHostsFromInput();
            return true;
        }
    }
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace) {
            handleRemoveHosts();
            return true;
        }
        if (key->matches(QKeySequence::Paste)) {
            addHostsFromText(QGuiApplication::clipboard()->text());
            return true;
        }
    }
    return SetupWizardPage::eventFilter(watched, event);
}

bool HostsPage::addHostsFromInput()
{
    if (addHostsFromText(m_input->toPlainText())) {
        m_input->clear();
        return true;
    }
    return false;
}

bool HostsPage::addHostsFromText(const QString &text)
{
    if (isChecking())
        return false;
    const Result<QStringList> addresses = HostRangeExpander::expandList(text);
    if (!addresses) {
        showMessages(m_inputMessage,
                     {{QString(), Diagnostic{Severity::Error, {}, addresses.errorMessage()}}});
        return false;
    }
    m_inputMessage->hide();
    const int before = m_model->rowCount();
    const int added = m_model->addAddresses(*addresses);
    if (added > 0)
        m_table->scrollTo(m_model->index(before + added - 1, 0));
    const int skipped = int(addresses->size()) - added;
    if (skipped > 0) {
        m_checkStatus->setText(tr("%n host(s) already listed, not added again.", nullptr, skipped));
    }
    return true;
}

void HostsPage::handleRemoveHosts()
{
    if (isChecking())
        return;
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (const int row : std::as_const(rows))
        m_model->removeRows(row, 1);
    updateButtons();
}

void HostsPage::handleMakeMaster()
{
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && !isChecking())
        m_model->setMaster(current.row());
}

void HostsPage::handleBrowseIdentity()
{
    const QString start = SshTarget::expandHome(m_identityEdit->text().trimmed());
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose Your Private Key"),
        start.isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh")) : start,
        tr("Private keys (id_*);;All files (*)"), nullptr, QFileDialog::DontResolveSymlinks);
    if (path.isEmpty())
        return;
    if (path.endsWith(QLatin1String(".pub"))) {
        // The public half is what people see next to the key; the private one is needed.
        m_identityEdit->setText(path.chopped(4));
    } else {
        // Written as ~/... when it is under the home folder: cluster files are shared.
        const QString home = QDir::homePath() + QLatin1Char('/');
        m_identityEdit->setText(path.startsWith(home) ? QStringLiteral("~/") + path.mid(home.size())
                                                      : path);
    }
}

void HostsPage::updateButtons()
{
    const bool checking = isChecking();
    const bool selected = m_table->selectionModel()->hasSelection();
    m_addButton->setEnabled(!checking && !m_input->toPlainText().trimmed().isEmpty());
    m_input->setReadOnly(checking);
    m_removeButton->setEnabled(!checking && selected);
    m_masterButton->setEnabled(!checking && selected);
    m_checkButton->setEnabled(!checking && m_model->rowCount() > 0 && m_model->problemCount() == 0);
    m_stopButton->setEnabled(checking);
}

void HostsPage::updateSummary()
{
    const int count = m_model->rowCount();
    const int problems = m_model->problemCount();
    if (count == 0) {
        m_summary->setText(tr("No hosts yet: add at least one above."));
    } else if (problems > 0) {
        m_summary->setText(
            tr("%n host(s) need your attention: see the Status column.", nullptr, problems));
    } else {
        m_summary->setText(tr("%n host(s): one master and %1.", nullptr, count)
                               .arg(tr("%n worker host(s)", nullptr, count - 1)));
    }
    updateButtons();
}

// ------------------------------------------------------------------------ check

bool HostsPage::isChecking() const
{
    return m_fanOut && m_fanOut->isRunning();
}

void HostsPage::startCheck()
{
    if (isChecking() || m_model->rowCount() == 0 || m_model->problemCount() > 0)
        return;
    if (!m_pool) {
        m_pool = new SshSessionPool;
        m_hostKeyPrompter = new HostKeyPrompter(m_pool, this);
        new PassphrasePrompter(m_pool, this);
        connect(m_hostKeyPrompter, &HostKeyPrompter::questionQueued, this,
                &HostsPage::handleHostKeyQuestion);
    }
    // Fresh sessions, so that changed settings (user, key, policy) apply.
    delete m_fanOut;
    m_fanOut = nullptr;
    m_pool->clear();

    const SshSpec ssh = sshSpec();
    QList<SshTarget> targets;
    const QList<HostSpec> hosts = m_model->hosts();
    for (const HostSpec &host : hosts) {
        SshTarget target = SshTarget::fromSpec(ssh, host);
        target.connectTimeoutMs = 10000;
        target.authTimeoutMs = 20000;
        targets << target;
    }
    m_fanOut = new SshFanOut(m_pool, this);
    m_fanOut->setTargets(targets);
    m_fanOut->setCommand(ShellCommand(QStringLiteral("uname"), {QStringLiteral("-sr")}));
    m_fanOut->setParallelism(kCheckParallelism);
    connect(m_fanOut, &SshFanOut::hostStarted, this, [this](int row) {
        m_model->setCheckState(row, HostListModel::CheckState::Checking, tr("Connecting…"));
    });
    connect(m_fanOut, &SshFanOut::hostFinished, this, &HostsPage::handleHostFinished);
    connect(m_fanOut, &SshFanOut::finished, this, &HostsPage::handleCheckFinished);

    m_model->clearCheckStates();
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->setCheckState(row, HostListModel::CheckState::Checking, tr("Waiting…"));
    m_model->setEditable(false);
    m_checkStatus->setText(tr("Checking %n host(s)…", nullptr, int(targets.size())));
    m_fanOut->start();
    updateButtons();
}

void HostsPage::stopCheck()
{
    if (!isChecking())
        return;
    m_fanOut->cancel(); // every host reports "cancelled"; finished() follows
}

int HostsPage::rowOf(const QString &host, int port) const
{
    const QList<HostSpec> hosts = m_model->hosts();
    const int defaultPort = m_portSpin->value();
    for (int row = 0; row < hosts.size(); ++row) {
        if (hosts.at(row).address == host && hosts.at(row).port.value_or(defaultPort) == port)
            return row;
    }
    return -1;
}

void HostsPage::handleHostKeyQuestion(const QString &host, int port, const QString &fingerprint)
{
    m_model->setCheckState(rowOf(host, port), HostListModel::CheckState::AwaitingHostKey,
                           tr("New host key %1: waiting for your answer").arg(fingerprint));
}

void HostsPage::handleHostFinished(int row, const ExecResult &result)
{
    if (result.succeeded()) {
        const QString system
            = QString::fromUtf8(result.standardOutput).trimmed().section(QLatin1Char('\n'), 0, 0);
        m_model->setCheckState(row, HostListModel::CheckState::Reachable,
                               tr("Connected: %1").arg(displayText(system)));
    } else if (!result.error.isEmpty()) {
        m_model->setCheckState(row, HostListModel::CheckState::Failed, result.error);
    } else {
        const QString errorText = QString::fromUtf8(result.standardError).trimmed();
        m_model->setCheckState(
            row, HostListModel::CheckState::Failed,
            tr("Connected, but uname -sr failed (%1)%2")
                .arg(result.summary(), errorText.isEmpty()
                                           ? QString()
                                           : QStringLiteral(": ") + displayText(errorText)));
    }
}

void HostsPage::handleCheckFinished()
{
    // Questions nobody answered yet have no session left to answer to.
    m_hostKeyPrompter->withdrawQuestions();
    int reachable = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->checkState(row) == HostListModel::CheckState::Reachable)
            ++reachable;
    }
    const int count = m_model->rowCount();
    m_checkStatus->setText(
        reachable == count ? tr("All %n host(s) answered.", nullptr, count)
                           : tr("%1 of %n host(s) answered; see the Status column.", nullptr, count)
                                 .arg(reachable));
    m_model->setEditable(true);
    updateButtons();
    Q_EMIT checkFinished();
}

} // namespace SparkDeck
