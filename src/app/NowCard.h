#pragma once

#include <QFrame>

class QAction;
class QLabel;

namespace UpNext {

class Entities;
class TaskService;
class TaskStore;

// The "Now" card: the current task, why it is next (its score breakdown) and
// the Done / Skip / Next actions on it. Keeps a task current whenever one is
// open: when the current one goes (done, closed elsewhere), the next takes over.
class NowCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NowCard)

public:
    // entities: for client names; may be null.
    NowCard(TaskService *service, TaskStore *store, const Entities *entities = nullptr,
            QWidget *parent = nullptr);

    // For the menus (and later the tray): the same actions as the card's buttons.
    QAction *nextAction() const { return m_next; }
    QAction *doneAction() const { return m_done; }
    QAction *skipAction() const { return m_skip; }

    QString currentTaskId() const { return m_taskId; }
    QString title() const;
    QString explanation() const;

Q_SIGNALS:
    // What happened, for the status bar ("Closed “Fix login”; next: …"), or an error.
    void message(const QString &text);
    void error(const QString &text);
    // Next, Done or Skip made this task current: the list shows it too.
    void movedTo(const QString &taskId);

private:
    void refresh();
    // The card's frame, its left edge in the palette's accent colour.
    void showAccent();

    TaskService *m_service;
    TaskStore *m_store;
    const Entities *m_entities;
    QString m_taskId;
    QLabel *m_heading;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_why;
    QAction *m_next;
    QAction *m_done;
    QAction *m_skip;
};

} // namespace UpNext
