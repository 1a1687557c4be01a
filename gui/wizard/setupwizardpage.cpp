#include "setupwizardpage.h"

#include "setupwizard.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace SparkDeck {

SetupWizardPage::SetupWizardPage(QWidget *parent)
    : QWizardPage(parent)
{}

SetupWizard *SetupWizardPage::setupWizard() const
{
    return qobject_cast<SetupWizard *>(wizard());
}

bool SetupWizardPage::isComplete() const
{
    return QWizardPage::isComplete() && !FieldDiagnostics::hasErrors(m_problems);
}

void SetupWizardPage::initializePage()
{
    // Other pages may have changed what this page's fields mean (hosts, provider).
    revalidate();
}

void SetupWizardPage::cleanupPage()
{
    // QWizardPage's own resets the fields to their first values; Back keeps what was typed.
}

void SetupWizardPage::revalidate()
{
    SetupWizard *setup = setupWizard();
    if (!setup || setup->isLoadingSpec())
        return;
    m_problems = FieldDiagnostics::check(setup->spec(), sections());

    // Several fields may share a label: gather each label's problems, then show them.
    QList<FieldDiagnostics::Entry> unbound = m_problems;
    QList<QLabel *> labels;
    QList<QList<FieldDiagnostics::Entry>> labelEntries;
    for (const Binding &binding : std::as_const(m_bindings)) {
        int slot = int(labels.indexOf(binding.label.data()));
        if (slot < 0) {
            labels << binding.label.data();
            labelEntries << QList<FieldDiagnostics::Entry>();
            slot = int(labels.size()) - 1;
        }
        const bool quiet = binding.field && binding.field->text().trimmed().isEmpty();
        for (auto it = unbound.begin(); it != unbound.end();) {
            if (FieldDiagnostics::isUnder(it->path, binding.path)) {
                if (!quiet)
                    labelEntries[slot] << *it;
                it = unbound.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (int i = 0; i < labels.size(); ++i) {
        if (labels.at(i))
            showMessages(labels.at(i), labelEntries.at(i));
    }
    if (m_pageMessages)
        showMessages(m_pageMessages, unbound);
    problemsChanged();
    Q_EMIT completeChanged();
}

QLabel *SetupWizardPage::createMessageLabel(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

void SetupWizardPage::bindMessage(const QString &path, QLabel *label, QLineEdit *field)
{
    m_bindings.append({path, label, field});
}

void SetupWizardPage::addPageMessages(QVBoxLayout *layout)
{
    m_pageMessages = createMessageLabel(QStringLiteral("pageMessages"));
    layout->addWidget(m_pageMessages);
}

void SetupWizardPage::showMessages(QLabel *label, const QList<FieldDiagnostics::Entry> &entries)
{
    QStringList lines;
    bool errors = false;
    for (const FieldDiagnostics::Entry &entry : entries) {
        const QString message = entry.diagnostic.message;
        // The validator writes for files ("'workers.count' is 9"); the first letter up for a form.
        const QString sentence
            = message.isEmpty() ? message : message.at(0).toUpper() + message.mid(1);
        if (entry.diagnostic.severity == Severity::Error) {
            errors = true;
            lines << sentence;
        } else {
            lines << tr("Warning: %1").arg(sentence);
        }
    }
    label->setText(lines.join(QLatin1Char('\n')));
    label->setVisible(!lines.isEmpty());
    // A red that reads on light and on dark windows; warnings in the window's own text colour.
    const bool dark = label->palette().color(QPalette::Window).lightness() < 128;
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     errors ? (dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e))
                            : label->parentWidget()->palette().color(QPalette::WindowText));
    label->setPalette(palette);
}

} // namespace SparkDeck
