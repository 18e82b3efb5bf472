#include "write/plan/plan_template.h"

#include "base/resources.h"

namespace kyosei {

namespace mstch = kainjow::mustache;

std::string plan_template_path(const std::string& draft, const std::string& file) {
  return "templates/plan/" + draft + "/" + file + ".md";
}

std::optional<std::string> render_plan_template(const std::string& path, const mstch::data& context,
                                                const FileSystem* inputs, Diagnostics& diags) {
  std::string text;
  bool overridden = false;
  if (inputs && inputs->exists(path)) {
    auto bytes = inputs->read(path);
    if (!bytes) {
      diags.error({path, 0, ""}, "ひな形を読めません", "読み取りできる UTF-8 の Markdown ファイル");
      return std::nullopt;
    }
    text = *bytes;
    // A BOM from a Windows editor is not part of the template.
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    overridden = true;
  } else if (auto embedded = resource(path)) {
    text = std::string(*embedded);
  } else {
    diags.error({path, 0, ""}, "ひな形 " + path + " がありません（kyosei の不具合です）");
    return std::nullopt;
  }
  mstch::mustache tmpl{text};
  if (!tmpl.is_valid()) {
    diags.error({path, 0, ""}, "ひな形の Mustache の書き方に誤りがあります（" + tmpl.error_message() + "）",
                overridden ? "{{ と }} の対応、{{#名前}} と {{/名前}} の対応を確かめてください（templates/README.md）"
                           : "kyosei の不具合です");
    return std::nullopt;
  }
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = tmpl.render(context);
  if (!tmpl.is_valid()) {
    diags.error({path, 0, ""}, "ひな形を展開できません（" + tmpl.error_message() + "）",
                "templates/README.md の書き方に沿ったひな形");
    return std::nullopt;
  }
  return out;
}

}  // namespace kyosei
