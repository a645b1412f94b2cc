// bench_live: the demo's simulated ClickUp and GitHub, the app core and its window and tray
// on them, webhooks on loopback. A teammate makes 200 changes to the user's tasks (closes,
// reopens, comments, unassigns and assigns back, due dates moved; both services) while the
// user makes 50 of their own in UpNext (done, comment). Each outside change is timed from the
// simulator's write to the tray raising its notification; an outside change with no
// notification is missed, a notification during the user's own change is own_notified.
// Prints a table, or one JSON object with --json.

#include "BenchSupport.h"

#include "app/Desktop.h"
#include "app/TrayIcon.h"
#include "appcore/AppCore.h"
#include "appcore/ChangeNotifier.h"
#include "appcore/Demo.h"
#include "core/Outbox.h"
#include "core/Settings.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "sim/SimWebhookSender.h"
#include "sync/OutboxProcessor.h"
#include "sync/SyncEngine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <functional>

using namespace UpNext;
using namespace std::chrono_literals;

namespace {

constexpr int OutsideChanges = 200;
constexpr int OwnChanges = 50;
constexpr int PoolSize = 8; // tasks per service the teammate changes, again and again
constexpr int NotifyTimeoutMs = 5000;
// Short, so each change is told on its own (the first after a quiet spell is told at once);
// the app's default coalesces a few seconds.
constexpr auto BurstWindow = 100ms;

// Runs the event loop until done() or timeoutMs; true when done.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(2);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

bool deliveriesSettled(Demo &demo)
{
    return demo.clickUp().webhooks().pending() == 0 && demo.gitHub().webhooks().pending() == 0;
}

int deliveryCount(Demo &demo)
{
    return int(demo.clickUp().webhooks().deliveries().size() +
               demo.gitHub().webhooks().deliveries().size());
}

struct Pools
{
    QStringList clickUp; // the simulator's task ids
    QList<std::pair<QString, int>> gitHub;
    QStringList own; // UpNext task ids the user acts on
};

// The user's open tasks, split: some for the teammate, the others for the user.
Pools pickTasks(TaskStore *store)
{
    Pools pools;
    for (const Task &task : store->openTasks()) {
        if (task.source == Sources::ClickUp && pools.clickUp.size() < PoolSize) {
            pools.clickUp.append(task.sourceId);
        } else if (task.source == Sources::GitHub && pools.gitHub.size() < PoolSize) {
            pools.gitHub.append(
                {task.container, task.sourceId.section(QLatin1Char('#'), 1).toInt()});
        } else {
            pools.own.append(task.id);
        }
    }
    return pools;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool json = Bench::wantsJson(
        app, QStringLiteral("Measures outside changes from the simulators' write to the "
                            "notification, through the webhooks."));
    // The app's log says every change and notification: only what went wrong here.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (type != QtDebugMsg && type != QtInfoMsg)
            QTextStream(stderr) << text << '\n';
    });

    Demo demo;
    demo.setTeammateInterval(0ms); // the benchmark makes the teammate's changes
    QString error;
    if (!demo.open(&error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    AppCore *core = demo.core();
    core->settings()->setNotifyMorningBriefing(false);
    core->service()->setUndoGrace(0ms); // the user's writes go at once
    Desktop desktop(core);
    desktop.setDemo(0);
    desktop.start(0);
    // The tray raises the notifications; without a tray host, one of its own (not shown).
    std::unique_ptr<TrayIcon> own;
    TrayIcon *tray = desktop.tray();
    if (!tray) {
        own = std::make_unique<TrayIcon>(core, desktop.window());
        QObject::connect(core->notifier(), &ChangeNotifier::notify, own.get(), &TrayIcon::notify);
        tray = own.get();
    }
    core->notifier()->setBurstWindow(BurstWindow);
    const bool ready = waitUntil(
        [&] {
            return core->engine() && core->engine()->sources().size() == 2 &&
                   core->engine()->isIdle() && core->store()->openTasks().size() > 40 &&
                   !demo.gitHub().hooks().isEmpty() && !demo.clickUp().hooks().isEmpty();
        },
        30000);
    if (!ready) {
        qCritical("The demo did not sync and register its webhooks in 30 s");
        return 1;
    }
    waitUntil([&] { return deliveriesSettled(demo) && !core->notifier()->inBurst(); }, 5000);

    Pools pools = pickTasks(core->store());
    const Sim::SimSeeder::Person &me = demo.seeder().me();
    const Sim::SimSeeder::Person &teammate = demo.seeder().teammates().constFirst();

    QElapsedTimer clock;
    clock.start();
    int notifications = 0;
    qint64 lastNotifiedNs = 0;
    QObject::connect(tray, &TrayIcon::notified, &app, [&] {
        ++notifications;
        lastNotifiedNs = clock.nsecsElapsed();
    });

    // One outside change; step says which of the task's cycle (close, reopen, comment,
    // unassign, assign back, due moved) it is.
    const auto outside = [&](int change) {
        const int step = change / 2 / PoolSize;
        const int slot = (change / 2) % PoolSize;
        const QString by = teammate.login;
        if (change % 2 == 0) {
            const QString id = pools.clickUp.at(slot % pools.clickUp.size());
            Sim::SimClickUpTask *task = demo.clickUp().task(id);
            QString open, closed;
            for (const Sim::SimClickUpStatus &status : demo.clickUp().statuses(task->listId)) {
                if (open.isEmpty() && status.type == QStringLiteral("open"))
                    open = status.status;
                if (closed.isEmpty() && status.type != QStringLiteral("open") &&
                    status.type != QStringLiteral("custom"))
                    closed = status.status;
            }
            switch (step % 6) {
            case 0:
                return demo.clickUp().setStatus(id, closed, teammate.clickUpId);
            case 1:
                return demo.clickUp().setStatus(id, open, teammate.clickUpId);
            case 2:
                return !demo.clickUp()
                            .addComment(id, QStringLiteral("Any news on this?"), teammate.clickUpId)
                            .isEmpty();
            case 3:
                return demo.clickUp().setAssignees(id, {teammate.clickUpId}, teammate.clickUpId);
            case 4:
                return demo.clickUp().setAssignees(id, {me.clickUpId}, teammate.clickUpId);
            default:
                return demo.clickUp().setDueDate(
                    id, QDateTime::currentDateTimeUtc().addDays(3 + step), teammate.clickUpId);
            }
        }
        const auto &[repo, number] = pools.gitHub.at(slot % pools.gitHub.size());
        switch (step % 5) {
        case 0:
            demo.gitHub().closeIssue(repo, number, by);
            break;
        case 1:
            demo.gitHub().reopenIssue(repo, number, by);
            break;
        case 2:
            demo.gitHub().addComment(repo, number, QStringLiteral("Any news on this?"), by);
            break;
        case 3:
            demo.gitHub().setAssignees(repo, number, {by}, by);
            break;
        default:
            demo.gitHub().setAssignees(repo, number, {me.login}, by);
            break;
        }
        return true;
    };

    // One of the user's own: done or a comment, through the outbox to the source, whose
    // webhook echo comes back.
    int ownSent = 0;
    QObject::connect(core->processor(), &OutboxProcessor::sent, &app, [&] { ++ownSent; });
    const auto ownChange = [&](int change) {
        const QString id = pools.own.takeFirst();
        const int deliveriesBefore = deliveryCount(demo);
        const int sentBefore = ownSent;
        const TaskResult result =
            change % 2 == 0
                ? core->service()->complete(id, core->service()->now())
                : core->service()->comment(id, QStringLiteral("On it."), core->service()->now());
        if (!result.ok()) {
            qCritical("%s", qPrintable(result.error));
            return false;
        }
        // Sent and its echo taken in.
        return waitUntil(
            [&] {
                return ownSent > sentBefore && deliveryCount(demo) > deliveriesBefore &&
                       deliveriesSettled(demo);
            },
            NotifyTimeoutMs);
    };

    QList<double> latencies;
    int missed = 0;
    int ownNotified = 0;
    int ownLost = 0;
    QElapsedTimer run;
    run.start();
    for (int change = 0; change < OutsideChanges; ++change) {
        const int before = notifications;
        const qint64 start = clock.nsecsElapsed();
        if (!outside(change)) {
            qCritical("The simulator did not take change %d", change);
            return 1;
        }
        if (waitUntil([&] { return notifications > before; }, NotifyTimeoutMs))
            latencies.append(double(lastNotifiedNs - start) / 1e6);
        else
            ++missed;
        // Quiet again: every delivery taken and the burst over, so the next is told at once.
        waitUntil([&] { return deliveriesSettled(demo) && !core->notifier()->inBurst(); },
                  NotifyTimeoutMs);
        if (change % 4 == 3 && change / 4 < OwnChanges) {
            const int ownBefore = notifications;
            if (!ownChange(change / 4))
                ++ownLost;
            waitUntil([&] { return !core->notifier()->inBurst(); }, NotifyTimeoutMs);
            ownNotified += notifications - ownBefore;
        }
    }
    const double seconds = double(run.elapsed()) / 1000.0;
    const double p50 = latencies.isEmpty() ? 0 : Bench::percentile(latencies, 0.50);
    const double p99 = latencies.isEmpty() ? 0 : Bench::percentile(latencies, 0.99);

    QTextStream out(stdout);
    if (json) {
        const QJsonObject result{{QStringLiteral("changes"), OutsideChanges},
                                 {QStringLiteral("change_to_notification_ms_p50"), p50},
                                 {QStringLiteral("change_to_notification_ms_p99"), p99},
                                 {QStringLiteral("missed"), missed},
                                 {QStringLiteral("own_notified"), ownNotified}};
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << "outside changes            " << OutsideChanges << '\n'
            << "own changes                " << OwnChanges << " (" << ownLost
            << " not sent or echoed in time)\n"
            << "change → notification p50  " << QString::number(p50, 'f', 1) << " ms\n"
            << "change → notification p99  " << QString::number(p99, 'f', 1) << " ms\n"
            << "missed                     " << missed << '\n'
            << "own notified               " << ownNotified << '\n'
            << "run                        " << QString::number(seconds, 'f', 1) << " s\n";
    }
    return missed == 0 && ownNotified == 0 && ownLost == 0 ? 0 : 2;
}
