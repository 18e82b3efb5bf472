#include "read/assessment_items_reader.h"

#include <set>

#include "base/text.h"
#include "read/assessment_bank_reader.h"
#include "read/table_reader.h"

namespace kyosei {

namespace {

ColumnSpec column(std::string name, ColumnType type, bool required, std::string help, std::string example) {
  ColumnSpec c;
  c.name = std::move(name);
  c.type = type;
  c.required = required;
  c.help = std::move(help);
  c.example = std::move(example);
  return c;
}

// Several hints in one cell: split on ; and ； only.
std::vector<std::string> hints(const std::string& cell) {
  std::string s = cell;
  replace_all(s, "；", ";");
  std::vector<std::string> out;
  for (const auto& part : split(s, ';'))
    if (auto t = trim(part); !t.empty()) out.push_back(t);
  return out;
}

}  // namespace

FileSpec extra_assessment_items_spec(const Reference& ref) {
  FileSpec spec;
  spec.name = kExtraAssessmentItemsFile;
  spec.title = "自己点検の追加項目";
  spec.required = false;
  ColumnSpec id = column("項目ID", ColumnType::Id, true, "追加する項目のID（組み込みの A1〜I4 とは別のID）", "K1");
  id.unique = true;
  spec.columns.push_back(id);
  ColumnSpec domain = column("領域", ColumnType::Enum, true, "項目を置く領域（A〜I）", "A");
  for (const auto& d : ref.assessment_domains) domain.values.push_back(d.id);
  spec.columns.push_back(domain);
  ColumnSpec viewpoint = column("視点", ColumnType::Enum, false, "視点（V0〜V6。複数可。空欄は横断）", "V1");
  viewpoint.multi = true;
  for (const auto& v : ref.assessment_viewpoints) viewpoint.values.push_back(v.id);
  spec.columns.push_back(viewpoint);
  spec.columns.push_back(column("問い", ColumnType::Text, true, "点検の問い", "県の地域共生推進指針に沿った取組があるか。"));
  for (int level = 0; level <= 3; ++level)
    spec.columns.push_back(column("評点" + std::to_string(level), ColumnType::Text, true, "評点" + std::to_string(level) + "にあたる状態",
                                  level == 0 ? "取組がない" : level == 3 ? "定着し、評価・改善している" : ""));
  spec.columns.push_back(column("支持する証拠", ColumnType::Text, false, "評点を裏づけるデータ（複数は ; で区切る）", ""));
  spec.columns.push_back(column("反証する証拠", ColumnType::Text, false, "評点と矛盾するデータ（複数は ; で区切る）", ""));
  spec.columns.push_back(column("出典", ColumnType::Text, false, "項目の出典", "架空県 地域共生推進指針 p.12"));
  return spec;
}

std::vector<AssessmentItemRef> read_extra_assessment_items(const FileSystem& fs, Diagnostics& diags, const Reference& ref) {
  std::vector<AssessmentItemRef> out;
  Table t = read_table(fs, extra_assessment_items_spec(ref), diags);
  if (!t.present) return out;
  // A wrong cell is left empty by read_table, and an empty 視点 means 横断:
  // skip every row with an error rather than half-use it.
  std::set<int> bad_lines;
  for (const auto& d : diags.items())
    if (d.severity == Severity::Error && d.where.file == t.file) bad_lines.insert(d.where.line);
  for (const Row& row : t.rows) {
    if (bad_lines.count(row.line)) continue;
    AssessmentItemRef item;
    item.id = row["項目ID"].text;
    item.domain = row["領域"].text;
    item.viewpoints = row["視点"].items;
    item.viewpoint = viewpoint_label(item.viewpoints);
    item.question = row["問い"].text;
    bool complete = !item.id.empty() && !item.domain.empty() && !item.question.empty();
    for (int level = 0; level <= 3; ++level) {
      item.levels.push_back(row["評点" + std::to_string(level)].text);
      if (item.levels.back().empty()) complete = false;
    }
    item.evidence_support = hints(row["支持する証拠"].text);
    item.evidence_contra = hints(row["反証する証拠"].text);
    if (row["出典"].present) item.sources.push_back(row["出典"].text);
    item.source = join(item.sources, "・");
    item.origin = kExtraAssessmentItemsFile;
    if (!item.id.empty() && ref.assessment_item(item.id)) {
      diags.error(row.where("項目ID"), "「" + item.id + "」は組み込みの点検項目のIDと同じです",
                  "組み込みの項目（A1〜I4 など）と重ならないID（例: K1、PREF-1）");
      continue;
    }
    if (complete) out.push_back(std::move(item));
  }
  return out;
}

Reference with_extra_assessment_items(const Reference& ref, const std::vector<AssessmentItemRef>& extra) {
  Reference out = ref;
  out.assessment_items.insert(out.assessment_items.end(), extra.begin(), extra.end());
  return out;
}

}  // namespace kyosei
