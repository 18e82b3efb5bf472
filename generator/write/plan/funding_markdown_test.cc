#include "write/plan/funding_markdown.h"

#include <doctest/doctest.h>

#include "base/text.h"
#include "write/markdown/markdown_html.h"

namespace kyosei {

namespace {

Service service(std::string id, std::string name, std::string field, std::vector<std::string> codes,
                std::optional<long long> cost, std::vector<Allocation> allocations = {}) {
  Service s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.field = std::move(field);
  s.jusou_codes = std::move(codes);
  s.cost = cost;
  s.allocations = std::move(allocations);
  return s;
}

Dataset sample() {
  Dataset ds;
  ds.municipality.fiscal_year = 2026;
  ds.services = {
      service("S001", "地域包括支援センター", "高齢", {"1イ"}, 10'000'001),
      service("S010", "障害者相談支援", "障害", {"1ロ"}, 10'000'001),
      service("S021", "*重要* |相談| [窓口](javascript:x)", "生活困窮", {"1ニ", "5", "6"}, 30'000'000,
              {{"1ニ", 18'000'000}, {"5", 12'000'000}}),
      service("S035", "居場所", "保健医療", {"4", "2"}, 6'600'000),
      service("S002", "基幹型包括", "高齢", {"1イ"}, std::nullopt),
  };
  return ds;
}

// The table line that starts with a cell.
std::string line_starting(const std::string& md, const std::string& start) {
  for (const auto& line : split(md, '\n'))
    if (line.rfind(start, 0) == 0) return line;
  return "";
}

}  // namespace

TEST_CASE("funding markdown: heading, ratio sentence and rounding rule") {
  Dataset ds = sample();
  std::string md = render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026));
  CHECK(md.rfind("## 交付金の財源内訳（令和8年度（2026年度））\n\n", 0) == 0);
  CHECK(md.find("厚生労働省の資料に示された国・都道府県の負担割合") != std::string::npos);
  CHECK(md.find(".txt L") == std::string::npos);  // sources cited as documents, not as extract files
  CHECK(md.find("data/") == std::string::npos);
  CHECK(md.find("端数処理：各行・負担者ごとに1円未満を切り捨て、市町村負担は事業費から国・都道府県分を差し引いた額。"
                "合計は端数処理後の各行の和。") != std::string::npos);
  CHECK(md.find("### 事業別の内訳") != std::string::npos);
  CHECK(md.find("### 号別の合計") != std::string::npos);
  CHECK(md.find("### 分野別の合計") != std::string::npos);
  CHECK(md.find("### 適用した負担割合") != std::string::npos);

  ds.funding_override = builtin_reference().funding;
  md = render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026));
  CHECK(md.find("独自に定めた負担割合（国の資料の割合に代えて使用）") != std::string::npos);
  CHECK(md.find("data/jusou_funding.csv") == std::string::npos);
}

TEST_CASE("funding markdown: rows with yen, caps, 法定負担なし and reasons for no money") {
  Dataset ds = sample();
  std::string md = render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026));
  CHECK(line_starting(md, "| 地域包括支援センター（S001）") ==
        "| 地域包括支援センター（S001） | 第1号イ | 10,000,001円 | 3,850,000円 | 1,925,000円 | 4,225,001円 | "
        "国 38.5/100・都道府県 19.25/100。市町村等は市町村負担・第1号保険料（介護保険の地域支援事業の負担割合による）。"
              "市町村等の内訳は市町村 1,925,000円（19.25/100）・第1号保険料 2,300,001円（23/100） |");
  CHECK(line_starting(md, "| 障害者相談支援（S010）") ==
        "| 障害者相談支援（S010） | 第1号ロ | 10,000,001円 | 5,000,000円以内（上限額） | 2,500,000円以内（上限額） | "
        "2,500,001円 | 国 50/100以内・都道府県 25/100以内。以内は上限額で、市町村等はその場合の最小額。市町村等は市町村負担 |");
  // Input strings are escaped: the name stays text, the link is not a link.
  std::string s021 = "| \\*重要\\* \\|相談\\| \\[窓口\\](javascript:x)（S021）";
  CHECK(line_starting(md, s021 + " | 第1号ニ") ==
        s021 + " | 第1号ニ | 18,000,000円 | 13,500,000円 | 法定負担なし | 4,500,000円 | "
               "国 3/4・都道府県 法定負担なし。市町村等は市町村負担。事業費 30,000,000円 のうち按分 |");
  CHECK(line_starting(md, s021 + " | 第5号") ==
        s021 + " | 第5号 | 12,000,000円 | 6,000,000円 | 3,000,000円 | 3,000,000円 | "
               "国 1/2・都道府県 1/4。市町村等は市町村負担。事業費 30,000,000円 のうち按分 |");
  CHECK(line_starting(md, s021 + " | 第6号") == s021 + " | 第6号 | — | — | — | — | 第5号と一体（5号に含む） |");
  CHECK(line_starting(md, "| 居場所（S035） | 第2号") ==
        "| 居場所（S035） | 第2号 | — | — | — | — | 按分が必要（事業費 6,600,000円 を棚卸の按分で重層区分ごとに分ける） |");
  CHECK(line_starting(md, "| 基幹型包括（S002）") == "| 基幹型包括（S002） | 第1号イ | 未把握 | — | — | — | 事業費未把握 |");
  // In the row table nothing unknown or 法定負担なし is shown as 0円.
  std::string rows = md.substr(md.find("### 事業別の内訳"), md.find("### 号別の合計") - md.find("### 事業別の内訳"));
  CHECK(rows.find(" 0円 |") == std::string::npos);
  CHECK(md.find("割合が「以内」の国・都道府県の額は上限額") != std::string::npos);
  CHECK(md.find("行（3行）は金額を計算していません") != std::string::npos);
}

TEST_CASE("funding markdown: totals by 号 and 分野 are the sums of the rows") {
  Dataset ds = sample();
  auto b = compute_funding(ds, funding_ratios_of(ds), 2026);
  std::string md = render_funding_breakdown(ds, b);
  // 1イ + 1ロ + 1ニ: 10,000,001 ×2 + 18,000,000; 国 3,850,000 + 5,000,000 + 13,500,000.
  CHECK(line_starting(md, "| 第1号 |") ==
        "| 第1号 | 38,000,002円 | 22,350,000円 | 4,425,000円 | 11,225,002円 | 3 | 1 |");
  CHECK(line_starting(md, "| 第2号 |") == "| 第2号 | 未把握 | 未把握 | 未把握 | 未把握 | 0 | 1 |");
  CHECK(line_starting(md, "| 第5号（第6号を含む） |") ==
        "| 第5号（第6号を含む） | 12,000,000円 | 6,000,000円 | 3,000,000円 | 3,000,000円 | 1 | 0 |");
  CHECK(line_starting(md, "| 高齢 |") == "| 高齢 | 10,000,001円 | 3,850,000円 | 1,925,000円 | 4,225,001円 | 1 | 1 |");
  CHECK(line_starting(md, "| **合計** |") ==
        "| **合計** | 50,000,002円 | 28,350,000円 | 7,425,000円 | 14,225,002円 | 4 | 3 |");
  CHECK(b.total.amount == 50'000'002);
}

TEST_CASE("funding markdown: applied ratios with their sources") {
  Dataset ds = sample();
  std::string md = render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026));
  CHECK(line_starting(md, "| 第1号イ | 国 |") ==
        "| 第1号イ | 国 | 38.5/100 | 106条の8 第3号 | （通年） | 記載 | 厚生労働省社会・援護局地域福祉課地域共生社会推進室「地域共生社会の実現に向けた重層的支援体制整備事業の実施について」 |");
  CHECK(line_starting(md, "| 第5号 | 都道府県 |") ==
        "| 第5号 | 都道府県 | 1/4 | 106条の9 第3号 | 令和5年度〜 | 現行（令和5年度から適用。資料作成時点では予定） | 厚生労働省社会・援護局地域福祉課地域共生社会推進室「地域共生社会の実現に向けた重層的支援体制整備事業の実施について」 |");
  CHECK(md.find("3/4 | 106条の8 第5号 | 令和4年度〜令和4年度") == std::string::npos);  // R4 rows not in force in 2026
}

TEST_CASE("funding markdown: renders as tables in HTML, with no live link from input") {
  Dataset ds = sample();
  std::string html = markdown_to_html(render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026)));
  CHECK(html.find("<table>") != std::string::npos);
  CHECK(html.find("href=") == std::string::npos);
  CHECK(html.find("*重要* |相談| [窓口](javascript:x)（S021）") != std::string::npos);
}

TEST_CASE("funding markdown: no 重層区分 at all") {
  Dataset ds;
  ds.services = {service("S1", "見守り", "高齢", {}, 100)};
  std::string md = render_funding_breakdown(ds, compute_funding(ds, funding_ratios_of(ds), 2026));
  CHECK(md.find("重層区分のある事業がないため、内訳はありません。") != std::string::npos);
  CHECK(md.find("| ") == std::string::npos);
}

}  // namespace kyosei
