#include "write/plan/plan_outputs.h"

#include "model/plan_reference.h"
#include "write/plan/plan_docx.h"
#include "write/plan/plan_draft.h"
#include "write/plan/plan_html.h"
#include "write/print/pdf_print.h"

namespace kyosei {

namespace {

bool write_draft(const BuildContext& c, const PlanDraft& draft) {
  const std::string dir = c.out_dir + "/plan/";
  bool ok = true;
  auto put = [&](const std::string& path, const std::string& bytes) {
    if (write_file(path, bytes)) return;
    c.diags.error({path, 0, ""}, path + " に書き込めません", "書き込み権限のある出力フォルダ");
    ok = false;
  };
  for (const auto& ch : draft.chapters) put(dir + draft.draft + "/" + ch.file_name, ch.markdown);
  for (const auto& image : draft.images) put(dir + draft.draft + "/" + image.file_name, image.svg);
  const std::string html = dir + draft.file_title + ".html";
  put(html, render_plan_html(draft, c.dataset.municipality));
  if (ok && c.pdf) ok = print_pdf(html, dir + draft.file_title + ".pdf", c.diags);
  // The .docx is handed over as it is, like the HTML: no internal chapter.
  std::string markdown;
  for (const auto& ch : draft.chapters)
    if (!ch.internal) markdown += ch.markdown + "\n";
  ok = write_docx(c, markdown, draft.title, dir + draft.file_title + ".docx", draft.images) && ok;
  return ok;
}

DraftOptions options_of(const BuildContext& c) { return DraftOptions{false, c.previous, &c.inputs}; }

}  // namespace

bool write_jusou_plan(const BuildContext& c) {
  if (!jusou_plan_standalone(c.dataset.municipality)) return true;
  auto draft = build_jusou_draft(c.analysis, options_of(c), c.diags);
  return draft && write_draft(c, *draft);
}

bool write_welfare_plan(const BuildContext& c) {
  auto draft = build_welfare_draft(c.analysis, options_of(c), c.diags);
  return draft && write_draft(c, *draft);
}

}  // namespace kyosei
