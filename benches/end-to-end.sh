#!/usr/bin/env bash
# End-to-end figures for docs/performance.md: the release binary on generated
# corpora of 10,000 and 100,000 briefings, side by side with `fzf --filter`
# over one line per briefing in the same run (hyperfine), then the browser in
# tmux (start with --query, memory of one and of a second browser, a changed
# file until it is found) and in a real pseudo-terminal (xtask/src/bin/keystrokes.rs).
#
#   bash benches/end-to-end.sh            # both sizes
#   SIZES=10000 bash benches/end-to-end.sh
#
# Corpora are generated once into target/perf-corpus/N (never committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES=${SIZES:-"10000 100000"}
for tool in hyperfine fzf tmux; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "==> installing $tool"
        apt-get install -y "$tool" >/dev/null 2>&1 || sudo apt-get install -y "$tool" >/dev/null
    fi
done

cargo build --release --quiet
cargo build --release --quiet -p xtask --bin generate --bin keystrokes
brief=$PWD/target/release/brief

# Milliseconds since the epoch.
now() { date +%s%3N; }
# Waits until the tmux pane shows $2 (a fixed string); gives up after 120 s.
wait_pane() {
    local until=$(($(now) + 120000))
    until tmux capture-pane -p -t "$1" | grep -qF "$2"; do
        [ "$(now)" -lt "$until" ] || { echo "timed out waiting for '$2'"; return 1; }
        sleep 0.01
    done
}
# Private and resident memory of a process, in MB.
memory() {
    awk '/^Rss/ {r=$2} /^Private_Clean/ {c=$2} /^Private_Dirty/ {d=$2}
         END {printf "Rss %d MB, private %d MB", r/1024, (c+d)/1024}' "/proc/$1/smaps_rollup"
}
private_kb() {
    awk '/^Private_Clean/ {c=$2} /^Private_Dirty/ {d=$2} END {print c+d}' "/proc/$1/smaps_rollup"
}

echo "==> machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
    dir=target/perf-corpus/$n
    if [ ! -f "$dir/actors.yaml" ]; then
        rm -rf "$dir"
        target/release/generate "$n" "$dir"
        # Files younger than 2 s are never cached (a change could go unseen).
        sleep 3
    fi
    dir=$(cd "$dir" && pwd)
    bytes=$(du -sbL --apparent-size "$dir" | cut -f1)
    echo
    echo "==> $n briefings, $((bytes / 1000000)) MB on disk"
    cache=$(mktemp -d)
    export XDG_CACHE_HOME=$cache XDG_STATE_HOME=$cache/state LANG=en_US.UTF-8

    hyperfine --warmup 1 --runs 3 --style basic \
        -n "parse $n (no cache)" "$brief --no-cache check -q $dir"
    start=$(now)
    "$brief" search migrants --dir "$dir" >/dev/null   # parses, caches, builds the text index
    echo "first search, nothing cached (parse + text index): $(($(now) - start)) ms"
    titles=$cache/titles.txt
    "$brief" list --limit 0 --dir "$dir" >"$titles"
    hyperfine --warmup 1 --runs 5 --style basic \
        -n "fzf --filter over $n titles" "fzf --filter migrants < $titles" \
        -n "find: walk and stat every file (a stamp check's floor)" "find $dir/ -name '*.yaml' -printf '%s %T@\\n'" \
        -n "brief search (word)" "$brief search migrants --dir $dir" \
        -n "brief search (phrase)" "$brief search '\"trafic de migrants\"' --dir $dir" \
        -n "brief list --country NE" "$brief list --country NE --dir $dir" \
        -n "brief check (cached)" "$brief check -q $dir"
    du -sb "$cache"/brief/* | sed 's|^|on disk: |'

    echo "-- the browser in tmux, 120x40 (cache and index warm)"
    tmux kill-server 2>/dev/null || true
    hits=$("$brief" search migrants --dir "$dir" --limit 0 | wc -l)
    # The count as the browser writes it in English: 94,835.
    expect="$(echo "$hits" | rev | sed 's/[0-9]\{3\}/&,/g; s/,$//' | rev) of"
    start=$(now)
    tmux new-session -d -s one -x 120 -y 40 "$brief --dir $dir --fresh --query migrants"
    wait_pane one "$expect"
    echo "started with --query: the right results on screen after $(($(now) - start)) ms"
    one=$(pgrep -nx brief)
    echo "one browser: $(memory "$one") (corpus $((bytes / 1048576)) MB)"
    tmux new-session -d -s two -x 120 -y 40 "$brief --dir $dir --fresh --query migrants"
    wait_pane two "$expect"
    two=$(pgrep -nx brief)
    echo "a second browser: $(memory "$two"); private $(($(private_kb "$two") * 100 / (bytes / 1024)))% of the corpus"
    tmux kill-session -t two
    # A changed file, until the first browser finds it.
    tmux send-keys -t one Escape "/" C-u "zzqxw"
    wait_pane one "0 of"
    file=$(find "$dir/" -name '*.yaml' ! -name actors.yaml | sort | sed -n 2p)
    cp "$file" "$cache/saved.yaml"
    start=$(now)
    sed -i 's/^body: |-/body: |-\n  zzqxw marker/' "$file"
    wait_pane one "1 of"
    echo "a file changed while browsing: found after $(($(now) - start)) ms"
    cp "$cache/saved.yaml" "$file"
    tmux kill-server

    echo "-- in a 120x40 pseudo-terminal (cache warm)"
    target/release/keystrokes "$brief" "$dir" 120x40
    rm -rf "$cache"
done
