// accessibility.html: the site's ウェブアクセシビリティ方針 (みんなの公共サイト
// 運用ガイドライン 2016: 方針 and 試験結果 are to be published) and the
// results of the latest test.
//
// The 方針 states scope, target (JIS X 8341-3:2016 適合レベル AA 準拠, in
// WAIC's 対応度表記), when, and how the site is tested. Dates come from the
// dataset (its fiscal year) and the results file, never from the clock.
// The results are Dataset::a11y_results (accessibility_results.toml in
// the inputs, which tests/browser writes after running axe-core on every
// page); without them the page says so: 「試験結果は未登録です」.
//
// An automated test covers only part of the success criteria, so the page
// never claims 準拠 from it alone: it reports what was found.
#include <algorithm>
#include <set>

#include "base/dates.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_html.h"
#include "write/site/site_layout.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

constexpr const char* kPath = "accessibility.html";

std::string p(std::string_view text) { return markdown_to_html(markdown_escape(text)); }

std::string impact_text(const std::string& impact) {
  if (impact == "critical") return "致命的";
  if (impact == "serious") return "重大";
  if (impact == "moderate") return "中程度";
  if (impact == "minor") return "軽微";
  return impact.empty() ? kEmptyCell : impact;
}

std::string results_html(const A11yResults& r, const SiteOutput& out) {
  std::set<std::string> site_pages;
  for (const auto& page : out.pages) site_pages.insert(page.path);
  std::set<std::string> tested;
  int failing = 0;
  for (const auto& page : r.pages) {
    tested.insert(page.path);
    failing += page.violations > 0 ? 1 : 0;
  }
  size_t untested = 0;
  for (const auto& path : site_pages) untested += tested.count(path) ? 0 : 1;

  std::string tool = r.tool.empty() ? kUnknown : r.tool;
  if (!r.browser.empty()) tool += "（" + r.browser + "）";
  std::string standard = r.standard.empty() ? "JIS X 8341-3:2016" : r.standard;
  if (!r.level.empty()) standard += " 適合レベル" + r.level;
  std::vector<std::pair<std::string, HtmlCell>> facts;
  facts.push_back({"試験日", r.tested_on ? format_date(*r.tested_on) : "未記載"});
  facts.push_back({"試験の方法", r.method.empty() ? kUnknown : r.method});
  facts.push_back({"試験ツール", tool});
  facts.push_back({"対象の規格", standard});
  if (!r.tags.empty()) facts.push_back({"試験した項目", "axe-core のタグ " + join(r.tags, "・")});
  facts.push_back({"試験したページ", numeric_cell(std::to_string(r.pages.size()) + "ページ")});
  facts.push_back({"問題が見つかったページ", numeric_cell(std::to_string(failing) + "ページ")});
  std::string html = render_facts("試験の概要", std::move(facts)).value;

  if (r.pages.empty())
    html += p("試験したページの記録がありません。");
  else if (failing == 0)
    html += p("試験したすべてのページで、自動試験による問題は見つかりませんでした。"
              "自動試験で確かめられるのは達成基準の一部のため、人による試験の結果とあわせて対応度を判断します。");
  else
    html += p("問題が見つかったページがあります（次の表）。順次、修正します。");
  if (untested)
    html += html_note("このサイトのページのうち " + std::to_string(untested) +
                      " ページは、試験の後に作られたか変わったため、試験結果がありません。次の試験で確かめます。")
                .value;
  if (!r.note.empty()) html += p(r.note);

  if (!r.violations.empty()) {
    HtmlTable t;
    t.caption = "見つかった問題（" + std::to_string(r.violations.size()) + "件）";
    t.headers = {"ページ", "項目", "達成基準", "影響", "内容", "箇所"};
    t.row_headers = true;
    for (const auto& v : r.violations) {
      HtmlCell page = site_pages.count(v.path) ? HtmlCell(html_link(relative_link(kPath, v.path), v.path))
                                               : HtmlCell(v.path);
      t.rows.push_back({page, v.rule.empty() ? kEmptyCell : v.rule, v.criteria.empty() ? kEmptyCell : v.criteria,
                        impact_text(v.impact), v.help.empty() ? kEmptyCell : v.help,
                        numeric_cell(std::to_string(v.nodes) + "か所")});
    }
    html += render_table(t).value;
  }
  if (!r.pages.empty()) {
    HtmlTable t;
    t.caption = "ページごとの結果（" + std::to_string(r.pages.size()) + "ページ）";
    t.headers = {"ページ", "結果"};
    t.row_headers = true;
    for (const auto& page : r.pages) {
      HtmlCell link = site_pages.count(page.path) ? HtmlCell(html_link(relative_link(kPath, page.path), page.path))
                                                  : HtmlCell(page.path + "（現在はないページ）");
      t.rows.push_back({link, page.violations ? "問題 " + std::to_string(page.violations) + "件" : "問題なし"});
    }
    html += "<details class=\"results\">\n<summary>ページごとの結果を見る</summary>\n" + render_table(t).value +
            "</details>\n";
  }
  return html;
}

}  // namespace

void produce_accessibility(const SiteContext& ctx, SiteOutput& out) {
  const Dataset& ds = ctx.ds;
  const Municipality& m = ds.municipality;
  SitePage page;
  page.path = kPath;
  page.title = "ウェブアクセシビリティ方針";
  page.section = "accessibility";
  page.description = "このサイトのウェブアクセシビリティの方針（JIS X 8341-3:2016 適合レベルAA準拠を目標）と試験の結果です。";

  const std::string site = site_title(m);
  const std::string year = m.fiscal_year ? format_fiscal_year(m.fiscal_year) : "";
  std::string head;
  head += p(site + "は、年齢や障害の有無、使う機器などにかかわらず、誰もが必要な情報にたどり着き、利用できるサイトを目指します。"
                   "日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－"
                   "第3部：ウェブコンテンツ」に対応するよう、ページを作っています。");
  head += markdown_to_html("## 対象となる範囲");
  head += p(site + "のすべてのページを対象とします。"
                   "ただし、会議資料の PDF ファイルは対象外とします。PDF の内容は、ページごとに文字で読める版（HTML）を用意しています。");
  head += markdown_to_html("## 目標とする適合レベルと対応度");
  head += p("JIS X 8341-3:2016 の適合レベル AA に準拠することを目標とします。"
            "対応度の表記は、ウェブアクセシビリティ基盤委員会（WAIC）の「ウェブコンテンツの JIS X 8341-3:2016 対応度表記ガイドライン」によります。");
  head += markdown_to_html("## 目標を達成する時期");
  head += p(year.empty() ? "このサイトは毎年度作り直して公開します。公開の時点で目標を達成するよう努めます。"
                         : "このサイトは毎年度作り直して公開します。" + year + "の版を公開する時点で、目標を達成するよう努めます。");
  head += markdown_to_html("## 試験の方法");
  head += p("すべてのページをブラウザー（Chromium）で開き、axe-core により、WCAG 2.0（JIS X 8341-3:2016 と一致する規格）の"
            "適合レベル A と AA にあたる項目を自動で試験します。自動の試験で確かめられるのは達成基準の一部です。"
            "キーボードだけでの操作、音声読み上げ、画面の拡大などは、人が確かめます。");
  head += markdown_to_html("## 試験結果");

  const A11yResults* results = ds.a11y_results ? &*ds.a11y_results : nullptr;
  const SiteOutput* site_out = &out;
  // Made at write time: the results are compared with the final page list.
  page.make_body = [head, results, site_out]() {
    if (!results) return head + html_note("試験結果は未登録です。試験を行い次第、ここに掲載します。").value;
    return head + results_html(*results, *site_out);
  };
  out.pages.push_back(std::move(page));
}

}  // namespace kyosei
