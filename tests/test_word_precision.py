"""Word tables write one precision per numeric column, as table and md do: 0,60 beside 0,66,
never 0,6 (issue 19, item 14). Data: none (a table built in the test)."""

from __future__ import annotations

import io
from decimal import Decimal

from parcli.output import Column, Output, Table
from parcli.render import reporter


def test_a_numeric_column_has_one_precision_in_word() -> None:
    import docx

    table = Table([Column("name", "Tên"), Column("points", "Điểm", True),
                   Column("count", "Số", True)],
                  [{"name": "a", "points": Decimal("0.6"), "count": 3},
                   {"name": "b", "points": Decimal("0.66"), "count": 12},
                   {"name": "c", "points": Decimal("1"), "count": 0}])
    data = reporter("docx", lang="vi").write(Output([table], None))
    assert isinstance(data, bytes)
    cells = [[cell.text for cell in row.cells] for row in docx.Document(io.BytesIO(data))
             .tables[0].rows]
    assert cells[1:] == [["a", "0,60", "3"], ["b", "0,66", "12"], ["c", "1,00", "0"]]
