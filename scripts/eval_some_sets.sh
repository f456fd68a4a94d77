#!/usr/bin/env bash
# Rebuild some cold sets' libraries with this checkout from a ready library of the bundled speeches, and
# evaluate their question sets (hybrid), e.g. after a change to corpus/ that re-reads their documents:
#   SPEECHQA_CMD=/work/wt/bin/sq bash scripts/eval_some_sets.sh HOME_LIB LIBS N [N ...]
# HOME_LIB: a library holding the bundled speeches (copied, never changed); LIBS: where the cN libraries are built
# (reused when present). Prints each set's hybrid row as scripts/eval_all_sets.sh does.
set -uo pipefail
if [ $# -lt 3 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
cd "$(dirname "$0")/.."
HOME_LIB=$1 LIBS=$2; shift 2
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
SQ=${SPEECHQA_CMD:-speechqa}
mkdir -p "$LIBS"
for n in "$@"; do
  if [ ! -d "$LIBS/c$n" ]; then
    cp -r "$HOME_LIB" "$LIBS/c$n"
    SPEECHQA_HOME="$LIBS/c$n" $SQ add "benchmarks/corpus-cold$n/" > "$LIBS/c$n.log" 2>&1
  fi
  tmp=$(mktemp -d)
  cp -r "$LIBS/c$n/." "$tmp/"
  echo "== cold$n"
  SPEECHQA_HOME="$tmp" $SQ eval "benchmarks/cold$n-questions.jsonl" --mode hybrid 2>&1 | grep -E "^[|] hybrid|answered anyway"
  rm -rf "$tmp"
done
