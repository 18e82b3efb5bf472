#include "base/file_names.h"

#include <doctest/doctest.h>

#include <string>

namespace kyosei {

TEST_CASE("fit_file_name shortens only what NAME_MAX refuses, deterministically") {
  CHECK(fit_file_name("S001.html") == "S001.html");
  std::string jp;
  for (int i = 0; i < 83; ++i) jp += "資";
  std::string page = jp + ".pdf.html";  // 258 bytes
  std::string fitted = fit_file_name(page);
  CHECK(fitted.size() <= kMaxNameBytes);
  CHECK(fitted.size() >= kMaxNameBytes - 3);
  CHECK(fitted.substr(fitted.size() - 5) == ".html");
  CHECK(fitted == fit_file_name(page));
  CHECK(fitted != fit_file_name(jp + "x.pdf.html"));
  CHECK(fitted.compare(0, 3, "資") == 0);
  CHECK(fit_path("documents/" + page) == "documents/" + fitted);
  CHECK(fit_path(std::string(300, 'a')).size() == kMaxNameBytes);
}

}  // namespace kyosei
