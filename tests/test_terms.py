"""One term per concept: the English renderings of the plan's terms (the glossary's table of
terms that are easy to render two ways), and `--lang vi` output without English label words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA, ROOT

GLOSSARY = ROOT.parent / "shared" / "GLOSSARY.md"


@dataclass(frozen=True)
class Term:
    """A glossary row: where the Vietnamese (`vi`, in a `context` when the glossary qualifies
    it) appears, the English must match `en` and must not match `not_en`. `word` is the
    rendering itself, so that a term whose rendering is another term's "not" (thanh tra is
    an inspection, kiểm tra never is) does not forbid it where both appear."""

    glossary: str
    vi: str
    en: str
    word: str
    not_en: str | None = None
    context: str | None = None
    case: bool = False  # the English patterns are case-sensitive


TERMS = [
    Term("ngạch (công chức)", r"ngạch công chức", r"\brank", "rank", r"\bgrade"),
    Term("hạng (viên chức)", r"hạng viên chức", r"\bgrade", "grade", r"\brank"),
    Term("hồ sơ (TTHC)", r"\bhồ sơ\b", r"\bdossiers?\b", "dossier",
         r"\b(files?|applications?)\b"),
    Term("công bố (TTHC)", r"\bcông bố\b", r"\bpublicat|\bpublish", "publication",
         r"announc", context=r"\btthc\b|thủ tục hành chính|giải quyết tthc"),
    Term("công khai", r"\bcông khai\b", r"disclos|\b(made|make|making) \w* ?public\b",
         "disclosure", r"publication"),
    Term("kiểm tra", r"\bkiểm tra\b", r"\bcheck", "check", r"inspect|examin"),
    Term("thanh tra", r"\bthanh tra\b", r"\binspection", "inspection", r"\bcheck"),
    Term("kiểm toán nhà nước", r"\bkiểm toán nhà nước\b", r"\bState Audit\b", "State Audit",
         case=True),
    Term("đào tạo, bồi dưỡng", r"đào tạo, bồi dưỡng", r"training and retraining",
         "training and retraining", r"training and development"),
    Term("biên chế", r"\bbiên chế\b", r"\bstaffing quotas?\b", "staffing quota",
         r"\bstaff\b|\bstaffing\b(?! quota)"),
    Term("người dân, tổ chức", r"người dân, tổ chức", r"\bcitizens'?,? (and )?organisations",
         "citizens and organisations", r"\bpeople\b", case=True),
    Term("doanh nghiệp", r"\bdoanh nghiệp\b", r"\benterprise", "enterprise", r"\bbusiness"),
    Term("tỷ lệ", r"\btỷ lệ\b", r"\b(rate|share)\b", "share", r"proportion"),
]

# The plan's own abbreviations: an English reader cannot expand them, so English names spell
# them out (GRDP, SIPAS and ISO are international and stay).
ABBREVIATIONS = ["CCHC", "TTHC", "CBCCVC", "VBQPPL", "QPPL", "PAKN", "BCCI", "SNCL", "CQCM",
                 "ĐVHC", "TDTHPL", "CNTT", "KT-XH", "TTĐT", "UBND", "HĐND"]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _flags(term: Term) -> re.RegexFlag:
    return re.NOFLAG if term.case else re.IGNORECASE


def present(term: Term, vietnamese: str) -> bool:
    folded = _nfc(vietnamese).casefold()
    return bool(re.search(term.vi, folded)) and (
        term.context is None or bool(re.search(term.context, folded)))


def misrendered(vietnamese: str, english: str) -> list[str]:
    """What is wrong with one pair, one line per term."""
    terms = [term for term in TERMS if present(term, vietnamese)]
    wrong = []
    for term in terms:
        if not re.search(term.en, english, _flags(term)):
            wrong.append(f"{term.glossary}: no {term.word!r}")
        others = [other.word for other in terms if other is not term]
        if term.not_en and re.search(term.not_en, english, _flags(term)) and not any(
                re.search(term.not_en, word, _flags(term)) for word in others):
            wrong.append(f"{term.glossary}: not {re.search(term.not_en, english, _flags(term))}")
    return wrong


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def data_pairs() -> Iterator[tuple[str, str, str]]:
    """(where, Vietnamese, English) for every name and title of the shipped plan."""
    criteria, assignments, agencies = _load(CRITERIA), _load(ASSIGNMENTS), _load(AGENCIES)
    for key in ("index", "province"):
        yield f"criteria {key}", criteria[key]["name"], criteria[key].get("name_en", "")
    for document, name in ((criteria, CRITERIA.name), (assignments, ASSIGNMENTS.name)):
        source = document.get("source", {})
        if "title_en" in source:
            yield f"{name} source", source["title"], source["title_en"]
    for row in criteria["criteria"]:
        if "name_en" in row:
            yield f"criteria {row['code']}", row["name"], row["name_en"]
    for item in assignments["assignments"]:
        if "title_en" in item:
            yield f"assignments {item['code']}", item["title"], item["title_en"]
    for agency in agencies["agencies"]:
        yield f"agency {agency['id']}", agency["name"], agency["name_en"]


def label_pairs() -> Iterator[tuple[str, str, str]]:
    """(where, Vietnamese, English) for every label and every rule's texts."""
    from parcli import rules
    from parcli.i18n import CATALOGUE

    for key, text in CATALOGUE.items():
        yield f"label {key}", text.vi, text.en
    for rule in rules.catalogue():
        yield f"rule {rule.id}", rule.description.vi, rule.description.en
    for name in rules.rule_modules():
        module = __import__(f"parcli.rules.{name}", fromlist=["check"])
        for attribute, value in vars(module).items():
            if attribute.isupper() and hasattr(value, "vi") and hasattr(value, "en"):
                yield f"rule {name}.{attribute}", value.vi, value.en


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.glossary)
def test_each_glossary_term_has_one_english_rendering_in_the_data(term: Term) -> None:
    pairs = [(where, vi, en) for where, vi, en in data_pairs() if present(term, vi)]
    wrong = [f"{where}: {en!r}: {'; '.join(problems)}" for where, vi, en in pairs
             if (problems := [p for p in misrendered(vi, en) if p.startswith(term.glossary)])]
    assert wrong == []


def test_the_terms_are_in_use() -> None:
    """Each term occurs in the shipped plan (the data keeps the check meaningful), except the
    ones only the glossary has so far."""
    used = {term.glossary for term in TERMS for _, vi, _ in data_pairs() if present(term, vi)}
    assert {term.glossary for term in TERMS} - used == set()


def test_labels_and_rule_texts_render_the_terms_the_same_way() -> None:
    wrong = [f"{where}: {en!r}: {'; '.join(problems)}" for where, vi, en in label_pairs()
             if (problems := misrendered(vi, en))]
    assert wrong == []


def test_the_reversed_ranks_and_grades_are_caught() -> None:
    """5.3 once rendered ngạch as grade and hạng as rank: each noun keeps its own word."""
    vietnamese = "Thi nâng ngạch công chức, thăng hạng viên chức theo thẩm quyền của tỉnh"
    for where, vi, en in data_pairs():
        if _nfc(vi).casefold() == vietnamese.casefold():
            assert re.search(r"civil servants'? rank", en), where
            assert re.search(r"public employees'? grade", en), where
    assert misrendered("hồ sơ TTHC", "administrative procedure files") != []
    assert misrendered("Công khai TTHC", "Publication of administrative procedures") != []


def test_the_same_vietnamese_gets_the_same_english() -> None:
    """A criterion and its assignment printed with the same name have one English name."""
    seen: dict[str, tuple[str, str]] = {}
    different = []
    for where, vi, en in data_pairs():
        key = " ".join(_nfc(vi).casefold().rstrip(". ").split())
        if key in seen and seen[key][1] != en:
            different.append(f"{seen[key][0]} {seen[key][1]!r} / {where} {en!r}")
        seen.setdefault(key, (where, en))
    assert different == []


def test_english_names_spell_out_the_plans_abbreviations() -> None:
    found = [f"{where}: {abbreviation} in {en!r}" for where, _, en in data_pairs()
             for abbreviation in ABBREVIATIONS if re.search(rf"\b{abbreviation}\b", en)]
    assert found == []


def test_a_title_printed_cut_short_takes_the_criterion_name() -> None:
    criteria = {row["code"]: row for row in _load(CRITERIA)["criteria"]}
    items = {item["code"]: item for item in _load(ASSIGNMENTS)["assignments"]}
    assert items["7.1.3"]["title"] == "Thực hiện kết nối, liên thông các (từ cấp tỉnh đến cấp xã)"
    assert items["7.1.3"]["title_en"] == criteria["7.1.3"]["name_en"]
    assert "cut short" in items["7.1.3"]["note"]


@pytest.mark.skipif(not GLOSSARY.is_file(), reason="the shared glossary is not beside the repo")
def test_every_easily_doubled_glossary_term_is_checked() -> None:
    text = GLOSSARY.read_text(encoding="utf-8")
    table = text.split("## Terms that are easy to render two ways", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1].strip() for line in table.splitlines()
            if line.startswith("|") and not line.startswith(("| Vietnamese", "|---"))]
    assert sorted(rows) == sorted(term.glossary for term in TERMS)


# --- `--lang vi` speaks Vietnamese ---------------------------------------------------------

# Label words of parcli's English catalogue; none may show in Vietnamese output.
ENGLISH = ["Total", "total", "error", "errors", "warning", "warnings", "Gain", "gain", "Lost",
           "lost", "Code", "code", "rounding", "Printed", "printed", "Computed", "computed",
           "Baseline", "baseline", "Target", "target", "Headroom", "headroom", "acknowledged",
           "Overdue", "overdue", "Deadline", "deadline", "Due", "due", "Lead", "lead", "leaf",
           "leaves", "Name", "Status", "Reason", "Agency", "agency", "Field", "field",
           "Criteria", "criteria", "criterion", "survey", "evidence", "Data", "data", "source",
           "none", "own", "inherited", "assignment", "assignments", "Generated", "Items",
           "Rule", "Level", "Message", "Count", "File", "Max", "points", "rows", "unknown",
           "rank", "the", "and", "of", "no", "Q1", "Q2", "Q3", "Q4"]
ALLOWED = ["PAR Index", "SIPAS", "SHA-256", "parcli"]
COMMANDS = [["report", "--as-of", "2020-10-15"], ["check"], ["check", "--format", "md"],
            ["tree"], ["tree", "--format", "md"], ["gap"], ["gap", "--by-agency"],
            ["gap", "--by-agency", "--top", "3", "-v"], ["gap", "--by-field", "--top", "3"],
            ["gap", "--by-method"], ["validate"], ["validate", "-v"], ["agencies"],
            ["assignments"]]


def _reasons(row: dict[str, Any]) -> list[str]:
    """An acknowledgement's reasons: a text, or {vi, en}."""
    found: list[str] = []
    for reason in row.get("acknowledged", {}).values():
        found += list(reason.values()) if isinstance(reason, dict) else [str(reason)]
    return found


def _data_texts() -> list[str]:
    """Text the data holds (names, titles, agency ids, reasons...), longest first: shown as
    stored, whatever the language."""
    criteria, assignments, agencies = _load(CRITERIA), _load(ASSIGNMENTS), _load(AGENCIES)
    texts: list[str] = []
    for row in criteria["criteria"]:
        texts += [row["name"], *row.get("lead", []), *_reasons(row)]
    texts += _reasons(criteria["total"])
    for item in assignments["assignments"]:
        texts += [item[key] for key in ("title", "product", "requirement", "deadline")
                  if key in item]
        texts += [*item.get("lead", []), *item.get("implementers", [])]
    for agency in agencies["agencies"]:
        texts += [agency["id"], agency["name"], *agency.get("aliases", [])]
    return sorted({text for text in texts if text}, key=len, reverse=True)


def _without_data(output: str) -> str:
    from parcli.rules import catalogue

    for text in _data_texts():
        output = output.replace(text, " ")
    output = re.sub(r"\S*\.(yaml|md|toml)\b|\S+/(?=[\s):,])", " ", output)  # file, folder paths
    for rule in catalogue():
        output = re.sub(rf"(?<![\w-]){re.escape(rule.id)}(?![\w-])", " ", output)
    for name in ALLOWED:
        output = output.replace(name, " ")
    return output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_vietnamese_output_has_no_english_label_words(cli, monkeypatch, command) -> None:
    monkeypatch.chdir(ROOT)
    result = cli(*command, "--lang", "vi")
    assert result.code in (0, 1), result.err
    text = _without_data(result.out + result.err)
    found = sorted({word for word in ENGLISH if re.search(rf"(?<![\w-]){word}(?![\w-])", text)})
    assert found == []


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_vietnamese_output_uses_the_plans_terms(cli, monkeypatch, command) -> None:
    """None of the calques the glossary lists under "avoid", and no "quá hạn" (overdue)
    while parcli knows no task's status."""
    monkeypatch.chdir(ROOT)
    text = _nfc(cli(*command, "--lang", "vi").out).casefold()
    avoided = ["tiêu chí lá", "tổng phụ", "số in", "số tính", "mã cha", "tạo bởi", "tổng (cả",
               "điểm năm gốc", "dư địa", "đơn vị chủ trì", "điểm tăng", "điểm mất",
               "điểm còn mất", "chưa được phân công", "quá hạn"]
    assert [term for term in avoided if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text)] \
        == []
    assert not re.search(r"(?<!do )làm tròn", text)  # "chênh lệch do làm tròn"


def test_the_baseline_and_target_columns_carry_their_years(cli) -> None:
    for command in (["check"], ["tree", "1"]):
        out = cli(*command, "--lang", "vi").out
        assert "Điểm năm 2019" in out and "Mục tiêu năm 2020" in out
        out = cli(*command).out
        assert "2019 score" in out and "2020 target" in out


def test_the_level_word_of_a_problem_line_is_in_its_language(cli) -> None:
    vi = cli("validate", "--lang", "vi").out.splitlines()
    en = cli("validate").out.splitlines()
    assert any(": cảnh báo " in line for line in vi)
    assert not any(": warning " in line for line in vi)
    assert any(": warning " in line for line in en)


def test_a_scores_stage_and_date_read_in_vietnamese(cli, tmp_path: Path) -> None:
    from tests.rules.results_case import RESULTS, results_case

    case, results = results_case(tmp_path, RESULTS.replace("value: 2.25", "value: 3.25")
                                 .replace("2030-06-30", "2031-01-05"))
    out = cli("validate", "--lang", "vi", *case.args(), "--results", results).out
    assert re.search(r"1\.1: điểm 3[.,]25 \(thẩm định\) nằm ngoài khoảng \[0, 3\]", out)
    assert "điểm tự đánh giá của 1.1 ngày 05/01/2031, ngoài năm 2030" in out


OFFICE_COMMANDS = [["report", "--as-of", "2020-10-15", "--results",
                    "tests/fixtures/results/results_2020_half.yaml"],
                   ["report", "--agency", "finance", "--as-of", "2020-10-15"],
                   ["gap", "--by-agency"]]


def _office_text(path: Path) -> str:
    """Every text a reader sees in a Word or Excel file: paragraphs, table cells, sheet names
    and string cells."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows
                  for cell in row.cells]
        for section in document.sections:
            for part in (section.header, section.footer):
                parts += [p.text for p in part.paragraphs]
                parts += [cell.text for table in part.tables for row in table.rows
                          for cell in row.cells]
        return "\n".join(parts)
    import openpyxl

    book = openpyxl.load_workbook(path)
    parts = list(book.sheetnames)
    for sheet in book.worksheets:
        parts += [str(cell.value) for row in sheet.iter_rows() for cell in row
                  if isinstance(cell.value, str)]
    return "\n".join(parts)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("command", OFFICE_COMMANDS, ids=" ".join)
def test_vietnamese_office_files_have_no_english_label_words(cli, monkeypatch, tmp_path,
                                                             command, fmt) -> None:
    """Data: the bundled plan and tests/fixtures/results/results_2020_half.yaml."""
    monkeypatch.chdir(ROOT)
    target = tmp_path / f"out.{fmt}"
    result = cli(*command, "--lang", "vi", "-f", fmt, "-o", target)
    assert result.code == 0, result.err
    text = _without_data(_office_text(target) + "\n" + result.err)
    found = sorted({word for word in ENGLISH if re.search(rf"(?<![\w-]){word}(?![\w-])", text)})
    assert found == []
