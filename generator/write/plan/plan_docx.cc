#include "write/plan/plan_docx.h"

#include <spawn.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>

#include "base/file_system.h"
#include "base/resources.h"
#include "write/sheet/xlsx_support.h"

extern char** environ;

namespace kyosei {

namespace {

namespace fs = std::filesystem;

// The pandoc on PATH, or empty.
std::string find_pandoc() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    fs::path candidate = fs::path(dirs.substr(start, end - start)) / "pandoc";
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  return "";
}

// The dataset's own reference document, else the one kyosei carries.
std::string reference_docx(const BuildContext& c) {
  if (auto own = c.inputs.read(kReferenceDocx)) return *own;
  auto embedded = resource(kReferenceDocx);
  return embedded ? std::string(*embedded) : std::string();
}

// Runs pandoc; its messages go to `log`. True when it exited with 0.
bool run_pandoc(const std::string& pandoc, const std::vector<std::string>& args, const std::string& log,
                long long source_date_epoch) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).substr(0, 18) != "SOURCE_DATE_EPOCH=") env_strings.push_back(*e);
  env_strings.push_back("SOURCE_DATE_EPOCH=" + std::to_string(source_date_epoch));
  std::vector<char*> envp, argv;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> all = {pandoc};
  all.insert(all.end(), args.begin(), args.end());
  for (auto& s : all) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, pandoc.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return false;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

bool write_docx(const BuildContext& c, const std::string& markdown, const std::string& title, const std::string& path,
                const std::vector<DraftImage>& images) {
  static const std::string pandoc = find_pandoc();
  if (pandoc.empty()) {
    static bool told = false;
    if (!told)
      std::cerr << "注意: pandoc が見つからないため、Word 形式（.docx）の計画案は作りませんでした"
                   "（ほかの資料はできています）。Debian では sudo apt-get install pandoc で入ります。\n";
    told = true;
    return true;
  }
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "kyosei-docx-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    c.diags.error({path, 0, ""}, "Word 形式の計画案の作業フォルダを作れません", "書き込みできる一時フォルダ（TMPDIR）");
    return false;
  }
  fs::path work(tmpl);
  std::string md = (work / "draft.md").string(), ref = (work / "reference.docx").string(),
              log = (work / "pandoc.log").string();
  fs::create_directories(fs::path(path).parent_path(), ec);
  bool ok = write_file(md, markdown) && write_file(ref, reference_docx(c));
  for (const DraftImage& image : images) ok = ok && write_file((work / image.file_name).string(), image.svg);
  int fiscal_year = c.dataset.municipality.fiscal_year;
  // GitHub Markdown as cmark-gfm writes it (tables, no raw TeX); the title
  // is metadata, so an input name is never read as Markdown.
  std::vector<std::string> args = {"--from=gfm",        "--to=docx",         "--toc",         "--toc-depth=2",
                                   "--metadata=toc-title:目次", "--metadata=lang:ja-JP",
                                   "--reference-doc=" + ref, "--output=" + path, md};
  // Images are found beside the Markdown, not in kyosei's working folder.
  if (!images.empty()) args.insert(args.end() - 1, "--resource-path=" + work.string());
  // Without a title, the document's own first heading is its title.
  if (!title.empty()) args.insert(args.end() - 1, "--metadata=title:" + title);
  if (ok && !run_pandoc(pandoc, args, log, static_cast<long long>(workbook_timestamp(fiscal_year)))) {
    auto why = read_file(log);
    std::cerr << "注意: pandoc で " << path << " を作れませんでした（ほかの資料はできています）。"
              << (why ? *why : std::string()) << "\n";
    fs::remove(path, ec);
  } else if (!ok) {
    c.diags.error({path, 0, ""}, path + " を作るための作業ファイルを書き込めません", "書き込みできる一時フォルダ（TMPDIR）");
  }
  fs::remove_all(work, ec);
  return ok;
}

}  // namespace kyosei
