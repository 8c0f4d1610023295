#!/usr/bin/env python3
"""Writes NAME.resx (Swedish, the neutral language) and NAME.en.resx from one TSV: key<TAB>sv<TAB>en.

Keeping both languages on one line makes a missing translation visible in review.
Usage: tools/resx.py src/Jour.Core/Resources/Messages.tsv
"""
import sys, pathlib
from xml.sax.saxutils import escape

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, rows, col):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for key, texts in rows:
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(texts[col])}</value></data>\n')
        f.write("</root>\n")

for tsv in sys.argv[1:]:
    p = pathlib.Path(tsv)
    rows = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            sys.exit(f"{tsv}:{n}: want key<TAB>sv<TAB>en, got {len(parts)} fields")
        rows.append((parts[0], (parts[1].replace("\\n", "\n"), parts[2].replace("\\n", "\n"))))
    write(p.with_suffix(".resx"), rows, 0)
    write(p.with_name(p.stem + ".en.resx"), rows, 1)
