#!/bin/bash
# Memory of a second process on the same index while a first one holds it open.
S=/tmp/spike-target/release/index-spike
cd /tmp/spike-out
for engine in tantivy archive; do
  rm -f hold; mkfifo hold
  $S $engine-query $engine --hold < hold > first-$engine.txt &
  first=$!
  exec 3>hold
  until grep -q memory first-$engine.txt 2>/dev/null; do sleep 0.1; done
  echo "== first $engine"; grep memory first-$engine.txt
  echo "== second $engine"; $S $engine-query $engine | grep memory
  exec 3>&-
  wait $first
done
rm -f hold
