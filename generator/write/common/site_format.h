// How the public site words values: 「未把握」 for what was not given (never
// 0), 「全域」 for a service without 圏域, counts with their units.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/wording.h"  // kUnknown, kWholeArea
#include "model/model.h"

namespace kyosei {


// "1,234人"; nullopt -> 「未把握」.
std::string count_text(const std::optional<long long>& n, std::string_view unit);

// Items joined by 「、」; empty -> if_empty.
std::string list_text(const std::vector<std::string>& items, std::string_view if_empty = kUnknown);

// Area names for area IDs (an unknown ID is shown as it is); empty -> 「全域」.
std::vector<std::string> area_names(const Dataset& ds, const std::vector<std::string>& ids);

// A decimal with at most two places, zeros trimmed: 3.50 -> "3.5", 2 -> "2".
std::string decimal_text(double value);

// File size for a download link: "850バイト", "12KB", "1.4MB".
std::string file_size_text(std::size_t bytes);

// Contact text as HTML: escaped, each Japanese phone number (0 and 9–10
// more digits in groups: 000-000-0000, 03-1234-5678, 0120-00-0000) a tel:
// link that is never broken across lines (<a class="tel" href="tel:…">).
std::string contact_html(std::string_view text);

// A web address shown as text: escaped, with <wbr> after each "/" and
// before each "." "?" "#" "&" "=" so a narrow screen breaks it between its
// parts, never inside a word (「exam/ple」).
std::string url_text_html(std::string_view url);

}  // namespace kyosei
