#pragma once

#include "appcore/SingleInstance.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace UpNext {

class AppCore;
class BriefingSchedule;
class MainWindow;
class SettingsDialog;
class TrayIcon;

// The desktop front end: the main window on an open AppCore, told about the
// sources once they are loaded.
class Desktop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Desktop)

public:
    explicit Desktop(AppCore *core, QObject *parent = nullptr);
    ~Desktop() override;

    // Shows the window (and the tray icon where there is a tray), loads the sources, starts
    // the core's policies and its webhook server (on webhookPort unless -1). With a tray,
    // closing the window keeps UpNext running; without one, it quits.
    // inTray: start with only the tray icon showing (at login), where there is a tray.
    void start(int webhookPort = -1, bool inTray = false);
    // Opens the settings dialog (one at a time).
    void showSettings();
    // Before start(): this is the demo (`upnext --demo`): the window says so, with a teammate
    // changing something about every teammateSeconds, and never welcomes.
    void setDemo(int teammateSeconds);
    // What the welcome's Try the Demo starts with --demo, as a process of its own; this
    // program unless set.
    void setDemoProgram(const QString &program) { m_demoProgram = program; }
    // Starts the demo beside this UpNext; false (and a problem shown) when it could not start.
    bool startDemo();

    // One of the desktop entry's actions (Next, Done, Skip, Sync), from this launch or a later
    // one: through the tray's menu, which tells what it did, else the window's.
    void perform(SingleInstance::Request action);

    MainWindow *window() const { return m_window.get(); }
    // Null where there is no tray.
    TrayIcon *tray() const { return m_tray.get(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    AppCore *m_core;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    BriefingSchedule *m_briefings = nullptr;
    QPointer<SettingsDialog> m_settings;
    bool m_demo = false;
    QString m_demoProgram;
};

} // namespace UpNext
