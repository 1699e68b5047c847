"""The loader: exact numbers, NFC text, duplicate keys, positions, and what it refuses."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from parcli.load import Document, load_document, load_model, max_bytes, parse, read_text
from parcli.models.criteria import CriteriaFile
from parcli.problems import DataError, Problem, UsageError

SMALL = """\
index: {name: Chỉ số, name_en: Index, short: PAR}
province: {name: Tỉnh, name_en: Province}
baseline_year: 2019
target_year: 2020
source: {title: Kế hoạch, title_en: Plan}
total: {max: 3, baseline: 1.5, target: 2.75}
criteria:
  - code: "1"
    name: Lĩnh vực
    name_en: Field
    max: 3
    baseline: 1.5
    target: 2.75
  - code: "1.1"
    name: Tiêu chí một
    name_en: One
    max: 1
    baseline: 0.5
    target: 1
  - code: "1.2"
    name: Tiêu chí hai
    name_en: Two
    max: 1
    baseline: 0.5
    target: 0.75
  - code: "1.3"
    name: Tiêu chí ba
    name_en: Three
    max: 1
    baseline: 0.5
    target: 1
"""


def only(exc: pytest.ExceptionInfo[DataError]) -> Problem:
    assert len(exc.value.problems) == 1, exc.value.problems
    return exc.value.problems[0]


def write(tmp_path: Path, text: str | bytes, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- numbers -------------------------------------------------------------------------------

def test_numbers_are_exact_decimals_never_floats() -> None:
    data = parse("a: 79.53\nb: 0.1\nc: 92.81\nd: 1_000.25\ne: -0.5\nf: 1.0e+2\n", "f.yaml").data
    assert data == {"a": Decimal("79.53"), "b": Decimal("0.1"), "c": Decimal("92.81"),
                    "d": Decimal("1000.25"), "e": Decimal("-0.5"), "f": Decimal("100")}
    for value in data.values():
        assert type(value) is Decimal
    assert str(data["a"]) == "79.53"  # not 79.5299999...
    assert data["a"] + data["b"] == Decimal("79.63")


def test_integers_stay_int_and_booleans_and_null() -> None:
    data = parse("a: 100\nb: -3\nc: 0x10\nd: true\ne: no\nf: ~\ng: 0\n", "f.yaml").data
    assert data == {"a": 100, "b": -3, "c": 16, "d": True, "e": False, "f": None, "g": 0}
    assert type(data["a"]) is int


def test_leading_zero_is_refused_not_read_as_octal() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: 1\nmax: 010\n", "f.yaml")
    problem = only(exc)
    assert (problem.line, problem.column, problem.rule) == (2, 6, "schema")
    assert problem.message == ("010 has a leading zero, which YAML reads as an octal number; "
                               "write it without the zero, or quote it if it is text")


def test_dates_stay_text() -> None:
    assert parse("due: 2020-12-31\n", "f.yaml").data == {"due": "2020-12-31"}


@pytest.mark.parametrize("value", [".inf", "-.inf", "+.inf", ".nan", ".NaN", ".Inf"])
def test_non_finite_numbers_are_refused(value: str) -> None:
    with pytest.raises(DataError) as exc:
        parse(f"a: 1\nmax: {value}\n", "f.yaml")
    problem = only(exc)
    assert problem.one_line() == f"f.yaml:2:6: error {value} is not a finite number [not-finite]"


# --- text ------------------------------------------------------------------------------------

def test_strings_are_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Đắk Lắk")
    assert decomposed != "Đắk Lắk"
    data = parse(f"name: {decomposed}\nlist: [{decomposed}]\n", "f.yaml").data
    assert data == {"name": "Đắk Lắk", "list": ["Đắk Lắk"]}
    assert unicodedata.is_normalized("NFC", data["name"])


def test_keys_are_nfc_too_so_two_spellings_of_one_key_are_duplicates() -> None:
    text = f"{unicodedata.normalize('NFD', 'tên')}: 1\ntên: 2\n"
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    assert only(exc).message == "duplicate key 'tên' (first at line 1)"


def test_keys_are_always_text_as_written() -> None:
    assert parse("yes: 1\n1: 2\n~: 3\n1.5: 4\n", "f.yaml").data == {
        "yes": 1, "1": 2, "~": 3, "1.5": 4}


# --- duplicate keys ----------------------------------------------------------------------------

def test_duplicate_key_at_top_level_names_both_lines() -> None:
    with pytest.raises(DataError) as exc:
        parse("code: 1\nname: x\ncode: 2\n", "f.yaml")
    problem = only(exc)
    assert problem.one_line() == ("f.yaml:3:1: error duplicate key 'code' (first at line 1) "
                                  "[duplicate-key]")


def test_duplicate_key_nested_names_both_lines() -> None:
    text = "criteria:\n  - code: '1'\n    name: x\n    code: '2'\n"
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    problem = only(exc)
    assert (problem.line, problem.column) == (4, 5)
    assert problem.message == "duplicate key 'code' (first at line 2)"
    assert problem.rule == "duplicate-key"


def test_duplicate_key_in_a_flow_mapping() -> None:
    with pytest.raises(DataError) as exc:
        parse("a:\n  b: {x: 1, y: 2, x: 3}\n", "f.yaml")
    assert only(exc).one_line() == ("f.yaml:2:19: error duplicate key 'x' (first at line 2) "
                                    "[duplicate-key]")


# --- syntax and refusals -------------------------------------------------------------------------

def test_syntax_error_gives_file_line_and_column() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: 1\nb: [1, 2\nc: 3\n", "plan.yaml")
    problem = only(exc)
    assert problem.location() == "plan.yaml:3:2"
    assert problem.one_line() == ("plan.yaml:3:2: error syntax error: did not find expected "
                                  "',' or ']' (while parsing a flow sequence) [yaml-syntax]")


def test_tab_indentation_is_a_syntax_error_with_position() -> None:
    with pytest.raises(DataError) as exc:
        parse("a:\n\tb: 1\n", "f.yaml")
    assert only(exc).location() == "f.yaml:2:1"


def test_two_documents_are_refused() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: 1\n---\nb: 2\n", "f.yaml")
    assert only(exc).one_line() == ("f.yaml:2:1: error syntax error: but found another document "
                                    "(expected a single document in the stream) [yaml-syntax]")


def test_aliases_are_refused_at_the_alias() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert only(exc).one_line() == ("f.yaml:2:4: error YAML alias *x is not allowed in parcli "
                                    "data; write the value out [yaml-alias]")


def test_recursive_alias_is_refused_without_recursing() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: &x [1, *x]\n", "f.yaml")
    assert only(exc).rule == "yaml-alias"


def test_merge_keys_are_refused() -> None:
    with pytest.raises(DataError) as exc:
        parse("a: &x {b: 1}\nc:\n  <<: *x\n", "f.yaml")
    assert only(exc).one_line() == ("f.yaml:3:3: error merge keys (<<) are not allowed in "
                                    "parcli data [yaml-alias]")


def test_python_tags_are_refused_and_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    assert only(exc).one_line() == ("f.yaml:1:1: error tag !!python/object/apply:os.system is "
                                    "not allowed in parcli data [yaml-tag]")
    assert not marker.exists()


@pytest.mark.parametrize(("text", "tag"), [
    ("a: !!binary aGk=\n", "!!binary"),
    ("a: !!set {x: null}\n", "!!set"),
    ("a: !local 1\n", "!local"),
    ("a: !!python/name:os.system ''\n", "!!python/name:os.system"),
])
def test_other_tags_are_refused(text: str, tag: str) -> None:
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    assert only(exc).one_line() == (f"f.yaml:1:4: error tag {tag} is not allowed in parcli "
                                    "data [yaml-tag]")


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    text = "a: " + "[" * 70 + "]" * 70 + "\n"
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    problem = only(exc)
    assert problem.rule == "too-deep"
    assert problem.message == "nesting deeper than 64 levels"
    assert problem.line == 1


def test_control_character_position_counts_characters_not_bytes() -> None:
    # libyaml reports a byte offset; the Vietnamese letters before it must not shift the line.
    text = "a: Đắk Lắk Đắk Lắk\nb: ắắắ\x07\n"
    with pytest.raises(DataError) as exc:
        parse(text, "f.yaml")
    assert only(exc).one_line() == ("f.yaml:2:7: error control character U+0007 is not allowed "
                                    "in YAML [encoding]")


def test_empty_and_comment_only_documents_are_refused() -> None:
    for text in ("", "# nothing\n# here\n", "\n\n"):
        with pytest.raises(DataError) as exc:
            parse(text, "f.yaml")
        assert only(exc).one_line() == ("f.yaml:1:1: error the file holds no YAML document "
                                        "(empty or only comments) [empty-file]")


# --- reading bytes -------------------------------------------------------------------------------

def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfname: \xc4\x90\xe1\xba\xafk\n")
    assert load_document(path).data == {"name": "Đắk"}


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "a: 79.53\nname: Đắk Lắk\n".encode("utf-16"))
    assert load_document(path).data == {"a": Decimal("79.53"), "name": "Đắk Lắk"}


def test_latin1_is_refused_with_line_and_character_column(tmp_path: Path) -> None:
    raw = "a: Đắk\nb: caf".encode() + b"\xe9\n"
    path = write(tmp_path, raw)
    with pytest.raises(DataError) as exc:
        read_text(path)
    problem = only(exc)
    assert (problem.line, problem.column) == (2, 7)
    assert problem.message == ("not UTF-8: byte 0xE9 at byte offset 16 (Latin-1 or "
                               "Windows-1258?); save the file as UTF-8")


def test_missing_file_and_directory_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_text(tmp_path / "nope.yaml")
    with pytest.raises(UsageError, match="is a directory, not a YAML file"):
        read_text(tmp_path)


def test_a_name_too_long_for_the_file_system_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="File name too long"):
        read_text(tmp_path / ("x" * 5000))


def test_size_cap_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a: 1\n" * 300)
    monkeypatch.setenv("PARCLI_MAX_BYTES", "1000")
    with pytest.raises(DataError) as exc:
        read_text(path)
    problem = only(exc)
    assert problem.rule == "file-too-large"
    assert problem.message == ("file is 1,500 bytes, over the 1,000-byte limit (set "
                               "PARCLI_MAX_BYTES to raise it)")
    monkeypatch.setenv("PARCLI_MAX_BYTES", "1500")
    assert read_text(path).startswith("a: 1\n")


@pytest.mark.parametrize(("value", "limit"), [
    ("", 10 * 1024 * 1024), ("1000", 1000), ("2k", 2048), ("50M", 50 * 1024 * 1024),
    ("10MB", 10 * 1024 * 1024), ("1G", 1024 ** 3), (" 512 ", 512),
])
def test_size_cap_setting(monkeypatch: pytest.MonkeyPatch, value: str, limit: int) -> None:
    monkeypatch.setenv("PARCLI_MAX_BYTES", value)
    assert max_bytes() == limit


def test_size_cap_setting_that_is_not_a_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCLI_MAX_BYTES", "lots")
    with pytest.raises(UsageError) as exc:
        max_bytes()
    assert str(exc.value) == "PARCLI_MAX_BYTES='lots' is not a size; write bytes, or e.g. 50M"


# --- positions -------------------------------------------------------------------------------

def test_position_of_a_value_and_of_its_nearest_ancestor() -> None:
    doc = parse(SMALL, "f.yaml")
    assert isinstance(doc, Document)
    assert doc.position(("criteria", 3, "max")) == (29, 10)
    assert doc.position(("criteria", 1, "code")) == (14, 11)
    assert doc.position(("total", "target")) == (6, 40)
    assert doc.position(("criteria", 3, "lead")) == (26, 5)  # no such key: the row
    assert doc.position(("criteria", 99)) == (8, 3)  # no such row: the list
    assert doc.position(()) == (1, 1)
    assert doc.position(("criteria", 3, "max"), key=True) == (29, 5)


def test_problem_carries_file_line_and_column() -> None:
    doc = parse(SMALL, "f.yaml")
    problem = doc.problem("checksum", "x", ("criteria", 2, "target"), "warning", "1.2")
    assert problem == Problem("checksum", "warning", "x", "f.yaml", 25, 13, "1.2")


def test_schema_error_maps_to_the_yaml_line_with_the_field_path(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace("    max: 1\n    baseline: 0.5\n    target: 1\n",
                                         "    max: 1\n    baseline: 0.5\n    target: 1.5\n"))
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    problems = exc.value.problems
    assert [p.one_line() for p in problems] == [
        f"{path}:19:13: error criteria[1].target: target 1.5 is outside [0, 1] [score-range]",
        f"{path}:31:13: error criteria[3].target: target 1.5 is outside [0, 1] [score-range]",
    ]


def test_schema_error_on_max_of_row_three(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL[: SMALL.rindex("    max: 1\n")] + "    max: -1\n"
                 + "    baseline: 0\n    target: 0\n")
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    problem = only(exc)
    assert problem.location() == f"{path}:29:10"
    assert problem.message == "criteria[3].max: max -1 is negative"
    assert problem.rule == "score-range"


def test_unknown_key_points_at_the_key_and_missing_key_at_its_mapping(tmp_path: Path) -> None:
    text = SMALL.replace("    name_en: Two\n", "    name_en: Two\n    colour:\n      - red\n")
    text = text.replace("    name: Tiêu chí ba\n", "")
    path = write(tmp_path, text)
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert [(p.line, p.column, p.message) for p in exc.value.problems] == [
        (23, 5, "criteria[2].colour: unknown key"),
        (28, 5, "criteria[3].name: required key is missing"),
    ]


def test_bad_key_of_a_dict_field_is_named(tmp_path: Path) -> None:
    text = SMALL.replace("    target: 0.75\n", "    target: 0.75\n    acknowledged: {total: x}\n")
    path = write(tmp_path, text)
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert only(exc).one_line() == (
        f"{path}:26:20: error criteria[2].acknowledged.total: key should be 'max', "
        "'baseline' or 'target' [schema]")


def test_decimal_comma_message_says_to_use_a_dot(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace("    baseline: 0.5\n    target: 0.75\n",
                                         "    baseline: 0,5\n    target: 0.75\n"))
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert only(exc).one_line() == (f"{path}:24:15: error criteria[2].baseline: decimal comma "
                                    "in '0,5': write 0.5 with a dot [decimal-comma]")


@pytest.mark.parametrize(("text", "found"), [
    ("42\n", "the number 42"),
    ("1.5\n", "the number 1.5"),
    ("hello\n", "text 'hello'"),
    ("- a\n- b\n", "a list"),
    ("true\n", "true/false (true)"),
    ("~\n", "nothing (null)"),
])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str, found: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert only(exc).one_line() == (f"{path}:1:1: error expected a mapping of keys at the top "
                                    f"level, found {found} [schema]")


def test_many_schema_errors_are_capped_with_a_count(tmp_path: Path) -> None:
    rows = "".join(f"  - {{code: '1.{i}', name: x, name_en: y, colour: red}}\n"
                   for i in range(1, 60))
    path = write(tmp_path, SMALL.split("criteria:\n")[0] + "criteria:\n" + rows)
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    problems = exc.value.problems
    assert len(problems) == 51
    assert problems[-1].one_line() == (f"{path}: error 9 more schema problems not shown; fix "
                                       "these first [schema]")


def test_valid_small_file_loads_into_the_model(tmp_path: Path) -> None:
    loaded = load_model(write(tmp_path, SMALL), CriteriaFile)
    model = loaded.model
    assert isinstance(model, CriteriaFile)
    assert model.total.target == Decimal("2.75")
    assert [row.code for row in model.criteria] == ["1", "1.1", "1.2", "1.3"]
    assert model.criteria[1].name == "Tiêu chí một"
    assert loaded.file == str(tmp_path / "data.yaml")


def test_a_first_year_file_without_english_names_loads(tmp_path: Path) -> None:
    text = SMALL.replace("baseline_year: 2019\n", "").replace(
        "source: {title: Kế hoạch, title_en: Plan}\n", "").replace(
        "total: {max: 3, baseline: 1.5, target: 2.75}", "total: {max: 3, target: 2.75}")
    for line in ("    name_en: Field\n", "    name_en: One\n", "    name_en: Two\n",
                 "    name_en: Three\n"):
        assert text.count(line) == 1, line
        text = text.replace(line, "")
    model = load_model(write(tmp_path, text), CriteriaFile).model
    assert (model.baseline_year, model.source, model.total.baseline) == (None, None, None)
    assert [row.name_en for row in model.criteria] == [None] * 4


def test_rank_beyond_the_number_ranked_points_at_the_rank(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace("target_year: 2020\n",
                                         "target_year: 2020\nrank: {position: 64, of: 63}\n"))
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert only(exc).one_line() == (f"{path}:5:7: error rank: rank 64 of 63: the position "
                                    "cannot exceed the number ranked [schema]")


def test_score_range_without_a_max_says_infinity(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace("    max: 1\n    baseline: 0.5\n    target: 0.75\n",
                                         "    baseline: -0.5\n    target: 0.75\n"))
    with pytest.raises(DataError) as exc:
        load_model(path, CriteriaFile)
    assert only(exc).one_line() == (f"{path}:23:15: error criteria[2].baseline: baseline -0.5 "
                                    "is outside [0, ∞) [score-range]")


@pytest.mark.parametrize(("text", "kind", "key", "line"), [
    ("year: 2020\nassignments:\n  - {code: '1', title: A}\n", "an assignments", "criteria",
     3),
    ("agencies:\n  - {id: a, name: A}\n", "an agencies", "criteria", 2),
    (SMALL, "a criteria", "agencies", 8),
])
def test_another_kind_of_file_is_named_once(tmp_path: Path, text: str, kind: str, key: str,
                                            line: int) -> None:
    from parcli.models import SCHEMAS

    path = write(tmp_path, text)
    with pytest.raises(DataError) as exc:
        load_model(path, SCHEMAS[key], key)
    wanted = "a criteria" if key == "criteria" else "an agencies"
    # at the key that gives the kind away
    assert only(exc).one_line() == (f"{path}:{line - 1}:1: error this looks like {kind} file, not "
                                    f"{wanted} file [schema]")
