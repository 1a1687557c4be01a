#include "machinespage.h"

#include "setupwizard.h"

#include "providers/providerregistry.h"
#include "spec/clusterspecvalidator.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace SparkDeck {

namespace {

struct ProviderText
{
    QString title;
    QString description;
};

ProviderText describe(Provider provider)
{
    switch (provider) {
    case Provider::Local:
        return {MachinesPage::tr("&This computer"),
                MachinesPage::tr("The master and the workers run here. The quickest way to try "
                                 "Spark or to develop a job.")};
    case Provider::Existing:
        return {MachinesPage::tr("&Machines you already have"),
                MachinesPage::tr("Computers you reach over SSH: a classroom, a lab, a rack of "
                                 "servers.")};
    case Provider::VirtualBox:
        return {MachinesPage::tr("VirtualBox virtual machines"),
                MachinesPage::tr("New virtual machines on this computer.")};
    case Provider::DigitalOcean:
        return {MachinesPage::tr("DigitalOcean"),
                MachinesPage::tr("New droplets in your account.")};
    case Provider::Ec2:
        return {MachinesPage::tr("Amazon EC2"), MachinesPage::tr("New instances in your account.")};
    case Provider::Gce:
        return {MachinesPage::tr("Google Compute Engine"),
                MachinesPage::tr("New instances in your project.")};
    case Provider::OpenStack:
        return {MachinesPage::tr("OpenStack"), MachinesPage::tr("New servers in your project.")};
    }
    return {};
}

} // namespace

MachinesPage::MachinesPage(QWidget *parent)
    : SetupWizardPage(parent)
{
    setObjectName(QStringLiteral("machinesPage"));
    setTitle(tr("Name and Machines"));
    setSubTitle(tr("Give the cluster a name and choose where it runs."));

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setPlaceholderText(tr("such as demo or spark-lab"));
    m_nameEdit->setMaxLength(200); // longer names get the validator's message, not a silent cut
    m_nameEdit->setAccessibleName(tr("Cluster name"));
    auto *nameHint = new QLabel(tr("Lowercase letters, digits and dashes, starting with a letter. "
                                   "It names the cluster's services and folders."),
                                this);
    nameHint->setWordWrap(true);
    nameHint->setForegroundRole(QPalette::PlaceholderText);
    m_nameMessage = createMessageLabel(QStringLiteral("nameMessage"));
    registerField(QStringLiteral("name*"), m_nameEdit);
    bindMessage(QStringLiteral("name"), m_nameMessage, m_nameEdit);
    m_nameSuggestion = new QLabel(this);
    m_nameSuggestion->setObjectName(QStringLiteral("nameSuggestion"));
    m_nameSuggestion->setTextFormat(Qt::RichText);
    m_nameSuggestion->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                              | Qt::LinksAccessibleByKeyboard);
    m_nameSuggestion->hide();
    connect(m_nameSuggestion, &QLabel::linkActivated, this, [this] {
        m_nameEdit->setText(suggestedName(m_nameEdit->text()));
        m_nameEdit->setFocus();
    });

    auto *nameLabel = new QLabel(tr("&Cluster name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(4);
    nameColumn->addWidget(m_nameEdit);
    nameColumn->addWidget(nameHint);
    nameColumn->addWidget(m_nameMessage);
    nameColumn->addWidget(m_nameSuggestion);
    form->addRow(nameLabel, nameColumn);

    auto *providerBox = new QGroupBox(tr("Where should the cluster run?"), this);
    auto *providerLayout = new QVBoxLayout(providerBox);
    providerLayout->setSpacing(2);
    m_providers = new QButtonGroup(this);
    // This computer first: it is the default and the quickest start. Then the core's order.
    QList<Provider> order{Provider::Local, Provider::Existing};
    for (const QString &name : providerNames()) {
        const std::optional<Provider> provider = providerFromString(name);
        if (provider && !order.contains(*provider))
            order << *provider;
    }
    for (const Provider provider : std::as_const(order)) {
        const ProviderText text = describe(provider);
        auto *button
            = new QRadioButton(text.title.isEmpty() ? toString(provider) : text.title, providerBox);
        button->setObjectName(QStringLiteral("provider-") + toString(provider));
        auto *description = new QLabel(text.description, providerBox);
        description->setObjectName(QStringLiteral("providerDescription-") + toString(provider));
        description->setWordWrap(true);
        description->setIndent(
            button->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, button)
            + button->style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing, nullptr, button));
        if (!isAvailable(provider)) {
            button->setEnabled(false);
            description->setEnabled(false);
            const QString later = tr("Coming in a later release");
            button->setToolTip(later);
            description->setToolTip(later);
            description->setText(tr("%1 Coming in a later release.").arg(text.description));
        } else {
            description->setForegroundRole(QPalette::PlaceholderText);
        }
        m_providers->addButton(button, int(provider));
        providerLayout->addWidget(button);
        providerLayout->addWidget(description);
        providerLayout->addSpacing(6);
    }
    connect(m_providers, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked)
            revalidate();
    });
    connect(m_nameEdit, &QLineEdit::textChanged, this, &MachinesPage::revalidate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(providerBox);
    layout->addStretch();
    addPageMessages(layout);
}

QString MachinesPage::suggestedName(const QString &text)
{
    // "Spark Lab 2" -> "spark-lab-2": lowercase, runs of anything else become one dash.
    QString name;
    for (const QChar c : text.trimmed().toLower()) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                           || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        if (plain)
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char('-')))
            name += QLatin1Char('-');
    }
    if (!name.isEmpty() && !name.at(0).isLetter())
        name.prepend(QStringLiteral("cluster-"));
    name.truncate(Limits::kMaxNameLength);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return ClusterSpecValidator::isValidClusterName(name) ? name : QString();
}

void MachinesPage::problemsChanged()
{
    const QString text = m_nameEdit->text();
    const QString suggestion = suggestedName(text);
    const bool offer = !text.trimmed().isEmpty() && !suggestion.isEmpty()
                       && !ClusterSpecValidator::isValidClusterName(text.trimmed());
    if (offer) {
        m_nameSuggestion->setText(
            tr("<a href=\"use\">Use “%1”</a>").arg(suggestion.toHtmlEscaped()));
    }
    m_nameSuggestion->setVisible(offer);
}

bool MachinesPage::isAvailable(Provider provider)
{
    return provider == Provider::Local || provider == Provider::Existing
           || ProviderRegistry::isImplemented(provider);
}

Provider MachinesPage::provider() const
{
    const int id = m_providers->checkedId();
    return id < 0 ? Provider::Local : Provider(id);
}

void MachinesPage::setProvider(Provider provider)
{
    if (QAbstractButton *button
        = m_providers->button(int(isAvailable(provider) ? provider : Provider::Local))) {
        button->setChecked(true);
    }
}

QRadioButton *MachinesPage::providerButton(Provider provider) const
{
    return qobject_cast<QRadioButton *>(m_providers->button(int(provider)));
}

void MachinesPage::readSpec(const ClusterSpec &spec)
{
    m_nameEdit->setText(spec.name);
    setProvider(spec.machines.provider);
}

void MachinesPage::writeSpec(ClusterSpec &spec) const
{
    spec.name = m_nameEdit->text().trimmed();
    spec.machines.provider = provider();
}

QStringList MachinesPage::sections() const
{
    // The provider's own problems (no hosts for `existing`) belong to the Hosts page.
    return {QStringLiteral("name")};
}

int MachinesPage::nextId() const
{
    if (provider() == Provider::Existing)
        return SetupWizard::HostsPageId;
    return ProviderRegistry::createsMachines(provider()) ? SetupWizard::CloudPageId
                                                         : SetupWizard::SharedFolderPageId;
}

} // namespace SparkDeck
