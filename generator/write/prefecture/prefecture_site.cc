#include "write/prefecture/prefecture_site.h"

#include <filesystem>
#include <memory>

#include "base/dates.h"
#include "base/file_system.h"
#include "base/numbers.h"
#include "base/resources.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/prefecture/prefecture_sheets.h"
#include "write/site/site_html.h"
#include "write/site/site_layout.h"
#include "write/site/site_page.h"
#include "write/site/site_privacy.h"

namespace kyosei {

namespace {

constexpr const char* kMunicipalities = "municipalities/index.html";

const std::vector<SiteMenuEntry>& menu(bool with_change) {
  static const std::vector<SiteMenuEntry> base = {
      {"home", "トップ", "index.html", ""},
      {"municipalities", "市町村一覧", kMunicipalities, ""},
      {"components", "構成事業", "components.html", ""},
      {"funding", "都道府県負担", "funding.html", ""},
      {"roles", "都道府県の役割", "roles.html", ""},
      {"peers", "同規模比較", "peers.html", ""},
  };
  static const std::vector<SiteMenuEntry> with = [] {
    auto m = base;
    m.push_back({"change", "前年度比較", "change.html", ""});
    return m;
  }();
  return with_change ? with : base;
}

std::string p(std::string_view s) { return "<p>" + html_lines({std::string(s)}).value + "</p>\n"; }

std::string yen_text(long long y) { return format_yen(y); }

std::string status_line(const PrefectureRollup& r) {
  std::string s = "市町村フォルダ " + std::to_string(r.submitted) + " のうち、集計に含めた市町村は " +
                  std::to_string(r.covered) + " です";
  if (r.missing || r.invalid)
    s += "（未提出 " + std::to_string(r.missing) + "、不備 " + std::to_string(r.invalid) + " は合計に含めていません）";
  return s + "。";
}

std::vector<const RollupMunicipality*> covered(const PrefectureRollup& r) {
  std::vector<const RollupMunicipality*> out;
  for (const auto& m : r.municipalities)
    if (m.state == SubmissionState::Ok) out.push_back(&m);
  return out;
}

HtmlCell municipality_link(const std::string& from, const RollupMunicipality& m) {
  return SafeHtml{html_link(relative_link(from, prefecture_municipality_page(m)), m.name).value};
}

std::string home_body(const PrefectureRollup& r) {
  std::string b = p(status_line(r));
  std::vector<std::pair<std::string, HtmlCell>> facts = {
      {"年度", format_fiscal_year(r.fiscal_year)},
      {"集計に含めた市町村", numeric_cell(std::to_string(r.covered))},
      {"未提出", numeric_cell(std::to_string(r.missing))},
      {"不備", numeric_cell(std::to_string(r.invalid))},
  };
  for (const char* st : {"実施", "移行準備", "未実施"}) {
    auto it = r.status_counts.find(st);
    facts.push_back({std::string("重層事業 ") + st, numeric_cell(std::to_string(it == r.status_counts.end() ? 0 : it->second))});
  }
  facts.push_back({"都道府県負担の合計（" + std::to_string(r.covered) + "市町村）", numeric_cell(yen_text(r.share_total))});
  b += render_facts("主な数値", facts).value;
  for (const auto& n : r.notes) b += html_note(n).value;
  b += html_heading(2, "このサイトの内容").value + "<ul>\n";
  for (const auto& e : menu(r.has_previous))
    if (e.section != "home") b += "<li>" + html_link(relative_link("index.html", e.path), e.label).value + "</li>\n";
  b += "</ul>\n";
  b += html_note("このサイトは、市町村ごとの入力データ（棚卸・名簿・会議の記録）から kyosei で作成しました。"
                 "職員の氏名や守秘義務のある会議の議題は載せていません。").value;
  return b;
}

std::string municipalities_body(const PrefectureRollup& r) {
  HtmlTable t;
  t.caption = "市町村ごとの提出状況と重層事業の状況（" + std::to_string(r.submitted) + "フォルダ）";
  t.headers = {"自治体名", "状態", "重層事業", "開始年度", "構成事業", "誤りの件数"};
  t.row_headers = true;
  for (const auto& m : r.municipalities) {
    bool ok = m.state == SubmissionState::Ok;
    t.rows.push_back({municipality_link(kMunicipalities, m), submission_label(m.state), ok ? m.jusou_status : "",
                      ok && m.jusou_start_year ? format_fiscal_year_short(*m.jusou_start_year) : "",
                      ok ? numeric_cell(std::to_string(m.required_present) + "/" + std::to_string(m.required_total))
                         : HtmlCell(""),
                      numeric_cell(std::to_string(m.errors.size()))});
  }
  return p(status_line(r)) + render_table(t).value;
}

std::string municipality_body(const PrefectureRollup& r, const Reference& ref, const RollupMunicipality& m,
                              const std::string& path) {
  std::string b;
  if (m.state != SubmissionState::Ok) {
    b += p("状態：" + std::string(submission_label(m.state)) + "。この市町村はどの合計にも含めていません。");
    if (!m.errors.empty()) {
      std::vector<std::string> places;
      for (const auto& d : m.errors)
        places.push_back(d.where.file + ":" + std::to_string(d.where.line) + (d.where.column.empty() ? "" : ":" + d.where.column));
      HtmlTable t;
      t.caption = "入力データの誤りの箇所（" + std::to_string(m.errors.size()) + "件。ファイル:行:列）";
      t.headers = {"箇所"};
      for (const auto& pl : places) t.rows.push_back({pl});
      b += render_table(t).value;
      b += html_note("誤りの内容は、その市町村で kyosei check を実行すると確かめられます。").value;
    }
    return b;
  }
  b += render_facts("概要", {{"団体コード", m.code},
                             {"人口", m.population ? numeric_cell(with_commas(*m.population) + "人") : HtmlCell(kUnknown)},
                             {"規模", m.band ? m.band->label : kUnknown},
                             {"福祉事務所", m.welfare_office ? "あり" : "なし"},
                             {"重層事業", m.jusou_status},
                             {"開始年度", m.jusou_start_year ? format_fiscal_year(*m.jusou_start_year) : "—"},
                             {"年度", format_fiscal_year(m.fiscal_year)}})
           .value;

  HtmlTable comps;
  comps.caption = "重層事業の構成事業（記載のある事業の有無）";
  comps.headers = {"区分", "事業", "状況"};
  comps.row_headers = true;
  for (size_t i = 0; i < ref.components.size() && i < m.components.size(); ++i)
    comps.rows.push_back({ref.components[i].law_ref, ref.components[i].program_name,
                          m.components[i].present ? component_mark(m.components[i]) : "—（未把握）"});
  b += html_heading(2, "構成事業").value + render_table(comps).value;

  HtmlTable staff;
  staff.caption = "分野別の常勤換算と人口1万人あたり";
  staff.headers = {"分野", "常勤換算", "1万人あたり"};
  staff.row_headers = true;
  for (const auto& f : m.staffing)
    staff.rows.push_back({f.field, numeric_cell(format_per_10k(f.fte)), numeric_cell(format_per_10k(f.per_10k))});
  staff.rows.push_back({"計", numeric_cell(format_per_10k(m.total_fte)), numeric_cell(format_per_10k(m.fte_per_10k))});
  b += html_heading(2, "職員配置（常勤換算）").value + render_table(staff).value;

  b += html_heading(2, "会議体と自動判定").value;
  b += render_facts("会議体・開催実績・自動判定の件数",
                    {{"会議体", numeric_cell(std::to_string(m.meeting_bodies))},
                     {"うち守秘義務あり", numeric_cell(std::to_string(m.confidential_bodies))},
                     {"開催回数", m.sessions ? numeric_cell(std::to_string(*m.sessions)) : HtmlCell(kUnknown)},
                     {"検討事例数", m.cases ? numeric_cell(std::to_string(*m.cases)) : HtmlCell(kUnknown)},
                     {"自動判定 重大", numeric_cell(std::to_string(m.findings_serious))},
                     {"自動判定 注意", numeric_cell(std::to_string(m.findings_caution))},
                     {"自動判定 情報", numeric_cell(std::to_string(m.findings_info))}})
           .value;

  HtmlTable scores;
  scores.caption = "進捗自己点検の領域別の平均点（0〜3）";
  scores.headers = {"領域", "回答数", "平均"};
  scores.row_headers = true;
  for (const auto& d : m.domains)
    scores.rows.push_back({d.id + " " + d.name, numeric_cell(std::to_string(d.answered) + "/" + std::to_string(d.total)),
                           d.mean ? numeric_cell(format_per_10k(d.mean)) : HtmlCell("未回答")});
  b += html_heading(2, "進捗自己点検").value + render_table(scores).value;

  HtmlTable money;
  money.caption = "交付金のうち都道府県の負担（号・経費区分別）";
  money.headers = {"号", "経費区分（根拠）", "割合", "都道府県負担", "事業費"};
  for (const auto& s : m.shares)
    money.rows.push_back({s.go_label, s.regime, s.ratio + (s.includes_cap ? "（上限額）" : ""), numeric_cell(yen_text(s.yen)),
                          numeric_cell(yen_text(s.amount))});
  money.rows.push_back({"合計", "", "", numeric_cell(yen_text(m.share_total)), numeric_cell(yen_text(m.funded_amount))});
  b += html_heading(2, "都道府県の負担").value + render_table(money).value;
  if (m.uncomputed_rows)
    b += html_note("按分が必要・事業費未把握などで計算できない行が " + std::to_string(m.uncomputed_rows) + " 行あります（合計に含みません）。").value;
  (void)r;
  (void)path;
  return b;
}

std::string components_body(const PrefectureRollup& r, const Reference& ref) {
  HtmlTable t;
  t.caption = "市町村×構成事業（○ 記載のある事業あり、— なし・未把握）";
  t.headers = {"自治体名"};
  for (const auto& c : ref.components) t.headers.push_back(c.law_ref);
  t.headers.push_back("必須の数");
  t.row_headers = true;
  std::vector<int> present(ref.components.size(), 0);
  for (const RollupMunicipality* m : covered(r)) {
    std::vector<HtmlCell> row = {municipality_link("components.html", *m)};
    for (size_t i = 0; i < ref.components.size(); ++i) {
      bool has = i < m->components.size() && m->components[i].present;
      row.push_back(i < m->components.size() ? component_mark(m->components[i]) : "—");
      present[i] += has ? 1 : 0;
    }
    row.push_back(numeric_cell(std::to_string(m->required_present) + "/" + std::to_string(m->required_total)));
    t.rows.push_back(std::move(row));
  }
  std::vector<HtmlCell> total = {"実施の数（" + std::to_string(r.covered) + "市町村中）"};
  for (int n : present) total.push_back(numeric_cell(std::to_string(n)));
  total.push_back("");
  t.rows.push_back(std::move(total));

  HtmlTable g;
  g.caption = "市町村×号（記載のある必須の構成事業の数/その号の必須の数）";
  g.headers = {"自治体名"};
  for (const auto& [go, label] : funding_go_labels()) g.headers.push_back("第" + std::to_string(go) + "号");
  g.row_headers = true;
  for (const RollupMunicipality* m : covered(r)) {
    std::vector<HtmlCell> row = {municipality_link("components.html", *m)};
    for (const auto& [go, label] : funding_go_labels()) {
      auto it = m->by_go.find(go);
      row.push_back(it == m->by_go.end() ? HtmlCell("—")
                                         : numeric_cell(std::to_string(it->second.first) + "/" + std::to_string(it->second.second)));
    }
    g.rows.push_back(std::move(row));
  }
  return p(status_line(r)) + render_table(t).value +
         html_note("○（代替）：福祉事務所を設置していない町村が第1号ニを「福祉事務所未設置町村による相談事業」で満たしている。"
                   "—：services.csv の重層区分に記載のある事業がない（実施していないという判断ではありません）。").value +
         html_heading(2, "号別").value + render_table(g).value;
}

std::string funding_body(const PrefectureRollup& r) {
  HtmlTable t;
  t.caption = "都道府県の負担の合計（号・経費区分別、" + std::to_string(r.covered) + "市町村）";
  t.headers = {"号", "経費区分（根拠）", "割合", "都道府県負担", "事業費", "行数"};
  for (const auto& s : r.shares)
    t.rows.push_back({s.go_label, s.regime, s.ratio + (s.includes_cap ? "（上限額）" : ""), numeric_cell(yen_text(s.yen)),
                      numeric_cell(yen_text(s.amount)), numeric_cell(std::to_string(s.rows))});
  t.rows.push_back({"合計（" + std::to_string(r.covered) + "市町村）", "", "", numeric_cell(yen_text(r.share_total)),
                    numeric_cell(yen_text(r.funded_amount)), ""});

  HtmlTable m;
  m.caption = "市町村ごとの都道府県の負担（号別）";
  m.headers = {"自治体名"};
  auto labels = funding_go_labels();
  for (const auto& [go, label] : labels) m.headers.push_back("第" + std::to_string(go) + "号");
  m.headers.push_back("計");
  m.row_headers = true;
  for (const RollupMunicipality* mu : covered(r)) {
    std::vector<HtmlCell> row = {municipality_link("funding.html", *mu)};
    for (const auto& [go, label] : labels) {
      auto it = mu->share_by_go.find(go);
      row.push_back(numeric_cell(yen_text(it == mu->share_by_go.end() ? 0 : it->second)));
    }
    row.push_back(numeric_cell(yen_text(mu->share_total)));
    m.rows.push_back(std::move(row));
  }
  std::vector<HtmlCell> total = {"合計"};
  for (const auto& [go, label] : labels) {
    auto it = r.share_by_go.find(go);
    total.push_back(numeric_cell(yen_text(it == r.share_by_go.end() ? 0 : it->second)));
  }
  total.push_back(numeric_cell(yen_text(r.share_total)));
  m.rows.push_back(std::move(total));

  std::string b = p(status_line(r)) + render_table(t).value + render_table(m).value;
  b += html_note("各市町村の財源内訳の都道府県の欄（各行・負担者ごとに1円未満切り捨て）を円単位で合計しました。"
                 "経費区分は社会福祉法第106条の9（第1号・第2号は義務的経費、第3号は裁量的経費）によります。"
                 "割合が「以内」のものは上限額です。").value;
  if (r.uncomputed_rows)
    b += html_note("按分が必要・事業費未把握などで計算できない行（" + std::to_string(r.uncomputed_rows) + "行）は含みません。").value;
  return b;
}

std::string roles_body(const PrefectureRollup& r) {
  const PrefectureRole& no_office = prefecture_role("no_welfare_office");
  const PrefectureRole& no_support = prefecture_role("no_self_reliance_support");
  HtmlTable t;
  t.caption = "福祉事務所を設置していない町村と、第1号ニの事業がない市町村";
  t.headers = {"自治体名", "福祉事務所", "第1号ニ", "該当"};
  t.row_headers = true;
  for (const RollupMunicipality* m : covered(r)) {
    bool support = m->has_self_reliance_support();
    if (m->welfare_office && support) continue;
    std::string st = "—";
    for (const auto& c : m->components)
      if (c.key == "1ニ" && c.present) st = component_mark(c);
    std::vector<std::string> why;
    if (!m->welfare_office) why.push_back(no_office.label);
    if (!support) why.push_back(no_support.label);
    t.rows.push_back({municipality_link("roles.html", *m), m->welfare_office ? "あり" : "なし", st, join(why, "・")});
  }
  std::string b = p(status_line(r));
  b += t.rows.empty() ? p("該当する市町村はありません。") : render_table(t).value;
  for (const PrefectureRole* role : {&no_office, &no_support, &prefecture_role("hub")})
    b += html_note(role->label + "：" + role->note + "（出典：" + role->source + "）").value;
  return b;
}

std::string opt_text(const std::optional<double>& v, const char* none) { return v ? format_per_10k(v) : none; }

std::string peers_body(const PrefectureRollup& r) {
  HtmlTable t;
  t.caption = "同じ人口規模のほかの市町村（中央値）との比較";
  t.headers = {"自治体名", "規模", "比較対象", "構成事業", "同規模の中央値", "1万人あたり常勤換算", "同規模の中央値",
               "自動判定 重大", "同規模の中央値"};
  t.row_headers = true;
  for (size_t i = 0; i < r.peers.size(); ++i) {
    const auto& pc = r.peers[i];
    const RollupMunicipality* m = nullptr;
    for (const auto& mu : r.municipalities)
      if (mu.state == SubmissionState::Ok && mu.name == pc.name) m = &mu;
    const char* none = "比較対象なし";
    t.rows.push_back({m ? municipality_link("peers.html", *m) : HtmlCell(pc.name), pc.band ? pc.band->label : kUnknown,
                      numeric_cell(std::to_string(pc.peers)), numeric_cell(std::to_string(pc.required_present)),
                      numeric_cell(opt_text(pc.peer_required_present, none)), numeric_cell(format_per_10k(pc.fte_per_10k)),
                      numeric_cell(opt_text(pc.peer_fte_per_10k, none)), numeric_cell(std::to_string(pc.findings_serious)),
                      numeric_cell(opt_text(pc.peer_findings_serious, none))});
  }
  return p(status_line(r)) + render_table(t).value +
         html_note("規模区分は data/prefecture_rollup.csv のとおりです。中央値は同じ区分のほかの市町村の値です。").value;
}

std::string change_body(const PrefectureRollup& r) {
  HtmlTable t;
  t.caption = "前年度（" + format_fiscal_year_short(r.previous_fiscal_year) + "）からの変化";
  t.headers = {"自治体名", "重層事業（前年度→今年度）", "構成事業（前年度→今年度）", "増えた区分", "なくなった区分",
               "都道府県負担（前年度→今年度）"};
  t.row_headers = true;
  for (const auto& c : r.changes) {
    std::string prev = c.in_previous ? c.previous_status : "前年度なし";
    t.rows.push_back({c.name, prev + "→" + c.status,
                      (c.previous_required_present ? std::to_string(*c.previous_required_present) : std::string("—")) + "→" +
                          std::to_string(c.required_present),
                      join(c.gained, "・"), join(c.lost, "・"),
                      numeric_cell((c.previous_share_total ? yen_text(*c.previous_share_total) : std::string("—")) + "→" +
                                   yen_text(c.share_total))});
  }
  return p(status_line(r)) + render_table(t).value;
}

std::string sitemap_body(const std::vector<SitePage>& pages) {
  std::string b = "<ul>\n";
  for (const auto& pg : pages) b += "<li>" + html_link(relative_link("sitemap.html", pg.path), pg.title).value + "</li>\n";
  return b + "</ul>\n";
}

}  // namespace

std::string prefecture_municipality_page(const RollupMunicipality& m) {
  return "municipalities/" + page_slug(m.code.empty() ? m.folder : m.code + "-" + m.folder) + ".html";
}

bool write_prefecture_site(const PrefectureSiteInput& in, const std::string& out_dir, Diagnostics& diags,
                           Diagnostics& privacy_problems) {
  const PrefectureRollup& r = in.rollup;
  SiteFrame frame;
  frame.title = r.prefecture + " 重層的支援体制整備の市町村集計";
  frame.menu = menu(r.has_previous);
  frame.footer_links = {{"sitemap", "サイトマップ", "sitemap.html", ""}};
  frame.search = false;

  std::vector<SitePage> pages;
  auto add = [&](std::string path, std::string title, std::string section, std::string body,
                 std::vector<SiteCrumb> parents = {}) {
    SitePage pg;
    pg.path = std::move(path);
    pg.title = std::move(title);
    pg.section = std::move(section);
    pg.body_html = std::move(body);
    pg.parents = std::move(parents);
    pages.push_back(std::move(pg));
  };
  add("index.html", frame.title, "home", home_body(r));
  add(kMunicipalities, "市町村一覧", "municipalities", municipalities_body(r));
  for (const auto& m : r.municipalities)
    add(prefecture_municipality_page(m), m.name, "municipalities",
        municipality_body(r, in.ref, m, prefecture_municipality_page(m)), {{"市町村一覧", kMunicipalities}});
  add("components.html", "構成事業の対応表", "components", components_body(r, in.ref));
  add("funding.html", "交付金の都道府県負担", "funding", funding_body(r));
  add("roles.html", "都道府県の役割（福祉事務所未設置町村・自立相談支援）", "roles", roles_body(r));
  add("peers.html", "同規模の市町村との比較", "peers", peers_body(r));
  if (r.has_previous) add("change.html", "前年度との比較", "change", change_body(r));
  add("sitemap.html", "サイトマップ", "sitemap", sitemap_body(pages));

  std::vector<std::pair<std::string, std::string>> files;  // path -> bytes
  for (const auto& pg : pages) files.push_back({pg.path, render_page(pg, frame, pg.body_html)});
  if (auto css = resource("site/assets/style.css")) files.push_back({"assets/style.css", std::string(*css)});

  // Each municipality's guard reads every file before anything is written.
  std::vector<std::unique_ptr<PrivacyGuard>> guards;
  for (const auto& [folder, ds] : in.datasets) guards.push_back(std::make_unique<PrivacyGuard>(*ds));
  bool clean = true;
  for (size_t i = 0; i < guards.size(); ++i) {
    for (const auto& [path, bytes] : files) guards[i]->scan(path, bytes);
    if (guards[i]->clean()) continue;
    clean = false;
    Diagnostics found;
    guards[i]->report(found);
    for (auto d : found.items()) {
      d.where.file = in.datasets[i].first + "/" + d.where.file;
      privacy_problems.add(d);
    }
  }
  if (!clean) return false;

  const std::string root = out_dir.empty() || out_dir.back() == '/' ? out_dir : out_dir + "/";
  bool ok = true;
  for (const auto& [path, bytes] : files)
    if (!write_file(root + path, bytes)) {
      diags.error({root + path, 0, ""}, root + path + " に書き込めません", "書き込み権限のある出力フォルダ");
      ok = false;
    }
  return ok;
}

}  // namespace kyosei
