#include "write/print/pdf_print.h"

#include <stdlib.h>
#include <unistd.h>

#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>

#include "base/file_system.h"
#include "base/process.h"
#include "write/print/pdf_rewrite.h"

namespace kyosei {

namespace {

namespace fs = std::filesystem;

// A printed plan takes a few seconds; this is for a browser that hangs.
constexpr int kPrintSeconds = 300;

const std::optional<std::string>& chromium() {
  static const std::optional<std::string> found = find_program({"chromium", "chromium-browser", "google-chrome"});
  return found;
}

// One browser at a time: each takes about 250 MB, and the writers that
// print run side by side.
std::mutex& browser_mutex() {
  static std::mutex m;
  return m;
}

// Prints html_path with a fresh profile; the PDF's bytes, or the reason
// it failed in `why`.
std::optional<std::string> render(const std::string& html_path, std::string& why) {
  std::error_code ec;
  std::string tmpl = (fs::temp_directory_path(ec) / "kyosei-print-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) {
    why = "作業フォルダを作れません（一時フォルダ TMPDIR に書き込めるか確かめてください）";
    return std::nullopt;
  }
  fs::path work(tmpl);
  std::string pdf = (work / "print.pdf").string();
  std::vector<std::string> args = {
      "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
      "--disable-background-networking", "--disable-sync", "--disable-component-update",
      // Offline: a page kyosei wrote needs nothing from the network.
      "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + (work / "profile").string(),
      "--no-pdf-header-footer", "--generate-pdf-document-outline", "--print-to-pdf=" + pdf,
      file_url(fs::absolute(html_path, ec).string())};
  // Chromium's sandbox refuses to run as root (containers, CI).
  if (geteuid() == 0) args.insert(args.begin(), "--no-sandbox");
  std::string home = (work / "home").string();
  RunResult r;
  {
    std::lock_guard<std::mutex> lock(browser_mutex());
    r = run_program(*chromium(), args,
                    {.log_path = (work / "chromium.log").string(),
                     .wall_seconds = kPrintSeconds,
                     .env = {{"HOME", home}, {"XDG_CONFIG_HOME", home}, {"XDG_CACHE_HOME", home}}});
  }
  std::optional<std::string> bytes;
  if (!r.started) why = "chromium を起動できません";
  else if (r.timed_out) why = "chromium が " + std::to_string(kPrintSeconds) + " 秒たっても終わらないため止めました";
  else if (!(bytes = read_file(pdf)) || bytes->empty()) {
    why = "chromium が PDF を作りませんでした（終了コード " + std::to_string(r.exit_status) + "）";
    bytes.reset();
  }
  fs::remove_all(work, ec);
  return bytes;
}

// Always false, for `return failed(…);`.
bool failed(Diagnostics& diags, const std::string& pdf_path, const std::string& why) {
  diags.error({pdf_path, 0, ""}, "PDF を作れませんでした: " + why, "chromium で印刷できる HTML");
  return false;
}

}  // namespace

bool pdf_printer_available() { return chromium().has_value(); }

std::string pdf_printer_missing() {
  return "--pdf には chromium が必要ですが、見つかりません。Debian では sudo apt-get install chromium で入ります"
         "（PDF がいらないときは --pdf を付けずに実行してください）。";
}

std::string file_url(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                 c == '_' || c == '.' || c == '~';
    if (plain) url += static_cast<char>(c);
    else {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    }
  }
  return url;
}

bool print_pdf(const std::string& html_path, const std::string& pdf_path, Diagnostics& diags) {
  if (!chromium()) return failed(diags, pdf_path, "chromium が見つかりません");
  std::string why;
  auto bytes = render(html_path, why);
  if (!bytes) return failed(diags, pdf_path, why);
  try {
    if (!write_file(pdf_path, pdf_reproducible(*bytes))) return failed(diags, pdf_path, "書き込めません");
  } catch (const std::exception&) {
    return failed(diags, pdf_path, "chromium の PDF を読めません");
  }
  return true;
}

bool print_pdf_parts(const std::string& html_path, const std::vector<std::string>& part_paths, Diagnostics& diags) {
  if (part_paths.empty()) return true;
  const std::string& first = part_paths.front();
  if (!chromium()) return failed(diags, first, "chromium が見つかりません");
  std::string why;
  auto bytes = render(html_path, why);
  if (!bytes) return failed(diags, first, why);
  std::vector<PdfPart> parts;
  try {
    parts = pdf_split_at_outline(*bytes);
  } catch (const std::exception&) {
    return failed(diags, first, "chromium の PDF を区切れません（見出しの一覧がありません）");
  }
  if (parts.size() != part_paths.size())
    return failed(diags, first,
                  "印刷した PDF の区切り（" + std::to_string(parts.size()) + "）が部数（" +
                      std::to_string(part_paths.size()) + "）と合いません");
  for (size_t i = 0; i < parts.size(); ++i)
    if (!write_file(part_paths[i], parts[i].bytes)) return failed(diags, part_paths[i], "書き込めません");
  return true;
}

}  // namespace kyosei
