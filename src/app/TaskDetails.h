#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace UpNext {

class TaskService;
class TaskStore;

// The selected task: what it is, a link to it at its source, its description,
// and a comment box. Comments and completions go through TaskService (and so
// the outbox).
class TaskDetails final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDetails)

public:
    TaskDetails(TaskService *service, TaskStore *store, QWidget *parent = nullptr);

    // Empty: nothing selected.
    void setTaskId(const QString &taskId);
    QString taskId() const { return m_taskId; }

    QPlainTextEdit *commentBox() const { return m_comment; }
    QPushButton *commentButton() const { return m_send; }
    QPushButton *completeButton() const { return m_complete; }
    QString errorText() const;

Q_SIGNALS:
    void message(const QString &text);

private:
    void refresh();
    void sendComment();
    void complete();
    void showError(const QString &text);

    TaskService *m_service;
    TaskStore *m_store;
    QString m_taskId;
    QString m_shownDescription;
    QLabel *m_title;
    QLabel *m_details;
    QTextBrowser *m_description;
    QPlainTextEdit *m_comment;
    QLabel *m_error;
    QPushButton *m_send;
    QPushButton *m_complete;
};

} // namespace UpNext
