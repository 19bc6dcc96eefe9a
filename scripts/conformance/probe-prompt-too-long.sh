#!/usr/bin/env bash
# Does Claude Code refuse to start ("Prompt is too long", exit 1, no request) on a framework of one
# project agent whose description is D characters? Prints "refused" or "sent".
# Usage: scripts/conformance/probe-prompt-too-long.sh MODEL|default D [CLAUDE_BINARY]
# Offline: the API address is a closed port, so a run that would send its request is cut after 6 s
# (a refusal comes within about 1 s). Hooks and MCP servers off; a fresh home per run.
# Observed with 2.1.332: claude-sonnet-4-6 refuses from D between 696,484 and 697,656; the default
# model (claude-opus-5-5) sent at every D tried up to 9,000,000.
set -euo pipefail
MODEL=$1
D=$2
CLAUDE=${3:-$HOME/.cache/context-budget/claude-code/2.1.332/package/claude}
W=$(mktemp -d)
H=$(mktemp -d)
trap 'rm -rf "$W" "$H"' EXIT
mkdir -p "$W/.claude/agents"
python3 - "$D" "$W/.claude/agents/big.md" <<'PY'
import sys
d = int(sys.argv[1])
words = ('lorem ipsum dolor sit amet ' * (d // 27 + 1))[:d]
open(sys.argv[2], 'w').write('---\nname: big\ndescription: "' + words + '"\n---\nBody.\n')
PY
git -C "$W" init -q
git -C "$W" add -A
git -C "$W" -c user.name=p -c user.email=p@p commit -qm probe
args=(-p hi --settings '{"disableAllHooks":true}' --strict-mcp-config)
[ "$MODEL" != default ] && args+=(--model "$MODEL")
out=$(cd "$W" && env -i PATH="$PATH" HOME="$H" CLAUDE_CONFIG_DIR="$H/.claude" TERM=dumb ANTHROPIC_BASE_URL=http://127.0.0.1:9 \
  ANTHROPIC_API_KEY=any DISABLE_TELEMETRY=1 CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1 DISABLE_ERROR_REPORTING=1 \
  timeout 6 "$CLAUDE" "${args[@]}" </dev/null 2>&1 || true)
if grep -q "Prompt is too long" <<<"$out"; then echo refused; else echo sent; fi
