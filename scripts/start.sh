#!/usr/bin/env bash
# Sets everything up and starts UpNext. Without UPNEXT_PROFILE it runs the demo
# (`upnext --demo`): simulated ClickUp and GitHub inside the app on 127.0.0.1, a
# throwaway profile, a teammate changing things now and then, no accounts needed.
# With UPNEXT_PROFILE=DIR it starts on that profile with your own accounts.
# Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target upnext --parallel "${JOBS:-$(nproc)}"

if [[ -n "${UPNEXT_PROFILE:-}" ]]; then
    exec build/default/src/upnext --profile "$UPNEXT_PROFILE" "$@"
fi
exec build/default/src/upnext --demo "$@"
