#include "ProfileFixture.h"

#include "appcore/ChangeNotifier.h"
#include "core/Entities.h"
#include "core/OutboxEntry.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(UpNext::Task)
Q_DECLARE_METATYPE(UpNext::ExternalChange)

using namespace UpNext;
using namespace UpNext::Test;
using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

namespace {

using Field = FieldChange::Field;
using Kind = Notification::Kind;

const QString Repo = QStringLiteral("acme/web");

QString gitHubId(int number)
{
    return Task::makeId(Sources::GitHub, QStringLiteral("%1#%2").arg(Repo).arg(number));
}

} // namespace

// Notifications driven through the change feed: what the store publishes after a webhook or
// a sync, worded, coalesced, and kept quiet for the user's own changes.
class TestChangeNotifier : public QObject, protected ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void wording_data();
    void wording();
    void notNewsIsNotTold_data();
    void notNewsIsNotTold();
    void aBurstIsToldTogether();
    void quietAgainAfterABurst();
    void needsTheUserOnce();
    void switchesAndDoNotDisturb();

private:
    // Publishes one outside change to issue number (stored first as the task before it).
    void publish(const Task &after, const ExternalChange &change,
                 ChangeOrigin origin = ChangeOrigin::Webhook);
    Task issue(int number, const QString &title = QStringLiteral("Fix login")) const;

    std::unique_ptr<Entities> m_clients;
    std::unique_ptr<ChangeNotifier> m_notifier;
};

void TestChangeNotifier::init()
{
    QVERIFY(openProfile());
    QFile file(m_dir->filePath(QStringLiteral("entities.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme"}, {"id": "globex", "name": "Globex"}])");
    file.close();
    m_clients = std::make_unique<Entities>();
    QVERIFY(m_clients->load(file.fileName()));
    m_notifier = std::make_unique<ChangeNotifier>(m_store.get(), m_clients.get());
    m_notifier->setBurstWindow(100ms);
}

void TestChangeNotifier::cleanup()
{
    m_notifier.reset();
    m_clients.reset();
    closeProfile();
}

Task TestChangeNotifier::issue(int number, const QString &title) const
{
    Task task = TestTasks::gitHub(Repo, number, title);
    task.entity = QStringLiteral("acme");
    return task;
}

void TestChangeNotifier::publish(const Task &after, const ExternalChange &change,
                                 ChangeOrigin origin)
{
    TaskChanges described;
    described.origin = origin;
    described.external = {change};
    QVERIFY(m_store->upsert({after}, described));
}

void TestChangeNotifier::wording_data()
{
    QTest::addColumn<Task>("after");
    QTest::addColumn<ExternalChange>("change");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");

    const QString todo = QStringLiteral("todo");
    const QString done = QStringLiteral("done");
    Task closed = issue(1);
    closed.status = TaskStatus::Done;
    QTest::newRow("closed") << closed
                            << ExternalChange{gitHubId(1), {{Field::Status, todo, done}}, u"bob"_s}
                            << int(Kind::Closed) << u"bob closed “Fix login” (GitHub)"_s;
    QTest::newRow("reopened") << issue(1)
                              << ExternalChange{gitHubId(1),
                                                {{Field::Status, done, todo}},
                                                u"bob"_s}
                              << int(Kind::Reopened) << u"bob reopened “Fix login” (GitHub)"_s;
    QTest::newRow("assigned") << issue(1)
                              << ExternalChange{gitHubId(1),
                                                {{Field::Assignee, u""_s, u"me"_s}},
                                                u"carol"_s}
                              << int(Kind::Assigned)
                              << "carol assigned “Fix login” to you (GitHub)";
    Task gone = issue(1);
    gone.assignedToMe = false;
    QTest::newRow("unassigned") << gone
                                << ExternalChange{gitHubId(1),
                                                  {{Field::Assignee, u"me"_s, u""_s}},
                                                  u"bob"_s}
                                << int(Kind::Unassigned)
                                << "bob unassigned you from “Fix login” (GitHub)";
    QTest::newRow("commented") << issue(1)
                               << ExternalChange{gitHubId(1),
                                                 {{Field::Comments, {}, u"Looks good\nto me"_s}},
                                                 u"dave"_s}
                               << int(Kind::Commented)
                               << "dave commented on “Fix login” (GitHub): Looks good to me";
    Task due = issue(1);
    due.dueDate = QDate(2026, 3, 12);
    QTest::newRow("due moved") << due
                               << ExternalChange{gitHubId(1),
                                                 {{Field::Due, QDate(), due.dueDate}},
                                                 u"bob"_s}
                               << int(Kind::DueMoved)
                               << QStringLiteral("bob moved “Fix login” to be due %1 (GitHub)")
                                      .arg(QLocale().toString(due.dueDate, QLocale::ShortFormat));
    QTest::newRow("due removed") << issue(1)
                                 << ExternalChange{gitHubId(1),
                                                   {{Field::Due, QDate(2026, 3, 12), QDate()}},
                                                   u"bob"_s}
                                 << int(Kind::DueMoved)
                                 << "bob removed the due date of “Fix login” (GitHub)";
    QTest::newRow("no actor") << closed
                              << ExternalChange{gitHubId(1), {{Field::Status, todo, done}}, u""_s}
                              << int(Kind::Closed) << u"Someone closed “Fix login” (GitHub)"_s;
    Task clickUp = TestTasks::clickUp(QStringLiteral("86abc"), QStringLiteral("A very long title "
                                                                              "that goes on and on "
                                                                              "well past sixty "
                                                                              "letters"));
    clickUp.status = TaskStatus::Done;
    QTest::newRow("long title")
        << clickUp << ExternalChange{clickUp.id, {{Field::Status, todo, done}}, u"Bob Okafor"_s}
        << int(Kind::Closed)
        << QStringLiteral("Bob Okafor closed “A very long title that goes on and on well past "
                          "sixty lette…” (ClickUp)");
}

void TestChangeNotifier::wording()
{
    QFETCH(Task, after);
    QFETCH(ExternalChange, change);
    QFETCH(int, kind);
    QFETCH(QString, text);

    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    publish(after, change);
    QCOMPARE(notified.count(), 1); // at once: the first after a quiet spell
    const auto notification = notified.first().first().value<Notification>();
    QCOMPARE(int(notification.kind), kind);
    QCOMPARE(notification.text, text);
    QCOMPARE(notification.taskId, after.id);
}

void TestChangeNotifier::notNewsIsNotTold_data()
{
    QTest::addColumn<Task>("after");
    QTest::addColumn<ExternalChange>("change");
    QTest::addColumn<int>("origin");

    Task closed = issue(1);
    closed.status = TaskStatus::Done;
    const FieldChange closing{Field::Status, QStringLiteral("todo"), QStringLiteral("done")};
    QTest::newRow("the user's own, echoed")
        << closed << ExternalChange{gitHubId(1), {closing}, u"me"_s, true}
        << int(ChangeOrigin::Webhook);
    QTest::newRow("made here") << closed << ExternalChange{gitHubId(1), {closing}, u"me"_s}
                               << int(ChangeOrigin::User);
    QTest::newRow("a title edit") << issue(1, QStringLiteral("Fix the login"))
                                  << ExternalChange{gitHubId(1),
                                                    {{Field::Title, u"Fix login"_s,
                                                      u"Fix the login"_s}},
                                                    u"bob"_s}
                                  << int(ChangeOrigin::Webhook);
    Task theirs = issue(1);
    theirs.assignedToMe = false;
    QTest::newRow("someone else's task")
        << theirs << ExternalChange{gitHubId(1), {{Field::Comments, {}, u"Hi"_s}}, u"bob"_s}
        << int(ChangeOrigin::Sync);
}

void TestChangeNotifier::notNewsIsNotTold()
{
    QFETCH(Task, after);
    QFETCH(ExternalChange, change);
    QFETCH(int, origin);

    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    publish(after, change, ChangeOrigin(origin));
    // And nothing later either: a later change is told at once, and is the only one.
    Task closed = issue(2);
    closed.status = TaskStatus::Done;
    publish(closed, {closed.id,
                     {{Field::Status, QStringLiteral("todo"), QStringLiteral("done")}},
                     QStringLiteral("bob")});
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Notification>().taskId, closed.id);
}

void TestChangeNotifier::aBurstIsToldTogether()
{
    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    for (int number = 1; number <= 6; ++number) {
        Task closed = issue(number, QStringLiteral("Issue %1").arg(number));
        closed.status = TaskStatus::Done;
        publish(closed, {closed.id,
                         {{Field::Status, QStringLiteral("todo"), QStringLiteral("done")}},
                         QStringLiteral("bob")});
    }
    QCOMPARE(notified.count(), 1);
    QCOMPARE(notified.first().first().value<Notification>().text,
             QStringLiteral("bob closed “Issue 1” (GitHub)"));

    QTRY_COMPARE(notified.count(), 2);
    const auto summary = notified.last().first().value<Notification>();
    QCOMPARE(summary.kind, Kind::Summary);
    QCOMPARE(summary.text, QStringLiteral("5 tasks changed in Acme\n"
                                          "bob closed “Issue 2” (GitHub)\n"
                                          "bob closed “Issue 3” (GitHub)\n"
                                          "bob closed “Issue 4” (GitHub)\n"
                                          "and 2 more"));
    QVERIFY(summary.taskId.isEmpty());
}

void TestChangeNotifier::quietAgainAfterABurst()
{
    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    const auto comment = [this](int number, const QString &client) {
        Task task = issue(number);
        task.entity = client;
        publish(task,
                {task.id, {{Field::Comments, {}, QStringLiteral("Hi")}}, QStringLiteral("bob")});
    };
    comment(1, QStringLiteral("acme"));
    comment(2, QStringLiteral("acme"));
    QTRY_COMPARE(notified.count(), 2); // one alone is told as itself at the end of the burst
    QCOMPARE(notified.last().first().value<Notification>().kind, Kind::Commented);
    comment(3, QStringLiteral("globex"));
    comment(4, QStringLiteral("acme"));
    comment(5, QStringLiteral("acme"));
    QTRY_COMPARE(notified.count(), 3); // the burst goes on: told together
    // Two clients: no client in the summary.
    QVERIFY(notified.at(2).first().value<Notification>().text.startsWith(
        QStringLiteral("3 tasks changed\n")));
    // The burst ends when a window passes with nothing in it; then a change is told at once.
    QTRY_VERIFY(!m_notifier->inBurst());
    comment(6, QStringLiteral("acme"));
    QCOMPARE(notified.count(), 4);
}

void TestChangeNotifier::needsTheUserOnce()
{
    QVERIFY(m_store->upsert({issue(1)}));
    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    OutboxEntry entry;
    entry.id = 7;
    entry.taskId = gitHubId(1);
    entry.kind = OutboxEntry::Kind::Comment;
    m_notifier->writeRefused(entry, QStringLiteral("GitHub error: 403 (Forbidden)"));
    m_notifier->writeRefused(entry, QStringLiteral("GitHub error: 403 (Forbidden)"));
    QCOMPARE(notified.count(), 1);
    auto told = notified.last().first().value<Notification>();
    QCOMPARE(told.kind, Kind::WriteRefused);
    QCOMPARE(told.text, QStringLiteral("GitHub refused your comment on “Fix login”: GitHub error: "
                                       "403 (Forbidden)"));
    QCOMPARE(told.taskId, entry.taskId);

    m_notifier->tokenRejected(Sources::ClickUp,
                              QStringLiteral("ClickUp error: 401 (Token invalid)."));
    m_notifier->tokenRejected(Sources::ClickUp,
                              QStringLiteral("ClickUp error: 401 (Token invalid)."));
    QCOMPARE(notified.count(), 2);
    told = notified.last().first().value<Notification>();
    QCOMPARE(told.kind, Kind::TokenRejected);
    QCOMPARE(told.title, QStringLiteral("ClickUp rejected the token"));
    m_notifier->tokenAccepted(Sources::ClickUp);
    m_notifier->tokenRejected(Sources::ClickUp, QStringLiteral("again"));
    QCOMPARE(notified.count(), 3);

    m_notifier->webhooksNotArriving(Sources::GitHub, QStringLiteral("No deliveries."));
    QCOMPARE(notified.last().first().value<Notification>().title,
             QStringLiteral("GitHub webhooks are not arriving"));
}

void TestChangeNotifier::switchesAndDoNotDisturb()
{
    QSignalSpy notified(m_notifier.get(), &ChangeNotifier::notify);
    m_notifier->setEnabled(Kind::Commented, false);
    publish(issue(1), {gitHubId(1), {{Field::Comments, {}, u"Hi"_s}}, u"bob"_s});
    QCOMPARE(notified.count(), 0);
    m_notifier->setEnabled(Kind::Commented, true);
    m_notifier->setDoNotDisturb(true);
    publish(issue(2), {gitHubId(2), {{Field::Comments, {}, u"Hi"_s}}, u"bob"_s});
    m_notifier->webhooksNotArriving(Sources::GitHub, QStringLiteral("No deliveries."));
    QCOMPARE(notified.count(), 0);
    m_notifier->setDoNotDisturb(false);
    publish(issue(3), {gitHubId(3), {{Field::Comments, {}, u"Hi"_s}}, u"bob"_s});
    QCOMPARE(notified.count(), 1);
}

QTEST_GUILESS_MAIN(TestChangeNotifier)
#include "tst_changenotifier.moc"
