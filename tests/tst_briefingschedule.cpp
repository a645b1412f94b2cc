#include "ProfileFixture.h"

#include "appcore/BriefingSchedule.h"

#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::Test;

// Once a day at the first start or wake at or after the set time, local time, until a
// briefing is made; the clock is the test's.
class TestBriefingSchedule : public QObject, protected ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dueOnceADayFromItsTime();
    void aLateStartStillHasItsBriefing();
    void aBriefingMadeEarlierCounts();

private:
    // A local wall-clock time on the day of m_now, as the clock gives it (UTC).
    QDateTime at(int day, int hour, int minute = 0) const
    {
        return QDateTime(m_now.toLocalTime().date().addDays(day), QTime(hour, minute)).toUTC();
    }

    std::unique_ptr<BriefingSchedule> m_schedule;
};

void TestBriefingSchedule::init()
{
    QVERIFY(openProfile());
    startService();
    m_schedule = std::make_unique<BriefingSchedule>(m_store.get(), &m_clock);
}

void TestBriefingSchedule::cleanup()
{
    m_schedule.reset();
    closeProfile();
}

void TestBriefingSchedule::dueOnceADayFromItsTime()
{
    QCOMPARE(m_schedule->time(), QTime(8, 0));
    QSignalSpy due(m_schedule.get(), &BriefingSchedule::due);
    m_clock.set(at(0, 7, 59));
    m_schedule->start();
    QVERIFY(!m_schedule->isDue());
    QCOMPARE(due.count(), 0);

    m_clock.set(at(0, 8, 0));
    m_schedule->check();
    QCOMPARE(due.count(), 1);
    m_clock.set(at(0, 8, 1));
    m_schedule->check();
    QCOMPARE(due.count(), 1); // told once, even while no briefing was made

    m_service->briefing(at(0, 8, 5)); // the user saw it
    QVERIFY(!m_schedule->isDue());

    // The next morning: not before its time, then once.
    m_clock.set(at(1, 7, 30));
    m_schedule->check();
    QCOMPARE(due.count(), 1);
    m_clock.set(at(1, 9, 15)); // a wake after a night asleep
    m_schedule->check();
    QCOMPARE(due.count(), 2);
}

void TestBriefingSchedule::aLateStartStillHasItsBriefing()
{
    m_schedule->setTime(QTime(7, 30));
    m_service->briefing(at(-1, 9, 0)); // yesterday's
    m_clock.set(at(0, 13, 0));
    QSignalSpy due(m_schedule.get(), &BriefingSchedule::due);
    m_schedule->start();
    QCOMPARE(due.count(), 1);
}

void TestBriefingSchedule::aBriefingMadeEarlierCounts()
{
    // Opened from the menu after today's time: that is today's briefing.
    m_service->briefing(at(0, 8, 30));
    m_clock.set(at(0, 10, 0));
    QSignalSpy due(m_schedule.get(), &BriefingSchedule::due);
    m_schedule->start();
    QCOMPARE(due.count(), 0);
    // Before its time it does not count: at 06:00 it was yesterday's news.
    m_service->briefing(at(1, 6, 0));
    m_clock.set(at(1, 8, 10));
    m_schedule->check();
    QCOMPARE(due.count(), 1);
}

QTEST_GUILESS_MAIN(TestBriefingSchedule)
#include "tst_briefingschedule.moc"
