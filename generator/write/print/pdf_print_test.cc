#include "write/print/pdf_print.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("file_url percent-encodes what a URL path may not hold, keeps the rest") {
  CHECK(file_url("/tmp/out/plan/a-b_c.d~.html") == "file:///tmp/out/plan/a-b_c.d~.html");
  CHECK(file_url("/tmp/計画 #1?.html") == "file:///tmp/%E8%A8%88%E7%94%BB%20%231%3F.html");
  CHECK(file_url("/a%b") == "file:///a%25b");
}

}  // namespace kyosei
