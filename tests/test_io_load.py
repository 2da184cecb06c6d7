"""Loading is strict: no silent coercion, every problem reported at once with its place."""

from __future__ import annotations

import gc
import io
import json
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import filmlore
from filmlore import (
    Claim,
    Dossier,
    Duration,
    EntityRef,
    LoadError,
    LoadResult,
    PartialDate,
    Rejected,
    RoleKind,
    Stance,
    Text,
)
from filmlore.io._converters import converters

HEAT = {"id": "film:heat-1995", "title": "Heat"}
CLAIM = {
    "id": "claim:a",
    "subject": "film:heat-1995",
    "property": "duration",
    "value": "nearly 3 hours",
    "source": "source:a",
}


def _problems(data: Any, fmt: str = "json") -> list[str]:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(LoadError) as caught:
        filmlore.loads(text, format=fmt)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def _one(data: Any, fmt: str = "json") -> str:
    problems = _problems(data, fmt)
    assert len(problems) == 1, problems
    return problems[0]


# --- no silent coercion ---------------------------------------------------------------------------


def test_a_number_is_not_a_title() -> None:
    """123 where a title goes is refused, saying what was expected and what came."""
    problem = _one({"films": [{**HEAT, "title": 123}]})
    assert problem.startswith("expected a string, or a mapping {text, lang}, got 123 (an integer)")
    assert "@ $.films[0].title" in problem


def test_a_string_is_not_a_year() -> None:
    """'1999' where an int goes is refused, not converted."""
    problem = _one({"films": [{**HEAT, "year": "1999"}]})
    assert problem.startswith("expected an integer, got '1999' (a string) @ $.films[0].year")


def test_a_fraction_is_not_a_billing_order() -> None:
    """95.5 (and 95.0) where an int goes is refused, not truncated."""
    credit = {"id": "credit:c", "film": "film:heat-1995", "person": "person:p", "role": "cast"}
    for billing in (95.5, 95.0):
        problem = _one({"credits": [{**credit, "billing": billing}]})
        assert problem.startswith(f"expected an integer, got {billing} (a number)")
        assert problem.endswith("@ $.credits[0].billing (line 1)")


def test_a_bool_is_not_an_int() -> None:
    """true is not the billing order 1, though bool is an int subclass in Python."""
    credit = {"id": "credit:c", "film": "film:heat-1995", "person": "person:p", "role": "cast"}
    problem = _one({"credits": [{**credit, "billing": True}]})
    assert problem.startswith("expected an integer, got True (a boolean)")


def test_a_string_is_not_a_list_of_genres() -> None:
    """'drama' is not split into letters: a list is required."""
    problem = _one({"films": [{**HEAT, "genres": "drama"}]})
    assert problem.startswith("expected a list of strings, got 'drama' (a string)")
    assert "$.films[0].genres" in problem


def test_an_integer_is_not_a_date() -> None:
    """1995 (a number) is not the date '1995'."""
    problem = _one({"people": [{"id": "person:p", "name": "P", "born": 1995}]})
    assert "got 1995 (an integer)" in problem
    assert "$.people[0].born" in problem


def test_unknown_keys_are_refused_by_name_and_path() -> None:
    """Every unknown key is reported, with its name, at its own path."""
    problems = _problems({"films": [{**HEAT, "tittle": "x", "ids": {"imbd": "tt0113277"}}]})
    assert any("unknown key 'tittle'" in p and "@ $.films[0].tittle" in p for p in problems)
    assert any("unknown key 'imbd'" in p and "@ $.films[0].ids.imbd" in p for p in problems)
    assert len(problems) == 2


def test_unknown_top_level_keys_are_refused() -> None:
    """A misspelt list of the dossier is reported, not ignored."""
    problem = _one({"flims": [HEAT]})
    assert problem.startswith("unknown key 'flims': a dossier takes title, description")
    assert "@ $.flims" in problem


def test_missing_required_keys_are_named() -> None:
    """A record without a required field says which field."""
    problem = _one({"films": [{"id": "film:heat-1995"}]})
    assert problem == "missing required key 'title' @ $.films[0].title (line 1)"


@pytest.mark.parametrize(
    ("field", "model", "value", "member"),
    [
        ("role", "credits", "cast", RoleKind.CAST),
        ("stance", "claims", "denies", Stance.DENIES),
    ],
)
def test_str_enums_are_read_as_members(field: str, model: str, value: str, member: Any) -> None:
    """str-based enumerations are read as their members, not as plain strings."""
    records = {
        "credits": {"id": "credit:c", "film": "film:f", "person": "person:p", "role": "cast"},
        "claims": dict(CLAIM),
    }
    record = {**records[model], field: value}
    dossier = filmlore.loads(json.dumps({model: [record]}), format="json")
    got = getattr(getattr(dossier, model)[0], field)
    assert got is member
    assert type(got) is type(member)


def test_enum_values_are_checked() -> None:
    """A word that is not a member is refused, listing the members."""
    credit = {"id": "credit:c", "film": "film:f", "person": "person:p", "role": "actor"}
    problem = _one({"credits": [credit]})
    assert problem.startswith("expected one of 'cast', 'director'")
    assert "got 'actor' (a string) @ $.credits[0].role" in problem


def test_source_kinds_and_ranks_are_members() -> None:
    """SourceKind, Rank and Cardinality are read as members too."""
    data = {
        "properties": [{"name": "mood", "kind": "text", "cardinality": "many"}],
        "sources": [{"id": "source:a", "kind": "blog"}],
        "claims": [{**CLAIM, "rank": "deprecated"}],
    }
    dossier = filmlore.loads(json.dumps(data), format="json")
    assert dossier.sources[0].kind is filmlore.SourceKind.BLOG
    assert dossier.claims[0].rank is filmlore.Rank.DEPRECATED
    assert dossier.properties[0].cardinality is filmlore.Cardinality.MANY


def test_model_rules_become_problems_at_the_field() -> None:
    """A model's own rule is reported at its field, in words."""
    problems = _problems(
        {
            "films": [{"id": "person:heat", "title": "Heat"}],
            "people": [{"id": "person:p", "name": " "}],
        }
    )
    assert problems == [
        "expected a reference to a film, got 'person:heat' @ $.films[0].id (line 1)",
        "expected a non-empty str, got ' ' (a string) @ $.people[0].name (line 1)",
    ]


def test_post_init_rules_become_problems() -> None:
    """A rule across fields (a character on a director's credit) is reported too."""
    credit = {
        "id": "credit:c",
        "film": "film:f",
        "person": "person:p",
        "role": "director",
        "character": "character:x",
    }
    problem = _one({"credits": [credit]})
    assert problem.startswith("expected no character for a non-cast credit")
    assert "@ $.credits[0].character" in problem


def test_every_problem_is_reported_at_once() -> None:
    """Problems in several records and several fields all come in one LoadError."""
    problems = _problems(
        {
            "films": [{**HEAT, "year": "1995", "runtime": 170}, {"id": "film:x", "title": []}],
            "claims": [{**CLAIM, "value": "forever"}],
        }
    )
    assert [p.split(" @ ")[1].split(" ")[0] for p in problems] == [
        "$.films[0].year",
        "$.films[0].runtime",
        "$.films[1].title",
        "$.claims[0].value",
    ]


def test_load_error_message_lists_every_problem() -> None:
    """str(LoadError) names the count and each problem on its own line."""
    with pytest.raises(LoadError) as caught:
        filmlore.loads('{"films": [{"id": "film:x"}]}', format="json")
    assert str(caught.value) == (
        "1 problem(s):\n  - missing required key 'title' @ $.films[0].title (line 1)"
    )


# --- claim values by their property's kind ----------------------------------------------------


def test_claim_values_are_read_by_their_property_kind() -> None:
    """Claim values are typed by their property's value kind."""
    claims = [
        {**CLAIM, "id": "claim:d"},
        {**CLAIM, "id": "claim:r", "property": "release_date", "value": "1995-12-15"},
        {**CLAIM, "id": "claim:p", "property": "director", "value": "person:michael-mann"},
        {**CLAIM, "id": "claim:t", "property": "title", "value": {"text": "Heat", "lang": "en"}},
    ]
    values = [c.value for c in filmlore.loads(json.dumps({"claims": claims}), format="json").claims]
    assert values == [
        Duration.parse("nearly 3 hours"),
        PartialDate(year=1995, month=12, day=15),
        EntityRef("person", "michael-mann"),
        Text("Heat", lang="en"),
    ]


def test_claim_values_are_strict_too() -> None:
    """1995 is not a date and '95' is not an integer, for claim values as for fields."""
    prop = {"name": "rehearsals", "kind": "integer"}
    claims = [
        {**CLAIM, "property": "release_date", "value": 1995},
        {**CLAIM, "id": "claim:b", "property": "rehearsals", "value": "95"},
    ]
    problems = _problems({"properties": [prop], "claims": claims})
    assert problems[0].startswith("expected a date written as a string, e.g. '1995' or ")
    assert "got 1995 (an integer) @ $.claims[0].value" in problems[0]
    assert problems[1].startswith("expected an integer (the integer kind), got '95' (a string)")


def test_unknown_property_is_a_problem_at_the_property() -> None:
    """A claim of an unknown property cannot be read: it says how to make it known."""
    problem = _one({"claims": [{**CLAIM, "property": "runtim"}]})
    assert problem.startswith("unknown property 'runtim' (did you mean runtime?)")
    assert "pass kinds={'runtim': <kind>}" in problem
    assert "@ $.claims[0].property" in problem


def test_kinds_mapping_makes_a_property_readable() -> None:
    """kinds={property: kind} gives the kind of a property nobody registered."""
    text = json.dumps({"claims": [{**CLAIM, "property": "runtime_text"}]})
    dossier = filmlore.loads(text, format="json", kinds={"runtime_text": "duration"})
    assert dossier.claims[0].value == Duration.parse("nearly 3 hours")


def test_properties_declared_in_the_input_are_used() -> None:
    """A property declared in the dossier's properties gives its claims their kind."""
    data = {
        "properties": [{"name": "shot_days", "kind": "quantity"}],
        "claims": [{**CLAIM, "property": "shot_days", "value": "about 100 days"}],
    }
    dossier = filmlore.loads(json.dumps(data), format="json")
    assert str(dossier.claims[0].value) == "about 100 days"


def test_tagged_values_carry_their_own_kind() -> None:
    """{kind, value} gives a value whose type is not its property's kind."""
    claim = {**CLAIM, "value": {"kind": "integer", "value": 170}}
    dossier = filmlore.loads(json.dumps({"claims": [claim]}), format="json")
    assert dossier.claims[0].value == 170
    assert filmlore.dumps(dossier, format="json").count('"kind": "integer"') == 1


def test_tagged_values_are_checked() -> None:
    """An unknown kind or a bad value inside {kind, value} is reported at its place."""
    problems = _problems(
        {
            "claims": [
                {**CLAIM, "value": {"kind": "colour", "value": "red"}},
                {**CLAIM, "id": "claim:b", "value": {"kind": "integer", "value": "170"}},
            ]
        }
    )
    assert problems[0].startswith("unknown value kind 'colour'")
    assert "@ $.claims[0].value.kind" in problems[0]
    assert "got '170' (a string) @ $.claims[1].value.value" in problems[1]


# --- YAML -----------------------------------------------------------------------------------------

YAML_DOSSIER = """\
title: Heat
films:
  - id: film:heat-1995
    title: Heat
    runtime: 2:50
    countries: [NO, US]
    releases:
      - date: 1995-12-15
people:
  - id: person:al-pacino
    name: Al Pacino
    born: "1940-04-25"
claims:
  - id: claim:a
    subject: film:heat-1995
    property: duration
    value: nearly 3 hours
    source: source:a
  - id: claim:b
    subject: film:heat-1995
    property: duration
    value: 2 fortnights
    source: source:a
"""


def test_yaml_plain_scalars_follow_yaml_1_2() -> None:
    """2:50, NO and an unquoted 1995-12-15 stay strings in YAML."""
    good = YAML_DOSSIER.split("  - id: claim:b")[0]
    film = filmlore.loads(good, format="yaml").films[0]
    assert film.runtime == Duration.parse("2:50")
    assert film.countries == ("NO", "US")
    assert str(film.releases[0].date) == "1995-12-15"


def test_yaml_octal_looking_numbers_are_strings() -> None:
    """010 is neither eight nor ten: it stays a string, and is refused where an int goes."""
    text = (
        "credits:\n"
        "  - {id: 'credit:c', film: 'film:f', person: 'person:p', role: cast, billing: 010}\n"
    )
    assert _one(text, "yaml").startswith("expected an integer, got '010' (a string)")


def test_yaml_errors_have_file_lines() -> None:
    """A problem in YAML names the line of its key."""
    problem = _one(YAML_DOSSIER, "yaml")
    assert problem.endswith("@ $.claims[1].value (line 22)")
    assert YAML_DOSSIER.splitlines()[21].strip() == "value: 2 fortnights"


def test_yaml_syntax_errors_have_lines() -> None:
    """Text that is not YAML is one problem with the line where parsing stopped."""
    problem = _one("films:\n  - id: film:x\n    title: [Heat\n", "yaml")
    assert problem.startswith("not valid YAML:")
    assert problem.endswith("(line 4)")


def test_yaml_is_loaded_safely() -> None:
    """Python tags are refused, never executed."""
    problem = _one("title: !!python/object/apply:os.getcwd []\n", "yaml")
    assert problem.startswith("not valid YAML:")


# --- JSON -----------------------------------------------------------------------------------------

JSON_DOSSIER = """{
  "films": [
    {"id": "film:heat-1995", "title": "Heat"}
  ],
  "claims": [
    {
      "id": "claim:a",
      "subject": "film:heat-1995",
      "property": "duration",
      "value": "nearly 3 hours",
      "source": "source:a"
    },
    {
      "id": "claim:b",
      "subject": "film:heat-1995",
      "property": "duration",
      "value": "2 fortnights",
      "source": "source:a",
      "qualifiers": {"cut": 1}
    }
  ]
}
"""


def test_json_errors_have_lines() -> None:
    """A problem in JSON names the line of its key, found by rescanning only on error."""
    problems = _problems(JSON_DOSSIER)
    lines = JSON_DOSSIER.splitlines()
    assert problems[0].endswith("@ $.claims[1].value (line 17)")
    assert '"value": "2 fortnights"' in lines[16]
    assert (
        problems[1]
        == "expected a string, got 1 (an integer) @ $.claims[1].qualifiers.cut (line 19)"
    )


def test_json_missing_key_gets_the_line_of_its_record() -> None:
    """A missing key has no line of its own: its record's is given."""
    text = '{\n "films": [\n  {"id": "film:x"}\n ]\n}'
    assert _one(text) == "missing required key 'title' @ $.films[0].title (line 3)"


def test_json_syntax_errors_have_lines() -> None:
    """Text that is not JSON is one problem with its line and column."""
    problem = _one('{\n  "films": [\n    {"id": "film:x",}\n  ]\n}')
    assert problem.startswith("not valid JSON:")
    assert problem.endswith("@ $ (line 3)")


def test_file_names_are_in_locations(tmp_path: Path) -> None:
    """Loading a file names it in every problem's location."""
    path = tmp_path / "heat.json"
    path.write_text(JSON_DOSSIER)
    with pytest.raises(LoadError) as caught:
        filmlore.load(path)
    assert str(caught.value.problems[0].location) == f"$.claims[1].value ({path}:17)"
    assert caught.value.problems[0].location.file == str(path)
    assert caught.value.problems[0].location.line == 17
    assert caught.value.problems[0].record["id"] == "claim:b"


# --- JSON Lines ----------------------------------------------------------------------------------


def _jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_untagged_lines_are_claims() -> None:
    """A line that is not tagged is a claim by default."""
    dossier = filmlore.loads(_jsonl(CLAIM, {**CLAIM, "id": "claim:b"}), format="jsonl")
    assert [str(c.id) for c in dossier.claims] == ["claim:a", "claim:b"]


def test_jsonl_model_says_what_untagged_lines_are() -> None:
    """model=Film reads untagged lines as films."""
    dossier = filmlore.loads(_jsonl(HEAT), format="jsonl", model=filmlore.Film)
    assert dossier.films[0].title == Text("Heat")


def test_jsonl_tagged_lines_and_film_bundles() -> None:
    """Tagged lines hold one record ({"person": ...}) or a film with what belongs to it."""
    text = _jsonl(
        {"dossier": {"title": "Heat"}},
        {"person": {"id": "person:al-pacino", "name": "Al Pacino"}},
        {
            "film": HEAT,
            "credits": [
                {
                    "id": "credit:c",
                    "film": "film:heat-1995",
                    "person": "person:al-pacino",
                    "role": "cast",
                    "billing": 1,
                }
            ],
            "claims": [CLAIM],
        },
    )
    dossier = filmlore.loads(text, format="jsonl")
    assert dossier.title == "Heat"
    assert len(dossier.people) == len(dossier.films) == len(dossier.credits) == 1
    assert dossier.claims[0].value == Duration.parse("nearly 3 hours")


def test_jsonl_errors_have_the_record_line_and_inner_path() -> None:
    """A problem in JSON Lines names the record's line and the path inside the record."""
    text = _jsonl(
        {
            "film": HEAT,
            "credits": [
                {
                    "id": "credit:c",
                    "film": "film:heat-1995",
                    "person": "person:p",
                    "role": "cast",
                    "billing": "1",
                }
            ],
        },
        CLAIM,
        "",
        {**CLAIM, "value": "forever"},
    )
    problems = _problems(text, "jsonl")
    assert problems == [
        "expected an integer, got '1' (a string) @ $.credits[0].billing (line 1)",
        "cannot read 'forever' as a duration: expected a duration such as '170 min', "
        "'nearly 3 hours', '2:50' or 'PT2H50M' @ $.value (line 4)",
    ]


def test_jsonl_bad_lines_are_problems_with_their_line() -> None:
    """A line that is not JSON is reported with its line, and reading goes on."""
    problems = _problems(_jsonl(CLAIM, '{"id": "claim:b",', [1, 2], {**CLAIM, "value": 5}), "jsonl")
    assert problems[0].startswith("not valid JSON:")
    assert problems[0].endswith("@ $ (line 2)")
    assert problems[1].startswith("expected a JSON object tagged with what it holds")
    assert problems[1].endswith("got [1, 2] (a list) @ $ (line 3)")
    assert problems[2].endswith("@ $.value (line 4)")


def test_iter_load_streams(tmp_path: Path) -> None:
    """iter_load yields each record before reading the next line (constant memory)."""
    lines_read = 0

    class Lines:
        name = "claims.jsonl"

        def __iter__(self) -> Iterator[bytes]:
            nonlocal lines_read
            for i in range(1000):
                lines_read += 1
                yield json.dumps({**CLAIM, "id": f"claim:c{i}"}).encode() + b"\n"

    records = filmlore.iter_load(Lines())  # type: ignore[arg-type]
    first = next(records)
    assert isinstance(first, Claim)
    assert lines_read == 1
    assert sum(1 for _ in records) == 999


def test_iter_load_strict_reads_on_and_raises_every_problem() -> None:
    """Strict iter_load stops yielding at a bad record but reports the whole input."""
    text = _jsonl(CLAIM, {**CLAIM, "value": 1}, {**CLAIM, "id": "claim:c"}, {**CLAIM, "value": 2})
    got: list[Any] = []
    records = filmlore.iter_load(io.BytesIO(text.encode()), format="jsonl")
    with pytest.raises(LoadError) as caught:
        got.extend(records)
    assert [str(r.id) for r in got] == ["claim:a"]
    assert [p.location.line for p in caught.value.problems] == [2, 4]


def test_iter_load_lenient_yields_rejected_in_place() -> None:
    """In lenient mode a bad record is yielded as a Rejected where it stood."""
    text = _jsonl(CLAIM, {**CLAIM, "value": 1}, {**CLAIM, "id": "claim:c"})
    got = list(filmlore.iter_load(io.StringIO(text), format="jsonl", lenient=True))
    assert [type(r).__name__ for r in got] == ["Claim", "Rejected", "Claim"]
    rejected = got[1]
    assert isinstance(rejected, Rejected)
    assert rejected.location.line == 2
    assert rejected.record["value"] == 1


# --- TOML -----------------------------------------------------------------------------------------

TOML_DOSSIER = """\
title = "Heat"

[[films]]
id = "film:heat-1995"
title = "Heat"

[[claims]]
id = "claim:a"
subject = "film:heat-1995"
property = "duration"
value = "nearly 3 hours"
source = "source:a"

[[claims]]
id = "claim:b"
subject = "film:heat-1995"
property = "release_date"
value = 1995-12-15
source = "source:a"
"""


def test_toml_errors_have_lines() -> None:
    """A TOML problem names its key's line; an unquoted TOML date is refused."""
    problem = _one(TOML_DOSSIER, "toml")
    assert problem.startswith("expected a date written as a string")
    assert "got 1995-12-15 (an unquoted date; write it as a quoted string)" in problem
    assert problem.endswith("@ $.claims[1].value (line 18)")


def test_toml_syntax_errors_have_lines() -> None:
    """Text that is not TOML is one problem with its line."""
    problem = _one('title = "Heat"\n[[films]\nid = 1\n', "toml")
    assert problem.startswith("not valid TOML:")
    assert problem.endswith("(line 2)")


def test_toml_writer_escapes_strings() -> None:
    """Quotes, backslashes and control characters survive the TOML writer."""
    source = filmlore.Source(
        id=EntityRef("source", "a"), kind=filmlore.SourceKind.BLOG, text='a "b" \\ c\n\x00\x7f\té'
    )
    dossier = Dossier(sources=[source])
    assert filmlore.loads(filmlore.dumps(dossier, format="toml"), format="toml") == dossier


# --- lenient mode ---------------------------------------------------------------------------------


def test_lenient_keeps_the_good_and_lists_the_bad() -> None:
    """lenient=True returns every good record and each bad one with its reasons and place."""
    result = filmlore.loads(JSON_DOSSIER, format="json", lenient=True)
    assert isinstance(result, LoadResult)
    assert [str(c.id) for c in result.dossier.claims] == ["claim:a"]
    assert len(result.dossier.films) == 1
    assert not result.ok
    (rejected,) = result.rejected
    assert rejected.record["id"] == "claim:b"
    assert str(rejected.location) == "$.claims[1] (line 13)"
    assert [str(p.location) for p in rejected.problems] == [
        "$.claims[1].value (line 17)",
        "$.claims[1].qualifiers.cut (line 19)",
    ]
    assert result.problems == rejected.problems


def test_lenient_on_good_input_rejects_nothing() -> None:
    """A clean input gives an empty rejected list."""
    result = filmlore.loads(json.dumps({"films": [HEAT]}), format="json", lenient=True)
    assert result.ok
    assert result.rejected == []


def test_lenient_sets_bad_lines_aside() -> None:
    """A JSON Lines line that is not JSON is rejected with its text as the record."""
    result = filmlore.loads(_jsonl(CLAIM, "{nope"), format="jsonl", lenient=True)
    assert len(result.dossier.claims) == 1
    assert result.rejected[0].record == "{nope"


def test_lenient_sets_bad_top_level_keys_aside() -> None:
    """A misspelt list is rejected with its data: nothing is dropped silently."""
    result = filmlore.loads(
        json.dumps({"films": [HEAT], "claimz": [CLAIM]}), format="json", lenient=True
    )
    assert len(result.dossier.films) == 1
    assert result.rejected[0].record == [CLAIM]


# --- formats and files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [
        (".json", "json"),
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".yaml", "yaml"),
        (".yml", "yaml"),
        (".toml", "toml"),
        (".csv", "csv"),
    ],
)
def test_format_comes_from_the_suffix(tmp_path: Path, suffix: str, fmt: str) -> None:
    """dump and load infer the format from the file's suffix."""
    dossier = Dossier(claims=filmlore.loads(json.dumps({"claims": [CLAIM]}), format="json").claims)
    path = tmp_path / f"heat{suffix}"
    filmlore.dump(dossier, path)
    assert path.read_text(encoding="utf-8") == filmlore.dumps(dossier, format=fmt)  # type: ignore[arg-type]
    assert filmlore.load(path) == dossier


def test_unknown_suffix_asks_for_a_format(tmp_path: Path) -> None:
    """A suffix filmlore does not know is an error that says to pass format=."""
    path = tmp_path / "heat.txt"
    path.write_text("{}")
    with pytest.raises(ValueError, match="pass format="):
        filmlore.load(path)
    assert filmlore.load(path, format="json") == Dossier()


def test_open_files_load_and_dump() -> None:
    """Open text and binary files are read and written too."""
    dossier = Dossier(films=filmlore.loads(json.dumps({"films": [HEAT]}), format="json").films)
    out = io.StringIO()
    filmlore.dump(dossier, out, format="yaml")
    assert filmlore.load(io.StringIO(out.getvalue()), format="yaml") == dossier
    raw = io.BytesIO()
    filmlore.dump(dossier, raw, format="json")
    assert filmlore.load(io.BytesIO(raw.getvalue()), format="json") == dossier


def test_dump_takes_an_iterable_of_entities() -> None:
    """dumps accepts entities and sorts them into a dossier's lists."""
    film = filmlore.Film(id=EntityRef("film", "heat-1995"), title=Text("Heat"))
    dossier = filmlore.loads(filmlore.dumps([film], format="json"), format="json")
    assert dossier == Dossier(films=[film])
    with pytest.raises(TypeError, match="not an entity"):
        filmlore.dumps([1], format="json")  # type: ignore[list-item]


def test_csv_refuses_a_dossier_with_more_than_claims() -> None:
    """CSV holds claims only: dumping films there is an error, not a silent loss."""
    film = filmlore.Film(id=EntityRef("film", "heat-1995"), title=Text("Heat"))
    with pytest.raises(
        ValueError, match="CSV holds only claims, and this dossier also has 1 films"
    ):
        filmlore.dumps([film], format="csv")


@pytest.mark.parametrize("enabled", [True, False])
def test_load_restores_the_garbage_collector(enabled: bool) -> None:
    """load pauses the collector while building models and restores its state after."""
    was = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        filmlore.loads(_jsonl(CLAIM), format="jsonl")
        assert gc.isenabled() is enabled
        with pytest.raises(LoadError):
            filmlore.loads(_jsonl({**CLAIM, "value": 1}), format="jsonl")
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
        else:  # pragma: no cover - pytest runs with the collector on
            gc.disable()


def test_the_heat_example_folder_loads_and_validates() -> None:
    """The Heat dossier folder in examples/ loads, and has no error-level issues."""
    dossier = filmlore.load(filmlore.example_path("heat"))
    assert dossier.title == "Heat (1995)"
    texts = {s.id.key for s in dossier.sources if s.text}
    assert texts == {p.stem for p in (filmlore.example_path("heat") / "sources").glob("*.txt")}
    filmlore.raise_for_issues(filmlore.validate(dossier))


def test_paths_quote_keys_that_are_not_names() -> None:
    """A key with spaces or dots is written ["like this"] in a path."""
    claim = {**CLAIM, "qualifiers": {"in scene": 5}}
    problem = _one({"claims": [claim]})
    assert problem.endswith('@ $.claims[0].qualifiers["in scene"] (line 1)')


def test_problems_never_show_raw_tracebacks() -> None:
    """Messages are plain words: no exception class names or cattrs notes leak into them."""
    problems = _problems(
        {
            "films": [{"id": 5, "title": {"txt": "Heat"}, "releases": [{"date": None}]}],
            "credits": ["credit:c"],
            "claims": [{**CLAIM, "excerpt": {"text": "x", "start": 3}}],
        }
    )
    assert len(problems) == 5
    for problem in problems:
        assert "Error" not in problem
        assert "Structuring" not in problem
        assert "Traceback" not in problem


def test_generated_functions_show_their_lines_in_tracebacks() -> None:
    """The structuring and unstructuring functions written for each model keep their source
    in linecache: a traceback through one shows the line that failed."""
    fast, _, out = converters()
    with pytest.raises(KeyError) as missing:
        fast.records[filmlore.Film]({})
    text = "".join(traceback.format_exception(missing.value))
    assert 'File "<filmlore structure Film>", line 4, in structure_Film' in text
    assert "a0 = o['id']" in text
    with pytest.raises(AttributeError) as wrong:
        out.records[filmlore.Film](object())
    text = "".join(traceback.format_exception(wrong.value))
    assert 'File "<filmlore unstructure Film>", line 3, in unstructure_Film' in text
    assert "v = o.id" in text
