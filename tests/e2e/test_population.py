"""End-to-end: kyosei import-population (issue 11 §8) on a 「地域・年齢別人口」
CSV laid out as municipalities publish the 自治体標準オープンデータセット:
全国地方公共団体コード, 地域コード, 地方公共団体名, 調査年月日, 地域名, 総人口,
男性, 女性, then 5-year bands per sex (「0-4歳の男性」 … 「85歳以上の女性」),
世帯数, 備考 — one row per 町丁字, two 調査年月日 in one file.

The 町丁字 are mapped to the 地区 of inputs/areas.csv by a --map table; the
test recomputes every 圏域's 人口 and 高齢化率 from the CSV (地区 = their
町丁字, 圏域 = their 地区, 全域 = its 圏域) and compares the written
areas.csv. UTF-8 (BOM) and CP932 files give the same result; errors in the
table and in the data name file:line:column in Japanese, exit 2, and write
nothing.
"""
import csv
import io
import random
import unittest
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir, temp_dir
from test_build_outputs import read_csv

SRC = source_dir()
INPUTS = SRC / "inputs"
BANDS = [f"{a}-{a + 4}歳" for a in range(0, 85, 5)] + ["85歳以上"]
HEADER = (["全国地方公共団体コード", "地域コード", "地方公共団体名", "調査年月日", "地域名", "総人口", "男性", "女性"]
          + [f"{b}の{s}" for b in BANDS for s in ("男性", "女性")] + ["世帯数", "備考"])
OLD, NEW = "2024-01-01", "2025-01-01"


def towns_of(areas):
    """Three 町丁字 per 地区 (層3), named after it: 「北山一丁目」…"""
    out = []
    for a in areas:
        if a["層"] == "3":
            stem = a["名称"].replace("小学校区", "")
            for n, kanji in enumerate(("一", "二", "三"), start=1):
                out.append((f"{a['ID']}{n:02d}", f"{stem}{kanji}丁目", a["ID"]))
    return out


def population_rows(towns, seed=11):
    """Rows of both dates; the 2024 rows differ, so using them would show."""
    rng = random.Random(seed)
    rows, truth = [], {}
    for date in (OLD, NEW):
        for code, name, _ in towns:
            counts = {(b, s): rng.randint(0, 160) for b in BANDS for s in ("男性", "女性")}
            male = sum(v for (b, s), v in counts.items() if s == "男性")
            female = sum(v for (b, s), v in counts.items() if s == "女性")
            aged = sum(v for (b, s), v in counts.items() if int(b.split("-")[0].rstrip("歳以上")) >= 65)
            if date == NEW:
                truth[code] = (male + female, aged)
            rows.append(["999997", code, "架空市", date, name, f"{male + female:,}", str(male), str(female)]
                        + [str(counts[(b, s)]) for b in BANDS for s in ("男性", "女性")] + [str(rng.randint(50, 900)), ""])
    # A 町丁字 the table does not list (reported, not counted).
    rows.append(["999997", "ZZ001", "架空市", NEW, "港湾区域", "12", "7", "5"] + ["0"] * (2 * len(BANDS) - 2) + ["7", "5", "3", ""])
    return rows, truth


def write_csv(path: Path, rows, encoding):
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def rate(aged, total):
    return Decimal(aged * 100) / Decimal(total)


class ImportPopulation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.areas = read_csv(INPUTS / "areas.csv")
        cls.towns = towns_of(cls.areas)
        cls.rows, cls.truth = population_rows(cls.towns)

    def expected(self):
        """ID -> (人口, 高齢化率 text), computed here from the CSV rows."""
        by_area = {}
        for code, _, area in self.towns:
            t, a = self.truth[code]
            p = by_area.setdefault(area, [0, 0])
            p[0] += t
            p[1] += a
        for layer in ("2", "1"):
            for a in self.areas:
                if a["層"] != layer:
                    continue
                children = [c["ID"] for c in self.areas if c["上位圏域"] == a["ID"]]
                if children and all(c in by_area for c in children):
                    by_area[a["ID"]] = [sum(by_area[c][0] for c in children), sum(by_area[c][1] for c in children)]
        return {k: (t, str(rate(a, t).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))) for k, (t, a) in by_area.items()}

    def run_import(self, tmp: Path, encoding: str, mapping_rows=None, rows=None):
        pop = tmp / f"地域・年齢別人口_{encoding}.csv"
        write_csv(pop, [HEADER] + (rows or self.rows), encoding)
        table = tmp / f"町丁字と圏域_{encoding}.csv"
        write_csv(table, mapping_rows or [["町丁字", "圏域"]] + [[n, a] for _, n, a in self.towns], encoding)
        out = tmp / f"areas_{encoding}.csv"
        r = run_kyosei("import-population", str(pop), str(INPUTS), "--map", str(table), "-o", str(out))
        return r, out

    def test_standard_layout_mapped_to_areas(self):
        with temp_dir() as tmp:
            results = {}
            for encoding in ("utf-8-sig", "cp932"):
                r, out = self.run_import(Path(tmp), encoding)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("調査年月日が2つあります。最新の令和7年1月1日の行だけを使いました", r.stdout)
                self.assertIn(f"令和6年1月1日の {len(self.towns)} 行は使っていません", r.stdout)
                self.assertIn("どの圏域とも一致しなかった地域が 1 件", r.stdout)
                self.assertIn("港湾区域", r.stdout)
                results[encoding] = out.read_bytes()
                written = {a["ID"]: a for a in read_csv(out)}
                expected = self.expected()
                self.assertEqual(len(expected), len(self.areas))  # every 圏域 filled, 全域 included
                for area_id, (total, aging) in expected.items():
                    self.assertEqual(written[area_id]["人口"], str(total), area_id)
                    self.assertEqual(written[area_id]["高齢化率"], aging, area_id)
                self.assertIn("町丁字の対応表で3町丁字の合計", r.stdout)
            self.assertEqual(results["utf-8-sig"], results["cp932"], "same areas.csv from either encoding")

    def test_mapping_errors_name_file_line_column(self):
        with temp_dir() as tmp:
            mapping = [["町丁字", "圏域"]] + [[n, a] for _, n, a in self.towns]
            mapping[3][1] = "A99"                      # line 4: no such 圏域
            mapping.append([mapping[1][0], "A12"])     # same 町丁字, another 圏域
            r, out = self.run_import(Path(tmp), "cp932", mapping_rows=mapping)
            self.assertEqual(r.returncode, 2, r.stdout)
            self.assertIn("町丁字と圏域_cp932.csv:4:圏域: エラー: 圏域「A99」は areas.csv にありません", r.stderr)
            self.assertIn(f"町丁字と圏域_cp932.csv:{len(mapping)}:町丁字: エラー: 町丁字「{mapping[1][0]}」は 2行目で圏域", r.stderr)
            self.assertFalse(out.exists(), "nothing written on error")

    def test_bad_date_and_count_name_file_line_column(self):
        rows = [list(r) for r in self.rows]
        rows[4][3] = "令和7年13月1日"
        latest = len(self.towns) + 2  # a row of the latest date (older rows are not read)
        rows[latest][HEADER.index("65-69歳の女性")] = "十二"
        with temp_dir() as tmp:
            r, out = self.run_import(Path(tmp), "utf-8-sig", rows=rows)
            self.assertEqual(r.returncode, 2, r.stdout)
            self.assertIn("地域・年齢別人口_utf-8-sig.csv:6:調査年月日: エラー: 調査年月日として読めません", r.stderr)
            self.assertFalse(out.exists())
            rows[4][3] = OLD
            r, out = self.run_import(Path(tmp), "utf-8-sig", rows=rows)
            self.assertEqual(r.returncode, 2, r.stdout)
            self.assertIn(f"地域・年齢別人口_utf-8-sig.csv:{latest + 2}:65-69歳の女性: エラー: 人数として読めません", r.stderr)
            self.assertFalse(out.exists())


if __name__ == "__main__":
    unittest.main()
