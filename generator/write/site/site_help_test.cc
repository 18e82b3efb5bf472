#include "write/site/site_help.h"

#include <doctest/doctest.h>

#include "analyse/analysis.h"

#include <filesystem>
#include <unistd.h>

#include "write/markdown/html_typeset.h"
#include "write/markdown/markdown_html.h"
#include "write/site/site_writer.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

Dataset help_dataset() {
  Dataset ds;
  ds.folder = "inputs";
  ds.municipality.name = "架空町";
  ds.areas.push_back({"T0", "町全域", 1, "", std::nullopt, std::nullopt, 2});
  ds.areas.push_back({"T1", "北地区", 3, "T0", std::nullopt, std::nullopt, 3});
  ds.areas.push_back({"T2", "南地区", 3, "T0", std::nullopt, std::nullopt, 4});
  Service s;
  s.id = "S01";
  s.name = "子育て相談事業";
  s.field = "子ども";
  s.functions = {"相談支援"};
  s.department = "こども課";
  s.method = "直営";
  s.counter = "子育て相談室";
  s.phones = {"000-123-4567", "#8000"};
  s.place = "役場1階";
  s.hours = "平日 9時〜17時";
  s.url = "javascript:alert(1)";  // the reader refuses it; the writer must not link it either
  s.areas = {"T1"};
  ds.services.push_back(s);
  Service t = s;
  t.id = "S02";
  t.name = "住まいの相談";
  t.field = "住まい";
  t.counter = "住まい相談\"><script>alert(1)</script>";
  t.phones = {"000-765-4321"};
  t.url = "https://example.jp/?a=1&b=2";
  t.areas = {};
  ds.services.push_back(t);
  Service u = s;
  u.id = "S03";
  u.name = "研修事業";
  u.field = "地域福祉";
  u.functions = {"地域づくり"};
  u.counter.clear();
  u.phones.clear();
  ds.services.push_back(u);
  return ds;
}

std::map<std::string, std::string> write_tree(const Dataset& ds, Diagnostics& diags, const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("kyosei_help_test_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  MemoryFileSystem inputs;
  const Analysis analysis(ds, builtin_reference());
  write_site(analysis, inputs, dir.string(), diags);
  std::map<std::string, std::string> out;
  if (fs::exists(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file())  // phrases are looked for without the <wbr> of html_typeset.h
        out[fs::relative(e.path(), dir).generic_string()] = remove_word_breaks(*read_file(e.path().string()));
  std::error_code ec;
  fs::remove_all(dir.parent_path(), ec);
  return out;
}

}  // namespace

TEST_CASE("help page: situations from data, tel: links with digits only, escaped text") {
  Diagnostics diags;
  auto files = write_tree(help_dataset(), diags, "help");
  REQUIRE_FALSE(diags.has_errors());
  const std::string& help = files["help/index.html"];
  CHECK(help.find("<a class=\"tel\" href=\"tel:0001234567\">000-123-4567</a>") != std::string::npos);
  CHECK(help.find("href=\"tel:%238000\">#8000</a>") != std::string::npos);
  CHECK(help.find("id=\"kosodate\"") != std::string::npos);
  CHECK(help.find("id=\"sumai\"") != std::string::npos);
  CHECK(help.find("研修事業") == std::string::npos);  // no 窓口: not a 相談先
  CHECK(help.find("<script>alert") == std::string::npos);
  CHECK(help.find("住まい相談&quot;&gt;&lt;script&gt;") != std::string::npos);
  // The service page: the contact first, a javascript: URL never linked.
  const std::string& s01 = files["services/S01.html"];
  CHECK(s01.find("相談・利用の窓口") < s01.find("計画での位置づけ"));
  CHECK(s01.find("javascript:") == std::string::npos);
  CHECK(files["services/S02.html"].find("href=\"https://example.jp/?a=1&amp;b=2\"") != std::string::npos);
  // Leaflets: S01 (北地区 only) is on T1 and on the 全域 leaflet, not on T2;
  // S02 (全域) is on every leaflet.
  CHECK(files["help/T1.html"].find("services/S01.html") != std::string::npos);
  CHECK(files["help/T0.html"].find("services/S01.html") != std::string::npos);
  CHECK(files["help/T2.html"].find("services/S01.html") == std::string::npos);
  for (const char* leaflet : {"help/T0.html", "help/T1.html", "help/T2.html"})
    CHECK(files[leaflet].find("services/S02.html") != std::string::npos);
  // The top page leads with it.
  const std::string& home = files["index.html"];
  CHECK(home.find("help/index.html#kosodate") < home.find("主な数値"));
}

TEST_CASE("help page: a staff name typed into a contact column stops the site") {
  Dataset ds = help_dataset();
  Staff p;
  p.id = "P1";
  p.name = "秘密 花子";
  ds.staff.push_back(p);
  ds.services[0].hours = "平日（担当 秘密花子）";
  Diagnostics diags;
  auto files = write_tree(ds, diags, "privacy");
  CHECK(diags.has_errors());
  CHECK(files.count("help/index.html") == 0);
}

TEST_CASE("in_situation matches on 分野, 機能, 重層区分 or a word") {
  HelpSituation sit;
  sit.keywords = {"ひきこもり"};
  Service s;
  s.name = "若者の居場所";
  s.target = "ひきこもり状態の人";
  CHECK(in_situation(s, sit));
  s.target = "若者";
  CHECK_FALSE(in_situation(s, sit));
  sit.jusou = {"4"};
  s.jusou_codes = {"4"};
  CHECK(in_situation(s, sit));
  CHECK(help_situations().size() >= 6);
  CHECK(help_situations().front().id == "first");
}

}  // namespace kyosei

namespace kyosei {

TEST_CASE("wrap_bare_tables puts Markdown tables in numbered focusable regions") {
  std::string html = markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n\n本文\n\n| c |\n|---|\n| 3 |\n");
  std::string wrapped = wrap_bare_tables(html);
  CHECK(wrapped.find("<div class=\"prose-table table-scroll\" role=\"region\" aria-label=\"表1\" tabindex=\"0\">\n<table>") != std::string::npos);
  CHECK(wrapped.find("aria-label=\"表2\"") != std::string::npos);
  CHECK(wrapped.find("</table>\n</div>") != std::string::npos);
  CHECK(wrap_bare_tables("<p>表なし</p>") == "<p>表なし</p>");
  std::string rendered = render_table({"見出し", {"列"}, {{"値"}}}).value;
  CHECK(wrap_bare_tables(rendered) == rendered);  // already in a region
}

}  // namespace kyosei
