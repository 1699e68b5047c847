"""Bidirectional control characters in names ("Trojan Source") never reach a reader raw: every
text format shows their escape (issue 18, item 23). Data: a copy of data/criteria_2020.yaml
with a criterion's name holding U+202E."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CRITERIA

RLO = "\u202e"


@pytest.fixture
def criteria(tmp_path: Path) -> Path:
    text = CRITERIA.read_text(encoding="utf-8")
    name = "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"
    assert name in text
    target = tmp_path / "criteria_2020.yaml"
    target.write_text(text.replace(name, f"{name} {RLO}gnp.exe", 1), encoding="utf-8")
    return target


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "csv-excel"])
def test_text_formats_show_the_escape(cli, criteria, fmt) -> None:
    result = cli("tree", "--depth", "1", "--criteria", criteria, "-f", fmt, "--lang", "vi")
    assert result.code == 0, result.err
    assert RLO not in result.out
    assert "\\u202egnp.exe" in result.out


def test_json_keeps_the_value_as_an_escape(cli, criteria) -> None:
    result = cli("tree", "--depth", "1", "--criteria", criteria, "-f", "json", "--lang", "vi")
    assert RLO not in result.out
    names = [row["name"] for row in json.loads(result.out)["rows"]]
    assert any(name.endswith(f"{RLO}gnp.exe") for name in names)
