"""Hostile input through the real entry point: a clear one-line error, the right exit code,
no traceback, bounded time.  Each case mutates the shipped criteria file where that makes
sense, and the expected positions are worked out from the text, not from parcli's output."""

from __future__ import annotations

import json
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from conftest import AGENCIES, ASSIGNMENTS, CRITERIA, Result

Cli = Callable[..., Result]
BASE = CRITERIA.read_text(encoding="utf-8")
LINES = BASE.splitlines()


def line_of(text: str, start: int = 0) -> int:
    """1-based number of the first line of the shipped file equal to `text` (after `start`)."""
    return LINES.index(text, start) + 1


def replace_line(number: int, new: str) -> str:
    lines = BASE.splitlines(keepends=True)
    lines[number - 1] = new + "\n"
    return "".join(lines)


def insert_after(number: int, new: str) -> str:
    lines = BASE.splitlines(keepends=True)
    lines.insert(number, new + "\n")
    return "".join(lines)


@dataclass
class Case:
    id: str
    content: bytes
    message: str
    rule: str
    line: int | None = None
    column: int | None = None

    def expected(self, path: Path) -> str:
        where = f"{path}:{self.line}:{self.column}" if self.line else str(path)
        return f"{where}: error {self.message} [{self.rule}]"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _cases() -> list[Case]:
    cases = [
        Case("empty", b"", "the file holds no YAML document (empty or only comments)",
             "empty-file", 1, 1),
        Case("only-comments", b"# criteria\n\n# nothing yet\n",
             "the file holds no YAML document (empty or only comments)", "empty-file", 1, 1),
        Case("scalar", b"PAR Index 2020\n",
             "expected a mapping of keys at the top level, found text 'PAR Index 2020'",
             "schema", 1, 1),
        Case("list", b"- code: '1'\n- code: '2'\n",
             "expected a mapping of keys at the top level, found a list", "schema", 1, 1),
        # A PNG header: the first NUL is the first byte of line 3.
        Case("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe" + bytes(range(256)),
             "binary data (a NUL byte), not a YAML text file", "encoding", 3, 1),
        Case("utf16-without-bom", BASE.encode("utf-16-le"),
             "file looks like UTF-16 without a byte-order mark; save it as UTF-8", "encoding",
             1, 1),
        Case("utf32", BASE.encode("utf-32"), "file is UTF-32; save it as UTF-8", "encoding",
             1, 1),
    ]

    # Latin-1: one é in the province's English name.
    province = line_of("province: {name: Đắk Lắk, name_en: Dak Lak}")
    raw = _utf8(replace_line(province, "province: {name: Đắk Lắk, name_en: Dak Lak caf")).replace(
        b"Dak Lak caf\n", b"Dak Lak caf\xe9\n")
    offset = raw.index(b"\xe9")
    cases.append(Case("latin-1", raw, f"not UTF-8: byte 0xE9 at byte offset {offset} (Latin-1 "
                      "or Windows-1258?); save the file as UTF-8", "encoding", province,
                      len("province: {name: Đắk Lắk, name_en: Dak Lak caf") + 1))

    # Windows-1258 writes Vietnamese decomposed: base letter, then a combining tone mark.
    decomposed = unicodedata.normalize("NFD", BASE)
    raw = decomposed.encode("cp1258", errors="replace")
    first = next(i for i, char in enumerate(decomposed) if not char.isascii())
    line = decomposed.count("\n", 0, first) + 1
    column = first - (decomposed.rfind("\n", 0, first) + 1) + 1
    byte = decomposed[first].encode("cp1258")[0]  # strict: this character has a code
    cases.append(Case("windows-1258", raw, f"not UTF-8: byte 0x{byte:02X} at byte offset {first} "
                      "(Latin-1 or Windows-1258?); save the file as UTF-8", "encoding",
                      line, column))

    # Duplicate keys at depth: in a criterion row, and in a flow mapping.
    first_max = line_of("    max: 8.5")
    cases.append(Case("duplicate-key-in-row", _utf8(insert_after(first_max, "    max: 9")),
                      f"duplicate key 'max' (first at line {first_max})", "duplicate-key",
                      first_max + 1, 5))
    rank = line_of("rank: {position: 50, of: 63}")
    cases.append(Case("duplicate-key-in-flow-mapping",
                      _utf8(replace_line(rank, "rank: {position: 50, of: 63, position: 49}")),
                      f"duplicate key 'position' (first at line {rank})", "duplicate-key",
                      rank, len("rank: {position: 50, of: 63, ") + 1))

    lol = "".join(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
                  for prev, name in pairwise("abcdefghi"))
    cases.append(Case("billion-laughs", _utf8('a: &a ["lol", "lol", "lol", "lol"]\n' + lol),
                      "YAML alias *a is not allowed in parcli data; write the value out",
                      "yaml-alias", 2, 8))

    tag_line = line_of("baseline_year: 2019")
    cases.append(Case("python-tag-in-file", _utf8(replace_line(
        tag_line, 'baseline_year: !!python/object/apply:os.system ["echo hi"]')),
        "tag !!python/object/apply:os.system is not allowed in parcli data", "yaml-tag",
        tag_line, 16))
    cases.append(Case("python-tag-at-top", b'!!python/object/apply:os.system ["echo hi"]\n',
                      "tag !!python/object/apply:os.system is not allowed in parcli data",
                      "yaml-tag", 1, 1))

    total_baseline = line_of("  baseline: 79.53")
    for value in (".nan", ".NaN", ".inf", "-.inf"):
        cases.append(Case(f"not-finite-{value}", _utf8(replace_line(
            total_baseline, f"  baseline: {value}")), f"{value} is not a finite number",
            "not-finite", total_baseline, 13))
    cases.append(Case("decimal-comma", _utf8(replace_line(total_baseline, "  baseline: 79,53")),
                      "total.baseline: decimal comma in '79,53': write 79.53 with a dot",
                      "decimal-comma", total_baseline, 13))

    # Row "1" prints max 8.5, baseline 6.5, target 8.
    row_baseline, row_target = line_of("    baseline: 6.5"), line_of("    target: 8")
    assert first_max < row_baseline < row_target < line_of('  - code: "1.1"')
    cases.append(Case("negative-score", _utf8(replace_line(row_baseline, "    baseline: -6.5")),
                      "criteria[0].baseline: baseline -6.5 is outside [0, 8.5]", "score-range",
                      row_baseline, 15))
    cases.append(Case("score-above-max", _utf8(replace_line(row_target, "    target: 9")),
                      "criteria[0].target: target 9 is outside [0, 8.5]", "score-range",
                      row_target, 13))
    cases.append(Case("negative-max", _utf8(replace_line(first_max, "    max: -8.5")),
                      "criteria[0].max: max -8.5 is negative", "score-range", first_max, 10))

    cases.append(Case("scalar-where-a-mapping-belongs",
                      _utf8(replace_line(province, "province: Đắk Lắk")),
                      "province: expected a mapping of keys, found text 'Đắk Lắk'", "schema",
                      province, 11))
    code_line = line_of('  - code: "1.1"')
    cases.append(Case("unquoted-code", _utf8(replace_line(code_line, "  - code: 1.1")),
                      'criteria[1].code: a code is text: quote it, e.g. code: "1.1"', "schema",
                      code_line, 11))
    cases.append(Case("octal-looking-number", _utf8(replace_line(first_max, "    max: 08")),
                      "criteria[0].max: expected a number, found text '08'", "schema",
                      first_max, 10))
    cases.append(Case("control-character", _utf8(replace_line(
        province, "province: {name: Đắk Lắk\x1b, name_en: Dak Lak}")),
        "control character U+001B is not allowed in YAML", "encoding", province, 25))
    cases.append(Case("syntax-error", _utf8(replace_line(rank, "rank: {position: 50, of: 63")),
                      "syntax error: did not find expected ',' or '}' (while parsing a flow "
                      "mapping)", "yaml-syntax", rank + 1, len("sipas") + 1))
    return cases


CASES = _cases()


@pytest.fixture(params=CASES, ids=[case.id for case in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


def write(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "criteria.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def assert_clean(result: Result) -> None:
    assert "Traceback" not in result.out + result.err
    assert "internal error" not in result.err


def test_check_refuses_hostile_input_with_one_exact_line(cli: Cli, tmp_path: Path,
                                                         case: Case) -> None:
    path = write(tmp_path, case.content)
    start = time.perf_counter()
    result = cli("check", "--criteria", path)
    assert time.perf_counter() - start < 2
    assert_clean(result)
    assert result.code == 1
    assert result.out == ""
    assert result.err.splitlines() == [case.expected(path)]


def test_validate_reports_the_same_line_and_fails(cli: Cli, tmp_path: Path, case: Case) -> None:
    path = write(tmp_path, case.content)
    result = cli("validate", "--criteria", path)
    assert_clean(result)
    assert result.code == 1
    mine = [line for line in result.out.splitlines() if line.startswith(str(path))]
    assert mine == [case.expected(path)]


def test_github_format_annotates_the_line(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, replace_line(line_of("  baseline: 79.53"), "  baseline: .inf"))
    result = cli("check", "--criteria", path, "--format", "github")
    assert result.code == 1
    line = line_of("  baseline: 79.53")
    assert f"::error file={path},line={line},col=13" in result.out


def test_python_tag_is_never_executed(cli: Cli, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    for text in (f'!!python/object/apply:os.system ["touch {marker}"]\n',
                 f'a: !!python/object/apply:subprocess.call [["touch", "{marker}"]]\n',
                 f'a: !!python/object/new:os.system ["touch {marker}"]\n'):
        result = cli("check", "--criteria", write(tmp_path, text))
        assert result.code == 1
        assert "is not allowed in parcli data [yaml-tag]" in result.err
    assert not marker.exists()


# --- accepted encodings ------------------------------------------------------------------------

def _folder(tmp_path: Path, name: str) -> Path:
    """A folder of its own, so that two copies of the criteria file differ only in path."""
    folder = tmp_path / name
    folder.mkdir()
    return folder


def test_utf8_with_bom_is_accepted(cli: Cli, tmp_path: Path) -> None:
    plain_path = write(_folder(tmp_path, "plain"), CRITERIA.read_bytes())
    plain = cli("check", "--criteria", plain_path)
    path = write(_folder(tmp_path, "bom"), b"\xef\xbb\xbf" + CRITERIA.read_bytes())
    result = cli("check", "--criteria", path)
    assert_clean(result)
    assert (result.code, result.err) == (0, "")
    assert f"\nData: {path}\n" in result.out
    assert result.out == plain.out.replace(str(plain_path), str(path))
    assert "79.53" in result.out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(cli: Cli, tmp_path: Path, encoding: str) -> None:
    plain_path = write(_folder(tmp_path, "plain"), CRITERIA.read_bytes())
    plain = cli("check", "--criteria", plain_path, "--format", "json")
    content = BASE.encode(encoding)
    if encoding == "utf-16-be":
        content = b"\xfe\xff" + content
    path = write(_folder(tmp_path, "utf16"), content)
    result = cli("check", "--criteria", path, "--format", "json")
    assert_clean(result)
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out)["sources"] == [
        {"kind": "criteria", "path": str(path), "bundled": False}]
    assert result.out == plain.out.replace(str(plain_path), str(path))


def test_utf16_with_bom_but_broken_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = write(tmp_path, b"\xff\xfe" + "a: 1\n".encode("utf-16-le") + b"\x00\xd8")
    result = cli("check", "--criteria", path)
    assert result.code == 1
    assert result.err == (f"{path}:1:1: error file starts with a UTF-16 byte-order mark but is "
                          "not valid UTF-16; save it as UTF-8 [encoding]\n")


# --- nesting and bombs: bounded time ------------------------------------------------------------

@pytest.mark.parametrize(("text", "column"), [
    ("[" * 10_000 + "]" * 10_000 + "\n", 1001),
    ("{a: " * 10_000 + "1" + "}" * 10_000 + "\n", 4001),
], ids=["list", "mapping"])
def test_ten_thousand_deep_nesting(cli: Cli, tmp_path: Path, text: str, column: int) -> None:
    path = write(tmp_path, text)
    start = time.perf_counter()
    result = cli("check", "--criteria", path)
    assert time.perf_counter() - start < 2
    assert_clean(result)
    assert result.code == 1
    # libyaml stops at 1,000 levels; parcli would stop at 64 anyway.
    assert result.err == f"{path}:1:{column}: error nesting deeper than 64 levels [too-deep]\n"


def test_deep_block_nesting_stops_at_the_limit(cli: Cli, tmp_path: Path) -> None:
    text = "".join("  " * depth + "a:\n" for depth in range(100)) + "  " * 100 + "b: 1\n"
    result = cli("check", "--criteria", write(tmp_path, text))
    assert result.code == 1
    # The mapping at depth 64 starts on line 65, indented 128 spaces.
    assert result.err.endswith(":65:129: error nesting deeper than 64 levels [too-deep]\n")


def test_billion_laughs_is_refused_quickly(cli: Cli, tmp_path: Path) -> None:
    names = "abcdefghij"
    text = "a: &a [" + ", ".join(['"lol"'] * 10) + "]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n"
        for prev, name in pairwise(names))  # 10**10 strings if expanded
    path = write(tmp_path, text)
    start = time.perf_counter()
    result = cli("check", "--criteria", path)
    assert time.perf_counter() - start < 1
    assert result.code == 1
    assert result.err == (f"{path}:2:8: error YAML alias *a is not allowed in parcli data; "
                          "write the value out [yaml-alias]\n")


# --- size cap, directories, missing paths ------------------------------------------------------

def test_size_cap_is_configurable(cli: Cli, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, CRITERIA.read_bytes())
    size = path.stat().st_size
    monkeypatch.setenv("PARCLI_MAX_BYTES", "1000")
    result = cli("check", "--criteria", path)
    assert_clean(result)
    assert result.code == 1
    assert result.err == (f"{path}: error file is {size:,} bytes, over the 1,000-byte limit "
                          "(set PARCLI_MAX_BYTES to raise it) [file-too-large]\n")
    monkeypatch.setenv("PARCLI_MAX_BYTES", str(size))
    assert cli("check", "--criteria", path).code == 0


def test_a_size_cap_that_is_not_a_size_is_a_usage_error(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCLI_MAX_BYTES", "ten megs")
    result = cli("check", "--criteria", CRITERIA)
    assert_clean(result)
    assert result.code == 2
    assert result.err == ("parcli: error: PARCLI_MAX_BYTES='ten megs' is not a size; write "
                          "bytes, or e.g. 50M\n")


def test_fifty_megabytes_are_refused_without_reading_them(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no disk, no time
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    start = time.perf_counter()
    result = cli("check", "--criteria", path)
    assert time.perf_counter() - start < 1
    assert path not in opened
    assert_clean(result)
    assert result.code == 1
    assert result.err == (f"{path}: error file is 52,428,800 bytes, over the 10,485,760-byte "
                          "limit (set PARCLI_MAX_BYTES to raise it) [file-too-large]\n")


def test_a_file_that_lies_about_its_size_is_still_capped(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # /dev/zero reports size 0 and never ends; only a bounded read can refuse it.
    monkeypatch.setenv("PARCLI_MAX_BYTES", "4096")
    result = cli("check", "--criteria", "/dev/zero")
    assert_clean(result)
    assert result.code == 1
    assert result.err == ("/dev/zero: error file is over the 4,096-byte limit (set "
                          "PARCLI_MAX_BYTES to raise it) [file-too-large]\n")


@pytest.mark.parametrize("command", ["check", "validate"])
def test_directory_is_a_usage_error(cli: Cli, tmp_path: Path, command: str) -> None:
    result = cli(command, "--criteria", tmp_path)
    assert_clean(result)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"parcli: error: --criteria: {tmp_path}: is a directory, not a YAML " \
        "file\n"


@pytest.mark.parametrize("command", ["check", "validate"])
def test_missing_path_is_a_usage_error(cli: Cli, tmp_path: Path, command: str) -> None:
    path = tmp_path / "nope.yaml"
    result = cli(command, "--criteria", path)
    assert_clean(result)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"parcli: error: --criteria: {path}: no such file\n"


def test_a_name_too_long_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / ("x" * 5000)
    result = cli("check", "--criteria", path)
    assert_clean(result)
    assert result.code == 2
    assert result.err == f"parcli: error: --criteria: {path}: File name too long\n"


@pytest.mark.parametrize("option", ["--assignments", "--agencies"])
def test_other_data_options_are_checked_the_same_way(cli: Cli, tmp_path: Path,
                                                      option: str) -> None:
    missing = tmp_path / "nope.yaml"
    for path, what in ((missing, "no such file"), (tmp_path, "is a directory, not a YAML file")):
        result = cli("validate", "--criteria", CRITERIA, option, path)
        assert_clean(result)
        assert (result.code, result.out) == (2, "")
        assert result.err == f"parcli: error: {option}: {path}: {what}\n"


@pytest.mark.parametrize("option", ["--assignments", "--agencies"])
def test_other_data_options_need_a_criteria_file(cli: Cli, option: str) -> None:
    result = cli("validate", option, ASSIGNMENTS if option == "--assignments" else AGENCIES)
    assert (result.code, result.out) == (2, "")
    assert result.err == ("parcli: error: --assignments, --agencies and --plan need --criteria: "
                          "the bundled plan is used only when no data file is named\n")
