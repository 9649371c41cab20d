#!/usr/bin/env bash
# Live reload in a running browser (issue 27 §2): the time from a file
# changed to the change shown, and the browser's memory over the changes.
#
#   bash benches/reload.sh DIR [CHANGES]      # DIR from `generate`, CHANGES 10
#   CACHE=/tmp/cache-1m bash benches/reload.sh DIR 3   # with a warm cache folder
#
# The browser runs in tmux (120x40) on DIR with a cache folder of its own,
# searching a word no briefing holds (`zzqxw`); each change appends the word
# to the body of one more briefing (`sed -i`, as an editor saving in place),
# and is shown once the pane says "N of". Between changes the folder stays
# quiet for 4 s, so the reload thread writes the corpus cache as it does
# after an edit. Memory is the browser's resident and private memory
# (`/proc/PID/smaps_rollup`) once the change is shown and after the quiet.
# The files are put back at the end. Needs the release build
# (`cargo build --release`).
set -euo pipefail
dir=$(cd "$1" && pwd)
changes=${2:-10}
brief=${BRIEF:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/release/brief}
session=reload-bench-$$

now() { date +%s%3N; }
wait_pane() {
    local until=$(($(now) + 600000))
    until tmux capture-pane -p -t "$session" | grep -qF "$1"; do
        [ "$(now)" -lt "$until" ] || { echo "timed out waiting for '$1'"; return 1; }
        sleep 0.01
    done
}
# Until the browser's CPU time has not moved for 2 s.
idle() {
    local a b
    a=$(awk '{print $14 + $15}' "/proc/$1/stat")
    while sleep 2; b=$(awk '{print $14 + $15}' "/proc/$1/stat"); [ "$b" != "$a" ]; do a=$b; done
}
# Written: the private memory the process wrote (its heap), without the
# cache's pages it maps alone (private too, but clean: the page cache's).
memory() {
    awk '/^Rss/ {r=$2} /^Private_Clean/ {c=$2} /^Private_Dirty/ {d=$2}
         END {printf "Rss %d MB, private %d MB, written %d MB", r/1024, (c+d)/1024, d/1024}' "/proc/$1/smaps_rollup"
}

# CACHE=DIR: a cache folder already holding the folder's cache and text
# index (at a million briefings they take minutes to build); kept.
cache=${CACHE:-$(mktemp -d)}
scratch=$(mktemp -d)
saved=$scratch/saved
mkdir -p "$saved"
export XDG_CACHE_HOME=$cache XDG_STATE_HOME=$scratch/state LANG=en_US.UTF-8
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    # The files as they were.
    if [ -f "$saved/list" ]; then
        while read -r i file; do cp -p "$saved/$i.yaml" "$file"; done <"$saved/list"
    fi
    [ -n "${CACHE:-}" ] || rm -rf "$cache"
    rm -rf "$scratch"
}
trap cleanup EXIT

# The cache and the text index, built once, as after a first start.
start=$(now)
"$brief" search zzqxw --dir "$dir" >/dev/null || true
echo "cache and text index built in $(($(now) - start)) ms"
files=$(find "$dir/" -name '*.yaml' ! -name actors.yaml ! -name topics.yaml | sort | sed -n "1,${changes}p")

start=$(now)
tmux new-session -d -s "$session" -x 120 -y 40 "$brief --dir $dir --query zzqxw"
pid=$(tmux display -p -t "$session" '#{pane_pid}')
wait_pane "0 of"
echo "browser started, 0 hits shown after $(($(now) - start)) ms: $(memory "$pid")"
# The start-up stat check and the text index opened.
sleep 2
idle "$pid"
echo "settled: $(memory "$pid")"

i=0
for file in $files; do
    i=$((i + 1))
    cp -p "$file" "$saved/$i.yaml"
    echo "$i $file" >>"$saved/list"
    start=$(now)
    sed -i 's/^body: |-/body: |-\n  zzqxw marker/' "$file"
    wait_pane "$i of"
    shown=$(($(now) - start))
    echo "change $i: shown after $shown ms; $(memory "$pid")"
    sleep 2
    idle "$pid"
    echo "         once idle: $(memory "$pid")"
done
