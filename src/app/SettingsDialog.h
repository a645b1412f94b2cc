#pragma once

#include "appcore/ChangeNotifier.h"
#include "core/ScoreWeights.h"
#include "core/SecretStore.h"
#include "sources/AccountProbe.h"

#include <QDialog>
#include <QNetworkAccessManager>

#include <memory>

class QAbstractSpinBox;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;

namespace Ui {
class SettingsDialog;
}

namespace UpNext {

class AppCore;
class RankingPreview;
struct WebhookRegistrationReport;

// The settings: accounts (tokens to the keychain, tested against the source, workspace,
// lists and repos picked from what the source answers), sync and webhooks, the scoring
// weights with a live preview of the top of the ranking, notifications, start at login and
// the language (used from the next start). OK saves them, applies what can be applied at once and
// reloads the sources when an account changed.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppCore *core, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

Q_SIGNALS:
    // After OK: the settings are saved and applied.
    void saved();

private:
    void load();
    // Tests the typed token, or the saved one when none is typed; fills the pickers.
    void test(const QString &source);
    void probeWith(const QString &source, const QString &token);
    void loadLists(const QString &teamId);
    void fillChoices(QListWidget *list, QComboBox *create,
                     const QList<AccountProbe::Choice> &choices, const QStringList &ticked,
                     const QString &createId);
    void showRegistration(const WebhookRegistrationReport &report);
    bool saveSettings(bool *accountsChanged);
    void finishSaving(const QStringList &errors, bool reload);
    // Each notification check box and the kind it switches.
    QList<std::pair<QCheckBox *, Notification::Kind>> notificationSwitches() const;
    QUrl gitHubBaseUrl() const; // as typed
    // The API root a token of source is tested against and kept for.
    QUrl baseUrl(const QString &source) const;
    void readSavedToken(const QString &source, SecretStore::ReadCallback callback);
    // One spin box per weight, made from a table in the .cpp.
    void addWeightFields();
    ScoreWeights weightsFromForm() const;
    void showWeights(const ScoreWeights &weights);
    // Ranks the open tasks again with the weights as edited and lists the best five.
    void updatePreview();

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppCore *m_core;
    QNetworkAccessManager m_network;
    std::unique_ptr<AccountProbe> m_clickUpProbe;
    std::unique_ptr<AccountProbe> m_gitHubProbe;
    QStringList m_savedTokens;                 // sources whose token is in the keychain
    QList<QAbstractSpinBox *> m_weightFields;  // in the order of the table in the .cpp
    std::unique_ptr<RankingPreview> m_preview; // made when the scoring tab is first shown
};

} // namespace UpNext
