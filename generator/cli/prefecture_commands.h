// `kyosei prefecture PARENT -o OUT [--previous PARENT]` (issue 14): the
// roll-up of every municipality's inputs folder under PARENT for the
// 都道府県 (analyse/prefecture_rollup.h).
//
// Writes, into OUT atomically (write/common/output_folder.h):
//   excel/都道府県集計.xlsx   write/prefecture/prefecture_sheets.h
//   csv/*.csv                 the same tables, UTF-8 with BOM
//   site/                     the prefecture site (write/prefecture/prefecture_site.h)
//
// Exit status:
//   0  every municipality's inputs are valid, the roll-up is written
//   2  some municipality is 未提出 or 不備: its problems are printed as
//      「フォルダ/ファイル:行:列」, the roll-up is still written with that
//      municipality marked and left out of the totals. Also 2, writing
//      nothing, when PARENT has no municipality folder, or when a staff
//      name or confidential 議題 would reach the prefecture site.
//   3  internal error; OUT is untouched.
#pragma once
#include <string>
#include <vector>

namespace kyosei {

// args: everything after the word "prefecture".
int run_prefecture_command(const std::vector<std::string>& args);

}  // namespace kyosei
