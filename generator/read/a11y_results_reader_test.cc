#include "read/a11y_results_reader.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("read_a11y_results: absent file is no results and no error") {
  MemoryFileSystem fs;
  Diagnostics d;
  CHECK_FALSE(read_a11y_results(fs, d).has_value());
  CHECK(d.items().empty());
}

TEST_CASE("read_a11y_results reads the test record") {
  MemoryFileSystem fs;
  fs.put(kA11yResultsFile,
         "tested_on = 2026-11-22\ntool = \"axe-core 4.14.1\"\nbrowser = \"Chromium 156\"\nlevel = \"AA\"\n"
         "tags = [\"wcag2a\", \"wcag2aa\"]\n\n[[pages]]\npath = \"index.html\"\nviolations = 0\n\n"
         "[[violations]]\npath = \"index.html\"\nrule = \"color-contrast\"\ncriteria = \"1.4.3\"\nnodes = 2\n");
  Diagnostics d;
  auto r = read_a11y_results(fs, d);
  REQUIRE(r.has_value());
  CHECK(d.items().empty());
  CHECK(r->tested_on == Date{2026, 11, 22});
  CHECK(r->tool == "axe-core 4.14.1");
  CHECK(r->tags == std::vector<std::string>{"wcag2a", "wcag2aa"});
  REQUIRE(r->pages.size() == 1);
  CHECK(r->pages[0].path == "index.html");
  REQUIRE(r->violations.size() == 1);
  CHECK(r->violations[0].nodes == 2);
  CHECK(r->violations[0].criteria == "1.4.3");
}

TEST_CASE("read_a11y_results reports each problem with its line") {
  MemoryFileSystem fs;
  fs.put(kA11yResultsFile, "tested_on = \"令和8年11月22日\"\ncolour = 1\n[[pages]]\nviolations = -1\n");
  Diagnostics d;
  CHECK_FALSE(read_a11y_results(fs, d).has_value());
  auto items = d.sorted();
  REQUIRE(items.size() == 3);
  CHECK(items[0].where.line == 2);  // warning: unknown key
  CHECK(items[0].severity == Severity::Warning);
  CHECK(items[1].where.column == "pages.path");
  CHECK(items[2].where.column == "pages.violations");
  CHECK(items[2].where.line == 4);

  fs.put(kA11yResultsFile, "tested_on = ");
  Diagnostics broken;
  CHECK_FALSE(read_a11y_results(fs, broken).has_value());
  CHECK(broken.error_count() == 1);
}

}  // namespace kyosei
