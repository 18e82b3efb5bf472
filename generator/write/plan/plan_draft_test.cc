#include "write/plan/plan_draft.h"

#include <doctest/doctest.h>

#include "write/plan/plan_html.h"

#include "analyse/findings_config.h"

namespace kyosei {

namespace {

Service service(std::string id, std::string name, std::string field, std::vector<std::string> functions,
                std::vector<std::string> codes, std::string method = "直営", std::string provider = "") {
  Service s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.field = std::move(field);
  s.functions = std::move(functions);
  s.jusou_codes = std::move(codes);
  s.department = "福祉課";
  s.method = std::move(method);
  s.provider = std::move(provider);
  return s;
}

Dataset sample(const std::string& status = "実施") {
  Dataset ds;
  Municipality& m = ds.municipality;
  m.name = "見本市";
  m.fiscal_year = 2026;
  m.jusou_status = status;
  m.plan = {"第1期見本市地域福祉計画", 2026, 2030};
  Area whole;
  whole.id = "A0";
  whole.name = "市全域";
  whole.layer = 1;
  ds.areas = {whole};
  ds.services = {
      service("S1", "包括*強調* <script>alert(1)</script>", "高齢", {"相談支援"}, {"1イ"}, "委託", "法人[A](javascript:x)"),
      service("S2", "自立相談", "生活困窮", {"相談支援", "多機関協働"}, {"1ニ", "5", "6"}),
      service("S3", "内部の経費", "地域福祉", {"多機関協働"}, {"2"}),
  };
  ds.services[2].is_public = false;
  ds.services[0].sites = 3;
  Staff p;
  p.id = "P1";
  p.name = "秘密 花子";
  p.organisation = "見本市 福祉課";
  p.organisation_type = "市町村";
  p.roles = {{"多機関協働事業の担当者", 1.0, 1.0}};
  p.services = {"S2"};
  ds.staff = {p};
  Meeting support;
  support.id = "M1";
  support.name = "見本市支援会議";
  support.kinds = {"支援会議"};
  support.confidential = true;
  support.department = "福祉課";
  ds.meetings = {support};
  Session s;
  s.meeting_id = "M1";
  s.date = {2026, 5, 1};
  s.case_count = 2;
  s.agenda = "守秘：A世帯の件";
  ds.sessions = {s};
  return ds;
}

std::string all_text(const PlanDraft& d) {
  std::string out;
  for (const auto& c : d.chapters) out += c.markdown;
  return out;
}

bool has_chapter(const PlanDraft& d, const std::string& part) {
  for (const auto& c : d.chapters)
    if (c.title.find(part) != std::string::npos) return true;
  return false;
}

PlanDraft jusou(const Dataset& ds, DraftOptions o = {}) {
  Diagnostics diags;
  const Analysis a(ds, builtin_reference(), o.previous);
  auto d = build_jusou_draft(a, o, diags);
  REQUIRE(d);
  CHECK(diags.error_count() == 0);
  return *d;
}

PlanDraft welfare(const Dataset& ds, DraftOptions o = {}) {
  Diagnostics diags;
  const Analysis a(ds, builtin_reference(), o.previous);
  auto d = build_welfare_draft(a, o, diags);
  REQUIRE(d);
  CHECK(diags.error_count() == 0);
  return *d;
}

}  // namespace

TEST_CASE("the 実施計画 draft has every required chapter and 号, numbered in order") {
  PlanDraft d = jusou(sample());
  CHECK(d.title == "見本市重層的支援体制整備事業実施計画（案）");
  for (const char* part : {"趣旨・背景", "位置付け", "計画期間", "現状と課題", "基本方針", "提供体制", "会議体", "連携",
                           "財源", "目標", "推進体制"})
    CHECK_MESSAGE(has_chapter(d, part), part);
  CHECK(d.chapters.front().title == "第1章 計画策定の趣旨・背景");
  CHECK(d.chapters.front().file_name == "01_趣旨・背景.md");
  std::string text = all_text(d);
  for (const char* go : {"第1号", "第2号", "第3号", "第4号", "第5号", "第6号"}) CHECK_MESSAGE(text.find(go) != std::string::npos, go);
  CHECK(text.find("社会福祉法第106条の6") != std::string::npos);
}

TEST_CASE("drafts never carry staff names or meeting agendas, and escape input text") {
  for (const PlanDraft& d : {jusou(sample()), welfare(sample())}) {
    std::string text = all_text(d);
    CHECK(text.find("秘密") == std::string::npos);
    CHECK(text.find("A世帯") == std::string::npos);
    CHECK(text.find("<script>") == std::string::npos);
    std::string html = render_plan_html(d, sample().municipality);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    CHECK(html.find("&lt;script&gt;") != std::string::npos);  // shown as text
  }
}

TEST_CASE("unknown values read 未把握, known ones carry units") {
  std::string text = all_text(jusou(sample()));
  CHECK(text.find("| 3か所 |") != std::string::npos);
  CHECK(text.find("1人（常勤換算1人）") != std::string::npos);  // S2: P1 only
  CHECK(text.find("見本市（直営）") != std::string::npos);
}

TEST_CASE("移行準備 gets a 移行計画 and 未実施 a short draft") {
  PlanDraft prep = jusou(sample("移行準備"));
  CHECK(prep.title == "見本市重層的支援体制整備事業への移行計画（案）");
  CHECK(all_text(prep).find("移行準備を進めています") != std::string::npos);

  PlanDraft none = jusou(sample("未実施"));
  PlanDraft full = jusou(sample());
  CHECK(none.chapters.size() < full.chapters.size());
  CHECK(has_chapter(none, "提供体制"));
  CHECK(has_chapter(none, "今後の進め方"));
  CHECK_FALSE(has_chapter(none, "財源"));
  CHECK(all_text(none).find("事業の実施を決めた時点から適用します") != std::string::npos);
  // 第5号 applies to every 市町村 (令和2年法律第52号), 未実施 included.
  CHECK(all_text(welfare(sample("未実施"))).find("## 5 包括的な支援体制の整備") != std::string::npos);
  CHECK(all_text(welfare(sample())).find("## 5 包括的な支援体制の整備") != std::string::npos);
}

TEST_CASE("a town without a 福祉事務所 has the substitute 相談事業 under 第1号ニ") {
  Dataset ds = sample();
  ds.municipality.welfare_office = false;
  std::string text = all_text(jusou(ds));
  CHECK(text.find("第1号ニ 福祉事務所未設置町村による相談事業") != std::string::npos);
}

TEST_CASE("narratives replace a section or a whole chapter; drafted text is marked （案）") {
  Dataset ds = sample();
  std::string before = all_text(jusou(ds));
  // The drafted text keeps its （案） mark; which file replaces it is for
  // the officer and is listed in the checklist only.
  CHECK(before.find("> （案）データから作成した下書きです\n") != std::string::npos);
  CHECK(before.find("差し替え") == std::string::npos);
  CHECK(before.find("narrative/") == std::string::npos);
  {
    PlanDraft w = welfare(ds);
    for (const auto& c : w.chapters)
      if (!c.internal) CHECK_MESSAGE(c.markdown.find("narrative/") == std::string::npos, c.title);
    const DraftChapter& checklist = w.chapters.back();
    CHECK(checklist.internal);
    CHECK(checklist.markdown.find("| 第4章 基本理念と目指す姿 ＞ 1 基本理念 | narrative/理念.md |") != std::string::npos);
    // The 実施計画 drafted on its own is listed there too.
    CHECK(checklist.markdown.find("**見本市重層的支援体制整備事業実施計画（案）**") != std::string::npos);
    CHECK(checklist.markdown.find("| 第5章 基本方針 ＞ 1 基本理念 | narrative/理念.md |") != std::string::npos);
    // Handed over as it is: the HTML has no checklist and does not point to it.
    CHECK(render_plan_html(w, ds.municipality).find("点検表") == std::string::npos);
  }
  ds.narratives["理念"] = "# 計画の理念\n\n**ともに生きる**まち\n\n## 3つの柱\n";
  ds.narratives["実施計画_現状と課題"] = "# 独自の見出し\n\n職員が書いた現状です。\n";
  PlanDraft d = jusou(ds);
  std::string text = all_text(d);
  CHECK(text.find("narrative/理念.md") == std::string::npos);
  CHECK(text.find("**ともに生きる**まち") != std::string::npos);
  CHECK(text.find("### 3つの柱") != std::string::npos);  // below the section heading
  CHECK(text.find("# 計画の理念") == std::string::npos);
  for (const auto& c : d.chapters)
    if (c.title == "第4章 現状と課題") CHECK(c.markdown == "# 第4章 現状と課題\n\n職員が書いた現状です。\n");
}

TEST_CASE("a dataset may override a template; a broken one is reported") {
  MemoryFileSystem fs;
  fs.put("templates/plan/実施計画/03_計画期間.md", "\xEF\xBB\xBF# 期間\n\n{{自治体名}}の独自の文章。\n");
  PlanDraft d = jusou(sample(), {false, nullptr, &fs});
  bool found = false;
  for (const auto& c : d.chapters)
    if (c.title == "第3章 期間") found = c.markdown == "# 第3章 期間\n\n見本市の独自の文章。\n";
  CHECK(found);

  fs.put("templates/plan/実施計画/03_計画期間.md", "# 期間\n{{#実施}}閉じていない\n");
  Diagnostics diags;
  const Dataset broken_ds = sample();
  const Analysis broken_analysis(broken_ds, builtin_reference());
  auto broken = build_jusou_draft(broken_analysis, {false, nullptr, &fs}, diags);
  CHECK_FALSE(broken);
  CHECK(diags.error_count() == 1);
}

TEST_CASE("the 実施計画 can be a chapter of the 地域福祉計画") {
  Dataset ds = sample();
  ds.municipality.plan.jusou_plan = "chapter";
  CHECK_FALSE(jusou_plan_standalone(ds.municipality));
  PlanDraft d = welfare(ds);
  bool found = false;
  for (const auto& c : d.chapters) {
    if (c.title.find("重層的支援体制整備事業実施計画") == std::string::npos) continue;
    found = true;
    CHECK(c.markdown.find("\n## 1 計画策定の趣旨・背景\n") != std::string::npos);
    CHECK(c.markdown.find("### 5 第5号 多機関協働事業・第6号 支援プランの作成") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("the public draft leaves out services marked 公開 しない") {
  Dataset ds = sample();
  CHECK(all_text(jusou(ds)).find("内部の経費") != std::string::npos);
  CHECK(all_text(jusou(ds, {true, nullptr, nullptr})).find("内部の経費") == std::string::npos);
  CHECK(all_text(welfare(ds, {true, nullptr, nullptr})).find("内部の経費") == std::string::npos);
}

TEST_CASE("the checklist says when nothing addresses an item and that the list is unverified") {
  PlanDraft d = welfare(sample());
  const DraftChapter& last = d.chapters.back();
  CHECK(last.title == "資料 共通して取り組むべき事項の点検表");
  CHECK(last.markdown.find("取組・記述なし") != std::string::npos);
  CHECK(last.markdown.find("| 未確認 |") != std::string::npos);
}

namespace {
// The checklist row of one item (ア … タ).
std::string checklist_row(const PlanDraft& d, const std::string& id) {
  const std::string& md = d.chapters.back().markdown;
  size_t at = md.find("\n| " + id + " |");
  REQUIRE(at != std::string::npos);
  return md.substr(at + 1, md.find('\n', at + 1) - at - 1);
}
}  // namespace

TEST_CASE("the checklist never counts kyosei's own text; 共通事項 and narratives do") {
  Dataset ds = sample();
  // kyosei's templates and generated sections name 「制度の狭間」 (ウ) and
  // 「生活困窮」 (エ): that alone covers nothing.
  PlanDraft plain = welfare(ds);
  CHECK(checklist_row(plain, "ウ").find("取組・記述なし") != std::string::npos);
  CHECK(checklist_row(plain, "エ").find("取組・記述なし") != std::string::npos);
  // An explicit 共通事項 on a service covers ウ; a narrative covers エ.
  ds.services[1].common_items = {"ウ"};
  ds.narratives["推進体制"] = "生活困窮の相談は自立相談支援機関と連携します。";
  PlanDraft linked = welfare(ds);
  CHECK(checklist_row(linked, "ウ").find("自立相談") != std::string::npos);
  CHECK(checklist_row(linked, "エ").find("narrative/推進体制.md") != std::string::npos);
  CHECK(checklist_row(linked, "ア").find("取組・記述なし") != std::string::npos);
}

TEST_CASE("第107条第1項第5号 applies to every municipality, 未実施 included") {
  Dataset ds = sample();
  ds.municipality.jusou_status = "未実施";
  std::string text = all_text(welfare(ds));
  CHECK(text.find("該当しません") == std::string::npos);
  CHECK(text.find("5 包括的な支援体制の整備") != std::string::npos);
  CHECK(text.find("すべての市町村が定める事項") != std::string::npos);
  ds.municipality.jusou_status = "実施";
  std::string implemented = all_text(welfare(ds));
  CHECK(implemented.find("11事業（第1号イ〜ニ、第2号、第3号イ〜ニ、第4号、第5号）") != std::string::npos);
  CHECK(implemented.find("13の構成事業") == std::string::npos);
}

TEST_CASE("with a previous year, both drafts show what changed") {
  Dataset now = sample();
  Dataset before = sample();
  before.municipality.fiscal_year = 2025;
  before.services.pop_back();  // S3 is new this year
  before.services.push_back(service("S9", "終わった事業", "地域福祉", {"相談支援"}, {}));
  before.sessions.clear();
  DraftOptions o{false, &before, nullptr};
  for (const PlanDraft& d : {jusou(now, o), welfare(now, o)}) {
    REQUIRE(has_chapter(d, "前年度からの変化"));
    std::string text = all_text(d);
    CHECK(text.find("内部の経費（S3）") != std::string::npos);
    CHECK(text.find("終わった事業（S9）") != std::string::npos);
    CHECK(text.find("| 見本市支援会議 | 未把握 | 1回 |") != std::string::npos);  // no sessions recorded before
  }
  CHECK_FALSE(has_chapter(jusou(now), "前年度からの変化"));
}

TEST_CASE("plan drafts: every 課題 wording names an enabled finding of findings.toml") {
  const FindingsConfig& config = builtin_findings_config();
  REQUIRE_FALSE(builtin_plan_reference().issues.empty());
  for (const auto& issue : builtin_plan_reference().issues) {
    CAPTURE(issue.finding);
    const FindingRuleConfig* rule = config.rule(issue.finding);
    REQUIRE(rule);
    CHECK(rule->enabled);
    CHECK_FALSE(issue.text.empty());
  }
}

TEST_CASE("plan drafts: the 課題 use the findings' thresholds (兼務: FND-06a min_roles), not their own") {
  const int min_roles = builtin_findings_config().rule("FND-06a")->integer("min_roles");
  auto with_roles = [](int n) {
    Dataset ds = sample();
    static const char* roles[] = {"多機関協働事業の担当者", "相談支援包括化推進員", "参加支援員", "アウトリーチ支援員",
                                  "地域づくりコーディネーター"};
    ds.staff[0].roles.clear();
    for (int i = 0; i < n; ++i) ds.staff[0].roles.push_back({roles[i], 1.0 / n, 1.0 / n});
    return all_text(jusou(ds));
  };
  const std::string phrase = "件以上の役割を兼ねています";
  CHECK(with_roles(min_roles - 1).find(phrase) == std::string::npos);
  const std::string md = with_roles(min_roles);
  CHECK(md.find("コーディネーター等のうち1人が" + std::to_string(min_roles) + phrase) != std::string::npos);
  CHECK(md.find("P1") == std::string::npos);  // a 課題 names no person
}

TEST_CASE("plan drafts: the public copy's 課題 name no 公開しない service") {
  Dataset ds = sample();
  ds.services[1].is_public = false;  // 1ニ;5;6: nobody would see it on the site
  ds.services[1].name = "非公開の窓口";
  ds.staff.clear();                  // so FND-26b lists every 重層 service
  const std::string council = all_text(jusou(ds));
  CHECK(council.find("名簿に担当する職員がいません") != std::string::npos);
  CHECK(council.find("非公開の窓口") != std::string::npos);
  DraftOptions o;
  o.public_site = true;
  const std::string site = all_text(jusou(ds, o));
  CHECK(site.find("非公開の窓口") == std::string::npos);
}

}  // namespace kyosei
