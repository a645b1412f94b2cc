#pragma once

#include "core/Destination.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace UpNext {

class Entities;
class TaskService;

// Asks for a new task and queues it through the TaskService. Stays open with
// the error shown (and the text kept) when the service refuses it.
class CreateTaskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateTaskDialog)

public:
    CreateTaskDialog(TaskService *service, const Entities *entities, QWidget *parent = nullptr);

    void setDestinations(const QList<Destination> &destinations);
    QList<Destination> destinations() const { return m_destinations; }

    // The local id of the task made by the last successful Create; empty before.
    QString createdTaskId() const { return m_createdTaskId; }
    // Why the last Create was refused; empty when it was not.
    QString errorMessage() const;

public Q_SLOTS:
    // Creates the task; closes the dialog only when that worked.
    void accept() override;

private:
    void reloadEntities();
    QString entityId() const;
    void updateState();

    TaskService *m_service;
    const Entities *m_entities;
    QList<Destination> m_destinations;
    QString m_createdTaskId;
    QLineEdit *m_title;
    QComboBox *m_where;
    QLabel *m_noDestination;
    QComboBox *m_client;
    QPlainTextEdit *m_description;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace UpNext
