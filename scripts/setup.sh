#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for kyosei, builds it, then either runs
# the main job on the embedded default dataset (`run`) or the whole test
# suite (`test`). Safe to run again: installs only what is missing.
#
#   bash scripts/setup.sh run    # install, build, kyosei build inputs -o out --pdf
#   bash scripts/setup.sh test   # install, build, ctest
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

# Packages the build needs (Debian 12 names), and those only the tests need.
build_pkgs=(cmake ninja-build clang libclang-rt-14-dev pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev libxlsxwriter-dev libpoppler-cpp-dev
  libtomlplusplus-dev libkainjow-mustache-dev libicu-dev doctest-dev
  libzip-dev libexpat1-dev zlib1g-dev libminizip-dev fonts-ipaexfont-gothic libqpdf-dev libgoogle-perftools-dev)
# libcairo2-dev: bench/kyosei_gen (cmake -DKYOSEI_BENCH_TOOLS=ON), built for tests.
test_pkgs=(libcairo2-dev python3 poppler-utils qpdf libreoffice-calc-nogui libreoffice-writer-nogui time chromium nodejs npm python3-openpyxl)

# chromium: the main job prints the plans and leaflets to PDF (build --pdf).
run_pkgs=(chromium)

want=("${build_pkgs[@]}")
[ "$mode" = run ] && want+=("${run_pkgs[@]}")
[ "$mode" = test ] && want+=("${test_pkgs[@]}")

# A package counts as present when Debian installed it, or, for the tools
# below, when the command is already on PATH (e.g. a Node.js from another
# source that bundles npm: asking apt for Debian's npm would conflict).
declare -A provides=([nodejs]=node [npm]=npm [python3]=python3 [chromium]=chromium)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && continue
  [ -n "${provides[$p]:-}" ] && command -v "${provides[$p]}" >/dev/null 2>&1 && continue
  missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== 不足しているパッケージを入れます: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== ビルドします（build/）"
bench_tools=OFF
[ "$mode" = test ] && bench_tools=ON  # kyosei_gen, for bench/ and sample PDFs
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DKYOSEI_BENCH_TOOLS=$bench_tools >/dev/null
cmake --build build

case "$mode" in
  run)
    echo "== 既定のデータ（inputs/）から作成します"
    ./build/kyosei build inputs -o out --pdf
    echo
    echo "結果: out/plan/（計画案の Markdown・HTML・Word・PDF）、out/excel/（Excel）、out/site/index.html（公開サイト。相談先の圏域別チラシの PDF は out/site/help/）"
    ;;
  test)
    echo "== ブラウザー試験の部品を入れます（tests/browser: playwright-core、axe-core）"
    npm ci --prefix tests/browser --no-audit --no-fund
    echo "== テストを実行します"
    ctest --test-dir build --output-on-failure -j2
    ;;
  *)
    echo "使い方: bash scripts/setup.sh run|test" >&2
    exit 2
    ;;
esac
