#!/usr/bin/env bash
# End-to-end figures for the README's "Performance" section: the release
# binary on generated corpora of 10,000 and 100,000 briefings, timed with
# hyperfine, then driven in a real pseudo-terminal by examples/keystrokes.rs.
#
#   bash benches/end-to-end.sh            # both sizes
#   SIZES=10000 bash benches/end-to-end.sh
#
# Corpora are generated once into target/perf-corpus/N (never committed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES=${SIZES:-"10000 100000"}
if ! command -v hyperfine >/dev/null 2>&1; then
    echo "==> installing hyperfine"
    apt-get install -y hyperfine >/dev/null 2>&1 || sudo apt-get install -y hyperfine >/dev/null
fi

cargo build --release --quiet
cargo build --release --quiet --example generate --example keystrokes
brief=$PWD/target/release/brief

echo "==> machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for n in $SIZES; do
    dir=target/perf-corpus/$n
    if [ ! -f "$dir/actors.yaml" ]; then
        rm -rf "$dir"
        target/release/examples/generate "$n" "$dir"
        # Files younger than 2 s are never cached (a change could go unseen).
        sleep 3
    fi
    bytes=$(du -sb --apparent-size "$dir" | cut -f1)
    echo
    echo "==> $n briefings, $((bytes / 1000000)) MB on disk"
    cache=$(mktemp -d)
    export XDG_CACHE_HOME=$cache

    hyperfine --warmup 1 --runs 5 --style basic \
        -n "load $n (no cache)" "$brief --no-cache check $dir"
    "$brief" check "$dir" >/dev/null   # writes the cache
    hyperfine --warmup 1 --runs 10 --style basic \
        -n "load $n (cached)" "$brief check $dir" \
        -n "search $n (cached, index built)" "$brief search 'coopération frontex' --limit 20 --dir $dir"
    /usr/bin/time -f "peak RSS, check without cache: %M KB" "$brief" --no-cache check "$dir" >/dev/null

    echo "-- in a 120x40 pseudo-terminal (cache warm)"
    target/release/examples/keystrokes "$brief" "$dir" 120x40
    rm -rf "$cache"
done
