<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>UpNext::BriefingWindow</name>
    <message numerus="yes">
        <source>%n tasks ahead</source>
        <translation>
            <numerusform>%n task ahead</numerusform>
            <numerusform>%n tasks ahead</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes refused</source>
        <translation>
            <numerusform>%n change refused</numerusform>
            <numerusform>%n changes refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::ChangeNotifier</name>
    <message numerus="yes">
        <source>%n tasks changed</source>
        <translation>
            <numerusform>%n task changed</numerusform>
            <numerusform>%n tasks changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks changed in %1</source>
        <translation>
            <numerusform>%n task changed in %1</numerusform>
            <numerusform>%n tasks changed in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::Cli</name>
    <message numerus="yes">
        <source>%n attempts</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::LocalApi</name>
    <message numerus="yes">
        <source>Reloaded %n clients</source>
        <translation>
            <numerusform>Reloaded %n client</numerusform>
            <numerusform>Reloaded %n clients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::MainWindow</name>
    <message numerus="yes">
        <source>%n changes have not reached their sources yet.</source>
        <translation>
            <numerusform>%n change has not reached its source yet.</numerusform>
            <numerusform>%n changes have not reached their sources yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes failed</source>
        <translation>
            <numerusform>%n change failed</numerusform>
            <numerusform>%n changes failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open tasks</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This is the demo: simulated ClickUp and GitHub services on this computer, with made-up tasks. A teammate changes something about every %n seconds. Nothing you do here reaches a real account.</source>
        <translation>
            <numerusform>This is the demo: simulated ClickUp and GitHub services on this computer, with made-up tasks. A teammate changes something about every second. Nothing you do here reaches a real account.</numerusform>
            <numerusform>This is the demo: simulated ClickUp and GitHub services on this computer, with made-up tasks. A teammate changes something about every %n seconds. Nothing you do here reaches a real account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::OutboxDialog</name>
    <message numerus="yes">
        <source>Discard these %n changes? They will never reach their source.</source>
        <translation>
            <numerusform>Discard this change? It will never reach its source.</numerusform>
            <numerusform>Discard these %n changes? They will never reach their source.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::Scorer</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::SourceStatus</name>
    <message numerus="yes">
        <source>%n changes will be sent when it is back.</source>
        <translation>
            <numerusform>%n change will be sent when it is back.</numerusform>
            <numerusform>%n changes will be sent when it is back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpNext::WebhookHealth</name>
    <message numerus="yes">
        <source>%1 webhooks are not arriving: a sync found %n changes no webhook brought within %2 minutes (last delivery: %3). UpNext syncs %1 every %2 minutes until they do.</source>
        <translation>
            <numerusform>%1 webhooks are not arriving: a sync found %n change no webhook brought within %2 minutes (last delivery: %3). UpNext syncs %1 every %2 minutes until they do.</numerusform>
            <numerusform>%1 webhooks are not arriving: a sync found %n changes no webhook brought within %2 minutes (last delivery: %3). UpNext syncs %1 every %2 minutes until they do.</numerusform>
        </translation>
    </message>
</context>
</TS>
