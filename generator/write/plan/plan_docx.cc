#include "write/plan/plan_docx.h"

#include <filesystem>
#include <iostream>
#include <mutex>

#include "base/file_system.h"
#include "base/resources.h"
#include "write/docx/docx_writer.h"
#include "write/sheet/xlsx_support.h"

namespace kyosei {

namespace {

std::string embedded_reference() {
  auto embedded = resource(kReferenceDocx);
  return embedded ? std::string(*embedded) : std::string();
}

// Once per build, however many drafts find the dataset's reference unusable.
void warn_unusable_reference(const BuildContext& c) {
  {
    std::lock_guard<std::mutex> lock(c.memo->mutex);
    auto& told = c.memo->parts["docx.reference-warned"];
    if (told) return;
    told = std::make_shared<int>(1);
  }
  // A notice, not a warning: the drafts are written all the same, and the
  // build reports the warnings of writers only when one fails.
  std::cerr << "注意: 入力フォルダの " << kReferenceDocx
            << " を Word 文書（.docx）として読めないため、Word 形式の計画案は kyosei の標準の書式で作りました。"
               "Word で開いて .docx 形式で保存し直してください。\n";
}

}  // namespace

bool write_docx(const BuildContext& c, const std::string& markdown, const std::string& title, const std::string& path,
                const std::vector<DraftImage>& images) {
  DocxOptions options;
  options.title = title;
  options.time = workbook_timestamp(c.dataset.municipality.fiscal_year);
  std::vector<DocxImage> pictures;
  pictures.reserve(images.size());
  for (const DraftImage& image : images) pictures.push_back({image.file_name, image.svg});
  std::optional<std::string> docx;
  if (auto own = c.inputs.read(kReferenceDocx)) {
    docx = markdown_to_docx(markdown, *own, options, pictures);
    if (!docx) warn_unusable_reference(c);
  }
  if (!docx) docx = markdown_to_docx(markdown, embedded_reference(), options, pictures);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (!docx || !write_file(path, *docx)) {
    c.diags.error({path, 0, ""}, path + " に書き込めません", "書き込み権限のある出力フォルダ");
    return false;
  }
  return true;
}

}  // namespace kyosei
