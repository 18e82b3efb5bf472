#include "read/municipality_reader.h"

#include <cmath>
#include <set>
#include <toml++/toml.h>

#include "base/dates.h"
#include "base/numbers.h"
#include "base/text.h"
#include "read/table_reader.h"
#include "read/toml_messages.h"

namespace kyosei {

namespace {

constexpr const char* kFile = "municipality.toml";

// Reads keys of one table, reporting problems at the key's line.
class KeyReader {
 public:
  KeyReader(const toml::table* t, std::string prefix, int table_line, Diagnostics& d)
      : t_(t), prefix_(std::move(prefix)), table_line_(table_line), d_(d) {}

  const toml::node* node(const char* key) {
    used_.insert(key);
    return t_ ? t_->get(key) : nullptr;
  }
  Location where(const char* key) {
    const toml::node* n = t_ ? t_->get(key) : nullptr;
    int line = n ? static_cast<int>(n->source().begin.line) : table_line_;
    return {kFile, line > 0 ? line : 1, prefix_ + key};
  }
  void missing(const char* key, const std::string& expected) {
    d_.error(where(key), "必須の項目「" + prefix_ + key + "」がありません", expected);
  }

  std::string text(const char* key, bool required, const std::string& expected) {
    const toml::node* n = node(key);
    if (!n) {
      if (required) missing(key, expected);
      return "";
    }
    if (auto s = n->value<std::string>()) {
      std::string v = trim(*s);
      if (v.empty() && required) d_.error(where(key), "値が空です", expected);
      return v;
    }
    d_.error(where(key), "文字列ではありません", expected + "（\" で囲む）");
    return "";
  }

  // Integers or strings ("R8", "令和8年度") for years.
  std::optional<int> year(const char* key, bool required) {
    const toml::node* n = node(key);
    if (!n) {
      if (required) missing(key, kExpectedYear);
      return std::nullopt;
    }
    std::optional<int> y;
    if (auto i = n->value<int64_t>()) y = parse_fiscal_year(std::to_string(*i));
    else if (auto s = n->value<std::string>()) y = parse_fiscal_year(*s);
    if (!y) d_.error(where(key), "年度として読めません", kExpectedYear);
    return y;
  }

  std::optional<double> number(const char* key, double min, double max, const std::string& expected) {
    const toml::node* n = node(key);
    if (!n) return std::nullopt;
    std::optional<double> v;
    if (auto i = n->value<double>()) v = *i;
    else if (auto s = n->value<std::string>()) v = parse_decimal(*s);
    // TOML's nan and inf are numbers to toml++; NaN also slips past < and >.
    if (!v || !std::isfinite(*v) || *v < min || *v > max) {
      d_.error(where(key), "数値として読めないか範囲外です", expected);
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> boolean(const char* key, bool required) {
    const toml::node* n = node(key);
    if (!n) {
      if (required) missing(key, "true（福祉事務所あり）または false（なし）");
      return std::nullopt;
    }
    if (auto b = n->value<bool>()) return b;
    d_.error(where(key), "true / false ではありません", "true または false（\" で囲まない）");
    return std::nullopt;
  }

  void warn_unknown() {
    if (!t_) return;
    for (auto& [k, v] : *t_) {
      std::string key(k.str());
      if (used_.count(key) || v.is_table()) continue;
      d_.warning({kFile, static_cast<int>(v.source().begin.line), prefix_ + key}, "未知の項目です。読み飛ばします");
    }
  }

 private:
  const toml::table* t_;
  std::string prefix_;
  int table_line_;
  Diagnostics& d_;
  std::set<std::string> used_;
};

}  // namespace

bool read_municipality(const FileSystem& fs, Municipality& m, Diagnostics& diags) {
  if (!fs.exists(kFile)) {
    diags.error({kFile}, "必須のファイルがありません", "municipality.toml（自治体プロフィール）。`kyosei init` で見本を作れます");
    return false;
  }
  auto text = read_text_file(fs, kFile, diags);
  if (!text) return false;
  toml::table doc;
  try {
    doc = toml::parse(std::string_view(*text), std::string_view(kFile));
  } catch (const toml::parse_error& e) {
    report_toml_error(e, kFile, *text, diags);
    return false;
  }

  int errors_before = diags.error_count();
  KeyReader top(&doc, "", 1, diags);
  m.name = top.text("name", true, "自治体名（例: \"架空市\"）");
  {
    const toml::node* n = top.node("code");
    std::string code;
    if (!n) top.missing("code", "6桁の全国地方公共団体コード（例: \"999997\"）");
    else if (auto s = n->value<std::string>()) code = normalize(*s);
    else if (auto i = n->value<int64_t>()) {
      code = std::to_string(*i);
      while (code.size() < 6) code = "0" + code;
    }
    if (n && !is_valid_local_government_code(code)) {
      std::string expected = "検査数字まで含めた6桁のコード";
      if (code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos)
        expected += "（先頭5桁が " + code.substr(0, 5) + " なら 6桁目は " +
                    std::to_string(local_government_check_digit(code.substr(0, 5))) + "）";
      diags.error(top.where("code"), "「" + code + "」は全国地方公共団体コードとして正しくありません（検査数字が合いません）", expected);
    }
    m.code = code;
  }
  m.prefecture = top.text("prefecture", true, "都道府県名（例: \"架空県\"）");
  if (auto y = top.year("fiscal_year", true)) m.fiscal_year = *y;
  if (const toml::node* n = top.node("population")) {
    auto v = n->value<int64_t>();
    if (!v || *v < 0) diags.error(top.where("population"), "人口として読めません", "0以上の整数（例: 182000）");
    else m.population = *v;
  }
  m.aging_rate = top.number("aging_rate", 0, 100, "0〜100 の数（例: 29.4）");
  if (auto b = top.boolean("welfare_office", true)) m.welfare_office = *b;
  {
    static const char* statuses[] = {"実施", "移行準備", "未実施"};
    std::string s = normalize(top.text("jusou_status", true, "実施・移行準備・未実施 のいずれか"));
    bool ok = false;
    for (auto* st : statuses) ok |= s == st;
    if (!s.empty() && !ok) diags.error(top.where("jusou_status"), "「" + s + "」は使えない値です", "実施・移行準備・未実施 のいずれか");
    m.jusou_status = s;
  }
  m.jusou_start_year = top.year("jusou_start_year", false);
  top.warn_unknown();

  auto table_line = [&](const char* name) {
    const toml::node* n = doc.get(name);
    return n ? static_cast<int>(n->source().begin.line) : 1;
  };
  const toml::table* plan = doc["plan"].as_table();
  if (!plan) diags.error({kFile, 1, "plan"}, "[plan]（地域福祉計画）の表がありません", "[plan] に title・start_year・end_year");
  KeyReader p(plan, "plan.", table_line("plan"), diags);
  if (plan) {
    m.plan.title = p.text("title", true, "計画の名称（例: \"第4期架空市地域福祉計画\"）");
    if (auto y = p.year("start_year", true)) m.plan.start_year = *y;
    if (auto y = p.year("end_year", true)) m.plan.end_year = *y;
    if (m.plan.start_year && m.plan.end_year && m.plan.end_year < m.plan.start_year)
      diags.error(p.where("end_year"), "計画の終了年度が開始年度より前です", "start_year 以降の年度");
    if (p.node("jusou_plan")) {
      std::string mode = normalize(p.text("jusou_plan", false, "\"standalone\"（単独の計画）または \"chapter\"（地域福祉計画の1章）"));
      if (mode == "standalone" || mode == "chapter") m.plan.jusou_plan = mode;
      else if (!mode.empty())
        diags.error(p.where("jusou_plan"), "「" + mode + "」は使えない値です",
                    "\"standalone\"（重層的支援体制整備事業実施計画を単独の計画にする）または \"chapter\"（地域福祉計画の1章にする）");
    }
    p.warn_unknown();
  }
  const toml::table* site = doc["site"].as_table();
  if (!site) diags.error({kFile, 1, "site"}, "[site]（公開サイト）の表がありません", "[site] に title・contact");
  KeyReader st(site, "site.", table_line("site"), diags);
  if (site) {
    m.site.title = st.text("title", true, "サイトの名称");
    m.site.base_url = st.text("base_url", false, "");
    if (!m.site.base_url.empty() && m.site.base_url.rfind("https://", 0) != 0 && m.site.base_url.rfind("http://", 0) != 0)
      diags.error(st.where("base_url"), "URL ではありません", "https:// で始まる公開先のURL（例: \"https://example.jp/kyosei/\"）");
    else if (!m.site.base_url.empty() && m.site.base_url.back() != '/')
      m.site.base_url += '/';
    m.site.contact = st.text("contact", true, "問い合わせ先（例: \"架空市 福祉部 地域福祉課 電話 000-000-0000\"）");
    st.warn_unknown();
  }
  return diags.error_count() == errors_before;
}

const char* const kMunicipalityTemplate = R"(# 自治体プロフィールと計画期間（kyosei 入力データ仕様 第1版）
name = "架空市"                 # 自治体名
code = "999997"                 # 全国地方公共団体コード（6桁・検査数字つき）
prefecture = "架空県"
fiscal_year = 2026              # このデータが表す年度（2026、"R8"、"令和8年度" も可）
population = 182000             # 人口（省略可）
aging_rate = 29.4               # 高齢化率 %（省略可）
welfare_office = true           # 福祉事務所を設置しているか（町村で未設置なら false）
jusou_status = "実施"           # 重層的支援体制整備事業: 実施 | 移行準備 | 未実施
jusou_start_year = 2023         # 重層事業の開始年度（省略可）

[plan]                          # 地域福祉計画
title = "第4期架空市地域福祉計画"
start_year = 2025
end_year = 2029
# jusou_plan = "chapter"        # 重層事業の実施計画を地域福祉計画の1章にするとき（省略すると単独の計画）

[site]
title = "架空市 地域共生のとりくみ"
# base_url = "https://example.jp/kyosei/"   # 公開先（省略可。あると sitemap.xml を作ります）
contact = "架空市 福祉部 地域福祉課 電話 000-000-0000"
)";

}  // namespace kyosei
