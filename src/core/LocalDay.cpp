#include "LocalDay.h"

namespace UpNext {

QDate LocalDay::of(const QDateTime &time)
{
    return time.toLocalTime().date();
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
