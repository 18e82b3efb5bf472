"""End-to-end: no internal text in anything a council or a resident gets.
Builds every dataset of inputs/ and examples/ and scans every output meant
for them: the public site (visible text and attribute values), the plan
drafts (.md, .html, .docx), the council workbook (its shared strings and
page headers) and the CSV export. None may hold
- the file name of a source extract (「004_1bf5….txt L670」): sources are
  cited as documents;
- unverified wording (「（文言未確認）」) or an unmarked placeholder
  (「（計画名を記入）」);
- a finding's rule code (FND-…), a path of kyosei's reference data
  (data/…), an input's file name (staff.csv …) or an instruction to
  developers (「verified 列を Y に」).
The self-assessment working files (自己点検シート.xlsx, 自己点検レポート) are
for staff and may name inputs, but not extracts, rule codes or data paths.
The officer's notes that name a narrative/ file (「（差し替え: narrative/理念.md）」)
never reach a draft (.md, .html, .docx) or the site: they are listed in the
checklist (地域福祉計画/…点検表.md) only, the one internal file that may
name narrative/."""
import html
import re
import shutil
import tempfile
import unittest
import zipfile
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir

SRC = source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())

ALWAYS = {
    "source extract file": re.compile(r"\d{3}_[0-9a-f]{16}\.txt|\.txt L\d+"),
    "unverified wording": re.compile(r"文言未確認"),
    "placeholder": re.compile(r"（[^（）]{0,12}を記入）"),
    "rule code": re.compile(r"FND-\d"),
    "reference data path": re.compile(r"\bdata/[a-z_/]+\.(csv|toml)"),
    "developer instruction": re.compile(r"verified 列|を Y にして"),
    "seed path": re.compile(r"shared/(spec|domain|seeds)/"),
    "officer's replacement note": re.compile(r"差し替え: narrative/"),
}
NARRATIVE_PATH = re.compile(r"narrative/")
INPUT_FILES = re.compile(r"\b(services|staff|meetings|meeting_sessions|areas|indicators|assessment|funding_ratios)\.csv\b"
                         r"|\bmunicipality\.toml\b")


def visible(html_text):
    """Text and attribute values of a page, without <script>/<style> bodies."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S)
    attrs = " ".join(v for v in re.findall(r'\s[a-z-]+="([^"]*)"', text) if not v.endswith((".css", ".js")))
    return html.unescape(re.sub(r"<[^>]+>", " ", text) + " " + attrs)


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/") and n.endswith(".xml"))
    return html.unescape(" ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)))


def xlsx_text(path):
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", p) for p in parts))


class NoInternalText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-internal-text-"))
        cls.out = {}
        for ds in DATASETS:
            out = cls.tmp / ds.name
            r = run_kyosei("build", ds, "-o", out, "-q")
            assert r.returncode == 0, r.stderr
            cls.out[ds] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def outputs(self, out):
        """(relative path, text, for staff only) of every file written for people."""
        for p in sorted(out.rglob("*")):
            rel = p.relative_to(out).as_posix()
            staff = "自己点検シート" in rel or "自己点検レポート" in rel
            if p.suffix == ".html":
                yield rel, visible(p.read_text(encoding="utf-8")), staff
            elif p.suffix in (".md", ".json", ".txt"):
                yield rel, p.read_text(encoding="utf-8"), staff
            elif p.suffix == ".docx":
                yield rel, docx_text(p), staff
            elif p.suffix == ".xlsx":
                yield rel, xlsx_text(p), staff
            elif p.suffix == ".csv":
                yield rel, p.read_bytes().decode("utf-8-sig", errors="replace"), staff

    def test_nothing_internal_in_any_output(self):
        for ds, out in self.out.items():
            seen = 0
            for rel, text, staff in self.outputs(out):
                seen += 1
                with self.subTest(dataset=ds.name, output=rel):
                    for what, pattern in ALWAYS.items():
                        m = pattern.search(text)
                        self.assertIsNone(m, f"{what}: …{text[max(0, m.start() - 40):m.end() + 20]}…" if m else "")
                    if rel.endswith((".md", ".html", ".docx")) and not rel.endswith("点検表.md"):
                        m = NARRATIVE_PATH.search(text)
                        self.assertIsNone(m, f"narrative path: …{text[max(0, m.start() - 40):m.end() + 20]}…" if m else "")
                    if not staff:
                        m = INPUT_FILES.search(text)
                        self.assertIsNone(m, f"input file name: …{text[max(0, m.start() - 40):m.end() + 20]}…" if m else "")
            self.assertGreater(seen, 20, ds.name)

    def test_replacement_notes_only_in_the_checklist(self):
        # The drafts keep the （案） mark; the checklist lists the files.
        plan = self.out[SRC / "inputs"] / "plan"
        draft = (plan / "地域福祉計画" / "01_計画の策定にあたって.md").read_text(encoding="utf-8")
        self.assertIn("> （案）データから作成した下書きです\n", draft)
        checklist = next((plan / "地域福祉計画").glob("*点検表.md")).read_text(encoding="utf-8")
        self.assertIn("| 第1章 計画の策定にあたって ＞ 1 計画策定の背景と目的 | narrative/地域福祉計画の趣旨.md |", checklist)
        # inputs/ has narrative/理念.md: a replaced section is not listed.
        self.assertNotIn("基本理念 | narrative/理念.md |", checklist)
        self.assertNotIn("差し替え: narrative/", checklist)
        html = visible((plan / "地域福祉計画（案）.html").read_text(encoding="utf-8"))
        self.assertNotIn("共通して取り組むべき事項の点検表", html, "the checklist stays out of the handed-over HTML")
        self.assertNotIn("共通して取り組むべき事項の点検表", docx_text(plan / "地域福祉計画（案）.docx"))

    def test_sources_are_cited_as_documents(self):
        page = (self.out[SRC / "inputs"] / "plan" / "実施計画" / "09_事業費と財源.md").read_text(encoding="utf-8")
        self.assertIn("「地域共生社会の実現に向けた重層的支援体制整備事業の実施について」", page)
        self.assertIn("厚生労働省社会・援護局地域福祉課地域共生社会推進室", page)


if __name__ == "__main__":
    unittest.main()
