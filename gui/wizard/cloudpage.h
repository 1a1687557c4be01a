#pragma once

#include "setupwizardpage.h"

#include "providers/machineprovider.h"

#include <memory>

QT_BEGIN_NAMESPACE
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace SparkDeck {

class ProviderConnector;

/// The page for providers that create machines (VirtualBox, the clouds): where the credentials
/// come from and a Test button that talks to the API; region, size and image lists live from
/// the API (listChoices); how long the machines may live (the cost guard, 3 hours by default);
/// and what the chosen cluster costs per hour.
///
/// Rules: the page reads credentials through ProviderConnector and never shows or stores them;
/// the lists fill in the background (the page stays usable, a second test drops the first);
/// a value the cluster file already names stays chosen even when the API does not list it.
class CloudPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit CloudPage(QWidget *parent = nullptr);
    ~CloudPage() override;

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    void initializePage() override;
    int nextId() const override;

    /// Asks the provider's API for its regions, sizes and images.
    void testConnection();
    bool isTesting() const { return m_call != nullptr; }

    QComboBox *regionCombo() const { return m_regionCombo; }
    QComboBox *sizeCombo() const { return m_sizeCombo; }
    QComboBox *imageCombo() const { return m_imageCombo; }
    QComboBox *expiryCombo() const { return m_expiryCombo; }
    QLabel *credentialsLabel() const { return m_credentialsLabel; }
    QPushButton *testButton() const { return m_testButton; }
    QLabel *connectionLabel() const { return m_connectionLabel; }
    QLabel *costLabel() const { return m_costLabel; }

Q_SIGNALS:
    /// A test ended (choices filled, or the error shown).
    void connectionTested(bool succeeded);

private:
    void finishTest(bool succeeded);
    void selectExpiry(qint64 seconds);
    static qint64 defaultExpiry(Provider provider);
    /// VirtualBox: machines on this computer, no account, no price.
    bool onThisComputer() const { return m_provider == Provider::VirtualBox; }
    void fillRegions();
    void fillRegionalLists();
    void updateCost();
    static void selectOrAdd(QComboBox *combo, const QString &id);

    Provider m_provider = Provider::DigitalOcean;
    ProviderChoices m_choices;
    ClusterSpec m_spec; ///< the wizard's spec when the page was entered (worker count, name)
    std::unique_ptr<ProviderConnector> m_connector;
    QObject *m_call = nullptr; ///< the running test's context: deleting it drops the answers
    QString m_keychainNotice;
    bool m_expiryChosen = false; ///< by the file or the person: a provider change keeps it

    QGroupBox *m_accountBox = nullptr;
    QLabel *m_credentialsLabel = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QComboBox *m_regionCombo = nullptr;
    QComboBox *m_sizeCombo = nullptr;
    QComboBox *m_imageCombo = nullptr;
    QComboBox *m_expiryCombo = nullptr;
    QLabel *m_costLabel = nullptr;
};

} // namespace SparkDeck
