#include "Logging.h"

namespace UpNext {

Q_LOGGING_CATEGORY(lcStore, "upnext.store")
Q_LOGGING_CATEGORY(lcSettings, "upnext.settings")
Q_LOGGING_CATEGORY(lcEntities, "upnext.entities")
Q_LOGGING_CATEGORY(lcSecrets, "upnext.secrets")
Q_LOGGING_CATEGORY(lcProfile, "upnext.profile")
Q_LOGGING_CATEGORY(lcSync, "upnext.sync")
Q_LOGGING_CATEGORY(lcOutbox, "upnext.outbox")
Q_LOGGING_CATEGORY(lcWebhook, "upnext.webhook")
Q_LOGGING_CATEGORY(lcNotify, "upnext.notify")

} // namespace UpNext
