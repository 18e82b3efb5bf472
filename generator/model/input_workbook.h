// The layout of the Excel input template (入力様式.xlsx), shared by the
// writer (`kyosei template`, write/xlsx/xlsx_template.h) and the importer
// (`kyosei import`, read/workbook_import.h), so both agree on it.
//
// Sheets, in tab order:
//   説明                                   how to fill it in (ignored on import)
//   municipality（自治体プロフィール）     municipality.toml: 項目 | 値 | 説明, one key a row
//   <file stem>（<file title>）           one per CSV of the contract, e.g.
//                                          services（既存事業・取組の棚卸）; row 1 = the
//                                          CSV header, row N = line N of the CSV
//   選択肢                                 the drop-down vocabularies (hidden; ignored on import)
// A sheet name longer than Excel's 31 characters would be the stem alone.
// On import a sheet is matched after NFKC by its full name, its stem
// ("services"), or its title (既存事業・取組の棚卸).
#pragma once
#include <string>
#include <string_view>

#include "base/text.h"
#include "model/schema.h"

namespace kyosei {

inline constexpr const char* kGuideSheet = "説明";
inline constexpr const char* kChoicesSheet = "選択肢";
inline constexpr const char* kMunicipalityFile = "municipality.toml";
inline constexpr const char* kMunicipalityStem = "municipality";
inline constexpr const char* kMunicipalityTitle = "自治体プロフィール";
// Headers of the municipality sheet.
inline constexpr const char* kKeyHeader = "項目";
inline constexpr const char* kValueHeader = "値";
inline constexpr const char* kNoteHeader = "説明";
inline constexpr size_t kMaxSheetNameChars = 31;  // Excel's limit

inline std::string file_stem(std::string_view file) {
  size_t dot = file.rfind('.');
  return std::string(dot == std::string_view::npos ? file : file.substr(0, dot));
}

inline std::string sheet_name_for(std::string_view file, std::string_view title) {
  std::string full = file_stem(file) + "（" + std::string(title) + "）";
  return utf8_length(full) <= kMaxSheetNameChars ? full : file_stem(file);
}

inline std::string sheet_name_for(const FileSpec& f) { return sheet_name_for(f.name, f.title); }
inline std::string municipality_sheet_name() { return sheet_name_for(kMunicipalityFile, kMunicipalityTitle); }

// True when a sheet name stands for the file (see the matching rule above).
inline bool sheet_matches(std::string_view sheet, std::string_view file, std::string_view title) {
  std::string s = normalize(sheet);
  return s == normalize(sheet_name_for(file, title)) || s == normalize(file_stem(file)) || s == normalize(title);
}

}  // namespace kyosei
