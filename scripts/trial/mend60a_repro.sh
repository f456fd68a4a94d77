#!/usr/bin/env bash
# usage: bash scripts/trial/mend60a_repro.sh FILES LIBRARY — from the checkout to measure (its code runs):
# the files of make_mend60a_files.py added to copies of LIBRARY (a built SPEECHQA_HOME, read only), then
# the question of files A and `speeches --speaker 陈秀英` of files C (docs/trial60.md, 「After review: mend60a」)
set -eu
F=$(realpath "$1"); LIB=$(realpath "$2"); top=$(git rev-parse --show-toplevel)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1 HF_HUB_OFFLINE=1 PYTHONPATH="$top"
sq() { /work/main/.venv/bin/python -c 'import sys; from cli import main; sys.exit(main())' "$@" 2>&1 | grep -v "^嵌入"; }
for s in A B C; do cp -r "$LIB" "$work/$s"; done
echo "== A"; export SPEECHQA_HOME=$work/A
sq add "$F/A/在全市老干部工作会议上的讲话（修改前）.docx"
sq add "$F/A/在全市老干部工作会议上的讲话.docx"
sq ask 2028年运动会参赛老同志多少人 | head -6
echo "== B"; export SPEECHQA_HOME=$work/B
sq add "$F/B"
echo "== C"; export SPEECHQA_HOME=$work/C
sq add "$F/C" > /dev/null
sq speeches --speaker 陈秀英 | tail -2
