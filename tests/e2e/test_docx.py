"""End-to-end: the Word drafts out/plan/*.docx (実施計画, 地域福祉計画,
自己点検レポート), written by kyosei's own Word writer from the same Markdown
as the .md/.html drafts in the look of templates/reference.docx. Reads the
.docx XML (A4 section, footer with PAGE / NUMPAGES, repeated table headers,
Japanese fonts, table of contents, every part the relationships name),
opens each file in LibreOffice (→ PDF → text: the 目次 lists the headings of
level 1 and 2 in order before the body; every heading and every table cell
of the Markdown, in order; 「n / N」 on every page), and checks that two
builds give the same bytes, that a dataset's own reference.docx sets the
page, and that an unreadable one gives a warning and the standard look."""
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


def strip_inline(md):
    """The text a Markdown cell or heading shows: links as their text,
    without emphasis, code marks, raw HTML and backslash escapes."""
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)
    md = re.sub(r"<[^>]+>", "", md)
    md = re.sub(r"\\(.)", r"\1", md.replace("**", "").replace("`", "").replace("~~", ""))
    return md.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip()


def markdown_texts(md):
    """Every heading and every table cell of md, in order."""
    out = []
    in_code = False
    for line in md.splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if re.match(r"#{1,6} ", line):
            out.append(strip_inline(line.lstrip("#")))
        elif line.startswith("|") and not re.fullmatch(r"\|[\s:|-]*", line):
            cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
            out.extend(strip_inline(c) for c in cells)
    return [t for t in out if t]


def toc_headings(md):
    """The headings of level 1 and 2 of md, in order: the entries of the table of contents."""
    out = []
    in_code = False
    for line in md.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and re.match(r"#{1,2} ", line):
            out.append(strip_inline(line.lstrip("#")))
    return [t for t in out if t]


def squeeze(text):
    return re.sub(r"\s+", "", text)


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
                    page = re.search(r"<w:pgSz [^>]*/>", doc).group(0)
                    self.assertIn('w:w="11906"', page)  # A4 portrait
                    self.assertIn('w:h="16838"', page)
                    self.assertIn("<w:footerReference", doc)
                    footer = docx_xml(docx, "word/footer1.xml")
                    self.assertIn(" PAGE ", footer)
                    self.assertIn(" NUMPAGES ", footer)
                    self.assertIn('TOC \\o', doc.replace("&quot;", '"'))  # table of contents
                    self.assertIn(">目次<", doc)
                    tables = doc.count("<w:tbl>")
                    self.assertGreater(tables, 0, docx.name)
                    self.assertEqual(doc.count('<w:tblHeader w:val="true" />'), tables, docx.name)
                    with zipfile.ZipFile(docx) as z:
                        names = set(z.namelist())
                        self.assertIsNone(z.testzip())
                        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
                        types = z.read("[Content_Types].xml").decode("utf-8")
                    for rel in re.findall(r"<Relationship [^>]*/>", rels):  # every internal target is there
                        if 'TargetMode="External"' in rel:
                            self.assertRegex(rel, r'Target="(https?|mailto|tel):')
                            continue
                        target = "word/" + re.search(r'Target="([^"]+)"', rel).group(1)
                        self.assertIn(target, names, rel)
                        self.assertIn(f'PartName="/{target}"', types, target)
                    for r_id in re.findall(r'r:(?:id|embed)="([^"]+)"', doc):
                        self.assertIn(f'Id="{r_id}"', rels)
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

    def dataset_with_reference(self, name, reference_bytes):
        ds = self.tmp / name
        shutil.copytree(SRC / "inputs", ds)
        (ds / "templates").mkdir(exist_ok=True)
        (ds / "templates" / "reference.docx").write_bytes(reference_bytes)
        return ds

    def test_a_datasets_own_reference_sets_the_page(self):
        # Landscape, wider margins: the section of the dataset's reference.
        with zipfile.ZipFile(SRC / "templates" / "reference.docx") as z:
            parts = {n: z.read(n) for n in z.namelist()}
        doc = parts["word/document.xml"].decode("utf-8")
        doc = re.sub(r"<w:pgSz [^>]*/>", '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />', doc)
        doc = re.sub(r'w:left="\d+"', 'w:left="2000"', doc)
        parts["word/document.xml"] = doc.encode("utf-8")
        buf = self.tmp / "own-reference.docx"
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in parts.items():
                z.writestr(n, b)
        ds = self.dataset_with_reference("own-reference", buf.read_bytes())
        out = self.tmp / "own-reference-out"
        r = run_kyosei("build", ds, "-o", out, "-q", "--strict")
        self.assertEqual(r.returncode, 0, r.stderr)
        for docx in self.drafts(out):
            made = docx_xml(docx, "word/document.xml")
            self.assertIn('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />', made)
            self.assertIn('w:left="2000"', made)

    def test_an_unreadable_reference_warns_and_keeps_the_standard_look(self):
        ds = self.dataset_with_reference("bad-reference", b"not a zip")
        out = self.tmp / "bad-reference-out"
        r = run_kyosei("build", ds, "-o", out, "-q", "--strict")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr.count("templates/reference.docx を Word 文書（.docx）として読めない"), 1, r.stderr)
        standard = self.out[SRC / "inputs"]
        for docx in self.drafts(standard):
            self.assertEqual(docx_xml(out / "plan" / docx.name, "word/styles.xml"), docx_xml(docx, "word/styles.xml"))

    @unittest.skipUnless(shutil.which("soffice") and shutil.which("pdftotext"), "LibreOffice and poppler-utils are needed")
    def test_a_reference_restyled_in_libreoffice_numbers_no_heading_twice(self):
        # The template saved again by another word processor, as staff would after restyling it: the
        # headings keep the numbers of their text only (a style numbering would add 「1 」 to 「1 計画…」).
        env = dict(os.environ, HOME=str(self.tmp))
        profile = f"-env:UserInstallation={(self.tmp / 'lo-profile').as_uri()}"
        saved = self.tmp / "lo-saved"
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved),
                        str(SRC / "templates" / "reference.docx")], capture_output=True, env=env, timeout=300)
        ds = self.dataset_with_reference("lo-reference", (saved / "reference.docx").read_bytes())
        out = self.tmp / "lo-reference-out"
        r = run_kyosei("build", ds, "-o", out, "-q", "--strict")
        self.assertEqual(r.returncode, 0, r.stderr)
        docx = out / "plan" / "地域福祉計画（案）.docx"
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(saved), str(docx)],
                       capture_output=True, env=env, timeout=300)
        text = subprocess.run(["pdftotext", "-layout", str(saved / (docx.stem + ".pdf")), "-"], capture_output=True,
                              text=True).stdout
        lines = [l.strip() for l in text.splitlines()]
        chapter = (out / "plan" / "地域福祉計画").glob("*.md")
        headings = [l.lstrip("#").strip() for md in sorted(chapter) if not md.stem.endswith("点検表")
                    for l in md.read_text(encoding="utf-8").splitlines() if re.match(r"#{2,3} \d", l)]
        self.assertGreater(len(headings), 5)
        for h in headings:
            self.assertIn(h, lines)

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
                    sources = [md for md in sorted(md_dir.glob("*.md")) if not md.stem.endswith("点検表")]
                else:
                    self.assertIn("自己点検", text)
                    sources = [out / "plan" / (docx.stem + ".md")]
                # Every heading and table cell, in the order of the Markdown, in the text of the
                # pages as LibreOffice drew them (-raw: drawing order; the footers taken out).
                raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True).stdout
                raw = squeeze("\n".join(l for l in raw.splitlines() if not re.fullmatch(r"\s*\d+ / \d+\s*", l)))
                # The 目次 on the first page lists every heading of level 1 and 2 (第1章 … and their
                # sections) in order, before the body starts (the second time the first heading shows).
                self.assertIn("目次", page_texts[0])
                headings = [h for md in sources for h in toc_headings(md.read_text(encoding="utf-8"))]
                self.assertGreater(len(headings), 1)
                if md_dir.is_dir():
                    self.assertTrue(headings[0].startswith("第1章"), headings[0])
                toc_at = raw.find("目次")
                body_at = raw.find(squeeze(headings[0]), raw.find(squeeze(headings[0]), toc_at) + 1)
                self.assertGreater(body_at, toc_at)
                at = toc_at
                for h in headings:
                    found = raw.find(squeeze(h), at, body_at)
                    self.assertGreaterEqual(found, 0, f"目次: {h!r} after {raw[max(0, at - 60):at]!r}")
                    at = found + len(squeeze(h))
                at = 0
                texts = [t for md in sources for t in markdown_texts(md.read_text(encoding="utf-8"))]
                self.assertGreater(len(texts), 20)
                for t in texts:
                    found = raw.find(squeeze(t), at)
                    self.assertGreaterEqual(found, 0, f"{t!r} after {raw[max(0, at - 60):at]!r}")
                    at = found + len(squeeze(t))


if __name__ == "__main__":
    unittest.main()
