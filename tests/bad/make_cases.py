#!/usr/bin/env python3
"""Writes the one-cell cases 100-… of the bad-input corpus from the table
below: each takes one file of base/, puts one wrong value into one cell (or
one TOML key), and expects exactly one diagnostic at that place with text
from the contract (shared/spec/inputs.md). Run it again after editing the
table; it rewrites only the folders it owns (those with .generated).

    python3 tests/bad/make_cases.py
"""
from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

BAD = Path(__file__).resolve().parent
BASE = BAD / "base"
FIRST = 100

# (case name, file, row ID (first column) or None, column, value, severity, message text)
CELLS = [
    # services.csv: money
    ("yen-man", "services.csv", "S01", "事業費", "12万", "エラー", "金額として読めません"),
    ("yen-negative", "services.csv", "S01", "事業費", "-1", "エラー", "金額として読めません"),
    ("yen-decimal", "services.csv", "S01", "事業費", "1500.5", "エラー", "金額として読めません"),
    ("yen-bad-commas", "services.csv", "S01", "事業費", "1,00", "エラー", "金額として読めません"),
    ("yen-letters", "services.csv", "S03", "事業費", "abc", "エラー", "金額として読めません"),
    ("yen-int64-overflow", "services.csv", "S03", "事業費", "99999999999999999999", "エラー", "金額として読めません"),
    ("yen-over-limit", "services.csv", "S03", "事業費", "10000000000000", "エラー", "大きすぎます"),
    ("yen-exponent", "services.csv", "S05", "事業費", "1e6", "エラー", "金額として読めません"),
    ("yen-nan", "services.csv", "S05", "事業費", "nan", "エラー", "金額として読めません"),
    ("yen-inf", "services.csv", "S05", "事業費", "inf", "エラー", "金額として読めません"),
    ("yen-hex", "services.csv", "S01", "事業費", "0x10", "エラー", "金額として読めません"),
    ("yen-fullwidth-man", "services.csv", "S01", "事業費", "１２万円", "エラー", "金額として読めません"),
    ("yen-formula", "services.csv", "S01", "事業費", "=1+1", "エラー", "金額として読めません"),
    ("anbun-amount-letters", "services.csv", "S02", "按分", "1ニ:abc;5:4000000", "エラー", "「重層区分:金額」として読めません"),
    ("anbun-no-amount", "services.csv", "S02", "按分", "1ニ:;5:4000000", "エラー", "「重層区分:金額」として読めません"),
    ("anbun-over-limit", "services.csv", "S02", "按分", "1ニ:10000000000000;5:4000000", "エラー", "大きすぎます"),
    ("anbun-int64-overflow", "services.csv", "S02", "按分", "1ニ:9223372036854775807;5:1", "エラー", "「重層区分:金額」として読めません"),
    ("anbun-sum-large", "services.csv", "S02", "按分", "1ニ:9000000000000;5:9000000000000", "エラー", "一致しません"),
    ("anbun-unknown-code", "services.csv", "S02", "按分", "9ホ:6000000;5:4000000", "エラー", "重層区分のキーではありません"),
    ("anbun-code-not-on-row", "services.csv", "S02", "按分", "1ニ:6000000;1イ:4000000", "エラー", "この事業の重層区分にありません"),
    # services.csv: integers, years, vocabularies, references
    ("sites-letters", "services.csv", "S01", "拠点数", "abc", "エラー", "整数として読めません"),
    ("sites-decimal", "services.csv", "S01", "拠点数", "1.5", "エラー", "整数として読めません"),
    ("sites-with-unit", "services.csv", "S01", "拠点数", "2か所", "エラー", "整数として読めません"),
    ("sites-int64-overflow", "services.csv", "S01", "拠点数", "99999999999999999999", "エラー", "整数として読めません"),
    ("sites-nan", "services.csv", "S01", "拠点数", "nan", "エラー", "整数として読めません"),
    ("start-year-letters", "services.csv", "S01", "開始年度", "むかし", "エラー", "年度"),
    ("start-year-r0", "services.csv", "S01", "開始年度", "R0", "エラー", "年度"),
    ("start-year-showa-100", "services.csv", "S01", "開始年度", "昭和100年度", "エラー", "年度"),
    ("start-year-2200", "services.csv", "S01", "開始年度", "2200", "エラー", "年度"),
    ("start-year-heisei-32", "services.csv", "S01", "開始年度", "平成32年度", "エラー", "年度"),
    ("field-unknown", "services.csv", "S01", "分野", "介護", "エラー", "使えない値です"),
    ("field-two-values", "services.csv", "S01", "分野", "高齢;障害", "エラー", "使えない値です"),
    ("function-unknown", "services.csv", "S01", "機能", "相談支援;見守り", "エラー", "使えない値です"),
    ("jusou-unknown", "services.csv", "S03", "重層区分", "3ホ", "エラー", "使えない値です"),
    ("method-unknown", "services.csv", "S01", "実施方法", "外注", "エラー", "使えない値です"),
    ("public-unknown", "services.csv", "S01", "公開", "たぶん", "エラー", "使えない値です"),
    ("area-unknown", "services.csv", "S03", "圏域", "T10;T99", "エラー", "T99"),
    ("service-id-space", "services.csv", "S04", "ID", "S 04", "エラー", "IDとして使えません"),
    ("service-id-japanese", "services.csv", "S04", "ID", "事業4", "エラー", "IDとして使えません"),
    ("service-id-slash", "services.csv", "S04", "ID", "S/04", "エラー", "IDとして使えません"),
    ("service-id-dot-dot", "services.csv", "S04", "ID", "..", "エラー", "IDとして使えません"),
    ("service-name-empty", "services.csv", "S04", "事業名", "", "エラー", "必須"),
    ("service-name-only-space", "services.csv", "S04", "事業名", "\u3000 ", "エラー", "必須"),
    ("service-name-nul", "services.csv", "S04", "事業名", "障害者\x00相談", "エラー", "NUL"),
    ("service-name-too-long", "services.csv", "S04", "事業名", "あ" * 32768, "エラー", "32,767"),
    ("service-summary-too-long", "services.csv", "S01", "概要", "い" * 40000, "エラー", "32,767"),
    # areas.csv
    ("area-layer-zero", "areas.csv", "T10", "層", "0", "エラー", "使えない値です"),
    ("area-layer-letters", "areas.csv", "T10", "層", "二", "エラー", "使えない値です"),
    ("area-population-negative", "areas.csv", "T10", "人口", "-5", "エラー", "範囲外"),
    ("area-population-decimal", "areas.csv", "T10", "人口", "7000.5", "エラー", "整数として読めません"),
    ("area-aging-over-100", "areas.csv", "T10", "高齢化率", "101", "エラー", "範囲外"),
    ("area-aging-negative", "areas.csv", "T10", "高齢化率", "-0.1", "エラー", "範囲外"),
    ("area-aging-nan", "areas.csv", "T10", "高齢化率", "nan", "エラー", "数値として読めません"),
    ("area-aging-inf", "areas.csv", "T10", "高齢化率", "inf", "エラー", "数値として読めません"),
    ("area-aging-letters", "areas.csv", "T11", "高齢化率", "高い", "エラー", "数値として読めません"),
    ("area-aging-two-dots", "areas.csv", "T11", "高齢化率", "30.5.1", "エラー", "数値として読めません"),
    ("area-parent-unknown", "areas.csv", "T11", "上位圏域", "T99", "エラー", "T99"),
    ("area-name-empty", "areas.csv", "T11", "名称", "", "エラー", "必須"),
    ("area-population-letters", "areas.csv", "T11", "人口", "多い", "エラー", "整数として読めません"),
    # staff.csv
    ("staff-share-letters", "staff.csv", "P01", "配分", "0.6;abc", "エラー", "数値として読めません"),
    ("staff-share-nan", "staff.csv", "P01", "配分", "nan;0.4", "エラー", "数値として読めません"),
    ("staff-share-negative", "staff.csv", "P03", "配分", "-0.5;0.5", "エラー", "範囲外"),
    ("staff-fte-over", "staff.csv", "P02", "常勤換算", "1.5", "エラー", "範囲外"),
    ("staff-fte-nan", "staff.csv", "P02", "常勤換算", "nan", "エラー", "数値として読めません"),
    ("staff-fte-inf", "staff.csv", "P02", "常勤換算", "inf", "エラー", "数値として読めません"),
    ("staff-fte-letters", "staff.csv", "P02", "常勤換算", "常勤", "エラー", "数値として読めません"),
    ("staff-month-13", "staff.csv", "P01", "着任年月", "2023-13", "エラー", "年月として読めません"),
    ("staff-month-letters", "staff.csv", "P01", "着任年月", "去年", "エラー", "年月として読めません"),
    ("staff-month-r0", "staff.csv", "P02", "着任年月", "R0.4", "エラー", "年月として読めません"),
    ("staff-area-unknown", "staff.csv", "P03", "担当圏域", "T99", "エラー", "T99"),
    ("staff-service-unknown", "staff.csv", "P03", "担当事業", "S99", "エラー", "S99"),
    ("staff-org-type-unknown", "staff.csv", "P03", "所属区分", "NPO", "エラー", "使えない値です"),
    ("staff-id-space", "staff.csv", "P03", "ID", "P 03", "エラー", "IDとして使えません"),
    # meetings.csv
    ("meeting-kind-unknown", "meetings.csv", "M03", "種別", "勉強会", "エラー", "使えない値です"),
    ("meeting-form-unknown", "meetings.csv", "M03", "開催形態", "不定期", "エラー", "使えない値です"),
    ("meeting-confidential-unknown", "meetings.csv", "M02", "守秘義務", "たぶん", "エラー", "使えない値です"),
    ("meeting-planned-negative", "meetings.csv", "M01", "予定回数", "-1", "エラー", "範囲外"),
    ("meeting-planned-letters", "meetings.csv", "M01", "予定回数", "毎月", "エラー", "整数として読めません"),
    ("meeting-area-unknown", "meetings.csv", "M03", "圏域", "T99", "エラー", "T99"),
    ("meeting-name-empty", "meetings.csv", "M03", "会議名", "", "エラー", "必須"),
    # meeting_sessions.csv (rows have no ID: the row is given by its 1-based data index)
    ("session-meeting-unknown", "meeting_sessions.csv", 2, "会議ID", "M99", "エラー", "M99"),
    ("session-date-feb-30", "meeting_sessions.csv", 2, "開催日", "2026-02-30", "エラー", "日付として読めません"),
    ("session-date-letters", "meeting_sessions.csv", 2, "開催日", "来週", "エラー", "日付として読めません"),
    ("session-date-month-13", "meeting_sessions.csv", 2, "開催日", "令和8年13月1日", "エラー", "日付として読めません"),
    ("session-date-empty", "meeting_sessions.csv", 2, "開催日", "", "エラー", "必須"),
    ("session-date-year-3000", "meeting_sessions.csv", 2, "開催日", "3000-01-01", "エラー", "日付として読めません"),
    ("session-attendees-negative", "meeting_sessions.csv", 2, "出席者数", "-3", "エラー", "範囲外"),
    ("session-attendees-letters", "meeting_sessions.csv", 2, "出席者数", "多数", "エラー", "整数として読めません"),
    ("session-cases-decimal", "meeting_sessions.csv", 2, "検討事例数", "1.5", "エラー", "整数として読めません"),
    ("session-pdf-parent", "meeting_sessions.csv", 1, "資料", "../第1回会議資料.pdf", "エラー", "外を指しています"),
    ("session-pdf-deep-parent", "meeting_sessions.csv", 1, "資料", "a/../../x.pdf", "エラー", "外を指しています"),
    ("session-pdf-absolute", "meeting_sessions.csv", 1, "資料", "/etc/passwd.pdf", "エラー", "外を指しています"),
    ("session-pdf-drive", "meeting_sessions.csv", 1, "資料", "C:\\資料\\x.pdf", "エラー", "外を指しています"),
    ("session-pdf-txt", "meeting_sessions.csv", 1, "資料", "第1回会議資料.txt", "エラー", "PDF ではありません"),
    ("session-pdf-missing", "meeting_sessions.csv", 4, "資料", "ない資料.pdf", "エラー", "見つかりません"),
    ("session-pdf-double-slash", "meeting_sessions.csv", 4, "資料", "a//b.pdf", "エラー", "外を指しています"),
    # indicators.csv
    ("indicator-base-year-letters", "indicators.csv", "K01", "基準年度", "昨年", "エラー", "年度"),
    ("indicator-base-value-letters", "indicators.csv", "K01", "基準値", "三", "エラー", "数値として読めません"),
    ("indicator-base-value-nan", "indicators.csv", "K01", "基準値", "NaN", "エラー", "数値として読めません"),
    ("indicator-target-inf", "indicators.csv", "K01", "目標値", "Infinity", "エラー", "数値として読めません"),
    ("indicator-result-no-colon", "indicators.csv", "K01", "実績", "2025", "エラー", "「年度:値」として読めません"),
    ("indicator-result-bad-value", "indicators.csv", "K01", "実績", "2025:abc", "エラー", "「年度:値」として読めません"),
    ("indicator-result-bad-year", "indicators.csv", "K01", "実績", "去年:5", "エラー", "「年度:値」として読めません"),
    ("indicator-result-nan", "indicators.csv", "K01", "実績", "2025:nan", "エラー", "「年度:値」として読めません"),
    ("indicator-direction-unknown", "indicators.csv", "K02", "向き", "上昇", "エラー", "使えない値です"),
    ("indicator-category-unknown", "indicators.csv", "K02", "区分", "その他の区分", "エラー", "使えない値です"),
    # assessment.csv
    ("assessment-level-4", "assessment.csv", "A1", "評価", "4", "エラー", "使えない値です"),
    ("assessment-level-negative", "assessment.csv", "A1", "評価", "-1", "エラー", "使えない値です"),
    ("assessment-level-letters", "assessment.csv", "A1", "評価", "よい", "エラー", "使えない値です"),
]

# (case name, key line to replace (regex), new line, line, column, message text)
TOML = [
    ("toml-aging-nan", r"^aging_rate = .*$", "aging_rate = nan", 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-aging-inf", r"^aging_rate = .*$", "aging_rate = inf", 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-aging-minus-inf", r"^aging_rate = .*$", "aging_rate = -inf", 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-aging-string-nan", r"^aging_rate = .*$", 'aging_rate = "nan"', 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-aging-over-100", r"^aging_rate = .*$", "aging_rate = 100.5", 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-aging-negative", r"^aging_rate = .*$", "aging_rate = -1", 7, "aging_rate", "数値として読めないか範囲外です"),
    ("toml-population-negative", r"^population = .*$", "population = -1", 6, "population", "人口として読めません"),
    ("toml-population-string", r"^population = .*$", 'population = "たくさん"', 6, "population", "人口として読めません"),
    ("toml-population-float", r"^population = .*$", "population = 12000.5", 6, "population", "人口として読めません"),
    ("toml-fiscal-year-r99", r"^fiscal_year = .*$", 'fiscal_year = "R99"', 5, "fiscal_year", "年度として読めません"),
    ("toml-fiscal-year-bool", r"^fiscal_year = .*$", "fiscal_year = true", 5, "fiscal_year", "年度として読めません"),
    ("toml-code-five-digits", r"^code = .*$", 'code = "99999"', 3, "code", "全国地方公共団体コードとして正しくありません"),
    ("toml-code-letters", r"^code = .*$", 'code = "abcdef"', 3, "code", "全国地方公共団体コードとして正しくありません"),
    ("toml-jusou-status-unknown", r"^jusou_status = .*$", 'jusou_status = "一部実施"', 9, "jusou_status", "使えない値です"),
    ("toml-welfare-office-string", r"^welfare_office = .*$", 'welfare_office = "yes"', 8, "welfare_office", "true / false ではありません"),
    ("toml-name-number", r"^name = .*$", "name = 42", 2, "name", "文字列ではありません"),
    ("toml-name-empty", r"^name = .*$", 'name = ""', 2, "name", "値が空です"),
    ("toml-duplicate-key", r"^prefecture = .*$", 'prefecture = "架空県"\nprefecture = "別の県"', 5, "prefecture", "2回書かれています"),
    ("toml-unterminated-string", r"^prefecture = .*$", 'prefecture = "架空県', 4, "prefecture", "TOML として読めません"),
    ("toml-bare-value", r"^prefecture = .*$", "prefecture = 架空県", 4, "prefecture", "TOML として読めません"),
    ("toml-bad-escape", r"^prefecture = .*$", 'prefecture = "架空\\q県"', 4, "prefecture", "TOML として読めません"),
    ("toml-plan-start-letters", r"^start_year = .*$", 'start_year = "来年"', 14, "plan.start_year", "年度として読めません"),
    ("toml-site-url-javascript", r"^base_url = .*$", 'base_url = "javascript:alert(1)"', 19, "site.base_url", "URL ではありません"),
]


def read_records(path: Path) -> tuple[list[list[str]], list[int]]:
    """Records and the physical line where each starts."""
    text = path.read_text(encoding="utf-8")
    records = list(csv.reader(io.StringIO(text, newline="")))
    starts, line = [], 1
    for r in records:
        starts.append(line)
        line += 1 + sum(f.count("\n") for f in r)
    return records, starts


def write_records(records: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    return out.getvalue()


def make_cell_case(folder: Path, file: str, row, column: str, value: str, severity: str, message: str):
    records, _ = read_records(BASE / file)
    header = records[0]
    c = header.index(column)
    if isinstance(row, int):
        r = row
    else:
        r = next(i for i, rec in enumerate(records) if i > 0 and rec and rec[0] == row)
    records[r][c] = value
    text = write_records(records)
    (folder / file).write_text(text, encoding="utf-8", newline="")
    # The line where the record starts, in the file as written.
    _, starts = read_records(folder / file)
    line = starts[r]
    (folder / "expected.txt").write_text(f"{file}:{line}:{column}: {severity}: {message}\n", encoding="utf-8")


def make_toml_case(folder: Path, pattern: str, replacement: str, line: int, key: str, message: str):
    text = (BASE / "municipality.toml").read_text(encoding="utf-8")
    new, n = re.subn(pattern, replacement.replace("\\", "\\\\"), text, count=1, flags=re.M)
    assert n == 1, pattern
    (folder / "municipality.toml").write_text(new, encoding="utf-8")
    (folder / "expected.txt").write_text(f"municipality.toml:{line}:{key}: エラー: {message}\n", encoding="utf-8")


def main():
    for old in BAD.iterdir():
        if old.is_dir() and (old / ".generated").exists():
            shutil.rmtree(old)
    number = FIRST
    for name, *rest in CELLS:
        folder = BAD / f"{number:03d}-{name}"
        folder.mkdir()
        (folder / ".generated").write_text("tests/bad/make_cases.py\n", encoding="utf-8")
        make_cell_case(folder, *rest)
        number += 1
    for name, *rest in TOML:
        folder = BAD / f"{number:03d}-{name}"
        folder.mkdir()
        (folder / ".generated").write_text("tests/bad/make_cases.py\n", encoding="utf-8")
        make_toml_case(folder, *rest)
        number += 1
    print(f"wrote cases {FIRST:03d}-{number - 1:03d}")


if __name__ == "__main__":
    main()
