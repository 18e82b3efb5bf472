// The Mustache context of the plan templates: every value a template can
// use, as Markdown (input strings escaped here, once). The names are
// Japanese so that planning staff can read the templates; the full list,
// with what each value holds, is in templates/README.md.
//
// Conventions a template can rely on:
// - Flags (実施, 移行準備, 未実施, 単独, 章として, 公開向け, 実施計画あり) are
//   true or false.
// - A value that may be missing (a table with no rows, 重層開始年度, 公開先,
//   narrative.<名前> ...) is only set when there is something to show, so
//   {{#名前}}…{{/名前}} and {{^名前}}…{{/名前}} test for it.
// - Numbers carry their unit and 「未把握」 when the inputs do not give
//   them; never a 0 that stands for "unknown".
#pragma once
#include <kainjow/mustache.hpp>

#include "write/plan/plan_facts.h"

namespace kyosei {

enum class DraftKind { Jusou, Welfare };

kainjow::mustache::data build_plan_context(const PlanFacts& facts, DraftKind kind);

// A narrative/*.md as the text of one section: a leading level-1 or -2
// heading is dropped (the template gives the section heading) and the rest
// moves one level down, below that heading.
std::string narrative_for_section(const std::string& markdown);

}  // namespace kyosei
