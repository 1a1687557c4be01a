#pragma once

#include "setupwizardpage.h"

QT_BEGIN_NAMESPACE
class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;
QT_END_NAMESPACE

namespace SparkDeck {

/// First page: the cluster's name and where its machines come from. Lists every provider the
/// core knows (providerNames()): this computer (`local`, the default), machines that already
/// exist (`existing`, which leads to the Hosts page) and the providers that create machines
/// (which lead to the Cloud page); those the core cannot drive yet are shown disabled.
class MachinesPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit MachinesPage(QWidget *parent = nullptr);

    /// Providers that work in this release.
    static bool isAvailable(Provider provider);
    /// A valid cluster name close to what was typed ("Spark Lab" -> "spark-lab"), or empty.
    static QString suggestedName(const QString &text);

    Provider provider() const;
    void setProvider(Provider provider);
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QRadioButton *providerButton(Provider provider) const;

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    int nextId() const override;

protected:
    void problemsChanged() override;

private:
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameMessage = nullptr;
    QLabel *m_nameSuggestion = nullptr;
    QButtonGroup *m_providers = nullptr;
};

} // namespace SparkDeck
