# Test registration. Unit tests are one doctest binary; end-to-end tests run
# the built `kyosei` on real datasets and read what it wrote.
add_test(NAME unit COMMAND kyosei_tests)

# libFuzzer targets (clang only): the CSV reader and the date/money parsers,
# run for a short bounded time from a small seed corpus.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(KYOSEI_FUZZ_SUPPORT
    generator/base/text.cc generator/base/dates.cc generator/base/numbers.cc
    generator/read/csv.cc generator/read/encoding.cc)
  foreach(target csv dates)
    if(target STREQUAL "csv")
      set(src generator/read/csv_fuzz.cc)
    else()
      set(src generator/base/dates_fuzz.cc)
    endif()
    add_executable(${target}_fuzz ${src} ${KYOSEI_FUZZ_SUPPORT})
    target_include_directories(${target}_fuzz PRIVATE ${CMAKE_SOURCE_DIR}/generator)
    target_compile_options(${target}_fuzz PRIVATE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
    target_link_options(${target}_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${target}_fuzz PRIVATE PkgConfig::ICU)
    # Copy the seeds so the fuzzer's finds never dirty the source tree.
    add_test(NAME fuzz_${target}
      COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
              sh -c "rm -rf corpus_${target} && cp -r ${CMAKE_SOURCE_DIR}/tests/fuzz/${target} corpus_${target} && $<TARGET_FILE:${target}_fuzz> -runs=300000 -max_total_time=60 -timeout=5 -rss_limit_mb=1024 -seed=1 -print_final_stats=0 corpus_${target}"
      WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
  endforeach()
else()
  message(STATUS "Fuzz targets need clang; skipped with ${CMAKE_CXX_COMPILER_ID}")
endif()

# End-to-end tests (Python stdlib): run the built binary on real datasets.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(t test_build_outputs test_docs)
  add_test(NAME e2e_${t} COMMAND ${Python3_EXECUTABLE} -m unittest -v ${t}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
  set_tests_properties(e2e_${t} PROPERTIES
    ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endforeach()

# Bad-input corpus (tests/bad/) and the command line, also Python stdlib.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(t test_bad_inputs test_cli)
  add_test(NAME e2e_${t} COMMAND ${Python3_EXECUTABLE} -m unittest -v ${t}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
  set_tests_properties(e2e_${t} PROPERTIES
    ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
    TIMEOUT 300)
endforeach()

# Public site (issue 5): links, privacy guard, sitemap, search index, PDFs
# (Python stdlib), and the browser checks in Debian's chromium: axe-core on
# every page, XSS dataset tests/xss/, Japanese search from file://,
# screenshots under tests/artifacts/ (needs `npm ci --prefix tests/browser`).
add_test(NAME e2e_test_site COMMAND ${Python3_EXECUTABLE} -m unittest -v test_site
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_site PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)
add_test(NAME browser_site COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/browser/run_browser_tests.py)
set_tests_properties(browser_site PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 1500)

# Plan drafts (issue 3): golden files under tests/golden/ (regenerate with
# tests/update_golden.sh), required chapters and 号, privacy, chapter mode,
# --previous, and LibreOffice HTML→PDF (skipped without soffice).
add_test(NAME e2e_test_plan_drafts COMMAND ${Python3_EXECUTABLE} -m unittest -v test_plan_drafts
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_plan_drafts PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 900)

# Excel input template and import (issue 6 part 4): inputs/ and every example
# round-trip through template → import → check; drop-downs, input messages,
# errors at sheet!cell, formula-looking text; LibreOffice opens and re-saves
# the template (skipped without soffice).
add_test(NAME e2e_test_template_roundtrip COMMAND ${Python3_EXECUTABLE} -m unittest -v test_template_roundtrip
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_template_roundtrip PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)

# Self-assessment outputs (issue 4, output half): report sections and counts,
# FND-06a with its row, SVG charts and data tables, the site page without
# per-person rows, 自己点検シート.xlsx (0–3 drop-down, findings column), and
# import-assessment (round trip, an edited answer, an invalid value at its cell).
add_test(NAME e2e_test_assessment COMMAND ${Python3_EXECUTABLE} -m unittest -v test_assessment
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_assessment PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)

# Council workbook and CSV export (issue 6 parts 1, 2, 3, 5): 審議会資料.xlsx
# sheets and print settings, formulas with cached values, 和暦 dates, text
# that looks like a formula, --audience, CSV BOM/CRLF, --encoding cp932 and
# its errors, and (with LibreOffice) the printed PDF.
add_test(NAME e2e_test_council_workbook COMMAND ${Python3_EXECUTABLE} -m unittest -v test_council_workbook
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_council_workbook PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)

# kyosei build-all and --jobs (issue 13): batch of municipality folders,
# one bad folder, shards, and --jobs 1 against --jobs 2 byte for byte.
add_test(NAME e2e_test_batch COMMAND ${Python3_EXECUTABLE} -m unittest -v test_batch
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_batch PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 900)
