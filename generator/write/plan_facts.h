// Everything the plan drafts say about one dataset, computed once and
// shared by the chapter builders (write/plan_context.h): the analyses of
// the inventory, the staff and the meetings, and how the draft is made
// (for the council or the public site, stand-alone or as a chapter).
//
// Audience: a draft for the council (and the Markdown/HTML files) shows
// every service; a draft for the public site works on a copy of the
// dataset without the services marked 公開 しない, so they appear in no
// list, table or total (their staff keep the share computed on the whole
// roster, so a person's 常勤換算 is split the same way in both).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyse/coverage.h"
#include "analyse/meeting_activity.h"
#include "analyse/staffing.h"
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
  // Declared first: ds may refer to it, and members are built in this order.
  std::unique_ptr<Dataset> public_copy_;

 public:
  PlanFacts(const Dataset& full, const Reference& ref, const PlanReference& pref, PlanSettings settings);
  PlanFacts(const PlanFacts&) = delete;
  PlanFacts& operator=(const PlanFacts&) = delete;

  const Dataset& full;  // every service
  const Dataset& ds;    // the services this audience may see (full, or the public copy)
  const Reference& ref;
  const PlanReference& pref;
  PlanSettings settings;

  bool implemented() const { return ds.municipality.jusou_status == "実施"; }
  bool preparing() const { return ds.municipality.jusou_status == "移行準備"; }
  bool not_started() const { return !implemented() && !preparing(); }
  bool jusou_as_chapter() const { return ds.municipality.plan.jusou_plan == "chapter"; }

  CoverageMatrix matrix;                           // on ds
  std::vector<ComponentCoverage> components;       // on ds
  StaffingSummary staffing;                        // on full (the roster has no audience)
  std::map<std::string, ServiceStaffing> service_staff;  // on full
  std::vector<MeetingActivity> meetings;           // on ds

 private:
  static const Dataset& view(const Dataset& full, bool public_site, std::unique_ptr<Dataset>& copy);
};

}  // namespace kyosei
