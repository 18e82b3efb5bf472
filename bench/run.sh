#!/usr/bin/env bash
# Benchmark: `kyosei build` on a 政令市-scale dataset, against Hugo building a
# site with the same number of pages. See bench/README.md.
#
#   bash bench/run.sh [--scale seirei|small]
#
# Builds nothing itself. Expects build/kyosei and build/kyosei_gen (override
# with KYOSEI=... KYOSEI_GEN=...; SEED=... changes the dataset). Everything it
# writes goes to bench/work/ (git-ignored). The PASS/FAIL lines are
# informational: the script exits 0 whatever the result, and 1 only when it
# cannot run at all (no kyosei_gen).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scale=seirei
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) scale=${2:-}; shift 2 || shift ;;
    --scale=*) scale=${1#*=}; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1 (usage: bash bench/run.sh [--scale seirei|small])" >&2; exit 2 ;;
  esac
done
case $scale in
  seirei) gen_args=(--services 3000 --staff 2000 --areas 200 --sessions 3000 --pdfs 36) ;;
  small)  gen_args=(--services 120 --staff 80 --areas 12 --sessions 150 --pdfs 6) ;;
  *) echo "run.sh: --scale must be seirei or small, not '$scale'" >&2; exit 2 ;;
esac

abspath() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
KYOSEI=$(abspath "${KYOSEI:-$root/build/kyosei}")
KYOSEI_GEN=$(abspath "${KYOSEI_GEN:-$root/build/kyosei_gen}")
SEED=${SEED:-2026}
work=$root/bench/work
speed_target=0.5   # kyosei wall time / Hugo wall time
memory_target=300  # MB, kyosei peak RSS

if [[ ! -x $KYOSEI_GEN ]]; then
  echo "run.sh: kyosei_gen not found at $KYOSEI_GEN" >&2
  echo "        build it first: cmake -S . -B build -G Ninja -DKYOSEI_BENCH_TOOLS=ON && ninja -C build kyosei_gen (or set KYOSEI_GEN)" >&2
  exit 1
fi
have_time=1
if [[ ! -x /usr/bin/time ]]; then
  have_time=0
  echo "note: /usr/bin/time not found (Debian package 'time'); measuring wall time only, no peak memory" >&2
fi

# timed LOG TIMEFILE CMD...: runs CMD with stdout/stderr to LOG; returns its status.
timed() {
  local log=$1 tf=$2; shift 2
  if (( have_time )); then
    /usr/bin/time -v -o "$tf" "$@" >"$log" 2>&1
  else
    local start end rc
    start=$(date +%s.%N)
    "$@" >"$log" 2>&1; rc=$?
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:%.2f\n", e - s }' >"$tf"
    return $rc
  fi
}
# Seconds from /usr/bin/time -v ("m:ss.ss" or "h:mm:ss").
wall_of() {
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
# Peak resident set size in MB, or "-" when unknown.
rss_of() {
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024; found = 1 } END { if (!found) printf "-" }' "$1"
}
count_html() { if [[ -d $1 ]]; then find "$1" -name '*.html' | wc -l | tr -d ' '; else echo 0; fi; }

mkdir -p "$work"
rm -rf "$work/dataset" "$work/out" "$work/hugo"

echo "== 1. dataset ($scale, seed $SEED) -> bench/work/dataset"
if ! timed "$work/gen.log" "$work/gen.time" "$KYOSEI_GEN" dataset "$work/dataset" "${gen_args[@]}" --seed "$SEED" --hugo "$work/hugo"; then
  echo "run.sh: kyosei_gen failed:" >&2; cat "$work/gen.log" >&2; exit 1
fi
expected_pages=$(awk -F= '$1 == "pages" { print $2 }' "$work/gen.log")
echo "   $(grep -v '^pages=' "$work/gen.log" | tr '\n' ' ')"
echo "   content pages (services + meetings + areas + PDF pages): $expected_pages"
echo "   generator: $(wall_of "$work/gen.time") s, $(rss_of "$work/gen.time") MB"

echo "== 2. kyosei build"
k_status=ok
if [[ ! -x $KYOSEI ]]; then
  k_status="kyosei not found at $KYOSEI"
else
  timed "$work/kyosei.log" "$work/kyosei.time" "$KYOSEI" build "$work/dataset" -o "$work/out"
  rc=$?
  k_pages=$(count_html "$work/out/site")
  if (( rc != 0 )); then
    k_status="kyosei build exited with status $rc (see bench/work/kyosei.log)"
  elif (( k_pages == 0 )); then
    k_status="kyosei build wrote no pages under out/site (not implemented yet?)"
  fi
fi
if [[ $k_status == ok ]]; then
  k_wall=$(wall_of "$work/kyosei.time"); k_rss=$(rss_of "$work/kyosei.time")
  echo "   $k_pages pages, $k_wall s, $k_rss MB"
else
  echo "   skipped: $k_status"
  if [[ -s $work/kyosei.log ]]; then tail -n 5 "$work/kyosei.log" | sed 's/^/   | /'; fi
fi

echo "== 3. hugo --quiet (same number of Markdown pages, trivial layout)"
h_status=ok
if ! command -v hugo >/dev/null 2>&1; then
  h_status="hugo not installed (Debian package 'hugo')"
elif ! timed "$work/hugo.log" "$work/hugo.time" hugo --quiet -s "$work/hugo" -d "$work/hugo/public" \
        --cacheDir "$work/hugo-cache"; then
  h_status="hugo failed (see bench/work/hugo.log)"
fi
if [[ $h_status == ok ]]; then
  h_pages=$(count_html "$work/hugo/public")
  h_wall=$(wall_of "$work/hugo.time"); h_rss=$(rss_of "$work/hugo.time")
  echo "   $h_pages pages, $h_wall s, $h_rss MB"
else
  echo "   skipped: $h_status"
fi

echo
printf '%-8s %8s %9s %9s\n' tool pages "wall s" "peak MB"
printf '%-8s %8s %9s %9s\n' -------- -------- --------- ---------
if [[ $k_status == ok ]]; then printf '%-8s %8s %9s %9s\n' kyosei "$k_pages" "$k_wall" "$k_rss"
else printf '%-8s %8s %9s %9s\n' kyosei - - -; fi
if [[ $h_status == ok ]]; then printf '%-8s %8s %9s %9s\n' hugo "$h_pages" "$h_wall" "$h_rss"
else printf '%-8s %8s %9s %9s\n' hugo - - -; fi
echo

if [[ $k_status == ok && $h_status == ok ]]; then
  awk -v k="$k_wall" -v h="$h_wall" -v t="$speed_target" 'BEGIN {
    if (h <= 0) { printf "speed  (kyosei/hugo wall time <= %s): n/a (hugo took 0 s)\n", t; exit }
    r = k / h; printf "speed  (kyosei/hugo wall time <= %s): %.2f  %s\n", t, r, (r <= t ? "PASS" : "FAIL") }'
else
  echo "speed  (kyosei/hugo wall time <= $speed_target): n/a — ${k_status/#ok/$h_status}"
fi
if [[ $k_status == ok && $k_rss != - ]]; then
  awk -v m="$k_rss" -v t="$memory_target" 'BEGIN { printf "memory (kyosei peak RSS < %s MB): %.1f MB  %s\n", t, m, (m < t ? "PASS" : "FAIL") }'
else
  echo "memory (kyosei peak RSS < $memory_target MB): n/a — ${k_status/#ok/peak memory not measured}"
fi
exit 0
