#!/usr/bin/env bash
# The installed tree and the .deb, as a desktop user gets them: every file in its FHS place
# and nothing else, the desktop entry and AppStream metadata valid, lintian without errors,
# and the package's binary running from its extracted files with the libraries it declares.
# Usage: tst_packaging.sh BUILD_DIR VERSION APP_ID
set -euo pipefail

build=$1 version=$2 id=$3
work=$(mktemp -d -t upnext-packaging.XXXXXX)
# Installing, here and in cpack, rewrites the build's install_manifest.txt: the one a real
# `cmake --install` left (for uninstalling) comes back afterwards.
manifest="$build/install_manifest.txt"
[ -f "$manifest" ] && cp -p "$manifest" "$work/install_manifest.txt"
restore() {
    if [ -f "$work/install_manifest.txt" ]; then
        cp -p "$work/install_manifest.txt" "$manifest"
    else
        rm -f "$manifest"
    fi
    rm -rf "$work"
}
trap restore EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
step() { echo "--- $*"; }

step "cmake --install into a DESTDIR"
DESTDIR="$work/root" cmake --install "$build" --prefix /usr >/dev/null
root="$work/root/usr"
expected=(
    bin/upnext
    bin/upnext-cli
    lib/systemd/user/upnext-headless.service
    share/applications/$id.desktop
    share/bash-completion/completions/upnext-cli
    share/doc/upnext/changelog.gz
    share/doc/upnext/copyright
    share/icons/hicolor/128x128/apps/$id.png
    share/icons/hicolor/256x256/apps/$id.png
    share/icons/hicolor/48x48/apps/$id.png
    share/icons/hicolor/scalable/apps/$id.svg
    share/man/man1/upnext-cli.1.gz
    share/man/man1/upnext.1.gz
    share/metainfo/$id.metainfo.xml
    share/zsh/vendor-completions/_upnext-cli
)
actual=$(cd "$root" && find . -type f -printf '%P\n' | LC_ALL=C sort)
wanted=$(printf '%s\n' "${expected[@]}" | LC_ALL=C sort)
[ "$actual" = "$wanted" ] || fail "installed files differ from the expected ones:
$(diff <(echo "$wanted") <(echo "$actual") || true)"

for size in 48 128 256; do
    png="$root/share/icons/hicolor/${size}x${size}/apps/$id.png"
    [ -f "$png" ] && ! file "$png" | grep -q "PNG image data, $size x $size," &&
        fail "$png is not a ${size}x$size PNG: $(file -b "$png")"
done

step "desktop entry and AppStream metadata"
desktop="$root/share/applications/$id.desktop"
metainfo="$root/share/metainfo/$id.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's icon is not $id"
grep -qx "Actions=Next;Done;Skip;Sync;" "$desktop" || fail "the desktop entry lacks its actions"
for action in Next Done Skip Sync; do
    option=$(tr '[:upper:]' '[:lower:]' <<<"$action")
    sed -n "/^\[Desktop Action $action\]/,/^\[/p" "$desktop" | grep -qx "Exec=upnext --$option" ||
        fail "the desktop action $action does not run upnext --$option"
done
grep -q "<id>$id</id>" "$metainfo" || fail "the metainfo's id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
    fail "the metainfo does not launch $id.desktop"
newest=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
[ "$newest" = "$version" ] || fail "the newest release in the metainfo is $newest, not $version"

step "systemd user unit"
unit="$root/lib/systemd/user/upnext-headless.service"
grep -qx "ExecStart=/usr/bin/upnext --headless" "$unit" || fail "$unit does not run /usr/bin/upnext --headless"
grep -qx "WantedBy=default.target" "$unit" || fail "$unit cannot be enabled for the user session"
# systemd checks the unit as it would load it, with the binary and man page it names.
sed "s|^ExecStart=/usr/bin/upnext|ExecStart=$root/bin/upnext|" "$unit" >"$work/upnext-headless.service"
verified=$(MANPATH="$root/share/man" systemd-analyze verify "$work/upnext-headless.service" 2>&1) &&
    [ -z "$verified" ] || fail "systemd-analyze verify: $verified"

step "man page lists every option of upnext --help"
manual=$(zcat "$root/share/man/man1/upnext.1.gz" | sed 's/\\-/-/g')
grep -q "^\.TH UPNEXT 1 .*UpNext $version" <<<"$manual" || fail "the man page is not for UpNext $version"
options=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$root/bin/upnext" --help |
    grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--?[a-z-]+')
[ -n "$options" ] || fail "upnext --help lists no options"
described=$(sed -n '/^\.SH OPTIONS/,/^\.SH /{/^\.B/p}' <<<"$manual")
for option in $options; do
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$described" ||
        fail "the man page's OPTIONS do not describe $option"
done

step "upnext-cli: man page and completions know every command and option"
cli_manual=$(zcat "$root/share/man/man1/upnext-cli.1.gz" | sed 's/\\-/-/g')
grep -q "^\.TH UPNEXT-CLI 1 .*UpNext $version" <<<"$cli_manual" || fail "the upnext-cli man page is not for UpNext $version"
cli=(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$root/bin/upnext-cli")
commands=$("${cli[@]}" --help | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ')
[ "$(wc -w <<<"$commands")" -ge 12 ] || fail "upnext-cli --help lists too few commands: $commands"
bash_completion="$root/share/bash-completion/completions/upnext-cli"
zsh_completion="$root/share/zsh/vendor-completions/_upnext-cli"
bash -n "$bash_completion" || fail "$bash_completion is not valid bash"
for command in $commands; do
    grep -qE -- "^\.B[IR]? $command( |$)" <<<"$cli_manual" || fail "the upnext-cli man page does not describe $command"
    grep -qw -- "$command" "$bash_completion" || fail "the bash completion lacks $command"
    grep -q -- "'$command:" "$zsh_completion" || fail "the zsh completion lacks $command"
    for option in $("${cli[@]}" "$command" --help | grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
        grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$cli_manual" || fail "the upnext-cli man page lacks $option"
        grep -q -- "$option" "$bash_completion" || fail "the bash completion lacks $option"
        grep -q -- "$option" "$zsh_completion" || fail "the zsh completion lacks $option"
    done
done

step "cpack -G DEB"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" ||
    { cat "$work/cpack.log" >&2; fail "cpack -G DEB"; exit 1; }
deb=$(find "$work/package" -maxdepth 1 -name '*.deb')
[ "$(echo "$deb" | wc -l)" = 1 ] && [ -n "$deb" ] || { fail "cpack made no single .deb: $deb"; exit 1; }
[ "$(dpkg-deb -f "$deb" Package)" = upnext ] || fail "the package is not named upnext"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"
# The names of the packages the .deb depends on, one a line.
depends=$(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/^ *//; s/[ (].*//')
for package in libqt6core6 libqt6widgets6 libqt6sql6-sqlite; do
    grep -qxF "$package" <<<"$depends" || fail "the package does not depend on $package"
done
[ -z "$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -E 'preinst|postinst|prerm|postrm')" ] ||
    fail "the package has maintainer scripts"

step "lintian"
lintian --fail-on error "$deb" || fail "lintian reports errors"

step "dpkg -x, ldd, upnext --version and upnext-cli --help"
dpkg -x "$deb" "$work/extracted"
for binary in "$work/extracted/usr/bin/upnext" "$work/extracted/usr/bin/upnext-cli"; do
    libraries=$(ldd "$binary")
    grep -q "not found" <<<"$libraries" &&
        fail "$(basename "$binary"): libraries not found: $(grep 'not found' <<<"$libraries")"
    # Every library the binary links directly comes from a package the .deb declares.
    for needed in $(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        # The dynamic loader (libc6's) is listed by ldd without a "=>" path.
        [[ $needed == ld-linux* ]] && continue
        path=$(awk -v lib="$needed" '$1 == lib { print $3 }' <<<"$libraries")
        owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(realpath "$path")" 2>/dev/null ||
            dpkg -S "${path#/usr}" 2>/dev/null || true)
        owner=${owner%%:*}
        [ -n "$owner" ] || { fail "no package owns $needed ($path)"; continue; }
        grep -qxF "$owner" <<<"$depends" ||
            fail "$(basename "$binary"): $needed comes from $owner, which the package does not declare"
    done
done
binary="$work/extracted/usr/bin/upnext"
cli_help=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$work/extracted/usr/bin/upnext-cli" --help) &&
    grep -q "^Commands:" <<<"$cli_help" || fail "upnext-cli --help from the extracted package failed"
printed=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$binary" --version) ||
    fail "upnext --version from the extracted package failed"
[[ "$printed" =~ ^UpNext\ ${version//./\\.}\ \(Qt\ 6\.[0-9]+\.[0-9]+\)$ ]] ||
    fail "upnext --version printed: $printed"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "all packaging checks passed"
