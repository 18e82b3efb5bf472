#!/usr/bin/env bash
# Moves generator/write/ into one sub-folder per output family and rewrites
# every reference to the moved files, so that the layers of
# generator/layers.txt become real libraries (issue 9, item 5).
#
#   bash scripts/restructure/apply.sh [--dry-run] [--commit]
#
# Run it in a clean checkout (no uncommitted changes to tracked files), on
# the merged main, after every branch that adds files to write/ has landed.
#
# What it does:
# 1. `git mv` every file directly in generator/write/ to the family that the
#    first matching rule of write_families.txt names (a glob on the file
#    name: site_* -> write/site/, plan_* -> write/plan/ …; "." leaves it).
#    A file no rule matches stays in write/ with a warning: add a rule and
#    run the script again. It also applies other_moves.txt (analyse/fraction
#    -> base/, used by the funding reader).
# 2. Rewrites every mention of a moved file — `#include "write/site_page.h"`,
#    paths in comments, docs and CMake files — in the tracked text files
#    (not tests/golden/, not this folder), from the moves it just made.
#    Files of data/, templates/ and site/ are compiled into the binary and
#    some are copied into the outputs, which must stay byte-identical: a
#    mention there is only reported ("note: …"), not rewritten.
# 3. Runs tests/check_layers.py and prints what crosses a layer.
# The changes are staged (and committed with --commit). CMake needs no edit:
# each layer of generator/layers.txt globs its own folder, and the write_*
# layers appear as soon as their folders exist (re-run cmake).
#
# Idempotent: a second run finds nothing to move or rewrite and changes
# nothing. Then build and test:
#   cmake -S . -B build -G Ninja && cmake --build build && build/kyosei_tests
#   ctest --test-dir build -R 'layers|e2e_test_plan_drafts' --output-on-failure
set -euo pipefail
exec python3 "$(dirname "$0")/apply.py" "$@"
