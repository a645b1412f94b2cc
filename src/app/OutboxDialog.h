#pragma once

#include <QDialog>
#include <QList>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace UpNext {

class Outbox;
class TaskService;
class TaskStore;

// The user's writes still waiting for ClickUp or GitHub, with Retry (a failed
// one again, a waiting one now) and Discard.
class OutboxDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutboxDialog)

public:
    enum Column {
        TaskColumn,
        WhatColumn,
        StateColumn,
        AttemptsColumn,
        NextAttemptColumn,
        ErrorColumn,
        ColumnCount
    };
    // On the TaskColumn item of each row: the entry's id (qint64).
    static constexpr int EntryIdRole = Qt::UserRole + 1;

    // Lists the outbox; retry and discard go through the service.
    OutboxDialog(TaskService *service, Outbox *outbox, TaskStore *store, QWidget *parent = nullptr);

    // Asks before discarding; returns true to go ahead. Defaults to a QMessageBox.
    void setConfirm(std::function<bool(const QString &question)> confirm);

    QTableWidget *table() const { return m_table; }
    bool isShowingEmptyState() const;
    // Why the last Retry or Discard did not work; empty when it did.
    QString errorMessage() const;

public Q_SLOTS:
    void refresh();
    void retrySelected();
    void discardSelected();

private:
    enum class Selection { All, NotSending };
    QList<qint64> selectedIds(Selection which) const;
    void updateButtons();
    void showError(const QStringList &errors);

    TaskService *m_service;
    Outbox *m_outbox;
    TaskStore *m_store;
    std::function<bool(const QString &)> m_confirm;
    QStackedWidget *m_stack;
    QLabel *m_emptyState;
    QTableWidget *m_table;
    QLabel *m_error;
    QPushButton *m_retry;
    QPushButton *m_discard;
};

} // namespace UpNext
