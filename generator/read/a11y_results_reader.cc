#include "read/a11y_results_reader.h"

#include <set>
#include <toml++/toml.h>

#include "base/dates.h"
#include "base/text.h"
#include "read/toml_messages.h"
#include "read/table_reader.h"

namespace kyosei {

namespace {

int line_of(const toml::node& n) {
  int line = static_cast<int>(n.source().begin.line);
  return line > 0 ? line : 1;
}

// Reads the keys of one table; remembers which were read, to warn about
// the others.
class Keys {
 public:
  Keys(const toml::table& t, std::string prefix, Diagnostics& d) : t_(t), prefix_(std::move(prefix)), d_(d) {}

  std::string text(const char* key) {
    used_.insert(key);
    const toml::node* n = t_.get(key);
    if (!n) return "";
    if (auto s = n->value<std::string>()) return trim(*s);
    d_.error({kA11yResultsFile, line_of(*n), prefix_ + key}, "文字列ではありません", "\" で囲んだ文字列");
    return "";
  }

  int count(const char* key, int if_missing) {
    used_.insert(key);
    const toml::node* n = t_.get(key);
    if (!n) return if_missing;
    if (auto i = n->value<int64_t>(); i && *i >= 0 && *i <= 1000000) return static_cast<int>(*i);
    d_.error({kA11yResultsFile, line_of(*n), prefix_ + key}, "0以上の整数ではありません", "0以上の整数（例: 0）");
    return if_missing;
  }

  std::optional<Date> date(const char* key) {
    used_.insert(key);
    const toml::node* n = t_.get(key);
    if (!n) return std::nullopt;
    if (auto d = n->value<toml::date>()) {
      if (is_valid_date(d->year, d->month, d->day)) return Date{d->year, d->month, d->day};
    } else if (auto s = n->value<std::string>()) {
      if (auto parsed = parse_date(*s)) return parsed;
    }
    d_.error({kA11yResultsFile, line_of(*n), prefix_ + key}, "日付として読めません", kExpectedDate);
    return std::nullopt;
  }

  std::vector<std::string> texts(const char* key) {
    used_.insert(key);
    std::vector<std::string> out;
    const toml::node* n = t_.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    bool ok = a != nullptr;
    if (a)
      for (const auto& item : *a) {
        if (auto s = item.value<std::string>()) out.push_back(trim(*s));
        else ok = false;
      }
    if (!ok) d_.error({kA11yResultsFile, line_of(*n), prefix_ + key}, "文字列の配列ではありません", "[\"wcag2a\", \"wcag2aa\"]");
    return out;
  }

  // The array of tables under key (empty when absent or not one).
  const toml::array* tables(const char* key) {
    used_.insert(key);
    const toml::node* n = t_.get(key);
    if (!n) return nullptr;
    const toml::array* a = n->as_array();
    if (!a || !a->is_array_of_tables()) {
      d_.error({kA11yResultsFile, line_of(*n), prefix_ + key}, "表の配列ではありません", std::string("[[") + key + "]] の形");
      return nullptr;
    }
    return a;
  }

  void warn_unknown() {
    for (const auto& [k, v] : t_) {
      std::string key(k.str());
      if (!used_.count(key))
        d_.warning({kA11yResultsFile, line_of(v), prefix_ + key}, "未知の項目です。読み飛ばします");
    }
  }

 private:
  const toml::table& t_;
  std::string prefix_;
  Diagnostics& d_;
  std::set<std::string> used_;
};

}  // namespace

std::optional<A11yResults> read_a11y_results(const FileSystem& fs, Diagnostics& diags) {
  if (!fs.exists(kA11yResultsFile)) return std::nullopt;
  auto text = read_text_file(fs, kA11yResultsFile, diags);
  if (!text) return std::nullopt;
  toml::table doc;
  try {
    doc = toml::parse(std::string_view(*text), std::string_view(kA11yResultsFile));
  } catch (const toml::parse_error& e) {
    report_toml_error(e, kA11yResultsFile, *text, diags);
    return std::nullopt;
  }
  int errors_before = diags.error_count();
  A11yResults r;
  Keys top(doc, "", diags);
  r.tested_on = top.date("tested_on");
  r.tool = top.text("tool");
  r.browser = top.text("browser");
  r.method = top.text("method");
  r.standard = top.text("standard");
  r.level = top.text("level");
  r.tags = top.texts("tags");
  r.note = top.text("note");
  if (const toml::array* pages = top.tables("pages")) {
    for (const auto& item : *pages) {
      const toml::table& t = *item.as_table();
      Keys k(t, "pages.", diags);
      A11yPageResult p;
      p.path = k.text("path");
      p.violations = k.count("violations", 0);
      if (p.path.empty())
        diags.error({kA11yResultsFile, line_of(t), "pages.path"}, "ページのパスがありません", "path = \"index.html\"");
      k.warn_unknown();
      r.pages.push_back(std::move(p));
    }
  }
  if (const toml::array* violations = top.tables("violations")) {
    for (const auto& item : *violations) {
      const toml::table& t = *item.as_table();
      Keys k(t, "violations.", diags);
      A11yViolation v;
      v.path = k.text("path");
      v.rule = k.text("rule");
      v.criteria = k.text("criteria");
      v.impact = k.text("impact");
      v.help = k.text("help");
      v.nodes = k.count("nodes", 1);
      k.warn_unknown();
      r.violations.push_back(std::move(v));
    }
  }
  top.warn_unknown();
  if (diags.error_count() != errors_before) return std::nullopt;
  return r;
}

}  // namespace kyosei
