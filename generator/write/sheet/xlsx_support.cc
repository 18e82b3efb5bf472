#include "write/sheet/xlsx_support.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <minizip/zip.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include "base/dates.h"
#include "base/zip_writer.h"
#include "base/text.h"

namespace kyosei {

namespace {

constexpr int kUnixEpochSerial = 25569;  // 1970-01-01 as an Excel serial

std::atomic<unsigned long> deflated_parts{0};

}  // namespace

unsigned long xlsx_parts_deflated_at_workbook_level() { return deflated_parts.load(); }

}  // namespace kyosei

// libxlsxwriter (1.1.4 in Debian 12) zips a workbook with minizip and asks
// it for zlib's default level (6), hard-wired, with no option to change it;
// deflating at 6 was some 6% of a 政令市 build's CPU time (perf, 2026-12-07).
// So the program defines minizip's function itself: libxlsxwriter's call
// reaches this definition first (the program's symbols come before a
// library's) and it passes the call on to minizip with the level of the
// other Office files (kOfficeDeflateLevel). Nothing else in the program
// uses minizip.
extern "C" int zipOpenNewFileInZip4_64(zipFile file, const char* filename, const zip_fileinfo* zipfi,
                                       const void* extrafield_local, uInt size_extrafield_local,
                                       const void* extrafield_global, uInt size_extrafield_global,
                                       const char* comment, int method, int level, int raw, int windowBits,
                                       int memLevel, int strategy, const char* password, uLong crcForCrypting,
                                       uLong versionMadeBy, uLong flagBase, int zip64) {
  using Open = decltype(&zipOpenNewFileInZip4_64);
  static const Open minizip = reinterpret_cast<Open>(dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (!minizip) return ZIP_INTERNALERROR;  // the workbook is then reported as not written
  if (method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) {
    level = kyosei::kOfficeDeflateLevel;
    kyosei::deflated_parts.fetch_add(1, std::memory_order_relaxed);
  }
  return minizip(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                 size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy, password,
                 crcForCrypting, versionMadeBy, flagBase, zip64);
}

namespace kyosei {

std::string xlsx_work_dir(unsigned long long min_free_mb) {
  const char* tmpdir = std::getenv("TMPDIR");
  if (tmpdir && *tmpdir) return "";
  const char* shm = "/dev/shm";
  struct statfs st {};
  if (::statfs(shm, &st) != 0 || st.f_type != TMPFS_MAGIC || ::access(shm, W_OK | X_OK) != 0) return "";
  const unsigned long long free_mb = static_cast<unsigned long long>(st.f_bavail) * st.f_bsize >> 20;
  return free_mb >= min_free_mb ? shm : "";
}

lxw_workbook* new_workbook(const std::string& path) {
  static const std::string dir = xlsx_work_dir();
  lxw_workbook_options options{};
  options.tmpdir = dir.empty() ? nullptr : const_cast<char*>(dir.c_str());
  return workbook_new_opt(path.c_str(), &options);
}

lxw_format* add_japanese_format(lxw_workbook* workbook) {
  lxw_format* f = workbook_add_format(workbook);
  format_set_font_name(f, kWorkbookFont);
  format_set_font_size(f, kWorkbookFontSize);
  format_set_font_family(f, kModernFontFamily);
  return f;
}

void set_page_header_footer(lxw_worksheet* ws, const std::string& municipality, const std::string& sheet,
                            int fiscal_year, const std::string& mark) {
  lxw_header_footer_options options{};
  options.margin = kHeaderFooterMarginInches;
  std::string year = format_fiscal_year_short(fiscal_year);
  std::string rest = "&C" + header_footer_text(sheet + mark) + "&R" + year;
  std::string name = header_footer_text(municipality, utf8_length(rest) + 2);
  if (name.empty() || worksheet_set_header_opt(ws, ("&L" + name + rest).c_str(), &options) != LXW_NO_ERROR)
    worksheet_set_header_opt(ws, rest.c_str(), &options);
  worksheet_set_footer_opt(ws, "&C&P / &N", &options);
}

double column_points(double width) {
  double px = width < 1 ? width * 12 : std::floor(width * kPrintCharPixels + 0.5) + 5;
  return px * 0.75;
}

namespace {
double printable_points(bool landscape) { return (landscape ? kA4LongPoints : kA4ShortPoints) - 2 * kSideMarginInches * 72; }
}  // namespace

double fit_budget_points(bool landscape) {
  return printable_points(landscape) / (kFitSafety * kMinPrintFontPoints / kWorkbookFontSize);
}

void set_a4_print(lxw_worksheet* ws, bool landscape, double printed_points, size_t label_columns) {
  worksheet_set_paper(ws, kPaperA4);
  if (landscape)
    worksheet_set_landscape(ws);
  else
    worksheet_set_portrait(ws);
  worksheet_set_margins(ws, kSideMarginInches, kSideMarginInches, kTopMarginInches, kBottomMarginInches);
  worksheet_center_horizontally(ws);
  if (printed_points <= fit_budget_points(landscape)) {
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many tall as needed
    return;
  }
  worksheet_set_print_scale(ws, kMinPrintScale);
  if (label_columns > 0) worksheet_repeat_columns(ws, 0, static_cast<lxw_col_t>(label_columns - 1));
}

std::time_t workbook_timestamp(int fiscal_year) {
  int year = fiscal_year >= 1970 ? fiscal_year : 2000;
  long long days = excel_serial(Date{year, 4, 1}) - kUnixEpochSerial;
  return static_cast<std::time_t>(days * 86400);
}

size_t widest_line(std::string_view text) {
  size_t widest = 0;
  for (size_t start = 0;;) {  // line by line, without copying them
    size_t end = text.find('\n', start);
    widest = std::max(widest, display_width(text.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) return widest;
    start = end + 1;
  }
}

double column_width_for(size_t widest, double max_width) {
  return std::clamp(static_cast<double>(widest) * 1.1 + 1, kMinColumnWidth, std::max(kMinColumnWidth, max_width));
}

bool column_needs_wrap_for(size_t widest, bool has_line_break, double max_width) {
  return has_line_break || static_cast<double>(widest) * 1.1 + 1 > max_width;
}

double column_width(const std::vector<std::string>& texts, double max_width) {
  size_t widest = 0;
  for (const auto& t : texts) widest = std::max(widest, widest_line(t));
  return column_width_for(widest, max_width);
}

bool column_needs_wrap(const std::vector<std::string>& texts, double max_width) {
  size_t widest = 0;
  bool line_break = false;
  for (const auto& t : texts) {
    widest = std::max(widest, widest_line(t));
    line_break = line_break || t.find('\n') != std::string::npos;
  }
  return !texts.empty() && column_needs_wrap_for(widest, line_break, max_width);
}

std::string header_footer_text(std::string_view text, size_t reserved) {
  std::string out(text);
  replace_all(out, "&", "&&");
  if (utf8_length(out) + reserved > 255) return "";
  return out;
}

std::string cell_text(std::string_view text) {
  if (utf8_length(text) <= kMaxCellChars) return std::string(text);
  // Keep kMaxCellChars - 1 code points, then the ellipsis.
  size_t i = 0;
  for (size_t n = 0; n < kMaxCellChars - 1 && i < text.size(); ++n) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return std::string(text.substr(0, i)) + "…";
}

void write_yen(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, long long yen, lxw_format* format,
               const std::string& formula) {
  if (yen >= -kMaxExactYen && yen <= kMaxExactYen) {
    const double exact = static_cast<double>(yen);  // exact: |yen| <= 2^53
    if (formula.empty()) worksheet_write_number(worksheet, row, col, exact, format);
    else worksheet_write_formula_num(worksheet, row, col, formula.c_str(), format, exact);
    return;
  }
  const std::string digits = std::to_string(yen);
  if (formula.empty()) worksheet_write_string(worksheet, row, col, digits.c_str(), format);
  else worksheet_write_formula_str(worksheet, row, col, formula.c_str(), format, digits.c_str());
}

std::string close_workbook(lxw_workbook* workbook) {
  static std::mutex one_at_a_time;
  std::lock_guard<std::mutex> lock(one_at_a_time);
  std::fflush(stderr);
  // In memory (no file on a disk); /dev/null when even that cannot be made.
  // Close-on-exec: PDF children started meanwhile must not keep it.
  int memfd = ::memfd_create("kyosei-xlsx-stderr", MFD_CLOEXEC);
  FILE* capture = memfd >= 0 ? ::fdopen(memfd, "w+") : nullptr;
  if (memfd >= 0 && !capture) ::close(memfd);
  int sink = capture ? ::fileno(capture) : ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  int saved = sink >= 0 ? ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0) : -1;
  if (saved >= 0) ::dup2(sink, STDERR_FILENO);
  lxw_error err = workbook_close(workbook);
  std::fflush(stderr);
  if (saved >= 0) {
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
  }
  if (capture) {
    if (err == LXW_NO_ERROR) {  // nothing went wrong: whatever was said is passed on
      std::rewind(capture);
      char buf[4096];
      for (size_t n; (n = std::fread(buf, 1, sizeof buf, capture)) > 0;) std::fwrite(buf, 1, n, stderr);
      std::fflush(stderr);
    }
    std::fclose(capture);
  } else if (sink >= 0) {
    ::close(sink);
  }
  switch (err) {
    case LXW_NO_ERROR: return "";
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "メモリが足りません";
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return "ファイルを書き込めません。空き容量と書き込み権限を確認してください";
    default: return "ブックを書き出せません（libxlsxwriter のエラー " + std::to_string(static_cast<int>(err)) + "）";
  }
}

}  // namespace kyosei
