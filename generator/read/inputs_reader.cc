#include "read/inputs_reader.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <set>
#include <toml++/toml.h>

#include "base/parallel.h"
#include "base/numbers.h"
#include "base/resources.h"
#include "base/text.h"
#include "base/wording.h"
#include "model/schema.h"
#include "read/a11y_results_reader.h"
#include "read/funding_reader.h"
#include "read/municipality_reader.h"
#include "read/pdf_reader.h"
#include "read/table_reader.h"

namespace kyosei {

namespace {

using Tables = std::map<std::string, Table>;

const Table& table(const Tables& t, const std::string& name) { return t.at(name); }

std::optional<int> opt_int(const Cell& c) {
  if (!c.integer) return std::nullopt;
  return static_cast<int>(*c.integer);
}

// Every column with `ref` must name an ID of the referenced file.
void check_references(const Tables& tables, const Schema& schema, Diagnostics& diags) {
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [name, t] : tables)
    for (const auto& row : t.rows)
      if (row["ID"].present) ids[name].insert(row["ID"].text);
  for (const auto& spec : schema.files) {
    const Table& t = table(tables, spec.name);
    for (const auto& col : spec.columns) {
      if (col.ref.empty() || !table(tables, col.ref).present) continue;
      const auto& known = ids[col.ref];
      const FileSpec* target = schema.file(col.ref);
      for (const auto& row : t.rows) {
        for (const auto& v : row[col.name].items) {
          if (known.count(v)) continue;
          std::string examples;
          int n = 0;
          for (const auto& k : known) {
            if (n++ == 8) { examples += "…"; break; }
            examples += (n > 1 ? "、" : "") + k;
          }
          diags.error(row.where(col.name), "「" + v + "」は " + col.ref + "（" + (target ? target->title : "") + "）にないIDです",
                      col.ref + " のID（" + (examples.empty() ? "まだありません" : examples) + "）");
        }
      }
    }
  }
}

std::vector<Area> build_areas(const Table& t, Diagnostics& diags) {
  std::vector<Area> out;
  for (const auto& row : t.rows) {
    Area a;
    a.id = row["ID"].text;
    a.name = row["名称"].text;
    a.layer = row["層"].integer ? static_cast<int>(*row["層"].integer) : 0;
    a.parent = row["上位圏域"].text;
    if (row["人口"].integer) a.population = row["人口"].integer;
    a.aging_rate = row["高齢化率"].decimal;
    a.line = row.line;
    out.push_back(a);
  }
  if (!t.present) return out;
  // Exactly one 層1; parents lie on a lower 層 number; no cycles.
  std::vector<const Row*> top;
  for (size_t i = 0; i < out.size(); ++i)
    if (out[i].layer == 1) top.push_back(&t.rows[i]);
  if (top.empty())
    diags.error({t.file, 1, "層"}, std::string(kTopLayer) + "の圏域がありません", "層 が 1 の行をちょうど1つ");
  for (size_t i = 1; i < top.size(); ++i)
    diags.error(top[i]->where("層"), std::string(kTopLayer) + "の圏域が2つ以上あります（最初は " + std::to_string(top[0]->line) + " 行目）",
                "層1 はちょうど1つ");
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < out.size(); ++i) index.emplace(out[i].id, i);
  for (size_t i = 0; i < out.size(); ++i) {
    const Area& a = out[i];
    const Row& row = t.rows[i];
    if (a.parent.empty()) continue;
    if (a.layer == 1) {
      diags.error(row.where("上位圏域"), std::string(kTopLayer) + "の圏域に上位圏域は指定できません", "空欄");
      continue;
    }
    auto it = index.find(a.parent);
    if (it == index.end()) continue;  // reported by check_references
    const Area& parent = out[it->second];
    if (parent.layer != 0 && a.layer != 0 && parent.layer >= a.layer)
      diags.error(row.where("上位圏域"),
                  "上位圏域「" + parent.id + "」は層" + std::to_string(parent.layer) + "で、この圏域（層" + std::to_string(a.layer) +
                      "）より上の層ではありません",
                  "層の数字がこの圏域より小さい圏域のID");
  }
  // Cycles (possible only when layers are wrong too, but say it plainly).
  for (size_t i = 0; i < out.size(); ++i) {
    std::set<std::string> seen{out[i].id};
    std::string cur = out[i].parent;
    while (!cur.empty()) {
      if (seen.count(cur)) {
        diags.error(t.rows[i].where("上位圏域"), "上位圏域をたどると「" + out[i].id + "」に戻ってしまいます（循環）",
                    "循環しない親子関係");
        break;
      }
      seen.insert(cur);
      auto it = index.find(cur);
      cur = it == index.end() ? "" : out[it->second].parent;
    }
  }
  return out;
}

std::vector<Service> build_services(const Table& t, Diagnostics& diags) {
  std::vector<Service> out;
  for (const auto& row : t.rows) {
    Service s;
    s.id = row["ID"].text;
    s.name = row["事業名"].text;
    s.field = row["分野"].text;
    s.related_fields = row["関連分野"].items;
    s.functions = row["機能"].items;
    s.jusou_codes = row["重層区分"].items;
    s.common_items = row["共通事項"].items;
    s.department = row["所管課"].text;
    s.method = row["実施方法"].text;
    s.provider = row["実施主体"].text;
    s.areas = row["圏域"].items;
    s.sites = row["拠点数"].integer;
    s.cost = row["事業費"].integer;
    s.start_year = opt_int(row["開始年度"]);
    s.target = row["対象"].text;
    s.summary_markdown = row["概要"].text;
    s.is_public = row["公開"].text != "しない";
    s.line = row.line;
    s.counter = row["相談窓口"].text;
    s.phones = row["電話"].items;
    s.fax = row["FAX"].text;
    s.place = row["場所"].text;
    s.hours = row["受付時間"].text;
    s.how_to_use = row["利用のしかた"].text;
    s.url = row["URL"].text;
    for (const auto& [code, yen] : row["按分"].code_amounts) s.allocations.push_back({code, yen});

    // 按分: only codes the row carries, and the parts add up to 事業費.
    if (!s.allocations.empty()) {
      long long sum = 0;
      bool overflow = false;
      for (const auto& a : s.allocations) {
        overflow = overflow || __builtin_add_overflow(sum, a.yen, &sum);
        if (std::find(s.jusou_codes.begin(), s.jusou_codes.end(), a.code) == s.jusou_codes.end())
          diags.error(row.where("按分"), "按分の「" + a.code + "」がこの事業の重層区分にありません",
                      "重層区分（" + (s.jusou_codes.empty() ? std::string("空欄") : join(s.jusou_codes, ";")) + "）のどれか");
      }
      if (overflow)
        diags.error(row.where("按分"), "按分の合計が大きすぎて計算できません",
                    "合計が事業費と同じになる按分（1つの金額は " + with_commas(kMaxYen) + "円まで）");
      else if (!s.cost)
        diags.error(row.where("按分"), "按分がありますが事業費が空欄です", "按分の合計と同じ事業費（" + with_commas(sum) + "円）");
      else if (sum != *s.cost)
        diags.error(row.where("按分"), "按分の合計 " + with_commas(sum) + "円 が事業費 " + with_commas(*s.cost) + "円 と一致しません",
                    "合計が事業費と同じになる按分");
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Staff> build_staff(const Table& t, const toml::table& rules, Diagnostics& diags) {
  double tolerance = rules["staff"]["share_sum_tolerance"].value_or(0.001);
  std::vector<Staff> out;
  for (const auto& row : t.rows) {
    Staff p;
    p.id = row["ID"].text;
    p.name = row["氏名"].text;
    p.organisation = row["所属"].text;
    p.organisation_type = row["所属区分"].text;
    p.fte = row["常勤換算"].decimal.value_or(1.0);
    p.qualifications = row["資格"].items;
    p.areas = row["担当圏域"].items;
    p.services = row["担当事業"].items;
    p.arrived = row["着任年月"].month;
    p.line = row.line;
    const auto& roles = row["役割"].items;
    const auto& shares = row["配分"].decimals;
    if (!shares.empty() && shares.size() != roles.size()) {
      diags.error(row.where("配分"),
                  "配分の数（" + std::to_string(shares.size()) + "）が役割の数（" + std::to_string(roles.size()) + "）と違います",
                  "役割と同じ順に同じ数の配分（例: 役割が2つなら 0.5;0.5）");
    } else if (!shares.empty()) {
      double sum = 0;
      for (double s : shares) sum += s;
      if (sum > 1 + tolerance) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", sum);
        diags.error(row.where("配分"), std::string("配分の合計が ") + buf + " で 1 を超えています", "合計が 1 以下の配分");
      }
    }
    for (size_t i = 0; i < roles.size(); ++i) {
      double share = shares.size() == roles.size() ? shares[i] : 1.0 / static_cast<double>(roles.size());
      p.roles.push_back({roles[i], share, share * p.fte});
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Meeting> build_meetings(const Table& t, const toml::table& rules, Diagnostics& diags) {
  std::set<std::string> by_law;
  if (auto* arr = rules["meetings"]["confidential_by_law"].as_array())
    for (auto& e : *arr) by_law.insert(e.value_or(std::string()));
  std::vector<Meeting> out;
  for (const auto& row : t.rows) {
    Meeting m;
    m.id = row["ID"].text;
    m.name = row["会議名"].text;
    m.kinds = row["種別"].items;
    m.style = row["開催形態"].text;
    m.confidential = row["守秘義務"].text == "あり";
    m.department = row["所管課"].text;
    m.planned_per_year = row["予定回数"].integer;
    m.members = row["構成機関"].items;
    m.areas = row["圏域"].items;
    m.purpose = row["目的"].text;
    m.line = row.line;
    if (row["守秘義務"].text == "なし")
      for (const auto& k : m.kinds)
        if (by_law.count(k)) {
          diags.warning(row.where("守秘義務"), "種別「" + k + "」の会議は法律で構成員に守秘義務がありますが「なし」になっています",
                        "あり");
          break;
        }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<Session> build_sessions(const Table& t, int fiscal_year, Diagnostics& diags) {
  std::vector<Session> out;
  for (const auto& row : t.rows) {
    Session s;
    s.meeting_id = row["会議ID"].text;
    if (row["開催日"].date) s.date = *row["開催日"].date;
    s.attendees = row["出席者数"].integer;
    s.organisations = row["出席機関"].items;
    s.case_count = row["検討事例数"].integer;
    s.agenda = row["議題"].text;
    s.documents = row["資料"].items;
    s.line = row.line;
    if (row["開催日"].date && fiscal_year && fiscal_year_of(s.date) != fiscal_year)
      diags.warning(row.where("開催日"), "開催日 " + format_date(s.date) + " は " + format_fiscal_year(fiscal_year) + " の外です",
                    format_date({fiscal_year, 4, 1}) + "〜" + format_date({fiscal_year + 1, 3, 31}) + " の日付");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Indicator> build_indicators(const Table& t) {
  std::vector<Indicator> out;
  for (const auto& row : t.rows) {
    Indicator k;
    k.id = row["ID"].text;
    k.category = row["区分"].text;
    k.name = row["指標名"].text;
    k.unit = row["単位"].text;
    k.base_year = opt_int(row["基準年度"]);
    k.base_value = row["基準値"].decimal;
    k.target_year = opt_int(row["目標年度"]);
    k.target_value = row["目標値"].decimal;
    for (auto& [y, v] : row["実績"].year_values) k.results.push_back({y, v});
    k.increase_is_good = row["向き"].text != "減少";
    k.line = row.line;
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<AssessmentAnswer> build_assessment(const Table& t) {
  std::vector<AssessmentAnswer> out;
  for (const auto& row : t.rows) {
    if (!row["項目ID"].present || !row["評価"].integer) continue;
    out.push_back({row["項目ID"].text, static_cast<int>(*row["評価"].integer), row["根拠"].text, row["回答部署"].text, row.line});
  }
  return out;
}

void read_narratives(const FileSystem& fs, Dataset& ds, Diagnostics& diags) {
  if (!fs.is_directory("narrative")) return;
  for (const auto& name : fs.list("narrative")) {
    if (name.size() < 4 || name.substr(name.size() - 3) != ".md") continue;
    if (auto text = read_text_file(fs, "narrative/" + name, diags)) ds.narratives[name.substr(0, name.size() - 3)] = *text;
  }
}

// Each session's PDFs by the file they really are: "./a.pdf", "x/../a.pdf"
// or a symbolic link to documents/a.pdf all become "a.pdf", so that the
// confidentiality of a meeting follows the file, whatever name refers to
// it. A link that leads out of documents/ is an error naming the file.
// The table is changed in place, before build_sessions copies the paths
// into the Dataset and before the PDFs are read from it.
void canonical_document_paths(const FileSystem& fs, Table& sessions, Diagnostics& diags) {
  for (size_t i = 0; i < sessions.rows.size(); ++i) {
    auto& items = sessions.rows[i].at("資料").items;
    std::vector<std::string> canonical;
    for (const auto& path : items) {
      auto resolved = resolve_document(fs, "documents", path);
      if (!resolved) {
        diags.error(sessions.rows[i].where("資料"),
                    "documents/" + path + " はリンク（シンボリックリンク）などで documents/ フォルダの外を指しています",
                    "documents/ の中に置いた実際のPDFファイル（リンクではなくコピー）");
        continue;
      }
      if (std::find(canonical.begin(), canonical.end(), *resolved) == canonical.end()) canonical.push_back(*resolved);
    }
    items = std::move(canonical);
  }
}

// Every PDF a session names, each read once, in order of first mention.
// They are read on options.jobs threads, each into its own slot, and kept
// (with what was reported) in that order.
void read_documents(const FileSystem& fs, const Table& sessions, const Table& meetings,
                    std::vector<Document>& documents, Diagnostics& diags, const ReadOptions& options) {
  std::set<std::string> done;
  struct Wanted {
    std::string path;
    Location where;
    bool missing;  // only with missing_documents_are_warnings
    bool publish = false;
  };
  std::vector<Wanted> wanted;
  for (const auto& row : sessions.rows)
    for (const auto& path : row["資料"].items)
      if (done.insert(path).second)
        wanted.push_back({path, row.where("資料"),
                          options.missing_documents_are_warnings && !fs.exists("documents/" + path)});
  if (options.prepare_publication) {
    // Only a guess from the rows (the site decides, is_published_document):
    // a wrong one costs time, never the result.
    std::set<std::string> confidential;
    for (const auto& row : meetings.rows)
      if (row["守秘義務"].text == "あり") confidential.insert(row["ID"].text);
    std::set<std::string> kept_private;
    for (const auto& row : sessions.rows)
      if (confidential.count(row["会議ID"].text))
        for (const auto& path : row["資料"].items) kept_private.insert(path);
    for (auto& w : wanted) w.publish = !kept_private.count(w.path);
  }
  std::vector<std::optional<Document>> docs(wanted.size());
  std::vector<Diagnostics> found(wanted.size());
  // The work is done in child processes (read/pdf_reader.h); a thread here
  // only waits for its child, so one more than the cores keeps them busy
  // while a child starts or its answer is read.
  const int readers = options.jobs > 1 ? options.jobs + 1 : 1;
  parallel_for(wanted.size(), readers, [&](size_t i) {
    const Wanted& w = wanted[i];
    if (w.missing)
      found[i].warning(w.where, "documents/" + w.path + " がまだありません。build の前に、入力フォルダの documents/ に置いてください",
                       "入力フォルダの documents/" + w.path + " にあるPDF");
    else
      docs[i] = read_pdf(fs, w.path, found[i], w.where, options.thumbnail_width, w.publish);
  });
  for (size_t i = 0; i < wanted.size(); ++i) {
    diags.append(found[i]);
    if (docs[i]) documents.push_back(std::move(*docs[i]));
  }
}

}  // namespace

Dataset read_inputs(const FileSystem& fs, Diagnostics& diags, const ReadOptions& options) {
  Dataset ds;
  const Schema& schema = builtin_schema();
  toml::table rules = toml::parse(*resource("data/rules.toml"), std::string_view("data/rules.toml"));

  read_municipality(fs, ds.municipality, diags);
  // The CSV files are independent: read on options.jobs threads, each into
  // its own slot, their problems reported in the schema's order of files.
  std::vector<Table> read(schema.files.size());
  std::vector<Diagnostics> read_diags(schema.files.size());
  parallel_for(schema.files.size(), options.jobs,
               [&](size_t i) { read[i] = read_table(fs, schema.files[i], read_diags[i]); });
  Tables tables;
  for (size_t i = 0; i < schema.files.size(); ++i) {
    diags.append(read_diags[i]);
    tables.emplace(schema.files[i].name, std::move(read[i]));
  }
  // The PDFs need only the sessions table with its document paths made
  // canonical: with more than one job they are then read (in child
  // processes) on a thread of their own while the rows are checked and
  // turned into the model. What both report is added where it would be one
  // step after the other.
  Diagnostics path_diags;
  canonical_document_paths(fs, tables.at("meeting_sessions.csv"), path_diags);
  std::vector<Document> documents;
  Diagnostics document_diags;
  Background pdfs(options.jobs, [&] {
    if (options.read_documents)
      read_documents(fs, table(tables, "meeting_sessions.csv"), table(tables, "meetings.csv"), documents,
                     document_diags, options);
  });

  check_references(tables, schema, diags);

  ds.areas = build_areas(table(tables, "areas.csv"), diags);
  ds.services = build_services(table(tables, "services.csv"), diags);
  ds.staff = build_staff(table(tables, "staff.csv"), rules, diags);
  ds.meetings = build_meetings(table(tables, "meetings.csv"), rules, diags);
  ds.sessions = build_sessions(table(tables, "meeting_sessions.csv"), ds.municipality.fiscal_year, diags);
  ds.indicators = build_indicators(table(tables, "indicators.csv"));
  ds.assessment = build_assessment(table(tables, "assessment.csv"));
  read_narratives(fs, ds, diags);
  diags.append(path_diags);
  pdfs.wait();
  diags.append(document_diags);
  ds.documents = std::move(documents);
  ds.a11y_results = read_a11y_results(fs, diags);
  ds.funding_override = read_funding_override(fs, diags);
  ds.index_ids();
  return ds;
}

}  // namespace kyosei
