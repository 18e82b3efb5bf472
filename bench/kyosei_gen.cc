// kyosei_gen: makes test and benchmark inputs for kyosei.
//
//   kyosei_gen pdf OUT.pdf --title T --page TEXT [--page TEXT ...]
//                  [--author A] [--subject S] [--date 2026-04-01T00:00:00]
//   kyosei_gen dataset OUT_DIR [--services N] [--staff N] [--areas N]
//                  [--sessions N] [--meetings N] [--pdfs N] [--seed S]
//                  [--name 架空大都市] [--hugo DIR]
//   kyosei_gen country OUT_DIR [--count 1741] [--seed S] [--part K/N]
//
// `pdf` draws a small A4 PDF with cairo in IPAexGothic. The text of each
// --page is a few lines of light markup:
//   "# 見出し"      heading (large, ruled)      "## 小見出し"  sub-heading
//   "| a | b | c |" table row (consecutive rows form a table; the first is
//                   the header; "|---|" rows are ignored)
//   ""              small vertical gap          anything else  paragraph
// Lines end at a newline or at the two characters "\n". Long lines are wrapped
// by character count (full-width = 2 cells) with simple 禁則 (closing
// punctuation stays with the previous character). Title, creator and a fixed
// creation/modification date are written as metadata, so the same arguments
// give byte-identical files.
//
// `dataset` writes a complete input folder (shared/spec/inputs.md) of any size:
// municipality.toml, areas/services/staff/meetings/meeting_sessions/
// indicators/assessment CSVs, narrative/*.md and multi-page PDFs under
// documents/ referenced by sessions. Output depends only on the arguments
// (own splitmix64 PRNG, no std:: distributions). All names are fictional
// combinations of syllable and kanji lists. With --hugo DIR it also writes a
// minimal Hugo site with one Markdown page per service, meeting, area and PDF
// page, for the benchmark in bench/run.sh.
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/numbers.h"
#include "base/text.h"
#include "model/reference.h"

namespace {

// ---------------------------------------------------------------- utilities

struct Rng {
  uint64_t state;
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return n == 0 ? 0 : next() % n; }
  long long range(long long lo, long long hi) { return lo + static_cast<long long>(below(hi - lo + 1)); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
};

std::string str(long long n) { return std::to_string(n); }

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

// Decodes UTF-8 into code points with their byte spans.
struct CodePoint {
  char32_t cp;
  std::string bytes;
};
std::vector<CodePoint> decode(const std::string& s) {
  std::vector<CodePoint> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back({cp, s.substr(i, n)});
    i += n;
  }
  return out;
}

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
         (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
         (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) || c == 0x2026 || c == 0x203b ||
         (c >= 0x2460 && c <= 0x24ff) || (c >= 0x25a0 && c <= 0x25ff) || (c >= 0x2190 && c <= 0x21ff);
}
int cells(char32_t c) { return is_wide(c) ? 2 : 1; }
int cells(const std::string& s) {
  int w = 0;
  for (auto& c : decode(s)) w += cells(c.cp);
  return w;
}

// 行頭禁則: characters that must not begin a line.
bool is_closing(char32_t c) {
  static const std::u32string set = U"、。，．・：；？！）」』】〕〉》ー…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々,.)!?:;%";
  return set.find(c) != std::u32string::npos;
}
// 行末禁則: characters that must not end a line.
bool is_opening(char32_t c) {
  static const std::u32string set = U"（「『【〔〈《(";
  return set.find(c) != std::u32string::npos;
}

// Wraps text to lines of at most max_cells half-width cells. Runs of ASCII
// letters and digits are not split unless longer than a line.
std::vector<std::string> wrap(const std::string& text, int max_cells) {
  struct Tok {
    std::string s;
    int w = 0;
    bool space = false, ascii = false, open = false;
  };
  std::vector<Tok> toks;
  for (auto& c : decode(text)) {
    if (c.cp == ' ') {
      toks.push_back({" ", 1, true, false, false});
      continue;
    }
    bool ascii = c.cp < 0x80;
    Tok* last = toks.empty() ? nullptr : &toks.back();
    bool glue = last && !last->space &&
                (last->open || is_closing(c.cp) || (ascii && last->ascii && !is_opening(c.cp)));
    if (glue) {
      last->s += c.bytes;
      last->w += cells(c.cp);
      last->ascii = last->ascii && ascii;
      last->open = is_opening(c.cp);
    } else {
      toks.push_back({c.bytes, cells(c.cp), false, ascii, is_opening(c.cp)});
    }
  }
  std::vector<std::string> lines;
  std::string line;
  int w = 0;
  auto flush = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    line.clear();
    w = 0;
  };
  for (auto& t : toks) {
    if (t.space) {
      if (w == 0) continue;
      if (w + 1 > max_cells) {
        flush();
        continue;
      }
      line += t.s;
      w += 1;
      continue;
    }
    if (w + t.w <= max_cells) {
      line += t.s;
      w += t.w;
      continue;
    }
    if (w > 0) flush();
    if (t.w <= max_cells) {
      line = t.s;
      w = t.w;
      continue;
    }
    for (auto& c : decode(t.s)) {  // a token longer than a line
      if (w + cells(c.cp) > max_cells) flush();
      line += c.bytes;
      w += cells(c.cp);
    }
  }
  if (w > 0 || lines.empty()) flush();
  return lines;
}

// ---------------------------------------------------------------- PDF

constexpr double kPageW = 595.276, kPageH = 841.890;  // A4 in points
constexpr double kMarginX = 56.7, kTop = 60.0, kBottom = 66.0;
constexpr const char* kFont = "IPAexGothic";

struct Op {
  enum Kind { kText, kCentered, kLine, kFill } kind = kText;
  double x = 0, y = 0, x2 = 0, y2 = 0, size = 10.5, gray = 0;
  std::string text;
};

class Layout {
 public:
  std::vector<std::vector<Op>> pages;

  void begin_logical_page() { new_page(); }

  void heading(const std::string& text, int level) {
    double size = level == 1 ? 15.0 : 12.0;
    double lh = size * 1.5;
    y_ += level == 1 ? 2 : 8;
    auto lines = wrap(text, cells_for(size, width()));
    ensure(lh * lines.size() + (level == 1 ? 8 : 2) + 20);
    for (auto& l : lines) {
      text_op(kMarginX, y_ + size, size, l, 0);
      y_ += lh;
    }
    if (level == 1) {
      line_op(kMarginX, y_ + 1, kPageW - kMarginX, y_ + 1, 0.8, 0);
      y_ += 8;
    } else {
      y_ += 2;
    }
  }

  void paragraph(const std::string& text) {
    const double size = 10.5, lh = size * 1.6;
    // Hanging indent for list markers and numbered items.
    int indent = 0;
    auto cps = decode(text);
    size_t lead = 0;
    while (lead < cps.size() && cps[lead].cp == U'　') ++lead;
    if (lead < cps.size() && std::u32string(U"・○●◎※□■").find(cps[lead].cp) != std::u32string::npos)
      indent = static_cast<int>(lead + 1) * 2;
    else if (auto colon = std::find_if(cps.begin(), cps.begin() + std::min<size_t>(cps.size(), 8),
                                         [](const CodePoint& c) { return c.cp == U'：'; });
             colon != cps.begin() + std::min<size_t>(cps.size(), 8))
      indent = static_cast<int>(colon - cps.begin() + 1) * 2;  // 委員A：発言…
    else if (lead < cps.size() && cps[lead].cp == U'（') {
      for (size_t k = lead; k < cps.size() && k < lead + 5; ++k)
        if (cps[k].cp == U'）') indent = static_cast<int>(k + 1) * 2;
    }
    int max = cells_for(size, width());
    auto first = wrap(text, max);
    std::vector<std::pair<int, std::string>> lines;
    if (first.size() <= 1 || indent == 0 || indent > max / 2) {
      for (auto& l : first) lines.push_back({0, l});
    } else {
      // Re-wrap the remainder with the narrower width.
      lines.push_back({0, first[0]});
      std::string rest = text.substr(first[0].size());
      size_t a = rest.find_first_not_of(' ');
      rest = a == std::string::npos ? "" : rest.substr(a);
      for (auto& l : wrap(rest, max - indent)) lines.push_back({indent, l});
    }
    for (auto& [ind, l] : lines) {
      ensure(lh);
      text_op(kMarginX + ind * size / 2, y_ + size, size, l, 0);
      y_ += lh;
    }
  }

  void gap() { y_ += 6; }

  void table(const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) return;
    const double size = 9.5, lh = size * 1.45, pad = 4;
    size_t ncol = 0;
    for (auto& r : rows) ncol = std::max(ncol, r.size());
    std::vector<double> natural(ncol, 2 * pad + size);
    for (auto& r : rows)
      for (size_t c = 0; c < r.size(); ++c)
        natural[c] = std::max(natural[c], cells(r[c]) * size / 2 + 2 * pad + 1);
    double avail = width(), total = 0;
    for (double n : natural) total += n;
    std::vector<double> colw = natural;
    if (total > avail) {
      // Columns narrower than a fair share keep their width; the rest share
      // what is left in proportion to their natural width.
      std::vector<bool> fixed(ncol, false);
      for (bool changed = true; changed;) {
        changed = false;
        double fixed_sum = 0;
        size_t flex = 0;
        for (size_t c = 0; c < ncol; ++c) fixed[c] ? void(fixed_sum += natural[c]) : void(++flex);
        if (flex == 0) break;
        double fair = (avail - fixed_sum) / flex;
        for (size_t c = 0; c < ncol; ++c)
          if (!fixed[c] && natural[c] <= fair) fixed[c] = changed = true;
      }
      double fixed_sum = 0, flex_sum = 0;
      for (size_t c = 0; c < ncol; ++c) (fixed[c] ? fixed_sum : flex_sum) += natural[c];
      for (size_t c = 0; c < ncol; ++c)
        colw[c] = fixed[c] ? natural[c] : natural[c] * (avail - fixed_sum) / std::max(1.0, flex_sum);
      for (auto& w : colw) w = std::max(w, 2 * pad + 2 * size);
    }
    double tw = 0;
    for (double w : colw) tw += w;
    auto draw_row = [&](const std::vector<std::string>& r, bool header) {
      std::vector<std::vector<std::string>> wrapped(ncol);
      size_t nlines = 1;
      for (size_t c = 0; c < ncol; ++c) {
        std::string cell = c < r.size() ? r[c] : "";
        wrapped[c] = wrap(cell, std::max(2, cells_for(size, colw[c] - 2 * pad)));
        nlines = std::max(nlines, wrapped[c].size());
      }
      double h = nlines * lh + 2 * pad - 2;
      bool broke = ensure(h);
      if (broke && !header) draw_header_again();
      if (header) fill_op(kMarginX, y_, kMarginX + tw, y_ + h, 0.88);
      line_op(kMarginX, y_, kMarginX + tw, y_, 0.5, 0);
      line_op(kMarginX, y_ + h, kMarginX + tw, y_ + h, 0.5, 0);
      double x = kMarginX;
      for (size_t c = 0; c < ncol; ++c) {
        line_op(x, y_, x, y_ + h, 0.5, 0);
        for (size_t k = 0; k < wrapped[c].size(); ++k)
          text_op(x + pad, y_ + pad + size * 0.95 + k * lh, size, wrapped[c][k], 0);
        x += colw[c];
      }
      line_op(x, y_, x, y_ + h, 0.5, 0);
      y_ += h;
    };
    header_row_ = rows[0];
    draw_header_again = [&] { draw_row(header_row_, true); };
    for (size_t i = 0; i < rows.size(); ++i) draw_row(rows[i], i == 0);
    draw_header_again = [] {};
    y_ += 6;
  }

  // Page numbers "- n / N -" at the foot of every page.
  void number_pages() {
    for (size_t i = 0; i < pages.size(); ++i) {
      Op o;
      o.kind = Op::kCentered;
      o.x = kPageW / 2;
      o.y = kPageH - kBottom / 2;
      o.size = 8.5;
      o.gray = 0.35;
      o.text = "- " + str(static_cast<long long>(i + 1)) + " / " + str(static_cast<long long>(pages.size())) + " -";
      pages[i].push_back(o);
    }
  }

 private:
  double y_ = kTop;
  std::vector<std::string> header_row_;
  std::function<void()> draw_header_again = [] {};

  static double width() { return kPageW - 2 * kMarginX; }
  static int cells_for(double size, double w) { return static_cast<int>(std::floor(w / (size / 2))); }
  void new_page() {
    pages.emplace_back();
    y_ = kTop;
  }
  // Starts a new page when h points do not fit; true when it did.
  bool ensure(double h) {
    if (pages.empty()) {
      new_page();
      return false;
    }
    if (y_ + h > kPageH - kBottom && y_ > kTop) {
      new_page();
      return true;
    }
    return false;
  }
  void text_op(double x, double y, double size, const std::string& t, double gray) {
    if (t.empty()) return;
    Op o;
    o.kind = Op::kText;
    o.x = x, o.y = y, o.size = size, o.gray = gray, o.text = t;
    pages.back().push_back(o);
  }
  void line_op(double x1, double y1, double x2, double y2, double width, double gray) {
    Op o;
    o.kind = Op::kLine;
    o.x = x1, o.y = y1, o.x2 = x2, o.y2 = y2, o.size = width, o.gray = gray;
    pages.back().push_back(o);
  }
  void fill_op(double x1, double y1, double x2, double y2, double gray) {
    Op o;
    o.kind = Op::kFill;
    o.x = x1, o.y = y1, o.x2 = x2, o.y2 = y2, o.gray = gray;
    pages.back().push_back(o);
  }
};

// Splits page text into lines: real newlines and the two characters "\n".
std::vector<std::string> page_lines(const std::string& text) {
  std::string t;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      t += '\n';
      ++i;
    } else if (text[i] != '\r') {
      t += text[i];
    }
  }
  return split(t, '\n');
}

bool is_rule_row(const std::string& line) {
  for (char c : line)
    if (c != '|' && c != '-' && c != ':' && c != ' ') return false;
  return true;
}

void layout_page(Layout& layout, const std::string& text) {
  layout.begin_logical_page();
  std::vector<std::vector<std::string>> table;
  auto end_table = [&] {
    if (!table.empty()) layout.table(table);
    table.clear();
  };
  for (auto& raw : page_lines(text)) {
    std::string line = trim(raw);
    if (!line.empty() && line[0] == '|') {
      if (is_rule_row(line)) continue;
      std::string inner = line.substr(1);
      if (!inner.empty() && inner.back() == '|') inner.pop_back();
      std::vector<std::string> cellv;
      for (auto& c : split(inner, '|')) cellv.push_back(trim(c));
      table.push_back(cellv);
      continue;
    }
    end_table();
    if (line.empty())
      layout.gap();
    else if (line.rfind("## ", 0) == 0)
      layout.heading(line.substr(3), 2);
    else if (line.rfind("# ", 0) == 0)
      layout.heading(line.substr(2), 1);
    else
      layout.paragraph(raw.substr(0, raw.find_last_not_of(" \t\r") + 1));
  }
  end_table();
}

struct PdfMeta {
  std::string title, author, subject;
  std::string date = "2026-04-01T00:00:00";
};

// Draws the pages; returns the number of physical pages, or -1 on failure.
int write_pdf(const std::string& path, const PdfMeta& meta, const std::vector<std::string>& page_texts,
              std::string* error) {
  Layout layout;
  for (auto& p : page_texts) layout_page(layout, p);
  layout.number_pages();

  std::error_code ec;
  std::filesystem::path fp(path);
  if (fp.has_parent_path()) std::filesystem::create_directories(fp.parent_path(), ec);
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    *error = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return -1;
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  if (!meta.author.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  if (!meta.subject.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kyosei_gen");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, meta.date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, meta.date.c_str());

  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (auto& ops : layout.pages) {
    for (auto& o : ops) {
      cairo_set_source_rgb(cr, o.gray, o.gray, o.gray);
      switch (o.kind) {
        case Op::kText:
          cairo_set_font_size(cr, o.size);
          cairo_move_to(cr, o.x, o.y);
          cairo_show_text(cr, o.text.c_str());
          break;
        case Op::kCentered: {
          cairo_set_font_size(cr, o.size);
          cairo_text_extents_t ext;
          cairo_text_extents(cr, o.text.c_str(), &ext);
          cairo_move_to(cr, o.x - ext.x_advance / 2, o.y);
          cairo_show_text(cr, o.text.c_str());
          break;
        }
        case Op::kLine:
          cairo_set_line_width(cr, o.size);
          cairo_move_to(cr, o.x, o.y);
          cairo_line_to(cr, o.x2, o.y2);
          cairo_stroke(cr);
          break;
        case Op::kFill:
          cairo_rectangle(cr, o.x, o.y, o.x2 - o.x, o.y2 - o.y);
          cairo_fill(cr);
          break;
      }
    }
    cairo_show_page(cr);
  }
  cairo_status_t st = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (st != CAIRO_STATUS_SUCCESS) {
    *error = cairo_status_to_string(st);
    return -1;
  }
  return static_cast<int>(layout.pages.size());
}

// ---------------------------------------------------------------- dates

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
struct Ymd {
  int y, m, d;
};
Ymd civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}
int weekday(long z) { return static_cast<int>(((z % 7) + 11) % 7); }  // 0 = Sunday

std::string reiwa(int y) { return y == 2019 ? "令和元" : "令和" + str(y - 2018); }
std::string wareki_date(long z) {
  static const char* wd[] = {"日", "月", "火", "水", "木", "金", "土"};
  Ymd c = civil_from_days(z);
  return reiwa(c.y) + "年" + str(c.m) + "月" + str(c.d) + "日（" + wd[weekday(z)] + "）";
}
std::string two(int n) { return (n < 10 ? "0" : "") + str(n); }
std::string iso_date(long z) {
  Ymd c = civil_from_days(z);
  return str(c.y) + "-" + two(c.m) + "-" + two(c.d);
}

// ---------------------------------------------------------------- vocabulary

const std::vector<std::string> kPlacePrefix = {"", "", "", "東", "西", "南", "北", "新", "中", "上", "下"};
const std::vector<std::string> kPlaceRoot = {
    "桜",   "松",   "梅",   "竹",   "若葉", "緑",   "青葉", "光",   "朝日", "旭",   "宮",   "泉",
    "柏",   "楓",   "椿",   "菖蒲", "白樺", "紅葉", "藤",   "萩",   "栄",   "高",   "星",   "月見",
    "鶴",   "亀",   "鷺",   "虹",   "汐",   "霞",   "菫",   "桐",   "杉",   "柳",   "榎",   "欅",
    "葵",   "雲雀", "千草", "若松", "日向", "水城", "小鳩", "鈴蘭", "松風", "花園", "春日", "秋津"};
const std::vector<std::string> kPlaceSuffix = {"ヶ丘", "台", "野", "原", "町", "沢", "川", "浜", "坂",
                                               "谷",   "里", "森", "田", "島", "平", "山", "見", "園"};

const std::vector<std::string> kSurname1 = {"青", "赤", "浅", "石", "今", "岩", "宇", "江", "大", "岡", "奥", "柿",
                                            "川", "菊", "北", "木", "栗", "黒", "小", "坂", "桜", "笹", "沢", "塩",
                                            "島", "白", "杉", "鈴", "関", "高", "滝", "竹", "谷", "田", "土", "中",
                                            "西", "野", "萩", "橋", "原", "平", "広", "藤", "星", "堀", "前", "松",
                                            "丸", "水", "宮", "村", "森", "矢", "柳", "山", "湯", "吉", "若", "綿"};
const std::vector<std::string> kSurname2 = {"井", "川", "田", "野", "原", "山", "本", "木", "村", "島", "沢",
                                            "谷", "口", "森", "崎", "岡", "橋", "林", "浦", "坂", "瀬", "江",
                                            "尾", "畑", "部", "内", "沼", "塚", "宮", "松"};
const std::vector<std::string> kGiven1 = {"陽", "美", "翔", "結", "悠", "蒼", "花", "咲", "真", "優", "健", "誠",
                                          "彩", "葵", "遥", "湊", "颯", "凛", "奏", "紬", "和", "智", "直", "恵",
                                          "啓", "修", "秀", "千", "知", "友", "由", "芳", "佳", "理", "亮", "涼"};
const std::vector<std::string> kGiven2 = {"子", "太", "斗", "菜", "人", "介", "香", "希", "也", "乃", "樹",
                                          "音", "佳", "大", "一", "美", "平", "里", "奈", "代", "郎", "恵",
                                          "輝", "紀", "史", "実", "帆", "穂", "彦", "江"};

const std::vector<std::string> kFields = {"高齢", "障害",     "子ども",     "生活困窮", "地域福祉", "保健医療",
                                          "就労", "住まい",   "教育",       "司法・更生", "防災",   "その他"};
const std::vector<std::string> kQualifications = {"社会福祉士",     "精神保健福祉士", "保健師",
                                                  "看護師",         "主任介護支援専門員", "介護支援専門員",
                                                  "相談支援専門員", "保育士",         "公認心理師", "その他"};

std::string bureau_of(const std::string& field) {
  static const std::map<std::string, std::string> m = {
      {"高齢", "健康福祉局"},     {"障害", "健康福祉局"},     {"子ども", "こども未来局"},
      {"生活困窮", "健康福祉局"}, {"地域福祉", "健康福祉局"}, {"保健医療", "保健医療局"},
      {"就労", "経済局"},         {"住まい", "都市整備局"},   {"教育", "教育委員会事務局"},
      {"司法・更生", "健康福祉局"}, {"防災", "危機管理室"},   {"その他", "市民局"}};
  return m.at(field);
}
std::vector<std::string> sections_of(const std::string& field) {
  static const std::map<std::string, std::vector<std::string>> m = {
      {"高齢", {"高齢福祉課", "地域包括ケア推進課", "介護保険課"}},
      {"障害", {"障害福祉課", "障害者支援課"}},
      {"子ども", {"こども家庭課", "子育て支援課", "こども若者政策課"}},
      {"生活困窮", {"生活福祉課", "保護課"}},
      {"地域福祉", {"地域福祉課", "福祉総務課"}},
      {"保健医療", {"健康づくり課", "保健予防課", "精神保健福祉センター"}},
      {"就労", {"雇用労働課"}},
      {"住まい", {"住宅政策課", "市営住宅課"}},
      {"教育", {"学校教育課", "生涯学習課", "教育相談課"}},
      {"司法・更生", {"地域福祉課"}},
      {"防災", {"防災企画課"}},
      {"その他", {"市民協働課", "国際交流課", "人権推進課"}}};
  return m.at(field);
}

struct ServiceTemplate {
  const char* name;
  const char* field;
  const char* related;    // ;-separated
  const char* functions;  // ;-separated
  const char* codes;      // ;-separated 重層区分
  const char* methods;    // ;-separated, first is most likely
  const char* target;
  int cost_lo, cost_hi;   // 万円
  int sites_lo, sites_hi;  // 0,0 = leave empty
  int start_lo, start_hi;
  int layer;  // instances are placed in areas of this 層 (2 or 3); 0 = any
  const char* summary;
};

// The first twelve carry every 重層区分 and are written first, once, 全域.
const std::vector<ServiceTemplate> kTemplates = {
    {"地域包括支援センター運営事業", "高齢", "保健医療", "相談支援;権利擁護;多機関協働", "1イ", "委託;直営",
     "高齢者とその家族", 2500, 7000, 1, 1, 2006, 2006, 2,
     "高齢者の総合相談、権利擁護、包括的・継続的ケアマネジメント支援を行う。"},
    {"障害者相談支援事業", "障害", "", "相談支援", "1ロ", "委託", "障害のある人とその家族", 800, 3000, 1, 2,
     2006, 2012, 2, "障害のある人の福祉サービスの利用援助、社会資源の活用支援、専門機関の紹介を行う。"},
    {"利用者支援事業（基本型）", "子ども", "", "相談支援", "1ハ", "委託;直営", "妊産婦・子育て家庭", 500, 1500,
     1, 1, 2015, 2016, 2, "子育て家庭の個別ニーズを把握し、教育・保育施設や地域の子育て支援事業の利用を支援する。"},
    {"生活困窮者自立相談支援事業（多機関協働一体型）", "生活困窮", "就労;住まい", "相談支援;多機関協働",
     "1ニ;5;6", "委託;一部委託", "生活に困りごとを抱える人", 3000, 9000, 1, 3, 2015, 2015, 0,
     "自立相談支援と多機関協働事業を一体的に実施し、複合的な課題を抱える世帯の**支援プラン**を作成する。"},
    {"参加支援事業", "地域福祉", "就労", "参加支援", "2", "委託", "既存制度では対応しにくい社会参加の課題を抱える人",
     800, 2500, 0, 0, 2024, 2024, 0, "本人のニーズに応じて就労体験・居場所・役割などの社会参加の場をマッチングする。"},
    {"地域介護予防活動支援事業（通いの場）", "高齢", "地域福祉", "地域づくり;参加支援", "3イ", "直営;補助",
     "65歳以上の人", 300, 2000, 20, 300, 2015, 2015, 3, "住民主体の通いの場の立ち上げと継続を支援する。"},
    {"生活支援体制整備事業", "高齢", "地域福祉", "地域づくり", "3ロ", "委託", "地域住民", 1000, 5000, 0, 0, 2016,
     2016, 2, "生活支援コーディネーターを配置し、第1層・第2層の協議体を運営する。"},
    {"地域活動支援センター事業", "障害", "", "参加支援;地域づくり", "3ハ", "委託;補助", "障害のある人", 500, 1500,
     1, 1, 2006, 2010, 2, "創作的活動や生産活動の機会を提供し、地域との交流を促進する。"},
    {"地域子育て支援拠点事業", "子ども", "", "地域づくり;相談支援", "3ニ", "委託;補助;直営", "乳幼児とその保護者",
     600, 1600, 1, 1, 2007, 2012, 3, "子育て親子の交流の場を提供し、子育てに関する相談に応じる。"},
    {"生活困窮者支援等のための地域づくり事業", "生活困窮", "地域福祉", "地域づくり;参加支援", "3柱", "委託",
     "地域住民・生活に困りごとを抱える人", 300, 1200, 0, 0, 2024, 2024, 0,
     "地域の居場所や食の支援の取組をつなぎ、孤立を防ぐ地域づくりを進める。"},
    {"アウトリーチ等を通じた継続的支援事業", "地域福祉", "保健医療", "アウトリーチ;相談支援", "4", "委託;直営",
     "支援が届いていない人・ひきこもり状態の人", 1000, 3000, 0, 0, 2024, 2024, 0,
     "訪問や同行を重ね、支援につながりにくい人と**継続的につながる**関係をつくる。"},
    {"多機関協働事業", "地域福祉", "", "多機関協働", "5;6", "直営;一部委託", "複合的な課題を抱える世帯", 1500,
     4000, 0, 0, 2024, 2024, 0, "重層的支援会議を運営し、支援関係機関の役割分担と支援プランを調整する。"},
    // Repeatable ones.
    {"認知症初期集中支援推進事業", "高齢", "保健医療", "アウトリーチ;相談支援", "", "委託", "認知症の人とその家族", 300,
     1200, 0, 0, 2016, 2018, 2, "認知症初期集中支援チームが自宅を訪問し、早期の医療・介護につなぐ。"},
    {"在宅医療・介護連携推進事業", "保健医療", "高齢", "多機関協働", "", "委託", "医療・介護関係者", 500, 2000, 0,
     0, 2015, 2018, 2, "医療と介護の関係者の研修と相談窓口の運営を行う。"},
    {"成年後見制度利用支援事業", "地域福祉", "高齢;障害", "権利擁護", "", "直営", "判断能力が不十分な人", 500, 3000,
     0, 0, 2001, 2010, 0, "申立て費用や後見人等の報酬を助成し、制度の利用を支援する。"},
    {"日常生活自立支援事業", "地域福祉", "高齢;障害", "権利擁護;相談支援", "", "補助", "判断能力に不安のある人",
     300, 1500, 0, 0, 1999, 2005, 0, "福祉サービスの利用援助と日常的な金銭管理を行う。"},
    {"基幹相談支援センター運営事業", "障害", "", "相談支援;多機関協働;権利擁護", "1ロ", "委託",
     "障害のある人とその家族・相談支援事業所", 1000, 3000, 1, 1, 2012, 2020, 2,
     "地域の相談支援の中核として、専門的な相談と事業所への助言を行う。"},
    {"地域生活支援拠点等整備事業", "障害", "", "多機関協働;相談支援", "", "委託", "障害のある人", 300, 1500, 0, 0,
     2018, 2021, 2, "緊急時の受入れや体験の機会を確保し、地域生活を支える。"},
    {"医療的ケア児等支援事業", "障害", "子ども;保健医療", "相談支援;多機関協働", "", "委託", "医療的ケア児とその家族",
     300, 1200, 0, 0, 2019, 2022, 0, "医療的ケア児等コーディネーターが関係機関の連携を調整する。"},
    {"こども家庭センター運営事業", "子ども", "保健医療", "相談支援;多機関協働", "1ハ", "直営",
     "妊産婦・子ども・子育て家庭", 1500, 5000, 1, 1, 2024, 2024, 2,
     "母子保健と児童福祉の一体的な相談支援を行い、サポートプランを作成する。"},
    {"ヤングケアラー支援体制強化事業", "子ども", "教育", "アウトリーチ;相談支援", "", "委託", "ヤングケアラーとその家族",
     300, 1000, 0, 0, 2022, 2024, 0, "ヤングケアラー・コーディネーターを配置し、学校等と連携して早期に把握する。"},
    {"こどもの居場所づくり支援事業", "子ども", "地域福祉", "参加支援;地域づくり", "", "補助", "小中学生・高校生",
     200, 1000, 1, 5, 2021, 2024, 3, "放課後や休日に安心して過ごせる居場所を運営する団体を支援する。"},
    {"子どもの学習・生活支援事業", "生活困窮", "子ども;教育", "参加支援", "", "委託", "生活困窮世帯の子ども", 500,
     2000, 1, 3, 2015, 2018, 2, "学習支援と居場所の提供、保護者への進路相談を行う。"},
    {"就労準備支援事業", "就労", "生活困窮", "参加支援", "", "委託", "すぐに就労することが難しい人", 500, 2000, 0, 0,
     2015, 2019, 0, "生活習慣の改善や就労体験を通じて就労に向けた準備を支援する。"},
    {"家計改善支援事業", "生活困窮", "", "相談支援", "", "委託", "家計に課題を抱える世帯", 300, 1200, 0, 0, 2015,
     2019, 0, "家計の状況を見える化し、滞納の解消や貸付のあっせんを支援する。"},
    {"一時生活支援事業", "住まい", "生活困窮", "相談支援", "", "委託", "住居のない人・住居を失うおそれのある人", 500,
     3000, 1, 2, 2015, 2019, 0, "一時的な宿泊場所と食事を提供し、住まいの確保を支援する。"},
    {"居住支援協議会運営事業", "住まい", "地域福祉", "多機関協働", "", "直営", "住宅確保要配慮者", 100, 500, 0, 0,
     2017, 2021, 0, "不動産事業者・居住支援法人・福祉関係者の協議の場を運営する。"},
    {"住宅確保要配慮者居住支援事業", "住まい", "高齢;障害", "相談支援;参加支援", "", "補助", "住宅確保要配慮者",
     200, 1000, 0, 0, 2018, 2023, 0, "入居前の相談から入居後の見守りまで一貫して支援する。"},
    {"自殺対策推進事業（ゲートキーパー養成）", "保健医療", "", "地域づくり;その他", "", "直営", "市民・支援者", 100,
     800, 0, 0, 2017, 2019, 0, "身近な人の変化に気づき、つなぐことのできる人材を養成する。"},
    {"ひきこもり地域支援センター事業", "保健医療", "生活困窮", "相談支援;アウトリーチ;参加支援", "", "委託",
     "ひきこもり状態の人とその家族", 800, 2500, 1, 1, 2013, 2022, 0, "相談、家族教室、居場所の運営を行う。"},
    {"精神保健福祉相談事業", "保健医療", "障害", "相談支援", "", "直営", "こころの不調を抱える人とその家族", 200, 800,
     0, 0, 2000, 2010, 2, "保健師・精神保健福祉士による面接・電話・訪問相談を行う。"},
    {"スクールソーシャルワーカー活用事業", "教育", "子ども", "相談支援;アウトリーチ", "", "直営", "児童生徒とその家庭",
     1000, 4000, 0, 0, 2009, 2015, 0, "学校に社会福祉士等を派遣し、家庭や関係機関との連携を図る。"},
    {"教育支援センター運営事業", "教育", "子ども", "参加支援", "", "直営", "不登校の児童生徒", 500, 2000, 1, 1,
     2003, 2015, 2, "不登校の児童生徒の学習と居場所を支援する。"},
    {"再犯防止推進事業", "司法・更生", "就労;住まい", "相談支援;多機関協働", "", "直営", "刑事司法手続を離れた人", 100,
     600, 0, 0, 2020, 2023, 0, "保護観察所等と連携し、住まいと就労の確保を支援する。"},
    {"更生保護活動支援事業", "司法・更生", "", "地域づくり", "", "補助", "更生保護ボランティア", 50, 300, 0, 0, 2010,
     2018, 0, "保護司会等の地域での活動を支援する。"},
    {"個別避難計画作成推進事業", "防災", "高齢;障害", "地域づくり;多機関協働", "", "直営", "避難行動要支援者", 300,
     1500, 0, 0, 2021, 2022, 0, "福祉専門職と地域が協力して個別避難計画を作成する。"},
    {"福祉避難所運営事業", "防災", "高齢;障害", "その他", "", "指定;委託", "災害時に配慮を要する人", 100, 800, 1, 5,
     2014, 2020, 2, "福祉避難所となる施設の備蓄と運営訓練を行う。"},
    {"民生委員・児童委員活動支援事業", "地域福祉", "", "地域づくり;アウトリーチ", "", "直営", "民生委員・児童委員",
     1000, 5000, 0, 0, 2000, 2000, 0, "民生委員・児童委員の活動費と研修を支援する。"},
    {"地区社会福祉協議会活動助成事業", "地域福祉", "", "地域づくり", "", "補助", "地区社会福祉協議会", 100, 600, 0,
     0, 2000, 2012, 3, "地区社会福祉協議会の見守り・サロン活動を助成する。"},
    {"ボランティアセンター運営事業", "地域福祉", "", "参加支援;地域づくり", "", "補助;委託", "市民・ボランティア団体",
     500, 2000, 1, 1, 1995, 2005, 0, "ボランティア活動の相談・紹介・研修を行う。"},
    {"多文化共生相談窓口運営事業", "その他", "", "相談支援", "", "委託", "外国人住民", 300, 1200, 1, 1, 2019, 2022,
     0, "多言語での生活相談と通訳派遣を行う。"},
    {"障害者就業・生活支援センター事業", "就労", "障害", "相談支援;参加支援", "", "委託", "障害のある人", 500, 1500,
     1, 1, 2005, 2012, 2, "就業とそれに伴う生活の両面から一体的に支援する。"},
    {"高齢者就労的活動支援事業", "就労", "高齢", "参加支援", "", "委託", "65歳以上の人", 200, 800, 0, 0, 2020, 2023,
     0, "就労的活動支援コーディネーターが役割のある活動の場をつなぐ。"},
    {"地域ケア会議推進事業", "高齢", "", "多機関協働", "", "直営", "高齢者・支援者", 100, 500, 0, 0, 2015, 2015, 2,
     "個別事例の検討から地域課題を把握し、政策形成につなげる。"},
    {"子ども食堂運営支援事業", "子ども", "地域福祉", "地域づくり;参加支援", "", "補助", "子どもと地域住民", 100, 600,
     1, 10, 2018, 2023, 3, "子ども食堂の立ち上げと衛生管理・食材の確保を支援する。"},
    {"見守りネットワーク推進事業", "地域福祉", "高齢", "アウトリーチ;地域づくり", "", "委託", "地域住民・事業者", 100,
     700, 0, 0, 2012, 2020, 3, "新聞販売店・配達事業者等と協定を結び、異変に気づいたときの連絡ルールを定める。"},
    {"障害者虐待防止センター運営事業", "障害", "", "権利擁護;相談支援", "", "委託", "障害のある人", 300, 1000, 1, 1,
     2012, 2012, 0, "虐待の通報・届出を受け付け、関係機関と連携して対応する。"},
    {"高齢者虐待防止ネットワーク運営事業", "高齢", "", "権利擁護;多機関協働", "", "直営", "高齢者", 100, 500, 0, 0,
     2006, 2010, 0, "早期発見・見守り、保健医療福祉サービス介入、関係専門機関介入の3つのネットワークを運営する。"},
    {"老人福祉センター運営事業", "高齢", "", "参加支援;地域づくり", "", "指定", "60歳以上の人", 1000, 3000, 1, 1,
     1975, 1995, 2, "健康づくりや教養講座、交流の場を提供する。"},
    {"多世代交流サロン運営事業", "地域福祉", "高齢;子ども;生活困窮", "地域づくり;参加支援", "3イ;3ニ;3柱", "補助",
     "地域住民（世代・属性を問わない）", 300, 1500, 1, 3, 2024, 2025, 3,
     "介護予防・子育て支援・困窮者支援の居場所を**一体的**に運営する。"},
    {"福祉まるごと相談窓口運営事業", "地域福祉", "高齢;障害;子ども;生活困窮", "相談支援;多機関協働", "1イ;1ロ;1ハ;1ニ",
     "一部委託;直営", "地域住民（属性を問わない）", 2000, 6000, 1, 1, 2024, 2025, 2,
     "高齢・障害・子ども・困窮の相談を一つの窓口で受け止め、必要に応じて専門機関につなぐ。"},
    {"児童館運営事業", "子ども", "", "地域づくり;参加支援", "", "指定;直営", "18歳未満の子どもとその保護者", 1000, 3000,
     1, 1, 1980, 2000, 3, "遊びを通じた子どもの育ちを支え、子育て家庭の交流の場となる。"},
};
constexpr size_t kCoreTemplates = 12;

// ---------------------------------------------------------------- dataset

struct AreaRec {
  std::string id, name;
  int layer;
  std::string parent;
  long long population;
  int aging10;  // tenths of a percent
  bool population_known = true;
};
struct ServiceRec {
  std::string id, name, field;
  std::vector<std::string> related, functions, codes;
  std::string department, method, provider;
  std::vector<std::string> areas;
  std::optional<long long> sites, cost;
  std::vector<std::pair<std::string, long long>> alloc;
  std::optional<int> start_year;
  std::string target, summary;
  std::string pub;  // する / しない / ""
};
struct StaffRec {
  std::string id, name, org, org_type;
  std::vector<std::string> roles, shares;
  std::string fte;
  std::vector<std::string> quals, areas, services;
  std::string arrived;
};
struct MeetingRec {
  std::string id, name;
  std::vector<std::string> kinds;
  std::string style;
  bool confidential;
  std::string department;
  int planned;
  bool planned_known = true;
  std::vector<std::string> members, areas;
  std::string purpose;
  bool case_meeting;
};
struct SessionRec {
  size_t meeting;
  int number;  // 第n回 within the meeting
  long day;    // days since epoch
  std::optional<int> attendees;
  std::vector<std::string> orgs;
  std::optional<int> cases;
  std::string agenda;
  std::vector<std::string> docs;
};
struct DocRec {
  std::string file, title;
  size_t session;
  bool minutes;
  std::vector<std::string> pages;
};

struct Options {
  int services = 120, staff = 80, areas = 12, sessions = 150, pdfs = 6, meetings = -1;
  uint64_t seed = 1;
  std::string name = "架空大都市";
  std::string hugo;
  // municipality.toml; the defaults are the 政令市 of bench/run.sh.
  std::string code5 = "99101";  // 団体コード without its check digit
  std::string kind = "政令指定都市";
  std::string prefecture = "架空県";
  bool welfare_office = true;
  std::string jusou_status = "実施";
};

std::string csv_field(const std::string& s) {
  bool quote = s.find_first_of(",\"\r\n") != std::string::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

class Csv {
 public:
  Csv(std::vector<std::string> header, bool excel) : excel_(excel) {
    if (excel_) out_ = "\xEF\xBB\xBF";  // as saved by Excel: BOM and CRLF
    row(header);
  }
  void row(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out_ += (i ? "," : "") + csv_field(cells[i]);
    out_ += excel_ ? "\r\n" : "\n";
  }
  const std::string& text() const { return out_; }

 private:
  bool excel_;
  std::string out_;
};

class Generator {
 public:
  explicit Generator(Options o) : o_(std::move(o)) {}

  bool run(const std::string& dir);

 private:
  Options o_;
  std::string dir_;
  std::vector<AreaRec> areas_;
  std::vector<size_t> layer2_, layer3_;
  std::vector<std::string> orgs_;
  std::vector<ServiceRec> services_;
  std::vector<StaffRec> staff_;
  std::vector<MeetingRec> meetings_;
  std::vector<SessionRec> sessions_;
  std::vector<DocRec> docs_;
  std::set<std::string> used_places_;
  long fy_start_ = days_from_civil(2026, 4, 1);
  long fy_end_ = days_from_civil(2027, 3, 31);
  int written_pdf_pages_ = 0;
  bool ok_ = true;

  Rng rng(uint64_t salt) const { return Rng(o_.seed * 0x2545F4914F6CDD1DULL + salt * 0x9E3779B97F4A7C15ULL); }
  std::string place(Rng& r);
  std::string person(Rng& r) {
    return r.pick(kSurname1) + r.pick(kSurname2) + " " + r.pick(kGiven1) + r.pick(kGiven2);
  }
  std::string dept(Rng& r, const std::string& field) { return bureau_of(field) + " " + r.pick(sections_of(field)); }
  void make_areas();
  void make_orgs();
  void make_services();
  void make_staff();
  void make_meetings();
  void make_sessions();
  void make_documents();
  bool write(const std::string& rel, const std::string& bytes);
  void write_municipality();
  void write_csvs();
  void write_indicators();
  void write_assessment();
  void write_narrative();
  void write_pdfs();
  void write_hugo();
  std::vector<std::string> materials_pages(const DocRec& d, Rng& r, int npages);
  std::vector<std::string> minutes_pages(const DocRec& d, Rng& r, int npages);
};

std::string Generator::place(Rng& r) {
  for (int attempt = 0; attempt < 200; ++attempt) {
    std::string p = r.pick(kPlacePrefix) + r.pick(kPlaceRoot) + r.pick(kPlaceSuffix);
    if (used_places_.insert(p).second) return p;
  }
  for (int n = 1;; ++n) {
    std::string p = r.pick(kPlaceRoot) + r.pick(kPlaceSuffix) + "第" + str(n);
    if (used_places_.insert(p).second) return p;
  }
}

void Generator::make_areas() {
  Rng r = rng(1);
  int n = o_.areas;
  int n2 = std::max(1, static_cast<int>(std::lround(std::sqrt(n - 1.0))));  // 200 areas: 14 圏域, 185 地区
  int n3 = n - 1 - n2;
  areas_.push_back({"A0", o_.name + "全域", 1, "", 0, 0});
  for (int i = 0; i < n2; ++i) {
    areas_.push_back({"A" + two(i + 1), place(r) + "圏域", 2, "A0", 0, 0});
    layer2_.push_back(areas_.size() - 1);
  }
  for (int i = 0; i < n3; ++i) {
    size_t parent = layer2_[i % n2];
    std::string pid = areas_[parent].id;
    int k = i / n2 + 1;
    std::string name = place(r) + (r.chance(0.7) ? "小学校区" : "地区");
    areas_.push_back({pid + "-" + two(k), name, 3, pid, r.range(2500, 14000), static_cast<int>(r.range(180, 380))});
    layer3_.push_back(areas_.size() - 1);
  }
  // Sums upwards: 層2 and 層1 populations and weighted aging rates.
  for (size_t p : layer2_) {
    long long pop = 0;
    double old = 0;
    for (size_t c : layer3_)
      if (areas_[c].parent == areas_[p].id) pop += areas_[c].population, old += areas_[c].population * areas_[c].aging10;
    if (pop == 0) pop = r.range(20000, 60000), old = pop * r.range(200, 350);
    areas_[p].population = pop;
    areas_[p].aging10 = static_cast<int>(std::lround(old / pop));
  }
  long long pop = 0;
  double old = 0;
  for (size_t p : layer2_) pop += areas_[p].population, old += areas_[p].population * double(areas_[p].aging10);
  areas_[0].population = pop;
  areas_[0].aging10 = static_cast<int>(std::lround(old / pop));
  // A few 地区 whose numbers staff do not know yet (empty = 未把握).
  for (size_t c : layer3_)
    if (r.chance(0.03)) areas_[c].population_known = false;
}

void Generator::make_orgs() {
  Rng r = rng(2);
  int n = std::max(12, o_.services / 6);
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kinds = {
      {"社会福祉法人", {"会", "福祉会", "厚生会", "愛育会", "共生会", "福祉事業団"}},
      {"特定非営利活動法人", {"ネット", "の会", "サポートセンター", "ひろば", "ささえあいの会"}},
      {"一般社団法人", {"地域支援機構", "くらしサポート", "ライフサポート協会"}},
      {"株式会社", {"ケアサービス", "ライフケア"}},
      {"医療法人社団", {"会", "医療会"}},
      {"公益財団法人", {"福祉振興財団"}}};
  std::set<std::string> seen;
  while (static_cast<int>(orgs_.size()) < n) {
    const auto& k = kinds[r.below(r.chance(0.5) ? 2 : kinds.size())];
    std::string root = r.pick(kPlaceRoot) + (r.chance(0.5) ? r.pick(kPlaceSuffix) : "");
    std::string name = k.first + root + r.pick(k.second);
    if (seen.insert(name).second) orgs_.push_back(name);
    if (seen.size() > 5000) break;
  }
}

void Generator::make_services() {
  Rng r = rng(3);
  const std::string shakyo = o_.name + "社会福祉協議会";
  std::set<std::string> names;
  std::map<size_t, int> instances;
  for (int i = 0; i < o_.services; ++i) {
    size_t t;
    if (static_cast<size_t>(i) < kCoreTemplates) {
      t = i;
    } else {
      t = kCoreTemplates + r.below(kTemplates.size() - kCoreTemplates);
      if (r.chance(0.25)) t = r.below(kTemplates.size());  // more 包括・拠点 etc.
      // Layer-2 templates: at most one instance per 圏域 (plus the 全域 one).
      for (int tries = 0; tries < 20 && kTemplates[t].layer == 2 &&
                          instances[t] >= static_cast<int>(layer2_.size());
           ++tries)
        t = kCoreTemplates + r.below(kTemplates.size() - kCoreTemplates);
    }
    const auto& tp = kTemplates[t];
    ServiceRec s;
    s.id = "S" + std::string(i < 999 ? (i < 99 ? (i < 9 ? "000" : "00") : "0") : "") + str(i + 1);
    s.field = tp.field;
    s.related = tp.related[0] ? split(tp.related, ';') : std::vector<std::string>{};
    if (r.chance(0.15)) {
      std::string extra = r.pick(kFields);
      if (extra != s.field && std::find(s.related.begin(), s.related.end(), extra) == s.related.end())
        s.related.push_back(extra);
    }
    s.functions = split(tp.functions, ';');
    if (tp.codes[0]) s.codes = split(tp.codes, ';');
    int nth = instances[t]++;
    // The first instance of a template is 全域; later ones are placed in areas.
    std::string base = tp.name;
    if (nth > 0 && !layer3_.empty()) {
      const std::vector<size_t>& pool = tp.layer == 2 ? layer2_ : tp.layer == 3 ? layer3_ : (r.chance(0.5) ? layer2_ : layer3_);
      size_t a = pool[(nth - 1 + t * 7) % pool.size()];
      s.areas.push_back(areas_[a].id);
      if (tp.layer != 2 && r.chance(0.08)) {
        size_t b = pool[r.below(pool.size())];
        if (b != a) s.areas.push_back(areas_[b].id);
      }
      base += "（" + areas_[a].name + "）";
    }
    s.name = base;
    for (int k = 2; !names.insert(s.name).second; ++k) s.name = base + "その" + str(k);

    std::vector<std::string> methods = split(tp.methods, ';');
    s.method = r.chance(0.75) ? methods[0] : r.pick(methods);
    if (r.chance(0.02)) s.method = "その他";
    if (s.method == "委託" || s.method == "一部委託" || s.method == "補助" || s.method == "指定") {
      bool to_shakyo = s.field == "地域福祉" || std::string(tp.codes).find("3ロ") != std::string::npos;
      s.provider = to_shakyo && r.chance(0.6) ? shakyo : r.pick(orgs_);
      if (r.chance(0.04)) s.provider += ";" + r.pick(orgs_);  // 共同企業体など
    } else if (s.method == "その他" && r.chance(0.5)) {
      s.provider = r.pick(orgs_);
    }
    s.department = dept(r, s.field);
    if (tp.sites_hi > 0 && r.chance(0.9)) s.sites = r.range(tp.sites_lo, tp.sites_hi);
    long long cost = r.range(tp.cost_lo, tp.cost_hi) * 10000LL + r.range(0, 9) * 1000LL;
    if (nth > 0) cost = std::max(100000LL, cost / 3 / 1000 * 1000);
    bool multi = s.codes.size() > 1;
    if (multi || r.chance(0.93)) s.cost = cost;
    if (multi) {
      // 按分: random shares rounded to 1,000 yen; the last takes the rest,
      // so the parts add up to 事業費 exactly.
      std::vector<long long> w;
      long long sum_w = 0;
      for (size_t k = 0; k < s.codes.size(); ++k) w.push_back(r.range(s.codes[k] == "6" ? 1 : 3, 10)), sum_w += w.back();
      long long left = cost;
      for (size_t k = 0; k < s.codes.size(); ++k) {
        long long part = k + 1 == s.codes.size() ? left : cost * w[k] / sum_w / 1000 * 1000;
        left -= part;
        s.alloc.push_back({s.codes[k], part});
      }
    }
    if (r.chance(0.92)) s.start_year = static_cast<int>(r.range(tp.start_lo, std::max(tp.start_lo, tp.start_hi)));
    if (nth > 0 && s.start_year && *s.start_year < 2025 && r.chance(0.1)) s.start_year = 2026;  // 新規
    s.target = r.chance(0.95) ? tp.target : "";
    std::string sum = tp.summary;
    int style = static_cast<int>(r.below(4));
    if (style == 1) {
      sum += "\n\n- 対象: " + std::string(tp.target) + "\n- 実施方法: " + s.method;
    } else if (style == 2) {
      sum += "\n\n詳しくは[事業案内](https://example.jp/jigyo/" + s.id + ")をご覧ください。";
    } else if (style == 3 && s.start_year) {
      sum += "令和" + str(std::max(1, *s.start_year - 2018)) + "年度以降の実績は*年次報告*にまとめている。";
      if (*s.start_year < 2019) sum = tp.summary;
    }
    s.summary = sum;
    s.pub = r.chance(0.05) ? "しない" : r.chance(0.5) ? "する" : "";
    services_.push_back(std::move(s));
  }
}

void Generator::make_staff() {
  Rng r = rng(4);
  const auto& roles = kyosei::builtin_reference().roles;
  std::map<std::string, std::vector<size_t>> by_field;  // 分野 -> service indexes
  std::vector<size_t> jusou_services;
  for (size_t i = 0; i < services_.size(); ++i) {
    by_field[services_[i].field].push_back(i);
    for (auto& c : services_[i].codes)
      if (c == "2" || c == "4" || c == "5") jusou_services.push_back(i);
  }
  const std::string city = o_.name;
  for (int i = 0; i < o_.staff; ++i) {
    StaffRec s;
    s.id = "P" + std::string(i < 999 ? (i < 99 ? (i < 9 ? "000" : "00") : "0") : "") + str(i + 1);
    s.name = r.chance(0.97) ? person(r) : "";
    double t = r.unit();
    s.org_type = t < 0.3 ? "市町村" : t < 0.6 ? "社協" : t < 0.95 ? "委託先法人" : "その他";
    if (s.org_type == "市町村")
      s.org = city + " " + dept(r, r.pick(kFields));
    else if (s.org_type == "社協")
      s.org = city + "社会福祉協議会";
    else if (s.org_type == "委託先法人")
      s.org = r.pick(orgs_);
    else
      s.org = r.pick(kPlaceRoot) + r.pick(kPlaceSuffix) + (r.chance(0.5) ? "地区民生委員児童委員協議会" : "まちづくり協議会");
    int nroles = r.chance(0.6) ? 1 : r.chance(0.75) ? 2 : 3;
    while (static_cast<int>(s.roles.size()) < nroles) {
      std::string role = roles[r.below(roles.size())].role;
      if (std::find(s.roles.begin(), s.roles.end(), role) == s.roles.end()) s.roles.push_back(role);
    }
    // 配分: each 0–1, sum ≤ 1; left empty (= equal split) for a third.
    if (nroles > 1 && r.chance(0.67)) {
      int left = 10;
      for (int k = 0; k < nroles; ++k) {
        int part = k + 1 == nroles ? left - static_cast<int>(r.below(2)) : static_cast<int>(r.range(1, left - (nroles - k - 1)));
        left -= part;
        s.shares.push_back(part == 10 ? "1" : "0." + str(part));
      }
    } else if (nroles == 1 && r.chance(0.2)) {
      s.shares.push_back(r.chance(0.5) ? "1" : "0.8");
    }
    double f = r.unit();
    s.fte = f < 0.6 ? "" : f < 0.8 ? "1" : f < 0.9 ? "0.5" : f < 0.95 ? "0.8" : "0.6";
    int nq = static_cast<int>(r.below(3));
    for (int k = 0; k < nq; ++k) {
      std::string q = r.pick(kQualifications);
      if (std::find(s.quals.begin(), s.quals.end(), q) == s.quals.end()) s.quals.push_back(q);
    }
    int na = static_cast<int>(r.below(3));
    for (int k = 0; k < na && !layer3_.empty(); ++k) {
      const auto& pool = r.chance(0.5) ? layer2_ : layer3_;
      std::string a = areas_[pool[r.below(pool.size())]].id;
      if (std::find(s.areas.begin(), s.areas.end(), a) == s.areas.end()) s.areas.push_back(a);
    }
    // 担当事業: services of the fields of the first role.
    const kyosei::RoleInfo* info = kyosei::builtin_reference().role(s.roles[0]);
    int ns = static_cast<int>(r.range(0, 3));
    for (int k = 0; k < ns; ++k) {
      const std::vector<size_t>* pool = nullptr;
      if (info && !info->fields.empty()) {
        std::string fld = info->fields[r.below(info->fields.size())];
        if (fld == "重層") pool = &jusou_services;
        else if (by_field.count(fld)) pool = &by_field[fld];
      }
      if (!pool || pool->empty()) continue;
      std::string sid = services_[(*pool)[r.below(pool->size())]].id;
      if (std::find(s.services.begin(), s.services.end(), sid) == s.services.end()) s.services.push_back(sid);
    }
    if (r.chance(0.9)) {
      int y = static_cast<int>(r.range(2012, 2026)), m = r.chance(0.7) ? 4 : static_cast<int>(r.range(1, 12));
      if (y == 2026 && m > 4) m = 4;
      double fmt = r.unit();
      if (fmt < 0.8 || y < 2019)
        s.arrived = str(y) + "-" + two(m);
      else if (fmt < 0.9)
        s.arrived = "R" + str(y - 2018) + "." + str(m);
      else
        s.arrived = reiwa(y) + "年" + str(m) + "月";
    }
    staff_.push_back(std::move(s));
  }
}

void Generator::make_meetings() {
  Rng r = rng(5);
  const std::string city = o_.name;
  int m = o_.meetings > 0 ? o_.meetings : std::max(8, o_.sessions / 12);
  auto add = [&](std::string name, std::vector<std::string> kinds, std::string style, bool secret, std::string field,
                 int planned, std::vector<std::string> members, std::vector<std::string> areas, std::string purpose,
                 bool cases) {
    MeetingRec rec;
    rec.id = "M" + std::string(meetings_.size() < 99 ? (meetings_.size() < 9 ? "00" : "0") : "") +
             str(static_cast<long long>(meetings_.size() + 1));
    rec.name = std::move(name);
    rec.kinds = std::move(kinds);
    rec.style = r.chance(0.95) ? style : "";
    rec.confidential = secret;
    rec.department = dept(r, field);
    rec.planned = planned;
    rec.members = std::move(members);
    rec.areas = std::move(areas);
    rec.purpose = std::move(purpose);
    rec.case_meeting = cases;
    meetings_.push_back(std::move(rec));
  };
  const std::string shakyo = city + "社会福祉協議会";
  const std::string welfare = city + " 地域福祉課";
  std::vector<std::string> core = {welfare, shakyo, city + " 高齢福祉課", city + " 障害福祉課",
                                   city + " こども家庭課", city + " 生活福祉課", "自立相談支援機関"};
  // The bodies every 政令市 has, once.
  add(city + "重層的支援会議・支援会議", {"重層的支援会議", "支援会議"}, "定例・随時", true, "地域福祉", 12, core, {},
      "複合的な課題を抱える世帯への支援の役割分担と支援プランを協議する", true);
  add(city + "地域福祉計画推進委員会", {"計画策定委員会"}, "定例", false, "地域福祉", 3,
      {"学識経験者", "民生委員児童委員協議会", shakyo, "医師会", "公募市民", "ボランティア連絡協議会"}, {},
      "地域福祉計画の進捗を点検し、次期計画への意見を述べる", false);
  add(city + "包括的支援体制庁内連携会議", {"庁内連携会議"}, "定例", false, "地域福祉", 4,
      {welfare, city + " 税務課", city + " 水道局", city + " 住宅政策課", city + " 学校教育課", city + " 市民協働課"},
      {}, "福祉以外の部署が把握した困りごとを相談支援につなぐ仕組みを協議する", false);
  add(city + "障害者自立支援協議会", {"自立支援協議会"}, "定例", false, "障害", 2,
      {city + " 障害福祉課", "基幹相談支援センター", "相談支援事業所連絡会", "特別支援学校", "ハローワーク架空"}, {},
      "障害のある人の地域生活の課題を共有し、社会資源の開発を協議する", false);
  add(city + "要保護児童対策地域協議会（実務者会議）", {"要保護児童対策地域協議会"}, "定例", true, "子ども", 12,
      {city + " こども家庭課", "こども家庭センター", "架空県児童相談所", "小中学校", "保育所", "警察署"}, {},
      "要保護児童等の進行管理と支援の役割分担を行う", true);
  add(city + "自殺対策連絡協議会", {"自殺対策連絡協議会"}, "定例", false, "保健医療", 2,
      {city + " 健康づくり課", "医師会", "精神保健福祉センター", "商工会議所", "ハローワーク架空"}, {},
      "自殺対策計画の推進と関係機関の連携を図る", false);
  add(city + "第1層協議体", {"協議体"}, "定例", false, "高齢", 4,
      {shakyo, "生活支援コーディネーター", "老人クラブ連合会", "シルバー人材センター", "NPO連絡会"}, {"A0"},
      "市全域の生活支援・介護予防サービスの体制整備を協議する", false);
  add(city + "生活困窮者自立支援 支援調整会議", {"支援調整会議"}, "定例", true, "生活困窮", 12,
      {"自立相談支援機関", city + " 生活福祉課", "家計改善支援事業者", "就労準備支援事業者"}, {},
      "自立相談支援機関が作成したプランの内容を確認する", true);
  // Area bodies until the requested number: each 圏域 has a 地域ケア会議 and a
  // 第2層協議体; then each 地区 a 見守り連絡会 and a 個別地域ケア会議.
  std::vector<std::pair<size_t, int>> slots;  // (area index, kind)
  for (size_t a : layer2_) slots.push_back({a, 0}), slots.push_back({a, 1});
  for (size_t a : layer3_) slots.push_back({a, 2});
  for (size_t a : layer3_) slots.push_back({a, 3});
  for (size_t i = 0; static_cast<int>(meetings_.size()) < m; ++i) {
    auto [ai, kind] = slots[i % slots.size()];
    const AreaRec& a = areas_[ai];
    std::string suffix = i >= slots.size() ? "（その" + str(static_cast<long long>(i / slots.size() + 1)) + "）" : "";
    if (kind == 0) {
      std::string center = a.name.substr(0, a.name.size() - std::string("圏域").size()) + "地域包括支援センター";
      add(a.name + "地域ケア会議" + suffix, {"地域ケア会議"}, "定例・随時", true, "高齢", static_cast<int>(r.range(6, 12)),
          {center, "居宅介護支援事業所", "民生委員", shakyo}, {a.id}, "個別事例の検討を通じて地域課題を把握する", true);
    } else if (kind == 1) {
      add(a.name + "第2層協議体" + suffix, {"協議体"}, "定例", false, "高齢", static_cast<int>(r.range(4, 6)),
          {"生活支援コーディネーター", "自治会", "民生委員", "地区社会福祉協議会", "NPO"}, {a.id},
          "圏域の支え合い活動の創出と担い手づくりを話し合う", false);
    } else if (kind == 2) {
      add(a.name + "見守り連絡会" + suffix, {"その他"}, "定例", false, "地域福祉", static_cast<int>(r.range(3, 6)),
          {"自治会", "民生委員", "地区社会福祉協議会", "新聞販売店", "郵便局"}, {a.id},
          "見守り活動の状況と気になる世帯への関わり方を共有する", false);
    } else {
      add(a.name + "個別地域ケア会議" + suffix, {"地域ケア会議", "支援会議"}, "随時", true, "高齢",
          static_cast<int>(r.range(2, 6)), {"地域包括支援センター", "民生委員", "ケアマネジャー"}, {a.id},
          "個別の支援について関係者で役割分担を決める", true);
    }
  }
  for (auto& mt : meetings_)
    if (r.chance(0.05)) mt.planned_known = false;
}

void Generator::make_sessions() {
  Rng r = rng(6);
  // The eight city-wide bodies meet as planned; the other sessions are shared
  // among the area bodies in proportion to their planned count, which is then
  // set close to what was held. With too few sessions, all are scaled.
  const size_t kCore = 8;
  std::vector<int> counts(meetings_.size(), 0);
  long long core_sum = 0, sum = 0;
  for (size_t i = 0; i < meetings_.size(); ++i) (i < kCore ? core_sum : sum) += meetings_[i].planned;
  int budget = o_.sessions;
  size_t from = 0;
  if (meetings_.size() > kCore && core_sum <= o_.sessions) {
    for (size_t i = 0; i < kCore; ++i) counts[i] = meetings_[i].planned;
    budget -= static_cast<int>(core_sum);
    from = kCore;
  } else {
    sum += core_sum;
  }
  std::vector<std::pair<double, size_t>> rest;
  int given = 0;
  for (size_t i = from; i < meetings_.size(); ++i) {
    double exact = static_cast<double>(budget) * meetings_[i].planned / std::max(1LL, sum);
    counts[i] = static_cast<int>(exact);
    given += counts[i];
    rest.push_back({exact - counts[i], i});
  }
  std::stable_sort(rest.begin(), rest.end(), [](auto& a, auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < budget && !rest.empty(); ++k, ++given) counts[rest[k % rest.size()].second]++;
  for (size_t i = from; i < meetings_.size(); ++i)
    meetings_[i].planned = std::max(1, counts[i] + static_cast<int>(r.range(-1, 1)));
  static const std::vector<std::string> agendas_open = {
      "地域福祉計画の進捗状況について", "重層的支援体制整備事業の実施状況について", "成果指標の達成状況について",
      "圏域ごとの地域課題の共有", "担い手づくりの取組について", "包括的な相談支援の体制について",
      "アウトリーチ等を通じた継続的支援の実績報告", "参加支援の受入れ先の開拓について", "令和9年度の取組方針について",
      "支え合い活動の事例紹介", "関係機関の連携ルールの見直し", "研修計画について"};
  static const std::vector<std::string> agendas_secret = {"個別事例の検討", "支援プランの確認",
                                                          "支援の終結・見直しの確認", "新規ケースの受理と役割分担",
                                                          "進行管理台帳の確認"};
  for (size_t i = 0; i < meetings_.size(); ++i) {
    auto& mt = meetings_[i];
    int c = counts[i];
    std::vector<long> days;
    for (int k = 0; k < c; ++k) {
      long d = fy_start_ + static_cast<long>((k + 0.5) * 365.0 / c) + static_cast<long>(r.range(-4, 4));
      d = std::clamp(d, fy_start_ + 7, fy_end_ - 7);
      while (weekday(d) == 0 || weekday(d) == 6) ++d;
      days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    for (int k = 0; k < c; ++k) {
      SessionRec s;
      s.meeting = i;
      s.number = k + 1;
      s.day = days[k];
      if (r.chance(0.95)) s.attendees = static_cast<int>(r.range(mt.case_meeting ? 5 : 8, mt.case_meeting ? 18 : 30));
      for (auto& org : mt.members)
        if (r.chance(0.7)) s.orgs.push_back(org);
      if (mt.case_meeting) s.cases = r.chance(0.1) ? 0 : static_cast<int>(r.range(1, 6));
      if (mt.confidential) {
        // Some confidential meetings record an agenda; it must never be published.
        if (r.chance(0.6)) s.agenda = r.pick(agendas_secret) + (s.cases && *s.cases > 0 ? "（" + str(*s.cases) + "件）" : "");
      } else if (r.chance(0.9)) {
        s.agenda = r.pick(agendas_open);
        if (r.chance(0.4)) s.agenda += "、" + r.pick(agendas_open);
      }
      sessions_.push_back(std::move(s));
    }
  }
}

struct IndicatorDef {
  const char* id;
  const char* category;
  const char* name;
  const char* unit;
  double base, target;  // per 100,000 people when scaled
  bool scaled, increase;
};
const std::vector<IndicatorDef> kIndicators = {
    {"K01", "相談支援", "多機関協働事業でのプラン作成件数", "件", 12, 40, true, true},
    {"K02", "相談支援", "包括的な相談支援の窓口での新規相談件数", "件", 1800, 2400, true, true},
    {"K03", "相談支援", "アウトリーチ等を通じた継続的支援の延べ訪問件数", "件", 150, 400, true, true},
    {"K04", "相談支援", "相談から支援につながるまでの平均日数", "日", 21, 14, false, false},
    {"K05", "参加支援", "参加支援のマッチング件数", "件", 8, 30, true, true},
    {"K06", "参加支援", "参加支援の受入れ先の数", "か所", 10, 35, true, true},
    {"K07", "参加支援", "就労準備支援事業の利用者のうち就労・増収した人の割合", "％", 28, 40, false, true},
    {"K08", "地域づくり", "住民主体の通いの場の数", "か所", 90, 130, true, true},
    {"K09", "地域づくり", "多世代交流の居場所の数", "か所", 6, 20, true, true},
    {"K10", "地域づくり", "見守り協定を結んだ事業者の数", "事業者", 20, 45, true, true},
    {"K11", "地域づくり", "地域の支え合い活動に参加している住民の割合", "％", 11.5, 15, false, true},
    {"K12", "体制", "重層的支援会議の開催回数", "回", 12, 24, false, true},
    {"K13", "体制", "分野横断の合同研修の受講者数", "人", 60, 150, true, true},
    {"K14", "体制", "社会福祉士・精神保健福祉士の配置数（市職員）", "人", 6, 12, true, true},
    {"K15", "体制", "孤立死の件数", "件", 9, 5, true, false},
};

std::vector<std::vector<std::string>> indicator_rows(double scale, int fiscal_year) {
  std::vector<std::vector<std::string>> out;
  for (auto& d : kIndicators) {
    auto v = [&](double x) {
      double y = d.scaled ? x * scale : x;
      char buf[32];
      if (std::string(d.unit) == "％" || std::string(d.unit) == "日")
        std::snprintf(buf, sizeof buf, "%.1f", y);
      else
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(std::max(1.0, y))));
      return std::string(buf);
    };
    double step = (d.target - d.base) / 5.0;
    std::string results = str(fiscal_year - 2) + ":" + v(d.base + step * 0.8) + ";" + str(fiscal_year - 1) + ":" +
                          v(d.base + step * 1.7);
    out.push_back({d.id, d.category, d.name, d.unit, str(fiscal_year - 3), v(d.base), str(fiscal_year + 3),
                   v(d.target), results, d.increase ? (std::string(d.id) == "K01" ? "" : "増加") : "減少"});
  }
  return out;
}

std::string file_safe(std::string s) {
  for (auto* bad : {" ", "　", "/", "\\"}) {
    size_t p;
    while ((p = s.find(bad)) != std::string::npos) s.replace(p, std::string(bad).size(), "_");
  }
  return s;
}

void Generator::make_documents() {
  Rng r = rng(7);
  std::vector<size_t> first, rest;
  for (size_t i = 0; i < sessions_.size(); ++i) {
    const auto& mt = meetings_[sessions_[i].meeting];
    if (mt.confidential) continue;
    (sessions_[i].meeting == 1 ? first : rest).push_back(i);  // 推進委員会 first, then any
  }
  r.shuffle(rest);
  std::vector<size_t> order = first;
  order.insert(order.end(), rest.begin(), rest.end());
  int left = o_.pdfs;
  for (size_t k = 0; left > 0 && !order.empty(); ++k) {
    size_t si = order[k % order.size()];
    if (k >= order.size() && k % order.size() == 0) break;  // every candidate has documents
    auto& s = sessions_[si];
    const auto& mt = meetings_[s.meeting];
    std::string shortname = mt.name.rfind(o_.name, 0) == 0 ? mt.name.substr(o_.name.size()) : mt.name;
    std::string prefix = file_safe(shortname) + "_第" + str(s.number) + "回_";
    std::string year = reiwa(2026) + "年度 第" + str(s.number) + "回 " + mt.name;
    docs_.push_back({prefix + "資料.pdf", year + " 資料", si, false, {}});
    s.docs.push_back(docs_.back().file);
    --left;
    if (left > 0 && r.chance(0.5)) {
      docs_.push_back({prefix + "議事録.pdf", year + " 議事録", si, true, {}});
      s.docs.push_back(docs_.back().file);
      --left;
    }
  }
  for (size_t i = 0; i < docs_.size(); ++i) {
    Rng dr = rng(100 + i);
    int pages = docs_[i].minutes ? static_cast<int>(dr.range(2, 6)) : static_cast<int>(dr.range(2, 20));
    docs_[i].pages = docs_[i].minutes ? minutes_pages(docs_[i], dr, pages) : materials_pages(docs_[i], dr, pages);
  }
}

std::string num(long long n) { return kyosei::with_commas(n); }

std::vector<std::string> Generator::materials_pages(const DocRec& d, Rng& r, int npages) {
  const auto& s = sessions_[d.session];
  const auto& mt = meetings_[s.meeting];
  std::vector<std::string> pages;
  std::string p = "# " + d.title + "\n";
  p += "日時　" + wareki_date(s.day) + "　午後" + str(r.range(1, 3)) + "時00分〜\n";
  p += "場所　" + o_.name + "役所 本庁舎 " + str(r.range(2, 9)) + "階 第" + str(r.range(1, 5)) + "会議室\n\n";
  p += "## 次第\n1　開会\n2　議題\n";
  p += "　（1）" + (s.agenda.empty() ? std::string("取組の状況について") : s.agenda) + "\n";
  p += "　（2）" + mt.purpose + "ことについて\n　（3）その他\n3　閉会\n\n## 配布資料\n";
  for (int k = 2; k <= npages && k <= 12; ++k) p += "資料" + str(k - 1) + "　" + (k % 4 == 2 ? "圏域別の相談・活動状況" : k % 4 == 3 ? "主な事業の進捗" : k % 4 == 0 ? "取組の報告" : "成果指標の状況") + "\n";
  if (npages > 12) p += "ほか参考資料\n";
  pages.push_back(p);
  static const std::vector<std::string> topics = {"包括的な相談支援", "アウトリーチ等を通じた継続的支援", "参加支援",
                                                  "地域づくりに向けた支援", "多機関協働", "権利擁護支援"};
  static const std::vector<std::string> sentences = {
      "{city}では、属性や世代を問わず相談を受け止める包括的な相談支援の体制づくりを進めています。",
      "各分野の相談窓口で受け止めた相談のうち、複合的な課題を抱える世帯については多機関協働事業につなぎ、支援関係機関の役割分担を調整しました。",
      "自ら支援を求めることが難しい人に対しては、アウトリーチ等を通じた継続的支援により、訪問や同行を重ねて関係づくりを行っています。",
      "参加支援では、就労体験や居場所など本人の希望に沿った社会参加の機会を、地域の事業者や団体と連携して開拓しました。",
      "{area}では、生活支援コーディネーターと地区社会福祉協議会が協力し、住民主体の通いの場やサロンの立ち上げを支援しています。",
      "圏域ごとの地域ケア会議で把握した地域課題は、第1層協議体に報告し、市全体の施策の検討につなげています。",
      "相談件数は前年度と比べて{pct}％増加しており、特に親の介護と子の就労の課題が重なる世帯やヤングケアラーに関する相談が目立ちました。",
      "支援者向けの合同研修を年{n}回開催し、分野を超えたアセスメントの視点を共有しました。",
      "今後は、成果指標の達成状況を踏まえ、委員会の意見を取り入れながら取組を見直していきます。",
      "権利擁護支援の地域連携ネットワークの中核機関として、成年後見制度の利用促進に取り組みました。",
      "庁内連携会議では、税・水道・住宅など福祉以外の部署が把握した困りごとを相談支援につなぐ連絡ルールを確認しました。",
      "課題として、担い手の高齢化と、{area}など一部の圏域で社会資源が不足していることが挙げられます。",
      "{area}の見守り連絡会では、新聞販売店や郵便局からの連絡をきっかけに、{n}件の世帯が相談につながりました。",
      "支援が終結した後も、地域の居場所や見守りにつながり続けられるよう、本人の同意を得て関係者と情報を共有しています。"};
  auto fill = [&](std::string t) {
    auto rep = [&](const std::string& key, const std::string& val) {
      size_t q;
      while ((q = t.find(key)) != std::string::npos) t.replace(q, key.size(), val);
    };
    rep("{city}", o_.name);
    rep("{area}", areas_[r.below(areas_.size() - 1) + 1].name);
    rep("{pct}", str(r.range(3, 18)));
    rep("{n}", str(r.range(2, 12)));
    return t;
  };
  for (int k = 2; k <= npages; ++k) {
    std::string t = "# 資料" + str(k - 1) + "　";
    int kind = k % 4;
    if (kind == 2) {
      t += "圏域別の相談・活動状況\n" + std::string("令和7年度の実績（速報値）です。\n\n");
      t += "| 圏域ID | 圏域 | 人口 | 高齢化率 | 相談件数 | 通いの場 | 前年度比 |\n|---|---|---|---|---|---|---|\n";
      size_t n = std::min<size_t>(14, areas_.size() - 1);
      size_t off = r.below(areas_.size() - 1);
      for (size_t j = 0; j < n; ++j) {
        const auto& a = areas_[1 + (off + j) % (areas_.size() - 1)];
        char rate[16];
        std::snprintf(rate, sizeof rate, "%.1f％", a.aging10 / 10.0);
        t += "| " + a.id + " | " + a.name + " | " + num(a.population) + " | " + rate + " | " +
             num(a.population / r.range(40, 120)) + " | " + str(r.range(1, 25)) + " | " +
             (r.chance(0.7) ? "+" : "−") + str(r.range(0, 15)) + "％ |\n";
      }
    } else if (kind == 3) {
      t += "主な事業の進捗\n\n| ID | 事業名 | 分野 | 実施方法 | 進捗 |\n|---|---|---|---|---|\n";
      static const std::vector<std::string> progress = {"順調", "概ね順調", "概ね順調", "遅れあり", "拡充予定"};
      for (int j = 0; j < 12; ++j) {
        const auto& sv = services_[r.below(services_.size())];
        t += "| " + sv.id + " | " + sv.name + " | " + sv.field + " | " + sv.method + " | " + r.pick(progress) + " |\n";
      }
    } else if (kind == 0) {
      t += "取組の報告\n";
      std::vector<std::string> bank = sentences, heads = topics;
      r.shuffle(bank);
      r.shuffle(heads);
      size_t q = 0;
      auto next = [&] { return fill(bank[q++ % bank.size()]); };
      for (int j = 0; j < 2; ++j) {
        t += "## " + heads[j] + "\n";
        for (int k2 = 0; k2 < 3; ++k2) t += "　" + next() + next() + "\n";
        t += "・" + next() + "\n\n";
      }
    } else {
      t += "成果指標の状況\n\n| 区分 | 指標 | 基準値 | 令和7年度 | 目標値 |\n|---|---|---|---|---|\n";
      double scale = areas_[0].population / 100000.0;
      for (auto& row : indicator_rows(scale, 2026))
        t += "| " + row[1] + " | " + row[2] + " | " + row[5] + row[3] + " | " + split(split(row[8], ';').back(), ':')[1] +
             row[3] + " | " + row[7] + row[3] + " |\n";
    }
    pages.push_back(t);
  }
  return pages;
}

std::vector<std::string> Generator::minutes_pages(const DocRec& d, Rng& r, int npages) {
  const auto& s = sessions_[d.session];
  const auto& mt = meetings_[s.meeting];
  std::vector<std::string> pages;
  int members = s.attendees ? *s.attendees : 15;
  int absent = static_cast<int>(r.range(0, 3));
  static const std::vector<std::string> issues = {
      "相談窓口がどこにあるのか分かりにくい", "見守りの担い手が不足している", "移動手段がなく通いの場に参加できない人がいる",
      "ひきこもりの相談が増えている", "外国人住民への情報が届いていない", "若い世代の参加が少ない",
      "支援が終わった後のつながりが途切れてしまう", "民生委員の負担が大きい"};
  static const std::vector<std::string> answers = {
      "ご指摘の点は、関係課と協議のうえ次回の会議で報告します。",
      "生活支援コーディネーターと連携し、圏域の協議体で検討していきます。",
      "来年度の事業計画に反映できるよう検討します。",
      "アウトリーチ支援員が訪問を重ねており、少しずつ関係ができてきています。",
      "包括的な相談支援の窓口を周知するチラシを作成し、全戸に配布する予定です。"};
  static const std::vector<std::string> remarks = {
      "分野を超えて相談を受け止める体制ができてきたことを評価します。",
      "数字だけでなく、支援を受けた人の変化が分かる報告をお願いします。",
      "地域の団体との協働をさらに進めてほしいと思います。",
      "事業所の立場からも、参加支援の受入れに協力したいと考えています。",
      "学校との連携について、具体的な事例を共有してもらえると助かります。"};
  std::string head = "# " + d.title + "\n";
  head += "日時　" + wareki_date(s.day) + "　午後" + str(r.range(1, 3)) + "時00分〜午後" + str(r.range(4, 5)) + "時00分\n";
  head += "場所　" + o_.name + "役所 本庁舎 " + str(r.range(2, 9)) + "階 第" + str(r.range(1, 5)) + "会議室\n";
  head += "出席　委員" + str(members) + "名（欠席" + str(absent) + "名）\n事務局　" + mt.department + "\n\n## 議事\n";
  const char* letters[] = {"A", "B", "C", "D", "E", "F", "G", "H"};
  for (int pg = 0; pg < npages; ++pg) {
    std::string t = pg == 0 ? head : "# 議事録（続き）\n";
    if (pg == 0) t += "委員長：ただいまから" + mt.name + "を開会します。本日は委員" + str(members + absent) + "名のうち" + str(members) + "名が出席しており、会議は成立しています。\n";
    int lines = pg == 0 ? 6 : 9;
    for (int k = 0; k < lines; ++k) {
      int kind = static_cast<int>(r.below(4));
      std::string area = areas_[r.below(areas_.size() - 1) + 1].name;
      if (kind == 0)
        t += "事務局：資料" + str(r.range(1, 6)) + "に基づき、" + (s.agenda.empty() ? mt.purpose : s.agenda) + "について説明します。\n";
      else if (kind == 1)
        t += "委員" + std::string(letters[r.below(8)]) + "：" + area + "では" + r.pick(issues) + "という声を聞いています。今後の対応を教えてください。\n事務局：" + r.pick(answers) + "\n";
      else if (kind == 2)
        t += "委員" + std::string(letters[r.below(8)]) + "：" + r.pick(remarks) + "\n";
      else
        t += "委員長：ほかにご意見はありますか。なければ、次の議題に移ります。\n";
    }
    if (pg + 1 == npages) t += "\n委員長：以上で本日の議事を終了します。次回は改めて日程を調整します。\n（閉会）\n";
    pages.push_back(t);
  }
  return pages;
}

bool Generator::write(const std::string& rel, const std::string& bytes) {
  if (!kyosei::write_file(dir_ + "/" + rel, bytes)) {
    std::fprintf(stderr, "kyosei_gen: cannot write %s/%s\n", dir_.c_str(), rel.c_str());
    ok_ = false;
    return false;
  }
  return true;
}

std::string percent(int tenths) {
  char b[16];
  std::snprintf(b, sizeof b, "%.1f", tenths / 10.0);
  return b;
}

void Generator::write_municipality() {
  const std::string& five = o_.code5;
  std::string code = five + str(kyosei::local_government_check_digit(five));
  std::string t;
  t += "# " + o_.name + "（架空の" + o_.kind + "）— kyosei_gen で生成したベンチマーク用データ\n";
  t += "name = \"" + o_.name + "\"\n";
  t += "code = \"" + code + "\"\n";
  t += "prefecture = \"" + o_.prefecture + "\"\n";
  t += "fiscal_year = 2026\n";
  t += "population = " + str(areas_[0].population) + "\n";
  t += "aging_rate = " + percent(areas_[0].aging10) + "\n";
  t += std::string("welfare_office = ") + (o_.welfare_office ? "true" : "false") + "\n";
  t += "jusou_status = \"" + o_.jusou_status + "\"\n";
  if (o_.jusou_status == "実施") t += "jusou_start_year = 2024\n";
  t += "\n";
  t += "[plan]\ntitle = \"第4期" + o_.name + "地域福祉計画\"\nstart_year = 2024\nend_year = 2029\n\n";
  t += "[site]\ntitle = \"" + o_.name + " 地域共生のとりくみ\"\n";
  t += "base_url = \"https://example.jp/kyosei/\"\n";
  t += "contact = \"" + o_.name + " 健康福祉局 地域福祉課 電話 000-000-0000\"\n";
  write("municipality.toml", t);
}

void Generator::write_csvs() {
  Rng r = rng(8);
  {
    Csv c({"ID", "名称", "層", "上位圏域", "人口", "高齢化率"}, false);
    for (auto& a : areas_)
      c.row({a.id, a.name, str(a.layer), a.parent, a.population_known ? str(a.population) : "",
             a.population_known ? percent(a.aging10) : ""});
    write("areas.csv", c.text());
  }
  {
    Csv c({"ID", "事業名", "分野", "関連分野", "機能", "重層区分", "所管課", "実施方法", "実施主体", "圏域", "拠点数",
           "事業費", "按分", "開始年度", "対象", "概要", "公開"},
          true);
    for (auto& s : services_) {
      std::string cost;
      if (s.cost) {
        double f = r.unit();
        cost = f < 0.8 ? str(*s.cost) : f < 0.95 ? num(*s.cost) : str(*s.cost) + "円";
      }
      std::vector<std::string> alloc;
      for (auto& [code, yen] : s.alloc) alloc.push_back(code + ":" + str(yen));
      std::string start;
      if (s.start_year) {
        double f = r.unit();
        start = (*s.start_year >= 2019 && f < 0.05)   ? "R" + str(*s.start_year - 2018)
                : (*s.start_year >= 2019 && f < 0.1) ? reiwa(*s.start_year) + "年度"
                                                      : str(*s.start_year);
      }
      c.row({s.id, s.name, s.field, join(s.related, ";"), join(s.functions, ";"), join(s.codes, ";"), s.department,
             s.method, s.provider, join(s.areas, ";"), s.sites ? str(*s.sites) : "", cost, join(alloc, ";"), start,
             s.target, s.summary, s.pub});
    }
    write("services.csv", c.text());
  }
  {
    Csv c({"ID", "氏名", "所属", "所属区分", "役割", "配分", "常勤換算", "資格", "担当圏域", "担当事業", "着任年月"}, true);
    for (auto& s : staff_)
      c.row({s.id, s.name, s.org, s.org_type, join(s.roles, ";"), join(s.shares, ";"), s.fte, join(s.quals, ";"),
             join(s.areas, ";"), join(s.services, ";"), s.arrived});
    write("staff.csv", c.text());
  }
  {
    Csv c({"ID", "会議名", "種別", "開催形態", "守秘義務", "所管課", "予定回数", "構成機関", "圏域", "目的"}, false);
    for (auto& m : meetings_)
      c.row({m.id, m.name, join(m.kinds, ";"), m.style, m.confidential ? "あり" : "なし", m.department,
             m.planned_known ? str(m.planned) : "", join(m.members, ";"), join(m.areas, ";"), m.purpose});
    write("meetings.csv", c.text());
  }
  {
    Csv c({"会議ID", "開催日", "出席者数", "出席機関", "検討事例数", "議題", "資料"}, false);
    for (auto& s : sessions_) {
      Ymd d = civil_from_days(s.day);
      double f = r.unit();
      std::string date = f < 0.85   ? iso_date(s.day)
                         : f < 0.9  ? str(d.y) + "/" + str(d.m) + "/" + str(d.d)
                         : f < 0.95 ? reiwa(d.y) + "年" + str(d.m) + "月" + str(d.d) + "日"
                                    : "R" + str(d.y - 2018) + "." + str(d.m) + "." + str(d.d);
      c.row({meetings_[s.meeting].id, date, s.attendees ? str(*s.attendees) : "", join(s.orgs, ";"),
             s.cases ? str(*s.cases) : "", s.agenda, join(s.docs, ";")});
    }
    write("meeting_sessions.csv", c.text());
  }
}

void Generator::write_indicators() {
  Csv c({"ID", "区分", "指標名", "単位", "基準年度", "基準値", "目標年度", "目標値", "実績", "向き"}, false);
  for (auto& row : indicator_rows(areas_[0].population / 100000.0, 2026)) c.row(row);
  write("indicators.csv", c.text());
}

void Generator::write_assessment() {
  Rng r = rng(9);
  static const std::vector<std::string> evidence = {
      "第4期計画に位置づけ、推進委員会で毎年点検している。", "一部の圏域でのみ実施しており、全市展開は検討中。",
      "庁内連携会議で連絡ルールを定めた。", "研修は実施しているが、委託先の参加が少ない。",
      "取組の必要性は認識しているが、担当部署が決まっていない。", ""};
  static const std::vector<std::string> depts = {"地域福祉課", "高齢福祉課", "障害福祉課", "こども家庭課", "生活福祉課", ""};
  Csv c({"項目ID", "評価", "根拠", "回答部署"}, false);
  for (auto& item : kyosei::builtin_reference().assessment_items)
    c.row({item.id, str(r.range(0, 3)), r.pick(evidence), r.pick(depts)});
  write("assessment.csv", c.text());
}

void Generator::write_narrative() {
  write("narrative/理念.md",
        "# 理念\n\n" + o_.name + "は、誰もが役割を持ち、支え合いながら自分らしく暮らせる**地域共生社会**をめざします。\n\n"
        "- 属性や世代を問わず、相談を受け止めます。\n- 支援が必要な人に、こちらから届けます。\n"
        "- 住民と関係機関が、ともに地域をつくります。\n");
  write("narrative/目指す姿.md",
        "# 目指す姿\n\n" + std::to_string(areas_.size() - 1) + "の圏域それぞれで、身近な相談の場と、"
        "世代を超えて集える居場所がある状態を目指します。\n");
}

void Generator::write_pdfs() {
  for (auto& d : docs_) {
    PdfMeta meta;
    meta.title = d.title;
    meta.author = meetings_[sessions_[d.session].meeting].department;
    std::string err;
    int pages = write_pdf(dir_ + "/documents/" + d.file, meta, d.pages, &err);
    if (pages < 0) {
      std::fprintf(stderr, "kyosei_gen: cannot draw documents/%s: %s\n", d.file.c_str(), err.c_str());
      ok_ = false;
      continue;
    }
    if (pages != static_cast<int>(d.pages.size()))
      std::fprintf(stderr, "kyosei_gen: note: documents/%s overflowed to %d pages (%zu written)\n", d.file.c_str(),
                   pages, d.pages.size());
    written_pdf_pages_ += pages;
  }
}

std::string toml_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// A Hugo site with the same number of content pages kyosei writes: one per
// service, meeting and area, and one per PDF page.
void Generator::write_hugo() {
  const std::string& h = o_.hugo;
  auto put = [&](const std::string& rel, const std::string& bytes) {
    if (!kyosei::write_file(h + "/" + rel, bytes)) {
      std::fprintf(stderr, "kyosei_gen: cannot write %s/%s\n", h.c_str(), rel.c_str());
      ok_ = false;
    }
  };
  put("config.toml",
      "baseURL = \"https://example.jp/hugo/\"\nlanguageCode = \"ja\"\ntitle = \"kyosei bench\"\n"
      "disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\"]\n"
      "[markup.goldmark.renderer]\nunsafe = false\n");
  const std::string head = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body>";
  put("layouts/_default/single.html", head + "<h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n");
  put("layouts/_default/list.html", head + "<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
  put("layouts/index.html", head + "<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Sections }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n");
  auto page = [](const std::string& title, const std::string& body) {
    return "+++\ntitle = " + toml_string(title) + "\n+++\n\n" + body;
  };
  put("content/services/_index.md", page("事業", ""));
  put("content/meetings/_index.md", page("会議", ""));
  put("content/areas/_index.md", page("圏域", ""));
  put("content/documents/_index.md", page("資料", ""));
  for (auto& s : services_) {
    std::string b = "| 項目 | 内容 |\n|---|---|\n| 分野 | " + s.field + " |\n| 機能 | " + join(s.functions, "、") +
                    " |\n| 重層区分 | " + join(s.codes, "、") + " |\n| 所管課 | " + s.department + " |\n| 実施方法 | " +
                    s.method + " |\n| 実施主体 | " + s.provider + " |\n| 事業費 | " + (s.cost ? num(*s.cost) + "円" : "未把握") +
                    " |\n| 対象 | " + s.target + " |\n\n" + s.summary + "\n";
    put("content/services/" + s.id + ".md", page(s.name, b));
  }
  for (size_t i = 0; i < meetings_.size(); ++i) {
    const auto& m = meetings_[i];
    std::string b = "- 種別: " + join(m.kinds, "、") + "\n- 所管課: " + m.department + "\n- 目的: " + m.purpose +
                    "\n\n| 開催日 | 出席者数 | 議題 |\n|---|---|---|\n";
    for (auto& s : sessions_)
      if (s.meeting == i)
        b += "| " + wareki_date(s.day) + " | " + (s.attendees ? str(*s.attendees) : "未把握") + " | " +
             (m.confidential ? "（非公開）" : s.agenda) + " |\n";
    put("content/meetings/" + m.id + ".md", page(m.name, b));
  }
  for (auto& a : areas_) {
    std::string b = "- 層: " + str(a.layer) + "\n- 人口: " + num(a.population) + "人\n- 高齢化率: " + percent(a.aging10) +
                    "％\n\n## この圏域の事業\n\n";
    for (auto& s : services_)
      if (std::find(s.areas.begin(), s.areas.end(), a.id) != s.areas.end()) b += "- " + s.name + "\n";
    put("content/areas/" + a.id + ".md", page(a.name, b));
  }
  for (size_t i = 0; i < docs_.size(); ++i)
    for (size_t p = 0; p < docs_[i].pages.size(); ++p) {
      std::string body = docs_[i].pages[p];
      put("content/documents/d" + str(static_cast<long long>(i + 1)) + "-p" + two(static_cast<int>(p + 1)) + ".md",
          page(docs_[i].title + "（" + str(static_cast<long long>(p + 1)) + "ページ）", body + "\n"));
    }
}

bool Generator::run(const std::string& dir) {
  dir_ = dir;
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
    std::fprintf(stderr, "kyosei_gen: %s already exists and is not empty; remove it first\n", dir.c_str());
    return false;
  }
  make_areas();
  make_orgs();
  make_services();
  make_staff();
  make_meetings();
  make_sessions();
  make_documents();
  write_municipality();
  write_csvs();
  write_indicators();
  write_assessment();
  write_narrative();
  write_pdfs();
  if (!o_.hugo.empty()) write_hugo();
  size_t doc_pages = 0;
  for (auto& d : docs_) doc_pages += d.pages.size();
  std::printf("areas=%zu\nservices=%zu\nstaff=%zu\nmeetings=%zu\nsessions=%zu\npdfs=%zu\npdf_pages=%d\n",
              areas_.size(), services_.size(), staff_.size(), meetings_.size(), sessions_.size(), docs_.size(),
              written_pdf_pages_);
  std::printf("pages=%zu\n", services_.size() + meetings_.size() + areas_.size() + doc_pages);
  return ok_;
}

// ---------------------------------------------------------------- main

int usage() {
  std::fprintf(stderr,
               "usage:\n"
               "  kyosei_gen pdf OUT.pdf --title T --page TEXT [--page TEXT ...]\n"
               "                 [--author A] [--subject S] [--date 2026-04-01T00:00:00]\n"
               "  kyosei_gen dataset OUT_DIR [--services N] [--staff N] [--areas N] [--sessions N]\n"
               "                 [--meetings N] [--pdfs N] [--seed S] [--name 架空大都市] [--hugo DIR]\n"
               "  kyosei_gen country OUT_DIR [--count 1741] [--seed S] [--part K/N]\n"
               "page text: lines; \"# \" heading, \"## \" sub-heading, \"| a | b |\" table rows,\n"
               "empty line = gap; \"\\n\" (backslash n) also ends a line.\n");
  return 2;
}

bool parse_count(const char* s, int min, int* out) {
  char* end = nullptr;
  long v = std::strtol(s, &end, 10);
  if (!end || *end || v < min || v > 10000000) return false;
  *out = static_cast<int>(v);
  return true;
}

int pdf_main(int argc, char** argv) {
  if (argc < 3) return usage();
  std::string out = argv[2];
  PdfMeta meta;
  std::vector<std::string> pages;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    std::string v = argv[++i];
    if (a == "--title") meta.title = v;
    else if (a == "--page") pages.push_back(v);
    else if (a == "--author") meta.author = v;
    else if (a == "--subject") meta.subject = v;
    else if (a == "--date") meta.date = v;
    else return usage();
  }
  if (meta.title.empty() || pages.empty()) return usage();
  std::string err;
  int n = write_pdf(out, meta, pages, &err);
  if (n < 0) {
    std::fprintf(stderr, "kyosei_gen: cannot write %s: %s\n", out.c_str(), err.c_str());
    return 1;
  }
  std::printf("%s: %d page%s\n", out.c_str(), n, n == 1 ? "" : "s");
  return 0;
}

int dataset_main(int argc, char** argv) {
  if (argc < 3) return usage();
  Options o;
  std::string dir = argv[2];
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    const char* v = argv[++i];
    bool ok = true;
    if (a == "--services") ok = parse_count(v, 12, &o.services);
    else if (a == "--staff") ok = parse_count(v, 1, &o.staff);
    else if (a == "--areas") ok = parse_count(v, 3, &o.areas);
    else if (a == "--sessions") ok = parse_count(v, 0, &o.sessions);
    else if (a == "--meetings") ok = parse_count(v, 8, &o.meetings);
    else if (a == "--pdfs") ok = parse_count(v, 0, &o.pdfs);
    else if (a == "--seed") {
      char* end = nullptr;
      o.seed = std::strtoull(v, &end, 10);
      ok = end && !*end;
    } else if (a == "--name") o.name = v;
    else if (a == "--hugo") o.hugo = v;
    else return usage();
    if (!ok) {
      std::fprintf(stderr, "kyosei_gen: bad value for %s: %s (services >= 12, areas >= 3, meetings >= 8)\n", a.c_str(), v);
      return 2;
    }
  }
  Generator g(o);
  return g.run(dir) ? 0 : 1;
}

// `country`: one input folder per municipality, named by its 団体コード,
// with the sizes of Japan's 1,741 (20 政令指定都市, 62 中核市, 23 特別区,
// 710 other 市, 743 町, 183 村). Population is drawn per class (log-uniform
// in the class's range); the data grow with it as population^0.8 from the
// 政令市 of bench/run.sh (1.5 million: 3,000 services, 2,000 staff, 200
// areas, 3,000 sessions, 36 PDFs) down to a 村 of a few hundred people
// (the minimum of 12 services). --part K/N writes every N-th folder only,
// so N generators can share the work.
struct MunicipalityClass {
  const char* kind;
  const char* suffix;
  int count;
  double min_pop, max_pop;
};
const MunicipalityClass kClasses[] = {
    {"政令指定都市", "市", 20, 700000, 3700000}, {"中核市", "市", 62, 200000, 600000},
    {"特別区", "区", 23, 60000, 900000},       {"市", "市", 710, 20000, 200000},
    {"町", "町", 743, 1500, 40000},            {"村", "村", 183, 200, 8000},
};

int country_main(int argc, char** argv) {
  if (argc < 3) return usage();
  std::string dir = argv[2];
  int count = 1741, part = 1, parts = 1;
  uint64_t seed = 1;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return usage();
    std::string v = argv[++i];
    if (a == "--count") {
      if (!parse_count(v.c_str(), 1, &count)) return usage();
    } else if (a == "--seed") {
      seed = std::strtoull(v.c_str(), nullptr, 10);
    } else if (a == "--part") {
      if (std::sscanf(v.c_str(), "%d/%d", &part, &parts) != 2 || parts < 1 || part < 1 || part > parts) return usage();
    } else {
      return usage();
    }
  }
  // The classes in proportion when --count is not 1,741 (at least one of each).
  std::vector<const MunicipalityClass*> plan;
  for (const auto& c : kClasses) {
    int n = std::max(1, static_cast<int>(std::lround(c.count * count / 1741.0)));
    for (int k = 0; k < n; ++k) plan.push_back(&c);
  }
  plan.resize(std::min<size_t>(plan.size(), count));
  int per_pref_city[48] = {}, per_pref_town[48] = {};
  long long total_services = 0;
  for (size_t i = 0; i < plan.size(); ++i) {
    const MunicipalityClass& c = *plan[i];
    Rng r(seed * 0x9E3779B97F4A7C15ULL + i);
    int pref = std::string(c.kind) == "特別区" ? 13 : static_cast<int>(i % 47) + 1;
    bool town = std::string(c.kind) == "町" || std::string(c.kind) == "村";
    int local;
    if (std::string(c.kind) == "特別区") local = 101 + per_pref_city[0]++;  // 131016 千代田区 ...
    else if (town) local = 301 + per_pref_town[pref]++;
    else local = 201 + per_pref_city[pref]++;
    char five[8];
    std::snprintf(five, sizeof five, "%02d%03d", pref, local);
    double pop = std::exp(std::log(c.min_pop) + r.unit() * (std::log(c.max_pop) - std::log(c.min_pop)));
    double f = std::pow(pop / 1.5e6, 0.8);
    auto scaled = [&](double at_seirei, int lo, int hi) {
      return static_cast<int>(std::clamp<long long>(std::llround(at_seirei * f), lo, hi));
    };
    Options o;
    o.services = scaled(3000, 12, 6000);
    o.staff = scaled(2000, 3, 4000);
    o.areas = static_cast<int>(std::clamp<long long>(std::llround(200 * std::pow(pop / 1.5e6, 0.6)), 3, 300));
    o.sessions = scaled(3000, 12, 6000);
    o.pdfs = static_cast<int>(std::clamp<long long>(std::llround(36 * std::sqrt(pop / 1.5e6)), 0, 60));
    o.seed = seed + i;
    o.code5 = five;
    o.kind = c.kind;
    o.name = std::string("架空") + five + c.suffix;
    o.prefecture = "架空" + std::to_string(pref) + "県";
    o.welfare_office = !town || r.chance(0.05);
    o.jusou_status = r.chance(0.3) ? "実施" : r.chance(0.4) ? "移行準備" : "未実施";
    total_services += o.services;
    if (static_cast<int>(i % parts) != part - 1) continue;
    std::string code = std::string(five) + str(kyosei::local_government_check_digit(five));
    Generator g(o);
    // Generator::run prints a summary per folder; keep stdout to one line each.
    std::fflush(stdout);
    if (!g.run(dir + "/" + code)) return 1;
  }
  std::printf("municipalities=%zu\nservices_total=%lld\n", plan.size(), total_services);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string cmd = argv[1];
  if (cmd == "pdf") return pdf_main(argc, argv);
  if (cmd == "dataset") return dataset_main(argc, argv);
  if (cmd == "country") return country_main(argc, argv);
  return usage();
}
