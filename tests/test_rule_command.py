"""`parcli rule ID` prints a rule's documentation from the rule registry, as `ruff rule X`
does; `parcli rule` lists the catalogue. Data: none (the rules' own modules)."""

from __future__ import annotations

from parcli.rules import catalogue


def test_a_rule_prints_its_module_docstring(cli) -> None:
    import parcli.rules.no_lead as module

    result = cli("rule", "no-lead")
    assert result.code == 0 and result.err == ""
    assert result.out == (
        "no-lead (error)\n\n"
        "a leaf criterion has no lead: none of its own, inherited or in its assignments\n"
        "Runs when these files are given: criteria, assignments, agencies\n\n"
        + (module.__doc__ or "").strip() + "\n")


def test_every_rule_in_the_catalogue_has_its_page(cli) -> None:
    for rule in catalogue():
        result = cli("rule", rule.id)
        assert result.code == 0, rule.id
        assert result.out.startswith(f"{rule.id} ({rule.level})\n"), rule.id


def test_the_level_and_description_follow_the_language(cli) -> None:
    result = cli("rule", "no-lead", "--lang", "vi")
    assert result.out.startswith("no-lead (lỗi)\n\ntiêu chí thành phần không có cơ quan chủ trì")


def test_the_list_is_the_catalogue(cli) -> None:
    lines = cli("rule").out.splitlines()[2:]
    assert [line.split()[0] for line in lines if line.strip()] == [r.id for r in catalogue()]


def test_an_unknown_rule_is_a_usage_error_with_a_suggestion(cli) -> None:
    result = cli("rule", "no-led")
    assert (result.code, result.out) == (2, "")
    assert result.err == "parcli: error: no rule with id 'no-led'; did you mean no-lead?\n"
