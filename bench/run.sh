#!/usr/bin/env bash
# Benchmark: `kyosei build` on a 政令市-scale dataset, against Hugo building a
# site with the same number of pages. See bench/README.md.
#
#   bash bench/run.sh [--scale seirei|small] [--runs N] [--batch N] [--no-scaling]
#
# 1. kyosei build and hugo, interleaved (kyosei, hugo, kyosei, hugo, ...),
#    each into a fresh output folder, N runs (default 3) on tmpfs (/dev/shm)
#    and N on disk (bench/work); the median wall and CPU time (user + sys,
#    children included) of each, both ratios, and kyosei's peak memory.
#    On a shared machine the CPU ratio is the one to read.
# 2. Scaling: the same kind of data at 1x, 10x and 30x a small town
#    (100 / 1,000 / 3,000 services), wall and CPU per 1x, and a straight
#    line fitted to the CPU (per build + per service).
# 3. Batch: `kyosei_gen country` makes N municipalities (default 1,741, the
#    size distribution of Japan's; 0 skips this) and `kyosei build-all`
#    builds them all; target 60 s on 2 cores. Also a projection of the
#    1,741 batch from the scaling line: CPU, and wall on 2 cores.
#
# Builds nothing itself. Expects build/kyosei and build/kyosei_gen (override
# with KYOSEI=... KYOSEI_GEN=...; SEED=... changes the dataset). Everything it
# writes goes to bench/work/ (git-ignored). The PASS/FAIL lines are
# informational: the script exits 0 whatever the result, and 1 only when it
# cannot run at all (no kyosei_gen).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scale=seirei
runs=3
batch=1741
scaling=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --scale) scale=${2:-}; shift 2 || shift ;;
    --scale=*) scale=${1#*=}; shift ;;
    --runs) runs=${2:-3}; shift 2 || shift ;;
    --batch) batch=${2:-1741}; shift 2 || shift ;;
    --no-scaling) scaling=0; shift ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument: $1 (usage: bash bench/run.sh [--scale seirei|small] [--runs N] [--batch N] [--no-scaling])" >&2; exit 2 ;;
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
# CPU seconds (user + system, waited-for children included), or "-".
cpu_of() {
  awk -F': ' '/User time \(seconds\)/ { u = $2; f++ } /System time \(seconds\)/ { s = $2; f++ } END { if (f == 2) printf "%.2f", u + s; else printf "-" }' "$1"
}
# Peak resident set size in MB, or "-" when unknown.
rss_of() {
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024; found = 1 } END { if (!found) printf "-" }' "$1"
}
count_html() { if [[ -d $1 ]]; then find "$1" -name '*.html' | wc -l | tr -d ' '; else echo 0; fi; }

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v k="$1" -v h="$2" 'BEGIN { if (k == "-" || h == "-" || h <= 0) print "n/a"; else printf "%.2f", k / h }'; }

mkdir -p "$work"
rm -rf "$work/dataset" "$work/hugo" "$work/out" "$work/batch"
shm=""
if [[ -d /dev/shm && -w /dev/shm ]]; then shm=$(mktemp -d /dev/shm/kyosei-bench-XXXXXX); fi
cleanup() { [[ -n $shm ]] && rm -rf "$shm"; }
trap cleanup EXIT

echo "== 1. dataset ($scale, seed $SEED) -> bench/work/dataset"
if ! timed "$work/gen.log" "$work/gen.time" "$KYOSEI_GEN" dataset "$work/dataset" "${gen_args[@]}" --seed "$SEED" --hugo "$work/hugo"; then
  echo "run.sh: kyosei_gen failed:" >&2; cat "$work/gen.log" >&2; exit 1
fi
expected_pages=$(awk -F= '$1 == "pages" { print $2 }' "$work/gen.log")
echo "   $(grep -v '^pages=' "$work/gen.log" | tr '\n' ' ')"
echo "   content pages (services + meetings + areas + PDF pages): $expected_pages"
have_hugo=1
command -v hugo >/dev/null 2>&1 || { have_hugo=0; echo "   note: hugo not installed (Debian package 'hugo'); kyosei only"; }
[[ -x $KYOSEI ]] || { echo "run.sh: kyosei not found at $KYOSEI" >&2; exit 1; }

# One place (tmpfs or disk): inputs copied there, N interleaved runs.
# Prints "kyosei_median hugo_median kyosei_rss k_pages h_pages kyosei_cpu hugo_cpu".
measure_at() {
  local base=$1 label=$2 r kw=() hw=() kc=() hc=() rss=()
  mkdir -p "$base"
  if [[ $base != "$work" ]]; then rm -rf "$base/dataset" "$base/hugo"; cp -r "$work/dataset" "$work/hugo" "$base/"; fi
  for ((r = 1; r <= runs; r++)); do
    rm -rf "$base/out" "$base/hugo/public" "$work/hugo-cache"
    if timed "$work/k.log" "$work/k.time" "$KYOSEI" build "$base/dataset" -o "$base/out" -q; then
      kw+=("$(wall_of "$work/k.time")"); rss+=("$(rss_of "$work/k.time")")
      [[ $(cpu_of "$work/k.time") != - ]] && kc+=("$(cpu_of "$work/k.time")")
    else
      echo "   kyosei build failed (see bench/work/k.log)" >&2
    fi
    if (( have_hugo )); then
      if timed "$work/h.log" "$work/h.time" hugo --quiet -s "$base/hugo" -d "$base/hugo/public" --cacheDir "$work/hugo-cache"; then
        hw+=("$(wall_of "$work/h.time")")
        [[ $(cpu_of "$work/h.time") != - ]] && hc+=("$(cpu_of "$work/h.time")")
      fi
    fi
    local lk=- lh=-
    (( ${#kw[@]} )) && lk=${kw[${#kw[@]}-1]}
    (( ${#hw[@]} )) && lh=${hw[${#hw[@]}-1]}
    local ck=- ch=-
    (( ${#kc[@]} )) && ck=${kc[${#kc[@]}-1]}
    (( ${#hc[@]} )) && ch=${hc[${#hc[@]}-1]}
    echo "   $label run $r: kyosei $lk s (CPU $ck s), hugo $lh s (CPU $ch s)" >&2
  done
  local km hm kcm hcm rm_
  km=$( ( (( ${#kw[@]} )) && printf '%s\n' "${kw[@]}" ) | median)
  hm=$( ( (( ${#hw[@]} )) && printf '%s\n' "${hw[@]}" ) | median)
  kcm=$( ( (( ${#kc[@]} )) && printf '%s\n' "${kc[@]}" ) | median)
  hcm=$( ( (( ${#hc[@]} )) && printf '%s\n' "${hc[@]}" ) | median)
  rm_=$( ( (( ${#rss[@]} )) && printf '%s\n' "${rss[@]}" ) | sort -n | tail -1)
  echo "$km $hm ${rm_:--} $(count_html "$base/out/site") $(count_html "$base/hugo/public") $kcm $hcm"
}

echo "== 2. kyosei build vs hugo --quiet, interleaved, fresh output folders, $runs runs each"
results=()
if [[ -n $shm ]]; then read -r t_k t_h t_rss t_kp t_hp t_kc t_hc < <(measure_at "$shm" tmpfs); results+=(tmpfs); fi
read -r d_k d_h d_rss d_kp d_hp d_kc d_hc < <(measure_at "$work" disk)
echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo -) on $(nproc 2>/dev/null || echo ?) cores (others' work inflates wall time, hardly CPU time)"
echo
fmt='%-7s %8s %8s %9s %9s %7s %9s %9s %7s %9s\n'
printf "$fmt" place pages "hugo pg" "kyosei s" "hugo s" "wall x" "kyo CPU" "hugo CPU" "CPU x" "peak MB"
printf "$fmt" ------- -------- -------- --------- --------- ------- --------- --------- ------- ---------
if [[ -n $shm ]]; then
  printf "$fmt" tmpfs "$t_kp" "$t_hp" "$t_k" "$t_h" "$(ratio "$t_k" "$t_h")" "$t_kc" "$t_hc" "$(ratio "$t_kc" "$t_hc")" "$t_rss"
fi
printf "$fmt" disk "$d_kp" "$d_hp" "$d_k" "$d_h" "$(ratio "$d_k" "$d_h")" "$d_kc" "$d_hc" "$(ratio "$d_kc" "$d_hc")" "$d_rss"
for place in tmpfs disk; do
  if [[ $place == tmpfs ]]; then [[ -n $shm ]] || continue; k=$t_k; h=$t_h; kc=$t_kc; hc=$t_hc; else k=$d_k; h=$d_h; kc=$d_kc; hc=$d_hc; fi
  for what in wall CPU; do
    if [[ $what == CPU ]]; then a=$kc; b=$hc; else a=$k; b=$h; fi
    awk -v k="$a" -v h="$b" -v t="$speed_target" -v p="$place" -v w="$what" 'BEGIN {
      if (k == "-" || h == "-" || h <= 0) { printf "speed  %-5s %-4s (kyosei/hugo <= %s): n/a\n", p, w, t; exit }
      r = k / h; printf "speed  %-5s %-4s (kyosei/hugo <= %s): %.2f  %s\n", p, w, t, r, (r <= t ? "PASS" : "FAIL") }'
  done
done
awk -v m="$d_rss" -v t="$memory_target" 'BEGIN { if (m == "-") print "memory: n/a"; else printf "memory (kyosei peak RSS < %s MB): %.1f MB  %s\n", t, m, (m < t ? "PASS" : "FAIL") }'

if (( scaling )); then
  echo
  echo "== 3. scaling: 1x, 10x, 30x a small town (services; staff, sessions, areas, PDFs in proportion)"
  sbase=${shm:-$work}/scaling
  rm -rf "$sbase"; mkdir -p "$sbase"
  one=""; one_cpu=""; fit=""
  for x in 1 10 30; do
    "$KYOSEI_GEN" dataset "$sbase/d$x" --services $((100 * x)) --staff $((67 * x)) --areas $((3 + 7 * x)) \
      --sessions $((100 * x)) --pdfs $((1 + x)) --seed "$SEED" >/dev/null || { echo "   kyosei_gen failed"; break; }
    ws=(); cs=()
    for ((r = 1; r <= runs; r++)); do
      rm -rf "$sbase/o$x"
      if timed "$work/s.log" "$work/s.time" "$KYOSEI" build "$sbase/d$x" -o "$sbase/o$x" -q; then
        ws+=("$(wall_of "$work/s.time")")
        [[ $(cpu_of "$work/s.time") != - ]] && cs+=("$(cpu_of "$work/s.time")")
      fi
    done
    w=$( ( (( ${#ws[@]} )) && printf '%s\n' "${ws[@]}" ) | median)
    c=$( ( (( ${#cs[@]} )) && printf '%s\n' "${cs[@]}" ) | median)
    [[ $x == 1 ]] && { one=$w; one_cpu=$c; }
    [[ $c != - ]] && fit+="$((100 * x)) $c"$'\n'
    awk -v x="$x" -v w="$w" -v c="$c" -v one="$one" -v onec="$one_cpu" -v m="$(rss_of "$work/s.time")" 'BEGIN {
      printf "   %2sx (%5d services): %6s s (%s x), CPU %6s s (%s x), %6s MB\n", x, 100 * x, w,
        (one > 0 ? sprintf("%.1f", w / one) : "-"), c, (onec > 0 ? sprintf("%.1f", c / onec) : "-"), m }'
  done
  # Least squares: CPU = per_build + per_service * services.
  read -r per_build per_service < <(printf '%s' "$fit" | awk '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
    END { d = n * sxx - sx * sx; if (n < 2 || d == 0) { print "- -"; exit } b = (n * sxy - sx * sy) / d; printf "%.4f %.6f\n", (sy - b * sx) / n, b }')
  [[ $per_build != - ]] && echo "   CPU line: $per_build s per build + $(awk -v b="$per_service" 'BEGIN { printf "%.2f", b * 1000 }') s per 1,000 services"
  rm -rf "$sbase"
fi

per_build=${per_build:--}; per_service=${per_service:--}
if [[ $per_build != - ]]; then
  # The whole country from the scaling line: its services counted by the
  # generator (writing only one small folder).
  pdir=${shm:-$work}/projection
  rm -rf "$pdir"
  all_services=$("$KYOSEI_GEN" country "$pdir" --count 1741 --seed "$SEED" --part 1741/1741 2>/dev/null | awk -F= '$1 == "services_total" { print $2 }')
  rm -rf "$pdir"
  if [[ -n $all_services ]]; then
    echo
    awk -v a="$per_build" -v b="$per_service" -v s="$all_services" 'BEGIN {
      c = 1741 * a + b * s
      printf "projection: 1,741 municipalities, %d services: CPU %.0f s = %.0f s on 2 cores at best  %s (target 60 s)\n", s, c, c / 2, (c / 2 <= 60 ? "PASS" : "FAIL") }'
  fi
fi

if (( batch > 0 )); then
  echo
  where=disk; [[ -n $shm ]] && where=tmpfs
  echo "== 4. batch: $batch municipalities (kyosei_gen country), kyosei build-all on $where"
  bbase=${shm:-$work}/batch
  rm -rf "$bbase"; mkdir -p "$bbase"
  gen_start=$(date +%s.%N)
  "$KYOSEI_GEN" country "$bbase/in" --count "$batch" --seed "$SEED" --part 1/2 >"$work/country1.log" &
  "$KYOSEI_GEN" country "$bbase/in" --count "$batch" --seed "$SEED" --part 2/2 >"$work/country2.log"
  wait
  awk -v s="$gen_start" -v e="$(date +%s.%N)" -v t="$(awk -F= '$1 == "services_total" { print $2 }' "$work/country2.log")" \
    'BEGIN { printf "   generated in %.1f s (%s services in all)\n", e - s, t }'
  timed "$work/batch.log" "$work/batch.time" "$KYOSEI" build-all "$bbase/in" -o "$bbase/out" -q
  rc=$?
  bw=$(wall_of "$work/batch.time")
  built=$(find "$bbase/out" -mindepth 1 -maxdepth 1 -type d | wc -l | tr -d ' ')
  echo "   build-all: exit $rc, $built municipalities, $bw s, CPU $(cpu_of "$work/batch.time") s, peak $(rss_of "$work/batch.time") MB (largest single build)"
  if (( batch == 1741 )); then
    awk -v w="$bw" 'BEGIN { printf "batch  (all municipalities <= 60 s): %s s  %s\n", w, (w <= 60 ? "PASS" : "FAIL") }'
  else
    echo "batch  ($batch of 1,741 municipalities; the 60 s target is for all, see the projection): $bw s"
  fi
  rm -rf "$bbase"
fi
exit 0
