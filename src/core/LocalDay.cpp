#include "LocalDay.h"

#include <limits>

namespace UpNext {

QDate LocalDay::of(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Each conversion to local time has the C library look at the zone file again (a stat
    // and more): thousands of tasks scored a second pay for it. Zones change their offset
    // on a quarter hour, so one offset holds for a whole quarter; a new system zone is seen
    // at the next quarter.
    constexpr qint64 Quarter = 15 * 60 * 1000;
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 quarter = ms >= 0 ? ms / Quarter : (ms - Quarter + 1) / Quarter;
    thread_local qint64 cachedQuarter = std::numeric_limits<qint64>::min();
    thread_local qint64 offsetMs = 0;
    if (quarter != cachedQuarter) {
        offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(quarter * Quarter, Qt::UTC)
                              .toLocalTime()
                              .offsetFromUtc()) *
                   1000;
        cachedQuarter = quarter;
    }
    return QDateTime::fromMSecsSinceEpoch(ms + offsetMs, Qt::UTC).date();
}

qint64 LocalDay::between(const QDateTime &from, const QDateTime &to)
{
    return of(from).daysTo(of(to));
}

QDateTime LocalDay::startOfNextDay(const QDateTime &now)
{
    // startOfDay, not 00:00: where a DST change skips midnight the day begins at 01:00.
    return of(now).addDays(1).startOfDay();
}

} // namespace UpNext
