#include "write/plan/plan_text.h"

#include <cmath>

#include "analyse/organisations.h"
#include "base/text.h"
#include "base/wording.h"
#include "write/markdown/markdown_html.h"
#include "write/common/site_format.h"

namespace kyosei {

std::string md(std::string_view text) { return markdown_table_cell(text); }

std::string MarkdownTable::render() const {
  if (rows.empty()) return "";
  auto line = [](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
  };
  std::vector<std::string> rule;
  for (size_t i = 0; i < headers.size(); ++i)
    rule.push_back(i < right_aligned.size() && right_aligned[i] ? "---:" : "---");
  std::string out = line(headers) + line(rule);
  for (const auto& r : rows) out += line(r);
  return out;
}

std::string bullet_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += "- " + i + "\n";
  return out;
}

std::string fte_text(double fte) { return decimal_text(fte) + "人"; }

std::string number_text(double value) {
  double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9 && std::fabs(rounded) < 1e15) return with_commas(static_cast<long long>(rounded));
  return decimal_text(value);
}

std::string amount_text(const std::optional<long long>& n, std::string_view unit) { return count_text(n, unit); }

std::string own_municipality(const std::string& name) {
  for (const char* suffix : {"市", "町", "村", "区"}) {
    std::string s = suffix;
    if (name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) return "本" + s;
  }
  return "本市町村";
}

std::string provider_cell(const Service& s, const Municipality& m) {
  if (!s.provider.empty()) return md(provider_display(s));
  if (s.method == kDirectlyRun) return md(m.name) + "（" + kDirectlyRun + "）";
  return kUnknown;
}

std::string areas_cell(const Dataset& ds, const Service& s) { return names_text(area_names(ds, s.areas)); }

std::string service_label(const Service& s) { return md(s.name) + "（" + md(s.id) + "）"; }

std::string names_text(const std::vector<std::string>& names) {
  std::vector<std::string> escaped;
  for (const auto& n : names) escaped.push_back(md(n));
  return join(escaped, "、");
}

std::string names_capped(const std::vector<std::string>& names, size_t shown, std::string_view counter) {
  if (names.size() <= shown) return names_text(names);
  return names_text({names.begin(), names.begin() + static_cast<long>(shown)}) + "など" + std::to_string(names.size()) +
         std::string(counter);
}

std::string tidy_markdown(std::string_view text) {
  std::string out;
  int blank_run = 0;
  size_t start = 0;
  bool any = false;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    std::string l(line);
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (trim(l).empty()) {
      ++blank_run;
    } else {
      if (any && blank_run > 0) out += "\n";
      out += l + "\n";
      any = true;
      blank_run = 0;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string component_count_text(const std::vector<ComponentCoverage>& components) {
  int eleven = 0, found = 0;
  const ComponentCoverage* pillar = nullptr;
  const ComponentCoverage* plan = nullptr;
  for (const auto& c : components) {
    if (c.component->counted_as == "11事業") {
      ++eleven;
      found += c.implemented() ? 1 : 0;
    } else if (c.component->counted_as == "第3号柱書") {
      pillar = &c;
    } else {
      plan = &c;
    }
  }
  std::string out = "重層的支援体制整備事業を構成する" + std::to_string(eleven) + "事業（第1号イ〜ニ、第2号、第3号イ〜ニ、第4号、第5号）";
  out += found == eleven ? "のすべてで、対応する既存事業を確認できました。"
                         : "のうち、対応する既存事業を確認できたのは" + std::to_string(found) + "事業、未把握は" +
                               std::to_string(eleven - found) + "事業です。";
  if (pillar)
    out += "このほか、第3号柱書の「" + md(pillar->expected_program) + "」は" +
           (pillar->implemented() ? "対応する既存事業があります。" : "対応する既存事業を確認できていません（未把握）。");
  if (plan) out += "第6号（" + md(plan->expected_program) + "）は、第5号の多機関協働事業と一体で行います。";
  return out;
}

}  // namespace kyosei
