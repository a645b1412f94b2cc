#!/usr/bin/env bash
# Installs what UpNext needs to build, run and test on Debian 12.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build ccache git ca-certificates
    # the asan build and the fuzzers: clang with libFuzzer and the sanitizers' runtimes,
    # llvm-symbolizer for their stack traces
    clang libclang-rt-14-dev llvm
    # Qt 6 and QtKeychain
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libqt6sql6-sqlite libsqlite3-dev libssl-dev libsimdjson-dev
    qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-qpa-plugins fonts-dejavu-core
    # Qt's own translations (dialog buttons, context menus) under UpNext's German
    qt6-translations-l10n
    # headless GUI, tray and keychain for the tests
    xvfb xauth dbus dbus-x11 gnome-keyring trayer
    # the time zones some tests run in
    tzdata
    # packaging: PNG icons from the SVG, the .deb, and the checks on both
    librsvg2-bin dpkg-dev desktop-file-utils appstream lintian file systemd
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps.sh: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
