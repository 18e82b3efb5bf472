// The analysis of one build: every figure the outputs show, computed once
// from the validated Dataset (and --previous) before any writer runs.
//
//   Analysis a(ds, reference_data().reference, previous);   // previous may be nullptr
//   a.all.coverage, a.staffing, a.findings, a.assessment …
//
// Writers receive it read-only (BuildContext::analysis) and never call a
// compute_* function themselves, so a count, an FTE, an organisation list
// or an amount has one value wherever it appears. Where each figure comes
// from:
//
//   coverage, components     analyse/coverage.h
//   funding                  analyse/funding.h
//   organisations            analyse/organisations.h (実施主体, one per name)
//   common items             analyse/common_items.h
//   staffing, role_staffing  analyse/staffing.h, analyse/role_staffing.h
//   meetings, calendar       analyse/meeting_activity.h, analyse/session_calendar.h
//   findings                 analyse/findings.h (data/assessment/findings.toml)
//   assessment               analyse/assessment_scores.h
//   year change              analyse/year_change.h
//
// Audience: the inventory figures come in two views. `all` counts every
// service (the council, the Excel and CSV files, the plan files);
// `published` only the services with 公開 する (the public site's copy of
// the plans). The published view is derived from the same analysis (the
// coverage matrix restricted to the published services), never recomputed
// by a writer. The roster, meetings and findings have no audience: staff
// keep the share computed on the whole roster in both views.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyse/assessment_scores.h"
#include "analyse/common_items.h"
#include "analyse/coverage.h"
#include "analyse/findings.h"
#include "analyse/findings_config.h"
#include "analyse/funding.h"
#include "analyse/meeting_activity.h"
#include "analyse/organisations.h"
#include "analyse/role_staffing.h"
#include "analyse/session_calendar.h"
#include "analyse/staffing.h"
#include "analyse/year_change.h"
#include "model/model.h"
#include "model/plan_reference.h"
#include "model/reference.h"

namespace kyosei {

// The inventory as one audience sees it.
struct InventoryView {
  const Dataset* data = nullptr;  // the whole dataset, or the copy without 公開しない services
  CoverageMatrix coverage;
  std::vector<ComponentCoverage> components;  // pointers into *data
  FundingBreakdown funding;
  std::vector<CommonItemMatch> common_items;  // pointers into *data
  std::optional<YearChange> year_change;      // with --previous only
};

class Analysis {
  // Declared first: `published.data` points to it.
  std::unique_ptr<Dataset> public_copy_;

 public:
  Analysis(const Dataset& data, const Reference& ref, const Dataset* previous = nullptr,
           const PlanReference* plan_reference = nullptr);  // nullptr: reference_data().plan
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const Dataset& data;
  const Reference& ref;
  const Dataset* previous;  // --previous, or nullptr
  const PlanReference& plan_reference;
  const FindingsConfig& findings_config;  // the thresholds the findings were computed with

  InventoryView all;        // every service
  InventoryView published;  // 公開 する services only
  const InventoryView& view(bool public_site) const { return public_site ? published : all; }

  StaffingSummary staffing;                              // 分野 totals, with 配分
  std::map<std::string, ServiceStaffing> service_staff;  // service ID -> staff, with 配分
  std::map<std::string, AreaStaffing> area_staff;        // area ID -> 常勤換算 by 分野 (担当圏域)
  std::vector<RoleStaffing> role_staffing;
  std::vector<std::string> held_roles;

  std::vector<MeetingActivity> meetings;  // the same for every audience
  SessionCalendar calendar;

  std::vector<Finding> findings;
  AssessmentResult assessment;  // with last year's answers when --previous
  // This year's answers alone (the public site shows no comparison).
  const AssessmentResult& assessment_this_year() const { return previous ? *this_year_only_ : assessment; }

 private:
  std::unique_ptr<AssessmentResult> this_year_only_;
};

// Loads the tables analyse/ owns (the findings thresholds, the 交付金
// rounding rules) now instead of at their first use: build-all does it once
// before it forks its builds (cli/warm_up.h).
void load_analysis_tables();

// How many times an Analysis was built in this process (the test that
// proves one analysis per build reads it).
long analysis_runs();

}  // namespace kyosei
