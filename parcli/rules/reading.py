"""Problems found while a file is read: before any rule runs, the file must be safe to read.

These are always errors and cannot be disabled: a file that cannot be read has no numbers
to check. Each entry's documentation follows the same shape as a rule module's docstring.
"""

from __future__ import annotations

from parcli.rules.base import Rule
from parcli.text import Text


def _reading(rule_id: str, en: str, vi: str, doc: str) -> Rule:
    return Rule(rule_id, "error", Text(en, vi), doc, fixed=True)


READING: list[Rule] = [
    _reading("unreadable", "the file cannot be opened or read", "không mở hoặc đọc được tệp",
             "The operating system refused to read the file (permissions, an I/O error)."),
    _reading("file-too-large", "the file is over the size limit",
             "tệp vượt quá giới hạn kích thước",
             "Larger than PARCLI_MAX_BYTES (10 MiB by default): refused before reading."),
    _reading("encoding", "the file is not UTF-8 text", "tệp không phải văn bản UTF-8",
             "Failing: a file saved as Windows-1258 or Latin-1, UTF-16 without a byte-order "
             "mark, binary data. Passing: UTF-8, with or without a byte-order mark."),
    _reading("empty-file", "the file holds no YAML document", "tệp không có nội dung YAML",
             "Failing: an empty file, or one with only comments."),
    _reading("yaml-syntax", "the file is not valid YAML", "tệp không đúng cú pháp YAML",
             "Failing: `max: [1, 2` (an unclosed list). Only the first syntax error of a file "
             "is reported."),
    _reading("duplicate-key", "a key appears twice in one mapping",
             "một khóa xuất hiện hai lần trong cùng một ánh xạ",
             "Failing: `max: 1` twice in one row. Passing: each key once."),
    _reading("yaml-alias", "YAML anchors, aliases and merge keys are not allowed",
             "không được dùng neo, bí danh hay khóa gộp của YAML",
             "Failing: `baseline: *a`, `<<: *row`. Passing: the value written out."),
    _reading("yaml-tag", "an explicit YAML tag is not allowed",
             "không được dùng thẻ YAML tường minh",
             "Failing: `!!python/object/apply:os.system [...]` (never executed)."),
    _reading("too-deep", "nesting deeper than 64 levels", "lồng quá 64 cấp",
             "Failing: a value nested 65 levels deep."),
    _reading("not-finite", "a number is .nan or .inf", "số không hữu hạn (.nan, .inf)",
             "Failing: `baseline: .nan`. Passing: `baseline: 0.5`."),
    _reading("schema", "a key or value does not fit the data format",
             "khóa hoặc giá trị không đúng định dạng dữ liệu",
             "Failing: an unknown key, a required key missing, text where a number belongs, "
             "baseline_year not before target_year, a file of another kind."),
    _reading("decimal-comma", "a number written with a decimal comma",
             "số viết bằng dấu phẩy thập phân",
             "Failing: `baseline: 8,67`. Passing: `baseline: 8.67`."),
    _reading("score-range", "a score outside [min, max]",
             "điểm nằm ngoài [điểm thấp nhất, điểm tối đa]",
             "Failing: `max: 1` with `baseline: 1.5`; a negative score on a row without a "
             "`min` below it (nor `kind: penalty`); a penalty row with a positive `max`. "
             "Passing: `max: 1`, `baseline: 0.75`; `kind: penalty`, `min: -2`, `max: 0`, "
             "`baseline: -1`."),
]
