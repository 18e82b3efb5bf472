// Numbers as typed in Excel by Japanese staff. All parsers normalize (NFKC,
// trim) first, so "１，０００" reads as 1000.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kyosei {

// Whole numbers; commas allowed in the usual places ("1,000"), sign optional.
std::optional<long long> parse_integer(std::string_view text);
// Decimals such as "29.4", "0.5"; a trailing "%" is accepted and ignored.
std::optional<double> parse_decimal(std::string_view text);
// Yen: "1234000", "1,234,000", "1234000円", "¥1,234,000". Never negative.
std::optional<long long> parse_yen(std::string_view text);

// 全国地方公共団体コード: 6 digits whose last is the check digit
// (shared/domain/plans-and-conventions.md §4.2: weights 6,5,4,3,2; mod 11).
bool is_valid_local_government_code(std::string_view six_digits);
// The check digit for the first five digits.
int local_government_check_digit(std::string_view five_digits);

// "1,234,000円".
std::string format_yen(long long yen);

// The largest amount one cell may hold: just under 10兆円 (a prefecture's
// whole budget is smaller), so that every total of a dataset's amounts
// stays far inside int64 and no sum needs floating point.
inline constexpr long long kMaxYen = 9'999'999'999'999;

inline constexpr const char* kExpectedYen = "円単位の整数（例: 1234000、1,234,000、1234000円）";
inline constexpr const char* kExpectedInteger = "0以上の整数（例: 12）";

}  // namespace kyosei
