#pragma once

#include <QDateTime>

namespace UpNext {

// Where the time comes from. The system clock by default; tests set their own
// so that midnight, skip-until-tomorrow, staleness, due dates and backoff can
// be checked at any time of any day.
class Clock
{
public:
    virtual ~Clock() = default;
    // Now, in UTC.
    virtual QDateTime now() const = 0;

    // The wall clock; lives as long as the program.
    static const Clock *system();
};

} // namespace UpNext
