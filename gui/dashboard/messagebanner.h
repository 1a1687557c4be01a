#pragma once

#include <QFrame>

QT_BEGIN_NAMESPACE
class QHBoxLayout;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace SparkDeck {

/// A strip across the top of a window that says one thing that matters now (the master cannot
/// be reached; the last run did not finish) with the actions that fix it, as buttons. Hidden
/// until there is something to say.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error, Success };

    explicit MessageBanner(QWidget *parent = nullptr);

    /// Shows the banner with `text` (plain text); removes the previous buttons.
    void showMessage(Kind kind, const QString &text);
    /// Adds a button after the text; returns it (its clicked() is the caller's).
    QPushButton *addButton(const QString &text, const QString &objectName);
    Kind kind() const { return m_kind; }
    QString text() const;
    QLabel *label() const { return m_label; }
    QList<QPushButton *> buttons() const { return m_buttons; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_label;
    QHBoxLayout *m_buttonLayout;
    QList<QPushButton *> m_buttons;
};

} // namespace SparkDeck
