#pragma once

#include "setupwizardpage.h"

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QTabWidget;
QT_END_NAMESPACE

namespace SparkDeck {

/// The last page: the cluster file exactly as Finish saves it (ClusterFileWriter::toYaml), the
/// plan of what provisioning will do on each host (Planner, secrets masked), and the
/// validator's verdict. Finish is complete only when the whole spec has no error.
class ReviewPage : public SetupWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(QWidget *parent = nullptr);

    QPlainTextEdit *clusterFileView() const { return m_fileView; }
    QPlainTextEdit *planView() const { return m_planView; }
    QLabel *verdictLabel() const { return m_verdict; }
    QTabWidget *tabs() const { return m_tabs; }

    void readSpec(const ClusterSpec &spec) override;
    void writeSpec(ClusterSpec &spec) const override;
    QStringList sections() const override;
    void initializePage() override;

protected:
    void problemsChanged() override;

private:
    QLabel *m_verdictIcon = nullptr;
    QLabel *m_verdict = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_fileView = nullptr;
    QPlainTextEdit *m_planView = nullptr;
};

} // namespace SparkDeck
