#include "read/csv.h"

namespace kyosei {

CsvParseResult parse_csv(std::string_view text) {
  CsvParseResult out;
  CsvRecord rec;
  std::string field;
  int line = 1;
  rec.line = 1;
  bool in_quotes = false, was_quoted = false, record_has_content = false;
  int quote_line = 0;

  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = !record_has_content && rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.records.push_back(std::move(rec));
    rec = CsvRecord{};
    record_has_content = false;
  };

  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
        ++i;
        continue;
      }
      if (c == '\n') ++line;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        field += "\r\n";
        ++line;
        i += 2;
        continue;
      }
      field += c;
      ++i;
      continue;
    }
    if (c == '"') {
      if (field.empty() && !was_quoted) {
        in_quotes = was_quoted = record_has_content = true;
        quote_line = line;
      } else {
        out.errors.push_back({line, static_cast<int>(rec.fields.size()),
                              "引用符（\"）が値の途中にあります。値に \" を含めるときは全体を \" で囲み、中の \" は \"\" と二重にしてください"});
        field += c;
      }
      ++i;
      continue;
    }
    if (c == ',') {
      end_field();
      record_has_content = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      rec.line = line;
      continue;
    }
    if (was_quoted) {
      out.errors.push_back({line, static_cast<int>(rec.fields.size()),
                            "引用符で囲んだ値の後に余分な文字があります"});
      was_quoted = false;
    }
    field += c;
    record_has_content = true;
    ++i;
  }
  if (in_quotes) {
    out.errors.push_back({quote_line, static_cast<int>(rec.fields.size()),
                          "引用符（\"）が閉じられていません（" + std::to_string(quote_line) + "行目で開いた \" に対応する \" がありません）"});
  }
  if (record_has_content || !field.empty() || !rec.fields.empty()) end_record();
  return out;
}

std::string csv_quote(std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(f);
  std::string out = "\"";
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace kyosei
