// The privacy guard: the last check before the public site is written.
// Whatever the producers did, the site is refused when it would contain
//   - the 氏名 of anyone in staff.csv, or
//   - the 議題 of a session of a meeting with 守秘義務 あり,
// and every place is named: the file of the site and the input row the
// string came from. The build then fails with exit status 2 (it is the
// inputs that must change, e.g. a name typed into a service's 概要) and
// the previous output stays as it was.
//
// How strings are compared: both sides are folded with ICU's NFKC_Casefold
// (NFKC, full case folding, invisible format characters such as the
// zero-width joiner or the soft hyphen removed) and every white space is
// removed (ASCII, U+3000, U+00A0 …), so 「架空　太郎」 in a PDF finds
// 「架空 太郎」, 「架空太郎」 and 「架空\u200D太郎」. HTML is read with
// html_readable_text (text without tag breaks, then attribute values);
// other text files (search index, sitemap.xml, CSS, JS, SVG) as they are;
// each text is scanned again with %XX (URLs) and \uXXXX (JSON) decoded. A
// PDF is scanned for everything besides its page text (read/pdf_reader.h
// pdf_hidden_text: metadata, XMP, outlines, annotations, link URLs, form
// fields, attachments); its page text is published through its HTML page,
// which is scanned. A PDF that cannot be read for this stops the site.
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
#include <optional>
#include <set>
#include <string>
#include <string_view>
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
  // find() changes nothing (what it found in the file); record() it, file
  // by file in the order of writing.
  struct Scan {
    std::vector<std::size_t> secrets;  // in the order found
    bool unreadable = false;           // a PDF whose parts could not be read
    bool clean() const { return secrets.empty() && !unreadable; }
  };
  Scan find(std::string_view site_path, std::string_view bytes) const;
  // find() for a PDF whose hidden text (pdf_hidden_text) was read already,
  // with its publication (nullopt: it could not be read).
  Scan find_in_pdf_parts(const std::optional<std::string>& hidden_text) const;
  void record(std::string_view site_path, const Scan& scan);

  bool clean() const { return found_.empty() && unreadable_.empty(); }
  // How many strings are checked (for tests and messages).
  std::size_t secret_count() const { return secrets_.size(); }

  // One error per secret found, located at its input row, naming the
  // site files it was found in (the first five, then a count).
  void report(Diagnostics& diags) const;

 private:
  struct Secret {
    std::string folded;  // what is searched for
    uint64_t head = 0;       // its first 8 bytes (fewer when shorter, the rest 0), compared before the rest
    uint64_t head_mask = 0;  // the bytes of head that are its own
    std::string shown;   // as written in the inputs
    Location source;
    bool is_name = false;
  };
  void add(std::string_view text, Location source, bool is_name, std::size_t min_chars);
  void scan_text(std::string_view text, std::vector<std::size_t>& found) const;
  // scan_text of the text with %XX and \uXXXX decoded, when that changes it.
  void scan_decoded(std::string_view text, std::vector<std::size_t>& found) const;

  // The secrets by the filter slot of their first two code points (the
  // key of prefix_key), ascending within a slot: slot s holds
  // by_slot_[slot_start_[s] .. slot_start_[s + 1]). Built once all are added.
  void index_by_slot();

  std::vector<Secret> secrets_;
  std::vector<uint8_t> maybe_prefix_;  // a cheap filter before slot_start_ (bytes: faster than bits)
  std::vector<uint32_t> slot_start_;
  std::vector<uint32_t> by_slot_;
  std::map<std::size_t, std::set<std::string>> found_;  // secret -> site files
  std::set<std::string> unreadable_;                     // PDFs whose parts could not be read
};

}  // namespace kyosei
