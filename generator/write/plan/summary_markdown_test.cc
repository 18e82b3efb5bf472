#include "write/plan/summary_markdown.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "base/file_system.h"
#include "base/text.h"
#include "write/markdown/markdown_html.h"
#include "write/plan/plan_text.h"

namespace kyosei {

namespace {

Service service(std::string id, std::string name, std::string field, std::vector<std::string> functions,
                std::vector<std::string> jusou = {}) {
  Service s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.field = std::move(field);
  s.functions = std::move(functions);
  s.jusou_codes = std::move(jusou);
  return s;
}

Dataset sample() {
  Dataset d;
  d.municipality.name = "架空市";
  d.municipality.fiscal_year = 2026;
  d.services = {
      service("S001", "地域包括支援センター運営", "高齢", {"相談支援"}, {"1イ"}),
      service("S002", "生活支援|体制整備", "高齢", {"相談支援", "地域づくり"}, {"3ロ"}),
      service("S003", "障害者相談支援", "障害", {"相談支援"}, {"1ロ", "1イ"}),
  };
  return d;
}

const std::vector<std::string> kFields = {"高齢", "障害", "子ども"};
const std::vector<std::string> kFunctions = {"相談支援", "地域づくり"};

// The cells of a GFM table line, split on unescaped `|`, trimmed.
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 1; i < line.size(); ++i) {  // skip the leading '|'
    if (line[i] == '\\' && i + 1 < line.size()) {
      cur += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += line[i];
    }
  }
  return out;
}

// The table rows (header and separator excluded) under a "## " heading.
std::vector<std::vector<std::string>> table_after(const std::string& md, const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  auto lines = split(md, '\n');
  size_t i = 0;
  while (i < lines.size() && lines[i] != heading) ++i;
  while (i < lines.size() && (lines[i].empty() || lines[i][0] != '|')) ++i;
  i += 2;  // header, separator
  for (; i < lines.size() && !lines[i].empty() && lines[i][0] == '|'; ++i) rows.push_back(cells_of(lines[i]));
  return rows;
}

std::string render(const Dataset& d) {
  const Reference& ref = builtin_reference();
  return render_inventory_summary(d, ref, compute_coverage(d, kFields, kFunctions),
                                  compute_component_coverage(d, ref));
}

}  // namespace

TEST_CASE("summary: title names the municipality and fiscal year") {
  std::string md = render(sample());
  CHECK(md.rfind("# 棚卸サマリー（架空市・令和8年度（2026年度））\n", 0) == 0);
}

TEST_CASE("summary: 分野×機能 table has counts, totals and marked empty cells") {
  std::string md = render(sample());
  auto rows = table_after(md, "## 分野×機能の対応表");
  REQUIRE(rows.size() == 4);  // 3 fields + 計
  CHECK(rows[0] == std::vector<std::string>{"高齢", "2", "1", "2"});
  CHECK(rows[1] == std::vector<std::string>{"障害", "1", kEmptyCoverageCell, "1"});
  CHECK(rows[2] == std::vector<std::string>{"子ども", kEmptyCoverageCell, kEmptyCoverageCell, "0"});
  CHECK(rows[3] == std::vector<std::string>{"計", "3", "1", "3"});

  CHECK(md.find("空白のセル（該当する事業がない組み合わせ）は3件です。") != std::string::npos);
  CHECK(md.find("- 障害：地域づくり\n") != std::string::npos);
  CHECK(md.find("- 子ども：すべての機能\n") != std::string::npos);  // a whole empty row, in short
}

TEST_CASE("summary: component table has 13 rows, services, and 未把握 where none") {
  std::string md = render(sample());
  auto rows = table_after(md, "## 重層的支援体制整備事業の構成事業との対応");
  REQUIRE(rows.size() == 13);
  CHECK(rows[0] == std::vector<std::string>{"第1号イ", "地域包括支援センターの運営",
                                            "地域包括支援センター運営（S001）、障害者相談支援（S003）", "実施"});
  CHECK(rows[1][0] == "第1号ロ");
  CHECK(rows[1][3] == "実施");
  int unknown = 0;
  for (const auto& r : rows) {
    REQUIRE(r.size() == 4);
    if (r[3] == "未把握") {
      ++unknown;
      CHECK(r[2] == "（なし）");
    }
  }
  CHECK(unknown == 10);
  CHECK(rows[3][1] == "生活困窮者自立相談支援事業");
  // Counted as the plan drafts count it (the guidebook's 11事業, then 第3号柱書
  // and 第6号), by the same function, not by the 13 rows.
  CHECK(md.find("重層的支援体制整備事業を構成する11事業（第1号イ〜ニ、第2号、第3号イ〜ニ、第4号、第5号）のうち、"
                "対応する既存事業を確認できたのは3事業、未把握は8事業です。") != std::string::npos);
  CHECK(md.find("第3号柱書の「") != std::string::npos);
  CHECK(md.find("13事業") == std::string::npos);
  CHECK(md.find(component_count_text(compute_component_coverage(sample(), builtin_reference())) +
                "「未把握」は、") != std::string::npos);
}

TEST_CASE("summary: a | in a service name is escaped and stays in its cell") {
  std::string md = render(sample());
  CHECK(md.find("生活支援\\|体制整備（S002）") != std::string::npos);
  auto rows = table_after(md, "## 重層的支援体制整備事業の構成事業との対応");
  REQUIRE(rows.size() == 13);
  CHECK(rows[6].size() == 4);  // 3ロ
  CHECK(rows[6][2] == "生活支援\\|体制整備（S002）");
}

TEST_CASE("summary: markup and newlines in input cannot break the table") {
  Dataset d = sample();
  d.services[0].name = "*強調*\n<b>改行</b>";
  std::string md = render(d);
  CHECK(md.find(markdown_table_cell("*強調* <b>改行</b>") + "（S001）") != std::string::npos);
  CHECK(md.find("\\*強調\\* \\<b\\>") != std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
}

TEST_CASE("summary: without 福祉事務所 the 1ニ row shows the substitute program") {
  Dataset d = sample();
  d.municipality.welfare_office = false;
  std::string md = render(d);
  auto rows = table_after(md, "## 重層的支援体制整備事業の構成事業との対応");
  REQUIRE(rows.size() == 13);
  CHECK(rows[3][0] == "第1号ニ");
  CHECK(rows[3][1] == "福祉事務所未設置町村による相談事業");
  CHECK(md.find("福祉事務所を設置していないため、第1号ニは「生活困窮者自立相談支援事業」に代えて") !=
        std::string::npos);
}

TEST_CASE("summary: written to a file, and a failure is reported with the path") {
  Dataset d = sample();
  const Reference& ref = builtin_reference();
  auto m = compute_coverage(d, kFields, kFunctions);
  auto c = compute_component_coverage(d, ref);
  auto dir = std::filesystem::temp_directory_path() / "kyosei_summary_test";
  std::filesystem::remove_all(dir);
  std::string path = (dir / "plan" / "棚卸サマリー.md").string();
  Diagnostics diags;
  REQUIRE(write_inventory_summary(d, ref, m, c, path, diags));
  CHECK(read_file(path) == render_inventory_summary(d, ref, m, c));

  // A file where a folder should be.
  std::string blocked = (dir / "plan" / "棚卸サマリー.md" / "x.md").string();
  CHECK_FALSE(write_inventory_summary(d, ref, m, c, blocked, diags));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message.find(blocked) != std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace kyosei

namespace kyosei {

TEST_CASE("summary: renders as GFM tables with the escaped name in one cell") {
  Dataset d = sample();
  const Reference& ref = builtin_reference();
  std::string html = markdown_to_html(render_inventory_summary(
      d, ref, compute_coverage(d, kFields, kFunctions), compute_component_coverage(d, ref)));
  CHECK(html.find("<td>生活支援|体制整備（S002）</td>") != std::string::npos);
  CHECK(html.find("<strong>0（空白）</strong>") != std::string::npos);
  size_t tables = 0;
  for (size_t p = 0; (p = html.find("<table>", p)) != std::string::npos; ++p) ++tables;
  CHECK(tables == 2);
}

}  // namespace kyosei
