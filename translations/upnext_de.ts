<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About UpNext</source>
        <translation>Über UpNext</translation>
    </message>
    <message>
        <source>Your next task from ClickUp and GitHub, ranked and explained.</source>
        <translation>Ihre nächste Aufgabe aus ClickUp und GitHub, gereiht und begründet.</translation>
    </message>
    <message>
        <source>&amp;Licence:</source>
        <translation>&amp;Lizenz:</translation>
    </message>
</context>
<context>
    <name>BriefingWindow</name>
    <message>
        <source>Morning Briefing</source>
        <translation>Morgenübersicht</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>ClickUp</source>
        <translation>ClickUp</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Test &amp;Connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Workspace:</translation>
    </message>
    <message>
        <source>&amp;Lists:</source>
        <translation>&amp;Listen:</translation>
    </message>
    <message>
        <source>Tick the lists to read; none ticked reads the whole workspace</source>
        <translation>Die zu lesenden Listen ankreuzen; ohne Häkchen wird der ganze Workspace gelesen</translation>
    </message>
    <message>
        <source>New tasks go &amp;to:</source>
        <translation>Neue &amp;Aufgaben in:</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Personal access to&amp;ken:</source>
        <translation>&amp;Persönliches Zugriffstoken:</translation>
    </message>
    <message>
        <source>Test C&amp;onnection</source>
        <translation>Verbindung t&amp;esten</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>https://api.github.com</source>
        <translation>https://api.github.com</translation>
    </message>
    <message>
        <source>For GitHub Enterprise: https://HOST/api/v3</source>
        <translation>Für GitHub Enterprise: https://HOST/api/v3</translation>
    </message>
    <message>
        <source>&amp;Issues:</source>
        <translation>&amp;Issues:</translation>
    </message>
    <message>
        <source>All issues assigned to me</source>
        <translation>Alle mir zugewiesenen Issues</translation>
    </message>
    <message>
        <source>Only from the repositories ticked below</source>
        <translation>Nur aus den unten angekreuzten Repositorys</translation>
    </message>
    <message>
        <source>The repositories to read</source>
        <translation>Die zu lesenden Repositorys</translation>
    </message>
    <message>
        <source>New issues go t&amp;o:</source>
        <translation>Neue Iss&amp;ues in:</translation>
    </message>
    <message>
        <source>Tokens are kept in the system keychain, never in the settings file. Leave a token field empty to keep the saved one.</source>
        <translation>Tokens werden im Schlüsselbund des Systems aufbewahrt, nie in der Einstellungsdatei. Ein leeres Token-Feld behält das gespeicherte Token.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchronisieren &amp;alle:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Listen &amp;on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>127.0.0.1</source>
        <translation>127.0.0.1</translation>
    </message>
    <message>
        <source>An address wider than 127.0.0.1 needs both webhook secrets</source>
        <translation>Eine andere Adresse als 127.0.0.1 braucht beide Webhook-Geheimnisse</translation>
    </message>
    <message>
        <source>Public &amp;URL:</source>
        <translation>Öffentliche &amp;URL:</translation>
    </message>
    <message>
        <source>https://your-tunnel.example</source>
        <translation>https://ihr-tunnel.example</translation>
    </message>
    <message>
        <source>Where ClickUp and GitHub reach this port, e.g. a tunnel; empty: no webhooks are registered</source>
        <translation>Wo ClickUp und GitHub diesen Port erreichen, z. B. ein Tunnel; leer: Es werden keine Webhooks registriert</translation>
    </message>
    <message>
        <source>Last deliveries:</source>
        <translation>Letzte Zustellungen:</translation>
    </message>
    <message>
        <source>&amp;Register Webhooks</source>
        <translation>Webhooks &amp;registrieren</translation>
    </message>
    <message>
        <source>Re&amp;move Webhooks</source>
        <translation>Webhooks ent&amp;fernen</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Tell me when someone else:</source>
        <translation>Mich benachrichtigen, wenn:</translation>
    </message>
    <message>
        <source>A task of mine is &amp;closed</source>
        <translation>jemand anderes eine meiner Aufgaben &amp;schließt</translation>
    </message>
    <message>
        <source>A task of mine is &amp;reopened</source>
        <translation>jemand anderes eine meiner Aufgaben wieder &amp;öffnet</translation>
    </message>
    <message>
        <source>A task is &amp;assigned to me</source>
        <translation>jemand anderes mir eine Aufgabe &amp;zuweist</translation>
    </message>
    <message>
        <source>A task is &amp;unassigned from me</source>
        <translation>jemand anderes mir eine Aufgabe &amp;entzieht</translation>
    </message>
    <message>
        <source>Someone co&amp;mments on a task of mine</source>
        <translation>jemand anderes eine meiner Aufgaben &amp;kommentiert</translation>
    </message>
    <message>
        <source>A &amp;due date moves</source>
        <translation>jemand anderes ein &amp;Fälligkeitsdatum verschiebt</translation>
    </message>
    <message>
        <source>A source &amp;refuses one of my changes</source>
        <translation>eine Quelle eine meiner Änderungen a&amp;blehnt</translation>
    </message>
    <message>
        <source>A source rejects my &amp;token</source>
        <translation>eine Quelle mein &amp;Token zurückweist</translation>
    </message>
    <message>
        <source>&amp;Webhooks stop arriving</source>
        <translation>&amp;Webhooks ausbleiben</translation>
    </message>
    <message>
        <source>Do not &amp;disturb: no notifications at all</source>
        <translation>&amp;Nicht stören: überhaupt keine Benachrichtigungen</translation>
    </message>
    <message>
        <source>Morning &amp;briefing at:</source>
        <translation>&amp;Morgenübersicht um:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Start UpNext when I &amp;log in (in the tray)</source>
        <translation>UpNext bei der &amp;Anmeldung starten (im Infobereich)</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Points a task gets for each reason it has; the highest total is next.</source>
        <translation>Punkte, die eine Aufgabe für jeden ihrer Gründe erhält; die höchste Summe kommt als Nächstes dran.</translation>
    </message>
    <message>
        <source>Top &amp;5 with these points:</source>
        <translation>Top &amp;5 mit diesen Punkten:</translation>
    </message>
    <message>
        <source>Your open tasks as they would rank with the points on the left</source>
        <translation>Ihre offenen Aufgaben in der Reihenfolge, die sich mit den Punkten links ergäbe</translation>
    </message>
    <message>
        <source>Restore &amp;Defaults</source>
        <translation>Standard&amp;werte wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of UpNext.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von UpNext.</translation>
    </message>
</context>
<context>
    <name>SyncState</name>
    <message>
        <source>Cannot %1 in the task database %2: %3</source>
        <translation>Fehler in der Aufgabendatenbank %2 beim Versuch, %1: %3</translation>
    </message>
    <message>
        <source>read the sync state</source>
        <translation>den Synchronisierungsstand zu lesen</translation>
    </message>
    <message>
        <source>save the sync state</source>
        <translation>den Synchronisierungsstand zu speichern</translation>
    </message>
    <message>
        <source>read the response cache</source>
        <translation>den Antwort-Cache zu lesen</translation>
    </message>
    <message>
        <source>save the response cache</source>
        <translation>den Antwort-Cache zu speichern</translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>UpNext already runs without a window on this profile (upnext --headless, e.g. the upnext-headless service). Stop it to use the window here.</source>
        <translation>UpNext läuft auf diesem Profil bereits ohne Fenster (upnext --headless, z. B. der Dienst upnext-headless). Beenden Sie es, um hier das Fenster zu verwenden.</translation>
    </message>
    <message>
        <source>UpNext already runs on this profile but does not answer.</source>
        <translation>UpNext läuft auf diesem Profil bereits, antwortet aber nicht.</translation>
    </message>
    <message>
        <source>Your next task across ClickUp and GitHub.</source>
        <translation>Ihre nächste Aufgabe aus ClickUp und GitHub.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Show UpNext&apos;s and Qt&apos;s versions and exit.</source>
        <translation>Die Versionen von UpNext und Qt zeigen und beenden.</translation>
    </message>
    <message>
        <source>Use the profile in &lt;dir&gt; instead of the default (or $UPNEXT_PROFILE).</source>
        <translation>Das Profil in &lt;dir&gt; statt des voreingestellten (oder $UPNEXT_PROFILE) verwenden.</translation>
    </message>
    <message>
        <source>Send what waits in the outbox, sync every configured source once, print the result and exit, without a window.</source>
        <translation>Ohne Fenster senden, was im Postausgang wartet, jede eingerichtete Quelle einmal abgleichen, das Ergebnis ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Run without a window or display: sync, send the outbox and receive webhooks until stopped (SIGTERM or SIGINT).</source>
        <translation>Ohne Fenster oder Bildschirm laufen: abgleichen, den Postausgang senden und Webhooks empfangen, bis es beendet wird (SIGTERM oder SIGINT).</translation>
    </message>
    <message>
        <source>Receive webhooks on &lt;port&gt; (default: the settings&apos; port, 8787, or $UPNEXT_WEBHOOK_PORT).</source>
        <translation>Webhooks an &lt;port&gt; empfangen (voreingestellt: der Port aus den Einstellungen, 8787, oder $UPNEXT_WEBHOOK_PORT).</translation>
    </message>
    <message>
        <source>Start in the system tray without showing the window (as at login).</source>
        <translation>Im Infobereich starten, ohne das Fenster zu zeigen (wie bei der Anmeldung).</translation>
    </message>
    <message>
        <source>Try UpNext on simulated ClickUp and GitHub services with made-up tasks, on a throwaway profile (your own profile and accounts are not touched).</source>
        <translation>UpNext mit simulierten ClickUp- und GitHub-Diensten und erfundenen Aufgaben ausprobieren, auf einem Wegwerfprofil (Ihr eigenes Profil und Ihre Konten bleiben unberührt).</translation>
    </message>
    <message>
        <source>--port needs a port number (0 to 65535)
</source>
        <translation>--port braucht eine Portnummer (0 bis 65535)
</translation>
    </message>
    <message>
        <source>--demo runs with its window: it goes with neither --headless nor --sync-once
</source>
        <translation>--demo läuft mit seinem Fenster: Es geht weder mit --headless noch mit --sync-once
</translation>
    </message>
    <message>
        <source>UpNext already runs on the profile %1 (%2)
</source>
        <translation>UpNext läuft bereits auf dem Profil %1 (%2)
</translation>
    </message>
    <message>
        <source>Show the next task (in the running UpNext).</source>
        <translation>Die nächste Aufgabe zeigen (im laufenden UpNext).</translation>
    </message>
    <message>
        <source>Mark the current task done (in the running UpNext).</source>
        <translation>Die aktuelle Aufgabe als erledigt markieren (im laufenden UpNext).</translation>
    </message>
    <message>
        <source>Skip the current task for today (in the running UpNext).</source>
        <translation>Die aktuelle Aufgabe für heute überspringen (im laufenden UpNext).</translation>
    </message>
    <message>
        <source>Sync every source now (in the running UpNext).</source>
        <translation>Jede Quelle jetzt abgleichen (im laufenden UpNext).</translation>
    </message>
    <message>
        <source>--next, --done, --skip and --sync go with neither --demo, --headless nor --sync-once
</source>
        <translation>--next, --done, --skip und --sync gehen weder mit --demo, --headless noch mit --sync-once
</translation>
    </message>
    <message>
        <source>UpNext already runs on the profile %1 (%2): it was asked to sync
</source>
        <translation>UpNext läuft bereits auf dem Profil %1 (%2): es wurde gebeten zu synchronisieren
</translation>
    </message>
</context>
<context>
    <name>UpNext::AboutDialog</name>
    <message>
        <source>UpNext %1</source>
        <translation>UpNext %1</translation>
    </message>
    <message>
        <source>MIT License</source>
        <translation>MIT-Lizenz</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1 (erstellt mit %2)</translation>
    </message>
</context>
<context>
    <name>UpNext::AccountProbe</name>
    <message>
        <source>%1 sent an answer that is not JSON</source>
        <translation>%1 hat eine Antwort geschickt, die kein JSON ist</translation>
    </message>
    <message>
        <source>The answer names no user</source>
        <translation>Die Antwort nennt keinen Benutzer</translation>
    </message>
</context>
<context>
    <name>UpNext::ApiToken</name>
    <message>
        <source>Cannot read the local API token %1: %2</source>
        <translation>Das Token der lokalen API %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UpNext::Autostart</name>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UpNext::BriefingWindow</name>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <source>Score %1: %2</source>
        <translation>%1 Punkte: %2</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1, fällig %2</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Comment on %1</source>
        <translation>Kommentar zu %1</translation>
    </message>
    <message>
        <source>Create %1</source>
        <translation>%1 anlegen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Guten Morgen</translation>
    </message>
    <message>
        <source>Your briefing</source>
        <translation>Ihre Übersicht</translation>
    </message>
    <message>
        <source>Next up</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>Überfällig (%1)</translation>
    </message>
    <message>
        <source>Due today (%1)</source>
        <translation>Heute fällig (%1)</translation>
    </message>
    <message>
        <source>Changed elsewhere since the last briefing (%1)</source>
        <translation>Seit der letzten Übersicht anderswo geändert (%1)</translation>
    </message>
    <message>
        <source>Changes the sources refused (%1)</source>
        <translation>Von den Quellen abgelehnte Änderungen (%1)</translation>
    </message>
    <message>
        <source>Nothing waiting. Enjoy the day.</source>
        <translation>Nichts wartet. Genießen Sie den Tag.</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks ahead</source>
        <translation>
            <numerusform>%n Aufgabe vor Ihnen</numerusform>
            <numerusform>%n Aufgaben vor Ihnen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>%1 due today</source>
        <translation>%1 heute fällig</translation>
    </message>
    <message numerus="yes">
        <source>%n changes refused</source>
        <translation>
            <numerusform>%n Änderung abgelehnt</numerusform>
            <numerusform>%n Änderungen abgelehnt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::ChangeNotifier</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>UpNext</source>
        <translation>UpNext</translation>
    </message>
    <message>
        <source>%1 closed %2 (%3)</source>
        <translation>%1 hat %2 geschlossen (%3)</translation>
    </message>
    <message>
        <source>%1 reopened %2 (%3)</source>
        <translation>%1 hat %2 wieder geöffnet (%3)</translation>
    </message>
    <message>
        <source>%1 assigned %2 to you (%3)</source>
        <translation>%1 hat Ihnen %2 zugewiesen (%3)</translation>
    </message>
    <message>
        <source>%1 unassigned you from %2 (%3)</source>
        <translation>%1 hat Ihnen %2 entzogen (%3)</translation>
    </message>
    <message>
        <source>%1 commented on %2 (%3): %4</source>
        <translation>%1 hat %2 kommentiert (%3): %4</translation>
    </message>
    <message>
        <source>%1 moved %2 to be due %3 (%4)</source>
        <translation>%1 hat die Fälligkeit von %2 auf %3 verschoben (%4)</translation>
    </message>
    <message>
        <source>%1 removed the due date of %2 (%3)</source>
        <translation>%1 hat das Fälligkeitsdatum von %2 entfernt (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks changed</source>
        <translation>
            <numerusform>%n Aufgabe geändert</numerusform>
            <numerusform>%n Aufgaben geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks changed in %1</source>
        <translation>
            <numerusform>%n Aufgabe in %1 geändert</numerusform>
            <numerusform>%n Aufgaben in %1 geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>%1 refused to close %2: %3</source>
        <translation>%1 hat das Schließen von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 refused your comment on %2: %3</source>
        <translation>%1 hat Ihren Kommentar zu %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 refused to create %2: %3</source>
        <translation>%1 hat das Anlegen von %2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>A change was not made</source>
        <translation>Eine Änderung wurde nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 rejected the token</source>
        <translation>%1 hat das Token zurückgewiesen</translation>
    </message>
    <message>
        <source>%1 UpNext cannot sync %2 or send changes to it until the token is replaced.</source>
        <translation>%1 UpNext kann %2 erst wieder synchronisieren und Änderungen dorthin senden, wenn das Token ersetzt ist.</translation>
    </message>
    <message>
        <source>%1 webhooks are not arriving</source>
        <translation>Webhooks von %1 kommen nicht an</translation>
    </message>
</context>
<context>
    <name>UpNext::Cli</name>
    <message>
        <source>Comment on the task before completing it.</source>
        <translation>Die Aufgabe vor dem Erledigen kommentieren.</translation>
    </message>
    <message>
        <source>clickup or github (create: where the task goes; list: only that source&apos;s tasks).</source>
        <translation>clickup oder github (create: wohin die Aufgabe kommt; list: nur die Aufgaben dieser Quelle).</translation>
    </message>
    <message>
        <source>The client&apos;s id.</source>
        <translation>Die ID des Kunden.</translation>
    </message>
    <message>
        <source>The new task&apos;s description.</source>
        <translation>Die Beschreibung der neuen Aufgabe.</translation>
    </message>
    <message>
        <source>The repository for a new GitHub issue (default: the settings&apos;).</source>
        <translation>Das Repository für ein neues GitHub-Issue (sonst das der Einstellungen).</translation>
    </message>
    <message>
        <source>The list for a new ClickUp task (default: the settings&apos;).</source>
        <translation>Die Liste für eine neue ClickUp-Aufgabe (sonst die der Einstellungen).</translation>
    </message>
    <message>
        <source>Only tasks with this status: todo, in_progress, done or all.</source>
        <translation>Nur Aufgaben mit diesem Status: todo, in_progress, done oder all.</translation>
    </message>
    <message>
        <source>Show at most &lt;n&gt; tasks.</source>
        <translation>Höchstens &lt;n&gt; Aufgaben zeigen.</translation>
    </message>
    <message>
        <source>Show the task to work on now, and why.</source>
        <translation>Die Aufgabe zeigen, die jetzt dran ist, und warum.</translation>
    </message>
    <message>
        <source>Complete the current task and show the next one.</source>
        <translation>Die aktuelle Aufgabe erledigen und die nächste zeigen.</translation>
    </message>
    <message>
        <source>Set the current task aside for today.</source>
        <translation>Die aktuelle Aufgabe für heute zurückstellen.</translation>
    </message>
    <message>
        <source>Comment on the current task.</source>
        <translation>Die aktuelle Aufgabe kommentieren.</translation>
    </message>
    <message>
        <source>Create a task.</source>
        <translation>Eine Aufgabe anlegen.</translation>
    </message>
    <message>
        <source>Sync every source now.</source>
        <translation>Alle Quellen jetzt synchronisieren.</translation>
    </message>
    <message>
        <source>Show the morning briefing.</source>
        <translation>Die Morgenübersicht zeigen.</translation>
    </message>
    <message>
        <source>List tasks, best first.</source>
        <translation>Aufgaben auflisten, die wichtigste zuerst.</translation>
    </message>
    <message>
        <source>Show one task.</source>
        <translation>Eine Aufgabe zeigen.</translation>
    </message>
    <message>
        <source>List the clients, show one, or reload entities.json.</source>
        <translation>Die Kunden auflisten, einen zeigen oder entities.json neu laden.</translation>
    </message>
    <message>
        <source>Show the writes waiting for their source, retry or discard one.</source>
        <translation>Die Änderungen zeigen, die auf ihre Quelle warten, eine erneut senden oder verwerfen.</translation>
    </message>
    <message>
        <source>Show the last sync of each source, the webhooks, the outbox and rate limits.</source>
        <translation>Die letzte Synchronisierung jeder Quelle, die Webhooks, den Ausgang und Anfragelimits zeigen.</translation>
    </message>
    <message>
        <source>Run `upnext-cli --help` for the commands.</source>
        <translation>`upnext-cli --help` zeigt die Befehle.</translation>
    </message>
    <message>
        <source>Run `upnext-cli %1 --help` for its usage.</source>
        <translation>`upnext-cli %1 --help` zeigt seine Verwendung.</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <source>Use the profile in &lt;dir&gt; instead of the default (or $UPNEXT_PROFILE).</source>
        <translation>Das Profil in &lt;dir&gt; statt des Standardprofils (oder $UPNEXT_PROFILE) verwenden.</translation>
    </message>
    <message>
        <source>Print the local API&apos;s JSON answer as it is.</source>
        <translation>Die JSON-Antwort der lokalen API unverändert ausgeben.</translation>
    </message>
    <message>
        <source>Wait up to &lt;seconds&gt; for a write to reach its source (default 10; 0: do not wait).</source>
        <translation>Bis zu &lt;seconds&gt; Sekunden warten, bis eine Änderung ihre Quelle erreicht (Standard 10; 0: nicht warten).</translation>
    </message>
    <message>
        <source>Your next task across ClickUp and GitHub, from the command line.</source>
        <translation>Ihre nächste Aufgabe aus ClickUp und GitHub, auf der Kommandozeile.</translation>
    </message>
    <message>
        <source>One of the commands below.</source>
        <translation>Einer der Befehle unten.</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 a wrong command or id, 2 a source or network error, 3 the profile or UpNext cannot be used.</source>
        <translation>Exit-Codes: 0 ok, 1 falscher Befehl oder falsche ID, 2 Fehler einer Quelle oder des Netzes, 3 Profil oder UpNext nicht nutzbar.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>Kein Befehl angegeben.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>%1 needs %2.</source>
        <translation>%1 braucht %2.</translation>
    </message>
    <message>
        <source>Too many arguments for %1.</source>
        <translation>Zu viele Argumente für %1.</translation>
    </message>
    <message>
        <source>--wait needs a number of seconds from 0 to 600.</source>
        <translation>--wait braucht eine Zahl von Sekunden zwischen 0 und 600.</translation>
    </message>
    <message>
        <source>The comment is empty.</source>
        <translation>Der Kommentar ist leer.</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>Eine Aufgabe braucht einen Titel.</translation>
    </message>
    <message>
        <source>--source is clickup or github.</source>
        <translation>--source ist clickup oder github.</translation>
    </message>
    <message>
        <source>Give --repo or --list, not both.</source>
        <translation>Geben Sie --repo oder --list an, nicht beides.</translation>
    </message>
    <message>
        <source>--limit needs a positive number.</source>
        <translation>--limit braucht eine positive Zahl.</translation>
    </message>
    <message>
        <source>An empty client id.</source>
        <translation>Eine leere Kunden-ID.</translation>
    </message>
    <message>
        <source>outbox takes retry &lt;id&gt; or discard &lt;id&gt;.</source>
        <translation>outbox nimmt retry &lt;id&gt; oder discard &lt;id&gt;.</translation>
    </message>
    <message>
        <source>outbox %1 needs an entry id.</source>
        <translation>outbox %1 braucht eine Eintrags-ID.</translation>
    </message>
    <message>
        <source>Invalid outbox entry id: &quot;%1&quot;.</source>
        <translation>Ungültige Eintrags-ID im Ausgang: „%1“.</translation>
    </message>
    <message>
        <source>Another upnext-cli is using the profile %1; try again in a moment.</source>
        <translation>Ein anderes upnext-cli verwendet das Profil %1; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>UpNext runs on the profile %1 but its local API is not listening (the webhook port may be taken; see its log).</source>
        <translation>UpNext läuft mit dem Profil %1, aber seine lokale API lauscht nicht (vielleicht ist der Webhook-Port belegt; siehe sein Protokoll).</translation>
    </message>
    <message>
        <source>Cannot open the profile %1: %2</source>
        <translation>Das Profil %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot reach UpNext: %1</source>
        <translation>UpNext ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The running UpNext refused the token in %1.</source>
        <translation>Das laufende UpNext hat das Token in %1 abgelehnt.</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>(done)</source>
        <translation>(erledigt)</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Fällig:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Punkte: %1</translation>
    </message>
    <message>
        <source>Not confirmed by the source yet (outbox entry %1, %2); UpNext keeps sending it.</source>
        <translation>Von der Quelle noch nicht bestätigt (Eintrag %1 im Ausgang, %2); UpNext sendet es weiter.</translation>
    </message>
    <message>
        <source>Queued as outbox entry %1; UpNext sends it.</source>
        <translation>Als Eintrag %1 im Ausgang; UpNext sendet es.</translation>
    </message>
    <message>
        <source>Not sent yet: it stays queued (outbox entry %1) and goes out the next time UpNext or upnext-cli runs.</source>
        <translation>Noch nicht gesendet: Es bleibt im Ausgang (Eintrag %1) und wird gesendet, sobald UpNext oder upnext-cli wieder läuft.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>All done! No more tasks.</source>
        <translation>Alles erledigt! Keine Aufgaben mehr.</translation>
    </message>
    <message>
        <source>Next:</source>
        <translation>Als Nächstes:</translation>
    </message>
    <message>
        <source>Run `upnext-cli next` first.</source>
        <translation>Rufen Sie zuerst `upnext-cli next` auf.</translation>
    </message>
    <message>
        <source>No current task.</source>
        <translation>Keine aktuelle Aufgabe.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 closed</source>
        <translation>%1 neu, %2 aktualisiert, %3 geschlossen</translation>
    </message>
    <message>
        <source>Set a token in UpNext&apos;s settings (or $UPNEXT_GITHUB_TOKEN, $UPNEXT_CLICKUP_TOKEN).</source>
        <translation>Hinterlegen Sie ein Token in den Einstellungen von UpNext (oder $UPNEXT_GITHUB_TOKEN, $UPNEXT_CLICKUP_TOKEN).</translation>
    </message>
    <message>
        <source>Top tasks</source>
        <translation>Wichtigste Aufgaben</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Writes the sources refused</source>
        <translation>Von den Quellen abgelehnte Änderungen</translation>
    </message>
    <message>
        <source>No tasks.</source>
        <translation>Keine Aufgaben.</translation>
    </message>
    <message>
        <source>Task ids look like clickup:86abc or github:owner/repo#42; `upnext-cli list` shows them.</source>
        <translation>Aufgaben-IDs sehen aus wie clickup:86abc oder github:owner/repo#42; `upnext-cli list` zeigt sie.</translation>
    </message>
    <message>
        <source>(revenue)</source>
        <translation>(Umsatz)</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>Gewicht %1</translation>
    </message>
    <message>
        <source>`upnext-cli entities` lists the clients.</source>
        <translation>`upnext-cli entities` listet die Kunden auf.</translation>
    </message>
    <message>
        <source>No clients (entities.json).</source>
        <translation>Keine Kunden (entities.json).</translation>
    </message>
    <message>
        <source>`upnext-cli outbox` lists the entries.</source>
        <translation>`upnext-cli outbox` listet die Einträge auf.</translation>
    </message>
    <message>
        <source>The outbox is empty: every change reached its source.</source>
        <translation>Der Ausgang ist leer: Jede Änderung hat ihre Quelle erreicht.</translation>
    </message>
    <message>
        <source>No source has a token.</source>
        <translation>Keine Quelle hat ein Token.</translation>
    </message>
    <message>
        <source>Webhooks: listening on port %1</source>
        <translation>Webhooks: Lausche auf Port %1</translation>
    </message>
    <message>
        <source>Webhooks: not listening</source>
        <translation>Webhooks: Lausche nicht</translation>
    </message>
    <message>
        <source>Outbox: %1 waiting, %2 failed</source>
        <translation>Ausgang: %1 wartend, %2 abgelehnt</translation>
    </message>
    <message>
        <source>%1: rate limited until %2</source>
        <translation>%1: Anfragelimit bis %2</translation>
    </message>
    <message>
        <source>UpNext is not running on this profile.</source>
        <translation>UpNext läuft nicht mit diesem Profil.</translation>
    </message>
    <message>
        <source>upnext-cli: argument %1 is not valid UTF-8.</source>
        <translation>upnext-cli: Argument %1 ist kein gültiges UTF-8.</translation>
    </message>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Give --repo OWNER/NAME or --list ID, or set github/createRepo or clickup/createListId in the profile&apos;s settings.ini.</source>
        <translation>Geben Sie --repo OWNER/NAME oder --list ID an, oder setzen Sie github/createRepo oder clickup/createListId in der settings.ini des Profils.</translation>
    </message>
</context>
<context>
    <name>UpNext::ClickUpHooks</name>
    <message>
        <source>ClickUp: no workspace (team) id is set</source>
        <translation>ClickUp: Keine Workspace-ID (Team-ID) eingestellt</translation>
    </message>
    <message>
        <source>the answer is not a list of webhooks</source>
        <translation>die Antwort ist keine Liste von Webhooks</translation>
    </message>
    <message>
        <source>the answer is not a webhook</source>
        <translation>die Antwort ist kein Webhook</translation>
    </message>
    <message>
        <source>ClickUp: a webhook needs an endpoint and events</source>
        <translation>ClickUp: Ein Webhook braucht einen Endpunkt und Ereignisse</translation>
    </message>
    <message>
        <source>ClickUp: a webhook needs an id, an endpoint and events</source>
        <translation>ClickUp: Ein Webhook braucht eine ID, einen Endpunkt und Ereignisse</translation>
    </message>
    <message>
        <source>ClickUp: no webhook id</source>
        <translation>ClickUp: Keine Webhook-ID</translation>
    </message>
</context>
<context>
    <name>UpNext::ClickUpReader</name>
    <message>
        <source>ClickUp: no lists or workspace configured</source>
        <translation>ClickUp: Keine Listen und kein Workspace eingerichtet</translation>
    </message>
    <message>
        <source>ClickUp error: the answer to /user has no user id</source>
        <translation>ClickUp-Fehler: Die Antwort auf /user enthält keine Benutzer-ID</translation>
    </message>
    <message>
        <source>Could not look for tasks moved to other lists: %1</source>
        <translation>In andere Listen verschobene Aufgaben konnten nicht gesucht werden: %1</translation>
    </message>
    <message>
        <source>ClickUp error: %1 (the answer has no task list)</source>
        <translation>ClickUp-Fehler: %1 (die Antwort enthält keine Aufgabenliste)</translation>
    </message>
    <message>
        <source>Skipped an item that is not an object</source>
        <translation>Einen Eintrag übersprungen, der kein Objekt ist</translation>
    </message>
    <message>
        <source>ClickUp error: %1 (the answer is not a task)</source>
        <translation>ClickUp-Fehler: %1 (die Antwort ist keine Aufgabe)</translation>
    </message>
</context>
<context>
    <name>UpNext::ClickUpTask</name>
    <message>
        <source>Skipped a task without a valid id</source>
        <translation>Eine Aufgabe ohne gültige ID übersprungen</translation>
    </message>
    <message>
        <source>%1 has no name; using &quot;(untitled)&quot;</source>
        <translation>%1 hat keinen Namen; „(ohne Titel)“ wird verwendet</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>%1 has a very long name; it was shortened</source>
        <translation>%1 hat einen sehr langen Namen; er wurde gekürzt</translation>
    </message>
    <message>
        <source>%1 has a very long description; it was shortened</source>
        <translation>%1 hat eine sehr lange Beschreibung; sie wurde gekürzt</translation>
    </message>
    <message>
        <source>%1 has an unknown status type &quot;%2&quot;; treated as open</source>
        <translation>%1 hat den unbekannten Statustyp „%2“; wird als offen behandelt</translation>
    </message>
    <message>
        <source>%1 has a due date that is not a time; ignored</source>
        <translation>%1 hat ein Fälligkeitsdatum, das keine Zeitangabe ist; ignoriert</translation>
    </message>
    <message>
        <source>%1 has an unknown priority; treated as none</source>
        <translation>%1 hat eine unbekannte Priorität; wird als keine behandelt</translation>
    </message>
    <message>
        <source>%1 has no valid date_updated</source>
        <translation>%1 hat kein gültiges date_updated</translation>
    </message>
</context>
<context>
    <name>UpNext::ClickUpWebhook</name>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation>Der Inhalt ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>The delivery has no event or task_id</source>
        <translation>Die Zustellung hat kein event oder keine task_id</translation>
    </message>
    <message>
        <source>The task_id is not valid</source>
        <translation>Die task_id ist ungültig</translation>
    </message>
</context>
<context>
    <name>UpNext::ClickUpWriter</name>
    <message>
        <source>the answer to /user has no user id</source>
        <translation>die Antwort auf /user enthält keine Benutzer-ID</translation>
    </message>
    <message>
        <source>the answer is not a list</source>
        <translation>die Antwort ist keine Liste</translation>
    </message>
    <message>
        <source>ClickUp: no task id</source>
        <translation>ClickUp: Keine Aufgaben-ID</translation>
    </message>
    <message>
        <source>the answer is not a task</source>
        <translation>die Antwort ist keine Aufgabe</translation>
    </message>
    <message>
        <source>Already closed on ClickUp (status &quot;%1&quot;)</source>
        <translation>Auf ClickUp bereits geschlossen (Status „%1“)</translation>
    </message>
    <message>
        <source>Set to &quot;%1&quot; on ClickUp</source>
        <translation>Auf ClickUp auf „%1“ gesetzt</translation>
    </message>
    <message>
        <source>ClickUp: a comment cannot be empty</source>
        <translation>ClickUp: Ein Kommentar darf nicht leer sein</translation>
    </message>
    <message>
        <source>the answer is not a comment</source>
        <translation>die Antwort ist kein Kommentar</translation>
    </message>
    <message>
        <source>Commented on ClickUp</source>
        <translation>Auf ClickUp kommentiert</translation>
    </message>
    <message>
        <source>ClickUp: no list set for new tasks</source>
        <translation>ClickUp: Keine Liste für neue Aufgaben eingestellt</translation>
    </message>
    <message>
        <source>ClickUp: a title cannot be empty</source>
        <translation>ClickUp: Ein Titel darf nicht leer sein</translation>
    </message>
    <message>
        <source>ClickUp: the title is %1 characters long; at most %2 are allowed</source>
        <translation>ClickUp: Der Titel ist %1 Zeichen lang; höchstens %2 sind erlaubt</translation>
    </message>
    <message>
        <source>Created %1 on ClickUp</source>
        <translation>%1 auf ClickUp angelegt</translation>
    </message>
    <message>
        <source>the answer has no comment list</source>
        <translation>die Antwort enthält keine Kommentarliste</translation>
    </message>
    <message>
        <source>the answer has no task list</source>
        <translation>die Antwort enthält keine Aufgabenliste</translation>
    </message>
</context>
<context>
    <name>UpNext::CommentReader</name>
    <message>
        <source>%1 is not connected</source>
        <translation>%1 ist nicht verbunden</translation>
    </message>
    <message>
        <source>GitHub error: %1 (the answer is not a list of comments)</source>
        <translation>GitHub-Fehler: %1 (die Antwort ist keine Liste von Kommentaren)</translation>
    </message>
    <message>
        <source>ClickUp error: %1 (the answer has no comments)</source>
        <translation>ClickUp-Fehler: %1 (die Antwort enthält keine Kommentare)</translation>
    </message>
</context>
<context>
    <name>UpNext::CreateTaskDialog</name>
    <message>
        <source>New Task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Optional details</source>
        <translation>Optionale Details</translation>
    </message>
    <message>
        <source>Nowhere to create tasks yet: set a GitHub or ClickUp token, and a repository (github/createRepo) or list (clickup/createListId) in settings.ini.</source>
        <translation>Noch kein Ort für neue Aufgaben: Legen Sie ein GitHub- oder ClickUp-Token fest und in settings.ini ein Repository (github/createRepo) oder eine Liste (clickup/createListId).</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Wo:</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
</context>
<context>
    <name>UpNext::Demo</name>
    <message>
        <source>Cannot make a folder for the demo: %1</source>
        <translation>Der Ordner für die Demo lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>Cannot start the demo&apos;s simulated services on 127.0.0.1</source>
        <translation>Die simulierten Dienste der Demo lassen sich auf 127.0.0.1 nicht starten</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Cannot write the demo&apos;s settings: %1</source>
        <translation>Die Einstellungen der Demo lassen sich nicht schreiben: %1</translation>
    </message>
    <message>
        <source>Cannot write the demo&apos;s clients: %1</source>
        <translation>Die Clients der Demo lassen sich nicht schreiben: %1</translation>
    </message>
</context>
<context>
    <name>UpNext::Desktop</name>
    <message>
        <source>UpNext is still running</source>
        <translation>UpNext läuft weiter</translation>
    </message>
    <message>
        <source>It stays in the tray and keeps your tasks in sync. Quit it from the tray&apos;s menu.</source>
        <translation>Es bleibt im Infobereich und hält Ihre Aufgaben synchron. Beenden können Sie es über das Menü im Infobereich.</translation>
    </message>
    <message>
        <source>Morning briefing</source>
        <translation>Morgenübersicht</translation>
    </message>
    <message>
        <source>Cannot start the demo (%1).</source>
        <translation>Die Demo lässt sich nicht starten (%1).</translation>
    </message>
    <message>
        <source>There is no system tray here, so UpNext shows no tray icon or notifications, and closing the window quits it.</source>
        <translation>Hier gibt es keinen Infobereich: UpNext zeigt kein Symbol und keine Benachrichtigungen, und Schließen des Fensters beendet es.</translation>
    </message>
</context>
<context>
    <name>UpNext::Entities</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2:%3: %4</source>
        <translation>%1:%2:%3: %4</translation>
    </message>
    <message>
        <source>%1: expected an array of entities</source>
        <translation>%1: Ein Array von Kunden wurde erwartet</translation>
    </message>
    <message>
        <source>%1: entity %2: %3</source>
        <translation>%1: Kunde %2: %3</translation>
    </message>
    <message>
        <source>%1: entity %2: &quot;%3&quot; is used twice</source>
        <translation>%1: Kunde %2: „%3“ wird doppelt verwendet</translation>
    </message>
</context>
<context>
    <name>UpNext::GitHubHooks</name>
    <message>
        <source>GitHub: &quot;%1&quot; is not a repository</source>
        <translation>GitHub: „%1“ ist kein Repository</translation>
    </message>
    <message>
        <source>the answer is not a list of hooks</source>
        <translation>die Antwort ist keine Liste von Hooks</translation>
    </message>
    <message>
        <source>the list of hooks does not end</source>
        <translation>die Liste der Hooks endet nicht</translation>
    </message>
    <message>
        <source>the answer is not a hook</source>
        <translation>die Antwort ist kein Hook</translation>
    </message>
    <message>
        <source>GitHub: a hook needs a URL and events</source>
        <translation>GitHub: Ein Hook braucht eine URL und Ereignisse</translation>
    </message>
    <message>
        <source>GitHub: a hook needs an id, a URL and events</source>
        <translation>GitHub: Ein Hook braucht eine ID, eine URL und Ereignisse</translation>
    </message>
    <message>
        <source>GitHub: no hook %1 in &quot;%2&quot;</source>
        <translation>GitHub: Kein Hook %1 in „%2“</translation>
    </message>
</context>
<context>
    <name>UpNext::GitHubIssue</name>
    <message>
        <source>Skipped an issue without a valid repository and number</source>
        <translation>Ein Issue ohne gültiges Repository und gültige Nummer übersprungen</translation>
    </message>
    <message>
        <source>%1 has no title; using its number</source>
        <translation>%1 hat keinen Titel; seine Nummer wird verwendet</translation>
    </message>
    <message>
        <source>%1 has a very long title; it was shortened</source>
        <translation>%1 hat einen sehr langen Titel; er wurde gekürzt</translation>
    </message>
    <message>
        <source>%1 has a very long description; it was shortened</source>
        <translation>%1 hat eine sehr lange Beschreibung; sie wurde gekürzt</translation>
    </message>
    <message>
        <source>%1 has an unknown state &quot;%2&quot;; treated as open</source>
        <translation>%1 hat den unbekannten Zustand „%2“; wird als offen behandelt</translation>
    </message>
    <message>
        <source>%1 has no valid updated_at</source>
        <translation>%1 hat kein gültiges updated_at</translation>
    </message>
</context>
<context>
    <name>UpNext::GitHubReader</name>
    <message>
        <source>GitHub error: the answer to /user has no login</source>
        <translation>GitHub-Fehler: Die Antwort auf /user enthält keinen Login</translation>
    </message>
    <message>
        <source>GitHub error: %1 (the answer is not a JSON list)</source>
        <translation>GitHub-Fehler: %1 (die Antwort ist keine JSON-Liste)</translation>
    </message>
    <message>
        <source>Skipped an item that is not an object</source>
        <translation>Einen Eintrag übersprungen, der kein Objekt ist</translation>
    </message>
</context>
<context>
    <name>UpNext::GitHubWebhook</name>
    <message>
        <source>The form has no payload field</source>
        <translation>Das Formular hat kein payload-Feld</translation>
    </message>
    <message>
        <source>The body is not a JSON object: %1</source>
        <translation>Der Inhalt ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <source>No X-GitHub-Event header</source>
        <translation>Kein X-GitHub-Event-Header</translation>
    </message>
    <message>
        <source>The delivery has no issue</source>
        <translation>Die Zustellung enthält kein Issue</translation>
    </message>
    <message>
        <source>The repository name is not valid</source>
        <translation>Der Name des Repositorys ist ungültig</translation>
    </message>
</context>
<context>
    <name>UpNext::GitHubWriter</name>
    <message>
        <source>the answer to /user has no login</source>
        <translation>die Antwort auf /user enthält keinen Login</translation>
    </message>
    <message>
        <source>GitHub: &quot;%1&quot; is not an issue</source>
        <translation>GitHub: „%1“ ist kein Issue</translation>
    </message>
    <message>
        <source>the answer is not an issue</source>
        <translation>die Antwort ist kein Issue</translation>
    </message>
    <message>
        <source>Already closed on GitHub</source>
        <translation>Auf GitHub bereits geschlossen</translation>
    </message>
    <message>
        <source>Already closed on GitHub by %1</source>
        <translation>Auf GitHub bereits von %1 geschlossen</translation>
    </message>
    <message>
        <source>Closed on GitHub</source>
        <translation>Auf GitHub geschlossen</translation>
    </message>
    <message>
        <source>GitHub: a comment cannot be empty</source>
        <translation>GitHub: Ein Kommentar darf nicht leer sein</translation>
    </message>
    <message>
        <source>the answer is not a comment</source>
        <translation>die Antwort ist kein Kommentar</translation>
    </message>
    <message>
        <source>Commented on GitHub</source>
        <translation>Auf GitHub kommentiert</translation>
    </message>
    <message>
        <source>GitHub: no repository set for new issues</source>
        <translation>GitHub: Kein Repository für neue Issues eingestellt</translation>
    </message>
    <message>
        <source>GitHub: a title cannot be empty</source>
        <translation>GitHub: Ein Titel darf nicht leer sein</translation>
    </message>
    <message>
        <source>GitHub: the title is %1 characters long; GitHub allows %2</source>
        <translation>GitHub: Der Titel ist %1 Zeichen lang; GitHub erlaubt %2</translation>
    </message>
    <message>
        <source>Created %1 on GitHub</source>
        <translation>%1 auf GitHub angelegt</translation>
    </message>
    <message>
        <source>the answer is not a list</source>
        <translation>die Antwort ist keine Liste</translation>
    </message>
</context>
<context>
    <name>UpNext::Headless</name>
    <message>
        <source>Stopping (signal %1)</source>
        <translation>Wird beendet (Signal %1)</translation>
    </message>
    <message>
        <source>No source has a token: only webhooks are received</source>
        <translation>Keine Quelle hat ein Token: Es werden nur Webhooks empfangen</translation>
    </message>
    <message>
        <source>Webhooks: listening on port %1</source>
        <translation>Webhooks: Lausche auf Port %1</translation>
    </message>
</context>
<context>
    <name>UpNext::HttpServer</name>
    <message>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Auf %1 Port %2 kann nicht gelauscht werden: %3</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>The request could not be stored; send it again</source>
        <translation>Die Anfrage konnte nicht gespeichert werden; bitte erneut senden</translation>
    </message>
</context>
<context>
    <name>UpNext::LocalApi</name>
    <message>
        <source>The body is not a JSON object</source>
        <translation>Der Inhalt ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>The local API answers only on this machine</source>
        <translation>Die lokale API antwortet nur auf diesem Rechner</translation>
    </message>
    <message>
        <source>Missing or wrong token (Authorization: Bearer &lt;token&gt;)</source>
        <translation>Fehlendes oder falsches Token (Authorization: Bearer &lt;token&gt;)</translation>
    </message>
    <message>
        <source>wait must be a number of seconds from 0 to %1</source>
        <translation>wait muss eine Zahl von Sekunden zwischen 0 und %1 sein</translation>
    </message>
    <message>
        <source>Method not allowed</source>
        <translation>Methode nicht erlaubt</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Invalid task id: &quot;%1&quot;</source>
        <translation>Ungültige Aufgaben-ID: „%1“</translation>
    </message>
    <message>
        <source>Task %1 not found</source>
        <translation>Aufgabe %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Unknown source &quot;%1&quot; (clickup or github)</source>
        <translation>Unbekannte Quelle „%1“ (clickup oder github)</translation>
    </message>
    <message>
        <source>Unknown status &quot;%1&quot; (todo, in_progress, done or all)</source>
        <translation>Unbekannter Status „%1“ (todo, in_progress, done oder all)</translation>
    </message>
    <message>
        <source>limit must be a positive number</source>
        <translation>limit muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>All done! No more tasks.</source>
        <translation>Alles erledigt! Keine Aufgaben mehr.</translation>
    </message>
    <message>
        <source>The comment is empty</source>
        <translation>Der Kommentar ist leer</translation>
    </message>
    <message>
        <source>No current task</source>
        <translation>Keine aktuelle Aufgabe</translation>
    </message>
    <message>
        <source>Completed: “%1”</source>
        <translation>Erledigt: „%1“</translation>
    </message>
    <message>
        <source>Skipped: “%1”</source>
        <translation>Zurückgestellt: „%1“</translation>
    </message>
    <message>
        <source>“%1” is done already</source>
        <translation>„%1“ ist bereits erledigt</translation>
    </message>
    <message>
        <source>The body needs {&quot;comment&quot;: &quot;…&quot;}</source>
        <translation>Der Inhalt braucht {&quot;comment&quot;: &quot;…&quot;}</translation>
    </message>
    <message>
        <source>Comment added to “%1”</source>
        <translation>Kommentar zu „%1“ hinzugefügt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string</source>
        <translation>„%1“ muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>A task needs a title</source>
        <translation>Eine Aufgabe braucht einen Titel</translation>
    </message>
    <message>
        <source>Give a repo or a list, not both</source>
        <translation>Geben Sie ein Repository oder eine Liste an, nicht beides</translation>
    </message>
    <message>
        <source>A GitHub issue goes to a repo, a ClickUp task to a list</source>
        <translation>Ein GitHub-Issue gehört in ein Repository, eine ClickUp-Aufgabe in eine Liste</translation>
    </message>
    <message>
        <source>A repo is OWNER/NAME, not &quot;%1&quot;</source>
        <translation>Ein Repository heißt OWNER/NAME, nicht „%1“</translation>
    </message>
    <message>
        <source>Created: “%1”</source>
        <translation>Angelegt: „%1“</translation>
    </message>
    <message>
        <source>No source to sync: set a ClickUp or GitHub token in the settings</source>
        <translation>Keine Quelle zum Synchronisieren: Hinterlegen Sie ein ClickUp- oder GitHub-Token in den Einstellungen</translation>
    </message>
    <message>
        <source>Sync started</source>
        <translation>Synchronisierung gestartet</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <source>Client &quot;%1&quot; not found</source>
        <translation>Kunde „%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>Invalid outbox entry id: &quot;%1&quot;</source>
        <translation>Ungültige Eintrags-ID im Ausgang: „%1“</translation>
    </message>
    <message>
        <source>Outbox entry %1 not found</source>
        <translation>Eintrag %1 nicht im Ausgang gefunden</translation>
    </message>
    <message>
        <source>Outbox entry %1 goes again</source>
        <translation>Eintrag %1 im Ausgang wird erneut gesendet</translation>
    </message>
    <message>
        <source>Outbox entry %1 discarded</source>
        <translation>Eintrag %1 im Ausgang verworfen</translation>
    </message>
    <message>
        <source>Outbox entry %1 discarded. %2</source>
        <translation>Eintrag %1 im Ausgang verworfen. %2</translation>
    </message>
    <message numerus="yes">
        <source>Reloaded %n clients</source>
        <translation>
            <numerusform>%n Kunde neu geladen</numerusform>
            <numerusform>%n Kunden neu geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>Still syncing</source>
        <translation>Synchronisierung läuft noch</translation>
    </message>
</context>
<context>
    <name>UpNext::MainWindow</name>
    <message>
        <source>&amp;Sync Now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;New Task…</source>
        <translation>&amp;Neue Aufgabe …</translation>
    </message>
    <message>
        <source>&amp;Outbox…</source>
        <translation>&amp;Ausgang …</translation>
    </message>
    <message>
        <source>&amp;Find Task</source>
        <translation>Aufgabe &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Aufgaben durchsuchen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing to do yet&lt;/h2&gt;&lt;p&gt;The ClickUp tasks and GitHub issues assigned to you appear here, best first, once your accounts are synced.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;settings&quot;&gt;Connect your accounts…&lt;/a&gt; (File › Settings, Ctrl+,)&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch nichts zu tun&lt;/h2&gt;&lt;p&gt;Die Ihnen zugewiesenen ClickUp-Aufgaben und GitHub-Issues erscheinen hier, die wichtigsten zuerst, sobald Ihre Konten synchronisiert sind.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;settings&quot;&gt;Konten verbinden …&lt;/a&gt; (Datei › Einstellungen, Strg+,)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>UpNext</source>
        <translation>UpNext</translation>
    </message>
    <message>
        <source>UpNext — %1</source>
        <translation>UpNext – %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Reload Clients</source>
        <translation>&amp;Kunden neu laden</translation>
    </message>
    <message>
        <source>Read entities.json again</source>
        <translation>entities.json erneut lesen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Take back the last Done, Skip or comment</source>
        <translation>Das letzte Erledigt, Überspringen oder den letzten Kommentar zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Aufgabe</translation>
    </message>
    <message>
        <source>Create a task in ClickUp or an issue in GitHub</source>
        <translation>Eine Aufgabe in ClickUp oder ein Issue in GitHub anlegen</translation>
    </message>
    <message>
        <source>Changes waiting to reach ClickUp or GitHub</source>
        <translation>Änderungen, die noch auf dem Weg zu ClickUp oder GitHub sind</translation>
    </message>
    <message>
        <source>Morning &amp;Briefing</source>
        <translation>&amp;Morgenübersicht</translation>
    </message>
    <message>
        <source>The best tasks for today, what is due and what changed</source>
        <translation>Die wichtigsten Aufgaben für heute, was fällig ist und was sich geändert hat</translation>
    </message>
    <message>
        <source>Search the task list (also /)</source>
        <translation>Die Aufgabenliste durchsuchen (auch /)</translation>
    </message>
    <message>
        <source>Go to the &amp;List</source>
        <translation>Zur &amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Write a Comment</source>
        <translation>&amp;Kommentar schreiben</translation>
    </message>
    <message>
        <source>Comment on the task shown (Ctrl+Return sends it)</source>
        <translation>Die angezeigte Aufgabe kommentieren (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>Jetzt erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Sync now and send the changes that wait</source>
        <translation>Jetzt synchronisieren und die wartenden Änderungen senden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Take it back (%1)</source>
        <translation>Zurücknehmen (%1)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Skipped %1 for today</source>
        <translation>%1 für heute übersprungen</translation>
    </message>
    <message>
        <source>Comment queued for %1</source>
        <translation>Kommentar zu %1 vorgemerkt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Undone: %1 is open again</source>
        <translation>Rückgängig gemacht: %1 ist wieder offen</translation>
    </message>
    <message>
        <source>Undone: %1 is not skipped</source>
        <translation>Rückgängig gemacht: %1 ist nicht mehr übersprungen</translation>
    </message>
    <message>
        <source>Undone: the comment on %1 is not sent</source>
        <translation>Rückgängig gemacht: Der Kommentar zu %1 wird nicht gesendet</translation>
    </message>
    <message>
        <source>Quit UpNext</source>
        <translation>UpNext beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n changes have not reached their sources yet.</source>
        <translation>
            <numerusform>%n Änderung hat ihre Quelle noch nicht erreicht.</numerusform>
            <numerusform>%n Änderungen haben ihre Quellen noch nicht erreicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay in the outbox and are sent the next time UpNext starts.</source>
        <translation>Sie bleiben im Ausgang und werden beim nächsten Start von UpNext gesendet.</translation>
    </message>
    <message>
        <source>Reloaded %1</source>
        <translation>%1 neu geladen</translation>
    </message>
    <message>
        <source>Created %1; it goes to %2 now</source>
        <translation>%1 angelegt; es geht jetzt an %2</translation>
    </message>
    <message>
        <source>Created %1 — %2</source>
        <translation>%1 angelegt – %2</translation>
    </message>
    <message>
        <source>%1 does not accept the token (%2). Your changes wait until it does: fix the token and sync again.</source>
        <translation>%1 akzeptiert das Token nicht (%2). Ihre Änderungen warten, bis es das tut: Korrigieren Sie das Token und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>“%1” could not be written back: %2. Task → Outbox… to retry or discard it.</source>
        <translation>„%1“ konnte nicht zurückgeschrieben werden: %2. Unter Aufgabe → Ausgang … können Sie es erneut versuchen oder verwerfen.</translation>
    </message>
    <message>
        <source>“%1” was already closed at the source (%2); it stays done.</source>
        <translation>„%1“ war in der Quelle bereits geschlossen (%2); die Aufgabe bleibt erledigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes failed</source>
        <translation>
            <numerusform>%n Änderung fehlgeschlagen</numerusform>
            <numerusform>%n Änderungen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting</source>
        <translation>
            <numerusform>%n Änderung wartet</numerusform>
            <numerusform>%n Änderungen warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>No ClickUp or GitHub token is set up.</source>
        <translation>Es ist kein ClickUp- oder GitHub-Token eingerichtet.</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 closed</source>
        <translation>%1 neu, %2 aktualisiert, %3 geschlossen</translation>
    </message>
    <message>
        <source>What the last sync of each source changed</source>
        <translation>Was die letzte Synchronisierung jeder Quelle geändert hat</translation>
    </message>
    <message>
        <source>No open tasks</source>
        <translation>Keine offenen Aufgaben</translation>
    </message>
    <message numerus="yes">
        <source>%n open tasks</source>
        <translation>
            <numerusform>%n offene Aufgabe</numerusform>
            <numerusform>%n offene Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit Demo</source>
        <translation>Demo &amp;beenden</translation>
    </message>
    <message>
        <source>UpNext Demo</source>
        <translation>UpNext-Demo</translation>
    </message>
    <message>
        <source>UpNext Demo — %1</source>
        <translation>UpNext-Demo — %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About UpNext</source>
        <translation>Ü&amp;ber UpNext</translation>
    </message>
    <message numerus="yes">
        <source>This is the demo: simulated ClickUp and GitHub services on this computer, with made-up tasks. A teammate changes something about every %n seconds. Nothing you do here reaches a real account.</source>
        <translation>
            <numerusform>Dies ist die Demo: simulierte ClickUp- und GitHub-Dienste auf diesem Computer, mit erfundenen Aufgaben. Etwa jede Sekunde ändert ein Teammitglied etwas. Nichts, was Sie hier tun, erreicht ein echtes Konto.</numerusform>
            <numerusform>Dies ist die Demo: simulierte ClickUp- und GitHub-Dienste auf diesem Computer, mit erfundenen Aufgaben. Etwa alle %n Sekunden ändert ein Teammitglied etwas. Nichts, was Sie hier tun, erreicht ein echtes Konto.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::NowCard</name>
    <message>
        <source>NOW</source>
        <translation>JETZT</translation>
    </message>
    <message>
        <source>&amp;Next Task</source>
        <translation>&amp;Nächste Aufgabe</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>Show the task to work on now</source>
        <translation>Die Aufgabe zeigen, an der Sie jetzt arbeiten</translation>
    </message>
    <message>
        <source>Mark the current task done and move on to the next</source>
        <translation>Die aktuelle Aufgabe als erledigt markieren und zur nächsten übergehen</translation>
    </message>
    <message>
        <source>Set the current task aside for today and move on to the next</source>
        <translation>Die aktuelle Aufgabe für heute zurückstellen und zur nächsten übergehen</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>Nothing open is assigned to you.</source>
        <translation>Ihnen ist nichts Offenes zugewiesen.</translation>
    </message>
    <message>
        <source>Done: %1. Next: %2</source>
        <translation>Erledigt: %1. Als Nächstes: %2</translation>
    </message>
    <message>
        <source>Done: %1. Nothing else is open.</source>
        <translation>Erledigt: %1. Sonst ist nichts offen.</translation>
    </message>
    <message>
        <source>Skipped %1 for today. Next: %2</source>
        <translation>%1 für heute übersprungen. Als Nächstes: %2</translation>
    </message>
    <message>
        <source>Skipped %1 for today. Nothing else is open.</source>
        <translation>%1 für heute übersprungen. Sonst ist nichts offen.</translation>
    </message>
    <message>
        <source>Nothing to do right now</source>
        <translation>Gerade nichts zu tun</translation>
    </message>
    <message>
        <source>No open task is assigned to you. New ones appear here as they arrive.</source>
        <translation>Ihnen ist keine offene Aufgabe zugewiesen. Neue erscheinen hier, sobald sie eintreffen.</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht angelegt</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>Score %1: %2</source>
        <translation>%1 Punkte: %2</translation>
    </message>
    <message>
        <source>nothing stands out</source>
        <translation>nichts Besonderes</translation>
    </message>
</context>
<context>
    <name>UpNext::Outbox</name>
    <message>
        <source>update the outbox</source>
        <translation>den Ausgang zu aktualisieren</translation>
    </message>
    <message>
        <source>Task %1 not found</source>
        <translation>Aufgabe %1 nicht gefunden</translation>
    </message>
    <message>
        <source>Task %1 is already done</source>
        <translation>Aufgabe %1 ist bereits erledigt</translation>
    </message>
    <message>
        <source>A comment needs some text</source>
        <translation>Ein Kommentar braucht Text</translation>
    </message>
    <message>
        <source>queue a change of %1</source>
        <translation>eine Änderung an %1 vorzumerken</translation>
    </message>
    <message>
        <source>A task needs a title</source>
        <translation>Eine Aufgabe braucht einen Titel</translation>
    </message>
    <message>
        <source>queue a new task</source>
        <translation>eine neue Aufgabe vorzumerken</translation>
    </message>
    <message>
        <source>read the outbox</source>
        <translation>den Ausgang zu lesen</translation>
    </message>
    <message>
        <source>This change is being sent right now</source>
        <translation>Diese Änderung wird gerade gesendet</translation>
    </message>
    <message>
        <source>This change is being sent right now; it can be discarded if it fails</source>
        <translation>Diese Änderung wird gerade gesendet; falls das fehlschlägt, kann sie verworfen werden</translation>
    </message>
    <message>
        <source>This change was already sent</source>
        <translation>Diese Änderung wurde bereits gesendet</translation>
    </message>
    <message>
        <source>Only a close or a comment can be taken back</source>
        <translation>Nur ein Schließen oder ein Kommentar lässt sich zurücknehmen</translation>
    </message>
    <message>
        <source>This change is no longer in the outbox</source>
        <translation>Diese Änderung ist nicht mehr im Ausgang</translation>
    </message>
    <message>
        <source>re-key %1</source>
        <translation>die Kennung von %1 zu ändern</translation>
    </message>
</context>
<context>
    <name>UpNext::OutboxDialog</name>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Kommentar: %1</translation>
    </message>
    <message>
        <source>Create: %1</source>
        <translation>Anlegen: %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Nothing is waiting: every change reached its source.</source>
        <translation>Nichts wartet: Jede Änderung hat ihre Quelle erreicht.</translation>
    </message>
    <message>
        <source>Send the selected changes now; failed ones again</source>
        <translation>Die ausgewählten Änderungen jetzt senden, fehlgeschlagene erneut</translation>
    </message>
    <message>
        <source>Drop the selected changes; they never reach their source</source>
        <translation>Die ausgewählten Änderungen verwerfen; sie erreichen ihre Quelle nie</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message numerus="yes">
        <source>Discard these %n changes? They will never reach their source.</source>
        <translation>
            <numerusform>Diese Änderung verwerfen? Sie wird ihre Quelle nie erreichen.</numerusform>
            <numerusform>Diese %n Änderungen verwerfen? Sie werden ihre Quelle nie erreichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::OutboxProcessor</name>
    <message>
        <source>Closed at the source</source>
        <translation>In der Quelle geschlossen</translation>
    </message>
</context>
<context>
    <name>UpNext::Profile</name>
    <message>
        <source>The profile folder %1 is a file, not a folder.</source>
        <translation>Der Profilordner %1 ist eine Datei, kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the profile folder %1.</source>
        <translation>Der Profilordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write to the profile folder %1: %2</source>
        <translation>In den Profilordner %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>UpNext::RestClient</name>
    <message>
        <source>refused to send to %1, which is not %2</source>
        <translation>Senden an %1 abgelehnt, das nicht %2 ist</translation>
    </message>
    <message>
        <source>refused to send to %1 without HTTPS</source>
        <translation>Senden an %1 ohne HTTPS abgelehnt</translation>
    </message>
</context>
<context>
    <name>UpNext::Scorer</name>
    <message>
        <source>Revenue client %1</source>
        <translation>Umsatzkunde %1</translation>
    </message>
    <message>
        <source>Client priority (%1 × %2)</source>
        <translation>Kundenpriorität (%1 × %2)</translation>
    </message>
    <message>
        <source>Blocks others</source>
        <translation>Blockiert andere</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Kein Fälligkeitsdatum</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>Seit %1 überfällig</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Due in %1</source>
        <translation>Fällig in %1</translation>
    </message>
    <message>
        <source>No activity for %1</source>
        <translation>Seit %1 keine Aktivität</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Urgent priority</source>
        <translation>Dringende Priorität</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>Hohe Priorität</translation>
    </message>
    <message>
        <source>Normal priority</source>
        <translation>Normale Priorität</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>Niedrige Priorität</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::SecretStore</name>
    <message>
        <source>Keychain error for %1: %2</source>
        <translation>Schlüsselbundfehler für %1: %2</translation>
    </message>
    <message>
        <source>The keychain did not answer for %1 within %2 s: it may be locked and waiting for a password prompt</source>
        <translation>Der Schlüsselbund hat für %1 nicht innerhalb von %2 s geantwortet: Er ist vielleicht gesperrt und wartet auf eine Passwortabfrage</translation>
    </message>
</context>
<context>
    <name>UpNext::Settings</name>
    <message>
        <source>The settings file %1 could not be read nor moved aside (%2); the defaults are used.</source>
        <translation>Die Einstellungsdatei %1 ließ sich weder lesen noch beiseitelegen (%2); die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; it was kept as %2 and the defaults are used.</source>
        <translation>Die Einstellungsdatei %1 ließ sich nicht lesen; sie wurde als %2 aufbewahrt und die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <source>The settings file %1 could not be read; the defaults are used.</source>
        <translation>Die Einstellungsdatei %1 ließ sich nicht lesen; die Standardwerte werden verwendet.</translation>
    </message>
    <message>
        <source>Cannot save the settings to %1.</source>
        <translation>Die Einstellungen können nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>UpNext::SettingsDialog</name>
    <message>
        <source>Give the public https address where ClickUp and GitHub reach this computer first.</source>
        <translation>Geben Sie zuerst die öffentliche https-Adresse an, unter der ClickUp und GitHub diesen Computer erreichen.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Wird registriert …</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt …</translation>
    </message>
    <message>
        <source>ghp_… or github_pat_…</source>
        <translation>ghp_… oder github_pat_…</translation>
    </message>
    <message>
        <source>pk_…</source>
        <translation>pk_…</translation>
    </message>
    <message>
        <source>Saved in the keychain</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Type a token first.</source>
        <translation>Geben Sie zuerst ein Token ein.</translation>
    </message>
    <message>
        <source>No token is saved for this server; type one.</source>
        <translation>Für diesen Server ist kein Token gespeichert; geben Sie eines ein.</translation>
    </message>
    <message>
        <source>“%1” is not a server address.</source>
        <translation>„%1“ ist keine Serveradresse.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected as %1</source>
        <translation>Verbunden als %1</translation>
    </message>
    <message>
        <source>(the first one ticked)</source>
        <translation>(die erste angekreuzte)</translation>
    </message>
    <message>
        <source>Webhooks removed.</source>
        <translation>Webhooks entfernt.</translation>
    </message>
    <message>
        <source>Webhooks registered at %1.</source>
        <translation>Webhooks unter %1 registriert.</translation>
    </message>
    <message>
        <source>GitHub server</source>
        <translation>GitHub-Server</translation>
    </message>
    <message>
        <source>repositories</source>
        <translation>Repositorys</translation>
    </message>
    <message>
        <source>where new issues go</source>
        <translation>Ziel neuer Issues</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <source>lists</source>
        <translation>Listen</translation>
    </message>
    <message>
        <source>where new tasks go</source>
        <translation>Ziel neuer Aufgaben</translation>
    </message>
    <message>
        <source>sync interval</source>
        <translation>Synchronisierungsintervall</translation>
    </message>
    <message>
        <source>webhook port</source>
        <translation>Webhook-Port</translation>
    </message>
    <message>
        <source>public URL</source>
        <translation>öffentliche URL</translation>
    </message>
    <message>
        <source>briefing time</source>
        <translation>Zeit der Morgenübersicht</translation>
    </message>
    <message>
        <source>Not saved, check: %1.</source>
        <translation>Nicht gespeichert, bitte prüfen: %1.</translation>
    </message>
    <message>
        <source>%1 token not saved: %2</source>
        <translation>%1-Token nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>&amp;Revenue client:</source>
        <translation>&amp;Umsatzkunde:</translation>
    </message>
    <message>
        <source>Per point of client &amp;priority:</source>
        <translation>Je Punkt &amp;Kundenpriorität:</translation>
    </message>
    <message>
        <source>&amp;Blocks others:</source>
        <translation>&amp;Blockiert andere:</translation>
    </message>
    <message>
        <source>&amp;Overdue:</source>
        <translation>&amp;Überfällig:</translation>
    </message>
    <message>
        <source>Due &amp;today:</source>
        <translation>&amp;Heute fällig:</translation>
    </message>
    <message>
        <source>Due within a &amp;week:</source>
        <translation>Fällig &amp;innerhalb einer Woche:</translation>
    </message>
    <message>
        <source>Due &amp;later:</source>
        <translation>&amp;Später fällig:</translation>
    </message>
    <message>
        <source>&amp;No due date:</source>
        <translation>&amp;Ohne Fälligkeitsdatum:</translation>
    </message>
    <message>
        <source>&amp;In progress:</source>
        <translation>In &amp;Arbeit:</translation>
    </message>
    <message>
        <source>Per day without &amp;activity:</source>
        <translation>Je Tag ohne Akti&amp;vität:</translation>
    </message>
    <message>
        <source>&amp;Stale after:</source>
        <translation>Gilt als &amp;liegen geblieben nach:</translation>
    </message>
    <message>
        <source>Staleness &amp;counts up to:</source>
        <translation>Liegezeit zählt &amp;maximal:</translation>
    </message>
    <message>
        <source>&amp;Urgent priority:</source>
        <translation>&amp;Dringende Priorität:</translation>
    </message>
    <message>
        <source>&amp;High priority:</source>
        <translation>Hoh&amp;e Priorität:</translation>
    </message>
    <message>
        <source>Nor&amp;mal priority:</source>
        <translation>&amp;Normale Priorität:</translation>
    </message>
    <message>
        <source>Low priorit&amp;y:</source>
        <translation>Niedri&amp;ge Priorität:</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>%1 (score %2)</source>
        <translation>%1 (%2 Punkte)</translation>
    </message>
    <message>
        <source>No open tasks yet</source>
        <translation>Noch keine offenen Aufgaben</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Tokens are kept in memory for this session only, never in the keychain or the settings file.</source>
        <translation>Tokens werden nur für diese Sitzung im Speicher gehalten, nie im Schlüsselbund oder in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Saved for this session</source>
        <translation>Für diese Sitzung gespeichert</translation>
    </message>
</context>
<context>
    <name>UpNext::SingleInstance</name>
    <message>
        <source>Cannot listen for other launches on %1: %2</source>
        <translation>Auf weitere Starts lässt sich an %1 nicht warten: %2</translation>
    </message>
</context>
<context>
    <name>UpNext::SourceErrors</name>
    <message>
        <source>Connection error: no answer in time (timed out)</source>
        <translation>Verbindungsfehler: keine Antwort in der vorgesehenen Zeit (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>Connection error: the connection closed before the answer arrived</source>
        <translation>Verbindungsfehler: Die Verbindung wurde geschlossen, bevor die Antwort ankam</translation>
    </message>
    <message>
        <source>Connection error: %1</source>
        <translation>Verbindungsfehler: %1</translation>
    </message>
    <message>
        <source>%1 error: %2 (%3)</source>
        <translation>%1-Fehler: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>UpNext::SourceReader</name>
    <message>
        <source>%1 rate limit reached; try again after %2</source>
        <translation>Anfragelimit von %1 erreicht; erneut versuchen nach %2</translation>
    </message>
</context>
<context>
    <name>UpNext::SourceStatus</name>
    <message>
        <source>%1: syncing…</source>
        <translation>%1: wird synchronisiert …</translation>
    </message>
    <message>
        <source>%1: not synced yet</source>
        <translation>%1: noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>%1: synced at %2</source>
        <translation>%1: synchronisiert um %2</translation>
    </message>
    <message>
        <source>%1: can&apos;t reach since %2 — %3</source>
        <translation>%1: seit %2 nicht erreichbar – %3</translation>
    </message>
    <message>
        <source>%1: token rejected (%2)</source>
        <translation>%1: Token zurückgewiesen (%2)</translation>
    </message>
    <message>
        <source>%1: rate limited until %2</source>
        <translation>%1: Anfragelimit bis %2</translation>
    </message>
    <message>
        <source>%1: sync failed at %2 (%3)</source>
        <translation>%1: Synchronisierung um %2 fehlgeschlagen (%3)</translation>
    </message>
    <message>
        <source>its tasks here may be out of date.</source>
        <translation>die Aufgaben hier sind vielleicht nicht aktuell.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes will be sent when it is back.</source>
        <translation>
            <numerusform>%n Änderung wird gesendet, sobald es wieder erreichbar ist.</numerusform>
            <numerusform>%n Änderungen werden gesendet, sobald es wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Can&apos;t reach %1 since %2 (%3) — %4</source>
        <translation>%1 ist seit %2 nicht erreichbar (%3) – %4</translation>
    </message>
    <message>
        <source>queued: %1 is not set up</source>
        <translation>vorgemerkt: %1 ist nicht eingerichtet</translation>
    </message>
    <message>
        <source>queued until %1 accepts the token</source>
        <translation>vorgemerkt, bis %1 das Token akzeptiert</translation>
    </message>
    <message>
        <source>queued until %1 can be reached</source>
        <translation>vorgemerkt, bis %1 erreichbar ist</translation>
    </message>
    <message>
        <source>queued until %1 (%2&apos;s rate limit)</source>
        <translation>vorgemerkt bis %1 (Anfragelimit von %2)</translation>
    </message>
</context>
<context>
    <name>UpNext::SyncOnce</name>
    <message>
        <source>%1: rate limited until %2, waiting</source>
        <translation>%1: Anfragelimit bis %2, es wird gewartet</translation>
    </message>
    <message>
        <source>outbox: %1 failed: %2</source>
        <translation>Ausgang: %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: writes wait until the token works again: %2</source>
        <translation>%1: Schreibvorgänge warten, bis das Token wieder funktioniert: %2</translation>
    </message>
    <message>
        <source>outbox: %1 sent, %2 failed, %3 waiting</source>
        <translation>Ausgang: %1 gesendet, %2 fehlgeschlagen, %3 wartend</translation>
    </message>
    <message>
        <source>Nothing to sync: no ClickUp or GitHub token. Store one in the keychain from the app&apos;s settings, or set UPNEXT_CLICKUP_TOKEN / UPNEXT_GITHUB_TOKEN.</source>
        <translation>Nichts zu synchronisieren: kein ClickUp- oder GitHub-Token. Speichern Sie eines über die Einstellungen der App im Schlüsselbund oder setzen Sie UPNEXT_CLICKUP_TOKEN / UPNEXT_GITHUB_TOKEN.</translation>
    </message>
    <message>
        <source>%1: failed after %2 requests: %3</source>
        <translation>%1: fehlgeschlagen nach %2 Anfragen: %3</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 closed, %5 requests, 0 errors</source>
        <translation>%1: %2 neu, %3 aktualisiert, %4 geschlossen, %5 Anfragen, 0 Fehler</translation>
    </message>
    <message>
        <source>, %1 warnings</source>
        <translation>, %1 Warnungen</translation>
    </message>
</context>
<context>
    <name>UpNext::SyncSources</name>
    <message>
        <source>GitHub: %1</source>
        <translation>GitHub: %1</translation>
    </message>
    <message>
        <source>ClickUp</source>
        <translation>ClickUp</translation>
    </message>
    <message>
        <source>ClickUp: %1</source>
        <translation>ClickUp: %1</translation>
    </message>
    <message>
        <source>UpNext cannot read your account tokens from the keychain, so it does not sync: %1. Your tasks and waiting changes are kept; once the keychain runs and is unlocked, restart UpNext.</source>
        <translation>UpNext kann Ihre Konto-Tokens nicht aus dem Schlüsselbund lesen und synchronisiert daher nicht: %1. Ihre Aufgaben und wartenden Änderungen bleiben erhalten; sobald der Schlüsselbund läuft und entsperrt ist, starten Sie UpNext neu.</translation>
    </message>
</context>
<context>
    <name>UpNext::Task</name>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>ClickUp</source>
        <translation>ClickUp</translation>
    </message>
</context>
<context>
    <name>UpNext::TaskDetails</name>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Kommentieren</translation>
    </message>
    <message>
        <source>&amp;Mark Done</source>
        <translation>Als erledigt &amp;markieren</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <source>Write a comment… (Ctrl+Return sends it)</source>
        <translation>Kommentar schreiben … (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Send the comment to the task&apos;s source</source>
        <translation>Den Kommentar an die Quelle der Aufgabe senden</translation>
    </message>
    <message>
        <source>Mark this task done here and at its source</source>
        <translation>Diese Aufgabe hier und in ihrer Quelle als erledigt markieren</translation>
    </message>
    <message>
        <source>Older comments are at the source.</source>
        <translation>Ältere Kommentare finden Sie in der Quelle.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>wartet auf das Senden</translation>
    </message>
    <message>
        <source>Comments could not be read: %1</source>
        <translation>Kommentare konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading comments…</source>
        <translation>Kommentare werden gelesen …</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Noch keine Kommentare.</translation>
    </message>
    <message>
        <source>No task selected</source>
        <translation>Keine Aufgabe ausgewählt</translation>
    </message>
    <message>
        <source>waiting to be created</source>
        <translation>wartet auf das Anlegen</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <source>last activity %1</source>
        <translation>letzte Aktivität %1</translation>
    </message>
    <message>
        <source>Comment queued for %1</source>
        <translation>Kommentar zu %1 vorgemerkt</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
</context>
<context>
    <name>UpNext::TaskService</name>
    <message>
        <source>Invalid task id: &quot;%1&quot;</source>
        <translation>Ungültige Aufgaben-ID: „%1“</translation>
    </message>
    <message>
        <source>Task %1 not found</source>
        <translation>Aufgabe %1 nicht gefunden</translation>
    </message>
    <message>
        <source>No current task to complete</source>
        <translation>Keine aktuelle Aufgabe zum Erledigen</translation>
    </message>
    <message>
        <source>No current task to skip</source>
        <translation>Keine aktuelle Aufgabe zum Überspringen</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>“%1” cannot be undone any more: %2</source>
        <translation>„%1“ lässt sich nicht mehr rückgängig machen: %2</translation>
    </message>
    <message>
        <source>Unknown source &quot;%1&quot;</source>
        <translation>Unbekannte Quelle „%1“</translation>
    </message>
    <message>
        <source>A task needs a title</source>
        <translation>Eine Aufgabe braucht einen Titel</translation>
    </message>
    <message>
        <source>The title is too long for %1 (%2 characters at most)</source>
        <translation>Der Titel ist zu lang für %1 (höchstens %2 Zeichen)</translation>
    </message>
    <message>
        <source>No repository chosen for the new issue</source>
        <translation>Kein Repository für das neue Issue gewählt</translation>
    </message>
    <message>
        <source>No list chosen for the new task</source>
        <translation>Keine Liste für die neue Aufgabe gewählt</translation>
    </message>
    <message>
        <source>Tasks created here are removed.</source>
        <translation>Hier angelegte Aufgaben werden entfernt.</translation>
    </message>
    <message>
        <source>Tasks closed here are open again.</source>
        <translation>Hier geschlossene Aufgaben sind wieder offen.</translation>
    </message>
</context>
<context>
    <name>UpNext::TaskStore</name>
    <message>
        <source>Cannot create the folder for the task database %1</source>
        <translation>Der Ordner für die Aufgabendatenbank %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The task database %1 is not a file</source>
        <translation>Die Aufgabendatenbank %1 ist keine Datei</translation>
    </message>
    <message>
        <source>The task database %1 is damaged (%2) and could not be moved aside: %3</source>
        <translation>Die Aufgabendatenbank %1 ist beschädigt (%2) und ließ sich nicht beiseitelegen: %3</translation>
    </message>
    <message>
        <source>The task database %1 was damaged (%2). It was kept as %3 and a new database was created; the next sync fills it again.</source>
        <translation>Die Aufgabendatenbank %1 war beschädigt (%2). Sie wurde als %3 aufbewahrt und eine neue Datenbank angelegt; die nächste Synchronisierung füllt sie wieder.</translation>
    </message>
    <message>
        <source>Cannot open the task database %1: %2</source>
        <translation>Die Aufgabendatenbank %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot %1 the task database %2: %3</source>
        <translation>Die Aufgabendatenbank %2 lässt sich nicht %1: %3</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <source>The task database %1 was written by a newer version of UpNext (schema %2; this version knows up to %3). It was left untouched: use a newer UpNext or another profile.</source>
        <translation>Die Aufgabendatenbank %1 wurde von einer neueren Version von UpNext geschrieben (Schema %2; diese Version kennt bis %3). Sie blieb unverändert: Verwenden Sie ein neueres UpNext oder ein anderes Profil.</translation>
    </message>
    <message>
        <source>check</source>
        <translation>prüfen</translation>
    </message>
    <message>
        <source>integrity check failed: %1</source>
        <translation>Integritätsprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>configure</source>
        <translation>einrichten</translation>
    </message>
    <message>
        <source>Cannot update the task database %1: %2</source>
        <translation>Die Aufgabendatenbank %1 kann nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot %1 in the task database %2: %3</source>
        <translation>Fehler in der Aufgabendatenbank %2 beim Versuch, %1: %3</translation>
    </message>
    <message>
        <source>migration to schema %1 failed: %2</source>
        <translation>Umstellung auf Schema %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>migration to schema %1 failed: it would break references between tables</source>
        <translation>Umstellung auf Schema %1 fehlgeschlagen: Sie würde Verweise zwischen Tabellen zerstören</translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation>eine Transaktion zu beginnen</translation>
    </message>
    <message>
        <source>Cannot save to the task database %1: %2</source>
        <translation>In der Aufgabendatenbank %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Refusing to store task &quot;%1&quot;: invalid id</source>
        <translation>Aufgabe „%1“ wird nicht gespeichert: ungültige ID</translation>
    </message>
    <message>
        <source>prepare an update</source>
        <translation>eine Aktualisierung vorzubereiten</translation>
    </message>
    <message>
        <source>store task %1</source>
        <translation>Aufgabe %1 zu speichern</translation>
    </message>
    <message>
        <source>update scores</source>
        <translation>die Punkte zu aktualisieren</translation>
    </message>
    <message>
        <source>change %1</source>
        <translation>%1 zu ändern</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>%1 zu entfernen</translation>
    </message>
    <message>
        <source>Refusing to move task %1 to the invalid id &quot;%2&quot;</source>
        <translation>Aufgabe %1 wird nicht auf die ungültige ID „%2“ umgestellt</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 zu verschieben</translation>
    </message>
    <message>
        <source>Cannot move task %1: it is not in the task database %2</source>
        <translation>Aufgabe %1 kann nicht verschoben werden: Sie ist nicht in der Aufgabendatenbank %2</translation>
    </message>
    <message>
        <source>read tasks</source>
        <translation>Aufgaben zu lesen</translation>
    </message>
    <message>
        <source>read task %1</source>
        <translation>Aufgabe %1 zu lesen</translation>
    </message>
    <message>
        <source>count tasks</source>
        <translation>Aufgaben zu zählen</translation>
    </message>
    <message>
        <source>read the current task</source>
        <translation>die aktuelle Aufgabe zu lesen</translation>
    </message>
    <message>
        <source>set the current task to %1</source>
        <translation>%1 zur aktuellen Aufgabe zu machen</translation>
    </message>
    <message>
        <source>clear the current task</source>
        <translation>die aktuelle Aufgabe zurückzusetzen</translation>
    </message>
    <message>
        <source>skip task %1</source>
        <translation>Aufgabe %1 zu überspringen</translation>
    </message>
    <message>
        <source>take back the skip of %1</source>
        <translation>das Überspringen von %1 zurückzunehmen</translation>
    </message>
    <message>
        <source>read skipped tasks</source>
        <translation>übersprungene Aufgaben zu lesen</translation>
    </message>
    <message>
        <source>keep a part of a transaction apart</source>
        <translation>einen Teil einer Transaktion getrennt halten</translation>
    </message>
    <message>
        <source>Cannot %1: the disk holding the task database %2 is full. Nothing was lost; free some space and try again.</source>
        <translation>Fehler beim Versuch, %1: Der Datenträger mit der Aufgabendatenbank %2 ist voll. Nichts ging verloren; schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>UpNext::TaskTableModel</name>
    <message>
        <source>Skipped today: back in the running tomorrow</source>
        <translation>Heute übersprungen: ab morgen wieder dabei</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
</context>
<context>
    <name>UpNext::TaskText</name>
    <message>
        <source>To do</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Skipped today</source>
        <translation>Heute übersprungen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Taken over by %1 at %2</source>
        <translation>Von %1 übernommen um %2</translation>
    </message>
    <message>
        <source>Reassigned to %1 at %2</source>
        <translation>Neu zugewiesen an %1 um %2</translation>
    </message>
    <message>
        <source>Reassigned to %1 by %2 at %3</source>
        <translation>Von %2 neu zugewiesen an %1 um %3</translation>
    </message>
    <message>
        <source>Due date moved to %1 at %2</source>
        <translation>Fälligkeit verschoben auf %1 um %2</translation>
    </message>
    <message>
        <source>Due date moved to %1 by %2 at %3</source>
        <translation>Fälligkeit von %2 verschoben auf %1 um %3</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 neu</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>%1 closed</source>
        <translation>%1 geschlossen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
</context>
<context>
    <name>UpNext::TrayIcon</name>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>&amp;Skip for Today</source>
        <translation>Für heute &amp;überspringen</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Nächste</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Nothing left to do.</source>
        <translation>Nichts mehr zu tun.</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Morning &amp;Briefing</source>
        <translation>&amp;Morgenübersicht</translation>
    </message>
    <message>
        <source>&amp;Open UpNext</source>
        <translation>UpNext ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Quit UpNext</source>
        <translation>UpNext &amp;beenden</translation>
    </message>
    <message>
        <source>UpNext</source>
        <translation>UpNext</translation>
    </message>
    <message>
        <source>%1 (score %2)</source>
        <translation>%1 (%2 Punkte)</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <source>Nothing to do right now</source>
        <translation>Gerade nichts zu tun</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert …</translation>
    </message>
    <message>
        <source>The last sync failed</source>
        <translation>Die letzte Synchronisierung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>A change was not made: see the outbox</source>
        <translation>Eine Änderung wurde nicht ausgeführt: siehe Ausgang</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>Skipped %1 for today</source>
        <translation>%1 für heute übersprungen</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Als Nächstes: %1</translation>
    </message>
    <message>
        <source>Nothing else is open.</source>
        <translation>Sonst ist nichts offen.</translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookHealth</name>
    <message numerus="yes">
        <source>%1 webhooks are not arriving: a sync found %n changes no webhook brought within %2 minutes (last delivery: %3). UpNext syncs %1 every %2 minutes until they do.</source>
        <translation>
            <numerusform>Webhooks von %1 kommen nicht an: Eine Synchronisierung fand %n Änderung, die kein Webhook innerhalb von %2 Minuten gebracht hat (letzte Zustellung: %3). UpNext synchronisiert %1 alle %2 Minuten, bis sie wieder ankommen.</numerusform>
            <numerusform>Webhooks von %1 kommen nicht an: Eine Synchronisierung fand %n Änderungen, die kein Webhook innerhalb von %2 Minuten gebracht hat (letzte Zustellung: %3). UpNext synchronisiert %1 alle %2 Minuten, bis sie wieder ankommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookLog</name>
    <message>
        <source>Cannot %1 in the task database %2: %3</source>
        <translation>Fehler in der Aufgabendatenbank %2 beim Versuch, %1: %3</translation>
    </message>
    <message>
        <source>read the webhook deliveries</source>
        <translation>die Webhook-Zustellungen zu lesen</translation>
    </message>
    <message>
        <source>remember a webhook delivery</source>
        <translation>sich eine Webhook-Zustellung zu merken</translation>
    </message>
    <message>
        <source>forget old webhook deliveries</source>
        <translation>alte Webhook-Zustellungen zu vergessen</translation>
    </message>
    <message>
        <source>queue a task to fetch</source>
        <translation>eine abzurufende Aufgabe vorzumerken</translation>
    </message>
    <message>
        <source>forget a fetched task</source>
        <translation>eine abgerufene Aufgabe zu vergessen</translation>
    </message>
    <message>
        <source>read the tasks to fetch</source>
        <translation>die abzurufenden Aufgaben zu lesen</translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookReceiver</name>
    <message>
        <source>Invalid signature</source>
        <translation>Ungültige Signatur</translation>
    </message>
    <message>
        <source>The delivery could not be stored; send it again</source>
        <translation>Die Zustellung konnte nicht gespeichert werden; bitte erneut senden</translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookRegistrar</name>
    <message>
        <source>&quot;%1&quot; is not a public URL UpNext can register: it needs http(s)://host[/path], without a query</source>
        <translation>„%1“ ist keine öffentliche URL, die UpNext registrieren kann: Nötig ist http(s)://host[/pfad] ohne Query</translation>
    </message>
    <message>
        <source>UpNext has registered no webhooks</source>
        <translation>UpNext hat keine Webhooks registriert</translation>
    </message>
    <message>
        <source>ClickUp is not set up (no token)</source>
        <translation>ClickUp ist nicht eingerichtet (kein Token)</translation>
    </message>
    <message>
        <source>Set the ClickUp workspace id ([clickup] teamId): webhooks belong to a workspace</source>
        <translation>Legen Sie die ClickUp-Workspace-ID fest ([clickup] teamId): Webhooks gehören zu einem Workspace</translation>
    </message>
    <message>
        <source>ClickUp&apos;s answer has no secret: deliveries cannot be checked</source>
        <translation>Die Antwort von ClickUp enthält kein Geheimnis: Zustellungen lassen sich nicht prüfen</translation>
    </message>
    <message>
        <source>The webhook is registered, but its secret could not be kept (registering again retries): %1</source>
        <translation>Der Webhook ist registriert, aber sein Geheimnis konnte nicht aufbewahrt werden (erneutes Registrieren versucht es noch einmal): %1</translation>
    </message>
    <message>
        <source>%1 is set and is not this webhook&apos;s secret: its deliveries will be refused</source>
        <translation>%1 ist gesetzt und nicht das Geheimnis dieses Webhooks: Seine Zustellungen werden abgewiesen</translation>
    </message>
    <message>
        <source>Could not remove an old hook: %1</source>
        <translation>Ein alter Hook konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>GitHub is not set up (no token)</source>
        <translation>GitHub ist nicht eingerichtet (kein Token)</translation>
    </message>
    <message>
        <source>No GitHub repositories to watch: set [github] repos, or sync first</source>
        <translation>Keine GitHub-Repositorys zu beobachten: Legen Sie [github] repos fest oder synchronisieren Sie zuerst</translation>
    </message>
    <message>
        <source>Not tried: %1</source>
        <translation>Nicht versucht: %1</translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookServer</name>
    <message>
        <source>Cannot listen on &quot;%1&quot;: not an IP address</source>
        <translation>Auf „%1“ kann nicht gelauscht werden: keine IP-Adresse</translation>
    </message>
    <message>
        <source>Not listening on %1: webhooks from outside this machine need both the ClickUp and the GitHub webhook secret set</source>
        <translation>Kein Lauschen auf %1: Webhooks von außerhalb dieses Rechners brauchen sowohl das ClickUp- als auch das GitHub-Webhook-Geheimnis</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to UpNext&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei UpNext&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>UpNext gathers the ClickUp tasks and GitHub issues assigned to you into one list, best first, and always has your next task ready. Connect an account to begin, or look around in the demo first: it runs on made-up tasks and never touches your accounts.</source>
        <translation>UpNext sammelt die Ihnen zugewiesenen ClickUp-Aufgaben und GitHub-Issues in einer Liste, die wichtigsten zuerst, und hält Ihre nächste Aufgabe stets bereit. Verbinden Sie ein Konto, um zu beginnen, oder sehen Sie sich zuerst in der Demo um: Sie läuft mit erfundenen Aufgaben und berührt Ihre Konten nie.</translation>
    </message>
    <message>
        <source>&amp;Connect Accounts…</source>
        <translation>Konten &amp;verbinden …</translation>
    </message>
    <message>
        <source>Give UpNext a ClickUp or GitHub token in the settings</source>
        <translation>Geben Sie UpNext in den Einstellungen ein ClickUp- oder GitHub-Token</translation>
    </message>
    <message>
        <source>&amp;Try the Demo</source>
        <translation>Demo &amp;ausprobieren</translation>
    </message>
    <message>
        <source>Open a second window on simulated ClickUp and GitHub services with made-up tasks</source>
        <translation>Öffnet ein zweites Fenster mit simulierten ClickUp- und GitHub-Diensten und erfundenen Aufgaben</translation>
    </message>
</context>
</TS>
