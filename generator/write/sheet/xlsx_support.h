// Shared conventions for the .xlsx files kyosei writes (libxlsxwriter):
// Japanese font, reproducible timestamps, column widths for Japanese text,
// and the limits Excel puts on cell and header text.
#pragma once
#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

namespace kyosei {

// libxlsxwriter defaults to Calibri, which has no Japanese glyphs; every
// format kyosei uses is made with this font (Excel's Japanese default).
// An xlsx format names one font, so the fallback is the reader's: the
// format also says family 3 ("modern"), as Excel's own Japanese workbooks
// do, and where 游ゴシック is not installed (Excel 2013 and older) Windows
// substitutes its Japanese system font, ＭＳ ゴシック / ＭＳ Ｐゴシック;
// LibreOffice picks an installed Japanese font the same way.
// (libxlsxwriter 1.1.4 does not write a font charset, so none is set.)
inline constexpr const char* kWorkbookFont = "游ゴシック";
inline constexpr double kWorkbookFontSize = 11;
inline constexpr uint8_t kModernFontFamily = 3;

// How many parts of workbooks were deflated at kOfficeDeflateLevel
// (base/zip_writer.h) instead of libxlsxwriter's 6; see xlsx_support.cc.
unsigned long xlsx_parts_deflated_at_workbook_level();

// Room new_workbook wants on the memory file system before using it (a
// container's /dev/shm is often 64 MB, shared with everything else).
inline constexpr unsigned long long kXlsxWorkMinFreeMb = 256;

// A new format in the workbook's Japanese font, ready for more settings.
lxw_format* add_japanese_format(lxw_workbook* workbook);

// Dates are written as real Excel dates (serial numbers) in these 和暦
// number formats, so councils can sort and filter them. [$-411] is the
// locale ID of ja-JP: Excel reads both "[$-ja-JP]" and "[$-411]", but
// LibreOffice shows a serial number for the former, so the numeric form is
// used (shared/domain/plans-and-conventions.md §4.3).
inline constexpr const char* kJapaneseDateFormat = "[$-411]ggge\"年\"m\"月\"d\"日\"";  // 令和8年5月21日
inline constexpr const char* kJapaneseMonthFormat = "[$-411]ggge\"年\"m\"月\"";         // 令和6年4月

// The printed page header and footer every kyosei sheet uses:
//   left: municipality name, centre: sheet name and `mark` (「（庁内用）」),
//   right: 「令和8年度」; footer centre: "page / pages"; each
//   kHeaderFooterMarginInches from the paper's edge.
// Input text is escaped (header_footer_text); a name too long for Excel's
// 255-character limit is left out rather than cut.
inline constexpr double kHeaderFooterMarginInches = 0.3;
void set_page_header_footer(lxw_worksheet* worksheet, const std::string& municipality, const std::string& sheet,
                            int fiscal_year, const std::string& mark = "");

// Printing on A4 as councils print. Margins in inches; the header and
// footer margins are kHeaderFooterMarginInches.
inline constexpr int kPaperA4 = 9;  // the paper size code in the page setup
inline constexpr double kA4ShortPoints = 595, kA4LongPoints = 842;
inline constexpr double kSideMarginInches = 0.4, kTopMarginInches = 0.75, kBottomMarginInches = 0.75;
// The smallest text a council member is expected to read on paper. A sheet
// is fitted to one page width only if that keeps its 11 pt text at 8 pt or
// more, with kFitSafety for LibreOffice measuring columns a little wider
// than Excel; otherwise it is printed at kMinPrintScale percent over as
// many pages across as needed, with its label columns repeated on each.
inline constexpr double kMinPrintFontPoints = 8;
inline constexpr double kFitSafety = 1.12;
inline constexpr int kMinPrintScale = 75;
// A character of column width as printed: Excel and LibreOffice size
// columns by the workbook font's digit, about 9 px for 11 pt 游ゴシック or
// the Japanese font that stands in for it (Calibri's is 7 px). Measured
// with LibreOffice: printed widths are 1.29–1.32 × the Calibri estimate.
inline constexpr double kPrintCharPixels = 9;
// Text columns wrap down to this width to fit a page before the sheet is
// printed over pages across instead.
inline constexpr double kMinWrapWidth = 12;

// The widest the printed columns may be (points, column_points) for the
// sheet to be fitted to one page width with its text at 8 pt or more.
double fit_budget_points(bool landscape);

// A4 in the given orientation, those margins, centred, and the fit or scale
// above for columns `printed_points` wide (column_points); `label_columns`
// (the first ones) repeated on every page across when not fitted.
void set_a4_print(lxw_worksheet* worksheet, bool landscape, double printed_points, size_t label_columns = 0);

// Printed width of a column `width` characters wide, in points: Excel's
// pixels (7 per character + 5) at 96 dpi.
double column_points(double width);

// The creation time written into the workbook: April 1 of the fiscal year,
// 00:00 UTC, so that the same data gives byte-identical files (without it
// libxlsxwriter writes the current time). Years before 1970 give 2000.
std::time_t workbook_timestamp(int fiscal_year);

// Column width (Excel character units) that fits the widest line of any of
// the texts, counting full-width characters as 2: width × 1.1 + 1, at least
// kMinColumnWidth, at most max_width.
inline constexpr double kMinColumnWidth = 6;
inline constexpr double kMaxColumnWidth = 60;
double column_width(const std::vector<std::string>& texts, double max_width = kMaxColumnWidth);
// Room for the dropdown button an autofilter puts in header cells.
inline constexpr double kFilterButtonWidth = 2.5;
// True when some text would not fit the capped width, or has line breaks:
// the column should wrap.
bool column_needs_wrap(const std::vector<std::string>& texts, double max_width = kMaxColumnWidth);
// The same two from what they depend on: the widest line of the texts (in
// display columns, widest_line) and whether any has a line break. For a
// sheet that measures each cell once.
size_t widest_line(std::string_view text);
double column_width_for(size_t widest, double max_width = kMaxColumnWidth);
bool column_needs_wrap_for(size_t widest, bool has_line_break, double max_width = kMaxColumnWidth);

// Text as a header/footer section: "&" doubled so that a name cannot
// inject a code such as &P. Empty when the result would exceed Excel's
// 255-character header limit together with `reserved` other characters.
std::string header_footer_text(std::string_view text, size_t reserved = 0);

// Excel holds at most 32,767 characters in a cell; longer text is cut at a
// character boundary and ends with 「…」.
inline constexpr size_t kMaxCellChars = 32767;
std::string cell_text(std::string_view text);

// The one place an amount of yen becomes an Excel number, which is a
// double. Exact: a double holds every integer up to 2^53
// (9,007,199,254,740,992), and an amount is at most kMaxYen (< 10^13).
// Only a total of some 900 amounts at the cap could pass 2^53; such a
// total is written as text with all its digits rather than rounded. With
// a formula (a SUM of amounts), yen is the value cached with it.
inline constexpr long long kMaxExactYen = 1LL << 53;
void write_yen(lxw_worksheet* worksheet, lxw_row_t row, lxw_col_t col, long long yen, lxw_format* format,
               const std::string& formula = "");

// workbook_new with the library's working files (each part's XML before it
// is zipped) on a memory file system when there is one with room: a
// workbook of many sheets makes dozens of such files, and on a disk each
// costs an inode. An explicit TMPDIR is left to the library. nullptr when
// the workbook cannot be made.
lxw_workbook* new_workbook(const std::string& path);

// The folder new_workbook gives libxlsxwriter ("" for its default): /dev/shm
// when TMPDIR is not set and /dev/shm is a writable tmpfs with at least
// `min_free_mb` free. Worked out once.
std::string xlsx_work_dir(unsigned long long min_free_mb = kXlsxWorkMinFreeMb);

// Closes (writes) a workbook: "" when it was written, else why not, in
// Japanese. libxlsxwriter reports a failed write (disk full, no permission)
// with English lines of its own on stderr, which the officer should not
// see; kyosei's own message names the file instead. So fd 2 is pointed at
// a temporary file during the close (one close at a time: fd 2 belongs to
// the whole process), and what landed there is passed on to stderr only
// when the close succeeded.
std::string close_workbook(lxw_workbook* workbook);

}  // namespace kyosei
