#include "write/council/council_outputs.h"

#include "base/dates.h"
#include "write/council/council_sheets.h"
#include "write/sheet/csv_export.h"
#include "write/sheet/xlsx_sheet.h"

namespace kyosei {

namespace {

// The sheets once per build: the workbook and the CSVs show the same.
std::shared_ptr<const std::vector<Sheet>> shared_council_sheets(const BuildContext& ctx) {
  std::lock_guard<std::mutex> lock(ctx.memo->mutex);
  auto& part = ctx.memo->parts["council_sheets"];
  if (!part) part = std::make_shared<const std::vector<Sheet>>(council_sheets({ctx.analysis, ctx.audience}));
  return std::static_pointer_cast<const std::vector<Sheet>>(part);
}

}  // namespace

bool write_council_workbook(const BuildContext& ctx) {
  const Municipality& mu = ctx.dataset.municipality;
  WorkbookInfo info;
  bool internal = ctx.audience == Audience::Internal;
  info.path = ctx.out_dir + "/" + (internal ? kInternalWorkbookPath : kCouncilWorkbookPath);
  if (internal) info.header_mark = kInternalHeaderMark;
  info.title = "審議会資料（" + mu.name + "・" + format_fiscal_year(mu.fiscal_year) + "・" + audience_label(ctx.audience) + "）";
  info.subject = "地域福祉計画・重層的支援体制整備事業の審議資料";
  info.what = "審議会資料";
  return write_workbook(info, mu, *shared_council_sheets(ctx), ctx.diags);
}

bool write_council_csv(const BuildContext& ctx) {
  auto shared = shared_council_sheets(ctx);
  const std::vector<Sheet>& sheets = *shared;
  // Unmappable characters are the inputs' problem (exit 2), found before
  // anything is written.
  Diagnostics& problems = ctx.input_problems ? *ctx.input_problems : ctx.diags;
  if (!check_csv_tables(sheets, ctx.csv_encoding, problems)) return false;
  return write_csv_tables(sheets, ctx.csv_encoding, ctx.out_dir, ctx.diags);
}

}  // namespace kyosei
