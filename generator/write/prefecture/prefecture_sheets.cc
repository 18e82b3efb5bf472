#include "write/prefecture/prefecture_sheets.h"

#include <algorithm>
#include <cstdio>

#include "base/dates.h"
#include "base/numbers.h"
#include "base/text.h"
#include "base/wording.h"

namespace kyosei {

namespace {

SheetCell text(const std::string& s) { return SheetCell::of_text(s); }
SheetCell count(long long n) { return SheetCell::of_number(static_cast<double>(n)).with_format(CellFormat::Count); }
SheetCell yen(long long n) { return SheetCell::of_yen(n).with_format(CellFormat::Yen); }
SheetCell decimal(const std::optional<double>& v, const char* missing = kUnknown) {
  if (!v) return SheetCell::of_text(missing);
  return SheetCell::of_number(*v).with_format(CellFormat::Decimal);
}

std::string year_text(const std::optional<int>& y) { return y ? format_fiscal_year_short(*y) : std::string(); }

std::string coverage_note(const PrefectureRollup& r) {
  std::string s = "集計に含めた市町村：" + std::to_string(r.covered) + "（市町村フォルダ " + std::to_string(r.submitted);
  if (r.missing) s += "、未提出 " + std::to_string(r.missing);
  if (r.invalid) s += "、不備 " + std::to_string(r.invalid);
  s += "。未提出・不備の市町村はどの合計にも含めていません。一覧は「提出状況」のシートにあります）。";
  return s;
}

std::vector<const RollupMunicipality*> covered(const PrefectureRollup& r) {
  std::vector<const RollupMunicipality*> out;
  for (const auto& m : r.municipalities)
    if (m.state == SubmissionState::Ok) out.push_back(&m);
  return out;
}

std::string total_label(const PrefectureRollup& r) { return "合計（" + std::to_string(r.covered) + "市町村）"; }

void add_common_notes(Sheet& s, const PrefectureRollup& r) {
  s.notes.push_back(coverage_note(r));
  for (const auto& n : r.notes) s.notes.push_back(n);
}

Sheet status_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "提出状況";
  s.description = "市町村ごとの入力データの提出状況（未提出・不備はその箇所）";
  s.landscape = true;
  s.main.name = s.name;
  s.main.columns = {{"フォルダ", CellFormat::Text, 16}, {"自治体名", CellFormat::Text, 14}, {"団体コード", CellFormat::Text},
                    {"状態", CellFormat::Text},           {"エラー", CellFormat::Count},      {"警告", CellFormat::Count},
                    {"誤りの箇所（ファイル:行:列）", CellFormat::Text, 40}, {"最初の誤り", CellFormat::Text, 50}};
  for (const auto& m : r.municipalities) {
    SheetRow& row = s.main.add_row();
    std::vector<std::string> places;
    for (size_t i = 0; i < m.errors.size() && i < 5; ++i) {
      const Location& w = m.errors[i].where;
      places.push_back(w.file + ":" + std::to_string(w.line) + (w.column.empty() ? "" : ":" + w.column));
    }
    if (m.errors.size() > 5) places.push_back("ほか " + std::to_string(m.errors.size() - 5) + " 件");
    row.cells = {text(m.folder),
                 text(m.name),
                 text(m.code),
                 text(submission_label(m.state)),
                 count(static_cast<long long>(m.errors.size())),
                 count(m.warning_count),
                 text(join(places, "\n")),
                 text(m.errors.empty() ? "" : m.errors.front().message)};
    row.cells[3].with_shade(m.state != SubmissionState::Ok);
  }
  s.notes.push_back(coverage_note(r));
  s.notes.push_back("未提出：入力ファイル（municipality.toml・services.csv など）がないフォルダ。不備：入力データに誤りがあるフォルダ。"
                    "誤りはすべて kyosei check で「ファイル:行:列」の形で確かめられます。");
  for (const auto& n : r.notes) s.notes.push_back(n);
  return s;
}

Sheet overview_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "市町村別概要";
  s.description = "市町村ごとの重層事業の状況、構成事業、職員配置、会議体、自動判定、自己点検";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"団体コード", CellFormat::Text}, {"人口", CellFormat::Count},
                    {"規模", CellFormat::Text, 12},     {"福祉事務所", CellFormat::Text}, {"重層事業", CellFormat::Text},
                    {"開始年度", CellFormat::Text},     {"構成事業", CellFormat::Text},   {"1万人あたり常勤換算", CellFormat::Decimal, 10},
                    {"重大", CellFormat::Count},        {"注意", CellFormat::Count},      {"情報", CellFormat::Count}};
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name),
                 text(m->code),
                 m->population ? count(*m->population) : text(kUnknown),
                 text(m->band ? m->band->label : kUnknown),
                 text(m->welfare_office ? "あり" : "なし"),
                 text(m->jusou_status),
                 text(year_text(m->jusou_start_year)),
                 text(std::to_string(m->required_present) + "/" + std::to_string(m->required_total)),
                 decimal(m->fte_per_10k),
                 count(m->findings_serious),
                 count(m->findings_caution),
                 count(m->findings_info)};
  }
  if (r.covered) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells.assign(s.main.columns.size(), SheetCell::blank());
    total.cells[0] = text(total_label(r));
    for (size_t col : {2, 9, 10, 11}) total.cells[col] = sum_cell(s.main, 0, col);
  }
  add_common_notes(s, r);
  s.notes.push_back("構成事業：必須の構成事業（第1号イ〜第5号と第3号柱書の12。第6号は第5号と一体）のうち、services.csv の重層区分に"
                    "記載のある事業がある数。ないものは「未把握」で、実施していないという判断ではありません。");
  s.notes.push_back("1万人あたり常勤換算：staff.csv の常勤換算の合計の人口1万人あたりの値（分野別は「職員配置」）。"
                    "重大・注意・情報は自動判定の件数。会議体は「会議体」、自己点検の点数は「自己点検」のシートにあります。");
  return s;
}

Sheet component_sheet(const PrefectureRollup& r, const Reference& ref) {
  Sheet s;
  s.name = "構成事業";
  s.description = "市町村×重層事業の構成事業（第1号イ〜第6号、第3号柱書）の対応表";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}};
  for (const auto& c : ref.components) s.main.columns.push_back({c.key, CellFormat::Text, 6});
  s.main.columns.push_back({"必須の数", CellFormat::Text});
  std::vector<int> present(ref.components.size(), 0);
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name)};
    for (size_t i = 0; i < ref.components.size(); ++i) {
      const RollupComponent* c = i < m->components.size() ? &m->components[i] : nullptr;
      SheetCell cell = text(c ? component_mark(*c) : "—");
      cell.with_shade(!c || !c->present);
      row.cells.push_back(cell);
      if (c && c->present) ++present[i];
    }
    row.cells.push_back(text(std::to_string(m->required_present) + "/" + std::to_string(m->required_total)));
  }
  if (r.covered) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells = {text("実施の数（" + std::to_string(r.covered) + "市町村中）")};
    for (int n : present) total.cells.push_back(count(n));
    total.cells.push_back(SheetCell::blank());
  }

  SheetTable legend;
  legend.name = "構成事業の一覧";
  legend.columns = {{"区分", CellFormat::Text}, {"号", CellFormat::Text}, {"事業", CellFormat::Text, 40}, {"必須", CellFormat::Text, 14}};
  for (const auto& c : ref.components)
    legend.add_row().cells = {text(c.key), text(c.law_ref), text(c.program_name), text(c.required)};
  s.extras.push_back(std::move(legend));

  add_common_notes(s, r);
  s.notes.push_back("○：services.csv の重層区分にその区分の事業がある。○（代替）：福祉事務所を設置していない町村が第1号ニを"
                    "「福祉事務所未設置町村による相談事業」で満たしている。—：記載のある事業がない（未把握）。");
  return s;
}

Sheet go_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "号別";
  s.description = "市町村×号：号ごとの必須の構成事業のうち記載のある数";
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}};
  std::vector<int> gos;
  for (const RollupMunicipality* m : covered(r))
    for (const auto& [go, pt] : m->by_go)
      if (std::find(gos.begin(), gos.end(), go) == gos.end()) gos.push_back(go);
  std::sort(gos.begin(), gos.end());
  for (int go : gos) s.main.columns.push_back({"第" + std::to_string(go) + "号", CellFormat::Text});
  s.main.columns.push_back({"そろっている号", CellFormat::Count});
  std::vector<int> complete(gos.size(), 0);
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name)};
    int full = 0;
    for (size_t i = 0; i < gos.size(); ++i) {
      auto it = m->by_go.find(gos[i]);
      auto [p, t] = it == m->by_go.end() ? std::pair<int, int>{0, 0} : it->second;
      SheetCell cell = text(std::to_string(p) + "/" + std::to_string(t));
      cell.with_shade(p < t);
      row.cells.push_back(cell);
      if (p == t) ++full, ++complete[i];
    }
    row.cells.push_back(count(full));
  }
  if (r.covered) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells = {text("そろっている市町村（" + std::to_string(r.covered) + "中）")};
    for (int n : complete) total.cells.push_back(count(n));
    total.cells.push_back(SheetCell::blank());
  }
  add_common_notes(s, r);
  s.notes.push_back("各欄は「記載のある構成事業の数/その号の必須の構成事業の数」。第1号はイ〜ニの4、第3号はイ〜ニと柱書の5です。");
  return s;
}

Sheet funding_sheet_of(const PrefectureRollup& r) {
  Sheet s;
  s.name = "都道府県負担";
  s.description = "重層的支援体制整備事業の交付金のうち都道府県の負担（号別・経費区分別、市町村ごと）";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  auto labels = funding_go_labels();
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"年度", CellFormat::Text}};
  for (const auto& [go, label] : labels) s.main.columns.push_back({"第" + std::to_string(go) + "号", CellFormat::Yen});
  s.main.columns.push_back({"都道府県負担 計", CellFormat::Yen});
  size_t amount_col = s.main.columns.size();
  s.main.columns.push_back({"事業費", CellFormat::Yen});
  s.main.columns.push_back({"未計算の行", CellFormat::Count});
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name), text(format_fiscal_year_short(m->fiscal_year))};
    for (const auto& [go, label] : labels) {
      auto it = m->share_by_go.find(go);
      row.cells.push_back(yen(it == m->share_by_go.end() ? 0 : it->second));
    }
    row.cells.push_back(yen(m->share_total));
    row.cells.push_back(yen(m->funded_amount));
    row.cells.push_back(count(m->uncomputed_rows));
  }
  if (r.covered) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells.assign(s.main.columns.size(), SheetCell::blank());
    total.cells[0] = text(total_label(r));
    for (size_t col = 2; col <= amount_col + 1; ++col) total.cells[col] = sum_cell(s.main, 0, col);
  }
  add_common_notes(s, r);
  s.notes.push_back("都道府県負担：各市町村の財源内訳（kyosei build の「財源内訳」と同じ計算）の都道府県の欄の和です。"
                    "各行・負担者ごとに1円未満を切り捨て、その和を円単位の整数で合計しています。");
  s.notes.push_back("負担割合は各市町村の年度のもの（data/jusou_funding.csv、市町村が funding_ratios.csv を置いたときはそれ）です。"
                    "経費区分は社会福祉法第106条の9（第1号・第2号は義務的経費、第3号は裁量的経費）によります。");
  s.notes.push_back("割合が「以内」のもの（第1号ロ・ハ、第3号ハ・ニ）は上限額です。第1号ニ・第3号柱書（生活困窮）は都道府県の法定負担がありません。"
                    "号・経費区分ごとの合計は「号・経費区分別」のシートにあります。");
  if (r.uncomputed_rows)
    s.notes.push_back("按分が必要・事業費未把握などで計算できない行（" + std::to_string(r.uncomputed_rows) +
                      "行）は合計に含みません。");
  return s;
}

Sheet regime_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "号・経費区分別";
  s.description = "都道府県の負担の合計（号・経費区分別）：都道府県の予算の区分";
  s.landscape = true;
  s.main.name = s.name;
  s.main.columns = {{"号", CellFormat::Text, 22},     {"経費区分（根拠）", CellFormat::Text, 30},
                    {"割合", CellFormat::Text, 14},    {"都道府県負担", CellFormat::Yen},
                    {"事業費", CellFormat::Yen},       {"行数", CellFormat::Count},
                    {"上限額", CellFormat::Text}};
  for (const auto& sh : r.shares)
    s.main.add_row().cells = {text(sh.go_label), text(sh.regime), text(sh.ratio), yen(sh.yen), yen(sh.amount),
                              count(sh.rows), text(sh.includes_cap ? "以内" : "")};
  if (!r.shares.empty()) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells = {text(total_label(r)), SheetCell::blank(), SheetCell::blank()};
    for (size_t col : {3, 4, 5}) total.cells.push_back(sum_cell(s.main, 0, col));
    total.cells.push_back(SheetCell::blank());
  }
  add_common_notes(s, r);
  s.notes.push_back("各市町村の財源内訳の都道府県の欄（各行1円未満切り捨て）を、号と経費区分（社会福祉法第106条の9：第1号・第2号は"
                    "義務的経費、第3号は裁量的経費）ごとに円単位で合計したものです。上限額「以内」の行は、実際の交付額がこれ以下になることがあります。");
  return s;
}

Sheet staffing_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "職員配置";
  s.description = "分野別の常勤換算（人口1万人あたり）";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"人口", CellFormat::Count}};
  for (const auto& f : r.fields) s.main.columns.push_back({f, CellFormat::Decimal, 8});
  s.main.columns.push_back({"計", CellFormat::Decimal});
  s.main.columns.push_back({"人数", CellFormat::Count});
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name), m->population ? count(*m->population) : text(kUnknown)};
    for (const auto& f : r.fields) {
      std::optional<double> v = m->population ? std::optional<double>(0.0) : std::nullopt;
      for (const auto& st : m->staffing)
        if (st.field == f) v = st.per_10k;
      row.cells.push_back(decimal(v));
    }
    row.cells.push_back(decimal(m->fte_per_10k));
    row.cells.push_back(count(m->people));
  }
  add_common_notes(s, r);
  s.notes.push_back("人口1万人あたりの常勤換算（staff.csv の役割の配分×常勤換算を data/roles.csv の分野に割り振ったもの）。"
                    "人口がないときは未把握です。");
  return s;
}

Sheet meetings_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "会議体";
  s.description = "会議体の数と開催実績";
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"会議体", CellFormat::Count}, {"うち守秘義務あり", CellFormat::Count},
                    {"開催回数", CellFormat::Count},     {"検討事例数", CellFormat::Count}};
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name), count(m->meeting_bodies), count(m->confidential_bodies),
                 m->sessions ? count(*m->sessions) : text(kUnknown), m->cases ? count(*m->cases) : text(kUnknown)};
  }
  if (r.covered) {
    SheetRow& total = s.main.add_row();
    total.total = true;
    total.cells = {text(total_label(r))};
    for (size_t col : {1, 2, 3, 4}) total.cells.push_back(sum_cell(s.main, 0, col));
  }
  add_common_notes(s, r);
  s.notes.push_back("開催回数・検討事例数は meeting_sessions.csv から数えたもので、議題は載せていません。未把握は合計で0として数えます。");
  return s;
}

Sheet assessment_sheet(const PrefectureRollup& r, const Reference& ref) {
  Sheet s;
  s.name = "自己点検";
  s.description = "進捗自己点検の領域別の平均点（0〜3）";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}};
  for (const auto& d : ref.assessment_domains) s.main.columns.push_back({d.id + " " + d.name, CellFormat::Decimal, 9});
  s.main.columns.push_back({"全体", CellFormat::Decimal});
  for (const RollupMunicipality* m : covered(r)) {
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name)};
    for (const auto& d : ref.assessment_domains) {
      std::optional<double> mean;
      for (const auto& md : m->domains)
        if (md.id == d.id) mean = md.mean;
      row.cells.push_back(decimal(mean, "未回答"));
    }
    row.cells.push_back(decimal(m->overall_score, "未回答"));
  }
  add_common_notes(s, r);
  s.notes.push_back("assessment.csv の回答の領域ごとの平均（回答した項目のみ。回答のない領域は未回答）。");
  return s;
}

Sheet roles_sheet(const PrefectureRollup& r) {
  const PrefectureRole& no_office = prefecture_role("no_welfare_office");
  const PrefectureRole& no_support = prefecture_role("no_self_reliance_support");
  Sheet s;
  s.name = "都道府県の役割";
  s.description = "福祉事務所を設置していない町村と、自立相談支援（第1号ニ）の事業がない市町村";
  s.landscape = true;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"人口", CellFormat::Count}, {"福祉事務所", CellFormat::Text},
                    {"第1号ニ", CellFormat::Text, 30},  {"該当", CellFormat::Text, 40}};
  for (const RollupMunicipality* m : covered(r)) {
    bool support = m->has_self_reliance_support();
    if (m->welfare_office && support) continue;
    std::string st = "—（記載のある事業なし）";
    for (const auto& c : m->components)
      if (c.key == "1ニ" && c.present) st = c.substituted ? "○（福祉事務所未設置町村による相談事業）" : "○";
    std::vector<std::string> why;
    if (!m->welfare_office) why.push_back(no_office.label);
    if (!support) why.push_back(no_support.label);
    SheetRow& row = s.main.add_row();
    row.cells = {text(m->name), m->population ? count(*m->population) : text(kUnknown),
                 text(m->welfare_office ? "あり" : "なし"), text(st), text(join(why, "・"))};
    row.cells[3].with_shade(!support);
  }
  add_common_notes(s, r);
  s.notes.push_back(no_office.label + "：" + no_office.note + "（" + no_office.source + "）");
  s.notes.push_back(no_support.label + "：" + no_support.note + "（" + no_support.source + "）");
  const PrefectureRole& hub = prefecture_role("hub");
  s.notes.push_back(hub.label + "：" + hub.note + "（" + hub.source + "）");
  return s;
}

Sheet peers_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "同規模比較";
  s.description = "人口規模の近い市町村（同じ規模区分のほかの市町村の中央値）との比較";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14}, {"規模", CellFormat::Text, 12},     {"比較対象", CellFormat::Count},
                    {"構成事業", CellFormat::Count},     {"中央値", CellFormat::Decimal},    {"1万人あたり", CellFormat::Decimal},
                    {"中央値", CellFormat::Decimal},     {"重大", CellFormat::Count},        {"中央値", CellFormat::Decimal},
                    {"自己点検", CellFormat::Decimal},   {"中央値", CellFormat::Decimal}};
  for (const auto& p : r.peers) {
    SheetRow& row = s.main.add_row();
    const char* none = "比較対象なし";
    row.cells = {text(p.name),
                 text(p.band ? p.band->label : kUnknown),
                 count(p.peers),
                 count(p.required_present),
                 decimal(p.peer_required_present, none),
                 decimal(p.fte_per_10k),
                 decimal(p.peer_fte_per_10k, none),
                 count(p.findings_serious),
                 decimal(p.peer_findings_serious, none),
                 decimal(p.overall_score, "未回答"),
                 decimal(p.peer_overall_score, none)};
  }
  add_common_notes(s, r);
  std::string bands;
  for (const auto& b : peer_bands()) bands += (bands.empty() ? "" : "、") + b.label;
  s.notes.push_back("規模区分（data/prefecture_rollup.csv）：" + bands +
                    "。中央値は同じ区分のほかの市町村（自分を除く）の値です。構成事業は必須12のうち記載のある数。");
  return s;
}

Sheet change_sheet(const PrefectureRollup& r) {
  Sheet s;
  s.name = "前年度比較";
  s.description = "前年度の集計との比較（団体コードで照合）";
  s.landscape = true;
  s.frozen_columns = 1;
  s.main.name = s.name;
  s.main.columns = {{"自治体名", CellFormat::Text, 14},     {"前年度の重層", CellFormat::Text}, {"重層事業", CellFormat::Text},
                    {"構成事業（前年度）", CellFormat::Count}, {"構成事業", CellFormat::Count},   {"増えた区分", CellFormat::Text, 14},
                    {"なくなった区分", CellFormat::Text, 14}, {"1万人あたり（前年度）", CellFormat::Decimal},
                    {"1万人あたり", CellFormat::Decimal},     {"都道府県負担（前年度）", CellFormat::Yen},
                    {"都道府県負担", CellFormat::Yen},         {"増減", CellFormat::Yen},
                    {"重大（前年度）", CellFormat::Count},     {"重大", CellFormat::Count}};
  for (const auto& c : r.changes) {
    SheetRow& row = s.main.add_row();
    const char* none = "前年度なし";
    row.cells = {text(c.name),
                 text(c.in_previous ? c.previous_status : none),
                 text(c.status),
                 c.previous_required_present ? count(*c.previous_required_present) : text(none),
                 count(c.required_present),
                 text(join(c.gained, "・")),
                 text(join(c.lost, "・")),
                 c.in_previous ? decimal(c.previous_fte_per_10k) : text(none),
                 decimal(c.fte_per_10k),
                 c.previous_share_total ? yen(*c.previous_share_total) : text(none),
                 yen(c.share_total),
                 c.previous_share_total ? yen(c.share_total - *c.previous_share_total) : SheetCell::blank(),
                 c.previous_serious ? count(*c.previous_serious) : text(none),
                 count(c.serious)};
  }
  add_common_notes(s, r);
  s.notes.push_back("前年度：" + format_fiscal_year_short(r.previous_fiscal_year) +
                    "の集計（--previous に指定した親フォルダ）。団体コードで照合し、前年度に提出済みでない市町村は「前年度なし」です。");
  return s;
}

}  // namespace

const char* component_mark(const RollupComponent& c) {
  if (!c.present) return "—";
  return c.substituted ? "○（代替）" : "○";
}

std::string format_per_10k(const std::optional<double>& v) {
  if (!v) return kUnknown;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *v);
  return buf;
}

std::vector<Sheet> prefecture_sheets(const PrefectureRollup& r, const Reference& ref) {
  std::vector<Sheet> sheets = {status_sheet(r),      overview_sheet(r),    component_sheet(r, ref),
                               go_sheet(r),          funding_sheet_of(r),  regime_sheet(r),  staffing_sheet(r),
                               meetings_sheet(r),    assessment_sheet(r, ref), roles_sheet(r),
                               peers_sheet(r)};
  if (r.has_previous) sheets.push_back(change_sheet(r));
  return sheets;
}

}  // namespace kyosei
