"""Hardening (issue 12): the officer's files in the output folder are never
lost, published PDFs carry no metadata and pass the privacy guard in every
part, hostile PDFs are bounded, CSV cells cannot become formulas, long
names build. Every test runs the real binary and reads what it wrote.
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kyosei_test_support as kts  # noqa: E402

BASE = kts.source_dir() / "tests" / "bad" / "base"
PDF = "第1回会議資料.pdf"   # referenced by M01 (public) and M03 (public)
NAME = "架空 太郎"           # staff.csv line 2


def utf16(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def make_pdf(*, info: bytes = b"", outline_title: bytes = b"", uri: bytes = b"", nested_forms: int = 0,
             text: bytes = b"Meeting notes") -> bytes:
    """A small valid PDF; optional Info, an outline, a link annotation, or a
    chain of form XObjects each drawing the next 8 times (a time bomb)."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled below
    pages = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    resources = b"/Font << /F1 %d 0 R >>" % font
    content_ops = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    if nested_forms:
        prev = None
        for _ in range(nested_forms):
            ops = b"BT /F1 1 Tf 0 0 Td (x) Tj ET" if prev is None else b"/X Do " * 8
            res = b"<< /Font << /F1 %d 0 R >> >>" % font if prev is None else b"<< /XObject << /X %d 0 R >> >>" % prev
            prev = add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources " + res +
                       b" /Length %d >>\nstream\n" % len(ops) + ops + b"\nendstream")
        resources += b" /XObject << /X %d 0 R >>" % prev
        content_ops += b" /X Do"
    content = add(b"<< /Length %d >>\nstream\n" % len(content_ops) + content_ops + b"\nendstream")
    annots = b""
    if uri:
        annot = add(b"<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /A << /S /URI /URI (" + uri + b") >> >>")
        annots = b" /Annots [%d 0 R]" % annot
    page = add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << " % pages + resources +
               b" >> /Contents %d 0 R" % content + annots + b" >>")
    objs[pages - 1] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page
    outline = b""
    if outline_title:
        outlines = add(b"")
        item = add(b"<< /Title " + outline_title + b" /Parent %d 0 R /Dest [%d 0 R /Fit] >>" % (outlines, page))
        objs[outlines - 1] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count 1 >>" % (item, item)
        outline = b" /Outlines %d 0 R" % outlines
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R" % pages + outline + b" >>"
    info_ref = b""
    if info:
        info_obj = add(b"<< " + info + b" >>")
        info_ref = b" /Info %d 0 R" % info_obj
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R" % (len(objs) + 1, catalog) + info_ref + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


class Hardening(unittest.TestCase):
    def setUp(self):
        self._tmp = kts.temp_dir("kyosei-hard-")
        self.tmp = self._tmp.__enter__()
        self.inputs = self.tmp / "inputs"
        kts.copy_tree(BASE, self.inputs)
        self.out = self.tmp / "out"

    def tearDown(self):
        self._tmp.__exit__(None, None, None)

    def build(self, *extra, inputs=None, env=None):
        args = ["build", inputs or self.inputs, "-o", self.out, "-q", *extra]
        if env is None:
            return kts.run_kyosei(*args)
        full = dict(os.environ, LANG="C.UTF-8", **env)
        return subprocess.run([kts.kyosei_bin(), *map(str, args)], env=full, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=300)

    def places(self, r):
        return [d.prefix for d in kts.parse_diagnostics(r.stderr, self.inputs)]

    # --------------------------------------------------------- output folder

    def test_manifest_lists_every_file_with_its_hash(self):
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        import hashlib
        lines = (self.out / ".kyosei-output").read_text(encoding="utf-8").splitlines()
        listed = {}
        for line in lines:
            digest, path = line.split("  ", 1)
            listed[path] = digest
        files = {str(p.relative_to(self.out)) for p in self.out.rglob("*") if p.is_file()}
        self.assertEqual(set(listed), files - {".kyosei-output"})
        for path, digest in listed.items():
            self.assertEqual(hashlib.sha256((self.out / path).read_bytes()).hexdigest(), digest, path)

    def test_foreign_and_edited_files_stop_the_build(self):
        self.assertEqual(self.build().returncode, 0)
        plan = next((self.out / "plan").glob("*.md"))
        plan.write_text(plan.read_text(encoding="utf-8") + "\n担当者のメモ\n", encoding="utf-8")
        (self.out / "メモ.txt").write_text("大事なメモ\n", encoding="utf-8")
        kept_inputs = self.out / "令和7年度"
        kts.copy_tree(BASE, kept_inputs)
        before = kts.snapshot_tree(self.out)
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(kts.snapshot_tree(self.out), before)
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])
        self.assertIn(f"{self.out}/メモ.txt: エラー: kyosei が書いていないファイルです", r.stderr)
        self.assertIn(f"{self.out}/{plan.relative_to(self.out)}: エラー: kyosei が前回書いた後に変更されています", r.stderr)
        self.assertIn(f"{self.out}/令和7年度/services.csv: エラー", r.stderr)
        self.assertIn("--backup", r.stderr)

    def test_backup_moves_them_to_a_dated_folder(self):
        self.assertEqual(self.build().returncode, 0)
        (self.out / "メモ.txt").write_text("大事なメモ\n", encoding="utf-8")
        r = self.build("--backup")
        self.assertEqual(r.returncode, 0, r.stderr)
        backups = sorted(self.tmp.glob("out.退避-*"))
        self.assertEqual(len(backups), 1, list(self.tmp.iterdir()))
        self.assertEqual((backups[0] / "メモ.txt").read_text(encoding="utf-8"), "大事なメモ\n")
        self.assertFalse((self.out / "メモ.txt").exists())
        self.assertIn("移しました", r.stderr)
        # The new output is clean again: a plain rebuild passes.
        self.assertEqual(self.build().returncode, 0)

    def test_inputs_or_previous_inside_the_output_are_refused(self):
        self.out.mkdir()
        inside = self.out / "inputs"
        kts.copy_tree(BASE, inside)
        r = self.build(inputs=inside)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("出力フォルダ", r.stderr)
        self.assertTrue((inside / "services.csv").is_file())
        r = self.build("--previous", inside)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("前年度フォルダ", r.stderr)
        self.assertTrue((inside / "services.csv").is_file())

    def test_leftover_temporary_folders_are_removed(self):
        self.assertEqual(self.build().returncode, 0)
        stale = self.tmp / "out.tmp-AbC123"
        kts.copy_tree(self.out, stale)  # as a killed run leaves it (marker, no live lock)
        (stale / ".kyosei-lock").write_text("", encoding="utf-8")
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(kts.leftover_temp_folders(self.tmp, "out"), [])

    def test_permissions_follow_the_umask(self):
        for mask, folder_mode, file_mode in ((0o022, 0o755, 0o644), (0o077, 0o700, 0o600), (0o002, 0o775, 0o664)):
            with self.subTest(umask=oct(mask)):
                out = self.tmp / f"out{mask:o}"
                r = subprocess.run(["sh", "-c", f'umask {mask:03o} && exec "$0" "$@"', kts.kyosei_bin(), "build",
                                    str(self.inputs), "-o", str(out), "-q"], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(out.stat().st_mode & 0o777, folder_mode)
                self.assertEqual((out / "site").stat().st_mode & 0o777, folder_mode)
                self.assertEqual((out / "site" / "index.html").stat().st_mode & 0o777, file_mode)

    # ------------------------------------------------------------- CSV

    def test_role_name_cannot_become_a_formula_in_csv(self):
        staff = (BASE / "staff.csv").read_text(encoding="utf-8")
        staff = staff.replace("自立相談支援員", "=cmd|' /C calc'!A0")
        (self.inputs / "staff.csv").write_text(staff, encoding="utf-8")
        r = self.build("--audience", "internal")
        self.assertEqual(r.returncode, 0, r.stderr)
        seen = False
        for path in (self.out / "csv").glob("*.csv"):
            for record in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")):
                for cell in record:
                    self.assertFalse(cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not cell.lstrip("-").replace(".", "").isdigit(),
                                     f"{path.name}: {cell!r}")
                    seen = seen or "cmd|" in cell
        self.assertTrue(seen, "the role name should be exported (neutralised)")

    # -------------------------------------------------------------- PDFs

    def put_pdf(self, data: bytes):
        (self.inputs / "documents" / PDF).write_bytes(data)

    def published_pdf(self) -> bytes:
        return (self.out / "site" / "documents" / PDF).read_bytes()

    def test_metadata_is_removed_on_publication(self):
        self.put_pdf(make_pdf(info=b"/Title (Plan) /Author " + utf16(NAME) + b" /Subject " + utf16("個別世帯の情報共有") +
                              b" /Keywords (secret) /Producer (Word)"))
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        published = self.published_pdf()
        self.assertTrue(published.startswith(b"%PDF-"))
        for needle in (NAME.encode("utf-16-be"), b"/Author", b"/Subject", b"/Keywords", b"secret", b"Word"):
            self.assertNotIn(needle, published)
        info = subprocess.run(["pdfinfo", str(self.out / "site" / "documents" / PDF)], capture_output=True, text=True)
        if info.returncode == 0:
            self.assertNotIn("Author", info.stdout)
            self.assertIn("Pages:", info.stdout)
        again = self.tmp / "again"
        r = kts.run_kyosei("build", self.inputs, "-o", again, "-q")
        self.assertEqual((again / "site" / "documents" / PDF).read_bytes(), published, "not deterministic")

    def test_name_in_outline_with_zero_width_joiner_is_caught(self):
        self.put_pdf(make_pdf(outline_title=utf16("担当: 架空\u200d太\u00ad郎")))
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("staff.csv:2:氏名: エラー", self.places(r))
        self.assertIn(f"documents/{PDF}", r.stderr)
        self.assertFalse(self.out.exists())

    def test_name_in_link_url_is_caught(self):
        url = "https://example.jp/staff?name=" + "".join(f"%{b:02X}" for b in "架空太郎".encode("utf-8"))
        self.put_pdf(make_pdf(uri=url.encode()))
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("staff.csv:2:氏名: エラー", self.places(r))

    def test_nested_form_xobjects_are_stopped_in_time(self):
        self.put_pdf(make_pdf(nested_forms=40))
        start = time.monotonic()
        r = self.build(env={"KYOSEI_PDF_LIMITS": "2,10,1024"})
        took = time.monotonic() - start
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("meeting_sessions.csv:2:資料: エラー", self.places(r))
        self.assertIn(f"documents/{PDF}", r.stderr)
        self.assertLess(took, 120)
        self.assertFalse(self.out.exists())

    def test_symlink_out_of_the_inputs_is_an_error(self):
        secret = self.tmp / "secret.pdf"
        secret.write_bytes(make_pdf())
        link = self.inputs / "documents" / PDF
        link.unlink()
        link.symlink_to(secret)
        r = self.build()
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertEqual(sorted(set(self.places(r))), ["meeting_sessions.csv:2:資料: エラー", "meeting_sessions.csv:5:資料: エラー"])
        self.assertIn(f"documents/{PDF}", r.stderr)

    def test_confidential_pdf_is_not_published_under_another_name(self):
        # M02 (守秘義務 あり) refers to the PDF as ./x.pdf, a public one through a link.
        (self.inputs / "documents" / "別名.pdf").symlink_to(PDF)
        sessions = (BASE / "meeting_sessions.csv").read_text(encoding="utf-8")
        sessions = sessions.replace("個別世帯の情報共有,", f"個別世帯の情報共有,./{PDF}")
        sessions = sessions.replace(f"居場所づくり,{PDF}", "居場所づくり,別名.pdf")
        (self.inputs / "meeting_sessions.csv").write_text(sessions, encoding="utf-8")
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        published = [p.name for p in (self.out / "site" / "documents").iterdir()] if (self.out / "site" / "documents").exists() else []
        self.assertFalse([n for n in published if n.endswith(".pdf")], published)

    # -------------------------------------------------------- long names

    def test_long_ids_and_pdf_names_build(self):
        long_id = "S" + "0" * 260
        services = (BASE / "services.csv").read_text(encoding="utf-8").replace("S04,", long_id + ",")
        (self.inputs / "services.csv").write_text(services, encoding="utf-8")
        long_pdf = "資" * 83 + ".pdf"
        os.rename(self.inputs / "documents" / PDF, self.inputs / "documents" / long_pdf)
        sessions = (BASE / "meeting_sessions.csv").read_text(encoding="utf-8").replace(PDF, long_pdf)
        (self.inputs / "meeting_sessions.csv").write_text(sessions, encoding="utf-8")
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        names = [p.name for p in self.out.rglob("*")]
        self.assertTrue(all(len(n.encode()) <= 255 for n in names))
        self.assertTrue((self.out / "site" / "documents" / long_pdf).is_file())
        pages = [n for n in names if n.endswith(".html") and n.startswith("資")]
        self.assertEqual(len(pages), 1, pages)
        index = kts.read_page(self.out / "site" / "documents" / "index.html")
        from urllib.parse import quote
        self.assertIn(quote(pages[0]), index)

    # ------------------------------------------------- kill -9 and disk full

    def manifest_state(self, folder: Path):
        """The manifest of a folder, after checking every file matches it."""
        import hashlib
        text = (folder / ".kyosei-output").read_text(encoding="utf-8")
        for line in text.splitlines():
            digest, path = line.split("  ", 1)
            self.assertEqual(hashlib.sha256((folder / path).read_bytes()).hexdigest(), digest, path)
        return text

    def test_kill_9_always_leaves_the_old_or_the_new_folder(self):
        ref_a, ref_b, new_inputs = self.tmp / "ref_a", self.tmp / "ref_b", self.tmp / "inputs_b"
        kts.copy_tree(BASE, new_inputs)
        services = (new_inputs / "services.csv").read_text(encoding="utf-8")
        (new_inputs / "services.csv").write_text(services.replace("町内1か所で総合相談を受ける。", "町内2か所で総合相談を受ける。"),
                                                 encoding="utf-8")
        for inputs, ref in ((self.inputs, ref_a), (new_inputs, ref_b)):
            r = kts.run_kyosei("build", inputs, "-o", ref, "-q")
            self.assertEqual(r.returncode, 0, r.stderr)
        old, new = self.manifest_state(ref_a), self.manifest_state(ref_b)
        self.assertNotEqual(old, new)
        self.assertEqual(self.build().returncode, 0)
        start = time.monotonic()
        self.assertEqual(self.build(inputs=new_inputs).returncode, 0)
        duration = time.monotonic() - start
        self.assertEqual(self.build().returncode, 0)  # back to the old output
        import signal
        for i in range(30):
            delay = duration * (i + 0.5) / 30  # spread over the whole build
            proc = subprocess.Popen([kts.kyosei_bin(), "build", str(new_inputs), "-o", str(self.out), "-q"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with self.subTest(kill=i, delay=round(delay, 3)):
                self.assertIn(self.manifest_state(self.out), (old, new))
            # The next build after a kill succeeds and restores the old output.
            r = self.build()
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(self.manifest_state(self.out), old)
        left = kts.leftover_temp_folders(self.tmp, "out")
        # What is inside tells at which moment its build was killed.
        self.assertEqual(left, [], {name: sorted(p.name for p in (self.tmp / name).iterdir()) for name in left})

    def test_disk_full_keeps_the_previous_output(self):
        self.assertEqual(self.build().returncode, 0)
        before = kts.snapshot_tree(self.out)
        # ulimit -f is in 1 KiB blocks; SIGXFSZ ignored so write() returns EFBIG.
        r = subprocess.run(["bash", "-c", 'trap "" XFSZ; ulimit -f 64; exec "$0" "$@"', kts.kyosei_bin(), "build",
                            str(self.inputs), "-o", str(self.out), "-q"], capture_output=True, text=True,
                           encoding="utf-8", errors="replace", timeout=300)
        self.assertNotEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stderr, r"[\u3040-\u30ff\u4e00-\u9fff]", r.stderr)
        # About the folder the officer named, not the temporary one, and
        # without libxlsxwriter's own English lines.
        self.assertNotIn("out.tmp-", r.stderr)
        self.assertIn(str(self.out), r.stderr)
        for english in ("[ERROR]", "[WARNING]", "workbook_close", "Error creating", "System error"):
            self.assertNotIn(english, r.stderr)
        self.assertEqual(kts.snapshot_tree(self.out), before)
        self.assertEqual(self.build().returncode, 0)


class Import(unittest.TestCase):
    def setUp(self):
        self._tmp = kts.temp_dir("kyosei-hard-import-")
        self.tmp = self._tmp.__enter__()

    def tearDown(self):
        self._tmp.__exit__(None, None, None)

    def test_import_into_a_new_folder_warns_where_to_put_the_pdfs(self):
        book = self.tmp / "様式.xlsx"
        r = kts.run_kyosei("template", "-o", book, BASE)
        self.assertEqual(r.returncode, 0, r.stderr)
        target = self.tmp / "令和9年度"
        r = kts.run_kyosei("import", book, "-o", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"documents/{PDF} がまだありません", r.stderr)
        self.assertIn("警告", r.stderr)
        self.assertTrue((target / "services.csv").is_file())
        self.assertEqual([p.name for p in self.tmp.iterdir() if ".tmp-import-" in p.name], [])
        # Into a folder that has its documents: they stay, nothing is warned.
        (target / "documents").mkdir()
        (target / "documents" / PDF).write_bytes((BASE / "documents" / PDF).read_bytes())
        (target / "メモ.txt").write_text("残す\n", encoding="utf-8")
        r = kts.run_kyosei("import", book, "-o", target)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("がまだありません", r.stderr)
        self.assertEqual((target / "documents" / PDF).read_bytes(), (BASE / "documents" / PDF).read_bytes())
        self.assertEqual((target / "メモ.txt").read_text(encoding="utf-8"), "残す\n")
        self.assertEqual(kts.run_kyosei("check", target).returncode, 0)

    def test_import_copies_missing_pdfs_from_the_documents_folder_named(self):
        inputs = self.tmp / "inputs"
        kts.copy_tree(BASE, inputs)
        sessions = inputs / "meeting_sessions.csv"
        sessions.write_text(sessions.read_text(encoding="utf-8").replace(
            "支援プランの確認,\n", "支援プランの確認,2026/第2回資料.pdf;第3回資料.pdf\n"), encoding="utf-8")
        book = self.tmp / "様式.xlsx"
        r = kts.run_kyosei("template", "-o", book, inputs)
        self.assertEqual(r.returncode, 0, r.stderr)
        papers = self.tmp / "会議資料"  # the officer's folder: 第1回 and 2026/第2回, not 第3回
        (papers / "2026").mkdir(parents=True)
        (papers / PDF).write_bytes((BASE / "documents" / PDF).read_bytes())
        second = make_pdf(text=b"Second meeting")
        (papers / "2026" / "第2回資料.pdf").write_bytes(second)
        target = self.tmp / "令和9年度"
        r = kts.run_kyosei("import", book, "-o", target, "--documents-from", papers)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual((target / "documents" / PDF).read_bytes(), (BASE / "documents" / PDF).read_bytes())
        self.assertEqual((target / "documents" / "2026" / "第2回資料.pdf").read_bytes(), second)
        self.assertIn("documents/第3回資料.pdf がまだありません", r.stderr)
        self.assertNotIn(f"{PDF} がまだありません", r.stderr)
        self.assertNotIn("第2回資料.pdf がまだありません", r.stderr)
        self.assertIn(f"{target}/documents/2026/第2回資料.pdf  ← {papers}/2026/第2回資料.pdf", r.stdout)
        self.assertEqual([p.name for p in self.tmp.iterdir() if ".tmp-import-" in p.name], [])
        (target / "documents" / "第3回資料.pdf").write_bytes(make_pdf(text=b"Third"))
        self.assertEqual(kts.run_kyosei("check", target).returncode, 0)

        # A name in the papers folder that is a link leading out of it is an
        # error naming the file; the folder imported into stays as it was.
        secret = self.tmp / "秘密.pdf"
        secret.write_bytes(make_pdf(text=b"Confidential"))
        hostile = self.tmp / "資料2"
        hostile.mkdir()
        (hostile / PDF).symlink_to(secret)
        other = self.tmp / "令和10年度"
        r = kts.run_kyosei("import", book, "-o", other)
        self.assertEqual(r.returncode, 0, r.stderr)
        before = kts.snapshot_tree(other)
        r = kts.run_kyosei("import", book, "-o", other, "--documents-from", hostile)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(f"{hostile}/{PDF} はリンク（シンボリックリンク）などで「{hostile}」フォルダの外を指している", r.stderr)
        self.assertIn(f"--documents-from のフォルダ「{hostile}」のPDFに問題があるため、「{other}」には何も書きませんでした", r.stderr)
        self.assertEqual(kts.snapshot_tree(other), before)
        self.assertFalse((other / "documents" / PDF).exists())
        self.assertEqual([p.name for p in self.tmp.iterdir() if ".tmp-import-" in p.name], [])
        r = kts.run_kyosei("import", book, "-o", self.tmp / "令和11年度", "--documents-from", hostile)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertFalse((self.tmp / "令和11年度").exists())

    def test_import_keeps_a_link_inside_the_papers_folder_as_one_file(self):
        inputs = self.tmp / "inputs"
        kts.copy_tree(BASE, inputs)
        sessions = inputs / "meeting_sessions.csv"
        sessions.write_text(sessions.read_text(encoding="utf-8").replace(
            "支援プランの確認,\n", "支援プランの確認,別名.pdf\n"), encoding="utf-8")
        book = self.tmp / "様式.xlsx"
        self.assertEqual(kts.run_kyosei("template", "-o", book, inputs).returncode, 0)
        papers = self.tmp / "会議資料"
        papers.mkdir()
        (papers / PDF).write_bytes((BASE / "documents" / PDF).read_bytes())
        (papers / "別名.pdf").symlink_to(PDF)
        target = self.tmp / "令和9年度"
        r = kts.run_kyosei("import", book, "-o", target, "--documents-from", papers)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.readlink(target / "documents" / "別名.pdf"), PDF)
        self.assertEqual((target / "documents" / PDF).read_bytes(), (BASE / "documents" / PDF).read_bytes())
        self.assertNotIn("がまだありません", r.stderr)
        self.assertEqual(kts.run_kyosei("check", target).returncode, 0)

    def test_shared_string_bomb_is_refused(self):
        import zipfile
        book = self.tmp / "爆弾.xlsx"
        long = "あ" * 20000
        cells = "".join(f'<c r="A{r}" t="s"><v>0</v></c>' for r in range(1, 5001))
        with zipfile.ZipFile(book, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="xml" ContentType="application/xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                       '<sheet name="services" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                       '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'<si><t>{long}</t></si></sst>')
            z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'<sheetData><row r="1">{cells}</row></sheetData></worksheet>')
        self.assertLess(book.stat().st_size, 200_000)
        target = self.tmp / "out"
        start = time.monotonic()
        r = subprocess.run(["sh", "-c", 'ulimit -v 1500000 && exec "$0" "$@"', kts.kyosei_bin(), "import", str(book),
                            "-o", str(target)], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("多すぎます", r.stderr)
        self.assertFalse(target.exists())
        self.assertLess(time.monotonic() - start, 60)


if __name__ == "__main__":
    unittest.main()
