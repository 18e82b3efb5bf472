#include "base/zip_reader.h"

#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>

namespace kyosei {

namespace {

// Writes a zip with the given entries (name, bytes) using libzip.
void make_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& entries) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);  // reads the buffers, which are still alive here
}

}  // namespace

TEST_CASE("zip reader: lists and reads entries") {
  auto dir = std::filesystem::temp_directory_path() / ("kyosei_zip_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "t.zip").string();
  std::string big(100000, 'a');
  make_zip(path, {{"a.txt", "こんにちは"}, {"dir/b.xml", "<x/>"}, {"big.txt", big}, {"empty", ""}});

  CHECK(list_zip_entries(path) == std::vector<std::string>{"a.txt", "dir/b.xml", "big.txt", "empty"});
  CHECK(read_zip_entry(path, "a.txt") == "こんにちは");
  CHECK(read_zip_entry(path, "dir/b.xml") == "<x/>");
  CHECK(read_zip_entry(path, "big.txt") == big);
  CHECK(read_zip_entry(path, "empty") == "");
  CHECK_FALSE(read_zip_entry(path, "missing"));
  CHECK_FALSE(read_zip_entry(path, "big.txt", 1000));  // over the limit

  CHECK(list_zip_entries((dir / "none.zip").string()).empty());
  CHECK_FALSE(read_zip_entry((dir / "none.zip").string(), "a.txt"));
  std::filesystem::remove_all(dir);
}

}  // namespace kyosei
