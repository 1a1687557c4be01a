#include "cloudpage.h"

#include "setupwizard.h"

#include "providers/machinegraphs.h"
#include "providers/providerconnector.h"
#include "providers/providerregistry.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

constexpr qint64 kHour = 3600;
/// Machines that cost money by the hour are deleted after this unless the person says otherwise.
constexpr qint64 kDefaultExpiry = 3 * kHour;

QString providerTitle(Provider provider)
{
    switch (provider) {
    case Provider::VirtualBox:
        return CloudPage::tr("VirtualBox");
    case Provider::DigitalOcean:
        return CloudPage::tr("DigitalOcean");
    case Provider::Ec2:
        return CloudPage::tr("Amazon EC2");
    case Provider::Gce:
        return CloudPage::tr("Google Compute Engine");
    case Provider::OpenStack:
        return CloudPage::tr("OpenStack");
    case Provider::Existing:
    case Provider::Local:
        break;
    }
    return toString(provider);
}

QString sizeText(const SizeChoice &size)
{
    const QString memory = QLocale().formattedDataSize(size.memoryMiB * 1024 * 1024, 0,
                                                       QLocale::DataSizeTraditionalFormat);
    QString text = CloudPage::tr("%1: %n CPU(s), %2", nullptr, size.cpus).arg(size.id, memory);
    if (size.hourlyPrice && *size.hourlyPrice > 0)
        text += CloudPage::tr(", $%1 an hour").arg(QLocale().toString(*size.hourlyPrice, 'f', 3));
    return text;
}

bool offeredIn(const QStringList &regions, const QString &region)
{
    return regions.isEmpty() || region.isEmpty() || regions.contains(region);
}

} // namespace

CloudPage::CloudPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("cloudPage"));

    m_accountBox = new QGroupBox(this);
    QGroupBox *accountBox = m_accountBox;
    m_credentialsLabel = new QLabel(accountBox);
    m_credentialsLabel->setObjectName(QStringLiteral("credentialsLabel"));
    m_credentialsLabel->setWordWrap(true);
    m_credentialsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testButton = new QPushButton(tr("&Test Connection"), accountBox);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_connectionLabel = new QLabel(accountBox);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setWordWrap(true);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_testButton, &QPushButton::clicked, this, &CloudPage::testConnection);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_connectionLabel, 1);
    auto *accountLayout = new QVBoxLayout(accountBox);
    accountLayout->addWidget(m_credentialsLabel);
    accountLayout->addLayout(testRow);

    auto *machineBox = new QGroupBox(tr("Machines"), this);
    auto makeCombo = [machineBox](const QString &name, const QString &accessibleName) {
        auto *combo = new QComboBox(machineBox);
        combo->setObjectName(name);
        combo->setAccessibleName(accessibleName);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(28);
        return combo;
    };
    m_regionCombo = makeCombo(QStringLiteral("regionCombo"), tr("Region"));
    m_sizeCombo = makeCombo(QStringLiteral("sizeCombo"), tr("Machine size"));
    m_imageCombo = makeCombo(QStringLiteral("imageCombo"), tr("System image"));
    m_expiryCombo = makeCombo(QStringLiteral("expiryCombo"), tr("Delete the machines after"));
    const QList<QPair<QString, qint64>> expiries{
        {tr("1 hour"), kHour},        {tr("3 hours"), 3 * kHour},
        {tr("8 hours"), 8 * kHour},   {tr("1 day"), 24 * kHour},
        {tr("1 week"), 7 * 24 * kHour}, {tr("Never (I delete them myself)"), 0}};
    for (const auto &[text, seconds] : expiries)
        m_expiryCombo->addItem(text, seconds);
    m_costLabel = new QLabel(machineBox);
    m_costLabel->setObjectName(QStringLiteral("costLabel"));
    m_costLabel->setWordWrap(true);

    auto *form = new QFormLayout(machineBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Region:"), m_regionCombo);
    form->addRow(tr("&Size:"), m_sizeCombo);
    form->addRow(tr("&Image:"), m_imageCombo);
    form->addRow(tr("&Delete after:"), m_expiryCombo);
    form->addRow(QString(), m_costLabel);

    connect(m_regionCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillRegionalLists();
        revalidate();
    });
    connect(m_expiryCombo, &QComboBox::activated, this, [this] { m_expiryChosen = true; });
    for (QComboBox *combo : {m_sizeCombo, m_imageCombo, m_expiryCombo}) {
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            updateCost();
            revalidate();
        });
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(accountBox);
    layout->addWidget(machineBox);
    layout->addStretch();
    addPageMessages(layout);
}

CloudPage::~CloudPage() = default;

void CloudPage::readSpec(const ClusterSpec &spec)
{
    m_spec = spec;
    m_provider = spec.machines.provider;
    selectOrAdd(m_regionCombo, spec.machines.region);
    selectOrAdd(m_sizeCombo, spec.machines.size);
    selectOrAdd(m_imageCombo, spec.machines.image);
    // A file for a provider that creates machines has chosen: a missing expiry means "never".
    m_expiryChosen = ProviderRegistry::createsMachines(spec.machines.provider);
    selectExpiry(spec.machines.expiresAfter ? spec.machines.expiresAfter->seconds()
                                            : m_expiryChosen ? 0 : defaultExpiry(m_provider));
    updateCost();
}

qint64 CloudPage::defaultExpiry(Provider provider)
{
    // Cloud machines cost money by the hour; VirtualBox's cost nothing and may stay.
    return provider == Provider::VirtualBox ? 0 : kDefaultExpiry;
}

void CloudPage::selectExpiry(qint64 seconds)
{
    int expiry = m_expiryCombo->findData(seconds);
    if (expiry < 0) {
        m_expiryCombo->addItem(LeaseDuration::fromSeconds(seconds).toString(), seconds);
        expiry = m_expiryCombo->count() - 1;
    }
    m_expiryCombo->setCurrentIndex(expiry);
}

void CloudPage::writeSpec(ClusterSpec &spec) const
{
    if (!ProviderRegistry::createsMachines(spec.machines.provider))
        return; // the page is not on this cluster's path
    spec.machines.region = m_regionCombo->currentData().toString();
    spec.machines.size = m_sizeCombo->currentData().toString();
    spec.machines.image = m_imageCombo->currentData().toString();
    const qint64 seconds = m_expiryCombo->currentData().toLongLong();
    spec.machines.expiresAfter = seconds > 0 ? std::optional(LeaseDuration::fromSeconds(seconds))
                                             : std::nullopt;
}

QStringList CloudPage::sections() const
{
    return {QStringLiteral("machines.region"), QStringLiteral("machines.size"),
            QStringLiteral("machines.image"), QStringLiteral("machines.expires_after")};
}

void CloudPage::initializePage()
{
    const ClusterSpec spec = setupWizard() ? setupWizard()->spec() : m_spec;
    const bool providerChanged = spec.machines.provider != m_provider || !m_connector;
    m_spec = spec;
    m_provider = spec.machines.provider;
    setTitle(tr("%1 Machines").arg(providerTitle(m_provider)));
    if (onThisComputer()) {
        setSubTitle(tr("SparkDeck creates virtual machines on this computer, tagged sparkdeck-cluster=%1, "
                       "and deletes them with the cluster.")
                        .arg(spec.name));
        m_accountBox->setTitle(tr("VirtualBox on This Computer"));
    } else {
        setSubTitle(tr("SparkDeck creates the machines in your %1 account, tagged "
                       "sparkdeck-cluster=%2, and deletes them with the cluster.")
                        .arg(providerTitle(m_provider), spec.name));
        m_accountBox->setTitle(tr("Account"));
    }
    if (providerChanged && !m_expiryChosen)
        selectExpiry(defaultExpiry(m_provider));
    SetupWizardPage::initializePage();
    updateCost();
    if (providerChanged)
        testConnection();
}

int CloudPage::nextId() const
{
    return SetupWizard::SharedFolderPageId;
}

void CloudPage::testConnection()
{
    delete m_call; // a second test replaces the first: its answers are dropped
    m_call = new QObject(this);
    m_testButton->setEnabled(false);
    m_connectionLabel->clear();
    m_credentialsLabel->setText(tr("Looking for your %1 credentials…").arg(providerTitle(m_provider)));
    m_keychainNotice.clear();
    // A new connector each time: credentials may have changed since the last test.
    m_connector = std::make_unique<ProviderConnector>(m_spec, QProcessEnvironment::systemEnvironment(),
                                                      QDir::homePath());
    connect(m_connector.get(), &ProviderConnector::keychainNotice, this,
            [this](const QString &notice) { m_keychainNotice = notice; });
    m_connector->open(m_call, [this](const Result<MachineProvider *> &provider) {
        if (!provider) {
            m_credentialsLabel->setText(provider.errorMessage());
            finishTest(false);
            return;
        }
        if (onThisComputer()) {
            m_credentialsLabel->setText(tr("No account is needed: SparkDeck runs VirtualBox's VBoxManage here."));
        } else {
            m_credentialsLabel->setText(tr("Credentials from %1. SparkDeck leaves them there and never "
                                           "writes them into the cluster file.")
                                            .arg(m_connector->credentialsSource())
                                        + (m_keychainNotice.isEmpty() ? QString() : QLatin1Char(' ') + m_keychainNotice));
        }
        m_connectionLabel->setText(tr("Asking %1 for its regions, sizes and images…").arg(providerTitle(m_provider)));
        (*provider)->listChoices(m_call, [this](const Result<ProviderChoices> &choices) {
            if (!choices) {
                m_connectionLabel->setText(choices.errorMessage());
                finishTest(false);
                return;
            }
            m_choices = *choices;
            m_connectionLabel->setText(tr("Connected: %n region(s), ", nullptr, int(m_choices.regions.size()))
                                       + tr("%n size(s), ", nullptr, int(m_choices.sizes.size()))
                                       + tr("%n image(s).", nullptr, int(m_choices.images.size())));
            fillRegions();
            finishTest(true);
        });
    });
}

void CloudPage::finishTest(bool succeeded)
{
    m_call->deleteLater(); // not now: the answer being handled runs in its context
    m_call = nullptr;
    m_testButton->setEnabled(true);
    Q_EMIT connectionTested(succeeded);
}

void CloudPage::fillRegions()
{
    const QString chosen = m_regionCombo->currentData().toString();
    const QSignalBlocker blocker(m_regionCombo);
    m_regionCombo->clear();
    for (const RegionChoice &region : std::as_const(m_choices.regions)) {
        if (region.available)
            m_regionCombo->addItem(tr("%1 (%2)").arg(region.name, region.id), region.id);
    }
    selectOrAdd(m_regionCombo, chosen);
    fillRegionalLists();
    revalidate();
}

void CloudPage::fillRegionalLists()
{
    const QString region = m_regionCombo->currentData().toString();
    const QString size = m_sizeCombo->currentData().toString();
    const QString image = m_imageCombo->currentData().toString();
    {
        const QSignalBlocker sizeBlocker(m_sizeCombo);
        const QSignalBlocker imageBlocker(m_imageCombo);
        m_sizeCombo->clear();
        for (const SizeChoice &choice : std::as_const(m_choices.sizes)) {
            if (offeredIn(choice.regions, region))
                m_sizeCombo->addItem(sizeText(choice), choice.id);
        }
        m_imageCombo->clear();
        for (const ImageChoice &choice : std::as_const(m_choices.images)) {
            if (offeredIn(choice.regions, region))
                m_imageCombo->addItem(tr("%1 (%2)").arg(choice.name, choice.id), choice.id);
        }
        selectOrAdd(m_sizeCombo, size);
        selectOrAdd(m_imageCombo, image);
    }
    updateCost();
}

void CloudPage::updateCost()
{
    const int machines = int(MachineGraphs::machineNames(m_spec).size());
    if (onThisComputer()) {
        m_costLabel->setText(tr("%n virtual machine(s) on this computer: they cost nothing by the hour.", nullptr,
                                machines));
        return;
    }
    const QString size = m_sizeCombo->currentData().toString();
    std::optional<double> hourly;
    for (const SizeChoice &choice : std::as_const(m_choices.sizes)) {
        if (choice.id == size)
            hourly = choice.hourlyPrice;
    }
    if (!hourly) {
        m_costLabel->setText(tr("%n machine(s). %1 does not say what this size costs.", nullptr, machines)
                                 .arg(providerTitle(m_provider)));
        return;
    }
    const double perHour = *hourly * machines;
    const qint64 seconds = m_expiryCombo->currentData().toLongLong();
    QString text = tr("%n machine(s): about $%1 an hour", nullptr, machines)
                       .arg(QLocale().toString(perHour, 'f', 2));
    if (seconds > 0) {
        text += tr(", $%1 at most before they are deleted")
                    .arg(QLocale().toString(perHour * double(seconds) / kHour, 'f', 2));
    }
    m_costLabel->setText(text + QLatin1Char('.'));
}

void CloudPage::selectOrAdd(QComboBox *combo, const QString &id)
{
    if (id.isEmpty())
        return;
    int index = combo->findData(id);
    if (index < 0) {
        combo->addItem(id, id);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

} // namespace SparkDeck
