#pragma once

#include "core/Clock.h"

namespace UpNext::Test {

// A clock the test sets and moves.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &now = {})
        : m_now(now)
    {}

    QDateTime now() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }

private:
    QDateTime m_now;
};

} // namespace UpNext::Test
