#include "analyse/similarity.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("similarity: jaccard") {
  CHECK(jaccard({"a", "b", "c"}, {"a", "b", "c", "d", "e"}) == doctest::Approx(0.6));
  CHECK(jaccard({}, {}) == 0);
  CHECK(jaccard({"a"}, {}) == 0);
  CHECK(jaccard({"a", "b"}, {"b", "a"}) == 1);
}

TEST_CASE("similarity: character bigrams fold width and drop punctuation") {
  CHECK(char_bigrams("地域課題") == std::set<std::string>{"地域", "域課", "課題"});
  CHECK(char_bigrams("地域、課題。") == char_bigrams("地域課題"));
  CHECK(char_bigrams("ＯＪＴ") == std::set<std::string>{"OJ", "JT"});
  CHECK(char_bigrams("会") == std::set<std::string>{"会"});
  CHECK(char_bigrams("").empty());
  CHECK(char_bigrams("「 」").empty());
}

}  // namespace kyosei
