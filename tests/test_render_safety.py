"""Reporters against hostile text: the format registry, markdown that shows names verbatim,
csv without formula injection, JSON numbers with every digit, Rich without markup."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from parcli.output import Column, Output, Section, Table
from parcli.render import REPORTERS, Reporter, formats, reporter
from parcli.render.delimited import CsvReporter
from parcli.render.github import GithubReporter
from parcli.render.json_format import JsonReporter, decimal_text, json_text
from parcli.render.markdown import (
    MarkdownReporter,
    markdown_document,
    markdown_table,
    md_escape,
    md_paragraph,
)
from parcli.render.terminal import PlainReporter, RichReporter, TableReporter

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "*x*",
    "`x`",
    "_x_",
    "[a](javascript:x)",
    "# heading",
    "1. item",
    "&amp;",
    "&#60;b&#62;",
    "- list item",
    "+ list item",
    "---",
    "___",
    "=== x",
    "> quote",
    "2) item",
    "~~struck~~",
    "![img](x.png)",
    "<http://example.org>",
    "[ref]: http://example.org",
    "a | b",
    "back\\slash",
    "trailing \\",
    "**bold**",
    "__bold__",
    "x_y_z",
    "$x$ and $$y$$",
    "{+ added +}",
    "see www.example.org or https://example.org/x",
    "mail a.b@example.org",
    "@someone :smile:",
    "Sở Nội vụ (SNV) *",
]

PARAGRAPHS = [name for name in HOSTILE if "**" not in name]  # `**` is a paragraph's markup

MD_TAGS = ("<script", "<img", "<em>", "<strong>", "<code>", "<a ", "<del>", "<s>", "<ol",
           "<ul", "<li>", "<hr", "<h1>", "<blockquote>", "<pre>")


def _markdown_it(text: str) -> str:
    return str(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text))


class _Texts(HTMLParser):
    """The visible text of each element of the given tags, in document order."""

    def __init__(self, tags: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.texts: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.tags:
            self.texts.append("")
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.tags:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.texts[-1] += data


def _texts(html: str, *tags: str) -> list[str]:
    parser = _Texts(set(tags))
    parser.feed(html)
    return parser.texts


def _hostile_output() -> Output:
    table = Table([Column("name", "Name"), Column("value", "Value", True)],
                  [{"name": name, "value": Decimal("-0.5")} for name in HOSTILE])
    return Output([table], None, notes=list(HOSTILE))


def _hostile_document() -> list[Section]:
    sections = []
    for name in HOSTILE:
        table = Table([Column("name", name)], [{"name": name}], title=name)
        sections.append(Section(name, [name, table] if name in PARAGRAPHS else [table]))
    return sections


# --- the registry -----------------------------------------------------------------------


def test_formats_by_what_they_write_default_first() -> None:
    assert sorted(REPORTERS) == sorted(["table", "md", "csv", "csv-excel", "json", "github",
                                        "docx", "xlsx"])
    assert formats("tables") == ("table", "md", "csv", "csv-excel", "json", "docx", "xlsx")
    assert formats("documents") == ("md", "json", "docx", "xlsx")
    assert formats("problems") == ("table", "md", "csv", "csv-excel", "json", "github",
                                   "docx", "xlsx")


def test_every_format_declares_what_it_is() -> None:
    declared = {name: (sorted(cls.writes), cls.suffix, cls.binary, cls.for_machines)
                for name, cls in REPORTERS.items()}
    everything = ["documents", "problems", "tables"]
    assert declared == {
        "table": (["problems", "tables"], "txt", False, False),
        "md": (everything, "md", False, False),
        "csv": (["problems", "tables"], "csv", False, False),
        "csv-excel": (["problems", "tables"], "csv", False, False),
        "json": (everything, "json", False, True),
        "github": (["problems"], "txt", False, True),
        "docx": (everything, "docx", True, False),
        "xlsx": (everything, "xlsx", True, False),
    }


def test_a_new_table_only_format_is_offered_for_tables_only() -> None:
    class TsvReporter(Reporter):
        name = "tsv"
        help = "one table as tab-separated values"
        writes = frozenset({"tables"})
        suffix = "tsv"

        def render(self, output: Output) -> str:
            table = output.tables[output.csv_table]
            return "".join("\t".join(str(row.get(c.key, "")) for c in table.columns) + "\n"
                           for row in table.rows)

    try:
        assert "tsv" in formats("tables")
        assert "tsv" not in formats("documents")
        assert "tsv" not in formats("problems")
        table = Table([Column("a", "A"), Column("b", "B")], [{"a": "x", "b": "y"}])
        assert reporter("tsv").write(Output([table], None)) == "x\ty\n"
        # A document (an Output with sections) cannot be written by a table-only format:
        # the CLI never offers it (above), and asked directly it refuses.
        document = Output([], None, sections=[Section("Heading", ["text", table])])
        with pytest.raises(ValueError, match="tsv cannot write a document"):
            reporter("tsv").write(document)
    finally:
        del REPORTERS["tsv"]


def test_a_format_must_declare_what_it_writes() -> None:
    with pytest.raises(TypeError, match="does not declare writes, suffix"):
        class Vague(Reporter):
            name = "vague"
            help = "vague"
    with pytest.raises(TypeError, match="`writes` must name some of"):
        class Odd(Reporter):
            name = "odd"
            help = "odd"
            writes = frozenset({"charts"})  # type: ignore[assignment]
            suffix = "odd"
    assert "vague" not in REPORTERS and "odd" not in REPORTERS


def test_every_format_has_a_one_line_help() -> None:
    assert {name: cls.help for name, cls in REPORTERS.items()} == {
        "table": "aligned columns (with colour in a terminal)",
        "md": "GitHub-flavoured Markdown",
        "csv": "one table as comma-separated values",
        "json": "the data as JSON",
        "github": "GitHub Actions annotations, one per problem",
        "csv-excel": "csv with a UTF-8 byte order mark, for Excel on Windows",
        "docx": "a Word document (A4, Decree 30/2020/NĐ-CP layout)",
        "xlsx": "an Excel workbook, one sheet per table",
    }


def test_reporter_picks_the_class_by_name() -> None:
    assert REPORTERS["table"] is TableReporter
    assert type(reporter("table", "never")) is PlainReporter
    assert type(reporter("table", "always")) is RichReporter
    assert type(reporter("md")) is MarkdownReporter
    assert type(reporter("csv")) is CsvReporter
    assert type(reporter("json")) is JsonReporter
    assert type(reporter("github")) is GithubReporter
    assert reporter("csv", "always").color == "always"
    with pytest.raises(KeyError):
        reporter("xml")


def test_table_reporter_itself_delegates_to_plain_or_rich() -> None:
    output = Output([Table([Column("a", "A")], [{"a": "x"}])], None)
    assert TableReporter("never").render(output) == "A\n---\nx\n"
    assert "\x1b[" in TableReporter("always").render(output)


def test_a_second_reporter_with_a_taken_name_is_refused() -> None:
    with pytest.raises(TypeError, match="two reporters are named 'md'"):
        class Again(Reporter):
            name = "md"
            help = "again"
    assert REPORTERS["md"] is MarkdownReporter


def test_unregistered_reporters_stay_out_of_the_list() -> None:
    class Scratch(Reporter, register=False):
        name = "scratch"
        help = "scratch"

    assert "scratch" not in REPORTERS
    assert all("scratch" not in formats(kind) for kind in ("tables", "documents", "problems"))


# --- markdown: escaping -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ("*x*", "\\*x\\*"),
    ("`x`", "\\`x\\`"),
    ("_x_", "\\_x\\_"),
    ("[a](javascript:x)", "\\[a\\](javascript:x)"),
    ("# heading", "\\# heading"),
    ("1. item", "1\\. item"),
    ("12) item", "12\\) item"),
    ("1.", "1\\."),
    ("8.1 code, 76.5%, 2020-09-30", "8.1 code, 76.5%, 2020-09-30"),
    ("&amp;", "\\&amp;"),
    ("- x", "\\- x"),
    ("+ x", "\\+ x"),
    ("= x", "\\= x"),
    ("a - b + c = d. 1. e", "a - b + c = d. 1. e"),
    ("a|b\\c", "a\\|b\\\\c"),
    ("~~x~~ !x $x$ {+x+}", "\\~\\~x\\~\\~ \\!x \\$x\\$ \\{+x+\\}"),
    ("criteria_2020.yaml", "criteria_2020.yaml"),
    ("a__b _a b_", "a\\_\\_b \\_a b\\_"),
    (":smile: at 10:30: ok", "\\:smile: at 10\\:30: ok"),
    ("http://x.org WWW.y.org awww.z", "http\\://x.org WWW\\.y.org awww.z"),
    ("a@b.org", "a\\@b.org"),
    ("line\nbreak\r\n  and   spaces ", "line break and spaces"),
    ("Sở Tư pháp (STP), 79.53%, 2020-09-30", "Sở Tư pháp (STP), 79.53%, 2020-09-30"),
])
def test_md_escape(text: str, expected: str) -> None:
    assert md_escape(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("**2019 score 79.53** (rank 50/63) → **target 92.81**.",
     "**2019 score 79.53** (rank 50/63) → **target 92.81**."),
    ("needs **+13.28** points", "needs **+13.28** points"),
    ("**<b>x</b>** and _y_", "**\\<b\\>x\\</b\\>** and \\_y\\_"),
    ("- **x**", "\\- **x**"),
    ("a ** b", "a \\*\\* b"),
    ("**a** b **c", "**a** b \\*\\*c"),
    ("** ** x", "\\*\\* \\*\\* x"),
    ("***x***", "**\\*x**\\*"),
    ("1. **x**\nnext", "1\\. **x** next"),
])
def test_md_paragraph_keeps_only_bold(text: str, expected: str) -> None:
    assert md_paragraph(text) == expected


def test_numeric_columns_are_right_aligned_and_pipes_still_escaped() -> None:
    table = Table([Column("name", "Na|me"), Column("value", "Value", True)],
                  [{"name": "a | b", "value": Decimal("79.53")},
                   {"name": "x", "value": Decimal("-0.5")}],
                  footer=[{"name": "Total", "value": 100}])
    assert markdown_table(table) == (
        "| Na\\|me   |   Value |\n"
        "|----------|--------:|\n"
        "| a \\| b   |   79.53 |\n"
        "| x        |   -0.50 |\n"  # one precision per column
        "| Total    |  100.00 |\n")


def test_parcli_values_are_not_escaped_but_text_is_even_in_a_numeric_column() -> None:
    table = Table([Column("day", "Day"), Column("n", "N", True)],
                  [{"day": date(2020, 9, 30), "n": Decimal("-0.01")},
                   {"day": "- soon", "n": "-1 *"}, {"day": None, "n": [1, 2]}])
    assert markdown_table(table, heading="##") == (
        "| Day        |      N |\n"
        "|------------|-------:|\n"
        "| 2020-09-30 |  -0.01 |\n"
        "| \\- soon    | \\-1 \\* |\n"
        "|            |   1, 2 |\n")


def test_markdown_reporter_escapes_titles_and_notes() -> None:
    output = Output([Table([Column("a", "A")], [{"a": "x"}], title="*T*")], None,
                    notes=["<b>note</b> **no bold here**"])
    assert MarkdownReporter().render(output) == (
        "### \\*T\\*\n\n| A   |\n|-----|\n| x   |\n"
        "\n\\<b\\>note\\</b\\> \\*\\*no bold here\\*\\*\n")


def test_markdown_document_escapes_headings_and_paragraphs() -> None:
    sections = [Section("# Title *x*", ["**79.53** <i>x</i>", "- item"], level=1),
                Section("1. Fields", [Table([Column("n", "N", True)], [{"n": 1}])])]
    assert markdown_document(sections) == (
        "# \\# Title \\*x\\*\n\n**79.53** \\<i\\>x\\</i\\>\n\n\\- item\n\n"
        "## 1\\. Fields\n\n|   N |\n|----:|\n|   1 |\n")


# --- markdown: rendered -----------------------------------------------------------------


def test_markdown_it_shows_every_hostile_name_in_a_table_verbatim() -> None:
    html = _markdown_it(MarkdownReporter().render(_hostile_output()))
    assert not [tag for tag in MD_TAGS if tag in html]
    assert html.count("<table>") == 1
    cells = _texts(html, "td")
    assert cells[0::2] == HOSTILE
    assert cells[1::2] == ["-0.5"] * len(HOSTILE)
    assert _texts(html, "p") == HOSTILE  # the notes


def test_markdown_it_shows_every_hostile_name_in_a_document_verbatim() -> None:
    html = _markdown_it(markdown_document(_hostile_document()))
    assert not [tag for tag in MD_TAGS if tag in html]
    assert _texts(html, "h2") == HOSTILE
    assert _texts(html, "h3") == HOSTILE
    assert _texts(html, "p") == PARAGRAPHS
    assert _texts(html, "th") == HOSTILE
    assert _texts(html, "td") == HOSTILE
    assert html.count("<table>") == len(HOSTILE)


def test_markdown_it_renders_the_bold_a_paragraph_may_carry() -> None:
    html = _markdown_it(markdown_document(
        [Section("H", ["**2019 score 79.53** → **+13.28** <em>no</em>"])]))
    assert html == ("<h2>H</h2>\n<p><strong>2019 score 79.53</strong> → "
                    "<strong>+13.28</strong> &lt;em&gt;no&lt;/em&gt;</p>\n")


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_gfm_shows_every_hostile_name_verbatim() -> None:
    text = markdown_document(_hostile_document()) + "\n" + MarkdownReporter().render(
        _hostile_output())
    done = subprocess.run(["pandoc", "-f", "gfm", "-t", "html", "--wrap=none"], input=text,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    html = done.stdout
    assert not [tag for tag in MD_TAGS if tag in html]
    assert _texts(html, "h2") == HOSTILE
    assert _texts(html, "h3") == HOSTILE
    assert _texts(html, "p") == PARAGRAPHS + HOSTILE
    assert _texts(html, "th") == [*HOSTILE, "Name", "Value"]
    hostile_cells = [t for pair in zip(HOSTILE, ["-0.5"] * len(HOSTILE), strict=True)
                     for t in pair]
    assert _texts(html, "td") == HOSTILE + hostile_cells


def test_cmark_gfm_shows_every_hostile_name_verbatim() -> None:
    """GitHub's own parser, with its extensions, where the bindings are installed."""
    cmark = pytest.importorskip("cmarkgfm.cmark")

    text = markdown_document(_hostile_document()) + "\n" + MarkdownReporter().render(
        _hostile_output())
    html: str = cmark.github_flavored_markdown_to_html(
        text, options=cmark.Options.CMARK_OPT_UNSAFE)
    # cmark-gfm links e-mail addresses after escapes are resolved: the text stays the same
    links = re.findall(r"<a [^>]*>", html)
    assert set(links) == {'<a href="mailto:a.b@example.org">'}
    assert len(links) == 7  # h2, p, h3, th, td in the document; td and p (note) after it
    assert not [tag for tag in MD_TAGS if tag != "<a " and tag in html]
    assert _texts(html, "h2") == HOSTILE
    assert _texts(html, "h3") == HOSTILE
    assert _texts(html, "p") == PARAGRAPHS + HOSTILE
    assert _texts(html, "th") == [*HOSTILE, "Name", "Value"]


# --- csv --------------------------------------------------------------------------------


def test_csv_neutralises_formulas_in_text_only() -> None:
    table = Table([Column("product", "Product"), Column("diff", "Difference", True)], [
        {"product": "- a report", "diff": Decimal("-0.01")},
        {"product": "=HYPERLINK(\"http://x\")", "diff": -3},
        {"product": "+1", "diff": Decimal("0.5")},
        {"product": "@SUM(A1)", "diff": None},
        {"product": "\t=1+1", "diff": "-2"},
        {"product": "  - indented", "diff": [Decimal("-1"), 2]},
        {"product": ["-a", "b"], "diff": "ok"},
        {"product": "a - b", "diff": date(2020, 9, 30)},
    ])
    assert CsvReporter().render(Output([table], None)) == (
        "product,diff\n"
        "'- a report,-0.01\n"
        "\"'=HYPERLINK(\"\"http://x\"\")\",-3\n"
        "'+1,0.5\n"
        "'@SUM(A1),\n"
        "'=1+1,'-2\n"
        "'- indented,\"-1, 2\"\n"
        "\"'-a, b\",ok\n"
        "a - b,2020-09-30\n")


# --- json -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("1234567890.123456789"), "1234567890.123456789"),
    (Decimal("1234567890.12345678901234567890123456789"),
     "1234567890.12345678901234567890123456789"),
    (Decimal("79.53"), "79.53"),
    (Decimal("8.50"), "8.5"),
    (Decimal("100"), "100"),
    (Decimal("100.00"), "100"),
    (Decimal("1E+3"), "1000"),
    (Decimal("-0.00"), "0"),
    (Decimal("-0.5"), "-0.5"),
    (Decimal("1E-7"), "0.0000001"),
    (Decimal("NaN"), "NaN"),
    (Decimal("-Infinity"), "-Infinity"),
])
def test_decimal_text_is_exact(value: Decimal, expected: str) -> None:
    assert decimal_text(value) == expected


def test_json_writes_decimals_as_exact_numbers() -> None:
    data = {"total": Decimal("1234567890.123456789"), "baseline": Decimal("79.53"),
            "max": Decimal("8.50"), "count": 100, "rows": [Decimal("100"), Decimal("-0.01")],
            "name": "Sở Nội vụ", "none": None, "empty": {}, "list": []}
    text = JsonReporter().render(Output([], data))
    assert text == (
        "{\n"
        '  "total": 1234567890.123456789,\n'
        '  "baseline": 79.53,\n'
        '  "max": 8.5,\n'
        '  "count": 100,\n'
        '  "rows": [\n'
        "    100,\n"
        "    -0.01\n"
        "  ],\n"
        '  "name": "Sở Nội vụ",\n'
        '  "none": null,\n'
        '  "empty": {},\n'
        '  "list": []\n'
        "}\n")
    parsed = json.loads(text, parse_float=Decimal)
    assert parsed["total"] == Decimal("1234567890.123456789")
    assert parsed["baseline"] == Decimal("79.53")


def test_json_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        json_text({"day": date(2020, 1, 1)})
    with pytest.raises(TypeError):
        json_text({(1, 2): "tuple key"})


_SCALARS = (st.none() | st.booleans() | st.integers() | st.text()
            | st.floats(allow_nan=False))
_KEYS = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=20)


@given(_VALUES)
def test_json_text_is_json_dumps_for_ordinary_values(value: Any) -> None:
    assert json_text(value) == json.dumps(value, ensure_ascii=False, indent=2)


# --- rich -------------------------------------------------------------------------------


def test_rich_shows_markup_in_names_as_text() -> None:
    names = ["[bold]x[/bold]", "a [/foo] b", ":smile:"]
    output = Output([Table([Column("n", "[red]N")], [{"n": n} for n in names],
                           title="[/t]")], None, notes=["[/note]"])
    text = re.sub(r"\x1b\[[0-9;]*m", "", RichReporter("always").render(output))
    for shown in [*names, "[red]N", "[/t]", "[/note]"]:
        assert shown in text
    lines = RichReporter("always").render(Output([], None, lines=["[/x] :smile:"]))
    assert re.sub(r"\x1b\[[0-9;]*m", "", lines) == "[/x] :smile:\n"
