#include "sim/SimClickUp.h"
#include "sim/SimGitHub.h"
#include "sources/ClickUpReader.h"
#include "sources/CommentReader.h"
#include "sources/GitHubReader.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;

// Comment threads read from the simulated services, as the real ones answer.
class TestCommentReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void gitHubThreadOldestFirst();
    void longGitHubThreadShowsItsNewest();
    void clickUpThreadNewestLast();
    void errorsAndNothingToRead();

private:
    CommentThread read(const QString &taskId);

    QNetworkAccessManager m_manager;
    std::unique_ptr<Sim::SimGitHub> m_gitHub;
    std::unique_ptr<Sim::SimClickUp> m_clickUp;
    std::unique_ptr<RestClient> m_gitHubClient;
    std::unique_ptr<RestClient> m_clickUpClient;
    std::unique_ptr<CommentReader> m_reader;
    QString m_clickUpTask;
};

void TestCommentReader::init()
{
    m_gitHub = std::make_unique<Sim::SimGitHub>();
    QVERIFY(m_gitHub->listen() > 0);
    m_gitHub->addUser(QStringLiteral("me"), QStringLiteral("ghp_t"));
    m_gitHub->addIssue({.repo = QStringLiteral("acme/web"),
                        .title = QStringLiteral("Fix login"),
                        .assignees = {QStringLiteral("me")}});
    m_clickUp = std::make_unique<Sim::SimClickUp>();
    QVERIFY(m_clickUp->listen() > 0);
    m_clickUp->addUser(7, QStringLiteral("me"), QStringLiteral("me@example.com"),
                       QStringLiteral("pk_t"));
    m_clickUp->addUser(8, QStringLiteral("Bob Okafor"), QStringLiteral("bob@example.com"));
    m_clickUp->addList(QStringLiteral("901"), QStringLiteral("Backlog"));
    m_clickUpTask = m_clickUp->addTask({.name = QStringLiteral("Write report"),
                                        .listId = QStringLiteral("901"),
                                        .assignees = {7}});

    m_gitHubClient = std::make_unique<RestClient>(&m_manager, m_gitHub->baseUrl());
    GitHubReader::configure(m_gitHubClient.get(), "ghp_t");
    m_clickUpClient = std::make_unique<RestClient>(&m_manager, m_clickUp->baseUrl());
    ClickUpReader::configure(m_clickUpClient.get(), "pk_t");
    m_reader = std::make_unique<CommentReader>([this](const QString &source) {
        return source == Sources::GitHub ? m_gitHubClient.get() : m_clickUpClient.get();
    });
}

CommentThread TestCommentReader::read(const QString &taskId)
{
    CommentThread result;
    bool done = false;
    m_reader->read(taskId, this, [&](const CommentThread &thread) {
        result = thread;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        result.error = QStringLiteral("timed out");
    return result;
}

void TestCommentReader::gitHubThreadOldestFirst()
{
    m_gitHub->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("First"),
                         QStringLiteral("bob"));
    m_gitHub->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("Second\nline two"),
                         QStringLiteral("carol"));
    const CommentThread thread = read(QStringLiteral("github:acme/web#1"));
    QVERIFY2(thread.error.isEmpty(), qPrintable(thread.error));
    QCOMPARE(thread.comments.size(), 2);
    QCOMPARE(thread.comments.at(0).author, QStringLiteral("bob"));
    QCOMPARE(thread.comments.at(0).text, QStringLiteral("First"));
    QCOMPARE(thread.comments.at(1).author, QStringLiteral("carol"));
    QCOMPARE(thread.comments.at(1).text, QStringLiteral("Second\nline two"));
    QVERIFY(thread.comments.at(1).createdAt.isValid());
    QVERIFY(!thread.comments.at(1).waiting);
    QVERIFY(!thread.older);
}

void TestCommentReader::longGitHubThreadShowsItsNewest()
{
    for (int i = 1; i <= 130; ++i)
        m_gitHub->addComment(QStringLiteral("acme/web"), 1, QStringLiteral("Comment %1").arg(i),
                             QStringLiteral("bob"));
    const CommentThread thread = read(QStringLiteral("github:acme/web#1"));
    QVERIFY2(thread.error.isEmpty(), qPrintable(thread.error));
    QVERIFY(thread.older);
    QCOMPARE(thread.comments.constLast().text, QStringLiteral("Comment 130"));
    QCOMPARE(thread.comments.constFirst().text, QStringLiteral("Comment 101"));
}

void TestCommentReader::clickUpThreadNewestLast()
{
    m_clickUp->addComment(m_clickUpTask, QStringLiteral("Older"), 8);
    m_clickUp->addComment(m_clickUpTask, QStringLiteral("Newer"), 7);
    const CommentThread thread = read(QStringLiteral("clickup:") + m_clickUpTask);
    QVERIFY2(thread.error.isEmpty(), qPrintable(thread.error));
    QCOMPARE(thread.comments.size(), 2);
    QCOMPARE(thread.comments.at(0).text, QStringLiteral("Older"));
    QCOMPARE(thread.comments.at(0).author, QStringLiteral("Bob Okafor"));
    QCOMPARE(thread.comments.at(1).text, QStringLiteral("Newer"));
    QCOMPARE(thread.comments.at(1).author, QStringLiteral("me"));
    QVERIFY(thread.comments.at(0).createdAt <= thread.comments.at(1).createdAt);
    QVERIFY(!thread.older);

    // A full page: the source has older ones.
    for (int i = 0; i < 30; ++i)
        m_clickUp->addComment(m_clickUpTask, QStringLiteral("More %1").arg(i), 8);
    const CommentThread full = read(QStringLiteral("clickup:") + m_clickUpTask);
    QCOMPARE(full.comments.size(), 25);
    QVERIFY(full.older);
    QCOMPARE(full.comments.constLast().text, QStringLiteral("More 29"));
}

void TestCommentReader::errorsAndNothingToRead()
{
    const CommentThread gone = read(QStringLiteral("github:acme/web#99"));
    QVERIFY2(gone.error.startsWith(QStringLiteral("GitHub error: 404")), qPrintable(gone.error));
    // Not at its source yet: nothing to read, no request.
    const int requests = m_gitHub->requestLog().count();
    const CommentThread local = read(QStringLiteral("github:acme/web#local-1"));
    QVERIFY(local.error.isEmpty() && local.comments.isEmpty());
    QCOMPARE(m_gitHub->requestLog().count(), requests);
    // A source without a token says so.
    m_clickUpClient.reset();
    const CommentThread off = read(QStringLiteral("clickup:") + m_clickUpTask);
    QCOMPARE(off.error, QStringLiteral("ClickUp is not connected"));
}

QTEST_GUILESS_MAIN(TestCommentReader)
#include "tst_commentreader.moc"
