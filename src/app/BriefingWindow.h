#pragma once

#include <QDialog>

#include <memory>

class QTextBrowser;

namespace Ui {
class BriefingWindow;
}

namespace UpNext {

class TaskService;

// The morning briefing: the best five tasks and why, what is overdue and due today, what
// changed elsewhere since the last briefing, and the changes the sources refused. A task's
// title opens it in the main window.
class BriefingWindow final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BriefingWindow)

public:
    explicit BriefingWindow(TaskService *service, QWidget *parent = nullptr);
    ~BriefingWindow() override;

    // Makes a briefing now (which counts as today's) and shows it.
    void refresh();
    // One line for a notification: "5 tasks ahead · 2 overdue · 1 due today".
    QString summary() const { return m_summary; }
    QTextBrowser *content() const;

Q_SIGNALS:
    void openTask(const QString &taskId);

private:
    std::unique_ptr<Ui::BriefingWindow> m_ui;
    TaskService *m_service;
    QString m_summary;
};

} // namespace UpNext
