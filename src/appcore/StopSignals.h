#pragma once

#include <QObject>

class QSocketNotifier;

namespace UpNext {

// SIGTERM and SIGINT (a service stopping, Ctrl+C in a terminal) as a Qt signal, so a front end
// ends through its event loop and everything is torn down normally (the demo's throwaway
// profile removed, the instance socket closed). The handler only writes the signal's number
// to a socket pair that the event loop reads. One at a time per process.
class StopSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StopSignals)

public:
    explicit StopSignals(QObject *parent = nullptr);
    // Gives SIGTERM and SIGINT back their default action.
    ~StopSignals() override;

Q_SIGNALS:
    void received(int number);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace UpNext
