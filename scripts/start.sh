#!/usr/bin/env bash
# Sets everything up and starts UpNext on a fresh throwaway profile
# (or the one in $UPNEXT_PROFILE). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target upnext --parallel "${JOBS:-$(nproc)}"

profile=${UPNEXT_PROFILE:-$(mktemp -d -t upnext-profile.XXXXXX)}
echo "Profile: $profile"
exec build/default/src/upnext --profile "$profile" "$@"
