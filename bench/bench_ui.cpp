// bench_ui: the window on a profile of 100,000 tasks — how fast it shows, how
// fast the search filters, how fast it takes a sync's changes through the
// change feed, and how much memory it holds. Prints a table, or one JSON object
// with --json. Runs under xvfb-run or with QT_QPA_PLATFORM=offscreen.

#include "BenchSupport.h"
#include "BenchTasks.h"

#include "app/MainWindow.h"
#include "app/TaskTableModel.h"
#include "appcore/AppCore.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/TaskStore.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>
#include <QTreeView>

#include <algorithm>

using namespace UpNext;

namespace {

constexpr int TaskCount = 100'000;
const QDateTime Now(QDate(2026, 11, 25), QTime(9, 0), QTimeZone::utc());

// Writes the profile in a child process, so this one's memory is the app's alone.
int generate(const QString &directory)
{
    TaskStore store;
    if (!store.open(directory + QStringLiteral("/upnext.db")))
        return 1;
    QRandomGenerator random(20261125);
    const QList<Task> tasks = Bench::makeTasks(TaskCount, random, Now);
    QFile entities(directory + QStringLiteral("/entities.json"));
    if (!entities.open(QIODevice::WriteOnly))
        return 1;
    entities.write(R"([{"id": "acme", "name": "Acme", "revenue": true},
                       {"id": "globex", "name": "Globex"}])");
    return store.upsert(tasks) ? 0 : 1;
}

// 1,000 changes as a sync makes them: 500 status or title changes, 250 new, 250 closed.
QList<Task> syncChanges(const TaskStore &store, const QAbstractItemModel &listed,
                        TaskChanges *described)
{
    QStringList ids;
    QRandomGenerator random(7);
    while (ids.size() < 750) {
        const QString id = listed.index(int(random.bounded(listed.rowCount())), 0)
                               .data(TaskTableModel::TaskIdRole)
                               .toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    QList<Task> open = store.tasks(ids);
    QList<Task> changes;
    for (int i = 0; i < 500; ++i) {
        Task task = open.at(i);
        if (i % 2 == 0)
            task.title += QStringLiteral(" (updated)");
        else
            task.status =
                task.status == TaskStatus::Todo ? TaskStatus::InProgress : TaskStatus::Todo;
        changes.append(task);
    }
    for (int i = 500; i < 750; ++i) {
        Task task = open.at(i);
        task.status = TaskStatus::Done;
        changes.append(task);
    }
    QRandomGenerator fresh(11);
    int number = TaskCount;
    for (Task task : Bench::makeTasks(250, fresh, Now)) {
        task.sourceId = task.source == Sources::GitHub
                            ? QStringLiteral("%1#%2").arg(task.container).arg(++number)
                            : task.sourceId + QStringLiteral("x");
        task.id = Task::makeId(task.source, task.sourceId);
        task.status = TaskStatus::Todo;
        described->added.append(task.id);
        changes.append(task);
    }
    return changes;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--generate") == 0)
        return generate(QString::fromLocal8Bit(argv[2]));

    QApplication app(argc, argv);
    const bool json =
        Bench::wantsJson(app, QStringLiteral("Measures the window on a profile of 100,000 tasks."));
    QTemporaryDir dir;
    if (!dir.isValid() || QProcess::execute(QCoreApplication::applicationFilePath(),
                                            {QStringLiteral("--generate"), dir.path()}) != 0) {
        qCritical("Cannot write the benchmark profile in %s", qPrintable(dir.path()));
        return 1;
    }

    // Shown: from the start of the app's work on an existing profile (opening the store with
    // its integrity check, clients, settings) until the window is exposed with its rows laid out.
    QElapsedTimer timer;
    timer.start();
    AppCore core{Profile(dir.path())};
    QString error;
    if (!core.open(&error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    // The sync's changes below are timed from the feed's event until the last view is done:
    // these two listeners come before and after the window's.
    QElapsedTimer applyTimer;
    double applyMs = 0;
    TaskStore *store = core.store();
    QObject::connect(store, &TaskStore::changed, &app, [&applyTimer] { applyTimer.start(); });
    MainWindow window(store, core.entities(), core.service(), core.outbox(), dir.path());
    QObject::connect(store, &TaskStore::changed, &app,
                     [&] { applyMs = double(applyTimer.nsecsElapsed()) / 1e6; });
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    QTreeView *view = window.findChild<QTreeView *>(QStringLiteral("taskList"));
    QCoreApplication::processEvents();
    const double shownMs = double(timer.nsecsElapsed()) / 1e6;
    const int rows = view->model()->rowCount();

    int resets = 0;
    for (QAbstractItemModel *model :
         {view->model(), static_cast<QAbstractProxyModel *>(view->model())->sourceModel()})
        QObject::connect(model, &QAbstractItemModel::modelAboutToBeReset, &app,
                         [&resets] { ++resets; });

    // Filter: a six-letter query typed a key at a time, five times over.
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("taskSearch"));
    const QString query = QStringLiteral("invoic");
    QList<double> keyMs;
    int matches = 0;
    for (int round = 0; round < 5; ++round) {
        search->clear();
        QCoreApplication::processEvents();
        for (const QChar key : query) {
            timer.restart();
            QTest::keyClicks(search, QString(key));
            QCoreApplication::processEvents();
            keyMs.append(double(timer.nsecsElapsed()) / 1e6);
        }
        matches = view->model()->rowCount();
    }
    search->clear();
    QCoreApplication::processEvents();

    // A sync's changes through the feed.
    TaskChanges described;
    described.origin = ChangeOrigin::Sync;
    const QList<Task> changes = syncChanges(
        *store, *static_cast<QAbstractProxyModel *>(view->model())->sourceModel(), &described);
    if (!store->upsert(changes, described)) {
        qCritical("%s", qPrintable(store->lastError()));
        return 1;
    }
    QCoreApplication::processEvents();
    const int rowsAfter = view->model()->rowCount();
    const double rssMb = Bench::peakRssMb();

    const double keyP99 = Bench::percentile(keyMs, 0.99);
    QTextStream out(stdout);
    if (json) {
        const QJsonObject result{
            {QStringLiteral("tasks"), TaskCount},
            {QStringLiteral("window_shown_ms"), qRound(shownMs * 10) / 10.0},
            {QStringLiteral("filter_keystroke_ms_p99"), qRound(keyP99 * 10) / 10.0},
            {QStringLiteral("apply_1000_changes_ms"), qRound(applyMs * 10) / 10.0},
            {QStringLiteral("model_resets"), resets},
            {QStringLiteral("rss_mb"), qRound(rssMb * 10) / 10.0}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    out << QStringLiteral("bench_ui: %1 tasks, %2 listed, %3 after the sync; \"%4\" matches %5\n")
               .arg(TaskCount)
               .arg(rows)
               .arg(rowsAfter)
               .arg(query)
               .arg(matches);
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("measure"), -40)
               .arg(QStringLiteral("value"), 10)
               .arg(QStringLiteral("target"), 8);
    const auto row = [&out](const QString &name, double value, const QString &target) {
        out << QStringLiteral("%1 %2 %3\n").arg(name, -40).arg(value, 10, 'f', 1).arg(target, 8);
    };
    row(QStringLiteral("window shown, from opening (ms)"), shownMs, QStringLiteral("< 1000"));
    row(QStringLiteral("filter keystroke, p99 of 30 (ms)"), keyP99, QStringLiteral("< 30"));
    row(QStringLiteral("apply 1,000 sync changes (ms)"), applyMs, QStringLiteral("< 50"));
    row(QStringLiteral("model resets"), resets, QStringLiteral("0"));
    row(QStringLiteral("peak RSS (MB)"), rssMb, QStringLiteral("< 200"));
    return 0;
}
