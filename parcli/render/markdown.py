"""The `md` format: GitHub-flavoured Markdown tables and documents (the report).

Markdown escaping (`md_escape`, `md_paragraph`): the aim is that a name such as `<script>`,
`*x*`, `&amp;` or `[a](javascript:x)` shows verbatim on GitHub and GitLab (cmark-gfm,
comrak), through `pandoc -f gfm` and markdown-it.
CommonMark lets a backslash stand before any ASCII punctuation, so escaping all of it
would be safe too; but then every `.` and `-` in "8.67", "2020-09-30" or "error(s)"
would carry a backslash and the markdown, which people read and paste as it is, would
be ugly. So the escaping is targeted, and each rule says why:

* always: `\\` `` ` `` `*` `[` `]` `<` `>` `&` `|` `#` `~` `!` `$` `{` `}` `@`, the
  characters that open inline markup, raw HTML and autolinks, character references,
  table cells, headings, strikethrough, images, math (GitHub, GitLab, pandoc), e-mail
  autolinks and @mentions, GitLab's `{+ +}` inline diffs and `#123` / `!123` / `~label`
  references;
* `_` unless a letter or digit stands on both sides: `a_b` can neither open nor close
  emphasis, so file names like `criteria_2020.yaml` stay as they are;
* `:` before `//` (`http://` would become a link: GFM's extended autolinks) or when it
  opens an emoji shortcode such as `:smile:` (pandoc's gfm, GitHub); the `.` of `www.`;
* at the start of the text only: `-`, `+`, `=` and the `.` or `)` of `1. ` / `1) `,
  which would begin a list, a thematic break or a setext underline there and nowhere
  else (`8.1`, a criterion's code, or `76.5%` cannot begin a list and stay as they are).

`(` and `)` stay as they are: they only matter after `]`, and `]` is always escaped.
Line breaks (and runs of white space) become one space, so text never starts a block
of its own. Cells that hold parcli's own values (numbers, dates) are not escaped.

Tables are written by tabulate (`github` layout); a numeric column's dashes end in `:`.
"""

from __future__ import annotations

import re
from typing import ClassVar

from parcli.output import Output, Section, Table
from parcli.render.base import (
    Line,
    Reporter,
    Writes,
    cell_pieces,
    human_columns,
    places,
    shown_tables,
)
from parcli.text import Lang

ORDER = 20  # its place among the formats (help lists them in this order)

__all__ = ["MarkdownReporter", "markdown_document", "markdown_table", "markdown_table_lines",
           "md_escape", "md_paragraph"]

_MD_ALWAYS = frozenset("\\`*[]<>&|#~!${}@")
_EMOJI_AFTER_COLON = re.compile(r"[A-Za-z0-9_+\-]+:")
_WWW_BEFORE = re.compile(r"(?<![^\W_])www$", re.IGNORECASE)
_MD_SPECIAL = re.compile("[" + re.escape("".join(sorted(_MD_ALWAYS)) + "_:.") + "]")
_BLOCK_START = re.compile(r"[-+=]|\d{1,9}[.)](?= |$)")  # text is flattened: " " only


def md_escape(text: str) -> str:
    """Plain text as markdown that shows exactly that text, on one line: safe in a table
    cell, a heading or a paragraph of its own (the module docstring gives the rules)."""
    return _md_block_start(_md_inline(" ".join(text.split())))


def md_paragraph(text: str) -> str:
    """A paragraph whose only markup is `**bold**`: the text between the `**` pairs is
    escaped as `md_escape` does, the pairs stay. `**` is the only markup a paragraph (a str
    block of a `Section`) may carry; an unpaired `**`, or a pair around nothing, is escaped."""
    pieces = " ".join(text.split()).split("**")
    if len(pieces) % 2 == 0:  # an odd number of `**`: the last one has no partner
        pieces[-2:] = [pieces[-2] + "**" + pieces[-1]]
    parts = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            parts.append(_md_inline(piece))
        elif piece.strip():
            parts.append(f"**{_md_inline(piece)}**")
        else:
            parts.append(f"\\*\\*{_md_inline(piece)}\\*\\*")
    return _md_block_start("".join(parts))


def _md_inline(text: str) -> str:
    """The escaping rules, applied at the characters they concern (found by one regular
    expression; a large table's cells are mostly letters and digits)."""
    out = []
    last = 0
    for found in _MD_SPECIAL.finditer(text):
        index = found.start()
        char = text[index]
        if char in _MD_ALWAYS:
            escaped = "\\" + char
        elif char == "_":
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            escaped = "_" if before.isalnum() and after.isalnum() else "\\_"
        elif char == ":":
            escaped = ("\\:" if text.startswith("//", index + 1)
                       or _EMOJI_AFTER_COLON.match(text, index + 1) else ":")
        else:  # "."
            escaped = "\\." if _WWW_BEFORE.search(text, 0, index) else "."
        out.append(text[last:index])
        out.append(escaped)
        last = index + 1
    if not last:
        return text
    out.append(text[last:])
    return "".join(out)


def _md_block_start(text: str) -> str:
    """Escape what would begin a list, a thematic break or a setext line at the start."""
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    end = match.end()
    return f"{text[:end - 1]}\\{text[end - 1:]}"


def _md_cell(pieces: Line) -> str:
    """parcli's own values go in as they are ("-0.5", "2020-09-30"); text is escaped; an
    untranslated name is in italics; the context mark and separators are parcli's own."""
    out = []
    for content, kind in pieces:
        if kind in ("value", "sep"):
            out.append(content)
        elif kind == "untranslated" and md_escape(content):
            out.append(f"*{md_escape(content)}*")
        else:
            out.append(md_escape(content))
    return "".join(out)


class MarkdownReporter(Reporter):
    name = "md"
    help = "GitHub-flavoured Markdown"
    writes: ClassVar[frozenset[Writes]] = frozenset({"tables", "documents", "problems"})
    suffix = "md"

    def render(self, output: Output) -> str:
        if output.sections is not None:
            return markdown_document(output.sections, self.lang)
        tables = "\n".join(markdown_table(table, lang=self.lang)
                           for table in shown_tables(output))
        return tables + "".join(f"\n{md_escape(note)}\n" for note in output.notes)


def markdown_table(table: Table, heading: str = "###", lang: Lang = "en") -> str:
    """A GFM pipe table; numeric columns are right-aligned (`---:`), the others left as
    they are (no colon: left by default). Decimals are written in `lang` ("8,67" in
    Vietnamese); a row for context starts with "·"."""
    return "\n".join(markdown_table_lines(table, heading, lang)) + "\n"


def markdown_table_lines(table: Table, heading: str = "###", lang: Lang = "en") -> list[str]:
    """`markdown_table`'s lines. Each cell goes to its Markdown text at once and the lines
    are joined once, by the caller: a plan's annex may have 100,000 rows, and each copy of
    its text is tens of megabytes."""
    from tabulate import tabulate

    columns = human_columns(table)
    digits = [places(table, c) for c in columns]  # one precision per column: 0,60 by 0,66
    rows = [[_md_cell(cell_pieces(c, row, lang, i == 0, d))
             for i, (c, d) in enumerate(zip(columns, digits, strict=True))]
            for row in table.rows]
    rows += [[_md_cell(cell_pieces(c, row, lang, False, d))
              for c, d in zip(columns, digits, strict=True)] for row in table.footer]
    lines = str(tabulate(rows, headers=[md_escape(column.label) for column in columns],
                         tablefmt="github", disable_numparse=True,
                         colalign=["right" if c.numeric else "left" for c in columns])
                ).split("\n")
    del rows
    # tabulate's `pipe` would mark the text columns `:---` too; only the numbers need it.
    segments = lines[1].split("|")
    for index, column in enumerate(columns, start=1):
        if column.numeric:
            segments[index] = segments[index][:-1] + ":"
    lines[1] = "|".join(segments)
    if table.title:
        lines[:0] = [f"{heading} {md_escape(table.title)}", ""]
    return lines


def markdown_document(sections: list[Section], lang: Lang = "en") -> str:
    """GFM that renders the same on GitHub, GitLab and through `pandoc -f gfm`. Headings and
    tables are escaped; a str block is a paragraph whose only markup may be `**bold**`
    (`md_paragraph`). Decimals in tables are written in `lang`; paragraphs are the command's
    own text (`number(value, lang)` writes its numbers)."""
    parts = []
    for section in sections:
        parts.append(f"{'#' * section.level} {md_escape(section.heading)}")
        for block in section.blocks:
            parts.append("\n".join(markdown_table_lines(block, lang=lang))
                         if isinstance(block, Table) else md_paragraph(block))
    if not parts:
        return "\n"
    parts[-1] += "\n"  # the closing newline: a copy of the last part, not of the whole text
    return "\n\n".join(parts)


