#pragma once

#include <QObject>

#include <memory>

namespace UpNext {

class AppCore;
class MainWindow;

// The desktop front end: the main window on an open AppCore, told about the
// sources once they are loaded.
class Desktop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Desktop)

public:
    explicit Desktop(AppCore *core, QObject *parent = nullptr);
    ~Desktop() override;

    // Shows the window, loads the sources, starts the core's policies and its webhook
    // server (on webhookPort unless -1).
    void start(int webhookPort = -1);

    MainWindow *window() const { return m_window.get(); }

private:
    AppCore *m_core;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace UpNext
