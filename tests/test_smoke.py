import json
from decimal import Decimal


def test_check_json_totals_on_shipped_data(cli):
    result = cli("check", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out, parse_float=Decimal)
    assert data["totals"]["max"] == {"printed": 100, "computed": 100}
    assert data["totals"]["baseline"] == {"printed": Decimal("79.53"), "computed": Decimal("79.53")}
    assert data["totals"]["target"] == {"printed": Decimal("92.81"), "computed": Decimal("92.79")}
