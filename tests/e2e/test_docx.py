"""End-to-end: the Word drafts out/plan/*.docx (実施計画, 地域福祉計画,
自己点検レポート), made by pandoc from the same Markdown as the .md/.html
drafts with templates/reference.docx. Reads the .docx XML (A4 section,
footer with PAGE / NUMPAGES, repeated table headers, Japanese fonts, table
of contents), opens each file in LibreOffice (→ PDF → text: the chapters,
a table's cells, 「n / N」 on every page), and checks that two builds give
the same bytes and that a machine without pandoc gets a notice, not a
failure."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile
from pathlib import Path

from kyosei_test_support import run_kyosei, source_dir

SRC = source_dir()
DATASETS = [SRC / "inputs"] + sorted(p for p in (SRC / "examples").iterdir() if (p / "municipality.toml").exists())


def docx_xml(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


@unittest.skipUnless(shutil.which("pandoc"), "pandoc (Debian package pandoc) is needed")
class WordDrafts(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="kyosei-docx-"))
        cls.out = {}
        for ds in DATASETS:
            out = cls.tmp / f"out-{ds.name}"
            r = run_kyosei("build", ds, "-o", out, "-q")
            assert r.returncode == 0, r.stderr
            cls.out[ds] = out

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def drafts(self, out):
        return sorted((out / "plan").glob("*.docx"))

    def test_one_docx_per_draft_with_a4_page_numbers_and_repeated_headers(self):
        for ds, out in self.out.items():
            with self.subTest(dataset=ds.name):
                names = [p.name for p in self.drafts(out)]
                self.assertIn("地域福祉計画（案）.docx", names)
                self.assertIn("自己点検レポート.docx", names)
                htmls = sorted(p.stem for p in (out / "plan").glob("*.html"))
                self.assertEqual(sorted(Path(n).stem for n in names), htmls)  # every HTML draft has its .docx
                for docx in self.drafts(out):
                    doc = docx_xml(docx, "word/document.xml")
                    self.assertRegex(doc, r'<w:pgSz w:h="16838" w:w="11906" />')  # A4 portrait
                    self.assertIn("<w:footerReference", doc)
                    footer = docx_xml(docx, "word/footer1.xml")
                    self.assertIn(" PAGE ", footer)
                    self.assertIn(" NUMPAGES ", footer)
                    self.assertIn('TOC \\o', doc.replace("&quot;", '"'))  # table of contents
                    self.assertIn(">目次<", doc)
                    tables = doc.count("<w:tbl>")
                    self.assertGreater(tables, 0, docx.name)
                    self.assertEqual(doc.count('<w:tblHeader w:val="true" />'), tables, docx.name)
                    styles = docx_xml(docx, "word/styles.xml")
                    self.assertIn('w:eastAsia="游明朝"', styles)
                    self.assertIn('w:eastAsia="游ゴシック"', styles)
                    self.assertIn('w:eastAsia="ja-JP"', styles)

    def test_docx_is_reproducible(self):
        ds = SRC / "inputs"
        again = self.tmp / "again"
        r = run_kyosei("build", ds, "-o", again, "-q")
        self.assertEqual(r.returncode, 0, r.stderr)
        for docx in self.drafts(self.out[ds]):
            self.assertEqual(docx.read_bytes(), (again / "plan" / docx.name).read_bytes(), docx.name)

    def test_without_pandoc_a_notice_and_the_rest_of_the_build(self):
        empty = self.tmp / "no-pandoc-path"
        empty.mkdir(exist_ok=True)
        out = self.tmp / "no-pandoc"
        env = dict(os.environ, PATH=str(empty), LANG="C.UTF-8")
        from kyosei_test_support import kyosei_bin
        r = subprocess.run([kyosei_bin(), "build", str(SRC / "inputs"), "-o", str(out), "--strict"], env=env,
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("pandoc が見つからないため", r.stderr)
        self.assertEqual(r.stderr.count("pandoc が見つからないため"), 1)
        self.assertEqual(list((out / "plan").glob("*.docx")), [])
        self.assertTrue((out / "plan" / "地域福祉計画（案）.html").exists())

    @unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"), "LibreOffice and poppler-utils are needed")
    def test_libreoffice_opens_each_docx_with_chapters_tables_and_page_numbers(self):
        out = self.out[SRC / "inputs"]
        folder = self.tmp / "docx-pdf"
        folder.mkdir(exist_ok=True)
        drafts = self.drafts(out)
        env = dict(os.environ, HOME=str(self.tmp))
        subprocess.run(["soffice", f"-env:UserInstallation={(self.tmp / 'lo-profile').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, drafts)],
                       capture_output=True, text=True, env=env, timeout=900)
        for docx in drafts:
            with self.subTest(draft=docx.name):
                pdf = folder / (docx.stem + ".pdf")
                self.assertTrue(pdf.exists(), docx.name)
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
                self.assertGreater(pages, 1)
                size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
                self.assertAlmostEqual(float(size.group(1)), 595.3, delta=2)
                self.assertAlmostEqual(float(size.group(2)), 841.9, delta=2)
                text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
                page_texts = text.split("\f")
                for n, page in enumerate(page_texts[:pages], start=1):
                    last = [l.strip() for l in page.splitlines() if l.strip()][-1]
                    self.assertEqual(last, f"{n} / {pages}", f"page {n}")
                md_dir = out / "plan" / docx.stem.replace("重層的支援体制整備事業実施計画（案）", "実施計画") \
                    .replace("地域福祉計画（案）", "地域福祉計画")
                if md_dir.is_dir():
                    flat = re.sub(r"\s+", "", text)
                    for md in sorted(md_dir.glob("*.md")):
                        chapter = md.read_text(encoding="utf-8").splitlines()[0].lstrip("# ").strip()
                        if md.stem.endswith("点検表"):  # the officer's checklist stays out of the .docx
                            self.assertNotIn(re.sub(r"\s+", "", chapter), flat, md.name)
                            continue
                        self.assertIn(re.sub(r"\s+", "", chapter), flat, md.name)
                else:
                    self.assertIn("自己点検", text)


if __name__ == "__main__":
    unittest.main()
