// The privacy guard: the last check before the public site is written.
// Whatever the producers did, the site is refused when it would contain
//   - the 氏名 of anyone in staff.csv, or
//   - the 議題 of a session of a meeting with 守秘義務 あり,
// and every place is named: the file of the site and the input row the
// string came from. The build then fails with exit status 2 (it is the
// inputs that must change, e.g. a name typed into a service's 概要) and
// the previous output stays as it was.
//
// How strings are compared: both sides are NFKC-normalised, ASCII letters
// lower-cased, and every white space removed (ASCII, U+3000, U+00A0,
// zero-width space), so 「架空　太郎」 in a PDF finds 「架空 太郎」 and
// 「架空太郎」. HTML is read with html_readable_text (text without tag
// breaks, then attribute values); other text files (search index,
// sitemap.xml, CSS, JS) as they are. Binary files (PDF, PNG) are not scanned:
// a PDF's text is published through its HTML page, which is.
//
// What is checked, so that ordinary words do not stop the build:
//   - 氏名 of 2 characters or more (after the normalisation above); a
//     1-character name cannot be told apart from ordinary text;
//   - 議題 of 8 characters or more; shorter ones are generic wording
//     (「事例検討」「情報共有」「その他」) found in public text too. A 議題
//     that is also, word for word, the 議題 of a non-confidential meeting is
//     not checked: the inputs publish it there already.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "model/model.h"

namespace kyosei {

inline constexpr std::size_t kMinCheckedNameChars = 2;
inline constexpr std::size_t kMinCheckedAgendaChars = 8;

// NFKC, ASCII lower case, white space removed: the form both the secrets
// and the scanned text are compared in.
std::string privacy_fold(std::string_view text);

class PrivacyGuard {
 public:
  explicit PrivacyGuard(const Dataset& ds);

  // Scans one file of the site (path under the site root).
  void scan(std::string_view site_path, std::string_view bytes);

  // The same in two steps, so that several files can be read at once:
  // find() changes nothing (the secrets found in the file, in order);
  // record() what it found, file by file in the order of writing.
  std::vector<std::size_t> find(std::string_view site_path, std::string_view bytes) const;
  void record(std::string_view site_path, const std::vector<std::size_t>& found);

  bool clean() const { return found_.empty(); }
  // How many strings are checked (for tests and messages).
  std::size_t secret_count() const { return secrets_.size(); }

  // One error per secret found, located at its input row, naming the
  // site files it was found in (the first five, then a count).
  void report(Diagnostics& diags) const;

 private:
  struct Secret {
    std::string folded;  // what is searched for
    std::string shown;   // as written in the inputs
    Location source;
    bool is_name = false;
  };
  void add(std::string_view text, Location source, bool is_name, std::size_t min_chars);
  void scan_text(std::string_view text, std::vector<std::size_t>& found) const;

  std::vector<Secret> secrets_;
  // The first two code points of each secret, packed into 64 bits.
  std::unordered_map<uint64_t, std::vector<std::size_t>> by_prefix_;
  std::vector<bool> maybe_prefix_;  // a cheap filter before by_prefix_
  std::map<std::size_t, std::set<std::string>> found_;  // secret -> site files
};

}  // namespace kyosei
