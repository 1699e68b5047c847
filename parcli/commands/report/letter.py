"""The Decree 30 parts of the report and of a task sheet (`Letter`): who issues it (from
`[document]` in parcli.toml; the parent body from the data's province when not given), the
type and summary line (from the plan's own title, `source.title`), the recipients and the
signer. What neither gives stays a blank; and the annex's one line of provenance."""

from __future__ import annotations

from typing import Literal

from parcli.checking import Checked
from parcli.i18n import t
from parcli.load import display_path
from parcli.output import Letter
from parcli.text import Lang, fold

__all__ = ["letter", "plan_name", "provenance", "province_name"]


def letter(checked: Checked, kind: Literal["report", "sheet"], lang: Lang, year: int,
           agency: str = "") -> Letter:
    """The report's ("BÁO CÁO", "Tình hình thực hiện <plan>") or an agency's task sheet's
    ("THÔNG BÁO", "Nhiệm vụ của <agency> trong <plan>") parts, dated in `year`."""
    settings = checked.config.document
    if kind == "report":
        subject = t("doc_report_subject", lang, plan=plan_name(checked, lang, short=False))
    else:
        subject = t("doc_sheet_subject", lang, agency=agency, plan=plan_name(checked, lang))
    return Letter(
        kind=t(f"doc_{kind}", lang), kind_code="BC" if kind == "report" else "TB",
        subject=subject, year=year,
        parent=settings.text("parent", lang) or _parent(checked, lang),
        issuer=settings.text("issuer", lang), symbol=settings.text("symbol", lang),
        place=settings.text("place", lang), recipients=settings.recipients_in(lang),
        authority=settings.text("signer_authority", lang),
        signer=settings.text("signer_title", lang))


def plan_name(checked: Checked, lang: Lang, short: bool = True) -> str:
    """The plan as a sentence names it: its short title (`short`), else its title, from the
    criteria file's `source` (English where the file has it); without one, "Kế hoạch năm
    2020"."""
    data = checked.dataset.criteria_file
    source = data.source
    if source is None:
        return t("doc_plan_of_year", lang, year=data.target_year)
    english = lang == "en"
    candidates = [source.short_title_en if english else None, source.short_title] if short \
        else []
    candidates += [source.title_en if english else None, source.title]
    return next(text for text in candidates if text)


def _parent(checked: Checked, lang: Lang) -> str:
    """"UBND TỈNH ĐẮK LẮK" from the data's province ("UBND THÀNH PHỐ HÀ NỘI" when its name
    says what it is); "DAK LAK PROVINCIAL PEOPLE'S COMMITTEE" in English."""
    province = checked.dataset.criteria_file.province
    if lang == "en":
        name = province.text.in_(lang)
        if fold(name).startswith(("tỉnh ", "thành phố ", "province ", "city ")):
            return f"{name.upper()} PEOPLE'S COMMITTEE"
        return t("doc_parent", lang, province=name.upper())
    name = province.name
    if not fold(name).startswith(("tỉnh ", "thành phố ")):
        name = f"tỉnh {name}"
    return t("doc_parent", lang, province=name.upper())


def province_name(name: str, lang: Lang) -> str:
    """"tỉnh Đắk Lắk", but not "tỉnh Tỉnh Hà Giang" nor "tỉnh Thành phố Hà Nội" when the
    data's name already says what it is; the name as it is in English."""
    if lang == "vi" and not fold(name).startswith(("tỉnh ", "thành phố ")):
        return f"tỉnh {name}"
    return name


def provenance(checked: Checked, lang: Lang) -> str:
    """One line naming the files read with their SHA-256 prefixes: a file of the bundled
    plan by its name and "bundled with parcli", never the folder it was installed in; a
    file of one's own as it was given (relative to the working folder when inside it)."""
    dataset = checked.dataset
    bundled = {source.path for source in checked.sources if source.bundled}
    own, shipped = [], []
    for source in dataset.paths.sources():
        digest = getattr(dataset, source.kind).document.sha256 or ""
        if source.path in bundled or (dataset.paths.bundled and source.kind != "results"):
            shipped.append(f"{source.path.name} (SHA-256 {digest[:12]})")
        else:
            own.append(f"{display_path(source.path)} (SHA-256 {digest[:12]})")
    data = dataset.criteria_file
    bundled_text = t("report_bundled", lang, year=data.target_year,
                     province=province_name(data.province.text.in_(lang), lang))
    parts = [f"{', '.join(shipped)}: {bundled_text}"] if shipped else []
    return t("provenance", lang, files="; ".join(parts + own))
