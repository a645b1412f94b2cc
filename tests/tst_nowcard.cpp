#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/NowCard.h"
#include "core/LocalDay.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestNowCard : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void nothingToDo();
    void showsTheBestWithWhy();
    void doneMovesOn();
    void skipMovesOn();
    void closedElsewhereMovesOn();

private:
};

void TestNowCard::init()
{
    QVERIFY(openProfile());
    startService();
}

void TestNowCard::nothingToDo()
{
    NowCard card(m_service.get(), m_store.get());
    QCOMPARE(card.currentTaskId(), QString());
    QCOMPARE(card.title(), QStringLiteral("Nothing to do right now"));
    QVERIFY(!card.doneAction()->isEnabled());
    QVERIFY(!card.skipAction()->isEnabled());
    QSignalSpy error(&card, &NowCard::error);
    QSignalSpy message(&card, &NowCard::message);
    card.nextAction()->trigger();
    QCOMPARE(error.size(), 0);
    QCOMPARE(message.constFirst().constFirst().toString(),
             QStringLiteral("Nothing open is assigned to you."));

    // A task arriving (a sync) becomes current at once.
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Arrived"), 5)}));
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:a"));
    QVERIFY(card.doneAction()->isEnabled());
}

void TestNowCard::showsTheBestWithWhy()
{
    Task blocking = gitHub(QStringLiteral("acme/web"), 7, QStringLiteral("Fix <login> & co"), 40);
    blocking.isBlocking = true;
    QVERIFY(
        m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Lesser"), 10), blocking}));
    NowCard card(m_service.get(), m_store.get());
    QCOMPARE(card.currentTaskId(), QStringLiteral("github:acme/web#7"));
    QCOMPARE(m_store->currentTask()->taskId, QStringLiteral("github:acme/web#7"));
    // Rich text with the title escaped and linked to the source.
    QVERIFY2(card.title().contains(QStringLiteral("Fix &lt;login&gt; &amp; co")),
             qPrintable(card.title()));
    QVERIFY(card.title().contains(blocking.url));
    QVERIFY2(card.explanation().startsWith(QStringLiteral("Score ")),
             qPrintable(card.explanation()));
    QVERIFY2(card.explanation().contains(QStringLiteral("Blocks others +")),
             qPrintable(card.explanation()));
}

void TestNowCard::doneMovesOn()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("First"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Second"), 20)}));
    NowCard card(m_service.get(), m_store.get());
    QSignalSpy message(&card, &NowCard::message);
    card.doneAction()->trigger();
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_outbox->entries().size(), 1);
    QCOMPARE(m_outbox->entries().constFirst().kind, OutboxEntry::Kind::Complete);
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:b"));
    QCOMPARE(message.constLast().constFirst().toString(),
             QStringLiteral("Done: “First”. Next: “Second”"));

    card.doneAction()->trigger();
    QCOMPARE(card.currentTaskId(), QString());
    QCOMPARE(message.constLast().constFirst().toString(),
             QStringLiteral("Done: “Second”. Nothing else is open."));
    QVERIFY(!card.doneAction()->isEnabled());
}

void TestNowCard::skipMovesOn()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("First"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Second"), 20)}));
    NowCard card(m_service.get(), m_store.get());
    QSignalSpy message(&card, &NowCard::message);
    card.skipAction()->trigger();
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:b"));
    QCOMPARE(message.constLast().constFirst().toString(),
             QStringLiteral("Skipped “First” for today. Next: “Second”"));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Todo);
    QVERIFY(m_outbox->entries().isEmpty());
    // Skipped for the day: done with the second, the first does not come back today.
    card.doneAction()->trigger();
    QCOMPARE(card.currentTaskId(), QString());
    m_clock.set(LocalDay::startOfNextDay(m_clock.now()).addSecs(-1));
    card.nextAction()->trigger();
    QCOMPARE(card.currentTaskId(), QString());
    // The next day by the service's clock, it is back.
    m_clock.advance(1);
    card.nextAction()->trigger();
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:a"));
}

void TestNowCard::closedElsewhereMovesOn()
{
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("First"), 30),
                             clickUp(QStringLiteral("b"), QStringLiteral("Second"), 20)}));
    NowCard card(m_service.get(), m_store.get());
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:a"));
    Task closed = clickUp(QStringLiteral("a"), QStringLiteral("First"), 30);
    closed.status = TaskStatus::Done;
    QVERIFY(m_store->upsert({closed})); // a sync brings the change in
    QCOMPARE(card.currentTaskId(), QStringLiteral("clickup:b"));
}

QTEST_MAIN(TestNowCard)
#include "tst_nowcard.moc"
