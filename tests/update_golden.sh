#!/usr/bin/env bash
# Regenerates the golden files of the plan drafts (tests/golden/<dataset>/plan/)
# from the current build, for inputs/ and every example. Read the drafts
# before committing them: `git diff tests/golden` shows what changed.
#
#   tests/update_golden.sh                       # uses build/kyosei
#   KYOSEI_BIN=build-x/kyosei tests/update_golden.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${KYOSEI_BIN:-build/kyosei}"
if [ ! -x "$bin" ]; then
  echo "kyosei が見つかりません（$bin）。先にビルドするか、KYOSEI_BIN でパスを指定してください。" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
(cd tests/e2e && KYOSEI_BIN="$bin" KYOSEI_SOURCE_DIR="$PWD/../.." KYOSEI_UPDATE_GOLDEN=1 PYTHONDONTWRITEBYTECODE=1 \
  python3 -m unittest -v test_plan_drafts.GoldenFiles)
echo "tests/golden/ を更新しました。git diff --stat -- tests/golden で変更を確認してください。"
