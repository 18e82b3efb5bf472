#include "write/markdown/markdown_outline.h"

#include "base/text.h"

namespace kyosei {

namespace {

// Lines, each without its "\n"; a final line without "\n" is kept.
std::vector<std::string_view> lines_of(std::string_view md) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < md.size()) {
    size_t nl = md.find('\n', start);
    if (nl == std::string_view::npos) {
      out.push_back(md.substr(start));
      break;
    }
    out.push_back(md.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// The level of an ATX heading line (up to 3 leading spaces, 1-6 #s, then
// a space or the end), or 0.
int heading_level(std::string_view line) {
  size_t i = 0;
  while (i < 3 && i < line.size() && line[i] == ' ') ++i;
  size_t hashes = 0;
  while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 6) return 0;
  size_t after = i + hashes;
  if (after < line.size() && line[after] != ' ' && line[after] != '\t') return 0;
  return static_cast<int>(hashes);
}

std::string heading_text(std::string_view line) {
  size_t i = line.find('#');
  while (i < line.size() && line[i] == '#') ++i;
  std::string text = trim(line.substr(i));
  // A closing run of #s preceded by a space is not part of the text.
  size_t end = text.find_last_not_of('#');
  if (end != std::string::npos && end + 1 < text.size() && (text[end] == ' ' || text[end] == '\t'))
    text = trim(text.substr(0, end));
  return text;
}

// Tracks fenced code blocks line by line.
class FenceState {
 public:
  // True when the line is inside a fence (including its opening/closing line).
  bool step(std::string_view line) {
    std::string t = trim(line);
    bool is_fence = t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0;
    if (!open_) {
      if (is_fence) {
        open_ = true;
        marker_ = t.substr(0, 3);
        return true;
      }
      return false;
    }
    if (is_fence && t.substr(0, 3) == marker_) open_ = false;
    return true;
  }

 private:
  bool open_ = false;
  std::string marker_;
};

std::string join_lines(const std::vector<std::string>& lines, bool trailing_newline) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size() || trailing_newline) out += '\n';
  }
  return out;
}

bool ends_with_newline(std::string_view md) { return !md.empty() && md.back() == '\n'; }

}  // namespace

std::vector<MarkdownHeading> markdown_headings(std::string_view md) {
  std::vector<MarkdownHeading> out;
  FenceState fence;
  for (auto line : lines_of(md)) {
    if (fence.step(line)) continue;
    if (int level = heading_level(line)) out.push_back({level, heading_text(line)});
  }
  return out;
}

std::string shift_headings(std::string_view md, int by) {
  std::vector<std::string> out;
  FenceState fence;
  for (auto line : lines_of(md)) {
    int level = fence.step(line) ? 0 : heading_level(line);
    if (level == 0 || by == 0) {
      out.emplace_back(line);
      continue;
    }
    int to = std::min(6, std::max(1, level + by));
    out.push_back(std::string(static_cast<size_t>(to), '#') + " " + heading_text(line));
  }
  return join_lines(out, ends_with_newline(md));
}

std::string prefix_first_heading(std::string_view md, std::string_view prefix) {
  std::vector<std::string> out;
  FenceState fence;
  bool done = false;
  for (auto line : lines_of(md)) {
    int level = fence.step(line) ? 0 : heading_level(line);
    if (!done && level == 1) {
      out.push_back("# " + std::string(prefix) + heading_text(line));
      done = true;
    } else {
      out.emplace_back(line);
    }
  }
  return join_lines(out, ends_with_newline(md));
}

std::string drop_leading_heading(std::string_view md, int max_level) {
  auto lines = lines_of(md);
  size_t i = 0;
  while (i < lines.size() && trim(lines[i]).empty()) ++i;
  if (i == lines.size()) return std::string(md);
  int level = heading_level(lines[i]);
  if (level == 0 || level > max_level) return std::string(md);
  ++i;
  while (i < lines.size() && trim(lines[i]).empty()) ++i;
  std::vector<std::string> rest(lines.begin() + static_cast<long>(i), lines.end());
  return join_lines(rest, ends_with_newline(md));
}

std::vector<MarkdownSection> split_sections(std::string_view md, int max_level) {
  std::vector<MarkdownSection> out(1);
  FenceState fence;
  for (auto line : lines_of(md)) {
    int level = fence.step(line) ? 0 : heading_level(line);
    if (level > 0 && level <= max_level) {
      out.push_back({heading_text(line), level, ""});
      continue;
    }
    out.back().body += std::string(line) + "\n";
  }
  if (trim(out.front().body).empty()) out.erase(out.begin());
  return out;
}

}  // namespace kyosei
