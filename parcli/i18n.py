"""The label catalogue: every heading and label parcli prints, in English and Vietnamese."""

from __future__ import annotations

from datetime import date

from parcli.text import Lang, Text

CATALOGUE: dict[str, Text] = {
    # columns
    "code": Text("Code", "STT"),
    "name": Text("Name", "Tên"),
    "column": Text("Column", "Cột"),
    "max": Text("Max", "Điểm tối đa"),
    "baseline": Text("Baseline", "Điểm năm gốc"),
    "target": Text("Target", "Mục tiêu"),
    "gain": Text("Gain", "Điểm tăng"),
    "lost": Text("Lost", "Điểm mất"),
    "headroom": Text("Headroom", "Dư địa"),
    "printed": Text("Printed", "Số in"),
    "computed": Text("Computed", "Số tính"),
    "difference": Text("Difference", "Chênh lệch"),
    "status": Text("Status", "Trạng thái"),
    "reason": Text("Reason", "Lý do"),
    "lead": Text("Lead", "Chủ trì"),
    "lead_source": Text("Lead from", "Nguồn chủ trì"),
    "agency": Text("Agency", "Cơ quan"),
    "criteria_count": Text("Criteria", "Số tiêu chí"),
    "criteria_codes": Text("Criteria codes", "Mã tiêu chí"),
    "field": Text("Field", "Lĩnh vực"),
    "id": Text("Id", "Mã"),
    "aliases": Text("Aliases", "Cách viết khác"),
    "leads_count": Text("Criteria led", "Số tiêu chí chủ trì"),
    "at_stake": Text("Points at stake (lost)", "Điểm còn mất"),
    "title": Text("Title", "Nội dung"),
    "criterion": Text("Criterion", "Tiêu chí"),
    "product": Text("Deliverable", "Sản phẩm"),
    "requirement": Text("Quality requirement", "Yêu cầu chất lượng"),
    "deadline": Text("Deadline", "Thời gian hoàn thành"),
    "due": Text("Due", "Hạn"),
    "implementers": Text("Implementers", "Thực hiện"),
    "rule": Text("Rule", "Quy tắc"),
    "meaning": Text("Meaning", "Ý nghĩa"),
    "level": Text("Level", "Mức"),
    "message": Text("Message", "Nội dung"),
    "location": Text("Location", "Vị trí"),
    "count": Text("Count", "Số lượng"),
    "score_of": Text("{year} score", "Điểm năm {year}"),
    "target_of": Text("{year} target", "Mục tiêu năm {year}"),
    "pct_of": Text("{year} % of max", "Năm {year} (% điểm tối đa)"),
    "quarter": Text("Due", "Hạn"),
    "overdue": Text("Overdue", "Quá hạn"),
    # statuses and values
    "rounding": Text("rounding", "làm tròn"),
    "acknowledged": Text("acknowledged", "đã ghi nhận"),
    "error": Text("error", "lỗi"),
    "warning": Text("warning", "cảnh báo"),
    "own": Text("own", "tự có"),
    "inherited": Text("inherited", "kế thừa"),
    "assignments": Text("assignments", "từ phân công"),
    "none": Text("none", "không có"),
    "no_lead": Text("(no lead)", "(không có đơn vị chủ trì)"),
    "survey_bucket": Text("(survey-scored)", "(điểm điều tra xã hội học)"),
    "survey": Text("survey", "điều tra xã hội học"),
    "evidence": Text("evidence", "thẩm định"),
    "total": Text("Total", "Tổng"),
    "total_all": Text("Total (all {n})", "Tổng (cả {n})"),
    "ongoing": Text("ongoing", "thường xuyên"),
    "per_regulation": Text("per regulation", "theo quy định"),
    "every_month": Text("every month", "hằng tháng"),
    "every_quarter": Text("every quarter", "hằng quý"),
    "every_year": Text("every year", "hằng năm"),
    "no_date": Text("no date", "không có ngày"),
    "yes": Text("yes", "có"),
    # titles
    "check_totals": Text("Totals: printed and computed from the leaves",
                     "Tổng điểm: số in và số tính từ các tiêu chí lá"),
    "check_findings": Text("Check-sum findings", "Kết quả đối chiếu tổng"),
    "check_no_findings": Text("Every printed subtotal equals the sum of its rows.",
                          "Mọi tổng phụ in trong tài liệu đều khớp với tổng các dòng."),
    "unknown_rows": Text("Unknown rows", "Dòng chưa biết điểm"),
    "check_unverifiable": Text("Subtotals that cannot be checked (rows with unknown values)",
                               "Tổng không kiểm tra được (có dòng chưa biết điểm)"),
    "check_unverifiable_note": Text("{n} printed subtotal(s) not checkable: rows unknown.",
                                    "{n} tổng không kiểm tra được do có dòng chưa biết điểm."),
    "check_summary": Text("{errors} error(s), {acknowledged} acknowledged, {rounding} rounding "
                      "(tolerance {tolerance})",
                      "{errors} lỗi, {acknowledged} đã ghi nhận, {rounding} làm tròn "
                      "(dung sai {tolerance})"),
    "gap_leaves": Text("Leaf criteria ranked by {basis}", "Tiêu chí lá xếp theo {basis}"),
    "gap_agencies": Text("Agencies ranked by {basis} ({shared})",
                     "Cơ quan xếp theo {basis} ({shared})"),
    "gap_methods": Text("Scoring methods ranked by {basis}",
                        "Phương pháp chấm điểm xếp theo {basis}"),
    "method": Text("Method", "Phương pháp"),
    "gap_unknown_note": Text("Unknown values, left out of the sums (criteria): {counts}",
                             "Giá trị chưa biết, không cộng vào tổng (số tiêu chí): {counts}"),
    "no_assignments_note": Text("No assignments file: leads from assignments not used.",
                                "Không có tệp phân công: không dùng cơ quan chủ trì từ phân "
                                "công."),
    "gap_fields": Text("Fields ranked by {basis}", "Lĩnh vực xếp theo {basis}"),
    "gap_total_note": Text(
        "Leaves' total gain {leaves}; printed totals' difference {printed_target} − "
        "{printed_baseline} = {printed_gain}",
        "Tổng điểm tăng của các tiêu chí lá {leaves}; chênh lệch tổng in {printed_target} − "
        "{printed_baseline} = {printed_gain}"),
    "split": Text("a criterion with several leads is split equally",
              "tiêu chí có nhiều cơ quan chủ trì được chia đều"),
    "full": Text("a criterion with several leads counts in full for each",
             "tiêu chí có nhiều cơ quan chủ trì được tính đủ cho mỗi cơ quan"),
    "validate_summary": Text("{errors} error(s), {warnings} warning(s)",
                         "{errors} lỗi, {warnings} cảnh báo"),
    "disabled": Text("disabled", "đã tắt"),
    "config_note": Text("Configuration {file}: disabled {disabled}; levels changed {levels}",
                        "Cấu hình {file}: tắt {disabled}; đổi mức {levels}"),
    "validate_without": Text("No {kind}: the rules that need it did not run.",
                             "Không có {kind}: các quy tắc cần tệp này không được kiểm tra."),
    "criteria_file": Text("criteria file", "tệp tiêu chí"),
    "assignments_file": Text("assignments file", "tệp phân công"),
    "agencies_file": Text("agency registry", "danh mục cơ quan"),
    "validate_ok": Text("No problems found.", "Không phát hiện vấn đề."),
    "agencies_title": Text("Agency registry", "Danh mục cơ quan"),
    "assignments_title": Text("Assignments", "Phân công thực hiện"),
    "tree_title": Text("Criteria", "Tiêu chí"),
    "no_rows": Text("No rows match.", "Không có dòng nào phù hợp."),
    # the meeting report
    "report_title": Text("{index} {year}: {province}", "{index} năm {year}: tỉnh {province}"),
    "report_headline": Text(
        "**{baseline_year} score {baseline}** (rank {rank}) → **{target_year} target {target}** "
        "(printed). The plan needs **+{gain}** points.",
        "**Điểm năm {baseline_year}: {baseline}** (xếp hạng {rank}) → **mục tiêu năm "
        "{target_year}: {target}** (số in). Kế hoạch cần tăng **{gain}** điểm."),
    "report_computed": Text(
        "The criteria rows add up to a {column} total of **{computed}**, not {printed}: {why}.",
        "Cộng các tiêu chí, tổng {column} là **{computed}**, không phải {printed}: {why}."),
    "report_why": Text("field {code}'s printed {column} subtotal is {printed}, its rows add up to "
                   "{computed}",
                   "tổng phụ {column} in ở lĩnh vực {code} là {printed}, các dòng cộng lại "
                   "được {computed}"),
    "report_sipas": Text("SIPAS: {baseline}% in {baseline_year}; target {target}.",
                     "SIPAS: {baseline}% năm {baseline_year}; mục tiêu {target}."),
    "report_fields": Text("Fields", "Các lĩnh vực"),
    "report_agencies": Text("Top {n} agencies by gain", "{n} cơ quan có điểm tăng cao nhất"),
    "report_criteria": Text("Top {n} criteria by points lost in {year}",
                        "{n} tiêu chí mất nhiều điểm nhất năm {year}"),
    "report_problems": Text("Data problems", "Vấn đề về dữ liệu"),
    "report_checksums": Text("Check sums: {errors} error(s), {acknowledged} acknowledged, "
                         "{rounding} rounding difference(s).",
                         "Đối chiếu tổng: {errors} lỗi, {acknowledged} đã ghi nhận, "
                         "{rounding} chênh lệch do làm tròn."),
    "report_uncovered": Text("{n} leaf criteria have no assignment ({gain} points of gain, "
                         "{lost} points lost):",
                         "{n} tiêu chí lá chưa được phân công ({gain} điểm tăng, "
                         "{lost} điểm mất):"),
    "no_assignments_file": Text("No assignments file was read (--no-assignments): coverage "
                                "and deadlines are not known.",
                                "Không đọc tệp phân công (--no-assignments): chưa biết tình "
                                "hình phân công và thời hạn."),
    "report_unknown": Text("Left out of these sums as unknown: the gain of {gain} and the lost "
                           "points of {lost} criteria.",
                           "Không cộng vào các tổng này vì chưa biết: điểm cần tăng của {gain} "
                           "và điểm bị mất của {lost} tiêu chí."),
    "report_deadlines": Text("Deadlines", "Thời hạn"),
    "report_overdue": Text("At {as_of}, {n} of {total} dated assignments are overdue.",
                       "Đến ngày {as_of}, {n}/{total} nhiệm vụ có thời hạn đã quá hạn."),
    "report_overdue_list": Text("Overdue (first {n})", "Quá hạn ({n} nhiệm vụ đầu)"),
    "report_more": Text("… and {n} more.", "… và {n} nhiệm vụ khác."),
    "report_footer": Text("Data files", "Tệp dữ liệu"),
    "report_generated": Text("Deadlines as of {date}. Generated by parcli {version}.",
                         "Thời hạn tính đến ngày {date}. Tạo bởi parcli {version}."),
    "quarter_label": Text("Q{q} {year}", "Quý {q}/{year}"),
    "file": Text("File", "Tệp"),
    "sha256": Text("SHA-256", "SHA-256"),
    "data_line": Text("Data: {files}", "Dữ liệu: {files}"),
    "bundled": Text("bundled with parcli", "dữ liệu mẫu kèm theo parcli"),
    "warnings_note": Text("parcli: {n} warning(s) in the data; 'parcli validate' lists them",
                          "parcli: dữ liệu có {n} cảnh báo; xem bằng 'parcli validate'"),
    "wrote": Text("wrote {path}", "đã ghi {path}"),
    "items": Text("Items", "Số nhiệm vụ"),
}


def date_text(day: date, lang: Lang) -> str:
    """ISO in English (sorts, parses); dd/mm/yyyy in Vietnamese, as the plan writes dates."""
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def t(key: str, lang: Lang, **values: object) -> str:
    text = CATALOGUE[key].in_(lang)
    return text.format(**values) if values else text


def label(key: str) -> Text:
    """A catalogue entry in both languages, for results that are rendered later."""
    return CATALOGUE[key]
