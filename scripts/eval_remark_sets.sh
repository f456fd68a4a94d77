#!/usr/bin/env bash
# Evaluate the question sets whose libraries hold reviewers' remarks (批注: cold10, cold12, cold25, cold32, asks47,
# asks45, asks41) and dev (none), hybrid with --misses, each on a copy of its library (docs/remarks58.md):
#   SPEECHQA_CMD=/work/wt/bin/sq bash scripts/eval_remark_sets.sh LIBS
# LIBS as scripts/eval_all_sets.sh builds it (read only: each library is copied first).
set -uo pipefail
if [ $# -ne 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
cd "$(dirname "$0")/.."
LIBS=$1
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
SQ=${SPEECHQA_CMD:-speechqa}
for pair in cold10:c10 cold12:c12 cold25:c25 cold32:c32 asks47:asks47 asks45:asks45 asks41:asks41 dev:home; do
  set=${pair%%:*} lib=${pair##*:}
  tmp=$(mktemp -d)
  cp -r "$LIBS/$lib/." "$tmp/"
  echo "== $set"
  SPEECHQA_HOME="$tmp" $SQ eval "benchmarks/$set-questions.jsonl" --mode hybrid --misses 2>&1
  rm -rf "$tmp"
done
