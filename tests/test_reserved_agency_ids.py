"""Issue 18, item 5: `survey` and `no-lead` are parcli's own buckets in `gap --by-agency` and
`agencies`; an agency of the registry that took one of them would silently absorb that
bucket, so the registry's schema refuses them at the id's file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from parcli.engine import gap
from parcli.vocabulary import RESERVED_AGENCY_IDS
from tests.rules.conftest import Case, problems, validate

MEANING = {"survey": "the survey-scored points",
           "no-lead": "the points of criteria without a lead"}


def test_the_engine_buckets_are_reserved() -> None:
    assert gap.SURVEY in RESERVED_AGENCY_IDS
    assert gap.NO_LEAD in RESERVED_AGENCY_IDS
    assert set(MEANING) == set(RESERVED_AGENCY_IDS)


@pytest.mark.parametrize("word", RESERVED_AGENCY_IDS)
def test_a_reserved_word_as_an_agency_id_is_refused(cli, tmp_path: Path, word: str) -> None:
    case = Case(tmp_path, agencies=[("  - id: gamma\n", f"  - id: {word}\n"),
                                    ("    name: Sở Gamma\n",
                                     "    name: Sở Gamma\n    aliases: [gamma]\n")])
    code, data = validate(cli, case)
    assert code == 1
    assert problems(data, "schema") == [{
        "level": "error", "rule": "schema", "code": None, "file": case.file("agencies"),
        "line": case.line("agencies", f"id: {word}"), "column": 9,
        "message": f"agencies[2].id: agency id '{word}' is reserved: parcli's gap --by-agency "
                   f"and agencies use it for {MEANING[word]}; choose another id"}]
    for command in (("gap", "--by-agency"), ("agencies",)):
        result = cli(*command, *case.args())
        assert result.code == 1, command
        assert f"agency id '{word}' is reserved" in result.err


def test_ids_that_only_contain_a_reserved_word_pass(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[("  - id: gamma\n", "  - id: survey-office\n"),
                                    ("  - id: beta\n", "  - id: no-lead-unit\n"),
                                    ("    name: Sở Gamma\n",
                                     "    name: Sở Gamma\n    aliases: [gamma]\n"),
                                    ("    name: Sở Beta\n",
                                     "    name: Sở Beta\n    aliases: [beta]\n")])
    assert validate(cli, case) == (0, {"errors": [], "warnings": []})
