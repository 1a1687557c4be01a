#pragma once

#include "fielddiagnostics.h"

#include <QList>
#include <QPointer>
#include <QWizardPage>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QVBoxLayout;
QT_END_NAMESPACE

namespace SparkDeck {

class SetupWizard;

/// A page of the setup wizard. It fills its widgets from a ClusterSpec (readSpec), writes them
/// back into one (writeSpec), and owns some of the spec's fields (sections()).
///
/// Rules: the page is complete when its mandatory fields (`registerField("x*")`) are filled and
/// ClusterSpecValidator finds no error in the fields it owns, checked on every edit through
/// revalidate(); problems show under their field (bindMessage) or at the foot of the page.
/// Back keeps what was typed: cleanupPage() leaves the fields alone.
class SetupWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SetupWizardPage(QWidget *parent = nullptr);

    virtual void readSpec(const ClusterSpec &spec) = 0;
    virtual void writeSpec(ClusterSpec &spec) const = 0;
    /// The spec's fields this page owns, as validator paths: "workers", "shared_folder.export";
    /// an empty string owns everything.
    virtual QStringList sections() const = 0;

    QList<FieldDiagnostics::Entry> problems() const { return m_problems; }
    bool isComplete() const override;
    void initializePage() override;
    void cleanupPage() override;

    /// Checks the wizard's spec again and shows this page's problems. Every edit calls it.
    void revalidate();

protected:
    SetupWizard *setupWizard() const;
    /// A label for messages under a field: red for errors, word-wrapped, hidden when empty.
    QLabel *createMessageLabel(const QString &objectName);
    /// Problems of `path` and its sub-fields go to `label`; a null label hides them (the page
    /// shows them its own way) while they still gate Next. With `field`, the label stays quiet
    /// while that mandatory field is empty: an empty field only needs filling in, and Next
    /// says so by being disabled.
    void bindMessage(const QString &path, QLabel *label, QLineEdit *field = nullptr);
    /// Adds the label for problems not bound to a field at the end of `layout`.
    void addPageMessages(QVBoxLayout *layout);
    /// Called after revalidate() with the page's problems.
    virtual void problemsChanged() {}

    static void showMessages(QLabel *label, const QList<FieldDiagnostics::Entry> &entries);

private:
    QList<FieldDiagnostics::Entry> m_problems;
    struct Binding
    {
        QString path;
        QPointer<QLabel> label;
        QPointer<QLineEdit> field;
    };
    QList<Binding> m_bindings;
    QLabel *m_pageMessages = nullptr;
};

} // namespace SparkDeck
