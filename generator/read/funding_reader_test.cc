#include "read/funding_reader.h"

#include <doctest/doctest.h>

#include "base/resources.h"
#include "read/inputs_reader.h"

namespace kyosei {

namespace {

// Every diagnostic as printed ("file:line:column: エラー: …"), one per line.
std::string printed(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.sorted()) out += format_diagnostic(d) + "\n";
  return out;
}

// The real inputs folder with extra files on top, for read_inputs.
class OverlayFileSystem : public FileSystem {
 public:
  explicit OverlayFileSystem(std::string root) : real_(std::move(root)) {}
  void put(const std::string& path, std::string bytes) { extra_.put(path, std::move(bytes)); }
  std::optional<std::string> read(const std::string& path) const override {
    return extra_.exists(path) ? extra_.read(path) : real_.read(path);
  }
  bool exists(const std::string& path) const override { return extra_.exists(path) || real_.exists(path); }
  bool is_directory(const std::string& path) const override { return real_.is_directory(path); }
  std::vector<std::string> list(const std::string& dir) const override { return real_.list(dir); }
  std::string native_path(const std::string& path) const override { return real_.native_path(path); }

 private:
  RealFileSystem real_;
  MemoryFileSystem extra_;
};

}  // namespace

TEST_CASE("funding_reader: no file, no override") {
  MemoryFileSystem fs;
  Diagnostics diags;
  CHECK_FALSE(read_funding_override(fs, diags).has_value());
  CHECK(diags.items().empty());
}

TEST_CASE("funding_reader: a copy of data/jusou_funding.csv reads as the built-in table") {
  MemoryFileSystem fs;
  fs.put("funding_ratios.csv", std::string(*resource("data/jusou_funding.csv")));
  Diagnostics diags;
  auto rows = read_funding_override(fs, diags);
  CHECK(printed(diags) == "");
  REQUIRE(rows.has_value());
  const auto& builtin = builtin_reference().funding;
  REQUIRE(rows->size() == builtin.size());
  for (size_t i = 0; i < builtin.size(); ++i) {
    CAPTURE(i);
    CHECK((*rows)[i].component_key == builtin[i].component_key);
    CHECK((*rows)[i].payer == builtin[i].payer);
    CHECK((*rows)[i].ratio_text == builtin[i].ratio_text);
    CHECK((*rows)[i].num == builtin[i].num);
    CHECK((*rows)[i].den == builtin[i].den);
    CHECK((*rows)[i].is_cap == builtin[i].is_cap);
    CHECK((*rows)[i].fy_from == builtin[i].fy_from);
    CHECK((*rows)[i].fy_to == builtin[i].fy_to);
    CHECK((*rows)[i].legal_basis == builtin[i].legal_basis);
    CHECK((*rows)[i].status == builtin[i].status);
  }
  // The source names this file's line and the document cited.
  CHECK((*rows)[0].source == "funding_ratios.csv 2行目（004_1bf5b02d4a714db9.txt L670）");
}

TEST_CASE("funding_reader: years in any accepted form, free column order, full-width digits") {
  MemoryFileSystem fs;
  fs.put("funding_ratios.csv",
         "payer,component_key,num,den,is_cap,fy_from,fy_to\n"
         "国,2,３,4,N,R4,令和4年度\n"
         "国,2,1,2,N,2023,\n"
         "都道府県,2,0,1,N,,R4\n"
         "都道府県,2,1,4,N,令和5,\n");
  Diagnostics diags;
  auto rows = read_funding_override(fs, diags);
  CHECK(printed(diags) == "");
  REQUIRE(rows->size() == 4);
  CHECK((*rows)[0].num == 3);
  CHECK((*rows)[0].fy_from == 2022);
  CHECK((*rows)[0].fy_to == 2022);
  CHECK((*rows)[0].ratio_text == "3/4");  // empty ratio_text: the exact fraction
  CHECK((*rows)[1].fy_from == 2023);
  CHECK((*rows)[1].fy_to == 0);
  CHECK((*rows)[2].fy_from == 0);
  CHECK((*rows)[3].fy_from == 2023);
  CHECK((*rows)[0].source == "funding_ratios.csv 2行目");
}

TEST_CASE("funding_reader: every bad row is reported with file, line and column") {
  MemoryFileSystem fs;
  fs.put("funding_ratios.csv",
         "component_key,payer,num,den,is_cap,fy_from,fy_to\n"
         "9ヌ,国,1,2,N,,\n"          // 2 unknown component
         "1イ,市,1,2,N,,\n"          // 3 unknown payer
         "1イ,国,1,0,N,,\n"          // 4 den 0
         "1イ,国,5,4,N,,\n"          // 5 num > den
         "1イ,国,1,4,X,,\n"          // 6 is_cap
         "1イ,国,1,4,N,R5x,\n"       // 7 year
         "1イ,国,1,4,N,R6,R5\n"      // 8 fy_from > fy_to
         "6,国・都道府県,1,2,N,,\n"  // 9 a joint share
         "5,国,3,4,N,,\n"            // 10
         "5,都道府県,1,2,N,,\n"      // 11 5: 3/4 + 1/2 > 1
         "1ロ,国,,2,N,,\n");         // 12 required num empty
  Diagnostics diags;
  auto rows = read_funding_override(fs, diags);
  std::string out = printed(diags);
  CAPTURE(out);
  CHECK(out.find("funding_ratios.csv:2:component_key: エラー: 「9ヌ」は使えない値です。期待される値: 「1イ」、「1ロ」、") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:3:payer: エラー: 「市」は使えない値です。期待される値: 「国」、「都道府県」、「国・都道府県」 のいずれか") !=
        std::string::npos);
  CHECK(out.find("funding_ratios.csv:4:den: エラー: 「0」は範囲外です。期待される値: 1〜1e+06 の範囲の整数") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:5:num: エラー: 分子 5 が分母 4 より大きく、割合が 1（100%）を超えています") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:6:is_cap: エラー: 「X」は使えない値です。期待される値: 「Y」、「N」 のいずれか") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:7:fy_from: エラー: 「R5x」は年度として読めません") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:8:fy_to: エラー: 適用の終わり 令和5年度 が始まり 令和6年度 より前です") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:9:num: エラー: 負担者「国・都道府県」の行に割合（1/2）があります") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:11:num: エラー: 重層区分「5」の全年度の割合の合計（国と都道府県）が 125% で、100% を超えています") !=
        std::string::npos);
  CHECK(out.find("funding_ratios.csv:12:num: エラー: 必須の値が空です") != std::string::npos);
  CHECK(diags.error_count() == 10);
  // Only the rows that passed are returned (10 and 11 each pass alone).
  REQUIRE(rows.has_value());
  CHECK(rows->size() == 2);
}

TEST_CASE("funding_reader: overlapping rows of one payer add up in the sum check") {
  MemoryFileSystem fs;
  // 3イ as in the built-in table: 20/100 + 5/100 + 12.5/100 is fine ...
  fs.put("funding_ratios.csv",
         "component_key,payer,num,den,is_cap,fy_from,fy_to\n"
         "3イ,国,20,100,N,,\n"
         "3イ,国,5,100,N,,\n"
         "3イ,都道府県,125,1000,N,,\n"
         // ... but a R9 row on top makes R9 onward exceed 1 (0.375 + 0.7).
         "3イ,都道府県,70,100,N,R9,\n");
  Diagnostics diags;
  read_funding_override(fs, diags);
  CHECK(printed(diags) ==
        "funding_ratios.csv:5:num: エラー: 重層区分「3イ」の令和9年度の割合の合計（国と都道府県）が 107.5% で、100% を超えています。"
        "期待される値: 同じ年度に当てはまる行の割合の合計が 1 以下（fy_from・fy_to で年度を分ける）\n");
}

TEST_CASE("funding_reader: missing columns and an empty file are errors") {
  MemoryFileSystem fs;
  fs.put("funding_ratios.csv", "component_key,payer,num,den\n");
  Diagnostics diags;
  auto rows = read_funding_override(fs, diags);
  std::string out = printed(diags);
  CHECK(out.find("funding_ratios.csv:1:is_cap: エラー: 必須の列「is_cap」がありません") != std::string::npos);
  CHECK(out.find("funding_ratios.csv:1: エラー: 割合の行がありません") != std::string::npos);
  REQUIRE(rows.has_value());  // present, even if empty: the built-in table is not silently used
  CHECK(rows->empty());
}

TEST_CASE("funding_reader: read_inputs sets Dataset::funding_override only when the file is there") {
  ReadOptions quick;
  quick.read_documents = false;
  {
    OverlayFileSystem fs(KYOSEI_SOURCE_DIR "/inputs");
    Diagnostics diags;
    Dataset ds = read_inputs(fs, diags, quick);
    CHECK_FALSE(ds.funding_override.has_value());
  }
  {
    OverlayFileSystem fs(KYOSEI_SOURCE_DIR "/inputs");
    fs.put("funding_ratios.csv", "component_key,payer,num,den,is_cap\n1イ,国,40,100,N\n1イ,都道府県,20,100,N\n");
    Diagnostics diags;
    Dataset ds = read_inputs(fs, diags, quick);
    CHECK(printed(diags).find("funding_ratios.csv") == std::string::npos);
    REQUIRE(ds.funding_override.has_value());
    CHECK(ds.funding_override->size() == 2);
    CHECK((*ds.funding_override)[0].num == 40);
  }
  {
    OverlayFileSystem fs(KYOSEI_SOURCE_DIR "/inputs");
    fs.put("funding_ratios.csv", "component_key,payer,num,den,is_cap\n1イ,国,40,0,N\n");
    Diagnostics diags;
    read_inputs(fs, diags, quick);
    CHECK(printed(diags).find("funding_ratios.csv:2:den: エラー:") != std::string::npos);
  }
}

}  // namespace kyosei
