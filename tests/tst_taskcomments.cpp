#include "ProfileFixture.h"

#include "appcore/TaskComments.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"
#include "sim/SimGitHub.h"
#include "sources/CommentReader.h"
#include "sources/GitHubReader.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;

// The threads the window shows: read once, kept, read again when they change, the user's
// waiting comments last.
class TestTaskComments : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readOnceAndKept();
    void waitingCommentsComeLast();
    void aSentCommentShowsAtOnce();
    void someoneElsesCommentIsReadAgain();

private:
    int commentReads() const;
    QStringList texts(const QString &taskId);

    const QString m_task = QStringLiteral("github:acme/web#1");
    QNetworkAccessManager m_manager;
    std::unique_ptr<Sim::SimGitHub> m_sim;
    std::unique_ptr<RestClient> m_client;
    std::unique_ptr<CommentReader> m_reader;
    std::unique_ptr<TaskComments> m_comments;
};

void TestTaskComments::init()
{
    QVERIFY(openProfile());
    m_sim = std::make_unique<Sim::SimGitHub>();
    QVERIFY(m_sim->listen() > 0);
    m_sim->addUser(QStringLiteral("me"), QStringLiteral("ghp_t"));
    m_sim->addIssue({.repo = QStringLiteral("acme/web"),
                     .title = QStringLiteral("Fix login"),
                     .assignees = {QStringLiteral("me")}});
    m_sim->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("From bob"),
                      QStringLiteral("bob"));
    QVERIFY(m_store->upsert(
        {TestTasks::gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Fix login"))}));
    m_client = std::make_unique<RestClient>(&m_manager, m_sim->baseUrl());
    GitHubReader::configure(m_client.get(), "ghp_t");
    m_reader = std::make_unique<CommentReader>([this](const QString &) { return m_client.get(); });
    m_comments = std::make_unique<TaskComments>(m_reader.get(), m_store.get(), m_outbox.get());
    m_comments->setClock(&m_clock);
}

void TestTaskComments::cleanup()
{
    m_comments.reset();
    closeProfile();
}

int TestTaskComments::commentReads() const
{
    int reads = 0;
    for (const Sim::SimRequestLog::Entry &entry : m_sim->requestLog().entries())
        reads += entry.target.contains(QStringLiteral("/comments")) ? 1 : 0;
    return reads;
}

QStringList TestTaskComments::texts(const QString &taskId)
{
    QStringList result;
    for (const Comment &comment : m_comments->thread(taskId).comments)
        result.append(comment.waiting ? QStringLiteral("(waiting) ") + comment.text : comment.text);
    return result;
}

void TestTaskComments::readOnceAndKept()
{
    QSignalSpy changed(m_comments.get(), &TaskComments::changed);
    QVERIFY(m_comments->thread(m_task).comments.isEmpty()); // not read yet
    QVERIFY(m_comments->isReading(m_task));
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.constLast().constFirst().toString(), m_task);
    QCOMPARE(texts(m_task), QStringList{QStringLiteral("From bob")});
    QCOMPARE(m_comments->thread(m_task).comments.constFirst().author, QStringLiteral("bob"));
    QCOMPARE(commentReads(), 1);
    // Kept: asking again reads nothing.
    texts(m_task);
    QVERIFY(!m_comments->isReading(m_task));
    QCOMPARE(commentReads(), 1);
}

void TestTaskComments::waitingCommentsComeLast()
{
    QSignalSpy changed(m_comments.get(), &TaskComments::changed);
    m_comments->thread(m_task);
    QVERIFY(changed.wait(10000));
    changed.clear();
    QVERIFY(m_outbox->comment(m_task, QStringLiteral("Mine"), m_now));
    QVERIFY(!changed.isEmpty()); // the outbox changed: the thread reads differently
    QCOMPARE(texts(m_task),
             (QStringList{QStringLiteral("From bob"), QStringLiteral("(waiting) Mine")}));
    QVERIFY(m_comments->thread(m_task).comments.constLast().author.isEmpty()); // the user's
}

void TestTaskComments::aSentCommentShowsAtOnce()
{
    QSignalSpy changed(m_comments.get(), &TaskComments::changed);
    m_comments->thread(m_task);
    QVERIFY(changed.wait(10000));
    const std::optional<qint64> id = m_outbox->comment(m_task, QStringLiteral("Mine"), m_now);
    QVERIFY(id);
    const OutboxEntry entry = m_outbox->entriesFor({m_task}).constFirst();
    // GitHub takes it, and the outbox lets it go.
    m_sim->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("Mine"), QStringLiteral("me"));
    QVERIFY(m_outbox->finish(*id));
    changed.clear();
    m_comments->commentSent(entry);
    QCOMPARE(texts(m_task), (QStringList{QStringLiteral("From bob"), QStringLiteral("Mine")}));
    QVERIFY(changed.wait(10000)); // read again to be sure
    QTRY_VERIFY(!m_comments->isReading(m_task));
    QCOMPARE(texts(m_task), (QStringList{QStringLiteral("From bob"), QStringLiteral("Mine")}));
    QCOMPARE(m_comments->thread(m_task).comments.constLast().author, QStringLiteral("me"));
    QCOMPARE(commentReads(), 2);
}

void TestTaskComments::someoneElsesCommentIsReadAgain()
{
    QSignalSpy changed(m_comments.get(), &TaskComments::changed);
    m_comments->thread(m_task);
    QVERIFY(changed.wait(10000));
    m_sim->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("From carol"),
                      QStringLiteral("carol"));
    // The webhook says carol commented.
    Task task = *m_store->task(m_task);
    task.updatedAt = m_now;
    TaskChanges described;
    described.origin = ChangeOrigin::Webhook;
    described.external = {
        {m_task,
         {{FieldChange::Field::Comments, QVariant(), QStringLiteral("From carol")}},
         QStringLiteral("carol")}};
    changed.clear();
    QVERIFY(m_store->upsert({task}, described));
    QVERIFY(changed.wait(10000));
    QCOMPARE(texts(m_task),
             (QStringList{QStringLiteral("From bob"), QStringLiteral("From carol")}));
    // A task never shown is not read for it.
    QCOMPARE(commentReads(), 2);
}

QTEST_GUILESS_MAIN(TestTaskComments)
#include "tst_taskcomments.moc"
