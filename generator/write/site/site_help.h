// 「困ったときの相談先」: help/index.html lists the services residents can
// contact (services.csv 相談窓口・電話・場所・受付時間 …) by life situation
// and links one printable A4 leaflet per 圏域, help/<圏域ID>.html (and, with
// build --pdf, its PDF help/<圏域ID>.pdf, printed by write/print). Which
// services go under which situation is data: data/site/help_situations.toml.
// The top page and the service pages use the pieces below too.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "write/site/site_html.h"

namespace kyosei {

struct HelpSituation {
  std::string id;     // the heading's anchor on help/index.html
  std::string title;  // 「子育て・妊娠・出産」
  std::string lead;   // one sentence under the heading
  std::vector<std::string> fields, functions, jusou, keywords;
};

// data/site/help_situations.toml, in order.
const std::vector<HelpSituation>& help_situations();

inline constexpr const char* kHelpIndexPath = "help/index.html";
inline constexpr const char* kHelpTitle = "困ったときの相談先";
std::string help_leaflet_path(const std::string& area_id);
// The leaflet printed (build --pdf), beside its page.
std::string help_leaflet_pdf_path(const std::string& area_id);

// The services listed as 相談先: public, with a 相談窓口 or 電話; when no
// service of the dataset has either, the public ones with 機能 相談支援.
std::vector<const Service*> help_services(const Dataset& ds);

// Whether a service is listed under a situation (see the data file).
bool in_situation(const Service& s, const HelpSituation& situation);
// The same with the service's text as in_situation compares it
// (help_text), worked out once for all the situations.
std::string help_text(const Service& s);
bool in_situation(const Service& s, const HelpSituation& situation, std::string_view help_text);

// <a href="tel:…">number</a> per number; the href holds only the digits
// (and "#" encoded), the text is the number as typed.
SafeHtml phone_links(const std::vector<std::string>& numbers);

// What a resident needs first, as label / value rows: 相談窓口, 電話, FAX,
// 場所, 受付時間, 対象, 利用のしかた, 詳しい案内 (URL). Rows without a
// value are left out; empty when the service has none of them.
std::vector<std::pair<std::string, HtmlCell>> contact_rows(const Service& s);

// The way into the help page for the top page: one link per situation that
// has services, and one per 圏域 leaflet. from_page is the linking page.
SafeHtml help_shortcuts(const Dataset& ds, const std::string& from_page);

}  // namespace kyosei
