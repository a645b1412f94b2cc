#!/usr/bin/env bash
# Sets everything up and starts UpNext. Without UPNEXT_PROFILE it runs the demo:
# a throwaway profile wired to the simulated ClickUp and GitHub (upnext-sim on
# 127.0.0.1, with a teammate changing things now and then), no accounts needed.
# With UPNEXT_PROFILE=DIR it starts on that profile with your own accounts.
# Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset default >/dev/null
cmake --build --preset default --target upnext upnext-sim --parallel "${JOBS:-$(nproc)}"

if [[ -n "${UPNEXT_PROFILE:-}" ]]; then
    exec build/default/src/upnext --profile "$UPNEXT_PROFILE" "$@"
fi

profile=$(mktemp -d -t upnext-demo.XXXXXX)
log="$profile/upnext-sim.log"
build/default/src/sim/upnext-sim --seed-clickup 80 --seed-github 60 --port 0 \
    --teammate-interval "${UPNEXT_DEMO_TEAMMATE_INTERVAL:-45}" >"$log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
    grep -q '^READY ' "$log" && break
    kill -0 "$sim" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
grep -q '^READY ' "$log" || { echo "upnext-sim did not start" >&2; exit 1; }

field() { sed -n "s/^ *$1 *//p" "$log" | head -n 1; }
clickup_url=$(sed -n 's/^READY clickup=\([^ ]*\) .*/\1/p' "$log")
github_url=$(sed -n 's/^READY .* github=\([^ ]*\)$/\1/p' "$log")
first_list=$(field lists | cut -d' ' -f1)
first_repo=$(field repos | cut -d, -f1)
clickup_token=$(field token)
github_token=$(sed -n 's/^ *token *//p' "$log" | sed -n 2p)
# The app registers its webhooks with the simulators at this (loopback) address, so the
# teammate's changes arrive at once.
webhook_port=$((20000 + RANDOM % 20000))
cat >"$profile/settings.ini" <<INI
[profile]
name=Demo
[webhooks]
port=$webhook_port
publicUrl=http://127.0.0.1:$webhook_port
[clickup]
baseUrl=$clickup_url
teamId=$(field 'team id')
createListId=$first_list
[github]
baseUrl=$github_url
createRepo=$first_repo
INI
cat >"$profile/entities.json" <<'JSON'
[
  {"id": "acme", "name": "Acme", "revenue": true, "weight": 2},
  {"id": "globex", "name": "Globex", "revenue": true, "weight": 1},
  {"id": "initech", "name": "Initech", "weight": 1},
  {"id": "umbrella", "name": "Umbrella", "revenue": true, "weight": 3},
  {"id": "hooli", "name": "Hooli"}
]
JSON

echo "Demo profile: $profile (simulated ClickUp and GitHub: $log)"
# The simulator's made-up tokens, and a made-up GitHub webhook secret so the demo's hooks
# are signed even where no keychain runs; real ones live in the keychain.
UPNEXT_CLICKUP_TOKEN=$clickup_token UPNEXT_GITHUB_TOKEN=$github_token \
    UPNEXT_GITHUB_WEBHOOK_SECRET=demo-webhook-secret \
    build/default/src/upnext --profile "$profile" "$@"
