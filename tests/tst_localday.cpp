#include "core/LocalDay.h"

#include <QTest>
#include <QTimeZone>

using namespace UpNext;

namespace {

// A wall-clock time in the user's zone, given in UTC as the app passes it.
QDateTime local(const QDate &day, const QTime &time)
{
    return QDateTime(day, time).toUTC();
}

} // namespace

class TestLocalDay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theZoneIsInEffect();
    void of_data();
    void of();
    void between_data();
    void between();
    void startOfNextDay_data();
    void startOfNextDay();
};

// ctest runs this suite with TZ set to other zones: without the zone's file (Debian's tzdata)
// the C library would quietly use UTC and every zone's run would test UTC again.
void TestLocalDay::theZoneIsInEffect()
{
    const QByteArray tz = qgetenv("TZ");
    if (tz.isEmpty())
        QSKIP("TZ is not set");
    const QTimeZone zone(tz);
    QVERIFY2(zone.isValid(), "unknown time zone: is tzdata installed?");
    for (const QDate &day : {QDate(2026, 1, 15), QDate(2026, 7, 15)}) {
        const QDateTime noon(day, QTime(12, 0));
        QCOMPARE(noon.offsetFromUtc(), zone.offsetFromUtc(noon));
    }
}

void TestLocalDay::of_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QDate>("day");

    for (const QDate &day : {QDate(2026, 3, 10), QDate(2026, 3, 29), QDate(2026, 10, 25)}) {
        for (const QTime &time : {QTime(0, 0, 30), QTime(12, 0), QTime(20, 33), QTime(23, 59, 59)})
            QTest::addRow("%s %s", qPrintable(day.toString(Qt::ISODate)),
                          qPrintable(time.toString(Qt::ISODate)))
                << local(day, time) << day;
    }
    QTest::newRow("invalid") << QDateTime() << QDate();
}

void TestLocalDay::of()
{
    QFETCH(QDateTime, time);
    QFETCH(QDate, day);
    QCOMPARE(LocalDay::of(time), day);
    QCOMPARE(LocalDay::of(time.toLocalTime()), day);
    QCOMPARE(LocalDay::of(time.toOffsetFromUtc(14 * 3600)), day);
}

void TestLocalDay::between_data()
{
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("to");
    QTest::addColumn<qint64>("days");

    const QDate day(2026, 3, 10);
    QTest::newRow("same day") << local(day, QTime(0, 1)) << local(day, QTime(23, 59)) << 0LL;
    QTest::newRow("over midnight")
        << local(day.addDays(-1), QTime(23, 59)) << local(day, QTime(0, 1)) << 1LL;
    QTest::newRow("backwards") << local(day, QTime(0, 1)) << local(day.addDays(-1), QTime(23, 59))
                               << -1LL;
    // 167 hours across a spring change, 169 across an autumn one: a week all the same.
    for (const QDate &change : {QDate(2026, 3, 8), QDate(2026, 3, 29), QDate(2026, 9, 27),
                                QDate(2026, 11, 1), QDate(2026, 10, 25), QDate(2026, 4, 5)})
        QTest::addRow("a week up to %s", qPrintable(change.toString(Qt::ISODate)))
            << local(change.addDays(-7), QTime(9, 0)) << local(change, QTime(9, 0)) << 7LL;
}

void TestLocalDay::between()
{
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, to);
    QFETCH(qint64, days);
    QCOMPARE(LocalDay::between(from, to), days);
}

void TestLocalDay::startOfNextDay_data()
{
    QTest::addColumn<QDateTime>("now");

    // The days before and of the clock changes in the zones the tests run in, 2026; in Chile
    // summer time begins at midnight (2026-09-06 starts at 01:00).
    for (const QDate &day :
         {QDate(2026, 3, 10), QDate(2026, 3, 7), QDate(2026, 3, 8), QDate(2026, 10, 31),
          QDate(2026, 11, 1), QDate(2026, 3, 28), QDate(2026, 3, 29), QDate(2026, 10, 24),
          QDate(2026, 10, 25), QDate(2026, 4, 4), QDate(2026, 4, 5), QDate(2026, 9, 26),
          QDate(2026, 9, 27), QDate(2026, 9, 5), QDate(2026, 9, 6)}) {
        for (const QTime &time : {QTime(0, 0, 30), QTime(12, 0), QTime(23, 59, 59)}) {
            const QDateTime now = local(day, time);
            if (LocalDay::of(now) == day) // 00:00:30 may not exist where a day starts at 01:00
                QTest::addRow("%s %s", qPrintable(day.toString(Qt::ISODate)),
                              qPrintable(time.toString(Qt::ISODate)))
                    << now;
        }
    }
}

void TestLocalDay::startOfNextDay()
{
    QFETCH(QDateTime, now);
    const QDateTime next = LocalDay::startOfNextDay(now);
    QVERIFY(next > now);
    QCOMPARE(LocalDay::of(next), LocalDay::of(now).addDays(1));
    QCOMPARE(LocalDay::of(next.addSecs(-1)), LocalDay::of(now));
}

QTEST_GUILESS_MAIN(TestLocalDay)
#include "tst_localday.moc"
