#include "CreateTaskDialog.h"
#include "Theme.h"

#include "core/Entities.h"
#include "core/TaskService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace UpNext {

CreateTaskDialog::CreateTaskDialog(TaskService *service, const Entities *entities, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_entities(entities)
    , m_title(new QLineEdit(this))
    , m_where(new QComboBox(this))
    , m_noDestination(new QLabel(this))
    , m_client(new QComboBox(this))
    , m_description(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Task"));
    resize(520, 400);

    m_title->setPlaceholderText(tr("What needs doing"));
    // Typed names that are not in the list are kept as they are (a new client).
    m_client->setEditable(true);
    m_client->setInsertPolicy(QComboBox::NoInsert);
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Optional details"));

    m_noDestination->setText(
        tr("Nowhere to create tasks yet: set a GitHub or ClickUp token, and a repository "
           "(github/createRepo) or list (clickup/createListId) in settings.ini."));
    m_noDestination->setWordWrap(true);

    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Theme::colorText(m_error, Theme::Role::Error);
    m_error->hide();

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateTaskDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_title, &QLineEdit::textChanged, this, &CreateTaskDialog::updateState);
    if (m_entities)
        connect(m_entities, &Entities::changed, this, &CreateTaskDialog::reloadEntities);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Where:"), m_where);
    form->addRow(QString(), m_noDestination);
    form->addRow(tr("C&lient:"), m_client);
    form->addRow(tr("&Description:"), m_description);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    reloadEntities();
    updateState();
}

void CreateTaskDialog::setDestinations(const QList<Destination> &destinations)
{
    m_destinations = destinations;
    m_where->clear();
    for (qsizetype i = 0; i < destinations.size(); ++i)
        m_where->addItem(destinations.at(i).label, int(i));
    updateState();
}

QString CreateTaskDialog::errorMessage() const
{
    return m_error->text();
}

void CreateTaskDialog::reloadEntities()
{
    const QString typed = m_client->currentText();
    m_client->clear();
    m_client->addItem(tr("(none)"), QString());
    if (m_entities) {
        for (const Entity &entity : m_entities->all())
            m_client->addItem(entity.name.isEmpty() ? entity.id : entity.name, entity.id);
    }
    // A reload must not lose what the user already typed or picked.
    if (!typed.isEmpty())
        m_client->setCurrentText(typed);
}

QString CreateTaskDialog::entityId() const
{
    const QString text = m_client->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int index = m_client->findText(text, Qt::MatchFixedString);
    if (index >= 0)
        return m_client->itemData(index).toString();
    if (m_entities) {
        if (const std::optional<Entity> known = m_entities->find(text))
            return known->id;
    }
    return text;
}

void CreateTaskDialog::updateState()
{
    const bool haveDestination = !m_destinations.isEmpty();
    m_where->setEnabled(haveDestination);
    m_noDestination->setVisible(!haveDestination);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(haveDestination && !m_title->text().trimmed().isEmpty());
}

void CreateTaskDialog::accept()
{
    const int index = m_where->currentData().isValid() ? m_where->currentData().toInt() : -1;
    if (index < 0 || index >= m_destinations.size())
        return; // Create is disabled then; nowhere to put the task
    const Destination &destination = m_destinations.at(index);
    // The description goes as typed: its line breaks and spacing are the user's.
    const TaskResult result =
        m_service->create(destination.source, destination.container, m_title->text().trimmed(),
                          entityId(), m_description->toPlainText(), m_service->now());
    if (!result.ok()) {
        m_error->setText(result.error);
        m_error->show();
        return;
    }
    m_error->clear();
    m_error->hide();
    m_createdTaskId = result.task ? result.task->id : QString();
    QDialog::accept();
}

} // namespace UpNext
