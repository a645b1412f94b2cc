#include "core/SyncState.h"
#include "core/TaskStore.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace UpNext;

class TestSyncState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void valuesArePerSourceAndSurviveReopen();
    void setValuesJoinsTheStoresTransaction();
    void valuesAreNotTaskChanges();
    void responseCache();
    void lastBriefing();
    void lastBriefingWhereEarlierVersionsKeptIt();
    void closedStoreIsAClearError();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("upnext.db")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSyncState::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSyncState::valuesArePerSourceAndSurviveReopen()
{
    const QString login = QStringLiteral("login");
    {
        TaskStore store;
        QVERIFY(store.open(dbPath()));
        SyncState state(&store);
        QVERIFY(state.value(Sources::GitHub, login).isEmpty());
        QVERIFY(state.setValue(Sources::GitHub, login, QStringLiteral("octocat")));
        QVERIFY(state.setValue(Sources::ClickUp, login, QStringLiteral("42")));
        QVERIFY(state.setValues(Sources::GitHub, {{login, QStringLiteral("me")},
                                                  {QStringLiteral("highWater"), QString()}}));
    }
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    SyncState state(&store);
    QCOMPARE(state.value(Sources::GitHub, login), QStringLiteral("me"));
    QCOMPARE(state.value(Sources::ClickUp, login), QStringLiteral("42"));
    QCOMPARE(state.value(Sources::GitHub, QStringLiteral("highWater")), QString());
}

void TestSyncState::setValuesJoinsTheStoresTransaction()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    SyncState state(&store);
    const QString key = QStringLiteral("highWater");
    QVERIFY(!store.transaction(ChangeOrigin::Sync, [&] {
        return state.setValues(Sources::GitHub, {{key, QStringLiteral("1")}}) && false;
    }));
    QVERIFY(state.value(Sources::GitHub, key).isEmpty());
    QVERIFY(store.transaction(ChangeOrigin::Sync, [&] {
        return state.setValues(Sources::GitHub, {{key, QStringLiteral("2")}});
    }));
    QCOMPARE(state.value(Sources::GitHub, key), QStringLiteral("2"));
}

void TestSyncState::valuesAreNotTaskChanges()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QSignalSpy changed(&store, &TaskStore::changed);
    SyncState state(&store);
    QVERIFY(state.setValue(Sources::ClickUp, QStringLiteral("teamId"), QStringLiteral("9")));
    QVERIFY(state.setCachedResponse(QStringLiteral("https://x/"), {"e", "[]"}));
    QVERIFY(state.setLastBriefing(QDateTime::currentDateTimeUtc()));
    QCOMPARE(changed.count(), 0);
}

void TestSyncState::responseCache()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    SyncState state(&store);
    const QString url = QStringLiteral("https://api.github.com/issues?page=1");
    QCOMPARE(state.cachedResponse(url), std::nullopt);
    QVERIFY(state.setCachedResponse(url, {"W/\"1\"", "[1,2]"}));
    QVERIFY(state.setCachedResponse(url, {"W/\"2\"", QByteArray()}));
    QCOMPARE(state.cachedResponse(url),
             std::optional<CachedResponse>(CachedResponse{"W/\"2\"", ""}));
}

void TestSyncState::lastBriefing()
{
    const QDateTime when(QDate(2026, 3, 2), QTime(7, 30, 15), QTimeZone(3600));
    {
        TaskStore store;
        QVERIFY(store.open(dbPath()));
        SyncState state(&store);
        QVERIFY(!state.lastBriefing().isValid());
        QVERIFY(state.setLastBriefing(when));
    }
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QCOMPARE(SyncState(&store).lastBriefing(), when);
    // Not a source's value: a source named "app" could not overwrite it by accident.
    QVERIFY(SyncState(&store).value(Sources::GitHub, QStringLiteral("lastBriefing")).isEmpty());
}

void TestSyncState::lastBriefingWhereEarlierVersionsKeptIt()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    QSqlQuery query(store.database());
    QVERIFY(query.exec(QStringLiteral("INSERT INTO sync_state (source, key, value)"
                                      " VALUES ('app', 'lastBriefing', '2026-03-01T08:00:00Z')")));
    QCOMPARE(SyncState(&store).lastBriefing(),
             QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc()));
}

void TestSyncState::closedStoreIsAClearError()
{
    TaskStore store;
    QVERIFY(store.open(dbPath()));
    store.close();
    SyncState state(&store);
    QVERIFY(!state.setValue(Sources::GitHub, QStringLiteral("login"), QStringLiteral("me")));
    QVERIFY(!state.lastError().isEmpty());
    QVERIFY(state.value(Sources::GitHub, QStringLiteral("login")).isEmpty());
    QVERIFY(state.lastError().contains(QStringLiteral("sync state")));
    QCOMPARE(state.cachedResponse(QStringLiteral("https://x/")), std::nullopt);
    QVERIFY(state.lastError().contains(QStringLiteral("response cache")));
}

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
