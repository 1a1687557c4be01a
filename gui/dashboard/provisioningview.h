#pragma once

#include "provisioning/task.h"

#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
QT_END_NAMESPACE

namespace SparkDeck {

class HostProgressModel;
class MessageBanner;
class OperationRunner;

/// Shows one operation (up, scale, down) as it runs: a row per host with its state, step and
/// progress; the log of the selected host below, following it live; Cancel (which takes effect
/// within a second, showing "Cancelling…" until then); and at the end a summary that says
/// what happened and what to do: done, partly done (with what failed), failed (with the
/// message), or cancelled; with "Retry Failed Hosts" (or "Resume") to run it again, where
/// finished steps are only checked.
///
/// Rules: it runs nothing itself: the window gives it a runner (and starts it) and answers
/// retryRequested() with a new runner of the same operation. Everything by keyboard: the host
/// table, the log, the buttons in tab order; Escape cancels a run.
class ProvisioningView : public QWidget
{
    Q_OBJECT
public:
    explicit ProvisioningView(QWidget *parent = nullptr);
    ~ProvisioningView() override;

    /// Follows `runner` (started or about to be), under `title` ("Bringing up “demo”").
    void setRunner(OperationRunner *runner, const QString &title);
    OperationRunner *runner() const;
    bool isRunning() const;
    /// Text of the button shown at the end of a successful run (e.g. "Show the Cluster").
    void setContinueText(const QString &text);

    HostProgressModel *model() const { return m_model; }
    QTableView *hostView() const { return m_hostView; }
    QPlainTextEdit *logView() const { return m_logView; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *overallProgress() const { return m_overall; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *retryButton() const { return m_retryButton; }
    QPushButton *continueButton() const { return m_continueButton; }
    MessageBanner *summary() const { return m_summary; }
    /// The selected host's row, or -1.
    int selectedRow() const;
    void selectHost(int row);

Q_SIGNALS:
    /// The user wants the same operation again (finished steps are only checked).
    void retryRequested();
    /// The user is done looking (after a success): e.g. show the workers.
    void continueRequested();
    /// The run ended; the summary is shown.
    void runFinished(const SparkDeck::TaskOutcome &outcome);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void handleCancel();
    void handleFinished(const TaskOutcome &outcome);
    void handleSelectionChanged();
    void handleLogLine(int row, const QString &line);
    void updateProgress();
    void showLogOf(int row);
    void applyFonts();

    QPointer<OperationRunner> m_runner;
    HostProgressModel *m_model;
    QLabel *m_title;
    QLabel *m_status;
    QProgressBar *m_overall;
    QTableView *m_hostView;
    QLabel *m_logLabel;
    QPlainTextEdit *m_logView;
    QSplitter *m_splitter;
    MessageBanner *m_summary;
    MessageBanner *m_journalWarning;
    QPushButton *m_cancelButton;
    QPushButton *m_retryButton;
    QPushButton *m_continueButton;
    int m_shownRow = -1;
    bool m_cancelling = false;
};

} // namespace SparkDeck
