// What the plan drafts say about one dataset, shared by the chapter
// builders (write/plan/plan_context.h): the build's analysis (analyse/analysis.h)
// seen for one audience, and how the draft is made (for the council or the
// public site, stand-alone or as a chapter).
//
// Audience: a draft for the council (and the Markdown/HTML files) shows
// every service; a draft for the public site works on a copy of the
// dataset without the services marked 公開 しない, so they appear in no
// list, table or total (their staff keep the share computed on the whole
// roster, so a person's 常勤換算 is split the same way in both).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analyse/analysis.h"
#include "model/model.h"
#include "model/plan_reference.h"
#include "model/reference.h"

namespace kyosei {

struct PlanSettings {
  bool public_site = false;
  const Dataset* previous = nullptr;  // --previous
  // Chapter labels the text refers to, filled in by the draft builder.
  std::string measures_chapter;  // 地域福祉計画の「施策の展開」: 第5章
  std::string jusou_chapter;     // the 実施計画 as a chapter of the 地域福祉計画: 第6章
};

class PlanFacts {
 public:
  PlanFacts(const Analysis& analysis, PlanSettings settings);
  PlanFacts(const PlanFacts&) = delete;
  PlanFacts& operator=(const PlanFacts&) = delete;

  const Analysis& analysis;
  const InventoryView& view;  // analysis.all, or analysis.published for the public site
  const Dataset& full;        // every service
  const Dataset& ds;          // the services this audience may see (full, or the public copy)
  const Reference& ref;
  const PlanReference& pref;
  PlanSettings settings;

  bool implemented() const { return ds.municipality.jusou_status == "実施"; }
  bool preparing() const { return ds.municipality.jusou_status == "移行準備"; }
  bool not_started() const { return !implemented() && !preparing(); }
  bool jusou_as_chapter() const { return ds.municipality.plan.jusou_plan == "chapter"; }

  const CoverageMatrix& matrix;                            // on ds
  const std::vector<ComponentCoverage>& components;        // on ds
  const StaffingSummary& staffing;                         // on full (the roster has no audience)
  const std::map<std::string, ServiceStaffing>& service_staff;  // on full
  const std::vector<MeetingActivity>& meetings;            // meetings have no audience
};

}  // namespace kyosei
