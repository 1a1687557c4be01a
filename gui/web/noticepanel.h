#pragma once

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace SparkDeck::Internal {

/// A calm in-app page in place of a web page: a heading, one or two sentences and up to two
/// buttons. The embedded browser shows it instead of Chromium's error pages (tunnel down, a page
/// that did not load, a link SparkDeck does not open).
class NoticePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NoticePanel(QWidget *parent = nullptr);

    /// `primary`/`secondary` empty: that button is hidden.
    void setNotice(const QString &heading, const QString &text, const QString &primary = QString(),
                   const QString &secondary = QString());
    void setPrimaryEnabled(bool enabled);

    QString heading() const;
    QString text() const;
    QPushButton *primaryButton() const { return m_primary; }
    QPushButton *secondaryButton() const { return m_secondary; }

Q_SIGNALS:
    void primaryClicked();
    void secondaryClicked();

private:
    QLabel *m_heading;
    QLabel *m_text;
    QPushButton *m_primary;
    QPushButton *m_secondary;
};

} // namespace SparkDeck::Internal
