#pragma once

#include "setupwizardpage.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QSpinBox;
QT_END_NAMESPACE

namespace SparkDeck {

/// How many workers, and the cores and memory each offers to Spark. Bounded by Limits, and for
/// existing hosts in standalone mode by the number of hosts (one worker per host). Shows what
/// the choice adds up to, and for this computer what it has.
class WorkersPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit WorkersPage(QWidget *parent = nullptr);

    QSpinBox *countSpin() const { return m_count; }
    QSpinBox *coresSpin() const { return m_cores; }
    QSpinBox *memorySpin() const { return m_memory; }

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    void initializePage() override;

    /// This computer's processor cores and memory in MiB (0 when unknown).
    static int localCores();
    static qint64 localMemoryMebibytes();

private:
    void updateSummary();

    QSpinBox *m_count = nullptr;
    QSpinBox *m_cores = nullptr;
    QSpinBox *m_memory = nullptr;
    QLabel *m_capacity = nullptr;
    QWidget *m_overcommit = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_clamped = nullptr;
};

} // namespace SparkDeck
