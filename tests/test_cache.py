"""parcli's cache of checked data (`parcli.cache`): a run that reads it back prints exactly
what a run without it prints, byte for byte, and anything doubtful about an entry is a miss.

tests/conftest.py turns the cache off for every other test; here it is on, in a folder of
each test's own. A hit is told from a miss by `collect` and the configuration loader, which
a hit never calls. Data: the bundled plan (data/*_2020.yaml), copies of it, and the made-up
results in tests/fixtures/results/."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import parcli.service
from parcli import cache
from tests.conftest import AGENCIES, ASSIGNMENTS, CRITERIA, ROOT, Result

HALF = ROOT / "tests" / "fixtures" / "results" / "results_2020_half.yaml"
COMMANDS = [
    ("check",),
    ("check", "--format", "json"),
    ("check", "--tolerance", "0.001"),
    ("validate",),
    ("validate", "--lang", "vi"),
    ("gap", "--by-agency"),
    ("report", "--as-of", "2020-10-15"),
    ("tree",),
    ("agencies",),
    ("due", "--as-of", "2020-10-01"),
    ("progress", "--results", HALF),
    ("due", "--as-of", "2020-10-01", "--results", HALF, "--format", "json"),
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache on, in a folder of the test's own; the working directory is the checkout."""
    where = tmp_path / "cache"
    monkeypatch.delenv("PARCLI_NO_CACHE")
    monkeypatch.setenv("PARCLI_CACHE_DIR", str(where))
    monkeypatch.chdir(ROOT)
    return where


@pytest.fixture
def uncached(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
             ) -> Callable[..., Result]:
    """The same command with the cache off: the answer every cached run must give."""

    def invoke(*args: str | Path) -> Result:
        with monkeypatch.context() as patch:
            patch.setenv("PARCLI_NO_CACHE", "1")
            return cli(*args)

    return invoke


@pytest.fixture
def hit(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The command run from the cache: nothing is loaded, configured or checked again."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a hit loads and checks nothing")

    def invoke(*args: str | Path) -> Result:
        with monkeypatch.context() as patch:
            patch.setattr(parcli.service, "collect", refuse)
            patch.setattr(parcli.service, "load_configuration", refuse)
            return cli(*args)

    return invoke


@pytest.fixture
def miss(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """The command run without reading the cache: its files are loaded and checked."""
    real = parcli.service.collect

    def invoke(*args: str | Path) -> Result:
        calls: list[object] = []

        def counted(*args: object, **kwargs: object) -> object:
            calls.append(args)
            return real(*args, **kwargs)

        with monkeypatch.context() as patch:
            patch.setattr(parcli.service, "collect", counted)
            result = cli(*args)
        assert calls, "a miss loads and checks the files"
        return result

    return invoke


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.pickle")) if where.is_dir() else []


def _same(result: Result, expected: Result) -> None:
    assert (result.code, result.out, result.err) == (expected.code, expected.out, expected.err)


@pytest.mark.parametrize("args", COMMANDS,
                         ids=lambda args: " ".join(getattr(a, "name", a) for a in args))
def test_a_miss_then_a_hit_print_what_a_run_without_the_cache_prints(
        cli, uncached, hit, folder: Path, args: tuple[str | Path, ...]) -> None:
    expected = uncached(*args)
    assert _entries(folder) == []
    _same(cli(*args), expected)
    assert len(_entries(folder)) == 1
    _same(hit(*args), expected)
    _same(hit(*args), expected)  # each hit reads its own copy: the first changed nothing


def test_commands_that_read_the_same_files_share_an_entry(cli, hit, uncached,
                                                         folder: Path) -> None:
    """The entry is of the files read, not of the command: tolerated errors are filtered
    after the cache."""
    cli("gap", "--by-agency")
    for args in (("report", "--as-of", "2020-10-15"), ("agencies",), ("due",)):
        _same(hit(*args), uncached(*args))
    assert len(_entries(folder)) == 1


def test_a_changed_byte_is_a_miss_with_the_new_answer(cli, hit, uncached, folder: Path,
                                                      tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    plan.mkdir()
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        (plan / path.name).write_bytes(path.read_bytes())
    criteria = plan / CRITERIA.name
    args = ("check", "--criteria", criteria)
    before = uncached(*args)
    _same(cli(*args), before)
    text = criteria.read_bytes()
    assert text.count(b"target: 92.81") == 1
    criteria.write_bytes(text.replace(b"target: 92.81", b"target: 92.82"))  # one byte
    after = uncached(*args)
    assert after.out != before.out
    _same(cli(*args), after)
    assert len(_entries(folder)) == 2
    _same(hit(*args), after)


def test_refused_data_is_refused_the_same_from_the_cache(cli, hit, uncached, folder: Path,
                                                         tmp_path: Path) -> None:
    text = CRITERIA.read_text("utf-8")
    old = "    lead: [Văn phòng UBND tỉnh]\n  - code: \"2\""
    assert text.count(old) == 1
    criteria = tmp_path / "criteria_2020.yaml"
    criteria.write_text(text.replace(old, "    lead: [VP UBND]\n  - code: \"2\""), "utf-8")
    for args in (("validate", "--criteria", criteria, "--agencies", AGENCIES),
                 ("gap", "--criteria", criteria, "--agencies", AGENCIES, "--no-assignments"),
                 ("gap", "--criteria", criteria, "--agencies", AGENCIES, "--no-assignments",
                  "--format", "json")):
        expected = uncached(*args)
        assert expected.code == 1
        assert "error unknown agency 'VP UBND'" in expected.out + expected.err
        _same(cli(*args), expected)
        _same(hit(*args), expected)


def test_a_file_that_cannot_be_read_is_the_same_problem_from_the_cache(
        cli, hit, uncached, folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "assignments.yaml"
    broken.write_text("year: 2020\nassignments: [\n", encoding="utf-8")
    args = ("validate", "--criteria", CRITERIA, "--agencies", AGENCIES, "--assignments", broken)
    expected = uncached(*args)
    assert expected.code == 1 and "[yaml-syntax]" in expected.out
    _same(cli(*args), expected)
    _same(hit(*args), expected)


def test_the_working_directory_is_in_the_key(cli, uncached, folder: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name files relative to the working directory."""
    args = ("validate", "--criteria", CRITERIA, "--agencies", AGENCIES, "--format", "json")
    here = cli(*args)
    assert '"file": "data/criteria_2020.yaml"' in here.out
    monkeypatch.chdir(ROOT / "data")
    _same(cli(*args), uncached(*args))
    assert len(_entries(folder)) == 2


def test_the_configuration_is_in_the_key_and_its_mistakes_are_never_cached(
        cli, hit, uncached, folder: Path, tmp_path: Path) -> None:
    for path in (CRITERIA, ASSIGNMENTS, AGENCIES):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    config = tmp_path / "parcli.toml"
    args = ("validate", "--criteria", tmp_path / CRITERIA.name, "--format", "json")
    config.write_text('disable = ["uncovered-criterion"]\n', encoding="utf-8")
    expected = uncached(*args)
    _same(cli(*args), expected)
    _same(hit(*args), expected)
    config.write_text('[levels]\nuncovered-criterion = "error"\n', encoding="utf-8")
    changed = uncached(*args)
    assert changed.code == 1
    _same(cli(*args), changed)
    _same(hit(*args), changed)
    config.write_text('disable = ["no-such-rule"]\n', encoding="utf-8")
    wrong = uncached(*args)
    assert wrong.code == 2 and "unknown rule 'no-such-rule'" in wrong.err
    entries = _entries(folder)
    _same(cli(*args), wrong)
    _same(cli(*args), wrong)
    assert _entries(folder) == entries


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None], ids=["empty", "garbage",
                                                                       "truncated"])
def test_a_corrupt_entry_is_a_miss(cli, miss, hit, uncached, folder: Path,
                                   damage: bytes | None) -> None:
    expected = uncached("validate")
    cli("validate")
    (entry,) = _entries(folder)
    data = entry.read_bytes()
    entry.write_bytes(data[:len(data) // 2] if damage is None else damage)
    _same(miss("validate"), expected)
    _same(hit("validate"), expected)  # written again


def test_an_entry_under_another_key_is_not_read(cli, miss, uncached, folder: Path) -> None:
    """An entry copied or linked under another name repeats its own key: not read."""
    cli("check")
    (english,) = _entries(folder)
    cli("check", "--lang", "vi")
    (vietnamese,) = set(_entries(folder)) - {english}
    english_data, vietnamese_data = english.read_bytes(), vietnamese.read_bytes()
    english.write_bytes(vietnamese_data)
    vietnamese.write_bytes(english_data)
    _same(miss("check"), uncached("check"))
    _same(miss("check", "--lang", "vi"), uncached("check", "--lang", "vi"))


def test_an_entry_of_another_user_or_writable_by_others_is_not_read(
        cli, miss, hit, uncached, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached("check")
    cli("check")
    (entry,) = _entries(folder)
    with monkeypatch.context() as patch:
        patch.setattr(os, "getuid", lambda: entry.stat().st_uid + 1)
        _same(miss("check"), expected)
    _same(hit("check"), expected)  # (the miss wrote an entry of the real user's)
    entry.chmod(0o620)
    _same(miss("check"), expected)
    assert entry.stat().st_mode & 0o777 == 0o600  # replaced by a private one
    _same(hit("check"), expected)
    other = folder / "elsewhere"
    other.write_bytes(entry.read_bytes())
    entry.unlink()
    entry.symlink_to(other)  # a link, even to a good entry of the user's: not followed
    _same(miss("check"), expected)
    assert not entry.is_symlink()


def test_a_folder_that_cannot_be_made_is_a_miss(cli, uncached, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached("check")
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    monkeypatch.delenv("PARCLI_NO_CACHE")
    monkeypatch.chdir(ROOT)
    for where in (blocker, blocker / "cache"):
        monkeypatch.setenv("PARCLI_CACHE_DIR", str(where))
        _same(cli("check"), expected)
        _same(cli("check"), expected)
    assert blocker.read_text(encoding="utf-8") == "in the way"


def test_a_folder_that_cannot_be_written_is_a_miss(cli, uncached, folder: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached("check")

    real = os.open

    def refuse(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # root may write anywhere: say it cannot
    _same(cli("check"), expected)
    _same(cli("check"), expected)
    assert _entries(folder) == []


def test_off_too_large_and_pruned(cli, uncached, folder: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    expected = uncached("check")
    with monkeypatch.context() as patch:
        patch.setenv("PARCLI_NO_CACHE", "1")
        _same(cli("check"), expected)
    assert not folder.exists()
    with monkeypatch.context() as patch:
        patch.setattr(cache, "MAX_INPUT", CRITERIA.stat().st_size - 1)
        _same(cli("check"), expected)
    assert _entries(folder) == []
    monkeypatch.setattr(cache, "ENTRIES", 2)
    cli("check")
    (oldest,) = _entries(folder)
    os.utime(oldest, ns=(0, 0))
    cli("check", "--lang", "vi")
    cli("tree")
    assert len(_entries(folder)) == 2 and not oldest.exists()


def test_each_hit_is_a_copy_of_its_own(folder: Path) -> None:
    from parcli.commands import gap
    from parcli.service import DataRequest, open_data

    def opened() -> parcli.service.Checked:
        return open_data(DataRequest(), "gap", gap.NEEDS, gap.OPTIONAL, "en", gap.TOLERATED)

    first, second, third = opened(), opened(), opened()
    assert second.dataset is not third.dataset
    assert second.dataset.criteria_file is not third.dataset.criteria_file
    assert second.problems == third.problems == first.problems
    assert second.problems is not third.problems
    assert second.dataset.registry is not third.dataset.registry  # rebuilt, each its own
    assert [a.code for a in second.dataset.tasks()] == [a.code for a in first.dataset.tasks()]


def test_a_hit_imports_no_parser_nor_rules_and_builds_no_validator(tmp_path: Path) -> None:
    code = """if True:
        import os, sys
        from parcli import cli
        code = cli.run(["check"])
        import pydantic
        import parcli.models as models
        built = [name for name, value in vars(models).items() if isinstance(value, type)
                 and issubclass(value, pydantic.BaseModel) and value.__pydantic_complete__]
        loaded = [name for name in ("yaml", "parcli.load.parser", "parcli.load.schema_errors",
                                    "parcli.rules", "tomllib") if name in sys.modules]
        print(code, loaded, built, file=sys.stderr)
    """
    env = {**os.environ, "PARCLI_CACHE_DIR": str(tmp_path), "PARCLI_NO_CACHE": ""}
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
                           capture_output=True, check=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout
    *_, miss = runs[0].stderr.splitlines()
    *_, hit = runs[1].stderr.splitlines()
    assert miss.startswith("0 ['yaml', 'parcli.load.parser'")
    assert hit == "0 [] []"


def test_a_dataset_read_back_loads_a_file_it_had_not_loaded() -> None:
    """A pickled Dataset keeps the files loaded so far; one it had not loaded yet is read
    from its path after unpickling. Data: data/criteria_2020.yaml, data/agencies.yaml."""
    import pickle

    from parcli.dataset import DataPaths, Dataset
    from tests.conftest import AGENCIES, CRITERIA

    dataset = Dataset(DataPaths(CRITERIA, None, AGENCIES))
    assert dataset.criteria_file.target_year == 2020
    copy = pickle.loads(pickle.dumps(dataset))
    assert "agencies" not in copy.__dict__
    assert copy.agencies_file.agencies[0].id == dataset.agencies_file.agencies[0].id
    assert copy.criteria_file == dataset.criteria_file
