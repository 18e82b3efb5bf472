// The plan drafts as files of `kyosei build` (registered in outputs.cc):
//
//   plan/実施計画/01_趣旨・背景.md …            one Markdown file per chapter, to edit
//   plan/重層的支援体制整備事業実施計画（案）.html  the whole draft, for print and Word
//   plan/地域福祉計画/01_計画の策定にあたって.md …
//   plan/地域福祉計画（案）.html
//
// A 移行準備 municipality's 実施計画 is the 移行計画（案）; with [plan]
// jusou_plan = "chapter" the 実施計画 has no files of its own (it is a
// chapter of the 地域福祉計画). These drafts are for the council: every
// service, 公開 or not; never a staff member's name or a meeting's 議題.
#pragma once
#include "write/common/outputs.h"

namespace kyosei {

bool write_jusou_plan(const BuildContext& ctx);
bool write_welfare_plan(const BuildContext& ctx);

}  // namespace kyosei
