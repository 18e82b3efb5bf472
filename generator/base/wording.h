// Words every output uses for the same situation, in one place, so that the
// plan drafts, the workbooks, the CSV files and the public site say the same
// thing the same way. (Wording that belongs to one output stays with it.)
#pragma once

namespace kyosei {

// A value the inputs do not give: shown as 「未把握」, never as 0 or blank.
inline constexpr const char* kUnknown = "未把握";
// A service or meeting without 圏域 covers the whole municipality.
inline constexpr const char* kWholeArea = "全域";
// 実施方法 of a service the municipality runs itself (data/schema.toml).
inline constexpr const char* kDirectlyRun = "直営";
// A service that is part of none of the 重層事業 components.
inline constexpr const char* kNotApplicable = "該当なし";
// A meeting body without any session row (not 「0回」).
inline constexpr const char* kSessionsUnknown = "開催実績未把握";
// The 層1 area: the whole municipality (areas.csv 層 = 1).
inline constexpr const char* kTopLayer = "層1（市町村全域）";

}  // namespace kyosei
