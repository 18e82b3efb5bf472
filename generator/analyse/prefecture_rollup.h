// The prefecture's view (issue 14): one roll-up of every municipality's
// inputs folder, for the 都道府県 (社会福祉法第106条の9・第108条; its hub
// role, 003 L759, 000 L413-417).
//
//   std::vector<MunicipalitySubmission> subs = ...;  // one per subfolder (cli/prefecture_commands.cc)
//   PrefectureRollup r = compute_prefecture_rollup(subs, reference_data().reference, previous);
//
// Each municipality's figures come from one Analysis of its inputs
// (analyse/analysis.h), the same one its own `kyosei build` shows, so the
// roll-up and the municipality's outputs cannot disagree.
//
// Rules (a prefecture officer reads these numbers, so they are fixed here):
// - A subfolder with neither municipality.toml nor services.csv is 未提出;
//   one whose inputs have errors is 不備. Both are listed with their
//   problems and counted nowhere else: every total says how many
//   municipalities it covers (`covered`). Warnings do not exclude.
// - Components: a component is present when some service names it in
//   重層区分 (analyse/coverage.h compute_component_coverage; a town without
//   福祉事務所 fills 1ニ with its substitute program). Missing means no
//   service names it: 未把握, not a judgement.
// - The prefecture's share of the 交付金 is the 都道府県 column of each
//   municipality's funding breakdown (analyse/funding.h: each row rounded
//   down to the yen, with that municipality's ratios and fiscal year),
//   summed over municipalities in integers. It is grouped by 号 and by the
//   fiscal regime of the ratio applied (経費区分 and 根拠, e.g.
//   義務的経費（106条の9 第2号）); a 「以内」 ratio gives a ceiling
//   (上限額), flagged. Rows without money (按分が必要, 事業費未把握 …) are
//   counted, not guessed.
// - Staffing per 10,000 people: 常勤換算 by 分野 (analyse/staffing.h) ÷
//   population × 10,000; 未把握 without population.
// - Peers: the population bands of data/prefecture_rollup.csv; a
//   municipality is compared with the median of the others in its band.
// - Year over year: municipalities are matched by 団体コード.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

enum class SubmissionState { Ok, Missing, Invalid };

// 提出済み / 未提出 / 不備.
const char* submission_label(SubmissionState s);

// One subfolder of the parent folder as read.
struct MunicipalitySubmission {
  std::string folder;  // name of the subfolder
  SubmissionState state = SubmissionState::Ok;
  Diagnostics diagnostics;  // everything the readers said (locations relative to the subfolder)
  const Dataset* data = nullptr;  // Ok, and Invalid when something was read (name, code)
};

// A population band of data/prefecture_rollup.csv.
struct PrefecturePeerBand {
  int key = 0;
  std::string label;
  long long min = 0, max = 0;  // max 0 = unbounded
};
const std::vector<PrefecturePeerBand>& peer_bands();
// The band of a population; nullptr when not known.
const PrefecturePeerBand* peer_band_of(const std::optional<long long>& population);

// A `role` row of data/prefecture_rollup.csv: what the prefecture does for
// one kind of municipality, with its source.
struct PrefectureRole {
  std::string key, label, note, source;
};
const PrefectureRole& prefecture_role(const std::string& key);

// The prefecture's share in one (号, regime, ratio) group: the ratio shows
// which period's rates applied (2, 4, 5: なし in R4, 1/4 from R5).
struct PrefectureShare {
  int go = 0;
  std::string go_label;  // 第5号（第6号を含む）
  std::string regime;    // 義務的経費（106条の9 第2号） | 法定負担なし
  std::string ratio;     // the prefecture's ratio as the data writes it: 19.25/100, 1/4, 25/100以内, 法定負担なし
  long long yen = 0;
  long long amount = 0;  // 事業費 of the rows in the group
  int rows = 0;
  bool includes_cap = false;  // some ratio is 「以内」: yen is a ceiling
};

struct RollupComponent {
  std::string key;
  bool present = false;
  bool substituted = false;  // 1ニ filled by the substitute program
  std::vector<std::string> service_ids;
};

struct RollupFieldFte {
  std::string field;
  double fte = 0;
  std::optional<double> per_10k;
};

struct RollupDomainScore {
  std::string id, name;
  int answered = 0, total = 0;
  std::optional<double> mean;
};

struct RollupMunicipality {
  std::string folder;
  std::string name;  // municipality.toml name, else the folder name
  std::string code;
  std::string prefecture;
  SubmissionState state = SubmissionState::Ok;
  std::vector<Diagnostic> errors;  // sorted; Invalid only
  int warning_count = 0;

  // The rest is filled for Ok only.
  int fiscal_year = 0;
  std::optional<long long> population;
  const PrefecturePeerBand* band = nullptr;
  bool welfare_office = true;
  std::string jusou_status;  // 実施 | 移行準備 | 未実施
  std::optional<int> jusou_start_year;
  std::vector<RollupComponent> components;  // reference table order
  int required_present = 0, required_total = 0;  // components whose required is 必須
  std::map<int, std::pair<int, int>> by_go;       // 号 -> (present, total), required components only
  std::vector<RollupFieldFte> staffing;                 // fields with a role held
  double total_fte = 0;
  std::optional<double> fte_per_10k;
  int people = 0;
  int meeting_bodies = 0, confidential_bodies = 0;
  std::optional<int> sessions;        // 未把握 when there is no session at all
  std::optional<long long> cases;     // 検討事例数, when some session gives it
  int findings_serious = 0, findings_caution = 0, findings_info = 0;
  std::vector<RollupDomainScore> domains;   // bank order
  std::optional<double> overall_score;
  std::vector<PrefectureShare> shares;  // by (号, regime), 号 order
  std::map<int, long long> share_by_go;  // 号 -> yen
  long long share_total = 0;
  long long funded_amount = 0;      // 事業費 of the computed rows
  int funding_rows = 0, uncomputed_rows = 0;
  bool share_includes_cap = false;
  bool has_self_reliance_support() const;  // some service names 1ニ
};

struct PrefecturePeerComparison {
  std::string name;
  const PrefecturePeerBand* band = nullptr;
  int peers = 0;  // other municipalities of the band with a value
  int required_present = 0;
  std::optional<double> peer_required_present;  // median of the peers
  std::optional<double> fte_per_10k, peer_fte_per_10k;
  int findings_serious = 0;
  std::optional<double> peer_findings_serious;
  std::optional<double> overall_score, peer_overall_score;
};

struct PrefectureYearChange {
  std::string name, code;
  bool in_previous = false;  // matched by 団体コード
  std::string previous_status, status;
  std::optional<int> previous_required_present;
  int required_present = 0;
  std::vector<std::string> gained, lost;  // component keys
  std::optional<double> previous_fte_per_10k, fte_per_10k;
  std::optional<long long> previous_share_total;
  long long share_total = 0;
  std::optional<int> previous_serious;
  int serious = 0;
};

struct PrefectureRollup {
  std::string prefecture;  // most common municipality.toml prefecture, else the parent folder name
  int fiscal_year = 0;     // most common fiscal_year
  std::vector<RollupMunicipality> municipalities;  // folder order
  int submitted = 0;  // folders
  int covered = 0;    // Ok: what every total covers
  int missing = 0, invalid = 0;
  std::vector<std::string> notes;  // Japanese: mixed fiscal years, duplicate codes …
  std::vector<std::string> fields;  // 分野 columns of the staffing table, roles.csv order
  std::vector<PrefectureShare> shares;  // summed over covered municipalities, (号, regime) order
  std::map<int, long long> share_by_go;
  long long share_total = 0;
  long long funded_amount = 0;
  int uncomputed_rows = 0;
  std::map<std::string, int> status_counts;  // 実施 / 移行準備 / 未実施
  std::vector<PrefecturePeerComparison> peers;  // covered municipalities, folder order
  bool has_previous = false;
  int previous_fiscal_year = 0;
  std::vector<PrefectureYearChange> changes;  // covered municipalities, folder order

  const RollupMunicipality* find(const std::string& code) const;
};

// One municipality's summary (Ok or not).
RollupMunicipality summarise_municipality(const MunicipalitySubmission& sub, const Reference& ref);

PrefectureRollup compute_prefecture_rollup(const std::vector<MunicipalitySubmission>& subs, const Reference& ref,
                                           const std::string& parent_name,
                                           const PrefectureRollup* previous = nullptr);

// The 号 of the funding totals (1 … 5) with their labels: 第5号（第6号を含む）.
std::vector<std::pair<int, std::string>> funding_go_labels();

}  // namespace kyosei
