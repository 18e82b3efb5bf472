#include "base/diagnostics.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("format_diagnostic keeps one diagnostic on one line") {
  Diagnostic d{Severity::Error, {"services.csv", 3, "事業名"}, "「見守り\n=1\r\t\x1b」は長すぎます", "改行\u2028なし"};
  std::string s = format_diagnostic(d);
  CHECK(s == "services.csv:3:事業名: エラー: 「見守り\\n=1\\r\\t\\x1B」は長すぎます。期待される値: 改行\\u2028なし");
  CHECK(s.find('\n') == std::string::npos);
  Diagnostic file{Severity::Warning, {"documents/a\nb.pdf", 0, ""}, "x", ""};
  CHECK(format_diagnostic(file) == "documents/a\\nb.pdf: 警告: x");
}

}  // namespace kyosei
