// The chapter templates of the plan drafts: templates/plan/<draft>/<file>.md,
// Mustache (kainjow) producing Markdown, one file per chapter, which
// planning staff may edit (templates/README.md is their manual).
//
// Where a template comes from: a dataset may put its own copy at the same
// path under its inputs folder (<inputs>/templates/plan/実施計画/01_….md);
// that copy wins. Otherwise the template compiled into the binary is used.
//
// Escaping: the values a template sees are Markdown already — input strings
// were escaped when the context was built (write/plan/plan_context.h) — so the
// templates render with an escaper that changes nothing: {{x}} and {{{x}}}
// are the same, and neither can turn input text into markup.
#pragma once
#include <optional>
#include <string>

#include <kainjow/mustache.hpp>

#include "base/diagnostics.h"
#include "base/file_system.h"

namespace kyosei {

// "templates/plan/実施計画/01_趣旨・背景.md"
std::string plan_template_path(const std::string& draft, const std::string& file);

// Renders the template at path (see above for where it is read from) with
// the context. nullopt when it is missing or not valid Mustache; the
// problem is reported (an override: at its file in the inputs folder).
std::optional<std::string> render_plan_template(const std::string& path, const kainjow::mustache::data& context,
                                                const FileSystem* inputs, Diagnostics& diags);

}  // namespace kyosei
