#include "appcore/StopSignals.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace UpNext;

class TestStopSignals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void termAndIntArriveThroughTheEventLoop();
};

void TestStopSignals::termAndIntArriveThroughTheEventLoop()
{
    const StopSignals stopSignals;
    QSignalSpy received(&stopSignals, &StopSignals::received);
    QCOMPARE(::raise(SIGTERM), 0); // without the handler, this ends the test
    QVERIFY(received.isEmpty());   // not from inside the handler
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toInt(), SIGTERM);
    QCOMPARE(::raise(SIGINT), 0);
    QTRY_COMPARE(received.size(), 2);
    QCOMPARE(received.last().first().toInt(), SIGINT);
}

QTEST_GUILESS_MAIN(TestStopSignals)
#include "tst_stopsignals.moc"
