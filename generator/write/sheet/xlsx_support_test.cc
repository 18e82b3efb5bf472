#include "write/sheet/xlsx_support.h"

#include <doctest/doctest.h>
#include <sys/statfs.h>
#include <linux/magic.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>

#include "base/text.h"
#include "base/zip_reader.h"
#include "base/zip_writer.h"

namespace kyosei {

TEST_CASE("workbook_timestamp: April 1 of the fiscal year, 00:00 UTC") {
  CHECK(workbook_timestamp(2026) == 1775001600);
  CHECK(workbook_timestamp(0) == 954547200);  // unknown year: 2000-04-01
}

TEST_CASE("xlsx_work_dir: /dev/shm with room, unless TMPDIR says otherwise") {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  unsetenv("TMPDIR");
  struct statfs st {};
  const bool shm = ::statfs("/dev/shm", &st) == 0 && st.f_type == TMPFS_MAGIC && ::access("/dev/shm", W_OK) == 0;
  CHECK(xlsx_work_dir(0) == (shm ? "/dev/shm" : ""));
  CHECK(xlsx_work_dir(1ULL << 40) == "");  // never a terabyte free: the library's default
  setenv("TMPDIR", "/somewhere/else", 1);
  CHECK(xlsx_work_dir(0) == "");
  if (old) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
}

TEST_CASE("new_workbook and close_workbook: a workbook written, or why not in Japanese") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kyosei-xlsx-support-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  lxw_workbook* ok = new_workbook((dir / "ok.xlsx").string());
  REQUIRE(ok);
  workbook_add_worksheet(ok, "表");
  CHECK(close_workbook(ok) == "");
  CHECK(fs::file_size(dir / "ok.xlsx") > 1000);
  lxw_workbook* lost = new_workbook((dir / "no-such-folder" / "lost.xlsx").string());
  REQUIRE(lost);
  workbook_add_worksheet(lost, "表");
  CHECK(close_workbook(lost) == "ファイルを書き込めません。空き容量と書き込み権限を確認してください");
  CHECK_FALSE(fs::exists(dir / "no-such-folder"));
  fs::remove_all(dir);
}

// The level is set where libxlsxwriter asks minizip for a part: the sheet
// is deflated as zlib deflates it at kOfficeDeflateLevel, not at 6.
TEST_CASE("new_workbook: the parts are deflated at kOfficeDeflateLevel") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("kyosei-xlsx-level-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "level.xlsx").string();
  const unsigned long before = xlsx_parts_deflated_at_workbook_level();
  lxw_workbook* wb = new_workbook(path);
  REQUIRE(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "表");
  for (int r = 0; r < 2000; ++r)
    for (int c = 0; c < 6; ++c) worksheet_write_number(ws, r, c, (r * 7919 + c * 104729) % 100003, nullptr);
  REQUIRE(close_workbook(wb) == "");
  CHECK(xlsx_parts_deflated_at_workbook_level() - before >= 9);  // every part of the package

  auto xml = read_zip_entry(path, "xl/worksheets/sheet1.xml");
  REQUIRE(xml);
  auto raw_deflate = [&](int level) {
    z_stream z{};
    REQUIRE(deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, xml->size()), '\0');
    z.next_in = reinterpret_cast<Bytef*>(xml->data());
    z.avail_in = static_cast<uInt>(xml->size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    deflateEnd(&z);
    return static_cast<zip_uint64_t>(z.total_out);
  };
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &error);
  REQUIRE(zip);
  zip_stat_t st;
  REQUIRE(zip_stat(zip, "xl/worksheets/sheet1.xml", 0, &st) == 0);
  zip_close(zip);
  CHECK(raw_deflate(6) != raw_deflate(kOfficeDeflateLevel));  // the sheet tells the two apart
  CHECK(st.comp_size == raw_deflate(kOfficeDeflateLevel));
  fs::remove_all(dir);
}

TEST_CASE("column_width: full-width characters count 2, within bounds") {
  CHECK(column_width({}) == kMinColumnWidth);
  CHECK(column_width({"ID"}) == kMinColumnWidth);
  CHECK(column_width({"高齢福祉課"}) == doctest::Approx(12));  // 10 × 1.1 + 1
  CHECK(column_width({"短い", "高齢福祉課"}) == doctest::Approx(12));
  CHECK(column_width({"一行目\n高齢福祉課"}) == doctest::Approx(12));  // widest line
  CHECK(column_width({std::string(200, 'x')}) == kMaxColumnWidth);
  CHECK(column_width({std::string(200, 'x')}, 30) == 30);
}

TEST_CASE("column_needs_wrap: over the cap or with line breaks") {
  CHECK_FALSE(column_needs_wrap({"高齢福祉課"}));
  CHECK(column_needs_wrap({"一行目\n二行目"}));
  CHECK(column_needs_wrap({std::string(100, 'x')}));
  CHECK(column_needs_wrap({std::string(40, 'x')}, 30));
}

TEST_CASE("header_footer_text: & doubled, too long dropped") {
  CHECK(header_footer_text("架空市") == "架空市");
  CHECK(header_footer_text("A&P") == "A&&P");
  std::string long_name;
  for (int i = 0; i < 250; ++i) long_name += "あ";
  CHECK(header_footer_text(long_name) == long_name);
  CHECK(header_footer_text(long_name, 10) == "");
}

TEST_CASE("cell_text: cut at Excel's limit on a character boundary") {
  CHECK(cell_text("短い") == "短い");
  std::string many;
  for (size_t i = 0; i < kMaxCellChars + 10; ++i) many += "あ";
  std::string cut = cell_text(many);
  CHECK(utf8_length(cut) == kMaxCellChars);
  CHECK(is_valid_utf8(cut));
  CHECK(cut.substr(cut.size() - 3) == "…");
}

}  // namespace kyosei
