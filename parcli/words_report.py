"""The labels of the meeting report and of the Word document's Decree 30 parts (part of
the catalogue, `parcli.i18n`)."""

from __future__ import annotations

from parcli.text import Text

REPORT: dict[str, Text] = {
    # the meeting report
    "report_title": Text("{index} {year}: {province}", "{index} năm {year}: {province}"),
    # {rank}: "report_rank_in" or nothing; {needs}: "report_needs" or "report_needs_unknown"
    "report_headline": Text(
        "**{baseline_year} score {baseline}**{rank} → **{target_year} target {target}** "
        "(as printed). {needs}",
        "**Điểm năm {baseline_year}: {baseline}**{rank} → **mục tiêu năm "
        "{target_year}: {target}** (theo kế hoạch). {needs}"),
    "report_rank_in": Text(" (rank {rank})", " (xếp hạng {rank})"),
    "report_needs": Text("To reach the target, **{gain}** more points are needed (from the "
                         "total printed in the plan).",
                         "Để đạt mục tiêu, cần tăng thêm **{gain}** điểm (theo tổng ghi trong "
                         "Kế hoạch)."),
    "report_needs_unknown": Text("The points the plan needs are not known.",
                                 "Chưa biết kế hoạch cần tăng bao nhiêu điểm."),
    "not_given": Text("not given", "không ghi"),
    # a first year: no baseline year, so nothing to gain or lose against
    "report_headline_first": Text(
        "**{target_year} target {target}** (as printed). The plan has no baseline year (a first "
        "year): the points needed and the points lost are not known.",
        "**Mục tiêu năm {target_year}: {target}** (theo kế hoạch). Kế hoạch không có điểm năm "
        "trước (năm đầu tiên): chưa biết điểm cần tăng và điểm bị mất."),
    "report_within_tolerance": Text("of rounding (within the tolerance of {tolerance})",
                                    "làm tròn (trong phạm vi dung sai {tolerance})"),
    # {direction}: "report_lower" or "report_higher"
    "report_computed": Text(
        "The {column} of the leaf criteria adds up to **{computed}** points, {difference} "
        "points {direction} than the total of {printed} printed in the plan, because {why}.",
        "Cộng {column} của các tiêu chí thành phần được **{computed}** điểm, {direction} "
        "{difference} điểm so với tổng {printed} ghi trong Kế hoạch, do {why}."),
    "report_lower": Text("lower", "thấp hơn"),
    "report_higher": Text("higher", "cao hơn"),
    "report_why": Text("field {code}'s printed {column} subtotal is {printed}, its rows add up to "
                   "{computed}",
                   "lĩnh vực {code} ghi {column} {printed} trong Kế hoạch, nhưng các tiêu chí "
                   "thành phần của lĩnh vực cộng lại được {computed}"),
    "report_sipas": Text("The SIPAS index reached {baseline}% in {baseline_year}; "
                         "{target_year} target: {target}.",
                         "Chỉ số SIPAS năm {baseline_year} đạt {baseline}%; mục tiêu năm "
                         "{target_year}: {target}."),
    "report_sipas_first": Text("The SIPAS index stands at {baseline}%; {target_year} target: "
                               "{target}.",
                               "Chỉ số SIPAS đạt {baseline}%; mục tiêu năm {target_year}: "
                               "{target}."),
    "report_fields": Text("Fields", "Các lĩnh vực"),
    "report_fields_note": Text(
        "Each field as printed in the plan: its own row, so that a row adds up across. "
        "'parcli gap --by-field' adds up the leaf criteria instead (sum of the criteria); the "
        "two differ where a printed subtotal does not add up (see Data problems).",
        "Số liệu theo kế hoạch: dòng của từng lĩnh vực như ghi trong kế hoạch. "
        "'parcli gap --by-field' cộng từ các tiêu chí thành phần; hai cách tính khác nhau ở "
        "những lĩnh vực có điểm không khớp với tổng các dòng (xem Vấn đề về dữ liệu)."),
    "report_agencies": Text("The {n} agencies with the most points still needed",
                            "{n} cơ quan có nhiều điểm cần tăng nhất"),
    "report_criteria": Text("The {n} leaf criteria that lost the most points in {year}",
                            "{n} tiêu chí thành phần bị mất nhiều điểm nhất năm {year}"),
    "report_agencies_unknown": Text("The agencies and their criteria (points needed not "
                                    "known, so not ranked)",
                                    "Các cơ quan chủ trì và số tiêu chí (chưa biết điểm cần "
                                    "tăng nên không xếp thứ tự)"),
    "report_criteria_no_year": Text("The {n} leaf criteria that lost the most points",
                                    "{n} tiêu chí thành phần bị mất nhiều điểm nhất"),
    "report_criteria_none": Text("Leaf criteria that lost the most points",
                                 "Tiêu chí thành phần bị mất nhiều điểm nhất"),
    "report_lost_unknown": Text("Not known: no leaf criterion has a baseline score, so none is "
                                "ranked by points lost.",
                                "Chưa biết: không tiêu chí thành phần nào có điểm năm trước nên "
                                "không xếp được theo điểm bị mất."),
    "report_lost_unranked": Text("{n} leaf criteria whose points lost are unknown are not "
                                 "ranked.",
                                 "{n} tiêu chí thành phần chưa biết điểm bị mất không được "
                                 "xếp thứ tự."),
    "report_rest_criteria": Text("… and {n} more with {value} {points} lost: see "
                                 "'parcli gap --basis lost'.",
                                 "… và {n} tiêu chí thành phần khác cùng bị mất {value} điểm: "
                                 "xem 'parcli gap --basis lost'."),
    "report_rest_agencies": Text("… and {n} more agencies with {value} {points} needed: see "
                                 "'parcli gap --by-agency'.",
                                 "… và {n} cơ quan khác cùng có {value} điểm cần tăng: xem "
                                 "'parcli gap --by-agency'."),
    "report_rest_agencies_unknown": Text("… and {n} more agencies: see "
                                         "'parcli gap --by-agency'.",
                                         "… và {n} cơ quan khác: xem "
                                         "'parcli gap --by-agency'."),
    "report_problems": Text("Data problems", "Vấn đề về dữ liệu"),
    "report_checksums": Text("Check sums: {errors} error(s), {acknowledged} acknowledged, "
                         "{rounding} rounding difference(s).",
                         "Đối chiếu tổng: {errors} lỗi, {acknowledged} sai lệch đã ghi "
                         "nhận, {rounding} chênh lệch do làm tròn."),
    "report_uncovered": Text("{n} leaf criteria have no assignment ({gain} points needed, "
                             "{lost} points lost):",
                             "{n} tiêu chí thành phần chưa có nhiệm vụ trong Phụ lục II "
                             "({gain} điểm cần tăng, {lost} điểm bị mất):"),
    "no_assignments_file": Text("No assignments file was read (--no-assignments): coverage "
                                "and deadlines are not known.",
                                "Không đọc tệp phân công (--no-assignments): chưa biết tình "
                                "hình phân công và thời hạn."),
    "report_unknown": Text("Left out of these sums as unknown: the gain of {gain} and the lost "
                           "points of {lost} criteria.",
                           "Không cộng vào các tổng này vì chưa biết: điểm cần tăng của {gain} "
                           "và điểm bị mất của {lost} tiêu chí."),
    "report_deadlines": Text("Deadlines", "Thời hạn"),
    "report_overdue": Text("At {as_of}, {n} of {total} dated assignments are past their due "
                           "date.",
                           "Đến ngày {as_of}, {n}/{total} nhiệm vụ có thời hạn đã qua thời hạn."),
    "report_overdue_list": Text("Past due date (first {n})", "Đã qua thời hạn ({n} nhiệm vụ đầu)"),
    "report_more": Text("… and {n} more: every one is listed in the annex (Deadlines).",
                        "… và {n} nhiệm vụ khác: xem danh sách đầy đủ ở Phụ lục (mục Thời "
                        "hạn)."),
    "report_overdue_none": Text("At {as_of}, no task has fallen due yet.",
                                "Đến ngày {as_of}, chưa có nhiệm vụ nào đến hạn."),
    "report_soon_list": Text("Falling due within {days} days of {as_of}:",
                             "Nhiệm vụ sắp đến hạn (trong {days} ngày kể từ ngày {as_of}):"),
    # where the province stands, from a results file
    "report_standing": Text("Where the province stands ({file})",
                            "Kết quả đến nay (theo tệp {file})"),
    "report_projected": Text(
        "Projected total: **{projected}** points against the target of **{target}** (each of "
        "the {leaves} leaf criteria at its latest score, {scored} of them scored; the others "
        "at their {baseline}).",
        "Tổng điểm dự kiến: **{projected}** điểm so với mục tiêu **{target}** điểm (mỗi tiêu "
        "chí thành phần lấy điểm mới nhất, {scored}/{leaves} tiêu chí đã có điểm; các tiêu chí "
        "khác lấy {baseline})."),
    "report_projected_partial": Text(
        "This is a lower bound: it leaves out the {n} leaf criteria with neither a score nor "
        "a {baseline}; with them the total lies between {low} and {high}.",
        "Đây là mức thấp nhất: {n} tiêu chí thành phần chưa có điểm và không có {baseline} "
        "nên không được cộng; tính cả các tiêu chí này, tổng điểm nằm trong khoảng từ "
        "{low} đến {high}."),
    "report_projected_partial_open": Text(
        "This is a lower bound: it leaves out the {n} leaf criteria with neither a score nor "
        "a {baseline}.",
        "Đây là mức thấp nhất: {n} tiêu chí thành phần chưa có điểm và không có {baseline} "
        "nên không được cộng."),
    "report_projected_unknown": Text(
        "No projected total: no leaf criterion has a score or a {baseline} (target {target}).",
        "Chưa tính được tổng điểm dự kiến: không tiêu chí thành phần nào có điểm hoặc "
        "{baseline} (mục tiêu {target})."),
    "report_won": Text("Points won since {year}: **{won}** ({scored} leaf criteria scored).",
                       "Số điểm tăng so với năm {year}: **{won}** điểm ({scored} tiêu chí thành "
                       "phần đã có điểm)."),
    "report_still": Text("Still needed to reach the target: **{need}** points.",
                         "Để đạt mục tiêu, còn cần tăng thêm **{need}** điểm."),
    "report_still_range": Text(
        "Still needed to reach the target: between {low} and **{high}** points, depending on "
        "the criteria not yet known.",
        "Để đạt mục tiêu, còn cần tăng thêm từ {low} đến **{high}** điểm, tùy điểm của các "
        "tiêu chí chưa biết."),
    "report_still_at_most": Text(
        "Still needed to reach the target: at most **{need}** points, depending on the "
        "criteria not yet known.",
        "Để đạt mục tiêu, còn cần tăng thêm nhiều nhất **{need}** điểm, tùy điểm của các tiêu "
        "chí chưa biết."),
    "report_reached": Text("The projection reaches the target.",
                           "Tổng điểm dự kiến đã đạt mục tiêu."),
    "report_exceeds": Text("The projection exceeds the target by **{over}** points.",
                           "Tổng điểm dự kiến vượt mục tiêu **{over}** điểm."),
    "report_exceeds_at_least": Text(
        "The projection exceeds the target by at least **{over}** points.",
        "Tổng điểm dự kiến vượt mục tiêu ít nhất **{over}** điểm."),
    "report_behind": Text("The {n} agencies furthest behind on their share (points still "
                          "needed to reach their criteria's targets):",
                          "{n} cơ quan còn cần tăng nhiều điểm nhất để đạt mục tiêu của các "
                          "tiêu chí được giao chủ trì:"),
    "report_still_needed": Text("Still needed", "Còn cần tăng"),
    "report_bundled": Text("bundled with parcli (the {year} plan of {province})",
                           "dữ liệu có sẵn trong parcli (Kế hoạch năm {year} của {province})"),
    "report_footer": Text("Data files", "Tệp dữ liệu"),
    "report_generated": Text("Deadlines as of {date}. Generated by parcli {version}.",
                         "Thời hạn tính đến ngày {date}. Lập bằng parcli {version}."),
    "quarter_label": Text("Q{q} {year}", "Quý {q}/{year}"),
    "file": Text("File", "Tệp"),
    "sha256": Text("SHA-256", "SHA-256"),
    "data_line": Text("Data: {files}", "Dữ liệu: {files}"),
    "bundled": Text("bundled with parcli", "dữ liệu có sẵn trong parcli"),
    # Decree 30/2020/NĐ-CP parts of a Word document (docx)
    "doc_motto": Text("SOCIALIST REPUBLIC OF VIETNAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    "doc_motto_line": Text("Independence - Freedom - Happiness", "Độc lập - Tự do - Hạnh phúc"),
    "doc_number": Text("No.: {blank}/{kind}-{symbol}", "Số: {blank}/{kind}-{symbol}"),
    "doc_date": Text("{place}, {blank} {year}", "{place}, ngày {blank} tháng {blank} năm {year}"),
    "doc_report": Text("REPORT", "BÁO CÁO"),
    "doc_report_subject": Text("Implementation of the {plan}", "Tình hình thực hiện {plan}"),
    "doc_sheet": Text("NOTICE", "THÔNG BÁO"),
    "doc_sheet_subject": Text("Tasks of {agency} under the {plan}",
                              "Nhiệm vụ của {agency} trong {plan}"),
    "doc_recipients": Text("Recipients:", "Nơi nhận:"),
    "doc_annex": Text("ANNEX", "PHỤ LỤC"),
    "doc_parent": Text("{province} PROVINCIAL PEOPLE'S COMMITTEE", "UBND {province}"),
    "doc_plan_of_year": Text("plan for {year}", "Kế hoạch năm {year}"),
    "sheet_title_plan": Text("{agency}: tasks under the {plan}",
                             "{agency}: nhiệm vụ trong {plan}"),
    "chart_caption": Text("Chart {n}: {title}", "Biểu đồ {n}: {title}"),
    "chart_axis": Text("points", "điểm"),
    "charts_not_drawn": Text("parcli: the Word file has no charts: they need the optional chart "
                             "extra (pip install 'parcli[charts]')",
                             "parcli: tệp Word không có biểu đồ: cần cài thêm phần vẽ biểu đồ "
                             "(pip install 'parcli[charts]')"),
    "bundled_plan": Text("bundled with parcli", "dữ liệu có sẵn trong parcli"),
    "provenance": Text("Data files: {files}.", "Tệp dữ liệu: {files}."),
    # the body of a Word report names its lists, which are in the annex
    "report_brief_criteria": Text("{heading}: {codes} (listed in the annex).",
                                  "{heading}: {codes} (danh sách ở Phụ lục)."),
    "report_brief_due": Text("{heading}: {n} tasks ({counts}), listed in the annex "
                             "(Deadlines).",
                             "{heading}: {n} nhiệm vụ ({counts}), danh sách ở Phụ lục (mục "
                             "Thời hạn)."),
    "report_brief_overdue": Text("{n} overdue", "{n} quá hạn"),
    "report_brief_passed": Text("{n} past their due date with no status reported",
                                "{n} đã qua thời hạn nhưng chưa rõ kết quả"),
    "report_brief_soon": Text("{n} due soon", "{n} sắp đến hạn"),
}
