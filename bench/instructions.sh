#!/usr/bin/env bash
# Instructions per request of one page, in one process, counted by valgrind's callgrind:
# unlike requests/s on a shared machine, the count repeats to within 0.01% from run to run,
# so it shows a change of 1% where wrk's drift hides one of 20%.
#
#   bench/instructions.sh /big/orders/new/1/ --post 'qty_1=1&idempotency_key=i-{n}'
#
# Same arguments and environment as bench/profile_view.py (which it runs; see there), with
# --user bench by default. Runs the page 10 and 60 times and prints the difference / 50,
# which leaves out start-up and warming. Needs valgrind (Debian's package) and, like
# profile_view.py, the database of `make bench`. Takes about a minute and a half.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind" >&2; exit 1; }
count() {
  local out
  out=$(mktemp)
  PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file="$out" --dump-instr=no \
    --collect-jumps=no .venv/bin/python bench/profile_view.py --user bench "$@" \
    >/dev/null 2>"$out.log" || { cat "$out.log" >&2; exit 1; }
  grep -o 'summary: [0-9]*' "$out" | awk '{print $2}'
  rm -f "$out" "$out.log"
}
few=$(count "$@" --requests 10)
many=$(count "$@" --requests 60)
echo "$1: $(( (many - few) / 50 / 1000 ))k instructions per request"
