#pragma once

#include <QObject>
#include <QTime>
#include <QTimer>

namespace UpNext {

class Clock;
class TaskStore;

// When the morning briefing is due: once a day, at the first start or wake at or after the
// set time (08:00 unless set), in the user's local time. It is due until a briefing is made
// (TaskService::briefing() remembers when), so a day the app starts at noon still has one.
class BriefingSchedule final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BriefingSchedule)

public:
    BriefingSchedule(TaskStore *store, const Clock *clock, QObject *parent = nullptr);

    void setTime(const QTime &time) { m_time = time; }
    QTime time() const { return m_time; }
    bool isDue() const;
    // Checks now and then every minute (which also notices a wake from sleep): emits due()
    // once for each day's briefing until one is made.
    void start();
    void stop() { m_timer.stop(); }
    void check();

Q_SIGNALS:
    void due();

private:
    TaskStore *m_store;
    const Clock *m_clock;
    QTime m_time = QTime(8, 0);
    QTimer m_timer;
    QDate m_toldFor; // the day due() was emitted for
};

} // namespace UpNext
