#!/usr/bin/env bash
# Search measured on real French text (issue 14; docs/search.md, "Measured").
#
#   bash benches/real-text.sh            # assemble into /tmp, measure, delete
#   KEEP=1 bash benches/real-text.sh     # keep the folder (its path is printed)
#
# The text comes from Debian packages, all freely licensed (see their
# /usr/share/doc/PKG/copyright): manpages-fr (French manual pages, GPL-3+
# translations), debian-reference-fr (Debian Reference, GPL-2+) and
# debian-faq-fr (the Debian FAQ, GPL-2+). xtask/src/bin/assemble_real.rs turns it
# into briefings: one per manual page or book section, the real heading as
# title, the real French paragraphs as body, countries, actors and place as
# the core's draft matchers find them in the text.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES="manpages-fr debian-reference-fr debian-faq-fr"
missing=""
for p in $PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "==> installing$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq $missing >/dev/null
fi
for p in $PACKAGES; do
    echo "==> $p $(dpkg-query -W -f='${Version}' "$p"): $(grep -m1 '^License:' "/usr/share/doc/$p/copyright" 2>/dev/null \
        || grep -m1 '^License:' /usr/share/doc/debian-reference-common/copyright)"
done

work=$(mktemp -d /tmp/realtext.XXXXXX)
if [ -z "${KEEP:-}" ]; then
    trap 'rm -rf "$work"' EXIT
fi
src=$work/src
out=$work/briefings
mkdir -p "$src/books" "$src/man"
zcat /usr/share/debian-reference/debian-reference.fr.txt.gz >"$src/books/debian-reference.txt"
zcat /usr/share/doc/debian/FAQ/debian-faq.fr.txt.gz >"$src/books/debian-faq.txt"
for f in /usr/share/man/fr/man*/*.gz; do
    # Pages that only point at another one (`.so`) have no text of their own.
    zcat "$f" >"$src/man/$(basename "$f" .gz)"
done

cargo run --quiet -p xtask --bin assemble_real -- "$src" "$out"
cargo run --quiet -p xtask --bin measure_search -- "$out" --titles 200 --seed 14
if [ -n "${KEEP:-}" ]; then
    echo "==> kept $out"
fi
