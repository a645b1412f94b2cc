#include "ManualClock.h"
#include "TestTasks.h"

#include "appcore/AppCore.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;
using namespace std::chrono_literals;

class TestAppCore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everythingReadsItsClock();
};

void TestAppCore::everythingReadsItsClock()
{
    QTemporaryDir dir;
    AppCore core{Profile(dir.path())};
    Test::ManualClock clock(utc(2026, 3, 10, 9));
    core.setClock(&clock);
    QString error;
    QVERIFY2(core.open(&error), qPrintable(error));
    QCOMPARE(core.clock(), &clock);

    // The task service, and through it the views.
    QCOMPARE(core.service()->now(), clock.now());
    // The sync engine: its nightly rescore is planned from the clock.
    core.engine()->start(1h);
    QCOMPARE(core.engine()->nightlyRescoreAt(),
             clock.now().toLocalTime().date().addDays(1).startOfDay().addSecs(30));
    core.engine()->stop();
    // The outbox processor: "retry now" means the clock's now.
    QVERIFY(core.store()->upsert({clickUp(QStringLiteral("a"), QStringLiteral("A"))}));
    const qint64 id =
        *core.outbox()->comment(QStringLiteral("clickup:a"), QStringLiteral("Hi"), clock.now());
    QVERIFY(core.outbox()->retryLater(id, clock.now().addSecs(3600), QStringLiteral("busy")));
    clock.advance(60);
    core.processor()->retryNow();
    QCOMPARE(core.outbox()->entries().constFirst().nextAttempt, clock.now());
}

QTEST_GUILESS_MAIN(TestAppCore)
#include "tst_appcore.moc"
