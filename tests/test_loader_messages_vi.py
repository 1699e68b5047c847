"""Issue 19, item 9: what the loader says of a data file it cannot use (a wrong type, an
unknown or duplicate key, an empty file, a file of no known kind) reads as Vietnamese under
`validate --lang vi`, its level word too; English stays as it was. Data: a copy of
data/criteria_2020.yaml edited in tmp_path, and small files written here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CRITERIA

TARGET = "  target: 92.81\n"


def _criteria(tmp_path: Path, new: str) -> Path:
    text = CRITERIA.read_text(encoding="utf-8")
    assert text.count(TARGET) == 1  # the total's target, line 20
    path = tmp_path / "criteria.yaml"
    path.write_text(text.replace(TARGET, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "english", "vietnamese"), [
    ("  target: abc\n",
     "criteria.yaml:20:11: error total.target: expected a number, found text 'abc' [schema]",
     "criteria.yaml:20:11: lỗi total.target: cần một số, nhưng gặp chữ 'abc' [schema]"),
    (TARGET + "  tagret: 1\n",
     "criteria.yaml:21:3: error total.tagret: unknown key [schema]",
     "criteria.yaml:21:3: lỗi total.tagret: khóa không hợp lệ [schema]"),
    (TARGET + TARGET,
     "criteria.yaml:21:3: error duplicate key 'target' (first at line 20) [duplicate-key]",
     "criteria.yaml:21:3: lỗi khóa 'target' bị lặp (đã có ở dòng 20) [duplicate-key]"),
])
def test_a_broken_criteria_file(cli, tmp_path, monkeypatch, edit, english, vietnamese) -> None:
    monkeypatch.chdir(tmp_path)
    _criteria(tmp_path, edit)
    result = cli("validate", "criteria.yaml")
    assert result.code == 1 and result.out.splitlines()[0] == english
    result = cli("validate", "--lang", "vi", "criteria.yaml")
    assert result.code == 1 and result.out.splitlines()[0] == vietnamese


def test_a_file_parcli_cannot_read(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text("", encoding="utf-8")
    assert cli("validate", "x.yaml").out.splitlines()[0] == (
        "x.yaml:1:1: error the file holds no YAML document (empty or only comments) "
        "[empty-file]")
    result = cli("validate", "--lang", "vi", "x.yaml")
    assert (result.code, result.out.splitlines()[0]) == (
        1, "x.yaml:1:1: lỗi tệp không có nội dung YAML (trống hoặc chỉ có chú thích) "
           "[empty-file]")
    (tmp_path / "x.yaml").write_text("- a\n", encoding="utf-8")
    english = cli("validate", "x.yaml").out.splitlines()[0]
    found = re.fullmatch(r"x\.yaml:1:1: error cannot tell which kind of parcli data file this "
                         r"is \(expected one top-level key of (?P<keys>[a-z, ]+)\) \[schema\]",
                         english)
    assert found, english
    result = cli("validate", "--lang", "vi", "x.yaml")
    assert (result.code, result.out.splitlines()[0]) == (
        1, "x.yaml:1:1: lỗi không xác định được đây là loại tệp dữ liệu nào của parcli (cần "
           f"đúng một khóa cấp cao nhất trong số: {found['keys']}) [schema]")


def test_plan_file_schema_messages_in_vietnamese(cli, tmp_path) -> None:
    """data/plan_2020.yaml copied with a wrong year, measure and empty agencies."""
    from tests.conftest import DATA

    for path in DATA.glob("*.yaml"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    plan = tmp_path / "plan_2020.yaml"
    text = plan.read_text(encoding="utf-8").replace("year: 2020", "year: twenty", 1)
    text = text.replace("measure: threshold", "measure: percent", 1)
    plan.write_text(text, encoding="utf-8")
    result = cli("validate", "--lang", "vi", "--criteria", tmp_path / "criteria_2020.yaml")
    assert result.code == 1
    errors = [line.split(": lỗi ", 1)[1] for line in result.out.splitlines() if ": lỗi " in line]
    assert errors == ["year: cần một số nguyên, nhưng gặp chữ 'twenty' [schema]",
                      "goals[1].measure: phải là một trong 'rank', 'threshold' [schema]"]
    english = cli("validate", "--criteria", tmp_path / "criteria_2020.yaml")
    assert [line.split(": error ", 1)[1] for line in english.out.splitlines()
            if ": error " in line] == [
        "year: expected a whole number, found text 'twenty' [schema]",
        "goals[1].measure: must be one of 'rank', 'threshold' [schema]"]
    wrong = cli("validate", "--lang", "vi", "--criteria", tmp_path / "criteria_2020.yaml",
                "--plan", tmp_path / "criteria_2020.yaml")
    assert "lỗi tệp này có vẻ là tệp tiêu chí, không phải tệp kế hoạch [schema]" in wrong.out
