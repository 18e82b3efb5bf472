// TOML syntax errors as the officer reads them: in Japanese, at the line
// and the key written on it (toml++ describes them in English).
#pragma once
#include <string>
#include <string_view>
#include <toml++/toml.h>

#include "base/diagnostics.h"

namespace kyosei {

// The key written on a line ("name = ..." -> "name", "[plan]" -> "plan"), or "".
std::string toml_key_on_line(const std::string& text, int line);
// toml++'s description of a syntax error, said in Japanese (with the column).
std::string toml_error_japanese(std::string_view english, int column);
// One error at file:line:key.
void report_toml_error(const toml::parse_error& e, const std::string& file, const std::string& text, Diagnostics& diags);

}  // namespace kyosei
