#include "workerspage.h"

#include "setupwizard.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QStyle>
#include <QThread>
#include <QVBoxLayout>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <unistd.h>
#endif

namespace SparkDeck {

namespace {

constexpr int kMinMemoryMebibytes = 256;
constexpr int kMaxMemoryMebibytes = 4 * 1024 * 1024; // 4 TiB: more than any one machine holds

QString formatMebibytes(qint64 mebibytes)
{
    return QLocale().formattedDataSize(mebibytes * 1024 * 1024, 1, QLocale::DataSizeIecFormat);
}

} // namespace

WorkersPage::WorkersPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("workersPage"));
    setTitle(tr("Workers"));
    setSubTitle(tr("Workers run the tasks of Spark jobs. Choose how many, and what each one "
                   "offers to Spark."));

    m_count = new QSpinBox(this);
    m_count->setObjectName(QStringLiteral("workerCount"));
    m_count->setRange(1, Limits::kMaxWorkers);
    m_cores = new QSpinBox(this);
    m_cores->setObjectName(QStringLiteral("workerCores"));
    m_cores->setRange(1, Limits::kMaxCoresPerWorker);
    m_cores->setSuffix(tr(" cores"));
    m_memory = new QSpinBox(this);
    m_memory->setObjectName(QStringLiteral("workerMemory"));
    m_memory->setRange(kMinMemoryMebibytes, kMaxMemoryMebibytes);
    m_memory->setSingleStep(512);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setGroupSeparatorShown(true);
    for (QSpinBox *spin : {m_count, m_cores, m_memory}) {
        spin->setMinimumWidth(140);
        spin->setAlignment(Qt::AlignRight);
    }

    m_clamped = new QLabel(this);
    m_clamped->setObjectName(QStringLiteral("countClamped"));
    m_clamped->setWordWrap(true);
    m_clamped->hide();
    auto *countMessage = createMessageLabel(QStringLiteral("countMessage"));
    auto *coresMessage = createMessageLabel(QStringLiteral("coresMessage"));
    auto *memoryMessage = createMessageLabel(QStringLiteral("memoryMessage"));
    bindMessage(QStringLiteral("workers.count"), countMessage);
    bindMessage(QStringLiteral("workers.cores"), coresMessage);
    bindMessage(QStringLiteral("workers.memory"), memoryMessage);

    auto *countLabel = new QLabel(tr("&Workers:"), this);
    countLabel->setBuddy(m_count);
    auto *coresLabel = new QLabel(tr("&Cores per worker:"), this);
    coresLabel->setBuddy(m_cores);
    auto *memoryLabel = new QLabel(tr("&Memory per worker:"), this);
    memoryLabel->setBuddy(m_memory);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(countLabel, m_count);
    form->addRow(QString(), countMessage);
    form->addRow(coresLabel, m_cores);
    form->addRow(QString(), coresMessage);
    form->addRow(memoryLabel, m_memory);
    form->addRow(QString(), memoryMessage);

    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("workersTotal"));
    m_total->setWordWrap(true);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_capacity = new QLabel(this);
    m_capacity->setObjectName(QStringLiteral("workersCapacity"));
    m_capacity->setWordWrap(true);
    m_overcommit = new QWidget(this);
    m_overcommit->setObjectName(QStringLiteral("workersOvercommit"));
    auto *warningIcon = new QLabel(m_overcommit);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    warningIcon->setPixmap(style()
                               ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                               .pixmap(iconSize, iconSize));
    auto *warningText = new QLabel(tr("The workers would offer more than this computer has: "
                                      "Spark still starts, but jobs that use it all will be slow "
                                      "or fail. Fewer workers, cores or memory fit better."),
                                   m_overcommit);
    warningText->setWordWrap(true);
    auto *warningLayout = new QHBoxLayout(m_overcommit);
    warningLayout->setContentsMargins(0, 4, 0, 0);
    warningLayout->addWidget(warningIcon, 0, Qt::AlignTop);
    warningLayout->addWidget(warningText, 1);
    m_overcommit->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_clamped);
    layout->addSpacing(12);
    layout->addWidget(m_total);
    layout->addWidget(m_capacity);
    layout->addWidget(m_overcommit);
    layout->addStretch();
    addPageMessages(layout);

    for (QSpinBox *spin : {m_count, m_cores, m_memory}) {
        connect(spin, &QSpinBox::valueChanged, this, [this] {
            m_clamped->hide();
            updateSummary();
            revalidate();
        });
    }
}

void WorkersPage::initializePage()
{
    const ClusterSpec spec = setupWizard() ? setupWizard()->spec() : ClusterSpec();
    const bool onePerHost = spec.machines.provider == Provider::Existing
                            && spec.spark.deploy == DeployMode::Standalone;
    const int hosts = int(spec.machines.hosts.size());
    const int maximum
        = onePerHost && hosts > 0 ? std::min(hosts, Limits::kMaxWorkers) : Limits::kMaxWorkers;
    const int before = m_count->value();
    m_count->setMaximum(maximum);
    if (before > maximum) {
        m_clamped->setText(tr("Lowered from %1 to %n: standalone mode runs one worker per host, "
                              "and you listed %n host(s).",
                              nullptr, maximum)
                               .arg(before));
        m_clamped->show();
    }
    updateSummary();
    SetupWizardPage::initializePage();
}

void WorkersPage::updateSummary()
{
    const int count = m_count->value();
    const qint64 cores = qint64(count) * m_cores->value();
    const qint64 memory = qint64(count) * m_memory->value();
    m_total->setText(tr("In all: %1 and %2 of memory for Spark jobs.")
                         .arg(tr("%n core(s)", nullptr, int(std::min<qint64>(cores, INT_MAX))),
                              formatMebibytes(memory)));

    const ClusterSpec spec = setupWizard() ? setupWizard()->spec() : ClusterSpec();
    QString capacity;
    bool overcommitted = false;
    if (spec.machines.provider == Provider::Local) {
        const int here = localCores();
        const qint64 hereMemory = localMemoryMebibytes();
        capacity = tr("This computer has %1 and %2 of memory.")
                       .arg(tr("%n core(s)", nullptr, here), formatMebibytes(hereMemory));
        // The master and the system need memory too: leave them a quarter.
        overcommitted
            = (here > 0 && cores > here) || (hereMemory > 0 && memory > hereMemory * 3 / 4);
    } else if (spec.machines.provider == Provider::Existing) {
        const int hosts = int(spec.machines.hosts.size());
        if (spec.spark.deploy == DeployMode::Standalone) {
            capacity = tr("Standalone mode runs one worker per host, the master's host last, so "
                          "%n host(s) hold at most %n worker(s).",
                          nullptr, hosts);
        } else {
            capacity = tr("Swarm mode places the workers as containers on the %n host(s).", nullptr,
                          hosts);
        }
        capacity += QLatin1Char(' ')
                    + tr("Whether each host has the cores and memory is checked when the cluster "
                         "is provisioned.");
    }
    m_capacity->setText(capacity);
    m_capacity->setVisible(!capacity.isEmpty());
    m_overcommit->setVisible(overcommitted);
}

void WorkersPage::readSpec(const ClusterSpec &spec)
{
    m_count->setMaximum(Limits::kMaxWorkers); // the hosts bound it when the page shows
    m_count->setValue(spec.workers.count);
    m_cores->setValue(spec.workers.cores);
    m_memory->setValue(int(std::clamp<qint64>(spec.workers.memory.mebibytes(), kMinMemoryMebibytes,
                                              kMaxMemoryMebibytes)));
    m_clamped->hide();
    updateSummary();
}

void WorkersPage::writeSpec(ClusterSpec &spec) const
{
    spec.workers.count = m_count->value();
    spec.workers.cores = m_cores->value();
    spec.workers.memory = MemorySize::fromMebibytes(m_memory->value());
}

QStringList WorkersPage::sections() const
{
    return {QStringLiteral("workers")};
}

int WorkersPage::localCores()
{
    return std::max(0, QThread::idealThreadCount());
}

qint64 WorkersPage::localMemoryMebibytes()
{
#if defined(Q_OS_WIN)
    MEMORYSTATUSEX status;
    status.dwLength = sizeof(status);
    if (!GlobalMemoryStatusEx(&status))
        return 0;
    return qint64(status.ullTotalPhys / (1024 * 1024));
#else
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return 0;
    return qint64(pages) * pageSize / (1024 * 1024);
#endif
}

} // namespace SparkDeck
