#!/usr/bin/env bash
# Sets everything up, builds and runs all tests headless: under Xvfb, with a
# private D-Bus session and an unlocked gnome-keyring for the keychain tests.
# With CI set, warnings are errors, and the asan build (clang, ASan + UBSan) runs the
# suite again after the fuzz targets ran FUZZ_SECONDS each (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

presets=(default)
[ -n "${CI:-}" ] && presets=(ci asan)

bash scripts/deps.sh
for preset in "${presets[@]}"; do
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" --parallel "${JOBS:-$(nproc)}"
done
[ -n "${CI:-}" ] && bash scripts/fuzz.sh

# HOME is a throwaway folder so the test keyring never touches a real one. The suites run
# one preset after the other and stop at the first that fails, so the output ends with the
# summary of the last ctest.
exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -c '
    export HOME=$(mktemp -d -t upnext-test-home.XXXXXX)
    printf %s upnext | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    for preset in "$@"; do
        ctest --preset "$preset" --parallel "${JOBS:-$(nproc)}" || exit
    done
' sh "${presets[@]}"
