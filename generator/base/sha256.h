// SHA-256 (FIPS 180-4), for the output folder's manifest: a file kyosei
// wrote is recognised by its hash, so one edited since is never replaced.
#pragma once
#include <string>
#include <string_view>

namespace kyosei {

// 64 lower-case hex digits.
// With the CPU's SHA instructions when it has them.
std::string sha256_hex(std::string_view data);
// Always the portable code (for the test that both agree).
std::string sha256_hex_portable(std::string_view data);

}  // namespace kyosei
