"""agency-superseded (warning): a file of a plan year names an agency that had ceased
(`until`) before that year began."""

from __future__ import annotations

from pathlib import Path

from tests.rules.conftest import Case, Edit, problems, validate

BETA = "    name_en: Beta Department\n"


def _beta(until: str, successor: str | None = "gamma") -> Edit:
    """An edit of the registry: Sở Beta ceased on `until`, Sở Gamma took over."""
    tail = f"    successor: {successor}\n" if successor else ""
    return BETA, f"{BETA}    until: {until}\n{tail}"


def _message(text: str) -> str:
    return (f"'{text}' is beta, which ceased on 2029-06-30, before 2030: its points go to "
            "Gamma Department (gamma); name 'Sở Gamma' here")


def test_every_place_a_file_of_the_year_names_the_old_agency(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_beta("2029-06-30")])
    code, data = validate(cli, case)
    assert code == 0  # a warning: the points already go to the successor
    found = problems(data, "agency-superseded")
    assert [(p["file"], p["line"], p["column"], p["code"], p["message"]) for p in found] == [
        (case.file("criteria"), case.line("criteria", "lead: [Sở Beta]"), 12, "1.2",
         _message("Sở Beta")),
        (case.file("assignments"), case.line("assignments", "implementers: [Sở Beta]"), 20,
         "1.1", _message("Sở Beta")),
        (case.file("assignments"), case.line("assignments", "lead: [sở beta]"), 12, "1.2",
         _message("sở beta")),
        (case.file("assignments"), case.line("assignments", "Sở Beta]", after="2.1.1"), 52,
         "2.1.1", _message("Sở Beta")),
    ]
    assert {p["level"] for p in found} == {"warning"}


def test_an_agency_that_ceased_without_a_successor(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_beta("2029-06-30", successor=None)])
    _, data = validate(cli, case)
    assert problems(data, "agency-superseded")[0]["message"] == (
        "'Sở Beta' is beta, which ceased on 2029-06-30, before 2030, with no successor")


def test_vietnamese_message(cli, tmp_path: Path) -> None:
    case = Case(tmp_path, agencies=[_beta("2029-06-30")])
    _, data = validate(cli, case, "--lang", "vi")
    assert problems(data, "agency-superseded")[0]["message"] == (
        "'Sở Beta' là beta, đã thôi hoạt động từ ngày 30/06/2029, trước năm 2030: điểm của cơ "
        "quan này chuyển cho Sở Gamma (gamma); hãy ghi 'Sở Gamma'")


def test_a_plan_year_that_began_before_the_agency_ceased_passes(cli, tmp_path: Path) -> None:
    # `until` is the day it ceased: one that ceased on 2030-01-02 still worked on 2030-01-01
    # (one that ceased on 2030-01-01 never did: tests/test_mergers.py).
    case = Case(tmp_path, agencies=[_beta("2030-01-02")])
    code, data = validate(cli, case)
    assert problems(data, "agency-superseded") == []
    assert (code, data) == (0, {"errors": [], "warnings": []})
