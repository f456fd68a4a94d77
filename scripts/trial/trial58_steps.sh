#!/bin/bash
# Trial 58 (docs/trial58.md): the IT person's command-line steps, each timed. As root (it mounts a read-only bind
# mount and a small tmpfs):  bash scripts/trial/trial58_steps.sh SPEECHQA HOME BUREAU WORK
# SPEECHQA: the install's speechqa; HOME: a data home to copy (holding speeches 6-8 of the trial); BUREAU: the files;
# WORK: a scratch folder (emptied).
SQ=$1; SRC=$2; BUREAU=$3; W=$4; ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE HF_HUB_OFFLINE=1
T() { local s=$(date +%s.%N); "$@"; local rc=$?; echo "   [exit $rc, $(echo "$(date +%s.%N) - $s" | bc | cut -c1-5) s: ${*: -3}]"; }
rm -rf "$W"; mkdir -p $W/backups
cp -r "$SRC" $W/home; export SPEECHQA_HOME=$W/home
echo "== rebuild"; T $SQ rebuild 2>&1 | tail -2
echo "== backup"; T $SQ backup $W/backups/speechqa-$(date +%F).db 2>&1 | tail -2; ls -la $W/backups
echo "== remove 6 --yes, then restore --yes"; T $SQ remove 6 --yes 2>&1 | tail -2; T $SQ restore --yes $W/backups/speechqa-$(date +%F).db 2>&1 | tail -3; T $SQ health
echo "== add the folder (one new, two already there)"; T $SQ add $BUREAU 2>&1 | tail -6
echo "== old library 041d1aa"; mkdir -p $W/old && (cd $W/old && unzip -q $ROOT/tests/fixtures/old-libraries/041d1aa.zip)
SPEECHQA_HOME=$W/old/home T $SQ health; SPEECHQA_HOME=$W/old/home T $SQ ask "离休干部体检规定是什么？" 2>&1 | head -4; SPEECHQA_HOME=$W/old/home T $SQ health
echo "== read-only bind mount"; mkdir -p $W/ro && cp -r $W/home $W/ro-src && mount --bind $W/ro-src $W/ro && mount -o remount,ro,bind $W/ro
SPEECHQA_HOME=$W/ro T $SQ ask "门诊绿色通道的专门窗口在哪" 2>&1 | head -4; SPEECHQA_HOME=$W/ro T $SQ add $BUREAU/离休干部遗属生活困难补助实施办法.docx; SPEECHQA_HOME=$W/ro T $SQ rebuild; SPEECHQA_HOME=$W/ro T $SQ backup $W/backups/ro.db 2>&1 | tail -1
umount $W/ro
echo "== full disk: the home on a tmpfs with 300 KB to spare"; mkdir -p $W/full; used=$(du -sk $W/home | cut -f1); mount -t tmpfs -o size=$((used+300))k tmpfs $W/full && cp -r $W/home $W/full/home && df -k $W/full | tail -1
cp -r $ROOT/benchmarks/corpus-cold5 $W/more; SPEECHQA_HOME=$W/full/home T $SQ add $W/more 2>&1 | tail -8; SPEECHQA_HOME=$W/full/home T $SQ health; SPEECHQA_HOME=$W/full/home T $SQ speeches 2>&1 | tail -3; ls -la $W/full/home $W/full/home/index; df -k $W/full | tail -1
SPEECHQA_HOME=$W/full/home T $SQ backup $W/full/b.db; umount $W/full
echo "== settings typed wrong"; SPEECHQA_LOG_MAX_MB=10MB T $SQ health; SPEECHQA_ADMINS="张三" TELEGRAM_BOT_TOKEN=1:a T $SQ bot; SPEECHQA_TOP_K=0 T $SQ ask 体检
