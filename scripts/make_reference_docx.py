#!/usr/bin/env python3
"""Makes templates/reference.docx, the Word style reference of the plan
drafts (out/plan/*.docx), from pandoc's own default reference document:

    python3 scripts/make_reference_docx.py            # writes templates/reference.docx

Only this script needs pandoc (Debian package pandoc), for that default
document; kyosei itself writes the .docx (generator/write/docx/) and takes
from the reference its styles, numbering, settings, theme, fonts, footer
and final section (page size, margins), never its body.

Staff may restyle the result in Word (styles 見出し 1–3, 本文, 表) and put it
in their input folder as templates/reference.docx; kyosei then uses theirs.
What this script changes in pandoc's default:
- A4 portrait, margins of a Japanese 公文書 (about 25/30 mm);
- Japanese fonts: 游明朝 for text, 游ゴシック for headings and tables
  (Word substitutes ＭＳ 明朝／ＭＳ ゴシック where they are missing,
  LibreOffice an installed Japanese font), Japanese language tag;
- no numbering of its own on the headings: the drafts number them in their
  text (第1章, 1, (1)), and a style numbering would number them twice;
- a footer with 「n / N」 page numbers;
- the zip written with fixed timestamps, so the file is reproducible.
"""
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

MINCHO = "游明朝"
GOTHIC = "游ゴシック"
BODY_HALF_POINTS = 21  # 10.5 pt, the usual size of Japanese documents
A4 = '<w:pgSz w:w="11906" w:h="16838" />'
MARGINS = ('<w:pgMar w:top="1701" w:right="1418" w:bottom="1418" w:left="1418" '
           'w:header="851" w:footer="567" w:gutter="0" />')
FOOTER_ID = "rIdKyoseiFooter"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          '<w:p><w:pPr><w:pStyle w:val="Footer" /><w:jc w:val="center" /></w:pPr>'
          '<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>'
          '<w:r><w:t xml:space="preserve"> / </w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="begin" /></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate" /></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end" /></w:r>'
          '</w:p></w:ftr>')



def fonts(face):
    return f'<w:rFonts w:ascii="{face}" w:eastAsia="{face}" w:hAnsi="{face}" w:cs="{face}" />'


def restyle(styles):
    # Defaults: 游明朝 10.5 pt, Japanese.
    styles = re.sub(r"(<w:rPrDefault>\s*<w:rPr>\s*)<w:rFonts [^>]*/>", lambda m: m.group(1) + fonts(MINCHO), styles, count=1)
    styles = re.sub(r'(<w:rPrDefault>.*?)<w:sz w:val="\d+" />\s*<w:szCs w:val="\d+" />',
                    lambda m: m.group(1) + f'<w:sz w:val="{BODY_HALF_POINTS}" /><w:szCs w:val="{BODY_HALF_POINTS}" />',
                    styles, count=1, flags=re.S)
    styles = styles.replace('w:eastAsia="en-US"', 'w:eastAsia="ja-JP"')
    # Headings, title and tables in 游ゴシック (every themed major font).
    styles = re.sub(r'<w:rFonts w:asciiTheme="majorHAnsi"[^>]*/>', fonts(GOTHIC), styles)

    # Table text in 游ゴシック, a little smaller than the body.
    styles = re.sub(r'(<w:style w:type="paragraph" w:customStyle="1" w:styleId="Compact">.*?)</w:style>',
                    lambda m: m.group(1) + "<w:rPr>" + fonts(GOTHIC) + '<w:sz w:val="19" /><w:szCs w:val="19" /></w:rPr></w:style>',
                    styles, count=1, flags=re.S)
    return styles


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
    default = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                             check=True, capture_output=True).stdout
    with zipfile.ZipFile(io.BytesIO(default)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    text = {n: parts[n].decode("utf-8") for n in parts if n.endswith(".xml") or n.endswith(".rels")}
    text["word/styles.xml"] = restyle(text["word/styles.xml"])
    text["word/document.xml"] = text["word/document.xml"].replace(
        "<w:sectPr />",
        f'<w:sectPr><w:footerReference w:type="default" r:id="{FOOTER_ID}" />{A4}{MARGINS}'
        '<w:docGrid w:type="lines" w:linePitch="360" /></w:sectPr>')
    if 'xmlns:r=' not in text["word/document.xml"].split(">", 2)[1]:
        text["word/document.xml"] = text["word/document.xml"].replace(
            "<w:document ", '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
    text["word/_rels/document.xml.rels"] = text["word/_rels/document.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" '
        f'Id="{FOOTER_ID}" Target="footer1.xml" /></Relationships>')
    text["[Content_Types].xml"] = text["[Content_Types].xml"].replace(
        "</Types>",
        '<Override PartName="/word/footer1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml" /></Types>')
    text["word/footer1.xml"] = FOOTER
    for n, t in text.items():
        parts[n] = t.encode("utf-8")
    order = ["[Content_Types].xml"] + sorted(n for n in parts if n != "[Content_Types].xml")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in order:
            info = zipfile.ZipInfo(n, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, parts[n])
    print(out)


if __name__ == "__main__":
    main()
