#!/usr/bin/env bash
# Sets everything up, builds and runs all tests headless: under Xvfb, with a
# private D-Bus session and an unlocked gnome-keyring for the keychain tests.
# With CI set, warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

preset=default
[ -n "${CI:-}" ] && preset=ci

bash scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --parallel "${JOBS:-$(nproc)}"

# HOME is a throwaway folder so the test keyring never touches a real one.
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
    export HOME=$(mktemp -d -t upnext-test-home.XXXXXX)
    printf %s upnext | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec ctest --preset "$0" --parallel "${JOBS:-$(nproc)}"
' "$preset"
