#pragma once

#include "core/TaskChanges.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace UpNext {

class Entities;
class TaskComments;
class TaskService;
class TaskStore;

// The selected task: what it is and where (source, list or repository, client), a
// link to it at its source, what someone else last did to it ("Closed by bob at
// 14:03"), its description, its comment thread (newest last, the user's waiting
// ones marked) and a comment box. Comments and completions go through
// TaskService (and so the outbox).
class TaskDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDetails)

public:
    // entities: for client names; may be null.
    TaskDetails(TaskService *service, TaskStore *store, const Entities *entities = nullptr,
                QWidget *parent = nullptr);

    // Where the comment threads come from; without it the pane shows none.
    void setComments(TaskComments *comments);
    // Empty: nothing selected.
    void setTaskId(const QString &taskId);
    QString taskId() const { return m_taskId; }

    QPlainTextEdit *commentBox() const { return m_comment; }
    QPushButton *commentButton() const { return m_send; }
    QPushButton *completeButton() const { return m_complete; }
    QString errorText() const;
    // What someone else last did to the task shown, as shown; empty when nothing.
    QString outsideChangeText() const;
    // The comment thread as shown, as plain text.
    QString threadText() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    // Someone else's change, and when it arrived.
    struct Outside
    {
        ExternalChange change;
        QDateTime received;
    };

    void refresh();
    void refreshThread();
    void noteOutsideChanges(const TaskChanges &changes);
    void sendComment();
    void complete();
    void showError(const QString &text);

    TaskService *m_service;
    TaskStore *m_store;
    const Entities *m_entities;
    QString m_taskId;
    // Task id → what others last did to it this session (bounded), so a task that changed
    // while another was shown says so when it is selected.
    QHash<QString, Outside> m_outside;
    QString m_shownDescription;
    QLabel *m_title;
    QLabel *m_details;
    QLabel *m_outsideChange;
    QTextBrowser *m_description;
    TaskComments *m_comments = nullptr;
    QLabel *m_threadHeading;
    QTextBrowser *m_thread;
    QPlainTextEdit *m_comment;
    QLabel *m_error;
    QPushButton *m_send;
    QPushButton *m_complete;
};

} // namespace UpNext
