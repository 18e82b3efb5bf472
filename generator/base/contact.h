// Contact details of a service's 窓口 (services.csv 電話, FAX, URL): how a
// typed value is checked, and the form a tel: link needs.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kyosei {

// The dialable form of a Japanese phone number typed by staff, after NFKC:
// digits only, or "#" and digits. Accepted:
//   - 10 or 11 digits starting with 0 (000-123-4567, (000)12-3456,
//     0120-000-000, 090-0000-0000), separated by - ‐ ( ) or spaces;
//   - a 3-digit 1xx service number (189 児童相談所虐待対応ダイヤル);
//   - "#" and 4 digits (#8000 子ども医療電話相談, #7119).
// nullopt for anything else.
std::optional<std::string> dialable_phone(std::string_view normalized);

// Whether an address can be a link on the public site: http:// or
// https://, a host, and no spaces, quotes, angle brackets or control
// characters (so it cannot break out of an attribute, nor run script).
bool is_web_address(std::string_view normalized);

}  // namespace kyosei
