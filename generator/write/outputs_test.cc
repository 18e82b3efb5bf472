#include "write/common/outputs.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>

#include "read/inputs_reader.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

// Runs every output of `kyosei build` on one analysis, as the command
// does, and returns how many writers failed.
int run_every_writer(const Dataset& ds, const Dataset* previous, const FileSystem& inputs, const std::string& dir) {
  Diagnostics diags, problems;
  const Analysis analysis(ds, builtin_reference(), previous);
  BuildContext ctx{ds, previous, builtin_reference(), inputs, dir, diags, analysis, &problems};
  int failed = 0;
  for (const auto& w : output_writers())
    if (!w.write(ctx)) {
      ++failed;
      MESSAGE(w.name);
    }
  CHECK_FALSE(diags.has_errors());
  CHECK_FALSE(problems.has_errors());
  return failed;
}

}  // namespace

TEST_CASE("build: findings and coverage run once per build, whatever the writers show") {
  const std::string root = KYOSEI_SOURCE_DIR "/inputs";
  RealFileSystem inputs(root);
  Diagnostics diags;
  Dataset ds = read_inputs(inputs, diags);
  Dataset previous = read_inputs(inputs, diags);
  REQUIRE_FALSE(diags.has_errors());
  // The plans, the site (with its copy of the plans), the council workbook
  // and CSVs, the report and the self-assessment workbook all show findings
  // and the coverage matrix.
  for (const Dataset* prev : std::vector<const Dataset*>{nullptr, &previous}) {
    CAPTURE(prev != nullptr);
    const fs::path dir = fs::temp_directory_path() / ("kyosei_outputs_test_" + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    const long analyses = analysis_runs(), findings = findings_runs(), coverage = coverage_runs();
    CHECK(run_every_writer(ds, prev, inputs, dir.string()) == 0);
    CHECK(analysis_runs() - analyses == 1);
    CHECK(findings_runs() - findings == 1);
    CHECK(coverage_runs() - coverage == 1);
    // The outputs were written (the counters are not left untouched by a
    // build that wrote nothing).
    CHECK(fs::exists(dir / "site" / "index.html"));
    CHECK(fs::exists(dir / "plan" / "自己点検レポート.md"));
    CHECK(fs::exists(dir / "excel" / "審議会資料.xlsx"));
    fs::remove_all(dir, ec);
  }
}

}  // namespace kyosei
