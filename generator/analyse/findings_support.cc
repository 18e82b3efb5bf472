// Helpers the finding rules share (declared in findings_rules.h).
#include <algorithm>
#include <cstdio>
#include <set>

#include "analyse/findings_rules.h"
#include "base/text.h"

namespace kyosei {

Finding RuleContext::make(std::string subject, const TemplateValues& values, std::vector<EvidenceRow> evidence) const {
  return make_with(config.summary, std::move(subject), values, std::move(evidence));
}

Finding RuleContext::make_with(std::string_view summary_template, std::string subject, const TemplateValues& values,
                               std::vector<EvidenceRow> evidence) const {
  Finding f;
  f.id = config.id;
  f.name = config.name;
  f.severity = config.severity_for(data.municipality.jusou_status);
  f.subject = std::move(subject);
  f.summary = config.fill(summary_template, values);
  f.rule = config.rule_text();
  f.evidence = std::move(evidence);
  f.items = config.items;
  f.values = values;
  f.direction = config.fill(config.direction);
  f.direction_sources = config.direction_sources;
  f.direction_documents = config.direction_documents;
  return f;
}

bool sessions_known(const Dataset& data) { return !data.sessions.empty(); }

std::vector<const Session*> year_sessions(const Dataset& data, const std::string& meeting_id) {
  std::vector<const Session*> out;
  const int fy = data.municipality.fiscal_year;
  for (const Session& s : data.sessions)
    if (s.meeting_id == meeting_id && (fy == 0 || fiscal_year_of(s.date) == fy)) out.push_back(&s);
  return out;
}

bool holds(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

bool has_any(const std::vector<std::string>& values, const std::vector<std::string>& wanted) {
  for (const auto& w : wanted)
    if (holds(values, w)) return true;
  return false;
}

bool has_role(const Staff& s, const std::string& role) {
  for (const auto& r : s.roles)
    if (r.role == role) return true;
  return false;
}

bool has_any_role(const Staff& s, const std::vector<std::string>& roles) {
  for (const auto& r : roles)
    if (has_role(s, r)) return true;
  return false;
}

bool contains_any(std::string_view text, const std::vector<std::string>& keywords) {
  const std::string t = nfkc(text);
  for (const auto& k : keywords) {
    const std::string nk = nfkc(k);
    if (!nk.empty() && t.find(nk) != std::string::npos) return true;
  }
  return false;
}

bool area_within(const Dataset& data, const std::string& area, const std::string& ancestor) {
  // areas.csv forbids cycles, but never loop here: a chain longer than the
  // number of areas has come round again.
  const std::string* cur = &area;
  for (size_t steps = 0; !cur->empty() && steps <= data.areas.size(); ++steps) {
    if (*cur == ancestor) return true;
    const Area* a = data.find_area(*cur);
    if (!a) return false;
    cur = &a->parent;
  }
  return false;
}

std::set<std::string> areas_and_ancestors(const Dataset& data, const std::vector<std::string>& listed) {
  std::set<std::string> out;
  for (const auto& area : listed) {
    // The same walk as area_within: stops at an unknown area or a cycle.
    const std::string* cur = &area;
    for (size_t steps = 0; !cur->empty() && steps <= data.areas.size(); ++steps) {
      out.insert(*cur);
      const Area* a = data.find_area(*cur);
      if (!a) break;
      cur = &a->parent;
    }
  }
  return out;
}

bool covers_area(const Dataset& data, const std::vector<std::string>& listed, const Area& d) {
  for (const auto& a : listed)
    if (area_within(data, a, d.id)) return true;
  return false;
}

namespace {

// NFKC, then every kind of space removed.
std::string fold(std::string_view s) {
  std::string n = nfkc(s);
  std::string out;
  for (size_t i = 0; i < n.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(n[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (n.compare(i, 3, "\u3000") == 0) {  // NFKC folds it already; kept for safety
      i += 2;
      continue;
    }
    out += n[i];
  }
  return out;
}

}  // namespace

OrgNames::OrgNames(const Dataset& data, std::vector<std::vector<std::string>> aliases)
    : municipality_(fold(data.municipality.name)) {
  for (auto& row : aliases) {
    std::vector<std::string> r;
    for (auto& a : row) r.push_back(fold(a));
    aliases_.push_back(std::move(r));
  }
}

const std::string& OrgNames::key(std::string_view name) const {
  if (auto it = keys_.find(name); it != keys_.end()) return it->second;
  std::string k = fold(name);
  std::string& slot = keys_[std::string(name)];
  if (!municipality_.empty() && k.size() > municipality_.size() && k.compare(0, municipality_.size(), municipality_) == 0)
    k = k.substr(municipality_.size());
  for (const auto& row : aliases_)
    for (size_t i = 1; i < row.size(); ++i)
      if (k == row[i]) return slot = row[0];
  return slot = k;
}

bool OrgNames::related(std::string_view a, std::string_view b) const {
  return related_keys(key(a), key(b));
}

bool OrgNames::related_keys(const std::string& ka, const std::string& kb) {
  if (ka.empty() || kb.empty()) return false;
  if (ka == kb) return true;
  // Containment only for names of two characters or more, so that a
  // stray "課" never matches everything.
  const std::string& shorter = ka.size() < kb.size() ? ka : kb;
  const std::string& longer = ka.size() < kb.size() ? kb : ka;
  return utf8_length(shorter) >= 2 && longer.find(shorter) != std::string::npos;
}

std::vector<std::string> meeting_organisations(const Dataset& data, const Meeting& m) {
  std::vector<std::string> out;
  auto add = [&](const std::string& o) {
    if (!o.empty() && !holds(out, o)) out.push_back(o);
  };
  for (const auto& o : m.members) add(o);
  for (const Session* s : year_sessions(data, m.id))
    for (const auto& o : s->organisations) add(o);
  return out;
}

std::string quoted(std::string_view s) { return "「" + std::string(s) + "」"; }

namespace {
std::string with_detail(std::string head, const std::string& detail) {
  if (!detail.empty()) head += " " + detail;
  return head;
}
}  // namespace

EvidenceRow evidence_of(const Service& s, const std::string& detail) {
  return {"services.csv", s.line, s.id, with_detail(quoted(s.name), detail)};
}

EvidenceRow evidence_of(const Staff& s, const std::string& detail) {
  // Never the name: 氏名 is personal data.
  return {"staff.csv", s.line, s.id, with_detail("所属 " + s.organisation, detail)};
}

EvidenceRow evidence_of(const Meeting& m, const std::string& detail) {
  return {"meetings.csv", m.line, m.id, with_detail(quoted(m.name), detail)};
}

EvidenceRow evidence_of(const Dataset& data, const Session& s, const std::string& detail) {
  const Meeting* m = data.find_meeting(s.meeting_id);
  std::string head = (m ? quoted(m->name) : std::string()) + " " + format_date(s.date);
  return {"meeting_sessions.csv", s.line, s.meeting_id, with_detail(head, detail)};
}

EvidenceRow evidence_of(const Area& a, const std::string& detail) {
  return {"areas.csv", a.line, a.id, with_detail(quoted(a.name) + "（層" + std::to_string(a.layer) + "）", detail)};
}

EvidenceRow evidence_of(const Indicator& i, const std::string& detail) {
  return {"indicators.csv", i.line, i.id, with_detail(quoted(i.name), detail)};
}

EvidenceRow evidence_of_file(const std::string& file, const std::string& description) {
  return {file, 0, "", description};
}

EvidenceRow evidence_of_municipality(const std::string& key, const std::string& description) {
  return {"municipality.toml", 0, key, description};
}

std::string decimal_text(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace kyosei
