"""The label catalogue: every heading and label parcli prints, in English and Vietnamese."""

from __future__ import annotations

from datetime import date
from typing import Literal

Lang = Literal["en", "vi"]

CATALOGUE: dict[str, tuple[str, str]] = {
    # columns
    "code": ("Code", "STT"),
    "name": ("Name", "Tên"),
    "column": ("Column", "Cột"),
    "max": ("Max", "Điểm tối đa"),
    "baseline": ("Baseline", "Điểm năm gốc"),
    "target": ("Target", "Mục tiêu"),
    "gain": ("Gain", "Điểm tăng"),
    "lost": ("Lost", "Điểm mất"),
    "headroom": ("Headroom", "Dư địa"),
    "printed": ("Printed", "Số in"),
    "computed": ("Computed", "Số tính"),
    "difference": ("Difference", "Chênh lệch"),
    "status": ("Status", "Trạng thái"),
    "reason": ("Reason", "Lý do"),
    "lead": ("Lead", "Chủ trì"),
    "lead_source": ("Lead from", "Nguồn chủ trì"),
    "agency": ("Agency", "Cơ quan"),
    "criteria_count": ("Criteria", "Số tiêu chí"),
    "criteria_codes": ("Criteria codes", "Mã tiêu chí"),
    "field": ("Field", "Lĩnh vực"),
    "id": ("Id", "Mã"),
    "aliases": ("Aliases", "Cách viết khác"),
    "leads_count": ("Criteria led", "Số tiêu chí chủ trì"),
    "at_stake": ("Points at stake (lost)", "Điểm còn mất"),
    "title": ("Title", "Nội dung"),
    "criterion": ("Criterion", "Tiêu chí"),
    "product": ("Deliverable", "Sản phẩm"),
    "requirement": ("Quality requirement", "Yêu cầu chất lượng"),
    "deadline": ("Deadline", "Thời gian hoàn thành"),
    "due": ("Due", "Hạn"),
    "implementers": ("Implementers", "Thực hiện"),
    "rule": ("Rule", "Quy tắc"),
    "meaning": ("Meaning", "Ý nghĩa"),
    "level": ("Level", "Mức"),
    "message": ("Message", "Nội dung"),
    "location": ("Location", "Vị trí"),
    "count": ("Count", "Số lượng"),
    "score_of": ("{year} score", "Điểm năm {year}"),
    "target_of": ("{year} target", "Mục tiêu năm {year}"),
    "pct_of": ("{year} % of max", "Năm {year} (% điểm tối đa)"),
    "quarter": ("Due", "Hạn"),
    "overdue": ("Overdue", "Quá hạn"),
    # statuses and values
    "rounding": ("rounding", "làm tròn"),
    "acknowledged": ("acknowledged", "đã ghi nhận"),
    "error": ("error", "lỗi"),
    "warning": ("warning", "cảnh báo"),
    "own": ("own", "tự có"),
    "inherited": ("inherited", "kế thừa"),
    "assignments": ("assignments", "từ phân công"),
    "none": ("none", "không có"),
    "no_lead": ("(no lead)", "(không có đơn vị chủ trì)"),
    "total": ("Total", "Tổng"),
    "total_all": ("Total (all {n})", "Tổng (cả {n})"),
    "ongoing": ("ongoing", "thường xuyên"),
    "per_regulation": ("per regulation", "theo quy định"),
    "no_date": ("no date", "không có ngày"),
    "yes": ("yes", "có"),
    # titles
    "check_totals": ("Totals: printed and computed from the leaves",
                     "Tổng điểm: số in và số tính từ các tiêu chí lá"),
    "check_findings": ("Check-sum findings", "Kết quả đối chiếu tổng"),
    "check_no_findings": ("Every printed subtotal equals the sum of its rows.",
                          "Mọi tổng phụ in trong tài liệu đều khớp với tổng các dòng."),
    "check_summary": ("{errors} error(s), {acknowledged} acknowledged, {rounding} rounding "
                      "(tolerance {tolerance})",
                      "{errors} lỗi, {acknowledged} đã ghi nhận, {rounding} làm tròn "
                      "(dung sai {tolerance})"),
    "gap_leaves": ("Leaf criteria ranked by {basis}", "Tiêu chí lá xếp theo {basis}"),
    "gap_agencies": ("Agencies ranked by {basis} ({shared})",
                     "Cơ quan xếp theo {basis} ({shared})"),
    "gap_fields": ("Fields ranked by {basis}", "Lĩnh vực xếp theo {basis}"),
    "gap_total_note": (
        "Leaves' total gain {leaves}; printed totals' difference {printed_target} − "
        "{printed_baseline} = {printed_gain}",
        "Tổng điểm tăng của các tiêu chí lá {leaves}; chênh lệch tổng in {printed_target} − "
        "{printed_baseline} = {printed_gain}"),
    "split": ("a criterion with several leads is split equally",
              "tiêu chí có nhiều cơ quan chủ trì được chia đều"),
    "full": ("a criterion with several leads counts in full for each",
             "tiêu chí có nhiều cơ quan chủ trì được tính đủ cho mỗi cơ quan"),
    "validate_summary": ("{errors} error(s), {warnings} warning(s)",
                         "{errors} lỗi, {warnings} cảnh báo"),
    "validate_ok": ("No problems found.", "Không phát hiện vấn đề."),
    "agencies_title": ("Agency registry", "Danh mục cơ quan"),
    "assignments_title": ("Assignments", "Phân công thực hiện"),
    "tree_title": ("Criteria", "Tiêu chí"),
    "no_rows": ("No rows match.", "Không có dòng nào phù hợp."),
    # the meeting report
    "report_title": ("{index} {year}: {province}", "{index} năm {year}: tỉnh {province}"),
    "report_headline": (
        "**{baseline_year} score {baseline}** (rank {rank}) → **{target_year} target {target}** "
        "(printed). The plan needs **+{gain}** points.",
        "**Điểm năm {baseline_year}: {baseline}** (xếp hạng {rank}) → **mục tiêu năm "
        "{target_year}: {target}** (số in). Kế hoạch cần tăng **{gain}** điểm."),
    "report_computed": (
        "The criteria rows add up to a {column} total of **{computed}**, not {printed}: {why}.",
        "Cộng các tiêu chí, tổng {column} là **{computed}**, không phải {printed}: {why}."),
    "report_why": ("field {code}'s printed {column} subtotal is {printed}, its rows add up to "
                   "{computed}",
                   "tổng phụ {column} in ở lĩnh vực {code} là {printed}, các dòng cộng lại "
                   "được {computed}"),
    "report_sipas": ("SIPAS: {baseline}% in {baseline_year}; target {target}.",
                     "SIPAS: {baseline}% năm {baseline_year}; mục tiêu {target}."),
    "report_fields": ("Fields", "Các lĩnh vực"),
    "report_agencies": ("Top {n} agencies by gain", "{n} cơ quan có điểm tăng cao nhất"),
    "report_criteria": ("Top {n} criteria by points lost in {year}",
                        "{n} tiêu chí mất nhiều điểm nhất năm {year}"),
    "report_problems": ("Data problems", "Vấn đề về dữ liệu"),
    "report_checksums": ("Check sums: {errors} error(s), {acknowledged} acknowledged, "
                         "{rounding} rounding difference(s).",
                         "Đối chiếu tổng: {errors} lỗi, {acknowledged} đã ghi nhận, "
                         "{rounding} chênh lệch do làm tròn."),
    "report_rule_counts": ("Validation warnings and errors by rule",
                           "Cảnh báo và lỗi kiểm tra theo quy tắc"),
    "report_uncovered": ("{n} leaf criteria have no assignment ({gain} points of gain, "
                         "{lost} points lost):",
                         "{n} tiêu chí lá chưa được phân công ({gain} điểm tăng, "
                         "{lost} điểm mất):"),
    "report_deadlines": ("Deadlines", "Thời hạn"),
    "report_overdue": ("At {as_of}, {n} of {total} dated assignments are overdue.",
                       "Đến ngày {as_of}, {n}/{total} nhiệm vụ có thời hạn đã quá hạn."),
    "report_overdue_list": ("Overdue (first {n})", "Quá hạn ({n} nhiệm vụ đầu)"),
    "report_more": ("… and {n} more.", "… và {n} nhiệm vụ khác."),
    "report_footer": ("Data files", "Tệp dữ liệu"),
    "report_generated": ("Deadlines as of {date}. Generated by parcli {version}.",
                         "Thời hạn tính đến ngày {date}. Tạo bởi parcli {version}."),
    "quarter_label": ("Q{q} {year}", "Quý {q}/{year}"),
    "file": ("File", "Tệp"),
    "sha256": ("SHA-256", "SHA-256"),
    "wrote": ("wrote {path}", "đã ghi {path}"),
    "items": ("Items", "Số nhiệm vụ"),
}


def date_text(day: date, lang: Lang) -> str:
    """ISO in English (sorts, parses); dd/mm/yyyy in Vietnamese, as the plan writes dates."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def t(key: str, lang: Lang, **values: object) -> str:
    en, vi = CATALOGUE[key]
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text
