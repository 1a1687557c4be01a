#include "reviewpage.h"

#include "setupwizard.h"

#include "provisioning/planner.h"
#include "spec/clusterfilewriter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

QPlainTextEdit *codeView(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setTabChangesFocus(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

} // namespace

ReviewPage::ReviewPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("This is the cluster file Save writes, and what SparkDeck will do on each "
                   "machine when it creates the cluster."));
    setButtonText(QWizard::FinishButton, tr("&Save…"));
    setFinalPage(true);

    m_verdictIcon = new QLabel(this);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("reviewVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    auto *verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_verdictIcon, 0, Qt::AlignTop);
    verdictRow->addWidget(m_verdict, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_fileView = codeView(QStringLiteral("clusterFileView"), tr("Cluster file"), m_tabs);
    m_planView = codeView(QStringLiteral("planView"), tr("Plan"), m_tabs);
    m_tabs->addTab(m_fileView, tr("Cluster &File"));
    m_tabs->addTab(m_planView, tr("&Plan"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(verdictRow);
    layout->addWidget(m_tabs, 1);
    // Every problem is shown in the verdict; none is left for a foot label.
    bindMessage(QString(), nullptr);
}

void ReviewPage::initializePage()
{
    const ClusterSpec spec = setupWizard()->spec();
    m_fileView->setPlainText(QString::fromUtf8(ClusterFileWriter::toYaml(spec)));
    const Result<Plan> plan = Planner::plan(spec);
    m_planView->setPlainText(plan ? plan->toText() : tr("No plan: %1").arg(plan.errorMessage()));
    SetupWizardPage::initializePage();
}

void ReviewPage::problemsChanged()
{
    const QList<FieldDiagnostics::Entry> entries = problems();
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    QString text;
    if (entries.isEmpty()) {
        text = tr("Ready: the cluster file is valid. Save… writes it and opens it in the "
                  "editor.");
    } else {
        QStringList lines;
        for (const FieldDiagnostics::Entry &entry : entries) {
            lines << (entry.diagnostic.severity == Severity::Error ? tr("Error: %1")
                                                                   : tr("Warning: %1"))
                         .arg(entry.diagnostic.message);
        }
        const bool errors = FieldDiagnostics::hasErrors(entries);
        icon = errors ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning;
        text = (errors ? tr("Go back and fix this first:") : tr("Valid, with a remark:"))
               + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    }
    m_verdict->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this) / 4 * 3;
    m_verdictIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
}

void ReviewPage::readSpec(const ClusterSpec &) {}

void ReviewPage::writeSpec(ClusterSpec &) const {}

QStringList ReviewPage::sections() const
{
    return {QString()};
}

} // namespace SparkDeck
