#include "ProfileFixture.h"
#include "TestTasks.h"

#include "app/CreateTaskDialog.h"
#include "core/Entities.h"
#include "core/Outbox.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace UpNext;
using namespace UpNext::TestTasks;

class TestCreateTaskDialog : public QObject, protected Test::ProfileFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void createQueuesTheTask();
    void clientCanBeTypedOrLeftOut();
    void blankTitleKeepsCreateDisabled();
    void noDestinationExplainsWhy();
    void refusedTitleKeepsTheDialogOpen();
    void descriptionSurvivesUnchanged();

private:
    struct Fields
    {
        QLineEdit *title = nullptr;
        QComboBox *where = nullptr;
        QComboBox *client = nullptr;
        QPlainTextEdit *description = nullptr;
        QPushButton *create = nullptr;
    };
    Fields fields(CreateTaskDialog &dialog) const;
    bool showsLabel(CreateTaskDialog &dialog, const QString &text) const;

    std::unique_ptr<Entities> m_entities;
    const QList<Destination> m_destinations{
        {Sources::ClickUp, QStringLiteral("901"), QStringLiteral("ClickUp: list 901")},
        {Sources::GitHub, QStringLiteral("acme/web"), QStringLiteral("GitHub: acme/web")},
    };
};

void TestCreateTaskDialog::init()
{
    QVERIFY(openProfile());
    const QString path = m_dir->filePath(QStringLiteral("entities.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"id": "acme", "name": "Acme Corp", "aliases": ["ac"]},
                   {"id": "globex", "name": "Globex"}])");
    file.close();
    m_entities = std::make_unique<Entities>();
    QVERIFY(m_entities->load(path));
    startService(m_entities.get());
}

TestCreateTaskDialog::Fields TestCreateTaskDialog::fields(CreateTaskDialog &dialog) const
{
    Fields result;
    // The editable client box has a line edit of its own.
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (!qobject_cast<QComboBox *>(edit->parentWidget()))
            result.title = edit;
    }
    for (QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        if (combo->isEditable())
            result.client = combo;
        else
            result.where = combo;
    }
    result.description = dialog.findChild<QPlainTextEdit *>();
    result.create = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    return result;
}

bool TestCreateTaskDialog::showsLabel(CreateTaskDialog &dialog, const QString &text) const
{
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(text))
            return true;
    }
    return false;
}

void TestCreateTaskDialog::createQueuesTheTask()
{
    CreateTaskDialog dialog(m_service.get(), m_entities.get());
    dialog.setDestinations(m_destinations);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New Task"));
    const Fields f = fields(dialog);
    QVERIFY(f.title && f.where && f.client && f.description && f.create);
    QCOMPARE(f.create->text(), QStringLiteral("Create"));
    QCOMPARE(f.where->count(), 2);
    QCOMPARE(f.where->itemText(1), QStringLiteral("GitHub: acme/web"));
    QCOMPARE(f.client->count(), 3);
    QCOMPARE(f.client->itemText(0), QStringLiteral("(none)"));
    QVERIFY(!showsLabel(dialog, QStringLiteral("token")));

    QTest::keyClicks(f.title, QStringLiteral("Ship the release"));
    f.where->setCurrentIndex(1);
    f.client->setCurrentIndex(f.client->findText(QStringLiteral("Acme Corp")));
    f.description->setPlainText(QStringLiteral("Tag and publish"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(f.create, Qt::LeftButton);

    QCOMPARE(accepted.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    const QString id = dialog.createdTaskId();
    QVERIFY2(id.startsWith(QStringLiteral("github:acme/web#local-")), qPrintable(id));
    const std::optional<Task> task = m_store->task(id);
    QVERIFY(task);
    QCOMPARE(task->title, QStringLiteral("Ship the release"));
    QCOMPARE(task->entity, QStringLiteral("acme"));
    const QList<OutboxEntry> entries = m_outbox->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().kind, OutboxEntry::Kind::Create);
    QCOMPARE(entries.first().taskId, id);
    QCOMPARE(entries.first().title, QStringLiteral("Ship the release"));
    QCOMPARE(entries.first().entity, QStringLiteral("acme"));
    QCOMPARE(entries.first().description, QStringLiteral("Tag and publish"));
}

void TestCreateTaskDialog::clientCanBeTypedOrLeftOut()
{
    const auto createWith = [this](const QString &client) {
        CreateTaskDialog dialog(m_service.get(), m_entities.get());
        dialog.setDestinations(m_destinations); // ClickUp list first
        const Fields f = fields(dialog);
        f.title->setText(QStringLiteral("Task for ") + client);
        if (!client.isNull())
            f.client->setCurrentText(client);
        dialog.accept();
        const std::optional<Task> task = m_store->task(dialog.createdTaskId());
        return task ? task->entity : QStringLiteral("<no task>");
    };
    QCOMPARE(createWith(QString()), QString());                         // "(none)" as it starts
    QCOMPARE(createWith(QStringLiteral("(none)")), QString());          // picked again
    QCOMPARE(createWith(QStringLiteral("ac")), QStringLiteral("acme")); // an alias
    QCOMPARE(createWith(QStringLiteral("globex")), QStringLiteral("globex"));     // an id
    QCOMPARE(createWith(QStringLiteral(" Initech ")), QStringLiteral("Initech")); // a new one
    QVERIFY(m_store->task(QStringLiteral("clickup:local-1")));
}

void TestCreateTaskDialog::blankTitleKeepsCreateDisabled()
{
    CreateTaskDialog dialog(m_service.get(), m_entities.get());
    dialog.setDestinations(m_destinations);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const Fields f = fields(dialog);
    QVERIFY(!f.create->isEnabled());
    QTest::keyClicks(f.title, QStringLiteral("  \t "));
    QVERIFY(!f.create->isEnabled());
    QTest::keyClicks(f.title, QStringLiteral("x"));
    QVERIFY(f.create->isEnabled());
    f.title->setText(QStringLiteral("   "));
    QVERIFY(!f.create->isEnabled());
    // Enter in the title does not get past the disabled button either.
    QTest::keyClick(f.title, Qt::Key_Return);
    QVERIFY(m_outbox->entries().isEmpty());
    QVERIFY(dialog.createdTaskId().isEmpty());
}

void TestCreateTaskDialog::noDestinationExplainsWhy()
{
    CreateTaskDialog dialog(m_service.get(), m_entities.get());
    dialog.show();
    const Fields f = fields(dialog);
    f.title->setText(QStringLiteral("Something"));
    QVERIFY(!f.create->isEnabled());
    QVERIFY(!f.where->isEnabled());
    QVERIFY(showsLabel(
        dialog, QStringLiteral(
                    "Nowhere to create tasks yet: set a GitHub or ClickUp token, and a repository "
                    "(github/createRepo) or list (clickup/createListId) in settings.ini.")));
    dialog.accept(); // nowhere to go: nothing happens
    QVERIFY(dialog.isVisible());
    QVERIFY(m_outbox->entries().isEmpty());

    dialog.setDestinations(m_destinations);
    QVERIFY(f.create->isEnabled());
    QVERIFY(f.where->isEnabled());
    QVERIFY(!showsLabel(dialog, QStringLiteral("token")));
}

void TestCreateTaskDialog::refusedTitleKeepsTheDialogOpen()
{
    CreateTaskDialog dialog(m_service.get(), m_entities.get());
    dialog.setDestinations(m_destinations);
    dialog.show();
    const Fields f = fields(dialog);
    const QString title(257, QLatin1Char('x'));
    f.title->setText(title);
    f.where->setCurrentIndex(1); // GitHub: 256 at most
    f.description->setPlainText(QStringLiteral("kept"));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(f.create, Qt::LeftButton);

    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.errorMessage(),
             QStringLiteral("The title is too long for GitHub (256 characters at most)"));
    QVERIFY(showsLabel(dialog, QStringLiteral("The title is too long")));
    QVERIFY(m_outbox->entries().isEmpty());
    QCOMPARE(m_store->openTaskCount(), 0);
    QVERIFY(dialog.createdTaskId().isEmpty());
    QCOMPARE(f.title->text(), title);
    QCOMPARE(f.description->toPlainText(), QStringLiteral("kept"));

    // ClickUp takes longer titles; the error goes once it works.
    f.where->setCurrentIndex(0);
    QTest::mouseClick(f.create, Qt::LeftButton);
    QCOMPARE(accepted.size(), 1);
    QVERIFY(dialog.errorMessage().isEmpty());
    QVERIFY(dialog.createdTaskId().startsWith(QStringLiteral("clickup:local-")));
}

void TestCreateTaskDialog::descriptionSurvivesUnchanged()
{
    CreateTaskDialog dialog(m_service.get(), m_entities.get());
    dialog.setDestinations(m_destinations);
    const Fields f = fields(dialog);
    const QString title = QStringLiteral("Ship 🚀 שלום");
    const QString description =
        QStringLiteral("  Done 🚀\nשלום — مرحبا\n\n\tindented\nlast line without newline");
    f.title->setText(title);
    f.where->setCurrentIndex(1);
    f.description->setPlainText(description);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QList<OutboxEntry> entries = m_outbox->entries();
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().title, title);
    QCOMPARE(entries.first().description, description);
    QCOMPARE(m_store->task(dialog.createdTaskId())->description, description);
}

QTEST_MAIN(TestCreateTaskDialog)
#include "tst_createtaskdialog.moc"
