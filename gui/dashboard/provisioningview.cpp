#include "provisioningview.h"

#include "hostprogressdelegate.h"
#include "messagebanner.h"

#include "provisioning/hostprogressmodel.h"
#include "provisioning/operationrunner.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace SparkDeck {

ProvisioningView::ProvisioningView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("provisioningView"));
    m_model = new HostProgressModel(this);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("provisioningTitle"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("provisioningStatus"));
    m_status->setWordWrap(true);
    m_overall = new QProgressBar(this);
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_overall->setRange(0, 100);
    m_overall->setFormat(tr("%p% of the steps ended"));
    m_overall->setAccessibleName(tr("Overall progress"));

    m_hostView = new QTableView(this);
    m_hostView->setObjectName(QStringLiteral("hostProgressView"));
    m_hostView->setModel(m_model);
    m_hostView->setItemDelegate(new HostProgressDelegate(m_hostView));
    m_hostView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_hostView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hostView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hostView->setAlternatingRowColors(true);
    m_hostView->setShowGrid(false);
    m_hostView->setWordWrap(false);
    m_hostView->verticalHeader()->hide();
    m_hostView->horizontalHeader()->setSectionResizeMode(HostProgressModel::HostColumn, QHeaderView::ResizeToContents);
    m_hostView->horizontalHeader()->setSectionResizeMode(HostProgressModel::StateColumn, QHeaderView::ResizeToContents);
    m_hostView->horizontalHeader()->setSectionResizeMode(HostProgressModel::StepColumn, QHeaderView::Stretch);
    m_hostView->horizontalHeader()->setSectionResizeMode(HostProgressModel::ProgressColumn, QHeaderView::Fixed);
    m_hostView->horizontalHeader()->resizeSection(HostProgressModel::ProgressColumn,
                                                  fontMetrics().horizontalAdvance(QStringLiteral("00 of 00")) + 90);
    m_hostView->setAccessibleName(tr("Hosts"));

    m_logLabel = new QLabel(tr("&Log"), this);
    m_logLabel->setObjectName(QStringLiteral("logLabel"));
    m_logView = new QPlainTextEdit(this);
    m_logView->setObjectName(QStringLiteral("hostLogView"));
    m_logView->setReadOnly(true);
    m_logView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logView->setMaximumBlockCount(HostProgressModel::kMaxLogLines);
    m_logView->setTabChangesFocus(true);
    m_logLabel->setBuddy(m_logView);
    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->setSpacing(2);
    logLayout->addWidget(m_logLabel);
    logLayout->addWidget(m_logView, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_hostView);
    m_splitter->addWidget(logPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);

    m_journalWarning = new MessageBanner(this);
    m_journalWarning->setObjectName(QStringLiteral("journalWarning"));
    m_summary = new MessageBanner(this);
    m_summary->setObjectName(QStringLiteral("provisioningSummary"));

    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelOperationButton"));
    m_cancelButton->setToolTip(tr("Stop every step now (Esc). Nothing is left half-written; "
                                  "the run can be resumed later."));
    m_retryButton = new QPushButton(tr("&Retry Failed Hosts"), this);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->setToolTip(tr("Run it again: the steps that are done are only checked."));
    m_continueButton = new QPushButton(tr("&Show the Cluster"), this);
    m_continueButton->setObjectName(QStringLiteral("continueButton"));
    for (QPushButton *button : {m_cancelButton, m_retryButton, m_continueButton})
        button->setAutoDefault(true);
    m_retryButton->hide();
    m_continueButton->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retryButton);
    buttons->addWidget(m_continueButton);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_overall);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_journalWarning);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    setTabOrder(m_hostView, m_logView);
    setTabOrder(m_logView, m_retryButton);
    setTabOrder(m_retryButton, m_continueButton);
    setTabOrder(m_continueButton, m_cancelButton);

    connect(m_cancelButton, &QPushButton::clicked, this, &ProvisioningView::handleCancel);
    connect(m_retryButton, &QPushButton::clicked, this, &ProvisioningView::retryRequested);
    connect(m_continueButton, &QPushButton::clicked, this, &ProvisioningView::continueRequested);
    connect(m_hostView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ProvisioningView::handleSelectionChanged);
    connect(m_model, &HostProgressModel::logLineAdded, this, &ProvisioningView::handleLogLine);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ProvisioningView::updateProgress);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProvisioningView::updateProgress);
    applyFonts();
}

void ProvisioningView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
}

void ProvisioningView::applyFonts()
{
    // Derived from the view's own (inherited) font, so that presentation mode enlarges them too.
    QFont title = font();
    title.setBold(true);
    m_title->setFont(title);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (font().pointSizeF() > 0)
        fixed.setPointSizeF(font().pointSizeF() * 0.95);
    m_logView->setFont(fixed);
}

ProvisioningView::~ProvisioningView() = default;

void ProvisioningView::setRunner(OperationRunner *runner, const QString &title)
{
    if (m_runner)
        m_runner->disconnect(this);
    m_runner = runner;
    m_cancelling = false;
    m_title->setText(title);
    m_status->setText(tr("Starting…"));
    m_summary->hide();
    m_journalWarning->hide();
    m_retryButton->hide();
    m_continueButton->hide();
    m_cancelButton->show();
    m_cancelButton->setEnabled(runner != nullptr);
    m_cancelButton->setText(tr("Cancel"));
    m_shownRow = -1;
    m_logView->clear();
    m_model->setRunner(runner);
    if (runner) {
        connect(runner, &OperationRunner::finished, this, &ProvisioningView::handleFinished);
        connect(runner, &OperationRunner::stepStarted, this, [this](const QString &host, const QString &step) {
            if (!m_cancelling)
                m_status->setText(tr("%1: %2").arg(host, step));
        });
        connect(runner, &OperationRunner::journalProblem, this, [this](const QString &message) {
            m_journalWarning->showMessage(MessageBanner::Kind::Warning,
                                          tr("The run goes on, but its journal could not be written: %1")
                                              .arg(message));
        });
    }
    if (m_model->rowCount() > 0)
        selectHost(0);
    updateProgress();
    m_cancelButton->setFocus();
}

OperationRunner *ProvisioningView::runner() const
{
    return m_runner;
}

bool ProvisioningView::isRunning() const
{
    return m_runner && m_model->isRunning();
}

void ProvisioningView::setContinueText(const QString &text)
{
    m_continueButton->setText(text);
}

int ProvisioningView::selectedRow() const
{
    const QModelIndexList rows = m_hostView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void ProvisioningView::selectHost(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    m_hostView->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ProvisioningView::handleCancel()
{
    if (!m_runner || m_cancelling)
        return;
    m_cancelling = true;
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
    m_status->setText(tr("Cancelling… every step is being stopped."));
    m_runner->cancel(); // the steps stop within a second; finished() follows
}

void ProvisioningView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && isRunning()) {
        handleCancel();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ProvisioningView::handleFinished(const TaskOutcome &outcome)
{
    m_cancelling = false;
    m_cancelButton->hide();
    updateProgress();
    const QString changes = tr("%1 changes made, %2 checks found things already in place.")
                                .arg(m_model->appliedSteps())
                                .arg(m_model->verifiedSteps());
    const QString again = tr("Fix the cause, then choose Retry Failed Hosts: what is done is only checked.");
    // Things that work, but not as well as they could: said, without spoiling "done".
    const QString notes = outcome.warnings.isEmpty()
                              ? QString()
                              : QLatin1Char('\n') + tr("Note: %1").arg(outcome.warnings.join(QLatin1Char('\n')));
    if (outcome.succeeded() && outcome.partialFailures.isEmpty()) {
        m_status->setText(tr("Done."));
        m_summary->showMessage(MessageBanner::Kind::Success, tr("Done: %1").arg(changes) + notes);
        m_retryButton->hide();
        m_continueButton->show();
        m_continueButton->setDefault(true);
        m_continueButton->setFocus();
    } else {
        if (outcome.succeeded()) {
            m_status->setText(tr("Partly done."));
            m_summary->showMessage(MessageBanner::Kind::Warning,
                                   tr("Partly done: %1\n%2")
                                       .arg(outcome.partialFailures.join(QLatin1Char('\n')), again)
                                       + notes);
            m_continueButton->show();
        } else if (outcome.wasCancelled()) {
            m_status->setText(tr("Cancelled."));
            m_summary->showMessage(MessageBanner::Kind::Warning,
                                   tr("Cancelled. Nothing is half-written; choose Resume to carry on "
                                      "where it stopped: what is done is only checked."));
        } else {
            m_status->setText(tr("Failed."));
            m_summary->showMessage(MessageBanner::Kind::Error,
                                   tr("Failed: %1\n%2").arg(outcome.message, again));
        }
        m_retryButton->setText(outcome.wasCancelled() ? tr("&Resume") : tr("&Retry Failed Hosts"));
        m_retryButton->show();
        m_retryButton->setDefault(true);
        m_retryButton->setFocus();
        // The log that says why: the first host that failed.
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->hostState(row) == HostProgressModel::HostState::Failed) {
                selectHost(row);
                break;
            }
        }
    }
    Q_EMIT runFinished(outcome);
}

void ProvisioningView::handleSelectionChanged()
{
    showLogOf(selectedRow());
}

void ProvisioningView::showLogOf(int row)
{
    m_shownRow = row;
    const QString host = m_model->host(row);
    m_logLabel->setText(row < 0 ? tr("&Log") : tr("&Log of %1").arg(host));
    m_logView->setPlainText(m_model->log(row).join(QLatin1Char('\n')));
    m_logView->verticalScrollBar()->setValue(m_logView->verticalScrollBar()->maximum());
}

void ProvisioningView::handleLogLine(int row, const QString &line)
{
    if (row != m_shownRow)
        return;
    QScrollBar *bar = m_logView->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_logView->appendPlainText(line);
    if (atEnd) // follow the end, unless the user scrolled up to read
        bar->setValue(bar->maximum());
}

void ProvisioningView::updateProgress()
{
    int ended = 0;
    int planned = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        ended += m_model->data(m_model->index(row, 0), HostProgressModel::StepsEndedRole).toInt();
        planned += m_model->data(m_model->index(row, 0), HostProgressModel::StepsPlannedRole).toInt();
    }
    m_overall->setValue(planned > 0 ? ended * 100 / planned : 0);
}

} // namespace SparkDeck
