// Text helpers for Japanese input: NFKC normalisation (ICU), trimming that
// knows the ideographic space, multi-value splitting, and display width.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kyosei {

// Unicode NFKC: "ＩＤ１２３" -> "ID123", "１，０００" -> "1,000", "；" -> ";".
std::string nfkc(std::string_view utf8);

// A code point of a range nfkc() passes without asking ICU (for the test).
bool is_plain_nfkc(char32_t code_point);

// Trims ASCII white space and U+3000 (ideographic space) at both ends.
std::string trim(std::string_view s);

// NFKC, then trim: how every header, enumerated value, number and ID is read.
std::string normalize(std::string_view s);

// Splits a multi-valued cell on ";" "；" "、" and trims each part; empty
// parts are dropped.
std::vector<std::string> split_multi(std::string_view s);

std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
void replace_all(std::string& s, std::string_view from, std::string_view to);

bool is_valid_utf8(std::string_view s);

// Appends one code point as UTF-8; invalid ones (0, surrogates, > U+10FFFF)
// become U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

// Number of Unicode code points.
size_t utf8_length(std::string_view s);

// Width in half-width cells: East Asian wide and full-width characters
// count 2, others 1. Used to size spreadsheet columns.
size_t display_width(std::string_view s);

// "1234567" -> "1,234,567"; negative numbers keep their sign.
std::string with_commas(long long n);

// Allowed values for a message: each in 「」, joined with 「、」, since the
// values themselves may contain 「・」 (「相談支援・参加支援」).
std::string quoted_list(const std::vector<std::string>& values);

}  // namespace kyosei
