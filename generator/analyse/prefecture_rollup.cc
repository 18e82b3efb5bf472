#include "analyse/prefecture_rollup.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "analyse/analysis.h"
#include "base/dates.h"
#include "base/numbers.h"
#include "model/funding_period.h"
#include "model/reference_data.h"
#include "read/embedded_csv.h"

namespace kyosei {

namespace {

constexpr const char* kRollupData = "data/prefecture_rollup.csv";

long long to_ll(const std::string& s) { return s.empty() ? 0 : std::stoll(s); }

std::optional<double> per_10k(double value, const std::optional<long long>& population) {
  if (!population || *population <= 0) return std::nullopt;
  return value / static_cast<double>(*population) * 10000.0;
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// The fiscal regime of the prefecture's ratio for a funded row: 経費区分
// with its 根拠, or 法定負担なし.
std::string regime_of(const FundingRow& row, const std::vector<FundingRatio>& ratios, int fiscal_year) {
  if (row.prefecture.no_legal_share()) return kNoLegalShare;
  std::vector<std::string> parts;
  for (const auto& r : ratios) {
    if (r.component_key != row.funded_as || r.payer != kPayerPrefecture || !ratio_applies(r, fiscal_year) || r.num == 0)
      continue;
    std::string text = r.expense_type + "（" + r.legal_basis + "）";
    if (std::find(parts.begin(), parts.end(), text) == parts.end()) parts.push_back(text);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "・") + p;
  return out.empty() ? std::string("区分不明") : out;
}

void add_share(std::vector<PrefectureShare>& shares, const PrefectureShare& s) {
  for (auto& t : shares)
    if (t.go == s.go && t.regime == s.regime && t.ratio == s.ratio) {
      t.yen += s.yen;
      t.amount += s.amount;
      t.rows += s.rows;
      t.includes_cap = t.includes_cap || s.includes_cap;
      return;
    }
  shares.push_back(s);
}

void sort_shares(std::vector<PrefectureShare>& shares) {
  std::stable_sort(shares.begin(), shares.end(), [](const PrefectureShare& a, const PrefectureShare& b) {
    if (a.go != b.go) return a.go < b.go;
    if (a.regime != b.regime) return a.regime < b.regime;
    return a.ratio < b.ratio;
  });
}

void summarise_funding(const Analysis& a, RollupMunicipality& m) {
  const Dataset& ds = a.data;
  const auto& ratios = funding_ratios_of(ds);  // the ratios a.all.funding was computed with
  const FundingBreakdown& b = a.all.funding;
  auto labels = funding_go_labels();
  for (const auto& row : b.rows) {
    if (row.kind == FundingRowKind::IncludedInOther) continue;
    ++m.funding_rows;
    if (!row.computed()) {
      ++m.uncomputed_rows;
      continue;
    }
    PrefectureShare s;
    s.go = row.go;
    for (const auto& [go, label] : labels)
      if (go == row.go) s.go_label = label;
    s.regime = regime_of(row, ratios, ds.municipality.fiscal_year);
    s.ratio = row.prefecture.no_legal_share() ? std::string(kNoLegalShare) : row.prefecture.ratio_text;
    s.yen = row.prefecture.yen;
    s.amount = *row.amount;
    s.rows = 1;
    s.includes_cap = row.prefecture.is_cap && !row.prefecture.no_legal_share();
    add_share(m.shares, s);
    m.share_by_go[row.go] += s.yen;
    m.share_total += s.yen;
    m.funded_amount += s.amount;
    m.share_includes_cap = m.share_includes_cap || s.includes_cap;
  }
  sort_shares(m.shares);
}

}  // namespace

const char* submission_label(SubmissionState s) {
  switch (s) {
    case SubmissionState::Ok: return "提出済み";
    case SubmissionState::Missing: return "未提出";
    case SubmissionState::Invalid: return "不備";
  }
  return "";
}

const std::vector<PrefecturePeerBand>& peer_bands() {
  static const std::vector<PrefecturePeerBand> bands = [] {
    std::vector<PrefecturePeerBand> out;
    for (auto& row : embedded_csv_rows(kRollupData)) {
      if (row["kind"] != "peer_band") continue;
      out.push_back({static_cast<int>(to_ll(row["key"])), row["label"], to_ll(row["min_population"]),
                     to_ll(row["max_population"])});
    }
    return out;
  }();
  return bands;
}

const PrefecturePeerBand* peer_band_of(const std::optional<long long>& population) {
  if (!population) return nullptr;
  for (const auto& b : peer_bands())
    if (*population >= b.min && (b.max == 0 || *population <= b.max)) return &b;
  return nullptr;
}

const PrefectureRole& prefecture_role(const std::string& key) {
  static const std::vector<PrefectureRole> roles = [] {
    std::vector<PrefectureRole> out;
    for (auto& row : embedded_csv_rows(kRollupData))
      if (row["kind"] == "role") out.push_back({row["key"], row["label"], row["note"], row["source"]});
    return out;
  }();
  for (const auto& r : roles)
    if (r.key == key) return r;
  throw std::logic_error(std::string(kRollupData) + " has no role " + key);
}

std::vector<std::pair<int, std::string>> funding_go_labels() {
  static const std::vector<std::pair<int, std::string>> labels = [] {
    std::vector<std::pair<int, std::string>> out;
    Dataset empty;
    for (const auto& t : compute_funding(empty, reference_data().reference.funding, 2026).by_go) out.push_back({t.go, t.label});
    return out;
  }();
  return labels;
}

bool RollupMunicipality::has_self_reliance_support() const {
  for (const auto& c : components)
    if (c.key == "1ニ") return c.present;
  return false;
}

const RollupMunicipality* PrefectureRollup::find(const std::string& code) const {
  for (const auto& m : municipalities)
    if (!code.empty() && m.code == code) return &m;
  return nullptr;
}

RollupMunicipality summarise_municipality(const MunicipalitySubmission& sub, const Reference& ref) {
  RollupMunicipality m;
  m.folder = sub.folder;
  m.state = sub.state;
  m.warning_count = sub.diagnostics.warning_count();
  if (sub.data) {
    m.name = sub.data->municipality.name;
    m.code = sub.data->municipality.code;
    m.prefecture = sub.data->municipality.prefecture;
  }
  if (m.name.empty()) m.name = sub.folder;
  if (sub.state != SubmissionState::Ok || !sub.data) {
    for (const auto& d : sub.diagnostics.sorted())
      if (d.severity == Severity::Error) m.errors.push_back(d);
    return m;
  }
  const Dataset& ds = *sub.data;
  const Municipality& mu = ds.municipality;
  m.fiscal_year = mu.fiscal_year;
  m.population = mu.population;
  m.band = peer_band_of(mu.population);
  m.welfare_office = mu.welfare_office;
  m.jusou_status = mu.jusou_status;
  m.jusou_start_year = mu.jusou_start_year;

  // The figures of the municipality's own build (one Analysis), so the
  // roll-up never disagrees with what the municipality's outputs show.
  Analysis analysis(ds, ref);
  for (const auto& c : analysis.all.components) {
    RollupComponent s;
    s.key = c.component->key;
    s.present = c.implemented();
    s.substituted = c.substituted && s.present;
    for (const Service* svc : c.services) s.service_ids.push_back(svc->id);
    if (c.component->required == "必須") {
      ++m.required_total;
      m.required_present += s.present ? 1 : 0;
      auto& g = m.by_go[c.component->go];
      g.first += s.present ? 1 : 0;
      ++g.second;
    }
    m.components.push_back(std::move(s));
  }

  const StaffingSummary& staffing = analysis.staffing;
  for (const auto& f : staffing.by_field) m.staffing.push_back({f.field, f.fte, per_10k(f.fte, mu.population)});
  m.total_fte = staffing.total_fte;
  m.fte_per_10k = per_10k(staffing.total_fte, mu.population);
  m.people = staffing.people;

  m.meeting_bodies = static_cast<int>(ds.meetings.size());
  for (const auto& mt : ds.meetings) m.confidential_bodies += mt.confidential ? 1 : 0;
  if (!ds.sessions.empty()) m.sessions = static_cast<int>(ds.sessions.size());
  for (const auto& s : ds.sessions)
    if (s.case_count) m.cases = m.cases.value_or(0) + *s.case_count;

  for (const auto& f : analysis.findings) {
    if (f.severity == FindingSeverity::Serious) ++m.findings_serious;
    if (f.severity == FindingSeverity::Caution) ++m.findings_caution;
    if (f.severity == FindingSeverity::Info) ++m.findings_info;
  }
  const AssessmentResult& a = analysis.assessment;
  for (const auto& d : a.domains) m.domains.push_back({d.id, d.name, d.answered, d.total, d.mean});
  m.overall_score = a.overall.mean;

  summarise_funding(analysis, m);
  return m;
}

PrefectureRollup compute_prefecture_rollup(const std::vector<MunicipalitySubmission>& subs, const Reference& ref,
                                           const std::string& parent_name, const PrefectureRollup* previous) {
  PrefectureRollup r;
  std::map<std::string, int> prefectures, years;
  std::map<std::string, std::vector<std::string>> codes;
  for (const auto& sub : subs) {
    RollupMunicipality m = summarise_municipality(sub, ref);
    ++r.submitted;
    if (m.state == SubmissionState::Missing) ++r.missing;
    if (m.state == SubmissionState::Invalid) ++r.invalid;
    if (m.state == SubmissionState::Ok) {
      ++r.covered;
      if (!m.prefecture.empty()) ++prefectures[m.prefecture];
      ++years[std::to_string(m.fiscal_year)];
      ++r.status_counts[m.jusou_status];
      for (const auto& s : m.shares) add_share(r.shares, s);
      for (const auto& [go, yen] : m.share_by_go) r.share_by_go[go] += yen;
      r.share_total += m.share_total;
      r.funded_amount += m.funded_amount;
      r.uncomputed_rows += m.uncomputed_rows;
      if (!m.code.empty()) codes[m.code].push_back(m.name);
    }
    r.municipalities.push_back(std::move(m));
  }
  sort_shares(r.shares);

  // The most common value; ties go to the first in sorted order (deterministic).
  auto most_common = [](const std::map<std::string, int>& counts) {
    std::string best;
    int n = 0;
    for (const auto& [k, c] : counts)
      if (c > n) best = k, n = c;
    return best;
  };
  r.prefecture = most_common(prefectures);
  if (r.prefecture.empty()) r.prefecture = parent_name;
  std::string year = most_common(years);
  r.fiscal_year = year.empty() ? 0 : std::stoi(year);
  if (prefectures.size() > 1)
    r.notes.push_back("municipality.toml の都道府県名が市町村によって違います。最も多い「" + r.prefecture + "」として集計しました。");
  if (years.size() > 1)
    r.notes.push_back("年度の違う市町村があります。交付金はそれぞれの年度の負担割合で計算し、そのまま合計しています（集計の年度は" +
                      format_fiscal_year_short(r.fiscal_year) + "）。");
  for (const auto& [code, names] : codes)
    if (names.size() > 1) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : "・") + n;
      r.notes.push_back("団体コード " + code + " が複数の市町村（" + list + "）にあります。");
    }

  // 分野 columns: data/roles.csv order, then any other.
  std::set<std::string> seen;
  std::vector<std::string> order;
  for (const auto& role : ref.roles)
    for (const auto& f : role.fields)
      if (seen.insert(f).second) order.push_back(f);
  order.push_back(kUnknownRoleField);
  for (const auto& f : order) {
    bool used = false;
    for (const auto& m : r.municipalities)
      for (const auto& s : m.staffing) used = used || s.field == f;
    if (used) r.fields.push_back(f);
  }

  // Peers: the others of the same band.
  for (const auto& m : r.municipalities) {
    if (m.state != SubmissionState::Ok) continue;
    PrefecturePeerComparison p;
    p.name = m.name;
    p.band = m.band;
    p.required_present = m.required_present;
    p.fte_per_10k = m.fte_per_10k;
    p.findings_serious = m.findings_serious;
    p.overall_score = m.overall_score;
    std::vector<double> present, fte, serious, score;
    for (const auto& o : r.municipalities) {
      if (&o == &m || o.state != SubmissionState::Ok || !m.band || o.band != m.band) continue;
      ++p.peers;
      present.push_back(o.required_present);
      if (o.fte_per_10k) fte.push_back(*o.fte_per_10k);
      serious.push_back(o.findings_serious);
      if (o.overall_score) score.push_back(*o.overall_score);
    }
    p.peer_required_present = median(present);
    p.peer_fte_per_10k = median(fte);
    p.peer_findings_serious = median(serious);
    p.peer_overall_score = median(score);
    r.peers.push_back(p);
  }

  if (previous) {
    r.has_previous = true;
    r.previous_fiscal_year = previous->fiscal_year;
    for (const auto& m : r.municipalities) {
      if (m.state != SubmissionState::Ok) continue;
      PrefectureYearChange c;
      c.name = m.name;
      c.code = m.code;
      c.status = m.jusou_status;
      c.required_present = m.required_present;
      c.fte_per_10k = m.fte_per_10k;
      c.share_total = m.share_total;
      c.serious = m.findings_serious;
      const RollupMunicipality* p = previous->find(m.code);
      if (p && p->state == SubmissionState::Ok) {
        c.in_previous = true;
        c.previous_status = p->jusou_status;
        c.previous_required_present = p->required_present;
        c.previous_fte_per_10k = p->fte_per_10k;
        c.previous_share_total = p->share_total;
        c.previous_serious = p->findings_serious;
        for (const auto& comp : m.components)
          for (const auto& pc : p->components)
            if (pc.key == comp.key && pc.present != comp.present) (comp.present ? c.gained : c.lost).push_back(comp.key);
      }
      r.changes.push_back(std::move(c));
    }
  }
  return r;
}

}  // namespace kyosei
