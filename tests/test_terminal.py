"""The terminal: tables fit the width (COLUMNS, the terminal's, else 100 when piped), cells
wrap at spaces only, `wide` never wraps, validate's lines are never split; the human formats
write decimals in the reader's language and mark names that have no translation; tree shows
search matches under their ancestors and leads by name, marked when not the row's own."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

import pytest
from markdown_it import MarkdownIt

from parcli.i18n import t
from parcli.output import Column, Output, Table, Untranslated
from parcli.render import reporter
from parcli.render.base import PIPED_WIDTH, terminal_width
from parcli.render.markdown import MarkdownReporter
from parcli.render.terminal import PlainReporter, RichReporter, text_width
from parcli.text import Text
from tests.conftest import AGENCIES, CRITERIA

ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = set("─━│┃┏┓┗┛┡┩└┘├┤┼┬┴╇╈╋┳┻┠┨┯┷┿┌┐╭╮╰╯═║╔╗╚╝╞╡╪╤╧")

# Every command that prints a table, with the arguments it needs on the bundled plan.
TABLE_COMMANDS = [
    ("check",), ("tree",), ("tree", "4.3"), ("tree", "--search", "tai chinh"),
    ("gap",), ("gap", "--by-agency"), ("gap", "--by-agency", "-v"), ("gap", "--by-field"),
    ("gap", "--by-method"), ("gap", "--by-field", "--basis", "lost"), ("agencies",),
    ("assignments",), ("assignments", "--agency", "finance"), ("progress",),
    ("due", "--as-of", "2020-10-15"),
]
LANGS = [(), ("--lang", "vi")]


def _tokens(text: str) -> set[str]:
    """The words of an output, rules aside (a line of dashes or box drawing is no word)."""
    return {token for token in ANSI.sub("", text).split()
            if token.strip("-") and not set(token) <= BOX}


def _widths(text: str) -> list[int]:
    return [text_width(line) for line in ANSI.sub("", text).splitlines()]


@pytest.mark.parametrize("lang", LANGS, ids=["en", "vi"])
@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=" ".join)
def test_no_word_is_broken_at_80_columns(cli, monkeypatch, args, lang):
    monkeypatch.setenv("COLUMNS", "1000000")
    whole = cli(*args, *lang)
    assert whole.code == 0, whole.err
    monkeypatch.setenv("COLUMNS", "80")
    fitted = cli(*args, *lang)
    assert fitted.code == 0, fitted.err
    assert max(_widths(fitted.out)) <= 80
    assert _tokens(fitted.out) <= _tokens(whole.out)  # wrapped at spaces, never in a word


@pytest.mark.parametrize("args", [("tree", "4.3"), ("gap", "--by-agency", "-v"), ("check",),
                                  ("assignments", "--criterion", "4.3"),
                                  ("tree", "--search", "tai chinh")], ids=" ".join)
def test_rich_tables_fit_too_and_break_no_word(cli, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "1000000")
    whole = cli(*args, "--color", "always")
    monkeypatch.setenv("COLUMNS", "80")
    fitted = cli(*args, "--color", "always")
    assert fitted.code == 0, fitted.err
    assert "\x1b[" in fitted.out
    assert max(_widths(fitted.out)) <= 80
    assert _tokens(fitted.out) <= _tokens(whole.out)


def test_piped_without_columns_fits_100(cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    assert terminal_width() == PIPED_WIDTH == 100  # the cli fixture's stdout is no terminal
    out = cli("assignments").out  # 939 characters wide with a row on one line
    assert max(_widths(out)) <= 100
    # agencies by name in a human format (the id only in json and csv), never cut inside a word
    assert "science-technology" not in out and "Technology" in out.split()


@pytest.mark.parametrize("value", ["", "0", "-3", "abc"])
def test_a_columns_that_is_no_width_is_ignored(monkeypatch, value):
    monkeypatch.setenv("COLUMNS", value)
    assert terminal_width() == PIPED_WIDTH


def test_ids_and_hyphenated_words_stay_whole():
    table = Table([Column("id", "Id"), Column("name", "Name")],
                  [{"id": "science-technology", "name": "decentralisation of the "
                    "inter-agency one-stop shop, 2020-09-30, 79.53 points"}])
    assert PlainReporter(width=40).render(Output([table], None)).splitlines() == [
        "Id                  Name",
        "------------------  --------------------",
        "science-technology  decentralisation of",
        "                    the inter-agency",
        "                    one-stop shop,",
        "                    2020-09-30, 79.53",
        "                    points"]


def test_wrapping_keeps_the_tree_indentation():
    table = Table([Column("code", "Code"), Column("label", "Name")],
                  [{"code": "2.4.1", "label": "    Consistency and uniformity of the system"}])
    lines = PlainReporter(width=30).render(Output([table], None)).splitlines()
    assert lines[2:] == ["2.4.1      Consistency and",
                         "           uniformity of the",
                         "           system"]


def test_headers_wrap_before_the_cells_do():
    table = Table([Column("name", "Name"), Column("gain", "Points still needed", True)],
                  [{"name": "Department of Home Affairs", "gain": Decimal("4.36")}])
    lines = PlainReporter(width=40).render(Output([table], None)).splitlines()
    assert lines == ["                            Points still",
                     "Name                              needed",
                     "--------------------------  ------------",
                     "Department of Home Affairs          4.36"]


def test_wide_never_wraps():
    name = "Reform of administrative procedures and the one-stop shop " * 4
    table = Table([Column("code", "Code"), Column("name", "Name")], [{"code": "3",
                                                                      "name": name.strip()}])
    output = Output([table], None, notes=["a note " * 40])
    for chosen in (reporter("table", "never", wide=True), PlainReporter(width=40, wide=True)):
        lines = chosen.render(output).splitlines()
        assert lines[2] == f"3       {name.strip()}"
        assert lines[-1].rstrip() == ("a note " * 40).strip()
    rich = reporter("table", "always", wide=True).render(output)
    assert name.strip() in ANSI.sub("", rich)


def test_the_wide_option_never_wraps(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("assignments", "--wide")
    if result.code == 2 and "--wide" in result.err:
        pytest.skip("the CLI does not pass --wide to the reporter yet")
    monkeypatch.setenv("COLUMNS", "1000000")
    assert result.out == cli("assignments").out
    assert max(_widths(result.out)) > 80 * 5  # far wider than the terminal: nothing wrapped


def test_too_narrow_for_columns_shows_records():
    table = Table([Column(key, key.title()) for key in ("code", "title", "product", "lead")],
                  [{"code": "1.1", "title": "Develop the annual plan", "product": "A plan",
                    "lead": "information-communications"},
                   {"code": "1.2", "title": "Report", "product": None, "lead": "justice"}],
                  title="Assignments")
    out = PlainReporter(width=40).render(Output([table], None))
    assert out == ("Assignments\n"
                   "Code     1.1\n"
                   "Title    Develop the annual plan\n"
                   "Product  A plan\n"
                   "Lead     information-communications\n"
                   "\n"
                   "Code     1.2\n"
                   "Title    Report\n"
                   "Lead     justice\n")
    rich = ANSI.sub("", RichReporter("always", width=40).render(Output([table], None)))
    assert rich.splitlines()[1:5] == out.splitlines()[1:5]


def test_validate_lines_are_never_split(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for color in ("never", "always"):
        result = cli("validate", "--color", color)
        lines = ANSI.sub("", result.out).splitlines()
        long = [line for line in lines if "[title-mismatch]" in line]
        assert long and all(len(line) > 80 for line in long)
        assert all(line.startswith("data/assignments_2020.yaml:") for line in long)


def test_validate_lines_through_a_reporter_stay_whole():
    line = "f.yaml:1:1: error " + "word " * 60 + "[schema]"
    output = Output([], None, lines=[line], notes=["0 error(s)"])
    assert PlainReporter(width=40).render(output) == f"{line}\n0 error(s)\n"
    rich = ANSI.sub("", RichReporter("always", width=40).render(output))
    assert rich.splitlines() == [line, "0 error(s)"]


# --- numbers in the reader's language -----------------------------------------------------


def _numbers() -> Output:
    table = Table([Column("code", "Code"), Column("score", "Score", True),
                   Column("list", "List")],
                  [{"code": "8.1", "score": Decimal("79.53"), "list": [Decimal("1.5"), 2]},
                   {"code": "2020-09-30", "score": 100, "list": ["a.b", "c"]}],
                  footer=[{"code": "Total", "score": Decimal("-0.5")}])
    return Output([table], {"score": Decimal("79.53")}, notes=["note 8.1"])


def test_human_formats_in_vietnamese_write_a_decimal_comma():
    plain = reporter("table", "never", lang="vi").render(_numbers())
    assert plain.splitlines()[2:5] == ["8.1           79,53  1,5; 2",  # one precision
                                       "2020-09-30   100,00  a.b, c",  # per column
                                       "Total         -0,50"]
    assert plain.endswith("note 8.1\n")  # codes, dates and notes are text: untouched
    md = reporter("md", lang="vi").render(_numbers())
    assert "| 8.1        |   79,53 | 1,5; 2 |" in md
    rich = ANSI.sub("", reporter("table", "always", lang="vi").render(_numbers()))
    assert "79,53" in rich and "-0,50" in rich and "8.1" in rich


def test_english_and_machine_formats_keep_the_dot():
    assert "79.53  1.5, 2" in reporter("table", "never").render(_numbers())
    assert "|   79.53 | 1.5, 2 |" in reporter("md").render(_numbers())
    assert reporter("csv", lang="vi").render(_numbers()).splitlines()[1] == '8.1,79.53,"1.5, 2"'
    assert json.loads(reporter("json", lang="vi").render(_numbers())) == {"score": 79.53}


def test_the_old_signature_still_works():
    chosen = reporter("table", "never")
    assert (chosen.lang, chosen.width, chosen.wide) == ("en", None, False)
    assert reporter("md").render(_numbers()).count("79.53") == 1


# --- names without a translation --------------------------------------------------------


def test_text_shown_marks_an_english_fallback():
    fallback = Text("Sở Nội vụ", "Sở Nội vụ", en_fallback=True)
    assert isinstance(fallback.shown("en"), Untranslated)
    assert fallback.shown("en") == "Sở Nội vụ"
    assert not isinstance(fallback.shown("vi"), Untranslated)
    assert not isinstance(Text("Home Affairs", "Sở Nội vụ").shown("en"), Untranslated)
    assert fallback == Text("Sở Nội vụ", "Sở Nội vụ")  # the flag takes no part in equality


def _untranslated() -> Output:
    table = Table([Column("name", "Name"), Column("lead", "Lead", values={
        "home-affairs": Untranslated("Sở Nội vụ"), "justice": "Department of Justice"})],
                  [{"name": Untranslated("Cải cách *thể chế*"),
                    "lead": ["home-affairs", "justice"]}])
    return Output([table], None)


def test_markdown_shows_untranslated_names_in_italics():
    md = MarkdownReporter().render(_untranslated())
    assert "| *Cải cách \\*thể chế\\** | *Sở Nội vụ*, Department of Justice |" in md
    html = MarkdownIt("commonmark").enable(["table"]).render(md)
    assert "<em>Cải cách *thể chế*</em>" in html
    assert "<em>Sở Nội vụ</em>, Department of Justice" in html


def test_terminal_leaves_untranslated_names_plain_or_italic():
    plain = PlainReporter().render(_untranslated())
    assert "Cải cách *thể chế*  Sở Nội vụ, Department of Justice" in plain
    rich = RichReporter("always").render(_untranslated())
    assert "\x1b[3mSở Nội vụ\x1b[0m" in rich
    csv_text = reporter("csv").render(_untranslated())
    assert csv_text == "name,lead\nCải cách *thể chế*,\"home-affairs, justice\"\n"


def test_column_values_map_each_item_of_a_list():
    column = Column("lead", "Lead", values={"a": "Agency A"})
    assert column.shown(["a", "b"]) == ["Agency A", "b"]
    assert column.shown("a") == "Agency A"
    assert column.shown(None) is None


# --- tree ---------------------------------------------------------------------------------


def test_tree_search_shows_each_match_under_its_ancestors(cli):
    result = cli("tree", "--search", "tai chinh", "--format", "csv")
    assert [row["code"] for row in csv.DictReader(io.StringIO(result.out))] == [
        "6", "6.1", "6.1.3", "6.3.3", "6.4"]  # csv: the matches only
    rows = json.loads(cli("tree", "--search", "tai chinh", "--format", "json").out)["rows"]
    assert [row["code"] for row in rows] == ["6", "6.1", "6.1.3", "6.3.3", "6.4"]
    lines = cli("tree", "--search", "tai chinh").out.splitlines()
    codes = [line.split()[0] for line in lines[3:] if line and line[0] in "·0123456789"]
    assert codes[:6] == ["6", "6.1", "6.1.3", "·", "6.3.3", "6.4"]
    assert next(line for line in lines if line.startswith("· ")).split()[1] == "6.3"
    assert lines[-1] == "· marks a row shown only because a match lies below it."
    md = cli("tree", "--search", "tai chinh", "--format", "md").out
    assert "\n| · 6.3 " in md
    rich = cli("tree", "--search", "tai chinh", "--color", "always").out
    assert "\x1b[2m· 6.3" in rich  # dim


def test_tree_search_within_a_code_shows_no_ancestor_above_it(cli):
    md = cli("tree", "6.3", "--search", "tai chinh", "--format", "md").out
    codes = [line.split("|")[1].strip() for line in md.splitlines()[4:] if line.startswith("|")]
    assert codes == ["· 6.3", "6.3.3"]  # 6.3 does not match: it is context, and 6 is above


def test_tree_shows_leads_by_name_and_marks_those_not_its_own(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    out = cli("tree", "6").out
    lines = {line.split()[0]: line for line in out.splitlines()[3:] if line.strip()}
    assert lines["6"].endswith("Department of Finance")
    assert lines["6.1"].endswith("Department of Finance (inherited)")
    assert cli("tree", "8.3").out.splitlines()[3].endswith(
        "Department of Planning and Investment, Department of Finance (assignments)")
    vi = cli("tree", "6.1", "--lang", "vi").out
    assert f"Sở Tài chính ({t('inherited', 'vi')})" in vi
    md = cli("tree", "6.1", "--format", "md").out
    assert re.search(r"^\| 6\.1 .*\| Department of Finance \(inherited\) +\|$", md, re.M)
    data = cli("tree", "6.1", "--format", "csv").out.splitlines()
    assert data[0].endswith(",lead,lead_source")
    assert data[1].endswith(",finance,inherited")


def test_tree_without_a_registry_shows_the_lead_as_printed(cli, tmp_path):
    criteria = tmp_path / "criteria.yaml"
    criteria.write_bytes(CRITERIA.read_bytes())
    out = cli("tree", "2.1", "--criteria", criteria).out
    assert "Sở Tư pháp" in out
    assert "Department of Justice" not in out


def test_tree_names_leads_in_vietnamese_and_writes_comma_decimals(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    lines = cli("tree", "2.4", "--lang", "vi").out.splitlines()
    row = next(line for line in lines if line.startswith("2.4 "))
    assert row.split()[-7:] == ["5,0", "3,66", "4,4", "0,74", "Sở", "Tư", "pháp"]
    assert json.loads(cli("tree", "2.4", "--lang", "vi", "--format", "json").out)["rows"][0][
        "baseline"] == 3.66


def test_tree_marks_untranslated_names_in_markdown(cli, tmp_path):
    from parcli.models.criteria import Criterion

    if not Criterion(code="1", name="x").text.en_fallback:
        pytest.skip("parcli.models' `text` properties do not flag an English fallback yet")
    criteria = tmp_path / "criteria_2020.yaml"
    text = CRITERIA.read_text("utf-8")
    english = "  name_en: Direction and management of administrative reform\n"
    assert text.count(english.replace("  name_en", "    name_en")) == 1
    criteria.write_text(text.replace(english.replace("  name_en", "    name_en"), ""), "utf-8")
    (tmp_path / "agencies.yaml").write_bytes(AGENCIES.read_bytes())
    md = cli("tree", "1", "--depth", "1", "--format", "md", "--criteria", criteria).out
    assert "| *CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC* " in md
    assert "*" not in cli("tree", "1", "--depth", "1", "--format", "md", "--lang", "vi",
                          "--criteria", criteria).out


def test_a_line_break_in_a_cell_never_breaks_the_table():
    table = Table([Column("code", "Code"), Column("name", "Name")],
                  [{"code": "1", "name": "two\nlines\tand a tab"}])
    for chosen in (PlainReporter(wide=True), PlainReporter(width=100)):
        assert chosen.render(Output([table], None)).splitlines()[2] == "1       two lines and a tab"


def test_wide_characters_count_twice():
    assert text_width("Sở Nội vụ") == 9
    assert text_width("行政") == 4
    assert text_width("e\u0301") == 1


def test_numbers_in_each_language():
    from parcli.numbers import number, number_text

    assert [number(Decimal(v), "vi") for v in ("79.53", "8.50", "100", "-0.01")] == [
        "79,53", "8,5", "100", "-0,01"]
    assert number(Decimal("79.53")) == "79.53"
    assert number(None, "vi") == ""
    assert Text("{x} points", "{x} điểm").format(x=number_text(Decimal("79.53"))) == Text(
        "79.53 points", "79,53 điểm")
