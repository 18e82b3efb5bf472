#include "write/site/site_privacy.h"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "base/text.h"

namespace kyosei {

namespace {

Dataset privacy_dataset() {
  Dataset ds;
  Staff a;
  a.name = "架空 太郎";
  a.line = 2;
  Staff b;
  b.name = "林";  // one character: not checked
  b.line = 3;
  Staff c;
  c.name = "John Smith";
  c.line = 4;
  ds.staff = {a, b, c};
  Meeting secret;
  secret.id = "M1";
  secret.confidential = true;
  Meeting open;
  open.id = "M2";
  ds.meetings = {secret, open};
  ds.sessions.push_back({"M1", {2026, 5, 1}, 5, {}, 1, "北部圏域の多問題世帯への支援方針", {}, 2});
  ds.sessions.push_back({"M1", {2026, 6, 1}, 5, {}, 1, "事例検討", {}, 3});             // short: generic
  ds.sessions.push_back({"M1", {2026, 7, 1}, 5, {}, 1, "令和8年度の活動計画について", {}, 4});  // also public
  ds.sessions.push_back({"M2", {2026, 7, 2}, 5, {}, 1, "令和8年度の活動計画について", {}, 5});
  return ds;
}

}  // namespace

TEST_CASE("privacy_fold normalises width, case and every space") {
  CHECK(privacy_fold("架空　太郎") == "架空太郎");
  CHECK(privacy_fold(" ＪＯＨＮ\tSmith\n") == "johnsmith");
  CHECK(privacy_fold("a\xe2\x80\x8b" "b") == "ab");
}

TEST_CASE("PrivacyGuard finds names and agendas in any spelling, and names the place") {
  Dataset ds = privacy_dataset();
  PrivacyGuard guard(ds);
  CHECK(guard.secret_count() == 3);  // 架空太郎, johnsmith, the long agenda

  guard.scan("index.html", "<p>林さんと事例検討をしました。令和8年度の活動計画について</p>");
  CHECK(guard.clean());
  guard.scan("assets/style.css", "/* 架空 */");
  guard.scan("assets/logo.png", "架空太郎");  // binary files are not read
  CHECK(guard.clean());

  guard.scan("services/S1.html", "<td>担当 架空<br>　太郎</td>");
  guard.scan("services/S2.html", "<img alt=\"JOHN SMITH\" src=\"x.png\">");
  guard.scan("assets/search-index.js", "[\"北部圏域の 多問題世帯への支援方針\"]");
  CHECK_FALSE(guard.clean());
  Diagnostics d;
  guard.report(d);
  REQUIRE(d.error_count() == 3);
  auto items = d.sorted();
  CHECK(items[0].where.file == "meeting_sessions.csv");
  CHECK(items[0].where.line == 2);
  CHECK(items[0].where.column == "議題");
  CHECK(items[0].message.find("assets/search-index.js") != std::string::npos);
  CHECK(items[1].where.file == "staff.csv");
  CHECK(items[1].where.line == 2);
  CHECK(items[1].message.find("「架空 太郎」") != std::string::npos);
  CHECK(items[1].message.find("services/S1.html") != std::string::npos);
  CHECK(items[2].where.line == 4);
}

TEST_CASE("PrivacyGuard lists at most five files per finding") {
  Dataset ds = privacy_dataset();
  PrivacyGuard guard(ds);
  for (int i = 0; i < 8; ++i) guard.scan("p" + std::to_string(i) + ".html", "架空太郎");
  Diagnostics d;
  guard.report(d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].message.find("ほか3ファイル") != std::string::npos);
}

}  // namespace kyosei

namespace kyosei {

TEST_CASE("privacy_fold removes invisible characters and folds case beyond ASCII") {
  CHECK(privacy_fold("架空\u200d太\u00ad郎") == privacy_fold("架空太郎"));
  CHECK(privacy_fold("架\u2060空\ufeff太\u200c郎\u200e") == "架空太郎");
  CHECK(privacy_fold("ÄBC") == privacy_fold("äbc"));
}

TEST_CASE("PrivacyGuard reads PDF parts and URLs; a PDF it cannot read stops the site") {
  Dataset ds = privacy_dataset();
  PrivacyGuard guard(ds);
  guard.scan("index.html", "<a href=\"https://example.jp/?q=%E6%9E%B6%E7%A9%BA%E5%A4%AA%E9%83%8E\">リンク</a>");
  CHECK_FALSE(guard.clean());
  PrivacyGuard json(ds);
  json.scan("assets/search-index.js", "[\"\\u67b6\\u7a7a\\u592a\\u90ce\"]");
  CHECK_FALSE(json.clean());
  PrivacyGuard broken(ds);
  broken.scan("documents/a.pdf", "%PDF-1.4 not really");
  CHECK_FALSE(broken.clean());
  Diagnostics d;
  broken.report(d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.items()[0].where.file == "documents/a.pdf");
}

TEST_CASE("privacy_fold: ASCII is lower-cased, white space and controls dropped, as for any character") {
  for (int c = 0; c < 0x80; ++c) {
    std::string in = "ア" + std::string(1, static_cast<char>(c)) + "イ";
    std::string kept = c > 0x20 && c != 0x7f ? std::string(1, static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c)) : "";
    CHECK(privacy_fold(in) == "ア" + kept + "イ");
  }
  CHECK(privacy_fold("Ａ\u3000ｂ\u00a0C\u200bd") == "abcd");  // full-width, ideographic and no-break space, ZWSP
}

namespace {

// privacy_fold as its header defines it, all by ICU: NFKC_Casefold, then
// white space, format and control characters and default-ignorables out.
std::string fold_by_icu_only(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString folded = nfkc_cf->normalize(icu::UnicodeString::fromUTF8(text), status);
  REQUIRE(U_SUCCESS(status));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (!(u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR || u_charType(c) == U_CONTROL_CHAR ||
          u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)))
      kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("privacy_fold: ASCII, plain Japanese and full-width ASCII, folded without ICU, may be cut where ICU may cut") {
  // The fast path copies these and cuts the text before any of them.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  REQUIRE(U_SUCCESS(status));
  // Full-width ASCII and the ideographic space become one ASCII character.
  for (UChar32 c = 0xFF01; c <= 0xFF5E; ++c) {
    INFO("U+" << std::hex << c);
    CHECK(nfkc_cf->hasBoundaryBefore(c));
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    std::string ascii(1, static_cast<char>(c - 0xFEE0));
    CHECK(fold_by_icu_only(utf8) == fold_by_icu_only(ascii));
    CHECK(privacy_fold(utf8) == fold_by_icu_only(ascii));
  }
  CHECK(nfkc_cf->hasBoundaryBefore(0x3000));
  CHECK(privacy_fold("\u3000") == "");
  int plain = 0;
  for (UChar32 c = 0; c <= 0xFFFF; ++c) {
    if (c >= 0x80 && !is_plain_nfkc(static_cast<char32_t>(c))) continue;
    INFO("U+" << std::hex << c);
    CHECK(nfkc_cf->hasBoundaryBefore(c));
    if (c < 0x80) {
      const std::string ascii(1, static_cast<char>(c));
      CHECK(privacy_fold(ascii) == fold_by_icu_only(ascii));
      continue;
    }
    ++plain;
    CHECK_FALSE(u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_NFKC_CASEFOLDED));
    CHECK_FALSE(u_isUWhiteSpace(c));
    CHECK(u_charType(c) != U_FORMAT_CHAR);
    CHECK_FALSE(u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT));
  }
  CHECK(plain > 20000);
}

TEST_CASE("privacy_fold gives what ICU alone gives, for mixes of plain and other characters") {
  // Characters that combine with the one before (sound marks, accents,
  // jamo), change under NFKC or case folding, or are dropped, between
  // ASCII and plain Japanese.
  const std::vector<std::string> alphabet = {
      "A", "a", "Z", " ", "\t", "\x7f", "1", "%", "架", "空", "か", "は", "カ", "ー", "・", "〜", "、",
      "\u3099", "\u309a", "\u309b", "\u0301", "\u0327", "ｶ", "ﾊ", "\uff9e", "\uff9f", "Ａ", "ｂ", "１",
      "\u3000", "\u00a0", "\u00ad", "\u200b", "\u200d", "\ufeff", "\u2060", "①", "㈱", "㍻", "ß", "İ", "Ǆ",
      "é", "e", "가", "\u1100", "\u1161", "\u11a8", "ﬁ", "😀", "\U0001D400", "\ufe0f", "\U000E0100",
      "\u2163", "ｱ", "\u0308", "Ω", "\u2126", "\uf900", "\u2f00", "（", "）", "：", "Ｆ", "ｚ", "０", "～",
      "\uff5f", "\uff00"};
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u, (seed >> 8); };
  for (int round = 0; round < 30000; ++round) {
    std::string text;
    const size_t length = next() % 10;
    for (size_t k = 0; k < length; ++k) text += alphabet[next() % alphabet.size()];
    INFO(text);
    CHECK(privacy_fold(text) == fold_by_icu_only(text));
  }
  CHECK(privacy_fold("カ\u3099ﾊﾟ A\u0301") == "ガパá");
  CHECK(privacy_fold("（Ａ\u0301）") == "(á)");
  CHECK(privacy_fold("\u3099か") == fold_by_icu_only("\u3099か"));  // a sound mark first
}

TEST_CASE("privacy_fold: text that is not UTF-8 is folded through U+FFFD; the rest as UTF-8, outside the BMP too") {
  // Ill-formed bytes become U+FFFD (kept), as when read into UTF-16.
  CHECK(privacy_fold("\xff架空 太郎") == "\ufffd架空太郎");
  CHECK(privacy_fold("架空\xe6\x9e") == "架空\ufffd");
  // Outside the BMP: kept, or dropped when default-ignorable (tag characters).
  CHECK(privacy_fold("\U00020BB7田") == "\U00020BB7田");
  CHECK(privacy_fold("架\U000E0041空") == "架空");
  // Half-width katakana and compatibility characters are composed by NFKC.
  CHECK(privacy_fold("ｶﾞｸｳ ㍻ Ⅻ") == "ガクウ平成xii");
  // Many characters in a row: the per-thread table gives the same answer the second time.
  CHECK(privacy_fold("架空\u3000太郎\u3000架空\u3000太郎") == "架空太郎架空太郎");
}

TEST_CASE("PrivacyGuard finds a name at the very start and the very end of a text, and in text of 4-byte characters") {
  PrivacyGuard guard(privacy_dataset());
  CHECK_FALSE(guard.find("a.txt", "架空太郎は").clean());
  CHECK_FALSE(guard.find("b.txt", "\U00020BB7\U00020BB7架空太郎").clean());
  CHECK_FALSE(guard.find("c.txt", "架空太郎").clean());
  CHECK(guard.find("d.txt", "架空太").clean());
  CHECK(guard.find("e.txt", "\U00020BB7架空").clean());
}

}  // namespace kyosei
