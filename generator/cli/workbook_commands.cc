// `kyosei template` and `kyosei import`: the Excel input template and its
// way back into an inputs folder.
//
// import never leaves a half-good folder: the files are first checked in
// memory (read_inputs over the new files plus what DIR already holds, such
// as documents/ and narrative/), and written only when there is no error.
// It overwrites the input files (municipality.toml, the contract's CSVs)
// only in a folder it wrote before (marker file .kyosei-import) or with
// --force; other files in DIR are never touched. The folder is replaced
// whole (staging folder + swap), so it is never part old, part new. A PDF
// the sessions name that DIR does not have yet (a new year's folder) is
// copied from --documents-from FROM when FROM has it, in the same swap, and
// is otherwise a warning saying where to put it.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <iostream>
#include <set>

#include "base/file_system.h"
#include "cli/commands.h"
#include "model/input_workbook.h"
#include "model/municipality_keys.h"
#include "model/reference_data.h"
#include "model/schema.h"
#include "read/inputs_reader.h"
#include "read/pdf_reader.h"
#include "read/raw_inputs.h"
#include "read/workbook_import.h"
#include "read/xlsx_reader.h"
#include "write/xlsx/xlsx_template.h"

namespace fs = std::filesystem;

namespace kyosei {

namespace {

constexpr const char* kImportMarker = ".kyosei-import";

std::string clean(std::string d) {
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return d;
}

// The files import writes; everything else in DIR is left alone.
std::set<std::string> owned_files(const Schema& schema) {
  std::set<std::string> owned{kMunicipalityFile};
  for (const auto& f : schema.files) owned.insert(f.name);
  return owned;
}

// DIR as it would be after the import: the owned files from memory, the
// rest (documents/, narrative/, funding_ratios.csv …) from the disk.
class OverlayFileSystem : public FileSystem {
 public:
  OverlayFileSystem(std::string root, std::set<std::string> owned) : real_(std::move(root)), owned_(std::move(owned)) {}
  void put(const std::string& path, std::string bytes) { memory_.put(path, std::move(bytes)); }
  // A file the import adds beside the owned ones (a PDF copied into documents/).
  void add(const std::string& path, std::string bytes) {
    owned_.insert(path);
    put(path, std::move(bytes));
  }

  std::optional<std::string> read(const std::string& path) const override {
    return owned_.count(path) ? memory_.read(path) : real_.read(path);
  }
  bool exists(const std::string& path) const override {
    return owned_.count(path) ? memory_.exists(path) : real_.exists(path);
  }
  bool is_directory(const std::string& path) const override {
    return memory_.is_directory(path) || real_.is_directory(path);
  }
  std::vector<std::string> list(const std::string& dir) const override {
    std::set<std::string> names;
    for (const auto& n : memory_.list(dir)) names.insert(n);
    for (const auto& n : real_.list(dir))
      if (!(dir.empty() || dir == ".") || !owned_.count(n)) names.insert(n);
    return {names.begin(), names.end()};
  }
  std::string native_path(const std::string& path) const override {
    return owned_.count(path) ? "" : real_.native_path(path);
  }
  // Links in DIR are resolved on the disk, as the build will.
  std::optional<std::string> resolve(const std::string& path) const override { return real_.resolve(path); }

 private:
  MemoryFileSystem memory_;
  RealFileSystem real_;
  std::set<std::string> owned_;
};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Prints every diagnostic: workbook places as 入力様式.xlsx:シート!F12, file
// places relative to dir. Returns true when the run may go on.
bool report(const Diagnostics& diags, const std::string& book, const std::string& dir, const CommonOptions& opt) {
  for (const auto& d : diags.sorted()) {
    bool in_book = !book.empty() && (d.where.file == book || starts_with(d.where.file, book + ":"));
    std::cerr << (in_book ? format_workbook_diagnostic(d) : (dir.empty() ? "" : dir + "/") + format_diagnostic(d)) << "\n";
  }
  bool failed = diags.has_errors() || (opt.strict && diags.warning_count() > 0);
  if (diags.error_count() || diags.warning_count())
    std::cerr << "エラー " << diags.error_count() << " 件、警告 " << diags.warning_count() << " 件"
              << (opt.strict && !diags.has_errors() && diags.warning_count() ? "（--strict のため警告もエラーとして扱います）" : "")
              << "\n";
  return !failed;
}

// PDFs the sessions name that DIR lacks, taken from FROM at the same
// relative path: copied as they are, under the name the file really has
// in FROM (resolve_document, the build's rule). A name that is a link to
// another PDF in FROM becomes a link to that copy in documents/, so the
// build still sees one file (its confidentiality follows the file). A link
// out of FROM is an error naming it; a PDF FROM lacks too is left to the
// check's warning.
struct CopiedDocuments {
  std::map<std::string, std::string> files;  // "documents/a.pdf" -> bytes
  std::map<std::string, std::string> links;  // "documents/b.pdf" -> "a.pdf" (relative to its folder)
  std::vector<std::pair<std::string, std::string>> shown;  // (to, from) for the summary
};

CopiedDocuments copy_missing_documents(const Dataset& ds, const std::string& dir, const std::string& from,
                                       Diagnostics& diags) {
  CopiedDocuments out;
  RealFileSystem source(from);
  std::set<std::string> seen;
  std::error_code ec;
  auto in_dir = [&](const std::string& rel) {
    return fs::exists(fs::symlink_status(fs::path(dir) / "documents" / rel, ec)) ||
           out.files.count("documents/" + rel) || out.links.count("documents/" + rel);
  };
  for (const auto& s : ds.sessions) {
    for (const auto& path : s.documents) {
      if (!seen.insert(path).second || in_dir(path)) continue;
      auto real = resolve_document(source, "", path);
      if (!real) {
        diags.error({"meeting_sessions.csv", s.line, "資料"},
                    from + "/" + path + " はリンク（シンボリックリンク）などで「" + from +
                        "」フォルダの外を指しているため、写しませんでした",
                    "「" + from + "」の中に置いた実際のPDFファイル（リンクではなくコピー）");
        continue;
      }
      auto bytes = source.read(*real);
      if (!bytes) continue;  // in neither folder: the check says where to put it
      if (*real != path) {
        fs::path link = fs::path("documents") / path;
        out.links[link.generic_string()] =
            (fs::path("documents") / *real).lexically_relative(link.parent_path()).generic_string();
        out.shown.emplace_back(link.generic_string(), from + "/" + path);
      }
      if (!in_dir(*real)) {
        out.files["documents/" + *real] = std::move(*bytes);
        out.shown.emplace_back("documents/" + *real, from + "/" + *real);
      }
    }
  }
  return out;
}

// DIR with `files` written (and `links` made) and every other entry kept,
// except the paths in `replaced` that `files` does not hold. Returns "" or
// what failed.
std::string replace_folder(const std::string& dir, const std::map<std::string, std::string>& files,
                           const std::map<std::string, std::string>& links, const std::set<std::string>& replaced) {
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec);
  fs::create_directories(target.parent_path(), ec);
  std::string staging = (target.parent_path() / (target.filename().string() + ".tmp-import-XXXXXX")).string();
  if (!mkdtemp(staging.data())) return "一時フォルダを作れません";
  mode_t mask = umask(0);
  umask(mask);
  ::chmod(staging.c_str(), 0777 & ~mask);
  auto fail = [&](std::string why) {
    fs::remove_all(staging, ec);
    return why;
  };
  bool exists = fs::is_directory(target, ec);
  if (exists) {
    for (auto it = fs::recursive_directory_iterator(target, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      std::string rel = fs::relative(it->path(), target, ec).generic_string();
      if (replaced.count(rel)) continue;
      fs::path to = fs::path(staging) / rel;
      fs::file_status st = it->symlink_status(ec);
      std::error_code e2;
      if (fs::is_directory(st)) {
        fs::create_directory(to, it->path(), e2);
      } else if (fs::is_symlink(st)) {
        fs::copy_symlink(it->path(), to, e2);
      } else {
        fs::create_hard_link(it->path(), to, e2);
        if (e2) {
          e2.clear();
          fs::copy_file(it->path(), to, e2);
        }
      }
      if (e2) return fail(rel + " を写せません");
    }
    if (ec) return fail("フォルダを読めません");
  }
  for (const auto& [path, bytes] : files) {
    fs::remove(staging + "/" + path, ec);  // a dangling link there is replaced, never written through
    if (!write_file(staging + "/" + path, bytes)) return fail(path + " を書けません（空き容量を確認してください）");
  }
  for (const auto& [path, to] : links) {
    fs::path at = fs::path(staging) / path;
    std::error_code e2;
    fs::create_directories(at.parent_path(), e2);
    fs::remove(at, e2);
    fs::create_symlink(to, at, e2);
    if (e2) return fail(path + " を作れません");
  }
  if (exists) {
    if (renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      return fail("フォルダを入れ替えられません");
  } else if (::rename(staging.c_str(), target.c_str()) != 0) {
    return fail("フォルダを作れません");
  }
  fs::remove_all(staging, ec);  // the previous folder, now at staging
  return "";
}

}  // namespace

int run_template(const std::string& dir_in, const std::string& workbook, const CommonOptions& opt) {
  const Schema& schema = reference_data().schema;
  const auto& keys = reference_data().municipality_keys;
  std::error_code ec;
  if (fs::exists(workbook, ec) && !opt.force) {
    std::cerr << "「" << workbook << "」はすでにあるため、何も書きませんでした（書き込んだ様式を消さないため）。"
              << "作り直すときは --force を付けてください。\n";
    return kExitInvalidInput;
  }
  Diagnostics diags;
  std::optional<RawInputs> data;
  std::string dir = dir_in.empty() ? "" : clean(dir_in);
  if (!dir.empty()) {
    if (!fs::is_directory(dir, ec)) {
      std::cerr << "入力フォルダ「" << dir << "」がありません。様式に写すフォルダを指定してください（省略すると空の様式）。\n";
      return kExitInvalidInput;
    }
    RealFileSystem files(dir);
    data = read_raw_inputs(files, schema, keys, diags);
    if (diags.has_errors()) {
      report(diags, "", dir, opt);
      std::cerr << "「" << dir << "」の内容を正しく写せないため、様式は作りませんでした。\n";
      return kExitInvalidInput;
    }
  }
  // Written beside the target and renamed, so a failure leaves no half file.
  std::string temp = workbook + ".tmp-" + std::to_string(::getpid()) + ".xlsx";
  Diagnostics out_diags;
  if (!write_input_template(schema, keys, data ? &*data : nullptr, temp, out_diags)) {
    fs::remove(temp, ec);
    Diagnostics shown;  // about the workbook asked for, not the temporary file beside it
    for (Diagnostic d : out_diags.items()) {
      if (d.where.file == temp) d.where.file = workbook;
      shown.add(std::move(d));
    }
    report(shown, "", "", opt);
    return kExitInternal;
  }
  fs::rename(temp, workbook, ec);
  if (ec) {
    fs::remove(temp, ec);
    std::cerr << "「" << workbook << "」に書き込めませんでした。\n";
    return kExitInternal;
  }
  diags.append(out_diags);
  if (!report(diags, "", dir, opt)) return kExitInvalidInput;
  if (!opt.quiet) {
    std::cout << workbook << " を作りました" << (dir.empty() ? "（空の様式）" : "（" + dir + " の内容入り）") << "。\n"
              << "Excel で書き込んだ後、kyosei import " << workbook << " -o フォルダ名 で入力フォルダに戻せます。\n";
  }
  return kExitOk;
}

int run_import(const std::string& workbook, const std::string& dir_in, const CommonOptions& opt) {
  const Schema& schema = reference_data().schema;
  const auto& keys = reference_data().municipality_keys;
  std::string dir = clean(dir_in);
  std::error_code ec;
  if (!fs::is_regular_file(workbook, ec)) {
    std::cerr << "入力様式「" << workbook << "」がありません。kyosei template で作った .xlsx を指定してください。\n";
    return kExitInvalidInput;
  }

  Diagnostics diags;
  auto book = read_xlsx(workbook, workbook, diags);
  if (!book) {
    report(diags, workbook, dir, opt);
    return kExitInvalidInput;
  }
  ImportedFolder folder = import_workbook(*book, workbook, schema, keys, diags);
  if (diags.has_errors()) {
    report(diags, workbook, dir, opt);
    std::cerr << "入力様式に問題があるため、「" << dir << "」には何も書きませんでした。\n";
    return kExitInvalidInput;
  }

  // Overwrite input files only where import wrote them before.
  std::set<std::string> owned = owned_files(schema);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << "「" << dir << "」はフォルダではありません。入力フォルダの名前を指定してください。\n";
    return kExitInvalidInput;
  }
  if (!opt.force && !fs::exists(dir + "/" + kImportMarker, ec)) {
    for (const auto& f : owned) {
      if (fs::exists(dir + "/" + f, ec)) {
        std::cerr << "「" << dir << "」には kyosei import で作ったのではない入力ファイル（" << f
                  << " など）があるため、何も書きませんでした。\n"
                  << "新しいフォルダ名を指定するか、上書きしてよいときは --force を付けてください。\n";
        return kExitInvalidInput;
      }
    }
  }

  // Check the folder as it would be, before writing anything.
  OverlayFileSystem overlay(dir, owned);
  for (const auto& f : folder.files) overlay.put(f.path, f.bytes);
  CopiedDocuments copied;
  bool copy_failed = false;
  if (!opt.documents_from.empty()) {
    std::string from = clean(opt.documents_from);
    if (!fs::is_directory(from, ec)) {
      std::cerr << "--documents-from の「" << from << "」がありません。会議資料（PDF）を置いたフォルダを指定してください。\n";
      return kExitInvalidInput;
    }
    Diagnostics sessions;
    Dataset named = read_inputs(overlay, sessions, ReadOptions{.read_documents = false});
    if (!sessions.has_errors()) {  // else the check below reports them
      Diagnostics copy_diags;
      copied = copy_missing_documents(named, dir, from, copy_diags);
      copy_failed = copy_diags.has_errors();
      for (const auto& d : copy_diags.items()) diags.add(folder.locate(d));
      for (const auto& [path, bytes] : copied.files) overlay.add(path, bytes);
      for (const auto& [path, to] : copied.links) {
        std::string target = (fs::path(path).parent_path() / to).lexically_normal().generic_string();
        overlay.add(path, overlay.read(target).value_or(""));  // the copy above, or DIR's own file
      }
    }
  }
  Diagnostics checked;
  read_inputs(overlay, checked, ReadOptions{.missing_documents_are_warnings = true});
  for (const auto& d : checked.items()) diags.add(folder.locate(d));
  if (!report(diags, workbook, dir, opt)) {
    std::cerr << (copy_failed ? "--documents-from のフォルダ「" + clean(opt.documents_from) + "」のPDF"
                              : std::string("入力様式"))
              << "に問題があるため、「" << dir << "」には何も書きませんでした。\n";
    return kExitInvalidInput;
  }

  // Written as a whole: a staging folder beside DIR gets DIR's other files
  // (hard links, so documents/ costs nothing) and the new ones, and is then
  // swapped with DIR in one step. A failure (disk full) or a kill leaves DIR
  // exactly as it was; an optional file whose sheet is gone or empty is
  // simply not in the new folder.
  std::map<std::string, std::string> files;
  for (const auto& f : folder.files) files[f.path] = f.bytes;
  files[kImportMarker] = "このフォルダの municipality.toml と CSV は kyosei import が入力様式（" + workbook +
                         "）から作りました。\nもう一度 import すると上書きされます（documents/ と narrative/ は変えません）。\n";
  std::set<std::string> replaced = owned;
  replaced.insert(kImportMarker);
  for (const auto& [path, bytes] : copied.files) files[path] = bytes;
  if (std::string why = replace_folder(dir, files, copied.links, replaced); !why.empty()) {
    std::cerr << "「" << dir << "」に書き込めませんでした（" << why << "）。フォルダは元のままです。\n";
    return kExitInternal;
  }
  if (!opt.quiet)
    for (const auto& f : folder.files) std::cout << "  " << dir << "/" << f.path << "  ←「" << f.sheet << "」シート\n";
  if (!opt.quiet)
    for (const auto& [to, from] : copied.shown) std::cout << "  " << dir << "/" << to << "  ← " << from << "\n";
  if (!opt.quiet)
    std::cout << workbook << " から " << dir << "/ に入力ファイルを作りました。kyosei check と同じ確認で、問題はありません。\n";
  return kExitOk;
}

}  // namespace kyosei
