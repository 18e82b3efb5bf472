#include "read/source_citation.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("cite_source names the document, never the extract file or its lines") {
  std::string c = cite_source("004_1bf5b02d4a714db9.txt L672・L688（国・都道府県の残り）");
  CHECK(c == "厚生労働省社会・援護局地域福祉課地域共生社会推進室「地域共生社会の実現に向けた重層的支援体制整備事業の実施について」"
             "（国・都道府県の残り）");
  CHECK(cite_source("003_b0a7500923320b3e.txt L545").find("（令和6年3月）") != std::string::npos);
  CHECK(cite_source("004_1bf5b02d4a714db9.txt L670").find(".txt") == std::string::npos);
  // A municipality's own source stays as written.
  CHECK(cite_source("交付要綱 別表（令和8年4月）") == "交付要綱 別表（令和8年4月）");
}

}  // namespace kyosei
