#!/usr/bin/env bash
# Every question set at once, as docs/measured.md and the blind sets' pages quote them:
#   bash scripts/eval_all_sets.sh [LIBS]
# LIBS (default: a new temporary folder) holds one data home per library — `home` (the bundled speeches,
# for the dev set and the third set), `cN` (bundled + benchmarks/corpus-coldN/) and `styles` (`c8` and the
# policy notices, tests/fixtures/notices/*.txt, for the asking styles' set: docs/styles37.md) and `asks40`
# (`c16` and cold7's documents, for the staff questions of docs/asks40.md) and `asks41` (`c24`, cold25's and
# cold21's documents, for docs/asks41.md) and `asks42` (`c26`, cold22's and cold23's documents, for docs/asks42.md)
# and `asks43` (`c27`, cold19's and cold20's documents, for docs/asks43.md) and `asks44` (`c28`, cold17's and
# cold18's documents, for docs/asks44.md) and `asks45` (`c29`, cold12's and cold13's documents, for docs/asks45.md) and
# `asks46` (`c30`, cold31's and cold11's documents, for docs/asks46.md) and `asks47` (`c32`, cold14's and
# cold10's documents, for docs/asks47.md) and `asks48` (`c33`, cold9's and cold15's documents, for docs/asks48.md) and `asks49` (`c34`, cold6's
# and cold2's documents, for docs/asks49.md) and `asks50` (`c35`, cold3's and cold5's documents, for docs/asks50.md) and
# `asks51` (`c36` and cold4's documents, for docs/asks51.md) and `asks52` (`c37` and cold8's documents, for
# docs/asks52.md) and `asks53` (`c38` and cold33's documents, for docs/asks53.md) and `asks54` (`c39` and
# cold24's documents, for docs/asks54.md) and `asks55` (`c40` and cold7's documents, for docs/asks55.md) and
# `asks56` (`c41` and cold39's documents, for docs/asks56.md) and `asks57` (`c42` and cold16's documents, for
# docs/asks57.md) — built on
# first use with this checkout's `speechqa add` and reused after; each set is evaluated on a fresh copy, so
# a run never changes them. Prints each set's hybrid row (R@1 R@3 R@5 MRR@10 要点 abstain-accuracy
# false-「未找到」 answered-unanswerable q/s) and, for the dev set and the styles set, their tuning and
# held-out halves.
set -euo pipefail
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then  # the comment above is the usage
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 0
fi
cd "$(dirname "$0")/.."
LIBS=${1:-$(mktemp -d)}
export HF_HUB_OFFLINE=${HF_HUB_OFFLINE:-1}
SQ=${SPEECHQA_CMD:-speechqa}
sets=()
for dir in benchmarks/corpus-cold*/; do n=${dir#benchmarks/corpus-cold}; sets+=("${n%/}"); done
mkdir -p "$LIBS"
if [ ! -d "$LIBS/home" ]; then
  SPEECHQA_HOME="$LIBS/home" $SQ add --bundled > "$LIBS/home.log" 2>&1
fi
for n in "${sets[@]}"; do
  if [ ! -d "$LIBS/c$n" ]; then
    cp -r "$LIBS/home" "$LIBS/c$n"
    # the log holds the build's output; a grep here (matching nothing) stopped the script under pipefail
    SPEECHQA_HOME="$LIBS/c$n" $SQ add "benchmarks/corpus-cold$n/" > "$LIBS/c$n.log" 2>&1
  fi
done
if [ ! -d "$LIBS/styles" ]; then  # the asking styles' set asks of the speeches, cold8's documents and the notices
  cp -r "$LIBS/c8" "$LIBS/styles"
  SPEECHQA_HOME="$LIBS/styles" $SQ add tests/fixtures/notices/*.txt > "$LIBS/styles.log" 2>&1
fi
if [ ! -d "$LIBS/asks40" ]; then  # asks40's questions ask of the speeches and two cold sets' documents at once
  cp -r "$LIBS/c16" "$LIBS/asks40"
  SPEECHQA_HOME="$LIBS/asks40" $SQ add benchmarks/corpus-cold7/ > "$LIBS/asks40.log" 2>&1
fi
if [ ! -d "$LIBS/asks41" ]; then  # asks41's: the speeches and three places' documents (溪宁, 枫溪, 苇塘) at once
  cp -r "$LIBS/c24" "$LIBS/asks41"
  SPEECHQA_HOME="$LIBS/asks41" $SQ add benchmarks/corpus-cold25/ benchmarks/corpus-cold21/ > "$LIBS/asks41.log" 2>&1
fi
if [ ! -d "$LIBS/asks42" ]; then  # asks42's: the speeches, a county's documents (桐岚, cold26) and a city's (澄湖, cold22, cold23)
  cp -r "$LIBS/c26" "$LIBS/asks42"
  SPEECHQA_HOME="$LIBS/asks42" $SQ add benchmarks/corpus-cold22/ benchmarks/corpus-cold23/ > "$LIBS/asks42.log" 2>&1
fi
if [ ! -d "$LIBS/asks43" ]; then  # asks43's: the speeches and three places' documents (雁川 cold27, 鹤汀 cold19, 桐溪 cold20)
  cp -r "$LIBS/c27" "$LIBS/asks43"
  SPEECHQA_HOME="$LIBS/asks43" $SQ add benchmarks/corpus-cold19/ benchmarks/corpus-cold20/ > "$LIBS/asks43.log" 2>&1
fi
if [ ! -d "$LIBS/asks44" ]; then  # asks44's: the speeches and three places' documents (栖梧 cold28, 泷江 cold17, 鹭川 cold18)
  cp -r "$LIBS/c28" "$LIBS/asks44"
  SPEECHQA_HOME="$LIBS/asks44" $SQ add benchmarks/corpus-cold17/ benchmarks/corpus-cold18/ > "$LIBS/asks44.log" 2>&1
fi
if [ ! -d "$LIBS/asks45" ]; then  # asks45's: the speeches and three places' documents (漱玉 cold29, 汀澜 cold12, 黛川 cold13)
  cp -r "$LIBS/c29" "$LIBS/asks45"
  SPEECHQA_HOME="$LIBS/asks45" $SQ add benchmarks/corpus-cold12/ benchmarks/corpus-cold13/ > "$LIBS/asks45.log" 2>&1
fi
if [ ! -d "$LIBS/asks46" ]; then  # asks46's: the speeches and three places' documents (澜屿 cold30, 苕溪 cold31, 枫潭 cold11)
  cp -r "$LIBS/c30" "$LIBS/asks46"
  SPEECHQA_HOME="$LIBS/asks46" $SQ add benchmarks/corpus-cold31/ benchmarks/corpus-cold11/ > "$LIBS/asks46.log" 2>&1
fi
if [ ! -d "$LIBS/asks47" ]; then  # asks47's: the speeches and three places' documents (霁川 cold32, 桐屿 cold14, 澄溪 cold10)
  cp -r "$LIBS/c32" "$LIBS/asks47"
  SPEECHQA_HOME="$LIBS/asks47" $SQ add benchmarks/corpus-cold14/ benchmarks/corpus-cold10/ > "$LIBS/asks47.log" 2>&1
fi
if [ ! -d "$LIBS/asks48" ]; then  # asks48's: the speeches and three places' documents (汀岚 cold33, 榆湾 cold9, 砚川 cold15)
  cp -r "$LIBS/c33" "$LIBS/asks48"
  SPEECHQA_HOME="$LIBS/asks48" $SQ add benchmarks/corpus-cold9/ benchmarks/corpus-cold15/ > "$LIBS/asks48.log" 2>&1
fi
if [ ! -d "$LIBS/asks49" ]; then  # asks49's: the speeches and three places' documents (璟川 cold34, 岚溪 cold6, 临江 cold2)
  cp -r "$LIBS/c34" "$LIBS/asks49"
  SPEECHQA_HOME="$LIBS/asks49" $SQ add benchmarks/corpus-cold6/ benchmarks/corpus-cold2/ > "$LIBS/asks49.log" 2>&1
fi
if [ ! -d "$LIBS/asks50" ]; then  # asks50's: the speeches and three places' documents (枫渚 cold35, 澜川 cold3, 柘川 cold5)
  cp -r "$LIBS/c35" "$LIBS/asks50"
  SPEECHQA_HOME="$LIBS/asks50" $SQ add benchmarks/corpus-cold3/ benchmarks/corpus-cold5/ > "$LIBS/asks50.log" 2>&1
fi
if [ ! -d "$LIBS/asks51" ]; then  # asks51's: the speeches and two places' documents (岫宁 cold36, 青溪 cold4)
  cp -r "$LIBS/c36" "$LIBS/asks51"
  SPEECHQA_HOME="$LIBS/asks51" $SQ add benchmarks/corpus-cold4/ > "$LIBS/asks51.log" 2>&1
fi
if [ ! -d "$LIBS/asks52" ]; then  # asks52's: the speeches and two places' documents (溧岚 cold37, 枫渚 cold8)
  cp -r "$LIBS/c37" "$LIBS/asks52"
  SPEECHQA_HOME="$LIBS/asks52" $SQ add benchmarks/corpus-cold8/ > "$LIBS/asks52.log" 2>&1
fi
if [ ! -d "$LIBS/asks53" ]; then  # asks53's: the speeches and two places' documents (蔚桥 cold38, 汀岚 cold33)
  cp -r "$LIBS/c38" "$LIBS/asks53"
  SPEECHQA_HOME="$LIBS/asks53" $SQ add benchmarks/corpus-cold33/ > "$LIBS/asks53.log" 2>&1
fi
if [ ! -d "$LIBS/asks54" ]; then  # asks54's: the speeches and two places' documents (砚泉 cold39, 溪宁 cold24)
  cp -r "$LIBS/c39" "$LIBS/asks54"
  SPEECHQA_HOME="$LIBS/asks54" $SQ add benchmarks/corpus-cold24/ > "$LIBS/asks54.log" 2>&1
fi
if [ ! -d "$LIBS/asks55" ]; then  # asks55's: the speeches and two places' documents (棠樾 cold40, 嵩浦 cold7)
  cp -r "$LIBS/c40" "$LIBS/asks55"
  SPEECHQA_HOME="$LIBS/asks55" $SQ add benchmarks/corpus-cold7/ > "$LIBS/asks55.log" 2>&1
fi
if [ ! -d "$LIBS/asks56" ]; then  # asks56's: the speeches and two places' documents (蓼汀 cold41, 砚泉 cold39)
  cp -r "$LIBS/c41" "$LIBS/asks56"
  SPEECHQA_HOME="$LIBS/asks56" $SQ add benchmarks/corpus-cold39/ > "$LIBS/asks56.log" 2>&1
fi
if [ ! -d "$LIBS/asks57" ]; then  # asks57's: the speeches and two places' documents (筠湾 cold42, 澄岚 cold16)
  cp -r "$LIBS/c42" "$LIBS/asks57"
  SPEECHQA_HOME="$LIBS/asks57" $SQ add benchmarks/corpus-cold16/ > "$LIBS/asks57.log" 2>&1
fi
evaluate() {  # SET LIBRARY
  local tmp; tmp=$(mktemp -d)
  cp -r "$LIBS/$2/." "$tmp/"
  echo "== $1"
  SPEECHQA_HOME="$tmp" $SQ eval "benchmarks/$1-questions.jsonl" --mode hybrid 2>&1 | grep -E "^[|] hybrid|half:|answered anyway"
  rm -rf "$tmp"
}
evaluate dev home
evaluate cold home
for n in $(printf '%s\n' "${sets[@]}" | sort -n); do evaluate "cold$n" "c$n"; done
evaluate styles styles
evaluate asks38 styles  # dictated and metadata questions: docs/asks38.md
evaluate asks40 asks40  # staff questions in ten asking styles: docs/asks40.md
evaluate asks41 asks41  # staff questions over the newest documents: docs/asks41.md
evaluate asks42 asks42  # staff questions over a county's and a city's documents: docs/asks42.md
evaluate asks43 asks43  # staff questions over three places' documents: docs/asks43.md
evaluate asks44 asks44  # staff questions over 栖梧's, 泷江's and 鹭川's documents: docs/asks44.md
evaluate asks45 asks45  # staff questions over 漱玉's, 汀澜's and 黛川's documents: docs/asks45.md
evaluate asks46 asks46  # staff questions over 澜屿's, 苕溪's and 枫潭's documents: docs/asks46.md
evaluate asks47 asks47  # staff questions over 霁川's, 桐屿's and 澄溪's documents: docs/asks47.md
evaluate asks48 asks48  # staff questions over 汀岚's, 榆湾's and 砚川's documents: docs/asks48.md
evaluate asks49 asks49  # staff questions over 璟川's, 岚溪's and 临江's documents: docs/asks49.md
evaluate asks50 asks50  # staff questions over 枫渚's, 澜川's and 柘川's documents: docs/asks50.md
evaluate asks51 asks51  # staff questions over 岫宁's and 青溪's documents: docs/asks51.md
evaluate asks52 asks52  # staff questions over 溧岚's and 枫渚's documents: docs/asks52.md
evaluate asks53 asks53  # near-miss-rich staff questions over 蔚桥's and 汀岚's documents: docs/asks53.md
evaluate asks54 asks54  # staff questions in everyday words over 砚泉's and 溪宁's documents: docs/asks54.md
evaluate asks55 asks55  # everyday words and yes/no questions over 棠樾's and 嵩浦's documents: docs/asks55.md
evaluate asks56 asks56  # staff questions over 蓼汀's and 砚泉's documents: docs/asks56.md
evaluate asks57 asks57  # staff questions over 筠湾's and 澄岚's documents: docs/asks57.md
