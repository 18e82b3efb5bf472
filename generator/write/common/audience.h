// Who a build's workbooks and CSV files are for (kyosei build --audience).
//
// - Council (default): for the 審議会・推進委員会 and anything that may be
//   handed out or published. Staff appear as 「職員1」「職員2」… (staff.csv
//   order), never by 氏名 or ID; the 議題 of meetings with 守秘義務 is
//   replaced by kConfidentialAgenda.
// - Internal: for the offices that keep the roster. Staff ID and 氏名, and
//   every 議題, are included.
// The public site ignores this setting: it never shows 氏名 or confidential
// 議題.
#pragma once
#include <optional>
#include <string_view>

namespace kyosei {

enum class Audience { Council, Internal };

inline constexpr const char* kConfidentialAgenda = "（守秘義務のある会議のため記載しません）";

// "council" | "internal"; nullopt for anything else.
inline std::optional<Audience> parse_audience(std::string_view s) {
  if (s == "council") return Audience::Council;
  if (s == "internal") return Audience::Internal;
  return std::nullopt;
}

// How the workbook names the audience: 「審議会用」「庁内用」.
inline const char* audience_label(Audience a) { return a == Audience::Council ? "審議会用" : "庁内用"; }

}  // namespace kyosei
