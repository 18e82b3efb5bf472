#include "write/output_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>

#include <filesystem>

#include "base/file_system.h"

namespace fs = std::filesystem;

namespace kyosei {

std::unique_ptr<OutputFolder> OutputFolder::open(const std::string& target_in, Diagnostics& diags) {
  std::string target = target_in;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  std::error_code ec;
  if (fs::exists(target, ec)) {
    bool empty = fs::is_directory(target, ec) && fs::directory_iterator(target, ec) == fs::directory_iterator();
    if (!fs::is_directory(target, ec) || (!empty && !fs::exists(fs::path(target) / kMarker, ec))) {
      diags.error({target}, "出力先が kyosei の出力フォルダではないため、上書きしません",
                  "空のフォルダ、まだないフォルダ、または以前 kyosei が出力したフォルダ（-o で指定）");
      return nullptr;
    }
  }
  fs::path parent = fs::absolute(target, ec).parent_path();
  fs::create_directories(parent, ec);
  std::string pattern = (parent / (fs::path(target).filename().string() + ".tmp-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) {
    diags.error({target}, "一時フォルダを作れません（書き込み権限を確認してください）");
    return nullptr;
  }
  write_file(pattern + "/" + kMarker, "kyosei\n");
  return std::unique_ptr<OutputFolder>(new OutputFolder(target, pattern));
}

bool OutputFolder::commit(Diagnostics& diags) {
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    // Swap both folders in one step; the old output lands at temp_ and is removed.
    if (renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
      diags.error({target_}, "出力フォルダを入れ替えられません");
      return false;
    }
  } else if (rename(temp_.c_str(), target_.c_str()) != 0) {
    diags.error({target_}, "出力フォルダを作れません");
    return false;
  }
  committed_ = true;
  fs::remove_all(temp_, ec);  // the previous output, now at temp_
  return true;
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

}  // namespace kyosei
