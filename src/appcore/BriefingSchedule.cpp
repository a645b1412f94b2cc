#include "BriefingSchedule.h"

#include "core/Clock.h"
#include "core/LocalDay.h"
#include "core/SyncState.h"

namespace UpNext {

BriefingSchedule::BriefingSchedule(TaskStore *store, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
{
    m_timer.setInterval(std::chrono::minutes(1));
    connect(&m_timer, &QTimer::timeout, this, &BriefingSchedule::check);
}

bool BriefingSchedule::isDue() const
{
    const QDateTime now = m_clock->now();
    const QDate today = LocalDay::of(now);
    const QDateTime from = QDateTime(today, m_time).toUTC();
    if (now < from)
        return false;
    const QDateTime last = SyncState(m_store).lastBriefing();
    return !last.isValid() || last < from;
}

void BriefingSchedule::start()
{
    m_timer.start();
    check();
}

void BriefingSchedule::check()
{
    const QDate today = LocalDay::of(m_clock->now());
    if (m_toldFor == today || !isDue())
        return;
    m_toldFor = today;
    Q_EMIT due();
}

} // namespace UpNext
