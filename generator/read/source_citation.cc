#include "read/source_citation.h"

#include <map>
#include <regex>

#include "base/resources.h"
#include "read/csv.h"

namespace kyosei {

namespace {

struct Document {
  std::string title, issuer, date;
};

// data/source_documents.csv: file,title,issuer,date,note
const std::map<std::string, Document>& documents() {
  static const std::map<std::string, Document> all = [] {
    std::map<std::string, Document> out;
    auto bytes = resource("data/source_documents.csv");
    if (!bytes) return out;
    auto parsed = parse_csv(*bytes);
    for (size_t i = 1; i < parsed.records.size(); ++i) {
      const auto& f = parsed.records[i].fields;
      if (f.size() >= 4) out[f[0]] = {f[1], f[2], f[3]};
    }
    return out;
  }();
  return all;
}

std::string citation(const std::string& file) {
  auto it = documents().find(file);
  if (it == documents().end()) return "厚生労働省の資料";
  const Document& d = it->second;
  std::string out = d.issuer + "「" + d.title + "」";
  if (!d.date.empty()) out += "（" + d.date + "）";
  return out;
}

}  // namespace

std::string cite_source(std::string_view source) {
  // An extract's name and the line references after it: " L302・L703".
  static const std::regex extract(R"(([0-9]{3}_[0-9a-f]{16}\.txt)((?:\s*(?:,|、|・)?\s*L[0-9]+)*))");
  std::string text(source), out;
  std::string cited_before;
  auto begin = std::sregex_iterator(text.begin(), text.end(), extract);
  size_t plain = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out += text.substr(plain, static_cast<size_t>(m.position()) - plain);
    std::string cited = citation(m[1].str());
    if (cited != cited_before) out += cited;  // 「A.txt L1・A.txt L2」 cites A once
    cited_before = cited;
    plain = static_cast<size_t>(m.position() + m.length());
  }
  out += text.substr(plain);
  return out;
}

}  // namespace kyosei
