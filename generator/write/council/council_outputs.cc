#include "write/council/council_outputs.h"

#include "base/dates.h"
#include "write/council/council_sheets.h"
#include "write/sheet/csv_export.h"
#include "write/sheet/xlsx_sheet.h"

namespace kyosei {

bool write_council_workbook(const BuildContext& ctx) {
  const Municipality& mu = ctx.dataset.municipality;
  WorkbookInfo info;
  bool internal = ctx.audience == Audience::Internal;
  info.path = ctx.out_dir + "/" + (internal ? kInternalWorkbookPath : kCouncilWorkbookPath);
  if (internal) info.header_mark = kInternalHeaderMark;
  info.title = "審議会資料（" + mu.name + "・" + format_fiscal_year(mu.fiscal_year) + "・" + audience_label(ctx.audience) + "）";
  info.subject = "地域福祉計画・重層的支援体制整備事業の審議資料";
  info.what = "審議会資料";
  return write_workbook(info, mu, council_sheets({ctx.analysis, ctx.audience}), ctx.diags);
}

bool write_council_csv(const BuildContext& ctx) {
  auto sheets = council_sheets({ctx.analysis, ctx.audience});
  // Unmappable characters are the inputs' problem (exit 2), found before
  // anything is written.
  Diagnostics& problems = ctx.input_problems ? *ctx.input_problems : ctx.diags;
  if (!check_csv_tables(sheets, ctx.csv_encoding, problems)) return false;
  return write_csv_tables(sheets, ctx.csv_encoding, ctx.out_dir, ctx.diags);
}

}  // namespace kyosei
