#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/OutboxDialog.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "core/Translations.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestOutboxDialog : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void emptyState();
    void rowsShowEachEntry();
    void buttonsFollowTheSelection();
    void retryMakesAFailedCloseWaitAgain();
    void retrySendsAWaitingChangeNow();
    void discardRemovesAFailedCreate();
    void discardCanBeCancelled();
    void discardAsksWithAMessageBox();
    void failuresAreShownInTheDialog();
    void refreshKeepsTheSelection();

private:
    QPushButton *button(OutboxDialog &dialog, const QString &text) const;
    int rowOf(OutboxDialog &dialog, qint64 entryId) const;
    void selectRows(OutboxDialog &dialog, const QList<int> &rows) const;
    bool execOnTheSide(const QString &sql) const;
};

void TestOutboxDialog::initTestCase()
{
    // English plurals ("1 change") come from a translation, as in the app.
    Translations::install(QStringLiteral("en"));
}

void TestOutboxDialog::init()
{
    QVERIFY(openProfile());
    startService();
    QVERIFY(m_store->upsert({clickUp(QStringLiteral("a"), QStringLiteral("Write report"), 10),
                             clickUp(QStringLiteral("b"), QStringLiteral("Call Bob"), 8),
                             gitHub(QStringLiteral("o/r"), 1, QStringLiteral("Fix login"), 5)}));
}

QPushButton *TestOutboxDialog::button(OutboxDialog &dialog, const QString &text) const
{
    for (QPushButton *candidate : dialog.findChildren<QPushButton *>()) {
        if (candidate->text().remove(QLatin1Char('&')) == text)
            return candidate;
    }
    return nullptr;
}

int TestOutboxDialog::rowOf(OutboxDialog &dialog, qint64 entryId) const
{
    QTableWidget *table = dialog.table();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, OutboxDialog::TaskColumn)->data(OutboxDialog::EntryIdRole) == entryId)
            return row;
    }
    return -1;
}

void TestOutboxDialog::selectRows(OutboxDialog &dialog, const QList<int> &rows) const
{
    QTableWidget *table = dialog.table();
    table->clearSelection();
    for (const int row : rows)
        table->selectionModel()->select(table->model()->index(row, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

// A second connection to the store's file, for what the public API cannot do.
bool TestOutboxDialog::execOnTheSide(const QString &sql) const
{
    const QString name = QStringLiteral("side");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_store->path());
        ok = db.open() && QSqlQuery(db).exec(sql);
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void TestOutboxDialog::emptyState()
{
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Outbox"));
    QVERIFY(dialog.isShowingEmptyState());
    QVERIFY(!dialog.table()->isVisible());
    bool shown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        shown =
            shown || (label->isVisible() &&
                      label->text() ==
                          QStringLiteral("Nothing is waiting: every change reached its source."));
    }
    QVERIFY(shown);
    QVERIFY(!button(dialog, QStringLiteral("Retry"))->isEnabled());
    QVERIFY(!button(dialog, QStringLiteral("Discard"))->isEnabled());
    QVERIFY(button(dialog, QStringLiteral("Close")));

    // An entry arriving while the dialog is open shows up (the store announces it).
    QVERIFY(m_outbox->complete(QStringLiteral("clickup:a"), m_now));
    QVERIFY(!dialog.isShowingEmptyState());
    QVERIFY(dialog.table()->isVisible());
    QCOMPARE(dialog.table()->rowCount(), 1);
}

void TestOutboxDialog::rowsShowEachEntry()
{
    const qint64 close = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    const QString longLine = QString(100, QLatin1Char('y'));
    const qint64 comment = *m_outbox->comment(QStringLiteral("github:o/r#1"),
                                              QStringLiteral("Looks good 🚀\nsecond line"), m_now);
    const qint64 longComment = *m_outbox->comment(QStringLiteral("clickup:b"), longLine, m_now);
    const QDateTime later = m_clock.now().addSecs(3600);
    QVERIFY(m_outbox->retryLater(longComment, later, QStringLiteral("timeout")));
    Task draft = gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("New thing"));
    const QString localId = *m_outbox->create(draft, m_now);
    const qint64 create = m_outbox->entries().last().id;
    QVERIFY(m_outbox->markSending(create, m_now));
    const QString error = QStringLiteral("GitHub error: 410 (Issues are disabled)\nMore detail");
    QVERIFY(m_outbox->fail(create, error));

    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->columnCount(), int(OutboxDialog::ColumnCount));
    const auto text = [table](int row, int column) {
        return table->item(row, column)->text();
    };

    const int closeRow = rowOf(dialog, close);
    QCOMPARE(text(closeRow, OutboxDialog::TaskColumn), QStringLiteral("Write report"));
    QCOMPARE(text(closeRow, OutboxDialog::WhatColumn), QStringLiteral("Done")); // one word
    QCOMPARE(text(closeRow, OutboxDialog::StateColumn), QStringLiteral("Waiting"));
    QCOMPARE(text(closeRow, OutboxDialog::AttemptsColumn), QStringLiteral("0"));
    QCOMPARE(text(closeRow, OutboxDialog::NextAttemptColumn), QStringLiteral("Now")); // due
    QCOMPARE(text(closeRow, OutboxDialog::ErrorColumn), QString());

    const int commentRow = rowOf(dialog, comment);
    QCOMPARE(text(commentRow, OutboxDialog::TaskColumn), QStringLiteral("Fix login"));
    QCOMPARE(text(commentRow, OutboxDialog::WhatColumn), QStringLiteral("Comment: Looks good 🚀…"));
    QCOMPARE(table->item(commentRow, OutboxDialog::WhatColumn)->toolTip(),
             QStringLiteral("Looks good 🚀\nsecond line"));

    const int longRow = rowOf(dialog, longComment);
    QCOMPARE(text(longRow, OutboxDialog::WhatColumn),
             QStringLiteral("Comment: ") + longLine.left(60) + QChar(0x2026));
    QCOMPARE(text(longRow, OutboxDialog::NextAttemptColumn),
             QLocale().toString(later.toLocalTime(), QLocale::ShortFormat));
    QCOMPARE(text(longRow, OutboxDialog::ErrorColumn), QStringLiteral("timeout"));

    const int createRow = rowOf(dialog, create);
    QCOMPARE(text(createRow, OutboxDialog::TaskColumn), QStringLiteral("New thing"));
    // Named, never by its (local) id.
    QCOMPARE(table->item(createRow, OutboxDialog::TaskColumn)->toolTip(),
             QStringLiteral("New thing"));
    QVERIFY(!localId.isEmpty());
    QCOMPARE(text(createRow, OutboxDialog::WhatColumn), QStringLiteral("Create: New thing"));
    QCOMPARE(text(createRow, OutboxDialog::StateColumn), QStringLiteral("Failed"));
    QCOMPARE(text(createRow, OutboxDialog::AttemptsColumn), QStringLiteral("1"));
    QCOMPARE(text(createRow, OutboxDialog::NextAttemptColumn), QString()); // waits for the user
    QCOMPARE(text(createRow, OutboxDialog::ErrorColumn),
             QStringLiteral("GitHub error: 410 (Issues are disabled)…"));
    QCOMPARE(table->item(createRow, OutboxDialog::ErrorColumn)->toolTip(), error);

    // Failed rows stand out; the others keep the default colours.
    for (int column = 0; column < OutboxDialog::ColumnCount; ++column) {
        QVERIFY(table->item(createRow, column)->data(Qt::ForegroundRole).isValid());
        QVERIFY(!table->item(closeRow, column)->data(Qt::ForegroundRole).isValid());
    }

    // A task the store does not know shows its id.
    QVERIFY(execOnTheSide(
        QStringLiteral("UPDATE outbox SET task_id = 'clickup:gone' WHERE id = %1").arg(close)));
    dialog.refresh();
    QCOMPARE(text(rowOf(dialog, close), OutboxDialog::TaskColumn), QStringLiteral("clickup:gone"));

    // Its time come by the service's clock, a waiting entry is due "Now".
    m_clock.set(later);
    dialog.refresh();
    QCOMPARE(text(rowOf(dialog, longComment), OutboxDialog::NextAttemptColumn),
             QStringLiteral("Now"));
}

void TestOutboxDialog::buttonsFollowTheSelection()
{
    const qint64 pending = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    const qint64 failed = *m_outbox->complete(QStringLiteral("clickup:b"), m_now);
    QVERIFY(m_outbox->fail(failed, QStringLiteral("refused")));

    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    QPushButton *retry = button(dialog, QStringLiteral("Retry"));
    QPushButton *discard = button(dialog, QStringLiteral("Discard"));
    QVERIFY(retry && discard);
    QVERIFY(!retry->isEnabled());
    QVERIFY(!discard->isEnabled());

    selectRows(dialog, {rowOf(dialog, pending)});
    QVERIFY(retry->isEnabled()); // a waiting entry goes now
    QVERIFY(discard->isEnabled());

    QVERIFY(m_outbox->markSending(pending, m_now));
    QVERIFY(!retry->isEnabled()); // its answer is on the way
    QVERIFY(!discard->isEnabled());
    QVERIFY(m_outbox->retryLater(pending, m_now, QStringLiteral("timeout")));

    selectRows(dialog, {rowOf(dialog, failed)});
    QVERIFY(retry->isEnabled());
    QVERIFY(discard->isEnabled());

    selectRows(dialog, {rowOf(dialog, pending), rowOf(dialog, failed)});
    QCOMPARE(dialog.table()->selectionModel()->selectedRows().size(), 2);
    QVERIFY(retry->isEnabled());
    QVERIFY(discard->isEnabled());

    dialog.table()->clearSelection();
    QVERIFY(!retry->isEnabled());
    QVERIFY(!discard->isEnabled());
}

void TestOutboxDialog::retryMakesAFailedCloseWaitAgain()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    const qint64 other = *m_outbox->complete(QStringLiteral("clickup:b"), m_now);
    QVERIFY(m_outbox->fail(id, QStringLiteral("ClickUp error: 404 (Task not found)")));
    QVERIFY(m_outbox->fail(other, QStringLiteral("refused")));
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Todo);

    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    QSignalSpy changed(m_outbox.get(), &Outbox::changed);
    QSignalSpy retried(m_service.get(), &TaskService::queued);
    selectRows(dialog, {rowOf(dialog, id)});
    m_clock.advance(600);
    QTest::mouseClick(button(dialog, QStringLiteral("Retry")), Qt::LeftButton);

    QCOMPARE(changed.size(), 1);
    QCOMPARE(retried.size(), 1);
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Done);
    QCOMPARE(m_store->task(QStringLiteral("clickup:b"))->status, TaskStatus::Todo); // not selected
    const QList<OutboxEntry> failed = m_outbox->failed();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().id, other);
    const QList<OutboxEntry> due = m_outbox->due(m_clock.now());
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().id, id);
    QCOMPARE(due.first().nextAttempt, m_clock.now()); // due now, not at the old time
    QCOMPARE(dialog.table()->item(rowOf(dialog, id), OutboxDialog::StateColumn)->text(),
             QStringLiteral("Waiting"));
    QVERIFY(!dialog.table()
                 ->item(rowOf(dialog, id), OutboxDialog::StateColumn)
                 ->data(Qt::ForegroundRole)
                 .isValid());
    QVERIFY(dialog.errorMessage().isEmpty());
    // Still selected; it waits, and Retry would send it now.
    QVERIFY(button(dialog, QStringLiteral("Retry"))->isEnabled());
    QVERIFY(button(dialog, QStringLiteral("Discard"))->isEnabled());
}

// Offline, a change waits for its backoff (or for its undo hold): Retry sends it now.
void TestOutboxDialog::retrySendsAWaitingChangeNow()
{
    QVERIFY(m_service->comment(QStringLiteral("clickup:a"), QStringLiteral("Hi"), m_now).ok());
    const qint64 id = m_outbox->entries().constFirst().id;
    QVERIFY(m_outbox->retryLater(id, m_now.addSecs(300),
                                 QStringLiteral("Connection error: Connection refused")));
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    const int row = rowOf(dialog, id);
    QCOMPARE(dialog.table()->item(row, OutboxDialog::NextAttemptColumn)->text(),
             QLocale().toString(m_now.addSecs(300).toLocalTime(), QLocale::ShortFormat));
    selectRows(dialog, {row});
    QSignalSpy queued(m_service.get(), &TaskService::queued);
    QTest::mouseClick(button(dialog, QStringLiteral("Retry")), Qt::LeftButton);
    QCOMPARE(queued.size(), 1); // the processor looks now
    QCOMPARE(m_outbox->due(m_now).size(), 1);
    QCOMPARE(dialog.table()->item(rowOf(dialog, id), OutboxDialog::NextAttemptColumn)->text(),
             QStringLiteral("Now"));
    QVERIFY(dialog.errorMessage().isEmpty());
}

void TestOutboxDialog::discardRemovesAFailedCreate()
{
    const QString localId =
        *m_outbox->create(gitHub(QStringLiteral("acme/web"), 1, QStringLiteral("Draft")), m_now);
    const qint64 id = m_outbox->entries().first().id;
    QVERIFY(m_outbox->fail(id, QStringLiteral("refused")));

    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    QStringList questions;
    dialog.setConfirm([&questions](const QString &question) {
        questions.append(question);
        return true;
    });
    QSignalSpy changed(m_outbox.get(), &Outbox::changed);
    QSignalSpy retried(m_service.get(), &TaskService::queued);
    selectRows(dialog, {rowOf(dialog, id)});
    QTest::mouseClick(button(dialog, QStringLiteral("Discard")), Qt::LeftButton);

    QCOMPARE(questions.size(), 1);
    QVERIFY2(questions.first().contains(QStringLiteral("removed")), qPrintable(questions.first()));
    QCOMPARE(m_store->task(localId), std::nullopt);
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(retried.size(), 0);
    QVERIFY(dialog.isShowingEmptyState());
    QVERIFY(!button(dialog, QStringLiteral("Discard"))->isEnabled());
}

void TestOutboxDialog::discardCanBeCancelled()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    int asked = 0;
    dialog.setConfirm([&asked](const QString &) {
        ++asked;
        return false;
    });
    QSignalSpy changed(m_outbox.get(), &Outbox::changed);
    selectRows(dialog, {rowOf(dialog, id)});
    dialog.discardSelected();
    QCOMPARE(asked, 1);
    QCOMPARE(m_outbox->entries().size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(dialog.table()->rowCount(), 1);
}

void TestOutboxDialog::discardAsksWithAMessageBox()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    selectRows(dialog, {rowOf(dialog, id)});

    QString asked;
    // Answers the real question box once it is up; the nested event loop of exec() runs this.
    QTimer::singleShot(0, &dialog, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return; // leaves the box open: the test then times out and fails
        asked = box->text();
        box->button(QMessageBox::No)->click();
    });
    dialog.discardSelected();
    QVERIFY2(asked.startsWith(QStringLiteral("Discard this change?")), qPrintable(asked));
    QCOMPARE(m_outbox->entries().size(), 1); // "No" keeps it

    QTimer::singleShot(0, &dialog, [] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            box->button(QMessageBox::Yes)->click();
    });
    dialog.discardSelected();
    QVERIFY(m_outbox->entries().isEmpty());
    // The discarded close never reaches ClickUp, so the task is open here again.
    QCOMPARE(m_store->task(QStringLiteral("clickup:a"))->status, TaskStatus::Todo);
}

void TestOutboxDialog::failuresAreShownInTheDialog()
{
    const qint64 id = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    QVERIFY(m_outbox->fail(id, QStringLiteral("refused")));
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    dialog.show();
    dialog.setConfirm([](const QString &) { return true; });
    QSignalSpy changed(m_outbox.get(), &Outbox::changed);
    selectRows(dialog, {rowOf(dialog, id)});

    // Sent meanwhile by another process, so the dialog still offers Retry.
    QVERIFY(execOnTheSide(QStringLiteral("DELETE FROM outbox WHERE id = %1").arg(id)));
    QVERIFY(button(dialog, QStringLiteral("Retry"))->isEnabled());
    dialog.retrySelected();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(dialog.errorMessage(), QStringLiteral("This change is no longer in the outbox"));
    bool shown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>())
        shown = shown || (label->isVisible() && label->text() == dialog.errorMessage());
    QVERIFY(shown);
    QVERIFY(dialog.isShowingEmptyState()); // re-read after the attempt

    // A database error is passed on as the outbox words it.
    const qint64 second = *m_outbox->complete(QStringLiteral("clickup:b"), m_now);
    changed.clear();
    selectRows(dialog, {rowOf(dialog, second)});
    QVERIFY(execOnTheSide(QStringLiteral("CREATE TRIGGER no_delete BEFORE DELETE ON outbox "
                                         "BEGIN SELECT RAISE(ABORT, 'locked for the test'); END")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("locked for the test")));
    dialog.discardSelected();
    QVERIFY2(dialog.errorMessage().contains(QStringLiteral("locked for the test")),
             qPrintable(dialog.errorMessage()));
    QCOMPARE(m_outbox->entries().size(), 1);
    QCOMPARE(changed.size(), 0);

    // The next action that works clears the message.
    QVERIFY(execOnTheSide(QStringLiteral("DROP TRIGGER no_delete")));
    dialog.discardSelected();
    QVERIFY(dialog.errorMessage().isEmpty());
    QCOMPARE(changed.size(), 1);
}

void TestOutboxDialog::refreshKeepsTheSelection()
{
    const qint64 first = *m_outbox->complete(QStringLiteral("clickup:a"), m_now);
    const qint64 second = *m_outbox->complete(QStringLiteral("clickup:b"), m_now);
    OutboxDialog dialog(m_service.get(), m_outbox.get(), m_store.get());
    selectRows(dialog, {rowOf(dialog, second)});
    QCOMPARE(rowOf(dialog, second), 1);
    // The entry above goes (sent elsewhere); the selection follows the entry, not the row.
    QVERIFY(m_outbox->discard(first));
    QCOMPARE(dialog.table()->rowCount(), 1);
    const QModelIndexList selected = dialog.table()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(OutboxDialog::EntryIdRole).toLongLong(), second);
    QVERIFY(button(dialog, QStringLiteral("Discard"))->isEnabled());
}

QTEST_MAIN(TestOutboxDialog)
#include "tst_outboxdialog.moc"
