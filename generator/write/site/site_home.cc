// index.html: what the site is about, the key figures, and the lists.
#include <algorithm>

#include "model/reference_data.h"
#include "base/dates.h"
#include "base/text.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"
#include "write/site/site_help.h"
#include "write/site/site_html.h"
#include "write/site/site_layout.h"
#include "write/site/site_producers.h"

namespace kyosei {

namespace {

std::string jusou_text(const Municipality& m) {
  if (m.jusou_status.empty()) return kUnknown;
  std::string s = m.jusou_status;
  if (m.jusou_start_year) s += "（" + format_fiscal_year_short(*m.jusou_start_year) + "開始）";
  return s;
}

std::string plan_text(const PlanInfo& p) {
  if (p.title.empty()) return kUnknown;
  std::string s = p.title;
  if (p.start_year && p.end_year)
    s += "（" + format_fiscal_year_short(p.start_year) + "〜" + format_fiscal_year_short(p.end_year) + "）";
  return s;
}

// The key figures: counts only, never anything about a person. The staff
// total is the analysis's (the plan's and the council workbook's too).
SafeHtml key_figures(const Dataset& ds, const StaffingSummary& staff) {
  const Municipality& m = ds.municipality;
  long long public_services = 0;
  for (const auto& s : ds.services) public_services += s.is_public ? 1 : 0;
  std::string year = m.fiscal_year ? format_fiscal_year_short(m.fiscal_year) : "";

  std::vector<std::pair<std::string, HtmlCell>> rows;
  rows.push_back({"人口", numeric_cell(count_text(m.population, "人"))});
  rows.push_back({"高齢化率", numeric_cell(m.aging_rate ? decimal_text(*m.aging_rate) + "%" : kUnknown)});
  rows.push_back({"地域福祉計画", plan_text(m.plan)});
  rows.push_back({"重層的支援体制整備事業", jusou_text(m)});
  rows.push_back({"棚卸しした事業・取組", numeric_cell(count_text(static_cast<long long>(ds.services.size()), "件"))});
  rows.push_back({"うち公開している事業", numeric_cell(count_text(public_services, "件"))});
  rows.push_back({"会議体", numeric_cell(count_text(static_cast<long long>(ds.meetings.size()), "件"))});
  rows.push_back({year + "の会議開催回数", numeric_cell(count_text(static_cast<long long>(ds.sessions.size()), "回"))});
  rows.push_back({"コーディネーター等の配置",
                  numeric_cell(count_text(static_cast<long long>(staff.people), "人") + "（常勤換算 " +
                               decimal_text(staff.total_fte) + "人）")});
  return render_facts("主な数値", std::move(rows));
}

// A chart drawn as a table: the numbers are the text alternative, the
// bars (hidden from assistive technology) show the proportions.
SafeHtml count_chart(const std::string& caption, const std::string& label,
                     const std::vector<std::pair<std::string, long long>>& counts) {
  HtmlTable t;
  t.caption = caption;
  t.headers = {label, "事業数", "グラフ"};
  t.row_headers = true;
  t.css_class = "chart";
  long long max = 0;
  for (const auto& [name, n] : counts) max = std::max(max, n);
  for (const auto& [name, n] : counts)
    t.rows.push_back({name, numeric_cell(with_commas(n) + "件"), html_bar(static_cast<double>(n), static_cast<double>(max))});
  return render_table(t);
}

// Public services per value of a vocabulary (services.csv 分野 or 機能),
// values without any service left out.
std::vector<std::pair<std::string, long long>> counts_by(const Dataset& ds, const std::vector<std::string>& vocabulary,
                                                        bool by_function) {
  std::vector<std::pair<std::string, long long>> out;
  for (const auto& v : vocabulary) {
    long long n = 0;
    for (const auto& s : ds.services) {
      if (!s.is_public) continue;
      if (by_function ? std::find(s.functions.begin(), s.functions.end(), v) != s.functions.end() : s.field == v) ++n;
    }
    if (n) out.push_back({v, n});
  }
  return out;
}

}  // namespace

void produce_home(const SiteContext& ctx, SiteOutput& out) {
  const Dataset& ds = ctx.ds;
  const Municipality& m = ds.municipality;
  SitePage page;
  page.path = "index.html";
  page.title = site_title(m);
  page.section = "home";

  std::string intro = m.name + "が進める地域共生社会づくり（包括的な相談支援、参加支援、地域づくりに向けた支援）の取組を紹介します。";
  if (m.fiscal_year) intro += "掲載している内容は" + format_fiscal_year(m.fiscal_year) + "のものです。";
  // Residents come first: where to go for help, then the plan's figures.
  page.body_html = markdown_to_html(markdown_escape(intro));
  page.body_html += "<section class=\"home-help\" aria-labelledby=\"home-help-title\">\n" +
                    html_heading(2, kHelpTitle, "home-help-title").value +
                    markdown_to_html(markdown_escape("くらしの中で困ったときは、困りごとを選んでください。相談先の電話番号・場所・受付時間がわかります。")) +
                    help_shortcuts(ds, page.path).value + "<p class=\"home-help-more\">" +
                    html_link(relative_link(page.path, kHelpIndexPath), "すべての相談先とお住まいの地域の相談先を見る").value +
                    "</p>\n</section>\n";
  page.body_html += markdown_to_html("## 主な数値\n") + key_figures(ds, ctx.analysis.staffing).value;
  page.description = intro;

  const Schema& schema = reference_data().schema;
  auto by_field = counts_by(ds, schema.values("services.csv", "分野"), false);
  auto by_function = counts_by(ds, schema.values("services.csv", "機能"), true);
  if (!by_field.empty()) {
    page.body_html += markdown_to_html("## 分野と機能ごとの事業数");
    page.body_html += markdown_to_html(markdown_escape(
        "公開している事業を、主な分野と、担っている機能（1つの事業が複数の機能を担うことがあります）で数えました。"));
    page.body_html += count_chart("分野別の事業数", "分野", by_field).value;
    page.body_html += count_chart("機能別の事業数", "機能", by_function).value;
  }

  std::string guide = "## ページの案内\n\n";
  std::vector<SiteMenuEntry> entries = site_menu();
  entries.insert(entries.end(), site_footer_links().begin(), site_footer_links().end());
  for (const auto& entry : entries) {
    if (entry.section == page.section) continue;
    guide += "- [" + markdown_escape(entry.label) + "](" + relative_link(page.path, entry.path) + ")：" +
             markdown_escape(entry.description) + "\n";
  }
  page.body_html += markdown_to_html(guide);
  out.pages.push_back(std::move(page));
}

}  // namespace kyosei
