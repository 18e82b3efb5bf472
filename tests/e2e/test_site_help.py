"""End-to-end tests of the resident-facing part of the site (issue 15),
Python stdlib only: the contact columns of services.csv (電話, FAX, 場所,
受付時間, 利用のしかた, URL, 相談窓口) through init, the Excel template and
import; 「困ったときの相談先」 by life situation (data/site/
help_situations.toml) with tel: links; the A4 leaflet per 圏域; the top page
and the service pages leading with what a resident needs; and the search
index carrying the variants of data/search/. Typed queries in chromium are
tests/browser/run_browser_tests.py."""
from __future__ import annotations

import csv
import html.parser
import io
import json
import re
import shutil
import sys
import tomllib
import unicodedata
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kyosei_test_support as kts  # noqa: E402

SRC = kts.source_dir()
INPUTS = SRC / "inputs"
SMALL = SRC / "examples" / "small-town"
WARD = SRC / "examples" / "ward-city"
CONTACT_COLUMNS = ["相談窓口", "電話", "FAX", "場所", "受付時間", "利用のしかた", "URL"]


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def read_csv(path: Path) -> list[dict]:
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [nfkc(h) for h in rows[0]]
    return [{h: (r[i] if i < len(r) else "").strip() for i, h in enumerate(header)} for r in rows[1:] if any(r)]


def multi(v: str) -> list[str]:
    return [p.strip() for p in re.split("[;；、]", v) if p.strip()]


def dial(number: str) -> str:
    """What a tel: link must hold: the digits (and "#" as %23)."""
    n = nfkc(number)
    return ("%23" if n.startswith("#") else "") + re.sub(r"\D", "", n)


class Html(html.parser.HTMLParser):
    """Per page: links (href, text), the ids of headings, the text of <main>
    in order, and for each <section id=…> the service links inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.main = [], []
        self.in_main = 0
        self.href = None
        self.text = ""
        self.section = None
        self.sections: dict[str, list[str]] = {}
        self.tables: list[tuple[str, list[str]]] = []  # caption, service links
        self.caption = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "main":
            self.in_main += 1
        if tag == "a":
            self.href, self.text = a.get("href"), ""
        if tag == "section" and a.get("aria-labelledby"):
            self.section = a["aria-labelledby"]
            self.sections[self.section] = []
        if tag == "caption":
            self.in_caption, self.caption = True, ""

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if tag == "a" and self.href is not None:
            self.links.append((self.href, self.text))
            if self.section and "services/" in self.href:
                self.sections[self.section].append(self.href)
            if self.tables and "services/" in self.href:
                self.tables[-1][1].append(self.href)
            self.href = None
        if tag == "section":
            self.section = None
        if tag == "caption":
            self.in_caption = False
            self.tables.append((self.caption, []))

    def handle_data(self, data):
        if self.href is not None:
            self.text += data
        if self.in_caption:
            self.caption += data
        if self.in_main:
            self.main.append(data)


def parse(path: Path) -> Html:
    p = Html()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def service_id(href: str) -> str:
    return href.rsplit("/", 1)[-1].removesuffix(".html")


def help_services(rows: list[dict]) -> list[dict]:
    public = [r for r in rows if r.get("公開", "する") != "しない"]
    with_contact = [r for r in public if r.get("相談窓口") or r.get("電話")]
    if with_contact:
        return with_contact
    return [r for r in public if "相談支援" in multi(r["機能"])]


def in_situation(row: dict, s: dict) -> bool:
    """The rule of data/site/help_situations.toml, written again here."""
    if row["分野"] in s.get("fields", []):
        return True
    if set(multi(row["機能"])) & set(s.get("functions", [])):
        return True
    if set(multi(row.get("重層区分", ""))) & set(s.get("jusou", [])):
        return True
    text = nfkc(row["事業名"] + "\n" + row.get("対象", "") + "\n" + row.get("相談窓口", ""))
    return any(nfkc(k) in text for k in s.get("keywords", []))


class HelpPages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = kts.temp_dir("kyosei-help-")
        cls.tmp = cls._tmp.__enter__()
        cls.sites = {}
        for ds in (INPUTS, SMALL, WARD):
            r = kts.run_kyosei("build", ds, "-o", cls.tmp / ds.name, "-q")
            if r.returncode != 0:
                raise AssertionError(f"build {ds} failed ({r.returncode}):\n{r.stderr}")
            cls.sites[ds] = cls.tmp / ds.name / "site"
        cls.situations = tomllib.loads((SRC / "data" / "site" / "help_situations.toml").read_text(encoding="utf-8"))["situation"]

    @classmethod
    def tearDownClass(cls):
        cls._tmp.__exit__(None, None, None)

    def test_inputs_and_examples_carry_contact_data(self):
        for ds in (INPUTS, SMALL):
            with self.subTest(dataset=ds.name):
                rows = read_csv(ds / "services.csv")
                self.assertTrue(all(c in rows[0] for c in CONTACT_COLUMNS))
                self.assertGreaterEqual(sum(1 for r in rows if r["電話"]), 5)

    def test_every_contact_is_listed_with_tel_links(self):
        for ds in (INPUTS, SMALL):
            with self.subTest(dataset=ds.name):
                site = self.sites[ds]
                page = parse(site / "help" / "index.html")
                listed = {service_id(h) for h, _ in page.links if "services/" in h}
                tels = {(h, t) for h, t in page.links if h.startswith("tel:")}
                for row in help_services(read_csv(ds / "services.csv")):
                    self.assertIn(row["ID"], listed)
                    for number in multi(row["電話"]):
                        self.assertIn(("tel:" + dial(number), nfkc(number)), tels)
                # Every tel: link dials digits only.
                for href, _ in tels:
                    self.assertRegex(href, r"^tel:(%23)?\d{3,11}$")

    def test_situations_follow_the_data_file(self):
        rows = help_services(read_csv(INPUTS / "services.csv"))
        page = parse(self.sites[INPUTS] / "help" / "index.html")
        placed = set()
        for s in self.situations:
            expect = [r["ID"] for r in rows if in_situation(r, s)]
            if s is self.situations[-1]:
                expect += [r["ID"] for r in rows if not any(in_situation(r, o) for o in self.situations)]
            placed.update(expect)
            with self.subTest(situation=s["title"]):
                got = [service_id(h) for h in page.sections.get(s["id"], [])]
                self.assertEqual(sorted(set(got)), sorted(set(expect)))
        self.assertEqual(placed, {r["ID"] for r in rows})
        # The headings residents look for are there, in the order of the file.
        main = "".join(page.main)
        self.assertEqual(list(page.sections), [s["id"] for s in self.situations if page.sections.get(s["id"])])
        for title in ("子育て", "介護", "障害", "生活・お金", "ひきこもり", "住まい"):
            self.assertIn(title, main)
        self.assertIn("119番", main)

    def test_one_leaflet_per_area_with_the_services_there(self):
        site = self.sites[INPUTS]
        areas = read_csv(INPUTS / "areas.csv")
        rows = {r["ID"]: r for r in help_services(read_csv(INPUTS / "services.csv"))}
        index_links = {h for h, _ in parse(site / "help" / "index.html").links}
        parent = {a["ID"]: a["上位圏域"] for a in areas}

        def family(area):
            up, a = set(), area
            while a:
                up.add(a)
                a = parent.get(a, "")
            down = {x for x in parent if area in self_and_up(x)}
            return up | down

        def self_and_up(a):
            out = set()
            while a:
                out.add(a)
                a = parent.get(a, "")
            return out

        for area in areas:
            with self.subTest(area=area["ID"]):
                path = site / "help" / (area["ID"] + ".html")
                self.assertIn(area["ID"] + ".html", index_links)
                page = parse(path)
                got = {service_id(h) for _, links in page.tables for h in links}
                expect = {i for i, r in rows.items() if not multi(r["圏域"]) or set(multi(r["圏域"])) & family(area["ID"])}
                self.assertEqual(got, expect)
                # Each 相談先 once on a leaflet (paper is short).
                all_links = [h for _, links in page.tables for h in links]
                self.assertEqual(len(all_links), len(set(all_links)))
                text = path.read_text(encoding="utf-8")
                self.assertIn('class="leaflet"', text)
        # S015 (A20;A40) is on the 中部 leaflet and its 小学校区, not on 北部.
        self.assertIn("S015", {service_id(h) for _, l in parse(site / "help" / "A21.html").tables for h in l})
        self.assertNotIn("S015", {service_id(h) for _, l in parse(site / "help" / "A10.html").tables for h in l})
        css = (site / "assets" / "style.css").read_text(encoding="utf-8")
        self.assertRegex(css, r"@media print \{\s*/\*[^*]*\*/\s*@page \{\s*size: A4;")

    def test_top_page_leads_with_help(self):
        page = parse(self.sites[INPUTS] / "index.html")
        main = "".join(page.main)
        self.assertLess(main.index("困ったときの相談先"), main.index("主な数値"))
        situation_links = [h for h, _ in page.links if h.startswith("help/index.html#")]
        self.assertGreaterEqual(len(situation_links), 6)
        # The menu leads to it from every page.
        self.assertIn(("../help/index.html", "困ったときの相談先"),
                      parse(self.sites[INPUTS] / "services" / "S001.html").links)

    def test_service_page_puts_the_contact_first(self):
        rows = {r["ID"]: r for r in read_csv(INPUTS / "services.csv")}
        for sid in ("S021", "S035", "S016"):
            with self.subTest(service=sid):
                row = rows[sid]
                page = parse(self.sites[INPUTS] / "services" / f"{sid}.html")
                main = "".join(page.main)
                contact = main.index("相談・利用の窓口")
                self.assertLess(contact, main.index("概要") if "概要" in main else len(main))
                self.assertLess(contact, main.index("計画での位置づけ"))
                self.assertLess(main.index(row["受付時間"]), main.index("重層的支援体制整備事業の区分"))
                for number in multi(row["電話"]):
                    self.assertIn(("tel:" + dial(number), nfkc(number)), page.links)
                if row["URL"]:
                    self.assertIn((row["URL"], row["URL"]), page.links)

    def test_dataset_without_contact_columns_lists_consultation_services(self):
        rows = read_csv(WARD / "services.csv")
        self.assertNotIn("電話", rows[0])
        page = parse(self.sites[WARD] / "help" / "index.html")
        listed = {service_id(h) for h, _ in page.links if re.search(r"services/S[^/]*\.html$", h)}
        self.assertEqual(listed, {r["ID"] for r in help_services(rows)})
        self.assertTrue(listed)

    def test_search_index_carries_variants_and_page_text(self):
        js = (self.sites[INPUTS] / "assets" / "search-index.js").read_text(encoding="utf-8")
        body = js[js.index("=") + 1:].rstrip().rstrip(";")
        index = json.loads(body)
        self.assertEqual(index["v"], 2)
        variants = dict(map(tuple, index["variants"]))
        self.assertEqual(variants["子供"], "子ドモ")
        self.assertEqual(variants["ソウダン"], "相談")
        self.assertEqual(variants["障ガイ"], "障害")
        lengths = [len(f) for f, _ in index["variants"]]
        self.assertEqual(lengths, sorted(lengths, reverse=True))
        help_page = next(p for p in index["pages"] if p[0] == "help/index.html")
        self.assertIn("相談先", help_page[4])
        self.assertLessEqual(max(len(p[4]) for p in index["pages"]), 601)


class ContactColumnsThroughTheWorkflow(unittest.TestCase):
    def test_init_template_and_import_keep_contact_columns(self):
        with kts.temp_dir("kyosei-help-wf-") as tmp:
            tmp = Path(tmp)
            r = kts.run_kyosei("init", tmp / "new")
            self.assertEqual(r.returncode, 0, r.stderr)
            header = read_csv(tmp / "new" / "services.csv")[0]
            for c in CONTACT_COLUMNS:
                self.assertIn(c, header)
            self.assertEqual(kts.run_kyosei("check", tmp / "new").returncode, 0)

            r = kts.run_kyosei("template", "-o", tmp / "様式.xlsx", INPUTS)
            self.assertEqual(r.returncode, 0, r.stderr)
            shutil.copytree(INPUTS / "documents", tmp / "back" / "documents")  # the PDFs are not in the workbook
            r = kts.run_kyosei("import", tmp / "様式.xlsx", "-o", tmp / "back")
            self.assertEqual(r.returncode, 0, r.stderr)
            original = {r["ID"]: r for r in read_csv(INPUTS / "services.csv")}
            back = {r["ID"]: r for r in read_csv(tmp / "back" / "services.csv")}
            self.assertEqual(set(back), set(original))
            for sid, row in original.items():
                for c in CONTACT_COLUMNS:
                    self.assertEqual(nfkc(back[sid].get(c, "")), nfkc(row[c]), f"{sid} {c}")

    def test_contract_documents_the_columns(self):
        doc = (SRC / "docs" / "inputs.md").read_text(encoding="utf-8")
        for c in CONTACT_COLUMNS:
            self.assertIn(c, doc)
        self.assertIn("電話番号", doc)


if __name__ == "__main__":
    unittest.main()
