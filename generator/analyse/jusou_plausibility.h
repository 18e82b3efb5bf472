// Warnings on services.csv 重層区分 that are valid keys but implausible
// (data/jusou_plausibility.toml): the code's 分野 or 機能 disagrees with the
// service's, or two codes that should not meet on one service (第2号 and
// 第4号). A wrong code silently changes the 交付金 split, so `check` and
// `build` say so, naming services.csv:line:重層区分. Warnings only.
#pragma once
#include "base/diagnostics.h"
#include "model/model.h"
#include "model/reference.h"

namespace kyosei {

void check_jusou_plausibility(const Dataset& ds, const Reference& ref, Diagnostics& diags);

}  // namespace kyosei
