// Finding rules on the inventory (services.csv) and the 重層事業
// components: FND-01, 03a-c, 04, 11, 13a. Settings: data/assessment/findings.toml.
#include "analyse/coverage.h"
#include "analyse/findings_rules.h"
#include "base/text.h"
#include "base/wording.h"

namespace kyosei {

namespace {

bool has_function(const Service& s, const std::vector<std::string>& functions) { return has_any(s.functions, functions); }

std::string functions_detail(const Service& s) { return "機能 " + join(s.functions, "・"); }

std::string fields_detail(const Service& s) {
  std::string d = "分野 " + s.field;
  if (!s.related_fields.empty()) d += "／関連分野 " + join(s.related_fields, "・");
  return d;
}

}  // namespace

// FND-01: a required component no service names in 重層区分.
void rule_missing_components(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& required = ctx.config.list("required_values");
  const auto& substitute_keywords = ctx.config.list("substitute_name_keywords");
  const Municipality& m = ctx.data.municipality;
  for (const ComponentCoverage& cov : compute_component_coverage(ctx.data, ctx.ref)) {
    const JusouComponent& c = *cov.component;
    if (!holds(required, c.required) || cov.implemented()) continue;
    if (cov.substituted) {
      // Without a 福祉事務所 the substitute program may be coded 3柱 (004 L316).
      bool named = false;
      for (const Service& s : ctx.data.services)
        if (contains_any(s.name, substitute_keywords)) named = true;
      if (named) continue;
    }
    std::vector<EvidenceRow> evidence = {
        evidence_of_municipality("jusou_status", "重層事業の実施状況: " + (m.jusou_status.empty() ? std::string("未記入") : m.jusou_status))};
    if (cov.substituted)
      evidence.push_back(evidence_of_municipality("welfare_office", "福祉事務所: 設置なし（" + c.key + " は「" + cov.expected_program + "」で満たせます）"));
    evidence.push_back(evidence_of_file("services.csv", "重層区分に「" + c.key + "」を持つ事業 0件"));
    out.push_back(ctx.make(c.key, {{"key", c.key}, {"program", cov.expected_program}, {"law_ref", c.law_ref}}, std::move(evidence)));
  }
}

// FND-03a: a field none of whose services does 地域づくり.
void rule_field_without_community(const RuleContext& ctx, std::vector<Finding>& out) {
  const std::vector<std::string> function = {ctx.config.text("function")};
  const bool related = ctx.config.flag("count_related_fields");
  for (const std::string& field : ctx.config.list("fields")) {
    std::vector<const Service*> in_field;
    bool found = false;
    for (const Service& s : ctx.data.services) {
      if (s.field != field && !(related && holds(s.related_fields, field))) continue;
      in_field.push_back(&s);
      if (has_function(s, function)) found = true;
    }
    if (found) continue;
    std::vector<EvidenceRow> evidence;
    for (const Service* s : in_field) evidence.push_back(evidence_of(*s, functions_detail(*s)));
    if (in_field.empty()) evidence.push_back(evidence_of_file("services.csv", "分野「" + field + "」の事業 0件"));
    out.push_back(ctx.make(field, {{"field", field}, {"count", std::to_string(in_field.size())}}, std::move(evidence)));
  }
}

// FND-03b: every 地域づくり program is a salon-type place.
void rule_community_only_salons(const RuleContext& ctx, std::vector<Finding>& out) {
  const std::vector<std::string> function = {ctx.config.text("function")};
  const auto& keywords = ctx.config.list("keywords");
  std::vector<EvidenceRow> evidence;
  for (const Service& s : ctx.data.services) {
    if (!has_function(s, function)) continue;
    if (!contains_any(s.name, keywords)) return;
    evidence.push_back(evidence_of(s));
  }
  if (evidence.empty()) return;  // no 地域づくり at all: FND-03a says so
  out.push_back(ctx.make("", {{"count", std::to_string(evidence.size())}}, std::move(evidence)));
}

// FND-03c: every 地域づくり program stays within the welfare fields.
void rule_community_welfare_only(const RuleContext& ctx, std::vector<Finding>& out) {
  const std::vector<std::string> function = {ctx.config.text("function")};
  const auto& welfare = ctx.config.list("welfare_fields");
  std::vector<EvidenceRow> evidence;
  for (const Service& s : ctx.data.services) {
    if (!has_function(s, function)) continue;
    if (!holds(welfare, s.field)) return;
    for (const auto& f : s.related_fields)
      if (!holds(welfare, f)) return;
    evidence.push_back(evidence_of(s, fields_detail(s)));
  }
  if (evidence.empty()) return;
  out.push_back(ctx.make("", {{"count", std::to_string(evidence.size())}}, std::move(evidence)));
}

// FND-04: an area of the chosen layer that no consultation service names.
void rule_area_without_consultation(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& layers = ctx.config.list("area_layers");
  const bool only_with_population = ctx.config.flag("only_with_population");
  const auto& functions = ctx.config.list("functions");
  int consulting = 0, citywide = 0;
  for (const Service& s : ctx.data.services)
    if (has_function(s, functions)) {
      ++consulting;
      if (s.areas.empty()) ++citywide;
    }
  auto checked = [&](const Area& d) {
    return holds(layers, std::to_string(d.layer)) && (!only_with_population || d.population);
  };
  // A 相談 service serves the area when it lists the area, a part of it, or
  // an enclosing area below the whole municipality (a 圏域 centre serves its
  // 地区). 全域 (layer 1 or no area) is one desk, not a nearby place.
  auto covered = [&](const Area& d) {
    for (const Service& s : ctx.data.services) {
      if (!has_function(s, functions)) continue;
      if (covers_area(ctx.data, s.areas, d)) return true;
      for (const auto& listed : s.areas) {
        const Area* a = ctx.data.find_area(listed);
        if (a && a->layer >= 2 && area_within(ctx.data, d.id, listed)) return true;
      }
    }
    return false;
  };
  for (const Area& d : ctx.data.areas) {
    if (!checked(d) || covered(d)) continue;
    // Reported once, at the widest uncovered area that is checked.
    bool parent_reported = false;
    for (const Area* p = ctx.data.find_area(d.parent); p; p = ctx.data.find_area(p->parent))
      if (checked(*p) && !covered(*p)) parent_reported = true;
    if (parent_reported) continue;
    std::vector<EvidenceRow> evidence = {
        evidence_of(d),
        evidence_of_file("services.csv", "機能に「" + join(functions, "・") + "」を含む事業 " + std::to_string(consulting) +
                                             "件（圏域が空欄〔全域〕のもの " + std::to_string(citywide) + "件）のうち、この圏域を挙げた事業 0件")};
    out.push_back(ctx.make(d.id, {{"area", d.id}, {"area_name", d.name}}, std::move(evidence)));
  }
}

// FND-11: the new programs are run by many hands that never sit together.
void rule_new_programs_scattered(const RuleContext& ctx, std::vector<Finding>& out) {
  if (!holds(ctx.config.list("statuses"), ctx.data.municipality.jusou_status)) return;
  if (!sessions_known(ctx.data)) return;  // cannot tell whether they met
  const auto& components = ctx.config.list("components");
  OrgNames orgs(ctx.data);
  std::vector<std::string> providers;  // as written, one per organisation
  std::vector<EvidenceRow> evidence;
  for (const Service& s : ctx.data.services) {
    if (!has_any(s.jusou_codes, components)) continue;
    std::vector<std::string> hands = s.method == kDirectlyRun || s.provider.empty() ? std::vector<std::string>{s.department}
                                                                              : split_multi(s.provider);
    for (const auto& h : hands) {
      const std::string& kh = orgs.key(h);
      bool known = false;
      for (const auto& p : providers)
        if (orgs.key(p) == kh) known = true;
      if (!known) providers.push_back(h);
    }
    evidence.push_back(evidence_of(s, "重層区分 " + join(s.jusou_codes, "・") + "／担い手 " + join(hands, "・")));
  }
  if (static_cast<int>(providers.size()) < ctx.config.integer("min_providers")) return;
  // Each name folded once; a session is done with at the first provider
  // it lacks.
  std::vector<const std::string*> provider_keys;
  for (const auto& p : providers) provider_keys.push_back(&orgs.key(p));
  std::vector<const std::string*> session_keys;
  for (const Session& session : ctx.data.sessions) {
    if (ctx.data.municipality.fiscal_year && fiscal_year_of(session.date) != ctx.data.municipality.fiscal_year) continue;
    session_keys.clear();
    for (const auto& o : session.organisations) session_keys.push_back(&orgs.key(o));
    bool all = true;
    for (const std::string* p : provider_keys) {
      bool present = false;
      for (const std::string* o : session_keys)
        if (OrgNames::related_keys(*p, *o)) {
          present = true;
          break;
        }
      if (!present) {
        all = false;
        break;
      }
    }
    if (all) return;
  }
  out.push_back(ctx.make("", {{"components", join(components, "・")}, {"count", std::to_string(providers.size())}, {"providers", join(providers, "・")}},
                         std::move(evidence)));
}

// FND-13a: no service reaches out.
void rule_no_outreach(const RuleContext& ctx, std::vector<Finding>& out) {
  const auto& functions = ctx.config.list("functions");
  for (const Service& s : ctx.data.services)
    if (has_function(s, functions)) return;
  out.push_back(ctx.make("", {{"count", std::to_string(ctx.data.services.size())}},
                         {evidence_of_file("services.csv", "機能に「" + join(functions, "・") + "」を含む事業 0件（全" +
                                                               std::to_string(ctx.data.services.size()) + "件）")}));
}

}  // namespace kyosei
