// Reads accessibility_results.toml, the optional record of accessibility
// tests of the public site, published on its ウェブアクセシビリティ page.
//
// tests/browser/site_checks.mjs writes it after running axe-core on every
// page (--results-out); a test done another way (miChecker, a vendor's
// report) can be written by hand in the same form:
//
//   tested_on = 2026-11-22              # 試験日: TOML date or "令和8年11月22日"
//   tool = "axe-core 4.10.2"
//   browser = "Chromium 156"
//   method = "すべてのページを自動試験"
//   standard = "JIS X 8341-3:2016"
//   level = "AA"
//   tags = ["wcag2a", "wcag2aa"]
//   note = ""
//   [[pages]]                            # one per tested page
//   path = "index.html"
//   violations = 0
//   [[violations]]                       # one per rule broken on a page
//   path = "services/S001.html"
//   rule = "color-contrast"
//   criteria = "1.4.3"
//   impact = "serious"
//   help = "Elements must meet minimum color contrast ratio thresholds"
//   nodes = 2
//
// Every key is optional but pages[].path. Problems are reported with the
// line; unknown keys are warnings.
#pragma once
#include <optional>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/model.h"

namespace kyosei {

inline constexpr const char* kA11yResultsFile = "accessibility_results.toml";

// nullopt when the file is absent or unusable (an error is then reported).
std::optional<A11yResults> read_a11y_results(const FileSystem& fs, Diagnostics& diags);

}  // namespace kyosei
