#include "costguard.h"

#include "messagebanner.h"

#include "providers/costestimate.h"
#include "providers/resourcejournal.h"

#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace SparkDeck {

CostGuard::CostGuard(const ResourceJournal *journal, QLabel *label, MessageBanner *banner, QObject *parent)
    : QObject(parent), m_journal(journal), m_label(label), m_banner(banner), m_timer(new QTimer(this)),
      m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer->setInterval(30 * 1000);
    connect(m_timer, &QTimer::timeout, this, &CostGuard::refresh);
    m_timer->start();
}

void CostGuard::refresh()
{
    const CostEstimate estimate = CostEstimate::of(*m_journal, m_clock());
    const bool running = estimate.machines > 0;
    if (m_label) {
        m_label->setVisible(running);
        m_label->setText(running ? estimate.describe() : QString());
    }
    const bool warn = running && estimate.expires && estimate.secondsLeft <= kWarningSeconds;
    if (m_banner) {
        if (!warn) {
            m_banner->hide();
        } else {
            const QString text = estimate.isExpired()
                                     ? tr("The machines' time is up (machines.expires_after): SparkDeck deletes "
                                          "them now, so that they cost nothing more.")
                                     : tr("The machines will be deleted in %1 (machines.expires_after), with "
                                          "everything on them. Copy what you need from the shared folder now.")
                                           .arg(CostEstimate::duration(estimate.secondsLeft));
            if (m_banner->text() != text || !m_banner->isVisible()) {
                m_banner->showMessage(MessageBanner::Kind::Warning, text);
                if (!estimate.isExpired()) {
                    QPushButton *now = m_banner->addButton(tr("Tear Down &Now"), QStringLiteral("costTearDownButton"));
                    connect(now, &QPushButton::clicked, this, &CostGuard::tearDownRequested);
                }
            }
        }
    }
    if (!estimate.expires || !estimate.isExpired()) {
        m_expiredSaid = false;
    } else if (running && !m_expiredSaid) {
        m_expiredSaid = true;
        Q_EMIT expired();
    }
}

} // namespace SparkDeck
