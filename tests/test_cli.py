"""The ``filmlore`` command, driven through its entry point as a user runs it."""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import filmlore
from filmlore import Dossier, Vote, reconcile
from tests.conftest import ROOT, on_a_terminal

HEAT_DIR = filmlore.example_path("heat")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m filmlore ARGS``, piped, without colour forced."""
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "filmlore", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        check=False,
    )


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    """The command failed cleanly: a message, not a Python traceback."""
    assert "Traceback" not in result.stderr, result.stderr


@pytest.fixture(scope="module")
def claims_csv(heat: Dossier, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A claims CSV of a few Heat claims: the runtime, the release date and the director."""
    wanted = {"duration", "release_date", "director"}
    claims = [c for c in heat.claims if c.subject.key == "heat-1995" and c.property in wanted]
    path = tmp_path_factory.mktemp("csv") / "heat-claims.csv"
    filmlore.dump(Dossier(claims=claims), path)
    return path


# --- the basics -------------------------------------------------------------------------------


def test_version() -> None:
    """--version prints the package's version and exits 0."""
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"filmlore {filmlore.__version__}"


@pytest.mark.parametrize("command", ["validate", "reconcile", "quotes", "convert"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    """`filmlore COMMAND --help` exits 0 and shows an example of the command."""
    result = run(command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout
    assert f"filmlore {command} " in result.stdout.split("example")[1]


def test_no_command_is_a_usage_error() -> None:
    """`filmlore` alone prints usage and exits 2."""
    result = run()
    assert result.returncode == 2
    assert "usage: filmlore" in result.stderr


def test_the_console_script_is_installed() -> None:
    """The `filmlore` script next to this Python runs the same command."""
    script = Path(sys.executable).parent / "filmlore"
    if not script.exists():
        pytest.skip("no filmlore console script beside this interpreter")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("filmlore ")


def test_without_rich_it_says_how_to_install_it() -> None:
    """With rich missing, the command names the cli extra and exits 2."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'rich' or name.startswith('rich.'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from filmlore.cli import main\n"
        "raise SystemExit(main(['validate', 'x']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "filmlore's command line needs rich: pip install 'filmlore[cli]'"
    )


# --- validate ---------------------------------------------------------------------------------


def test_validate_heat_finds_no_issues() -> None:
    """The Heat dossier validates clean: exit 0 and a one-line verdict."""
    result = run("validate", str(HEAT_DIR))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stderr
    assert "331 claims" in result.stderr


def test_validate_reports_errors_as_a_table_and_exits_1(tmp_path: Path) -> None:
    """A dossier whose claim names a source it does not hold: an error in a table, exit 1."""
    bad = tmp_path / "heat.yaml"
    bad.write_text(
        "claims:\n  - {id: 'claim:a', subject: 'film:heat-1995', property: title, value: Heat,"
        " source: 'source:a'}\n",
        encoding="utf-8",
    )
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "unresolved-reference" in result.stdout
    assert "$.claims[0].source" in result.stdout
    assert re.search(r"\d+ errors", result.stderr)


def test_validate_json_lists_the_issues(claims_csv: Path) -> None:
    """--format json prints the issues as data; a claims CSV cannot declare its subjects and
    sources, so they are infos, one per entity, and the exit code is 0."""
    result = run("validate", str(claims_csv), "--format", "json")
    assert result.returncode == 0, result.stderr
    issues = json.loads(result.stdout)
    assert {(i["severity"], i["code"]) for i in issues} == {("info", "undeclared-reference")}
    assert set(issues[0]) == {"severity", "code", "path", "message"}
    assert issues[0]["path"] == "$.claims[0].subject"
    assert issues[0]["message"].endswith("a claims table cannot declare entities")


@pytest.fixture
def sources_csv(tmp_path: Path) -> Path:
    """A sources table for three of the four sources of claims_csv."""
    path = tmp_path / "sources.csv"
    path.write_text(
        "id,kind,name,weight\n"
        "tmdb-heat,database,Heat in The Movies Dataset,3\n"
        "crime-epic-blog,blog,The Crime Epic,\n"
        "inscker-review,review,Soames Inscker on Heat,\n",
        encoding="utf-8",
    )
    return path


def test_validate_a_claims_csv_with_its_sources_table(claims_csv: Path, sources_csv: Path) -> None:
    """--sources declares the sources: they resolve (their excerpts cannot be checked
    without their texts), and the one it leaves out is a warning; the verdict counts the
    table's sources; exit 0."""
    result = run("validate", str(claims_csv), "--sources", str(sources_csv), "--format", "json")
    assert result.returncode == 0, result.stderr
    issues = json.loads(result.stdout)
    warnings = [i for i in issues if i["severity"] == "warning"]
    assert [i["code"] for i in warnings] == ["source-not-in-table"]
    assert "the source source:coffee-shop-article of" in warnings[0]["message"]
    undeclared = [i["message"] for i in issues if i["code"] == "undeclared-reference"]
    assert not [m for m in undeclared if "source:" in m]
    assert "excerpt-unchecked" in {i["code"] for i in issues}  # the table keeps no texts
    text = run("validate", str(claims_csv), "--sources", str(sources_csv))
    assert text.stderr.strip() == (
        f"{claims_csv}: no errors (0 errors, 1 warning, 4 infos; 11 claims, 3 sources)"
    )


def test_a_bad_sources_table_is_reported_with_its_file_and_lines(
    claims_csv: Path, tmp_path: Path
) -> None:
    """Every problem of the sources table is printed with its file, line and column; exit 1."""
    bad = tmp_path / "bad-sources.csv"
    bad.write_text("id,kind,prior\ntmdb-heat,db,\nblog,blog,1.2\n", encoding="utf-8")
    result = run("reconcile", str(claims_csv), "--sources", str(bad))
    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"cannot load {claims_csv}: 2 problem(s)" in result.stderr
    assert f"got 'db' (a string) @ $.kind ({bad}:2)" in result.stderr
    assert f"expected a number in [0, 1], got '1.2' (a string) @ $.prior ({bad}:3)" in (
        result.stderr
    )


def test_sources_apply_to_a_claims_csv_only(claims_csv: Path, sources_csv: Path) -> None:
    """--sources with a dossier, or naming no file, is a usage error: exit 2."""
    result = run("validate", str(HEAT_DIR), "--sources", str(sources_csv))
    assert result.returncode == 2
    assert f"--sources gives the sources of a claims CSV, and {HEAT_DIR} is not one" in (
        result.stderr
    )
    missing = run("validate", str(claims_csv), "--sources", str(sources_csv) + ".nope")
    assert missing.returncode == 2
    assert f"no such file or folder: {sources_csv}.nope" in missing.stderr


def test_reconcile_a_claims_csv_with_its_sources_table(claims_csv: Path, sources_csv: Path) -> None:
    """The report knows the sources' kinds and names from the table."""
    result = run(
        "reconcile", str(claims_csv), "--sources", str(sources_csv), "--policy", "authority"
    )
    assert result.returncode == 0, result.stderr
    assert "“Heat in The Movies Dataset” (database)" in result.stdout
    assert "“Soames Inscker on Heat” (review)" in result.stdout


def test_convert_a_claims_csv_with_its_sources_table(
    claims_csv: Path, sources_csv: Path, tmp_path: Path
) -> None:
    """Converting a claims CSV with --sources writes a dossier holding those sources."""
    target = tmp_path / "claims.json"
    result = run("convert", str(claims_csv), str(target), "--sources", str(sources_csv))
    assert result.returncode == 0, result.stderr
    dossier = filmlore.load(target)
    assert [(str(s.id), s.kind.value, s.weight) for s in dossier.sources] == [
        ("source:tmdb-heat", "database", 3.0),
        ("source:crime-epic-blog", "blog", None),
        ("source:inscker-review", "review", None),
    ]
    assert dossier.claims == filmlore.load(claims_csv).claims


def test_malformed_yaml_names_the_file_and_line(tmp_path: Path) -> None:
    """Bad YAML: exit 1, the message with its place (file:line), no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("films:\n  - id: film:x\n    title: [unclosed\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"cannot load {bad}: 1 problem(s)" in result.stderr
    assert re.search(rf"not valid YAML: .* @ \$\S* \({re.escape(str(bad))}:\d+\)", result.stderr)


def test_bad_values_are_all_reported_with_their_paths(tmp_path: Path) -> None:
    """Every problem is listed as `message @ $.path (file:line)`."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("films:\n  - id: film:x\n    year: abc\n", encoding="utf-8")
    result = run("reconcile", str(bad))
    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"missing required key 'title' @ $.films[0].title ({bad}:2)" in result.stderr
    assert f"@ $.films[0].year ({bad}:3)" in result.stderr


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    """A path that does not exist: exit 2 with a clear message."""
    result = run("quotes", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert_no_traceback(result)
    assert f"no such file or folder: {tmp_path / 'nowhere'}" in result.stderr


def test_an_unknown_suffix_is_a_usage_error(tmp_path: Path) -> None:
    """A file whose format cannot be told: exit 2, the suffixes listed."""
    odd = tmp_path / "claims.xlsx"
    odd.write_text("x", encoding="utf-8")
    result = run("validate", str(odd))
    assert result.returncode == 2
    assert ".csv" in result.stderr


# --- reconcile --------------------------------------------------------------------------------


def test_reconcile_json_holds_to_dict(heat: Dossier) -> None:
    """--format json prints Reconciliation.to_dict()'s keys as they are, and the report's
    rejected values, sections and notes beside them."""
    result = run("reconcile", str(HEAT_DIR), "--policy", "vote", "--format", "json")
    assert result.returncode == 0, result.stderr
    expected = json.loads(json.dumps(reconcile(heat, policy=Vote()).to_dict()))
    printed = json.loads(result.stdout)
    assert {k: printed[k] for k in expected} == expected
    assert set(printed) - set(expected) == {"rejected", "sections", "notes"}


def test_reconcile_text_is_the_fact_sheet_without_colour_when_piped() -> None:
    """Piped, the text report has every section, no colour codes and no progress bar."""
    result = run("reconcile", str(HEAT_DIR))
    assert result.returncode == 0, result.stderr
    for heading in ("Agreed facts", "Resolved disputes", "Single-source facts", "Source trust"):
        assert heading in result.stdout
    assert "\x1b[" not in result.stdout
    assert result.stderr == ""  # no progress bar, no messages


def test_reconcile_a_claims_csv(claims_csv: Path) -> None:
    """A claims CSV reconciles on its own: the director is agreed by four sources."""
    result = run("reconcile", str(claims_csv), "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)["facts"]
    director = next(f for f in facts if f["property"] == "director")
    assert director["value"] == "person:michael-mann"
    assert director["status"] == "agreed"
    assert len(director["support"]) == 4


@pytest.mark.parametrize("policy", ["vote", "weighted-vote", "authority", "most-specific"])
def test_every_policy_name_runs(policy: str) -> None:
    """Each named policy reconciles Heat and is recorded in the JSON."""
    result = run("reconcile", str(HEAT_DIR), "--policy", policy, "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["policy"]["name"] == policy.replace("-", " ")


def test_weights_go_to_the_weighted_vote() -> None:
    """--weight SOURCE=NUMBER sets the weighted vote's weights."""
    result = run(
        "reconcile", str(HEAT_DIR), "--policy", "weighted-vote",
        "--weight", "database=3", "source:crime-epic-blog=0.5", "--format", "json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    weights = json.loads(result.stdout)["policy"]["parameters"]["weights"]
    assert weights == {"database": 3.0, "source:crime-epic-blog": 0.5}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--policy", "nope"], "invalid choice: 'nope'"),
        (["--format", "pdf"], "invalid choice: 'pdf'"),
        (["--kinds", "runtime_text"], "--kinds takes PROPERTY=KIND"),
        (["--kinds", "runtime_text=nope"], "unknown value kind 'nope'"),
        (["--weight", "blog=x"], "--weight takes SOURCE=NUMBER"),
        (["--weight", "blog=2"], "--weight applies to --policy weighted-vote"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    """Unknown policies, formats and kinds, and malformed options: exit 2 with the reason."""
    result = run("reconcile", str(HEAT_DIR), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert_no_traceback(result)


def test_kinds_read_an_undeclared_property(tmp_path: Path) -> None:
    """--kinds gives a property the input does not declare its value kind."""
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,property,value,source\nfilm:x,runtime_text,nearly 3 hours,source:a\n",
        encoding="utf-8",
    )
    assert run("reconcile", str(path)).returncode == 1  # unknown property: no kind to read it
    result = run("reconcile", str(path), "--kinds", "runtime_text=duration", "--format", "json")
    assert result.returncode == 0, result.stderr
    (fact,) = json.loads(result.stdout)["facts"]
    assert fact["value"] == "nearly 3 hours"


def test_reconcile_writes_html_to_a_file(tmp_path: Path) -> None:
    """-o FILE.html writes the HTML report (format from the suffix) and says where."""
    target = tmp_path / "out" / "heat.html"
    result = run("reconcile", str(HEAT_DIR), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert str(target) in result.stderr
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page


def test_reconcile_markdown_to_stdout() -> None:
    """--format markdown prints the fact sheet with footnotes."""
    result = run("reconcile", str(HEAT_DIR), "--format", "markdown", "--title", "Heat facts")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Heat facts\n")
    assert "[^1]: " in result.stdout


def test_colour_only_when_forced_and_never_with_no_color() -> None:
    """FORCE_COLOR colours the tables; NO_COLOR takes the colour away again."""
    coloured = run("reconcile", str(HEAT_DIR), env={"FORCE_COLOR": "1"})
    assert ANSI_COLOUR.search(coloured.stdout)
    plain = run("reconcile", str(HEAT_DIR), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 0
    assert not ANSI_COLOUR.search(plain.stdout)


def test_a_progress_bar_shows_on_a_terminal() -> None:
    """On a terminal, loading and reconciling show a progress bar on stderr."""
    shown, _ = on_a_terminal("reconcile", str(HEAT_DIR), "--format", "json", stderr=True)
    assert "Loading heat" in shown
    assert "Reconciling 331 claims" in shown


# --- quotes -----------------------------------------------------------------------------------


def test_quotes_groups_renderings_by_line() -> None:
    """Each line with each source's rendering and its fidelity."""
    result = run("quotes", str(HEAT_DIR))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "if you feel the heat around the corner" in " ".join(out.split())
    thirty = out.split("Neil McCauley", 1)[1].split("Vincent Hanna", 1)[0]
    assert re.search(r"coffee-shop-article\s+paraphrase", thirty)
    assert re.search(r"crime-epic-blog\s+truncated", thirty)
    assert re.search(r"inscker-review\s+exact", thirty)
    assert "8 lines, 10 renderings" in result.stderr


def test_quotes_json(claims_csv: Path) -> None:
    """--format json gives each line's renderings; no quotations give an empty list."""
    result = run("quotes", str(HEAT_DIR), "--format", "json")
    assert result.returncode == 0
    lines = json.loads(result.stdout)
    assert lines[0]["quote"] == "quote:thirty-seconds-flat"
    assert [r["fidelity"] for r in lines[0]["renderings"]] == ["paraphrase", "truncated", "exact"]
    empty = run("quotes", str(claims_csv), "--format", "json")
    assert json.loads(empty.stdout) == []


# --- convert ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".jsonl", ".toml", ""])
def test_convert_round_trips(heat: Dossier, tmp_path: Path, suffix: str) -> None:
    """Converting Heat to each format and loading it back gives the same dossier."""
    target = tmp_path / f"heat{suffix}"
    result = run("convert", str(HEAT_DIR), str(target))
    assert result.returncode == 0, result.stderr
    assert f"to {target}" in result.stderr
    assert filmlore.load(target) == heat


def test_convert_to_csv_needs_claims_only(heat: Dossier, tmp_path: Path) -> None:
    """A dossier with more than claims converts to CSV only with --claims-only."""
    target = tmp_path / "claims.csv"
    refused = run("convert", str(HEAT_DIR), str(target))
    assert refused.returncode == 2
    assert "--claims-only" in refused.stderr
    assert not target.exists()
    result = run("convert", str(HEAT_DIR), str(target), "--claims-only")
    assert result.returncode == 0, result.stderr
    assert filmlore.load(target).claims == heat.claims


def test_convert_with_explicit_formats(tmp_path: Path, claims_csv: Path) -> None:
    """--from and --to override the suffixes; an unknown one is a usage error."""
    odd = tmp_path / "claims.data"
    shutil.copy(claims_csv, odd)
    target = tmp_path / "claims.out"
    result = run("convert", str(odd), str(target), "--from", "csv", "--to", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["claims"]
    bad = run("convert", str(odd), str(target), "--from", "xls")
    assert bad.returncode == 2
    assert "unknown format 'xls'" in bad.stderr


# --- the docs ---------------------------------------------------------------------------------


def test_every_option_is_in_the_reference() -> None:
    """docs/reference/cli.rst names every command and every option of each."""
    from filmlore.cli import build_parser

    text = (ROOT / "docs" / "reference" / "cli.rst").read_text(encoding="utf-8")
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    missing = []
    for name, sub in commands.choices.items():
        if f"``filmlore {name}``" not in text:
            missing.append(name)
        for action in sub._actions:
            missing += [f"{name} {o}" for o in action.option_strings if o not in text]
    assert missing == []


def test_the_how_to_commands_run(tmp_path: Path) -> None:
    """Every `$ filmlore …` line of docs/howto/cli.md runs, in order, and exits 0, in a
    folder holding only the files the page tells the reader to save."""
    howto = (ROOT / "docs" / "howto" / "cli.md").read_text(encoding="utf-8")
    lines = [line[2:] for line in howto.splitlines() if line.startswith("$ filmlore ")]
    assert len(lines) >= 10
    for name, text in re.findall(
        r"```\{code-block\} \w+\n:caption: (\S+)\n\n(.*?)```", howto, re.S
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert (tmp_path / "heat-sources.csv").is_file()
    python = f"{shlex.quote(sys.executable)} -m filmlore "
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    for line in lines:
        command = re.sub(r"(^|&& )filmlore ", lambda m: m.group(1) + python, line)
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            env=environ,
            check=False,
        )
        assert result.returncode == 0, (line, result.stderr)
        if line == "filmlore validate heat":
            shown = howto.split(f"$ {line}\n", 1)[1].split("\n", 1)[0]
            assert result.stderr.strip() == shown
    for made in ("heat-facts.md", "heat-report.html", "heat-facts.json", "heat-claims.csv"):
        assert (tmp_path / made).stat().st_size > 0, made
    assert (tmp_path / "heat-folder" / "dossier.yaml").exists()


def test_hierarchy_adds_links_to_what_is_reconciled(tmp_path: Path) -> None:
    """--hierarchy FILE relates places the built-in hierarchy does not know: the finer one
    is the fact, the coarser claims its support; a bad table is reported with its lines."""
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "id,subject,property,value,source\n"
        "claim:c1,person:someone,place_of_birth,Quarry Bank,source:a\n"
        "claim:c2,person:someone,place_of_birth,Wirral Peninsula,source:b\n",
        encoding="utf-8",
    )
    tree = tmp_path / "places.csv"
    tree.write_text("child,parent\nQuarry Bank,Wirral Peninsula\n", encoding="utf-8")
    plain = json.loads(run("reconcile", str(claims), "--format", "json").stdout)
    assert plain["conflicts"]
    result = run("reconcile", str(claims), "--hierarchy", str(tree), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert not data["conflicts"]
    [fact] = data["facts"]
    assert fact["value"] == "Quarry Bank"
    bad = tmp_path / "bad.csv"
    bad.write_text("child,parent\nQuarry Bank,\n", encoding="utf-8")
    failed = run("reconcile", str(claims), "--hierarchy", str(bad))
    assert failed.returncode == 1
    assert_no_traceback(failed)
    assert f"cannot load {bad}: 1 problem(s)" in failed.stderr
    assert f"({bad}:2)" in failed.stderr


# --- import -------------------------------------------------------------------------------------

ML_MOVIES = (
    "movieId,title,genres\n6,Heat (1995),Action|Crime|Thriller\n8,Tom and Huck (1995),Adventure\n"
)
ML_LINKS = "movieId,imdbId,tmdbId\n6,0113277,949\n8,0112302,45325\n"


def _movielens(root: Path, movies: str = ML_MOVIES) -> Path:
    root.mkdir(parents=True)
    (root / "movies.csv").write_text(movies)
    (root / "links.csv").write_text(ML_LINKS)
    return root


def test_import_writes_a_dossier_that_validates_and_says_what_it_read(tmp_path: Path) -> None:
    source = _movielens(tmp_path / "ml")
    out = tmp_path / "out"
    done = run("import", "movielens", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "read 4 rows; rejected 0" in done.stderr
    assert "wrote 2 films, 0 people, 8 claims" in done.stderr
    again = filmlore.load(out)
    assert again.origin is filmlore.DossierOrigin.DATA_SET
    assert again == filmlore.load(source, format="movielens")
    checked = run("validate", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_import_is_strict_unless_told_and_lists_what_it_rejected(tmp_path: Path) -> None:
    source = _movielens(tmp_path / "ml", ML_MOVIES + "x,Broken (1999),Drama\n")
    strict = run("import", "movielens", str(source), "-o", str(tmp_path / "strict"))
    assert strict.returncode == 1
    assert "movieId" in strict.stderr
    assert "movies.csv:4" in strict.stderr
    assert not (tmp_path / "strict").exists()
    rejected = tmp_path / "rejected.jsonl"
    lenient = run(
        "import", "movielens", str(source), "-o", str(tmp_path / "lenient"), "--lenient",
        "--rejected", str(rejected),
    )  # fmt: skip
    assert lenient.returncode == 0, lenient.stderr
    assert "rejected 1" in lenient.stderr
    (line,) = [json.loads(x) for x in rejected.read_text().splitlines()]
    assert line["location"].endswith("(movies.csv:4)")
    assert line["record"]["title"] == "Broken (1999)"


def test_import_matches_with_other_dossiers(tmp_path: Path) -> None:
    source = _movielens(tmp_path / "ml")
    table = tmp_path / "heat.json"
    heat = filmlore.Film(
        id=filmlore.EntityRef("film", "heat-1995"), title=filmlore.Text("Heat"), year=1995
    )
    filmlore.dump([heat], table)
    done = run("import", "movielens", str(source), "--match", str(table), "-o", str(tmp_path / "j"))
    assert done.returncode == 0, done.stderr
    assert "matched 1 record" in done.stderr
    assert len(filmlore.load(tmp_path / "j").films) == 2


def test_import_refuses_an_unknown_format_and_bad_options(tmp_path: Path) -> None:
    source = _movielens(tmp_path / "ml")
    assert run("import", "letterboxd", str(source), "-o", str(tmp_path / "o")).returncode == 2
    bad = run("import", "movielens", str(source), "-o", str(tmp_path / "o"), "--pivot", "30")
    assert bad.returncode == 2
    assert "pivot" in bad.stderr
    missing = run("import", "movielens", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o"))
    assert missing.returncode == 2


# --- writing a dossier, and what a fact-checker trips on ---------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
NO_COLOUR = {"NO_COLOR": "1"}


def _lines(text: str) -> str:
    """``text`` without terminal escapes and trailing spaces, blank lines dropped."""
    lines = [line.rstrip() for line in ANSI.sub("", text).splitlines()]
    return "\n".join(line for line in lines if line)


def test_the_fact_sheet_wraps_the_same_shown_or_piped() -> None:
    """Piping the sheet to a file keeps the terminal's width: the lines are the same."""
    args = ["reconcile", str(HEAT_DIR)]
    shown = _lines(on_a_terminal(*args, columns=90, stdout=True, stderr=True, env=NO_COLOUR)[0])
    piped = _lines(on_a_terminal(*args, columns=90, stderr=True, env=NO_COLOUR)[1])
    assert "Open disputes" in piped
    assert max(len(line) for line in piped.splitlines()) <= 90
    assert [line for line in shown.splitlines() if "Open disputes" in line or "—" in line][:40] == [
        line for line in piped.splitlines() if "Open disputes" in line or "—" in line
    ][:40]
    narrow = run(*args, env={"COLUMNS": "70"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 70


def test_a_report_suffix_that_is_not_a_format_is_an_error(tmp_path: Path) -> None:
    """-o report.pdf does not write text into a .pdf: it says which suffixes there are."""
    target = tmp_path / "report.pdf"
    result = run("reconcile", str(HEAT_DIR), "-o", str(target))
    assert result.returncode == 2
    for words in ("-o ", ".html", "--format"):
        assert words in result.stderr
    assert not target.exists()
    assert run("reconcile", str(HEAT_DIR), "-o", str(target), "--format", "html").returncode == 0


def test_cli_errors_name_the_cli_options(tmp_path: Path) -> None:
    """A library's message names Python arguments; the command names its own options."""
    table = tmp_path / "films.csv"
    table.write_text("title,year\nHeat,1995\n", encoding="utf-8")
    missing = run("import", "table", str(table), "-o", str(tmp_path / "out"))
    assert missing.returncode == 2
    assert "--mapping FILE" in missing.stderr
    assert "mapping=" not in missing.stderr
    wrong = run("validate", str(table))
    assert "filmlore import table PATH --mapping FILE" in wrong.stderr
    assert "load(" not in wrong.stderr
    suffix = run("convert", str(HEAT_DIR), str(tmp_path / "x.pdf"))
    assert suffix.returncode == 2
    assert "--from or --to" in suffix.stderr
    assert "format=" not in suffix.stderr
    columns = run("import", "movielens", str(table), "-o", str(tmp_path / "ml"))
    assert columns.returncode == 1
    assert_no_traceback(columns)
    assert "no column 'movieId' in the header" in columns.stderr


def test_a_dossier_from_scratch(tmp_path: Path) -> None:
    """new, add-source and excerpt make a dossier that validates and reconciles, and the
    disagreement between the two sources is a dispute on the sheet."""
    folder = tmp_path / "takedown"
    made = run("new", str(folder), "--film", "L.A. Takedown", "--year", "1989")
    assert made.returncode == 0, made.stderr
    assert run("new", str(folder), "--film", "Again").returncode == 2  # never overwritten
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Takedown at 30 | Reels</title>"
        '<meta property="og:site_name" content="Reels"></head><body><nav>Menu</nav>'
        "<article><p>Michael Mann’s L.A. Takedown runs barely 90 minutes.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    listing = tmp_path / "listing.txt"
    listing.write_text("L.A. Takedown (1989), 104 min, NBC.\n", encoding="utf-8")
    for args in ([str(page), "--kind", "blog"], [str(listing), "--kind", "database"]):
        added = run("add-source", str(folder), *args)
        assert added.returncode == 0, added.stderr
    assert sorted(p.name for p in (folder / "sources").iterdir()) == [
        "listing.txt",
        "listing.yaml",
        "takedown-at-30.txt",
        "takedown-at-30.yaml",
    ]
    found = run(
        "excerpt",
        "takedown-at-30",
        "michael manns l.a. takedown",
        "--dossier",
        str(folder),
        "--format",
        "json",
    )
    assert found.returncode == 0, found.stderr
    excerpt = json.loads(found.stdout)
    assert excerpt["text"] == "Michael Mann’s L.A. Takedown"
    assert run("excerpt", str(listing), "Heat").returncode == 1
    (folder / "claims" / "takedown-at-30.yaml").write_text(
        "source: source:takedown-at-30\nsubject: film:la-takedown-1989\nclaims:\n"
        "  - property: runtime\n    value: barely 90 minutes\n"
        "    excerpt: runs barely 90 minutes\n",
        encoding="utf-8",
    )
    (folder / "claims" / "listing.yaml").write_text(
        "source: source:listing\nsubject: film:la-takedown-1989\nclaims:\n"
        "  - property: runtime\n    value: 104 min\n    excerpt: 104 minutes\n",
        encoding="utf-8",
    )
    checked = run("validate", str(folder))
    assert checked.returncode == 1
    assert "did you mean “104 min”" in checked.stdout.replace("\n", " ") + checked.stderr
    text = (folder / "claims" / "listing.yaml").read_text(encoding="utf-8")
    (folder / "claims" / "listing.yaml").write_text(
        text.replace("104 minutes", "104 min"), encoding="utf-8"
    )
    assert run("validate", str(folder)).returncode == 0
    sheet = json.loads(run("reconcile", str(folder), "--format", "json").stdout)
    assert sheet["conflicts"], sheet  # barely 90 minutes is not 104 minutes
    copied = run("example", "heat", str(tmp_path / "heat"))
    assert copied.returncode == 0
    assert filmlore.load(tmp_path / "heat") == filmlore.load(HEAT_DIR)
    assert run("example", "heat", str(tmp_path / "heat")).returncode == 2
