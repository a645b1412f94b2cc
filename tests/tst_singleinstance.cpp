#include "appcore/SingleInstance.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace UpNext;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameIsTheSameForEverySpellingOfTheFolder();
    void secondLaunchAsksTheFirstToShowItsWindow();
    void pingDoesNotShowTheWindow();
    void desktopActionsReachTheFirst();
    void anotherProfileIsItsOwnInstance();
    void headlessSaysWhatItIs();
    void aSocketLeftByACrashIsTakenOver();
    void theProfileIsFreeAgainWhenTheFirstEnds();
    void aCommandLineIsWaitedForAWhile();
};

void TestSingleInstance::nameIsTheSameForEverySpellingOfTheFolder()
{
    QTemporaryDir dir;
    const QString name = SingleInstance::serverName(dir.path());
    QCOMPARE(SingleInstance::serverName(dir.path() + QStringLiteral("/")), name);
    QCOMPARE(SingleInstance::serverName(dir.filePath(QStringLiteral("sub/.."))), name);
    QVERIFY(QFile::link(dir.path(), dir.path() + QStringLiteral("-link")));
    QCOMPARE(SingleInstance::serverName(dir.path() + QStringLiteral("-link")), name);
    QFile::remove(dir.path() + QStringLiteral("-link"));
    // A folder that does not exist yet (a first start) has the name it has once made.
    const QString later = dir.filePath(QStringLiteral("later/profile"));
    const QString before = SingleInstance::serverName(later);
    QVERIFY(QDir().mkpath(later));
    QCOMPARE(SingleInstance::serverName(later), before);
    QVERIFY(before != name);
    // Short enough for a socket's path.
    QVERIFY2(name.toUtf8().size() < 100, qPrintable(name));
}

void TestSingleInstance::secondLaunchAsksTheFirstToShowItsWindow()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QCOMPARE(first.claim(), SingleInstance::Outcome::First);
    QVERIFY(first.isListening());
    QSignalSpy shown(&first, &SingleInstance::showRequested);

    SingleInstance second(dir.path());
    QCOMPARE(second.claim(SingleInstance::Request::Show), SingleInstance::Outcome::Running);
    QCOMPARE(second.runningRole(), SingleInstance::WindowRole);
    QVERIFY(!second.isListening());
    QTRY_COMPARE(shown.size(), 1);

    // And again: the first keeps listening.
    SingleInstance third(dir.path());
    QCOMPARE(third.claim(), SingleInstance::Outcome::Running);
    QTRY_COMPARE(shown.size(), 2);
}

void TestSingleInstance::pingDoesNotShowTheWindow()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QCOMPARE(first.claim(), SingleInstance::Outcome::First);
    QSignalSpy shown(&first, &SingleInstance::showRequested);
    SingleInstance atLogin(dir.path());
    QCOMPARE(atLogin.claim(SingleInstance::Request::Ping), SingleInstance::Outcome::Running);
    QCOMPARE(atLogin.runningRole(), SingleInstance::WindowRole);
    // A Show after it is heard: had the ping shown the window, it would be two.
    SingleInstance later(dir.path());
    QCOMPARE(later.claim(SingleInstance::Request::Show), SingleInstance::Outcome::Running);
    QTRY_COMPARE(shown.size(), 1);
}

void TestSingleInstance::desktopActionsReachTheFirst()
{
    QTemporaryDir dir;
    SingleInstance first(dir.path());
    QCOMPARE(first.claim(), SingleInstance::Outcome::First);
    QSignalSpy shown(&first, &SingleInstance::showRequested);
    QSignalSpy asked(&first, &SingleInstance::actionRequested);
    const QList<SingleInstance::Request> actions = {
        SingleInstance::Request::Next, SingleInstance::Request::Done, SingleInstance::Request::Skip,
        SingleInstance::Request::Sync};
    for (const SingleInstance::Request action : actions) {
        SingleInstance launch(dir.path());
        QCOMPARE(launch.claim(action), SingleInstance::Outcome::Running);
        QTRY_COMPARE(asked.size(), actions.indexOf(action) + 1);
        QCOMPARE(asked.last().first().value<SingleInstance::Request>(), action);
    }
    QVERIFY(shown.isEmpty());
}

void TestSingleInstance::anotherProfileIsItsOwnInstance()
{
    QTemporaryDir work;
    QTemporaryDir home;
    SingleInstance first(work.path());
    QCOMPARE(first.claim(), SingleInstance::Outcome::First);
    QSignalSpy shown(&first, &SingleInstance::showRequested);
    SingleInstance other(home.path());
    QCOMPARE(other.claim(), SingleInstance::Outcome::First);
    QVERIFY(other.isListening());
    QVERIFY(SingleInstance::serverName(work.path()) != SingleInstance::serverName(home.path()));
    // Each is asked for its own window only.
    QSignalSpy otherShown(&other, &SingleInstance::showRequested);
    SingleInstance again(home.path());
    QCOMPARE(again.claim(), SingleInstance::Outcome::Running);
    QTRY_COMPARE(otherShown.size(), 1);
    QCOMPARE(shown.size(), 0);
}

void TestSingleInstance::headlessSaysWhatItIs()
{
    QTemporaryDir dir;
    SingleInstance headless(dir.path());
    headless.setRole(SingleInstance::HeadlessRole);
    QCOMPARE(headless.claim(SingleInstance::Request::Ping), SingleInstance::Outcome::First);
    SingleInstance window(dir.path());
    QCOMPARE(window.claim(), SingleInstance::Outcome::Running);
    QCOMPARE(window.runningRole(), SingleInstance::HeadlessRole);
}

void TestSingleInstance::aSocketLeftByACrashIsTakenOver()
{
    QTemporaryDir dir;
    const QString name = SingleInstance::serverName(dir.path());
    // What a crashed instance leaves: the socket's file, with no one listening on it.
    QVERIFY(QDir().mkpath(QFileInfo(name).path()));
    QFile::remove(name);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(name);
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::copy(path.cbegin(), path.cend(), address.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFileInfo::exists(name));

    SingleInstance next(dir.path());
    QCOMPARE(next.claim(), SingleInstance::Outcome::First);
    QVERIFY(next.isListening());
    QSignalSpy shown(&next, &SingleInstance::showRequested);
    SingleInstance after(dir.path());
    QCOMPARE(after.claim(), SingleInstance::Outcome::Running);
    QTRY_COMPARE(shown.size(), 1);
}

void TestSingleInstance::theProfileIsFreeAgainWhenTheFirstEnds()
{
    QTemporaryDir dir;
    {
        SingleInstance first(dir.path());
        QCOMPARE(first.claim(), SingleInstance::Outcome::First);
    }
    SingleInstance next(dir.path());
    QCOMPARE(next.claim(), SingleInstance::Outcome::First);
}

// upnext-cli holds a profile for one command: a launch asks again for a while, then says who
// holds it.
void TestSingleInstance::aCommandLineIsWaitedForAWhile()
{
    QTemporaryDir dir;
    auto cli = std::make_unique<SingleInstance>(dir.path());
    cli->setRole(SingleInstance::CliRole);
    QCOMPARE(cli->claim(), SingleInstance::Outcome::First);
    SingleInstance app(dir.path());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(app.claimAfterCli(SingleInstance::Request::Ping, std::chrono::milliseconds(300)),
             SingleInstance::Outcome::Running);
    QVERIFY(timer.elapsed() >= 300);
    QCOMPARE(app.runningRole(), SingleInstance::CliRole);
    cli.reset();
    QCOMPARE(app.claimAfterCli(SingleInstance::Request::Ping, std::chrono::seconds(5)),
             SingleInstance::Outcome::First);
    // Anything else that runs is not waited for.
    SingleInstance late(dir.path());
    timer.restart();
    QCOMPARE(late.claimAfterCli(SingleInstance::Request::Ping, std::chrono::seconds(5)),
             SingleInstance::Outcome::Running);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(late.runningRole(), SingleInstance::WindowRole);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
