#include "write/site/site_search.h"

#include <doctest/doctest.h>

namespace kyosei {

TEST_CASE("search_terms: bigrams for kanji and kana, words for the rest") {
  using V = std::vector<std::string>;
  CHECK(search_terms("子ども食堂") == V{"子ド", "ドモ", "モ食", "食堂"});  // hiragana folded to katakana
  CHECK(search_terms("アウトリーチ") == V{"アウ", "ウト", "トリ", "リー", "ーチ"});
  CHECK(search_terms("ひきこもり") == search_terms("ヒキコモリ"));
  CHECK(search_terms("ｱｳﾄﾘｰﾁ") == search_terms("アウトリーチ"));  // NFKC
  CHECK(search_terms("ＮＰＯ法人と8050問題") == V{"npo", "法人", "人ト", "8050", "問題"});
  CHECK(search_terms("第1回、市") == V{"第", "1", "回", "市"});
  CHECK(search_terms("  「」・。 ") == V{});
  CHECK(search_terms("Café 2026") == V{"café", "2026"});
}

TEST_CASE("search_fold reads variants and readings as one spelling (data/search/)") {
  CHECK(search_fold_utf8("子供") == search_fold_utf8("子ども"));
  CHECK(search_fold_utf8("こども食堂") == search_fold_utf8("子ども食堂"));
  CHECK(search_fold_utf8("障がい者") == search_fold_utf8("障害者"));
  CHECK(search_fold_utf8("しょうがい") == search_fold_utf8("障害"));
  CHECK(search_fold_utf8("引きこもり") == search_fold_utf8("ひきこもり"));
  CHECK(search_fold_utf8("こそだて") == search_fold_utf8("子育て"));
  CHECK(search_fold_utf8("そうだん") == search_fold_utf8("相談"));
  CHECK(search_fold_utf8("かいごよぼう") == search_fold_utf8("介護予防"));  // longest first, not 介護+よぼう
  CHECK(search_fold_utf8("DV") == search_fold_utf8("配偶者暴力"));
  CHECK(search_fold_utf8("ＤＶ相談") == search_fold_utf8("配偶者からの暴力相談"));
  CHECK(search_fold_utf8("dv") == search_fold_utf8("DV"));
  CHECK(search_fold_utf8("自死") == search_fold_utf8("自殺"));
  CHECK(search_fold_utf8("しゃっきん") == search_fold_utf8("借金"));
  CHECK(search_fold_utf8("相談") == "相談");                              // the first spelling stays
  CHECK(search_fold_utf8("中心と安心") == "中心ト安心");                  // no one-kanji rewrites
  CHECK(search_terms("子供の相談") == search_terms("子どもの相談"));
  CHECK(search_terms("ＳＯＳ") == std::vector<std::string>{"sos"});
}

TEST_CASE("postings round-trip through the compact encoding") {
  std::vector<uint32_t> ids = {0, 1, 2, 31, 32, 33, 1000, 1001, 40000, 1u << 30};
  std::string encoded = encode_postings(ids);
  CHECK(decode_postings(encoded) == ids);
  CHECK(encode_postings({0, 1, 2}) == "111");  // gaps of 1: one character each
  CHECK(encode_postings({30}) == "V");        // gap 31: the last one-character value
  CHECK(encode_postings({31}) == "X0");       // gap 32 = 1*32 + 0: a "more follows" digit, then the last
  CHECK(decode_postings("") .empty());
}

TEST_CASE("SearchIndexBuilder writes one script assigning the index") {
  SearchIndexBuilder b;
  b.add("services/S01.html", "福祉まるごと相談", "事業一覧", "", "分野を問わず\n相談を受けます。");
  b.add("services/S02.html", "子ども食堂の支援", "事業一覧", "地域の子ども食堂を支えます。", "本文 </script>");
  std::string js = b.javascript();
  CHECK(js.find("window.KYOSEI_SEARCH_INDEX={\"v\":2,\"variants\":[") != std::string::npos);
  CHECK(js.find("[\"コドモ\",\"子ドモ\"]") != std::string::npos);  // the rewrites search.js applies
  // No description: the excerpt would repeat the text, so it is left empty.
  CHECK(js.find("[\"services/S01.html\",\"福祉まるごと相談\",\"事業一覧\",\"\",\"分野を問わず 相談を受けます。\"]") !=
        std::string::npos);
  CHECK(js.find("\"地域の子ども食堂を支えます。\"") != std::string::npos);
  CHECK(js.find("\"相談\":\"1\"") != std::string::npos);  // page 0 only
  CHECK(js.find("\"食堂\":\"2\"") != std::string::npos);  // page 1 only
  CHECK(js.find("</script>") == std::string::npos);
  CHECK(js.back() == '\n');
  CHECK(b.page_count() == 2);
}

TEST_CASE("search_excerpt collapses white space and cuts with an ellipsis") {
  CHECK(search_excerpt("  あい\n\nうえ  お ", 10) == "あい うえ お");
  CHECK(search_excerpt("あいうえおかきくけこ", 5) == "あいうえお…");
  CHECK(search_excerpt("", 5).empty());
  CHECK(search_excerpt("あいう えおか", 4) == "あいう…");  // the space would be the 4th character
  CHECK(search_excerpt("あいうえ おかきくけこ", 5) == "あいうえ…");
}

}  // namespace kyosei
