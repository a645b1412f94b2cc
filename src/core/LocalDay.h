#pragma once

#include <QDateTime>

namespace UpNext {

// The app's one "today": the calendar day in the user's local time zone. Due today, overdue,
// days without activity, skipped for today and the nightly rescore all count days with it,
// so they agree with each other and with the list wherever the user is, across DST changes.
class LocalDay final
{
public:
    LocalDay() = delete;

    // The local day a time falls on, whatever zone the time is given in; invalid if it is.
    // Today is of(clock->now()): nothing reads the wall clock behind the app's Clock.
    static QDate of(const QDateTime &time);
    // Whole local days from one time to the other: 1 from 23:59 to 00:01 the next day, and 7
    // from 09:00 to 09:00 a week later even when a DST change made that week 167 hours long.
    static qint64 between(const QDateTime &from, const QDateTime &to);
    // When the local day after the one now falls on begins: not always at 00:00 nor 24 hours
    // after the last one.
    static QDateTime startOfNextDay(const QDateTime &now);
};

} // namespace UpNext
