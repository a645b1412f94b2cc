#include "SettingsDialog.h"
#include "TaskText.h"
#include "ui_SettingsDialog.h"

#include "appcore/AppCore.h"
#include "appcore/Autostart.h"
#include "appcore/ChangeNotifier.h"
#include "core/RankingPreview.h"
#include "core/SecretStore.h"
#include "core/Settings.h"
#include "core/Task.h"
#include "core/TaskService.h"
#include "core/TaskStore.h"
#include "core/Translations.h"
#include "server/WebhookHealth.h"
#include "sync/SyncSources.h"
#include "sync/WebhookRegistrar.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace UpNext {

namespace {

constexpr int IdRole = Qt::UserRole;
constexpr int PreviewSize = 5;

// The scoring weights the dialog edits, in the order it shows them: points (or, for the two
// staleness limits, days).
struct WeightField
{
    const char *name; // the spin box is "weight" + name
    const char *label;
    double ScoreWeights::*points = nullptr;
    int ScoreWeights::*days = nullptr;
    int decimals = 0;
};

const WeightField WeightFields[] = {
    {"Revenue", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&Revenue client:"),
     &ScoreWeights::revenue},
    {"EntityWeight", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Per point of client &priority:"),
     &ScoreWeights::entityWeight},
    {"Blocking", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&Blocks others:"),
     &ScoreWeights::blocking},
    {"Overdue", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&Overdue:"), &ScoreWeights::overdue},
    {"DueToday", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Due &today:"),
     &ScoreWeights::dueToday},
    {"DueThisWeek", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Due within a &week:"),
     &ScoreWeights::dueThisWeek},
    {"DueLater", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Due &later:"),
     &ScoreWeights::dueLater},
    {"NoDueDate", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&No due date:"),
     &ScoreWeights::noDueDate},
    {"InProgress", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&In progress:"),
     &ScoreWeights::inProgress},
    {"StalePerDay", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Per day without &activity:"),
     &ScoreWeights::stalePerDay, nullptr, 2},
    {"StaleAfterDays", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&Stale after:"), nullptr,
     &ScoreWeights::staleAfterDays},
    {"StaleMaxDays", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Staleness &counts up to:"),
     nullptr, &ScoreWeights::staleMaxDays},
    {"PriorityUrgent", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&Urgent priority:"),
     &ScoreWeights::priorityUrgent},
    {"PriorityHigh", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "&High priority:"),
     &ScoreWeights::priorityHigh},
    {"PriorityNormal", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Nor&mal priority:"),
     &ScoreWeights::priorityNormal},
    {"PriorityLow", QT_TRANSLATE_NOOP("UpNext::SettingsDialog", "Low priorit&y:"),
     &ScoreWeights::priorityLow},
};

QStringList tickedIds(const QListWidget *list)
{
    QStringList ids;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            ids.append(list->item(i)->data(IdRole).toString());
    }
    return ids;
}

// Each form label opens its field with its mnemonic (the field, or the first in its row).
void setBuddies(const QWidget *dialog)
{
    for (QFormLayout *form : dialog->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
            QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
            if (!label || !field || !qobject_cast<QLabel *>(label->widget()))
                continue;
            QWidget *buddy = field->widget();
            if (!buddy && field->layout() && field->layout()->count() > 0)
                buddy = field->layout()->itemAt(0)->widget();
            static_cast<QLabel *>(label->widget())->setBuddy(buddy);
        }
    }
}

} // namespace

SettingsDialog::SettingsDialog(AppCore *core, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_core(core)
{
    m_ui->setupUi(this);
    addWeightFields();
    setBuddies(this);
    m_ui->saveError->hide();
    if (m_core->secrets()->isMemoryOnly()) // the demo's made-up tokens
        m_ui->keychainNote->setText(tr("Tokens are kept in memory for this session only, never "
                                       "in the keychain or the settings file."));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->clickUpTest, &QPushButton::clicked, this, [this] { test(Sources::ClickUp); });
    connect(m_ui->gitHubTest, &QPushButton::clicked, this, [this] { test(Sources::GitHub); });
    connect(m_ui->clickUpWorkspace, &QComboBox::activated, this,
            [this](int index) { loadLists(m_ui->clickUpWorkspace->itemData(index).toString()); });
    connect(m_ui->gitHubSomeRepos, &QRadioButton::toggled, m_ui->gitHubRepos, &QWidget::setEnabled);
    connect(m_ui->doNotDisturb, &QCheckBox::toggled, this, [this](bool quiet) {
        for (QCheckBox *box : m_ui->notificationsTab->findChildren<QCheckBox *>()) {
            if (box != m_ui->doNotDisturb)
                box->setEnabled(!quiet);
        }
    });
    connect(m_ui->registerWebhooks, &QPushButton::clicked, this, [this] {
        const QUrl url = QUrl::fromUserInput(m_ui->webhookPublicUrl->text().trimmed());
        if (!url.isValid() || url.scheme() != QLatin1String("https")) {
            m_ui->webhookStatus->setText(tr("Give the public https address where ClickUp and "
                                            "GitHub reach this computer first."));
            return;
        }
        m_ui->webhookStatus->setText(tr("Registering…"));
        m_core->registrar()->registerHooks(url);
    });
    connect(m_ui->removeWebhooks, &QPushButton::clicked, this, [this] {
        m_ui->webhookStatus->setText(tr("Removing…"));
        m_core->registrar()->unregisterHooks();
    });
    connect(m_core->registrar(), &WebhookRegistrar::finished, this,
            &SettingsDialog::showRegistration);
    connect(m_ui->restoreWeights, &QPushButton::clicked, this,
            [this] { showWeights(ScoreWeights{}); });
    // Reading every open task waits until the preview is wanted.
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_ui->tabs->currentWidget() == m_ui->scoringTab)
            updatePreview();
    });
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    const Settings &settings = *m_core->settings();
    // What the source answers replaces these ids with names (see test()).
    if (!settings.clickUpTeamId().isEmpty())
        m_ui->clickUpWorkspace->addItem(settings.clickUpTeamId(), settings.clickUpTeamId());
    fillChoices(m_ui->clickUpLists, m_ui->clickUpCreateList, {}, settings.clickUpListIds(),
                settings.clickUpCreateListId());
    if (settings.gitHubBaseUrl() != Settings::DefaultGitHubBaseUrl)
        m_ui->gitHubServer->setText(settings.gitHubBaseUrl().toString());
    m_ui->gitHubSomeRepos->setChecked(!settings.gitHubRepos().isEmpty());
    m_ui->gitHubRepos->setEnabled(!settings.gitHubRepos().isEmpty());
    fillChoices(m_ui->gitHubRepos, m_ui->gitHubCreateRepo, {}, settings.gitHubRepos(),
                settings.gitHubCreateRepo());
    for (const auto &[source, field] : {std::pair(Sources::ClickUp, m_ui->clickUpToken),
                                        std::pair(Sources::GitHub, m_ui->gitHubToken)}) {
        const bool gitHub = source == Sources::GitHub;
        field->setPlaceholderText(gitHub ? tr("ghp_… or github_pat_…") : tr("pk_…"));
        // Copies by name: clang 14 cannot capture structured bindings (C++20 allows it).
        readSavedToken(source, [this, source = source, field = field](const SecretResult &result) {
            if (result.status == SecretResult::Status::Error) {
                (source == Sources::GitHub ? m_ui->gitHubStatus : m_ui->clickUpStatus)
                    ->setText(result.error);
                return;
            }
            if (result.status != SecretResult::Status::Found)
                return;
            m_savedTokens.append(source);
            field->setPlaceholderText(m_core->secrets()->isMemoryOnly()
                                          ? tr("Saved for this session")
                                          : tr("Saved in the keychain"));
            probeWith(source, result.value); // names for the saved ids
        });
    }

    m_ui->syncInterval->setValue(settings.syncIntervalMinutes());
    m_ui->webhookPort->setValue(settings.webhookPort());
    m_ui->webhookAddress->setText(settings.webhookAddress());
    m_ui->webhookPublicUrl->setText(settings.webhookPublicUrl().toString());
    QStringList deliveries;
    for (const QString &source : {Sources::ClickUp, Sources::GitHub}) {
        const QDateTime last = m_core->webhookHealth()->lastDelivery(source);
        deliveries.append(tr("%1: %2").arg(
            Task::sourceName(source),
            last.isValid() ? QLocale().toString(last.toLocalTime(), QLocale::ShortFormat)
                           : tr("none yet")));
    }
    m_ui->webhookDeliveries->setText(deliveries.join(QLatin1Char('\n')));

    // The older switch for all outside changes still turns those kinds off.
    const bool outside = settings.notifyExternalChanges();
    for (const auto &[box, kind] : notificationSwitches())
        box->setChecked((outside || !ChangeNotifier::isOutsideChange(kind)) &&
                        settings.notificationEnabled(ChangeNotifier::kindName(kind)));
    m_ui->doNotDisturb->setChecked(settings.doNotDisturb());
    m_ui->briefingTime->setTime(settings.briefingTime());
    m_ui->startAtLogin->setChecked(Autostart(QGuiApplication::desktopFileName()).isEnabled());
    m_ui->language->addItem(
        tr("System default (%1)").arg(Translations::nativeName(Translations::systemLanguage())),
        QString());
    for (const QString &language : Translations::languages())
        m_ui->language->addItem(Translations::nativeName(language), language);
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(settings.language())));
    showWeights(settings.scoreWeights());
}

void SettingsDialog::addWeightFields()
{
    for (const WeightField &field : WeightFields) {
        QAbstractSpinBox *box = nullptr;
        if (field.points) {
            auto *points = new QDoubleSpinBox(m_ui->scoringTab);
            points->setRange(-1000, 1000); // as Settings accepts
            points->setDecimals(field.decimals);
            points->setSingleStep(field.decimals > 0 ? 0.5 : 5);
            points->setSuffix(tr(" points"));
            connect(points, &QDoubleSpinBox::valueChanged, this, &SettingsDialog::updatePreview);
            box = points;
        } else {
            auto *days = new QSpinBox(m_ui->scoringTab);
            days->setRange(0, 3650);
            days->setSuffix(tr(" days"));
            connect(days, &QSpinBox::valueChanged, this, &SettingsDialog::updatePreview);
            box = days;
        }
        box->setObjectName(QStringLiteral("weight") + QLatin1String(field.name));
        m_ui->weightsForm->addRow(tr(field.label), box);
        m_weightFields.append(box);
    }
}

ScoreWeights SettingsDialog::weightsFromForm() const
{
    ScoreWeights weights;
    for (qsizetype i = 0; i < m_weightFields.size(); ++i) {
        const WeightField &field = WeightFields[i];
        if (field.points)
            weights.*field.points = static_cast<QDoubleSpinBox *>(m_weightFields[i])->value();
        else
            weights.*field.days = static_cast<QSpinBox *>(m_weightFields[i])->value();
    }
    return weights;
}

void SettingsDialog::showWeights(const ScoreWeights &weights)
{
    for (qsizetype i = 0; i < m_weightFields.size(); ++i) {
        const WeightField &field = WeightFields[i];
        const QSignalBlocker quiet(m_weightFields[i]); // one preview after all, not sixteen
        if (field.points)
            static_cast<QDoubleSpinBox *>(m_weightFields[i])->setValue(weights.*field.points);
        else
            static_cast<QSpinBox *>(m_weightFields[i])->setValue(weights.*field.days);
    }
    if (m_preview || m_ui->tabs->currentWidget() == m_ui->scoringTab)
        updatePreview();
}

void SettingsDialog::updatePreview()
{
    if (!m_preview)
        m_preview = std::make_unique<RankingPreview>(m_core->store()->openTasks(),
                                                     m_core->entities(), m_core->service()->now());
    m_ui->rankingPreview->clear();
    const auto top = m_preview->top(weightsFromForm(), PreviewSize);
    for (const auto &[task, result] : top) {
        auto *item = new QListWidgetItem(
            tr("%1 (score %2)").arg(TaskText::shownTitle(task), TaskText::score(task.score)),
            m_ui->rankingPreview);
        item->setData(IdRole, task.id);
        QStringList why;
        for (const ScoreContribution &reason : result.breakdown)
            why.append(tr("%1: %2").arg(reason.label, TaskText::points(reason.points)));
        item->setToolTip(why.join(QLatin1Char('\n')));
    }
    if (top.isEmpty())
        m_ui->rankingPreview->addItem(tr("No open tasks yet"));
}

QUrl SettingsDialog::gitHubBaseUrl() const
{
    const QString typed = m_ui->gitHubServer->text().trimmed();
    return typed.isEmpty() ? Settings::DefaultGitHubBaseUrl : QUrl::fromUserInput(typed);
}

QList<std::pair<QCheckBox *, Notification::Kind>> SettingsDialog::notificationSwitches() const
{
    using Kind = Notification::Kind;
    return {{m_ui->notifyClosed, Kind::Closed},
            {m_ui->notifyReopened, Kind::Reopened},
            {m_ui->notifyAssigned, Kind::Assigned},
            {m_ui->notifyUnassigned, Kind::Unassigned},
            {m_ui->notifyCommented, Kind::Commented},
            {m_ui->notifyDueMoved, Kind::DueMoved},
            {m_ui->notifyWriteRefused, Kind::WriteRefused},
            {m_ui->notifyTokenRejected, Kind::TokenRejected},
            {m_ui->notifyWebhooksNotArriving, Kind::WebhooksNotArriving}};
}

QUrl SettingsDialog::baseUrl(const QString &source) const
{
    return source == Sources::GitHub ? gitHubBaseUrl() : m_core->settings()->clickUpBaseUrl();
}

void SettingsDialog::readSavedToken(const QString &source, SecretStore::ReadCallback callback)
{
    const SyncSources::TokenKey key = SyncSources::tokenKey(source, baseUrl(source));
    m_core->secrets()->read(key.secret, key.account, this, std::move(callback));
}

void SettingsDialog::test(const QString &source)
{
    const bool gitHub = source == Sources::GitHub;
    const QString typed = (gitHub ? m_ui->gitHubToken : m_ui->clickUpToken)->text().trimmed();
    if (!typed.isEmpty())
        return probeWith(source, typed);
    QLabel *status = gitHub ? m_ui->gitHubStatus : m_ui->clickUpStatus;
    if (!m_savedTokens.contains(source))
        return status->setText(tr("Type a token first."));
    readSavedToken(source, [this, source, status](const SecretResult &result) {
        if (result.status == SecretResult::Status::Found)
            probeWith(source, result.value);
        else
            status->setText(result.status == SecretResult::Status::Error
                                ? result.error
                                : tr("No token is saved for this server; type one."));
    });
}

void SettingsDialog::probeWith(const QString &source, const QString &token)
{
    const bool gitHub = source == Sources::GitHub;
    QLabel *status = gitHub ? m_ui->gitHubStatus : m_ui->clickUpStatus;
    const QUrl base = baseUrl(source);
    if (!base.isValid() || base.host().isEmpty())
        return status->setText(tr("“%1” is not a server address.").arg(m_ui->gitHubServer->text()));
    status->setText(tr("Connecting to %1…").arg(base.host()));
    auto probe = std::make_unique<AccountProbe>(&m_network, source, base, token.toUtf8());
    AccountProbe *probing = probe.get();
    (gitHub ? m_gitHubProbe : m_clickUpProbe) = std::move(probe); // a newer test wins
    probing->identify([this, probing, gitHub, status](const QString &name, const QString &error) {
        if (!error.isEmpty())
            return status->setText(error);
        status->setText(tr("Connected as %1").arg(name));
        if (gitHub) {
            probing->repos([this](const QList<AccountProbe::Choice> &repos, const QString &error) {
                if (!error.isEmpty())
                    return m_ui->gitHubStatus->setText(error);
                fillChoices(m_ui->gitHubRepos, m_ui->gitHubCreateRepo, repos,
                            tickedIds(m_ui->gitHubRepos),
                            m_ui->gitHubCreateRepo->currentData().toString());
            });
            return;
        }
        probing->workspaces([this](const QList<AccountProbe::Choice> &teams, const QString &error) {
            if (!error.isEmpty())
                return m_ui->clickUpStatus->setText(error);
            const QString current = m_ui->clickUpWorkspace->currentData().toString();
            m_ui->clickUpWorkspace->clear();
            for (const AccountProbe::Choice &team : teams)
                m_ui->clickUpWorkspace->addItem(team.name, team.id);
            m_ui->clickUpWorkspace->setCurrentIndex(
                std::max(0, m_ui->clickUpWorkspace->findData(current)));
            loadLists(m_ui->clickUpWorkspace->currentData().toString());
        });
    });
}

void SettingsDialog::loadLists(const QString &teamId)
{
    if (!m_clickUpProbe || teamId.isEmpty())
        return;
    m_clickUpProbe->lists(teamId,
                          [this](const QList<AccountProbe::Choice> &lists, const QString &error) {
                              if (!error.isEmpty())
                                  return m_ui->clickUpStatus->setText(error);
                              fillChoices(m_ui->clickUpLists, m_ui->clickUpCreateList, lists,
                                          tickedIds(m_ui->clickUpLists),
                                          m_ui->clickUpCreateList->currentData().toString());
                          });
}

void SettingsDialog::fillChoices(QListWidget *list, QComboBox *create,
                                 const QList<AccountProbe::Choice> &choices,
                                 const QStringList &ticked, const QString &createId)
{
    // Saved ids the source did not name stay, by id, so nothing is dropped unseen.
    QList<AccountProbe::Choice> all = choices;
    for (const QString &id : ticked + QStringList{createId}) {
        if (!id.isEmpty() && std::none_of(all.cbegin(), all.cend(),
                                          [&id](const auto &choice) { return choice.id == id; }))
            all.append({id, id});
    }
    list->clear();
    create->clear();
    create->addItem(tr("(the first one ticked)"), QString());
    for (const AccountProbe::Choice &choice : std::as_const(all)) {
        auto *item = new QListWidgetItem(choice.name, list);
        item->setData(IdRole, choice.id);
        item->setCheckState(ticked.contains(choice.id) ? Qt::Checked : Qt::Unchecked);
        create->addItem(choice.name, choice.id);
    }
    create->setCurrentIndex(std::max(0, create->findData(createId)));
}

void SettingsDialog::showRegistration(const WebhookRegistrationReport &report)
{
    QStringList lines;
    for (const WebhookRegistration &result : report.results) {
        if (result.action == WebhookRegistration::Action::Failed)
            lines.append(tr("%1: %2").arg(Task::sourceName(result.source), result.message));
    }
    if (lines.isEmpty())
        lines.append(report.unregistering
                         ? tr("Webhooks removed.")
                         : tr("Webhooks registered at %1.").arg(report.publicUrl.toString()));
    m_ui->webhookStatus->setText(lines.join(QLatin1Char('\n')));
}

bool SettingsDialog::saveSettings(bool *accountsChanged)
{
    Settings &settings = *m_core->settings();
    const QStringList repos =
        m_ui->gitHubSomeRepos->isChecked() ? tickedIds(m_ui->gitHubRepos) : QStringList();
    const QString team = m_ui->clickUpWorkspace->currentData().toString();
    *accountsChanged =
        gitHubBaseUrl() != settings.gitHubBaseUrl() || repos != settings.gitHubRepos() ||
        team != settings.clickUpTeamId() ||
        tickedIds(m_ui->clickUpLists) != settings.clickUpListIds() ||
        m_ui->gitHubCreateRepo->currentData().toString() != settings.gitHubCreateRepo() ||
        m_ui->clickUpCreateList->currentData().toString() != settings.clickUpCreateListId();
    const QUrl publicUrl = QUrl::fromUserInput(m_ui->webhookPublicUrl->text().trimmed());
    QStringList refused;
    const auto check = [&refused](bool ok, const QString &what) {
        if (!ok)
            refused.append(what);
    };
    check(settings.setGitHubBaseUrl(gitHubBaseUrl()), tr("GitHub server"));
    check(settings.setGitHubRepos(repos), tr("repositories"));
    check(settings.setGitHubCreateRepo(m_ui->gitHubCreateRepo->currentData().toString()),
          tr("where new issues go"));
    check(team.isEmpty() || settings.setClickUpTeamId(team), tr("workspace"));
    check(settings.setClickUpListIds(tickedIds(m_ui->clickUpLists)), tr("lists"));
    check(settings.setClickUpCreateListId(m_ui->clickUpCreateList->currentData().toString()),
          tr("where new tasks go"));
    check(settings.setSyncIntervalMinutes(m_ui->syncInterval->value()), tr("sync interval"));
    check(settings.setWebhookPort(m_ui->webhookPort->value()), tr("webhook port"));
    check(settings.setWebhookPublicUrl(
              m_ui->webhookPublicUrl->text().trimmed().isEmpty() ? QUrl() : publicUrl),
          tr("public URL"));
    check(settings.setBriefingTime(m_ui->briefingTime->time()), tr("briefing time"));
    check(settings.setLanguage(m_ui->language->currentData().toString()), tr("language"));
    if (!refused.isEmpty()) {
        m_ui->saveError->setText(
            tr("Not saved, check: %1.").arg(refused.join(QStringLiteral(", "))));
        m_ui->saveError->show();
        return false;
    }

    for (const auto &[box, kind] : notificationSwitches())
        settings.setNotificationEnabled(ChangeNotifier::kindName(kind), box->isChecked());
    settings.setNotifyExternalChanges(true); // the switches above say it kind by kind
    settings.setDoNotDisturb(m_ui->doNotDisturb->isChecked());
    settings.setScoreWeights(weightsFromForm());

    QString error;
    const Autostart autostart(QGuiApplication::desktopFileName());
    if (m_ui->startAtLogin->isChecked() != autostart.isEnabled()) {
        QStringList command{QCoreApplication::applicationFilePath(), QStringLiteral("--tray")};
        if (m_core->profile().directory() != Profile::resolveDirectory({}))
            command << QStringLiteral("--profile") << m_core->profile().directory();
        if (!autostart.setEnabled(m_ui->startAtLogin->isChecked(), command, &error)) {
            m_ui->saveError->setText(error);
            m_ui->saveError->show();
            return false;
        }
    }
    if (!settings.sync()) {
        m_ui->saveError->setText(settings.lastError());
        m_ui->saveError->show();
        return false;
    }
    return true;
}

void SettingsDialog::accept()
{
    m_ui->saveError->hide();
    bool accountsChanged = false;
    if (!saveSettings(&accountsChanged))
        return;
    m_core->applySettings();
    // Typed tokens go to the keychain; the dialog closes once the keychain has answered.
    QList<std::pair<QString, QString>> tokens;
    if (!m_ui->clickUpToken->text().trimmed().isEmpty())
        tokens.append({Sources::ClickUp, m_ui->clickUpToken->text().trimmed()});
    if (!m_ui->gitHubToken->text().trimmed().isEmpty())
        tokens.append({Sources::GitHub, m_ui->gitHubToken->text().trimmed()});
    if (tokens.isEmpty())
        return finishSaving({}, accountsChanged);
    m_ui->buttons->setEnabled(false);
    auto errors = std::make_shared<QStringList>();
    auto waiting = std::make_shared<int>(int(tokens.size()));
    for (const auto &[source, token] : std::as_const(tokens)) {
        m_core->setToken(
            source, token, [this, source = source, errors, waiting](const QString &error) {
                if (!error.isEmpty())
                    errors->append(
                        tr("%1 token not saved: %2").arg(Task::sourceName(source), error));
                if (--*waiting == 0)
                    finishSaving(*errors, true);
            });
    }
}

void SettingsDialog::finishSaving(const QStringList &errors, bool reload)
{
    m_ui->buttons->setEnabled(true);
    if (reload)
        m_core->reloadSources();
    Q_EMIT saved();
    if (!errors.isEmpty()) {
        m_ui->saveError->setText(errors.join(QLatin1Char('\n')));
        m_ui->saveError->show();
        return;
    }
    QDialog::accept();
}

} // namespace UpNext
