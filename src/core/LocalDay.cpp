#include "LocalDay.h"

#include <array>
#include <limits>

namespace UpNext {

QDate LocalDay::of(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    // Each conversion to local time has the C library look at the zone file again (a stat
    // and more): thousands of tasks scored a second pay for it. Zones change their offset
    // on a quarter hour, so one offset holds for a whole quarter; a new system zone is seen
    // at the next quarter. A score compares a task's times with now: a few quarters are
    // kept, each in its slot.
    constexpr qint64 Quarter = 15 * 60 * 1000;
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 quarter = ms >= 0 ? ms / Quarter : (ms - Quarter + 1) / Quarter;
    struct Slot
    {
        qint64 quarter = std::numeric_limits<qint64>::min();
        qint64 offsetMs = 0;
    };
    thread_local std::array<Slot, 256> slots;
    Slot &slot = slots[size_t(quarter) % slots.size()];
    if (slot.quarter != quarter) {
        slot.offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(quarter * Quarter, Qt::UTC)
                                   .toLocalTime()
                                   .offsetFromUtc()) *
                        1000;
        slot.quarter = quarter;
    }
    const qint64 offsetMs = slot.offsetMs;
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
