#include "base/sha256.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

namespace kyosei {

TEST_CASE("sha256 matches the FIPS 180-4 examples") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 with the CPU's SHA instructions agrees with the portable code at every length around the blocks") {
  std::string data;
  uint32_t x = 12345;
  for (size_t n = 0; n < 300; ++n) {
    CHECK(sha256_hex(data) == sha256_hex_portable(data));
    x = x * 1103515245 + 12345;
    data += static_cast<char>(x >> 16);
  }
  std::string big(100000, '\0');
  for (auto& c : big) c = static_cast<char>((x = x * 1103515245 + 12345) >> 16);
  CHECK(sha256_hex(big) == sha256_hex_portable(big));
  CHECK(sha256_hex_portable(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace kyosei
