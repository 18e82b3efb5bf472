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
foreach(t test_bad_inputs test_cli test_population test_pdf_print)
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

# Layers (issue 9): no include crosses generator/layers.txt (every file,
# tests included), the checker finds a wrong include (self-test), and the
# compiler, given a layer's include folder, finds a lower layer's header
# but not a higher one's.
add_test(NAME layers COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_layers.py ${CMAKE_SOURCE_DIR})
add_test(NAME layers_selftest COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/check_layers.py --self-test)
foreach(t down up)
  if(t STREQUAL "down")
    set(src read_uses_model.cc)
  else()
    set(src read_uses_analyse.cc)
  endif()
  add_test(NAME layers_compile_${t}
           COMMAND ${CMAKE_CXX_COMPILER} -std=c++20 -fsyntax-only -I${KYOSEI_LAYER_read_INCLUDE}
                   ${CMAKE_SOURCE_DIR}/tests/layers/${src})
endforeach()
set_tests_properties(layers_compile_up PROPERTIES PASS_REGULAR_EXPRESSION "coverage\\.h.*(file not found|No such file)")

# Print: every workbook of every dataset printed A4 by LibreOffice (no text
# under 8 pt, page header and n / N on every page), the Word drafts opened
# by LibreOffice, and no internal text (file names, rule codes, unverified
# wording, placeholders) in any output.
foreach(t test_print test_docx test_no_internal_text)
  add_test(NAME e2e_${t} COMMAND ${Python3_EXECUTABLE} -m unittest -v ${t}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
  set_tests_properties(e2e_${t} PROPERTIES
    ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
    TIMEOUT 1500)
endforeach()

# Japanese typography of the site in chromium (numbers and words never broken,
# tel: links, phone header); needs `npm ci --prefix tests/browser`.
add_test(NAME browser_typography COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/browser/run_typography_tests.py)
set_tests_properties(browser_typography PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
  TIMEOUT 1200 SKIP_RETURN_CODE 2)

# kyosei build-all and --jobs (issue 13): batch of municipality folders,
# one bad folder, shards, and --jobs 1 against --jobs 2 byte for byte.
add_test(NAME e2e_test_batch COMMAND ${Python3_EXECUTABLE} -m unittest -v test_batch
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_batch PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 900)

# One figure, one value (issue 9): the same staff, meeting, organisation and
# funding figures in the plans, the council workbook, the CSVs and the site.
add_test(NAME e2e_test_figures COMMAND ${Python3_EXECUTABLE} -m unittest -v test_figures
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_figures PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)

# --- Issue 12: fuzz targets over the whole program, and an ASan/UBSan run of
# the unit and bad-input tests. Both need every source instrumented, so the
# suite configures a second build, build/sanitize (-DKYOSEI_SANITIZE=ON, -O1,
# no debug info, only the targets needed), and runs there: the unit tests,
# every third bad-input case (KYOSEI_BAD_STRIDE, to stay inside CI's time)
# and each fuzz target for a fixed number of runs from tests/fuzz/<name>/.
set(KYOSEI_WHOLE_FUZZERS municipality inputs workbook_import pdf markdown)
if(KYOSEI_SANITIZE)
  foreach(name ${KYOSEI_WHOLE_FUZZERS})
    file(GLOB_RECURSE src ${CMAKE_SOURCE_DIR}/generator/${name}_fuzz.cc)
    add_executable(${name}_whole_fuzz EXCLUDE_FROM_ALL ${src})
    target_link_libraries(${name}_whole_fuzz PRIVATE kyosei_core)
    target_link_options(${name}_whole_fuzz PRIVATE -fsanitize=fuzzer)
  endforeach()
elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(san ${CMAKE_BINARY_DIR}/sanitize)
  set(san_targets kyosei kyosei_tests)
  foreach(name ${KYOSEI_WHOLE_FUZZERS})
    list(APPEND san_targets ${name}_whole_fuzz)
  endforeach()
  # Spaces, not CMake's ";", between the targets: the command runs in sh.
  string(REPLACE ";" " " san_targets_sh "${san_targets}")
  add_test(NAME sanitize_build
    COMMAND sh -c "${CMAKE_COMMAND} -S ${CMAKE_SOURCE_DIR} -B ${san} -G Ninja -DKYOSEI_SANITIZE=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 -DCMAKE_C_FLAGS_RELEASE=-O1 -DCMAKE_C_COMPILER=${CMAKE_C_COMPILER} -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER} >/dev/null && ${CMAKE_COMMAND} --build ${san} --target ${san_targets_sh}")
  set_tests_properties(sanitize_build PROPERTIES FIXTURES_SETUP sanitized TIMEOUT 3600)
  set(san_env "ASAN_OPTIONS=detect_leaks=0:abort_on_error=0;UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  add_test(NAME sanitize_unit COMMAND ${san}/kyosei_tests)
  set_tests_properties(sanitize_unit PROPERTIES FIXTURES_REQUIRED sanitized ENVIRONMENT "${san_env}")
  add_test(NAME sanitize_bad_inputs COMMAND ${Python3_EXECUTABLE} -m unittest -v test_bad_inputs
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
  set_tests_properties(sanitize_bad_inputs PROPERTIES FIXTURES_REQUIRED sanitized TIMEOUT 900
    ENVIRONMENT "${san_env};KYOSEI_BIN=${san}/kyosei;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};KYOSEI_BAD_STRIDE=3;PYTHONDONTWRITEBYTECODE=1")
  foreach(name ${KYOSEI_WHOLE_FUZZERS})
    add_test(NAME fuzz_${name}
      COMMAND sh -c "rm -rf corpus_${name} && mkdir corpus_${name} && cp -r ${CMAKE_SOURCE_DIR}/tests/fuzz/${name}/. corpus_${name}/ && ${san}/${name}_whole_fuzz -runs=3000 -timeout=20 -rss_limit_mb=2048 -seed=1 -print_final_stats=0 corpus_${name}"
      WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
    set_tests_properties(fuzz_${name} PROPERTIES FIXTURES_REQUIRED sanitized TIMEOUT 600 ENVIRONMENT "${san_env}")
  endforeach()
endif()

# Hardening end-to-end tests (output folder, PDFs, CSV injection, long names).
add_test(NAME e2e_test_hardening COMMAND ${Python3_EXECUTABLE} -m unittest -v test_hardening
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_hardening PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)

# Prefecture roll-up (issue 14): kyosei prefecture on examples/prefecture and on
# a small prefecture written by the test (the 都道府県 share of the 交付金 by
# hand, the component matrix, 未提出/不備 marked, exit 2), the privacy scan
# of the prefecture site, --previous, the workbook in openpyxl (skipped
# without python3-openpyxl) and printed by LibreOffice (smallest font ≥ 8 pt).
add_test(NAME e2e_test_prefecture COMMAND ${Python3_EXECUTABLE} -m unittest -v test_prefecture
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_prefecture PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 900)

# Resident-facing site (issue 15): contact columns of services.csv through
# init, template and import; 困ったときの相談先 by situation and per 圏域
# leaflet with tel: links; service and top pages; search index variants.
add_test(NAME e2e_test_site_help COMMAND ${Python3_EXECUTABLE} -m unittest -v test_site_help
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}/tests/e2e)
set_tests_properties(e2e_test_site_help PROPERTIES
  ENVIRONMENT "KYOSEI_BIN=$<TARGET_FILE:kyosei>;KYOSEI_SOURCE_DIR=${CMAKE_SOURCE_DIR};PYTHONDONTWRITEBYTECODE=1"
  TIMEOUT 600)
