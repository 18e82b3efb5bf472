#include "write/site_privacy.h"

#include <cstring>

#include "base/text.h"
#include "write/html_text.h"

namespace kyosei {

namespace {

size_t utf8_char_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xe) return 3;
  if ((lead >> 3) == 0x1e) return 4;
  return 1;
}

// Bytes of the two code points starting at s[i] packed into 64 bits, or
// nullopt when fewer than two follow or they take more than 8 bytes.
bool prefix_key(std::string_view s, size_t i, uint64_t& key) {
  if (i >= s.size()) return false;
  size_t first = utf8_char_length(static_cast<unsigned char>(s[i]));
  if (i + first >= s.size()) return false;
  size_t second = utf8_char_length(static_cast<unsigned char>(s[i + first]));
  size_t len = first + second;
  if (i + len > s.size() || len > 8) return false;
  key = 0;
  std::memcpy(&key, s.data() + i, len);
  key ^= static_cast<uint64_t>(len) << 60;
  return true;
}

constexpr size_t kFilterBits = 1 << 16;
size_t filter_slot(uint64_t key) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 48); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string privacy_fold(std::string_view text) {
  std::string n = nfkc(text);
  std::string out;
  out.reserve(n.size());
  for (size_t i = 0; i < n.size();) {
    unsigned char c = n[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    std::string_view rest = std::string_view(n).substr(i);
    if (rest.substr(0, 2) == "\xc2\xa0" ) { i += 2; continue; }                          // U+00A0
    if (rest.substr(0, 3) == "\xe3\x80\x80" || rest.substr(0, 3) == "\xe2\x80\x8b" ||   // U+3000, U+200B
        rest.substr(0, 3) == "\xef\xbb\xbf") {                                           // U+FEFF
      i += 3;
      continue;
    }
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    ++i;
  }
  return out;
}

PrivacyGuard::PrivacyGuard(const Dataset& ds) {
  for (const auto& p : ds.staff) add(p.name, {"staff.csv", p.line, "氏名"}, true, kMinCheckedNameChars);

  std::set<std::string> public_agendas;
  for (const auto& s : ds.sessions) {
    const Meeting* m = ds.find_meeting(s.meeting_id);
    if (m && !m->confidential) public_agendas.insert(privacy_fold(s.agenda));
  }
  for (const auto& s : ds.sessions) {
    const Meeting* m = ds.find_meeting(s.meeting_id);
    if (!m || !m->confidential || public_agendas.count(privacy_fold(s.agenda))) continue;
    add(s.agenda, {"meeting_sessions.csv", s.line, "議題"}, false, kMinCheckedAgendaChars);
  }
}

void PrivacyGuard::add(std::string_view text, Location source, bool is_name, std::size_t min_chars) {
  std::string folded = privacy_fold(text);
  if (utf8_length(folded) < min_chars) return;
  uint64_t key;
  if (!prefix_key(folded, 0, key)) return;
  if (maybe_prefix_.empty()) maybe_prefix_.assign(kFilterBits, false);
  maybe_prefix_[filter_slot(key)] = true;
  by_prefix_[key].push_back(secrets_.size());
  secrets_.push_back({std::move(folded), std::string(text), std::move(source), is_name});
}

void PrivacyGuard::scan(std::string_view site_path, std::string_view bytes) {
  record(site_path, find(site_path, bytes));
}

std::vector<std::size_t> PrivacyGuard::find(std::string_view site_path, std::string_view bytes) const {
  std::vector<std::size_t> found;
  if (secrets_.empty()) return found;
  if (ends_with(site_path, ".html")) scan_text(html_readable_text(bytes), found);
  else if (ends_with(site_path, ".js") || ends_with(site_path, ".xml") || ends_with(site_path, ".css") ||
           ends_with(site_path, ".txt") || ends_with(site_path, ".json"))
    scan_text(bytes, found);
  return found;
}

void PrivacyGuard::record(std::string_view site_path, const std::vector<std::size_t>& found) {
  for (std::size_t index : found) found_[index].insert(std::string(site_path));
}

void PrivacyGuard::scan_text(std::string_view text, std::vector<std::size_t>& found) const {
  std::string folded = privacy_fold(text);
  std::string_view s = folded;
  for (size_t i = 0; i < s.size(); i += utf8_char_length(static_cast<unsigned char>(s[i]))) {
    uint64_t key;
    if (!prefix_key(s, i, key) || !maybe_prefix_[filter_slot(key)]) continue;
    auto it = by_prefix_.find(key);
    if (it == by_prefix_.end()) continue;
    for (size_t index : it->second) {
      const std::string& needle = secrets_[index].folded;
      if (s.compare(i, needle.size(), needle) == 0) found.push_back(index);
    }
  }
}

void PrivacyGuard::report(Diagnostics& diags) const {
  for (const auto& [index, files] : found_) {
    const Secret& secret = secrets_[index];
    std::string places;
    size_t n = 0;
    for (const auto& f : files) {
      if (n == 5) {
        places += "ほか" + std::to_string(files.size() - 5) + "ファイル";
        break;
      }
      places += (n++ ? "、" : "") + f;
    }
    std::string what = secret.is_name ? "職員の氏名「" + secret.shown + "」"
                                      : "守秘義務のある会議の議題「" + secret.shown + "」";
    diags.error(secret.source,
                what + "が公開サイトの " + places + " に含まれるため、公開サイトを書き出しませんでした",
                secret.is_name ? "公開する文章（事業の概要・会議の目的・PDF など）から氏名を除く"
                               : "公開する文章（事業の概要・公開の会議の議題・PDF など）から守秘義務のある会議の内容を除く");
  }
}

}  // namespace kyosei
