"""Shared helpers for kyosei's end-to-end tests (Python 3 standard library only).

- kyosei_bin(), source_dir(): where the binary and the repository are
  (CTest passes KYOSEI_BIN and KYOSEI_SOURCE_DIR).
- run_kyosei(*args): runs the binary, returns a CompletedProcess with text.
- parse_diagnostics(stderr, input_dir): the diagnostics of one run as
  Diagnostic(prefix, line), prefix = "services.csv:8:事業費: エラー".
- snapshot_tree(root): relative path -> sha256 of every file under root.
- leftover_temp_folders(parent, name): "out.tmp-*" and "out.del-*" folders a run left behind.
- temp_dir(): a TemporaryDirectory that is kept when KYOSEI_KEEP_TMP=1.
- encrypt_pdf(source, target): a password-protected PDF (qpdf when present).
"""
from __future__ import annotations

import collections
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

Diagnostic = collections.namedtuple("Diagnostic", "prefix line")

# "<dir>/services.csv:8:事業費: エラー: 「12万円」は…。期待される値: …"
_DIAGNOSTIC = re.compile(r"^(?P<where>.*?): (?P<severity>エラー|警告): (?P<rest>.*)$")


def source_dir() -> Path:
    env = os.environ.get("KYOSEI_SOURCE_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[2]


def kyosei_bin() -> str:
    env = os.environ.get("KYOSEI_BIN")
    if env:
        return env
    for build in ("build", "build-bad"):
        candidate = source_dir() / build / "kyosei"
        if candidate.is_file():
            return str(candidate)
    raise RuntimeError("KYOSEI_BIN is not set and no built kyosei was found (run through ctest)")


def run_kyosei(*args: str, cwd: str | os.PathLike | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.setdefault("LANG", "C.UTF-8")
    return subprocess.run([kyosei_bin(), *map(str, args)], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def parse_diagnostics(stderr: str, input_dir: str | os.PathLike) -> list[Diagnostic]:
    """Every diagnostic line of a run. Locations are made relative by
    stripping "<input_dir>/"; a diagnostic about another place (e.g. the
    output folder) keeps its full location."""
    prefix = str(input_dir).rstrip("/") + "/"
    out = []
    for line in stderr.splitlines():
        m = _DIAGNOSTIC.match(line)
        if not m:
            continue
        where = m.group("where")
        if where.startswith(prefix):
            where = where[len(prefix):]
        out.append(Diagnostic(f"{where}: {m.group('severity')}", line))
    return out


def summary_counts(stderr: str) -> tuple[int, int] | None:
    """(errors, warnings) from the closing "エラー N 件、警告 M 件" line."""
    m = re.search(r"^エラー (\d+) 件、警告 (\d+) 件", stderr, re.M)
    return (int(m.group(1)), int(m.group(2))) if m else None


def read_page(path: str | os.PathLike) -> str:
    """A written text file, HTML without the <wbr> word-break hints kyosei adds
    to headings and cells (html_typeset.h), so tests find phrases (and the
    privacy scan finds a name) whole."""
    return Path(path).read_text(encoding="utf-8").replace("<wbr>", "")


def snapshot_tree(root: str | os.PathLike) -> dict[str, str]:
    root = Path(root)
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() or path.is_symlink():
            out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            out[path.relative_to(root).as_posix() + "/"] = "dir"
    return out


def leftover_temp_folders(parent: str | os.PathLike, name: str = "out") -> list[str]:
    return sorted(p.name for p in Path(parent).iterdir() if p.name.startswith((name + ".tmp-", name + ".del-")))


def temp_dir(prefix: str = "kyosei-e2e-"):
    """A temporary folder (context manager yielding its Path). Set
    KYOSEI_KEEP_TMP=1 to keep it for inspection."""
    if os.environ.get("KYOSEI_KEEP_TMP") == "1":
        class _Kept:
            def __enter__(self):
                p = Path(tempfile.mkdtemp(prefix=prefix))
                print(f"(kept: {p})")
                return p

            def __exit__(self, *exc):
                return False
        return _Kept()

    class _Temp:
        def __enter__(self):
            self._t = tempfile.TemporaryDirectory(prefix=prefix)
            return Path(self._t.name)

        def __exit__(self, *exc):
            self._t.cleanup()
            return False
    return _Temp()


def copy_tree(source: str | os.PathLike, target: str | os.PathLike) -> None:
    shutil.copytree(source, target, symlinks=True)


# --------------------------------------------------------------- encrypted PDF

def encrypt_pdf(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Writes a PDF that needs a user password ("user") to open. Uses qpdf
    (AES-256) when installed; otherwise writes a small one-page PDF encrypted
    with the standard security handler (RC4, revision 2), which poppler also
    refuses without the password."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    qpdf = shutil.which("qpdf")
    if qpdf:
        subprocess.run([qpdf, "--encrypt", "user", "owner", "256", "--", str(source), str(target)],
                       check=True, capture_output=True)
        return
    target.write_bytes(_rc4_encrypted_pdf(b"user", b"owner"))


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


def _rc4_encrypted_pdf(user: bytes, owner: bytes) -> bytes:
    permissions = -4
    file_id = hashlib.md5(b"kyosei encrypted test pdf").digest()
    pad = lambda pw: (pw + _PAD)[:32]  # noqa: E731
    o_entry = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))                       # Algorithm 3
    key = hashlib.md5(pad(user) + o_entry + permissions.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    u_entry = _rc4(key, _PAD)                                                                # Algorithm 4

    def obj_key(num: int) -> bytes:
        return hashlib.md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]

    content = _rc4(obj_key(4), b"BT /F1 18 Tf 72 720 Td (Locked document) Tj ET\n")
    title = _rc4(obj_key(6), b"Locked")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        6: b"<< /Title <" + title.hex().encode() + b"> >>",
        7: b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P %d /O <%s> /U <%s> >>"
           % (permissions, o_entry.hex().encode(), u_entry.hex().encode()),
    }
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for num in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[num]
    hex_id = file_id.hex().encode()
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R /Encrypt 7 0 R /ID [<%s> <%s>] >>\n"
            % (len(objects) + 1, hex_id, hex_id))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
