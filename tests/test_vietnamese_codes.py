"""Issue 18, item 16: codes and ids as Vietnamese documents write them.

Enumerations run a, b, c, d, đ, e, g: `1.1.đ` is a code, sorted after `1.1.d`; an agency id
is ASCII letters a-z (and the message says so); a first plan may have no `index.short`, and
titles then use the index's name."""

from __future__ import annotations

import json
from pathlib import Path

from parcli.models.common import code_key
from parcli.models.criteria import Criterion, IndexInfo
from tests.rules.conftest import Case, validate


def test_d_with_stroke_is_a_letter_of_a_code() -> None:
    row = {"code": "1.1.đ", "name": "Tiêu chí đ"}
    assert Criterion.model_validate(row).code == "1.1.đ"
    assert Criterion.model_validate(row).parent_code == "1.1"


def test_d_with_stroke_sorts_after_d() -> None:
    codes = ["1.1.g", "1.1.đ", "1.1.e", "1.1.d", "1.1.a", "1.2", "1.1.10", "1.1.II"]
    assert sorted(codes, key=code_key) == ["1.1.10", "1.1.II", "1.1.a", "1.1.d", "1.1.đ",
                                           "1.1.e", "1.1.g", "1.2"]


def _letters(tmp_path: Path) -> Case:
    """The clean plan with field 1's rows lettered d and đ, in both files."""
    return Case(tmp_path,
                criteria=[('code: "1.1"', 'code: "1.d"'), ('code: "1.2"', 'code: "1.đ"')],
                assignments=[('code: "1.1"', 'code: "1.d"'), ('code: "1.2"', 'code: "1.đ"')])


def test_a_plan_with_d_with_stroke_validates(cli, tmp_path: Path) -> None:
    case = _letters(tmp_path)
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
    tree = json.loads(cli("tree", *case.args(), "--format", "json").out)["rows"]
    assert [(row["code"], row["parent"]) for row in tree] == [
        ("1", None), ("1.d", "1"), ("1.đ", "1"), ("2", None), ("2.1", "2")]


def test_an_assignment_under_d_with_stroke_maps_to_it(cli, tmp_path: Path) -> None:
    case = Case(tmp_path / "sub", criteria=[('code: "1.2"', 'code: "1.đ"')],
                assignments=[('code: "1.1"', 'code: "1.đ.1"')])
    _, data = validate(cli, case)
    assert [p["rule"] for p in data["errors"]] == []
    rows = json.loads(cli("assignments", *case.args(), "--format", "json").out)["rows"]
    assert [row["criterion"] for row in rows if row["code"] == "1.đ.1"] == ["1.đ"]


def test_an_agency_id_with_diacritics_is_refused_as_not_ascii(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[("  - id: beta\n", "  - id: sở-beta\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert [(p["rule"], p["line"], p["column"], p["message"]) for p in data["errors"]] == [
        ("schema", case.line("agencies", "id: sở-beta"), 9,
         "agencies[1].id: agency id 'sở-beta' must be ASCII letters a-z (lower case, no "
         "diacritics), digits and single hyphens, such as home-affairs")]


# --- index.short ------------------------------------------------------------------------------

NO_SHORT = ("index: {name: Chỉ số thử nghiệm, name_en: Test Index, short: TI}",
            "index: {name: Chỉ số thử nghiệm, name_en: Test Index}")


def test_index_short_is_optional(cli, tmp_path: Path) -> None:
    assert validate(cli, Case(tmp_path, criteria=[NO_SHORT])) == (
        0, {"errors": [], "warnings": []})


def test_the_index_label_falls_back_to_its_name() -> None:
    short = IndexInfo.model_validate({"name": "Chỉ số CCHC", "name_en": "PAR Index",
                                      "short": "PAR"})
    assert (short.label, short.label_text.en, short.label_text.vi) == ("PAR", "PAR", "PAR")
    named = IndexInfo.model_validate({"name": "Chỉ số CCHC", "name_en": "PAR Index"})
    assert (named.label, named.label_text.en, named.label_text.vi) == (
        "Chỉ số CCHC", "PAR Index", "Chỉ số CCHC")
    vi_only = IndexInfo.model_validate({"name": "Chỉ số CCHC"})
    assert (vi_only.label, vi_only.label_text.en) == ("Chỉ số CCHC", "Chỉ số CCHC")


def test_titles_without_a_short_name_use_the_index_name(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, criteria=[NO_SHORT])
    report = cli("report", *case.args(), "--format", "md")
    assert report.code == 0
    assert report.out.splitlines()[0] == "# Test Index 2030: Test Province"
    written = tmp_path / "results.yaml"
    assert cli("init-results", *case.args(), "-o", written).code == 0
    assert "(Chỉ số thử nghiệm, Tỉnh Thử)" in written.read_text("utf-8").splitlines()[1]
