"""The Wikidata importer: entity JSON, Special:EntityData documents and dumps (plain, gzip,
bzip2) read into claims with their qualifiers, ranks and references, values at the
precision and in the unit Wikidata gives them."""

from __future__ import annotations

import bz2
import copy
import gzip
import hashlib
import json
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import filmlore
from filmlore import (
    ClaimTable,
    DataWarning,
    DateInterval,
    Duration,
    EntityRef,
    LoadError,
    LoadResult,
    Money,
    PartialDate,
    Rank,
    SourceKind,
    Text,
    validate,
)
from filmlore.importers import recognise
from filmlore.values.quantities import Hedge, Quantity

DATA = Path(__file__).parent / "data" / "import" / "wikidata"
HEAT = DATA / "heat.json"  # hand-written Special:EntityData document (see ORIGIN.md)
DUMP = DATA / "heat-dump.json"  # the same entity, three more and a cut-off line, as a dump
CITY_STREETS = DATA / "Q2262932.json"  # a real entity (City Streets, 1931), see ORIGIN.md
UNIT = "http://www.wikidata.org/entity/"


def lenient(path: Path) -> LoadResult:
    result = filmlore.load(path, format="wikidata", lenient=True)
    assert isinstance(result, LoadResult)
    return result


def values(dossier: filmlore.Dossier, subject: str, prop: str) -> list[str]:
    return [str(c.value) for c in dossier.claims_about(subject, prop)]


def entity(
    qid: str = "Q1046", claims: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    """A small entity: an instance of film (so it is read as one) with ``claims``."""
    base = {
        "type": "item",
        "id": qid,
        "labels": {"en": {"language": "en", "value": "Heat"}},
        "claims": {"P31": [statement(qid, "P31", item("Q11424"), "a")]},
    }
    for pid, sts in (claims or {}).items():
        base["claims"][pid] = sts  # type: ignore[index]
    base.update(extra)
    return base


def item(qid: str) -> dict[str, Any]:
    return {"value": {"entity-type": "item", "id": qid}, "type": "wikibase-entityid"}


def quantity(amount: str, unit: str | None = None, **bounds: str) -> dict[str, Any]:
    value = {"amount": amount, "unit": UNIT + unit if unit else "1", **bounds}
    return {"value": value, "type": "quantity"}


def time(text: str, precision: int = 11, calendar: str = "Q1985727") -> dict[str, Any]:
    value = {"time": text, "precision": precision, "calendarmodel": UNIT + calendar}
    return {"value": value, "type": "time"}


def statement(
    qid: str,
    pid: str,
    datavalue: dict[str, Any] | None,
    key: str,
    *,
    rank: str = "normal",
    snaktype: str = "value",
    qualifiers: dict[str, list[dict[str, Any]]] | None = None,
    references: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    snak: dict[str, Any] = {"snaktype": snaktype, "property": pid}
    if datavalue is not None:
        snak["datavalue"] = datavalue
    st_: dict[str, Any] = {"mainsnak": snak, "type": "statement", "id": f"{qid}${key}"}
    st_["rank"] = rank
    if qualifiers:
        st_["qualifiers"] = {
            p: [{"snaktype": "value", "property": p, "datavalue": dv} for dv in dvs]
            for p, dvs in qualifiers.items()
        }
    if references:
        st_["references"] = references
    return st_


def write(tmp_path: Path, *entities: dict[str, Any], name: str = "e.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"entities": {e["id"]: e for e in entities}}), encoding="utf-8")
    return path


# --- the hand-written Heat document ----------------------------------------------------------


def test_heat_is_read_with_its_imdb_id_and_every_statement_a_claim() -> None:
    """The film's id is its IMDb id; its other ids are on the entity; each statement whose
    value is known is a claim located by its statement id."""
    with pytest.warns(DataWarning):  # the unknown and the absent value are noted
        d = filmlore.load(HEAT, format="wikidata")
    (film,) = d.films
    assert str(film.id) == "film:tt0113277"
    assert film.title == Text("Heat", lang="en")
    assert film.year == 1995
    assert str(film.ids.tmdb) == "949"
    assert str(film.ids.wikidata) == "Q1046"
    assert film.description == "1995 film by Michael Mann"
    assert values(d, "film:tt0113277", "duration") == ["170 min", "about 171 min", "188 min"]
    assert values(d, "film:tt0113277", "cost") == ["$60 million"]
    assert values(d, "film:tt0113277", "box_office") == ["$187,436,818"]
    assert values(d, "film:tt0113277", "genre") == ["Q959790", "Q2484376"]
    runtime = d.claims_about("film:tt0113277", "duration")[0]
    assert runtime.excerpt is not None
    assert runtime.excerpt.locator is not None
    assert runtime.excerpt.locator.startswith("Q1046$")
    assert runtime.excerpt.text == '{"amount":"+170","unit":"http://www.wikidata.org/entity/Q7727"}'
    assert runtime.source == EntityRef("source", "wikidata")


def test_release_dates_keep_their_precision_their_country_and_their_rank() -> None:
    """A date of precision 11 is a day and one of precision 9 a year (never 1995-01-01);
    P291 place of publication is the ``country`` qualifier that scopes a release date."""
    d = lenient(HEAT).dossier
    dates = d.claims_about("film:tt0113277", "release_date")
    assert [(str(c.value), c.qualifier("country"), c.rank) for c in dates] == [
        ("1995-12-15", "Q30", Rank.PREFERRED),
        ("1996-02-22", "Q183", Rank.NORMAL),
        ("1995", None, Rank.NORMAL),
    ]
    assert dates[2].value == PartialDate(year=1995)


def test_ranks_qualifiers_and_point_in_time() -> None:
    """A deprecated statement is kept, deprecated, with its reason; P585 point in time is
    the claim's ``valid_at``; bounds of ±1 are an ``about`` hedge."""
    d = lenient(HEAT).dossier
    runtimes = d.claims_about("film:tt0113277", "duration")
    assert [c.rank for c in runtimes] == [Rank.NORMAL, Rank.NORMAL, Rank.DEPRECATED]
    assert runtimes[2].qualifier("reason_for_deprecation") == "Q25895909"
    assert runtimes[1].value == Duration(amount=171, unit="min", hedge=Hedge.ABOUT)
    (cost,) = d.claims_about("film:tt0113277", "cost")
    assert cost.value == Money(amount=60_000_000, currency="USD")
    assert cost.valid_at == PartialDate(year=1995)
    assert cost.qualifiers == ()
    (box,) = d.claims_about("film:tt0113277", "box_office")
    assert box.qualifier("P3005") == "Q13780930"  # no name for it: the property id


def test_cast_statements_make_qualified_claims_credits_and_characters() -> None:
    """P453 character role and P4633 its name are qualifiers; the name makes a character
    played by the actor, and P1545 series ordinal is the credit's billing."""
    d = lenient(HEAT).dossier
    cast = d.claims_about("film:tt0113277", "cast_member")
    assert [str(c.value) for c in cast] == ["person:Q41163", "person:Q36949", "person:Q170587"]
    assert cast[0].qualifier("character_role") == "Q111111001"
    assert cast[0].qualifier("character_name") == "Vincent Hanna"
    assert cast[2].qualifier("character_role") is None
    credits = {str(c.id): c for c in d.cast("film:tt0113277")}
    hanna = credits["credit:tt0113277-cast-Q41163-vincent-hanna"]
    assert hanna.billing == 1
    assert str(hanna.character) == "character:tt0113277-vincent-hanna"
    assert {c.name for c in d.characters} == {"Vincent Hanna", "Neil McCauley", "Chris Shiherlis"}
    assert {str(c.id) for c in d.crew("film:tt0113277")} == {
        "credit:tt0113277-director-Q319925",
        "credit:tt0113277-writer-Q319925",
    }


def test_references_are_sources_the_claims_come_through() -> None:
    """Each reference is a source (stated in: a database; imported from Wikipedia: an
    encyclopedia; a URL alone: by its site) and the claim comes ``via`` them, so that
    reconciliation credits a runtime stated in IMDb to that reference, not to Wikidata."""
    d = lenient(HEAT).dossier
    sources = {str(s.id): s for s in d.sources}
    runtime = d.claims_about("film:tt0113277", "duration")[0]
    (via,) = runtime.via
    imdb = sources[str(via)]
    assert imdb.kind is SourceKind.DATABASE
    assert imdb.title == "Q37312"
    assert imdb.retrieved == PartialDate(year=2024, month=10, day=30)
    assert imdb.description is not None
    assert "P345=tt0113277" in imdb.description
    bfi = sources[str(d.claims_about("film:tt0113277", "duration")[1].via[0])]
    assert (bfi.title, bfi.url) == (
        "Heat (1995)",
        "https://www2.bfi.org.uk/films-tv-people/4ce2b6c6bb8a5",
    )
    assert bfi.kind is SourceKind.DATABASE  # a page of a film database
    director = d.claims_about("film:tt0113277", "director")[0]
    assert [sources[str(v)].kind for v in director.via] == [
        SourceKind.ENCYCLOPEDIA,
        SourceKind.DATABASE,
    ]
    from filmlore.reconcile._table import speaker_of

    assert speaker_of(runtime) == str(imdb.id)


def test_labels_aliases_and_descriptions_are_claims_by_language() -> None:
    d = lenient(HEAT).dossier
    titles = {
        c.qualifier("language"): str(c.value) for c in d.claims_about("film:tt0113277", "title")
    }
    assert titles["it"] == "Heat - La sfida"
    assert titles["ja"] == "ヒート"
    assert titles[None] == "Heat"  # P1476, the title statement
    aka = d.claims_about("film:tt0113277", "alternative_title")
    assert [(str(c.value), c.qualifier("language")) for c in aka] == [
        ("La sfida", "it"),
        ("Heat. Calor", "es"),
    ]


def test_unknown_and_absent_values_are_noted_not_claimed() -> None:
    """``somevalue`` (a cast member nobody named) and ``novalue`` (based on nothing) have
    no value to claim: each is a note with its place."""
    result = lenient(HEAT)
    notes = [str(n) for n in result.notes]
    assert any("P161" in n and "somevalue" in n and "P161[3]" in n for n in notes)
    assert any("P144" in n and "novalue" in n for n in notes)
    assert not result.dossier.claims_about("film:tt0113277", "based_on")


def test_properties_the_registry_does_not_know_are_declared_not_dropped() -> None:
    d = lenient(HEAT).dossier
    declared = {p.name: p for p in d.properties}
    assert "p444" in declared
    assert values(d, "film:tt0113277", "imdb_id") == ["tt0113277"]  # registered: P345
    assert values(d, "film:tt0113277", "tmdb_id") == ["949"]
    assert str(declared["p444"].wikidata) == "P444"
    assert declared["p444"].kind == "text"
    (score,) = d.claims_about("film:tt0113277", "p444")
    assert score.value == Text("87%")
    assert score.qualifier("P447") == "Q105584"


def test_no_statement_is_lost() -> None:
    """Every statement is a claim, a rejected statement, or a noted unknown/absent value."""
    raw = json.loads(HEAT.read_text(encoding="utf-8"))["entities"]["Q1046"]
    statements = sum(len(v) for v in raw["claims"].values())
    terms = sum(len(raw[k]) for k in ("labels", "descriptions")) + sum(
        len(v) for v in raw["aliases"].values()
    )
    result = lenient(HEAT)
    d = result.dossier
    from_statements = [c for c in d.claims if "$." not in (c.excerpt.locator or "")]  # type: ignore[union-attr]
    assert len(from_statements) + len(result.rejected) + len(result.notes) == statements
    assert len(d.claims) - len(from_statements) == terms
    assert result.rows == 1


def test_the_imported_dossier_validates_without_errors() -> None:
    for path in (HEAT, DUMP, CITY_STREETS):
        issues = validate(lenient(path).dossier)
        assert [i for i in issues if i.severity.value == "error"] == [], path


# --- the real entity --------------------------------------------------------------------------


def test_a_real_entity_from_wikidata() -> None:
    """City Streets (1931) as Wikidata served it: IMDb id, a year-precision date, runtime
    82 minutes imported from a Wikipedia, and 44 statements, none rejected."""
    result = lenient(CITY_STREETS)
    assert result.rejected == []
    assert result.rows == 1
    d = result.dossier
    (film,) = d.films
    assert str(film.id) == "film:tt0021750"
    assert film.year == 1931
    assert values(d, "film:tt0021750", "duration") == ["82 min"]
    assert values(d, "film:tt0021750", "release_date") == ["1931"]
    assert values(d, "film:tt0021750", "director") == ["person:Q51472"]
    assert len(d.claims_about("film:tt0021750", "cast_member")) == 9
    raw = json.loads(CITY_STREETS.read_text(encoding="utf-8"))
    statements = sum(len(v) for v in raw["claims"].values())
    located = [c for c in d.claims if c.excerpt and "$." not in (c.excerpt.locator or "")]
    assert len(located) == statements == 44
    # statement ids as Wikidata wrote them, lower-case q included
    assert any((c.excerpt.locator or "").startswith("q2262932$") for c in located if c.excerpt)
    imported = [s for s in d.sources if s.title == "Q328"]
    assert imported
    assert imported[0].kind is SourceKind.ENCYCLOPEDIA


# --- dumps ------------------------------------------------------------------------------------


def test_a_dump_reads_an_entity_a_line_and_rejects_a_cut_off_line() -> None:
    """A person named before being read is referred to by the id the entity gets (its IMDb
    id); one named first keeps its Wikidata id; an item that is neither film nor person is
    noted; a line that is not JSON is rejected with its line."""
    result = lenient(DUMP)
    d = result.dossier
    assert result.rows == 5
    ((rejected,),) = [result.rejected]
    assert rejected.location.line == 6
    people = {str(p.id): p for p in d.people}
    assert set(people) == {"person:nm0000520", "person:Q41163"}
    assert people["person:nm0000520"].born == PartialDate(year=1943, month=2, day=5)
    assert people["person:nm0000520"].aliases == ("Michael Kenneth Mann",)
    assert values(d, "film:tt0113277", "director") == ["person:nm0000520"]
    assert "person:Q41163" in values(d, "film:tt0113277", "cast_member")
    assert values(d, "person:Q41163", "known_for") == ["film:tt0113277"]
    assert any("Q30" in str(n) and "neither a film nor a person" in str(n) for n in result.notes)


def test_a_dump_is_an_error_when_strict() -> None:
    with pytest.raises(LoadError) as err:
        filmlore.load(DUMP, format="wikidata")
    assert "heat-dump.json:6" in str(err.value)
    assert "not an entity's JSON" in str(err.value)


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_dumps_read_as_the_plain_one(tmp_path: Path, compress: Any) -> None:
    path = tmp_path / "latest-all.json.gz"
    path.write_bytes(compress(DUMP.read_bytes()))
    plain, packed = lenient(DUMP), lenient(path)
    assert [c.id for c in packed.dossier.claims] == [c.id for c in plain.dossier.claims]
    assert packed.rows == plain.rows == 5


def test_json_lines_and_a_single_entity(tmp_path: Path) -> None:
    """One entity a line without brackets, and a bare entity document, read alike."""
    raw = json.loads(HEAT.read_text(encoding="utf-8"))["entities"]["Q1046"]
    lines = tmp_path / "films.jsonl"
    other = entity("Q7", labels={"en": {"language": "en", "value": "Another"}})
    lines.write_text(json.dumps(raw) + "\n\n" + json.dumps(other) + "\n", encoding="utf-8")
    bare = tmp_path / "Q1046.json"
    bare.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    from_lines, single = lenient(lines), lenient(bare)
    assert from_lines.rows == 2
    assert single.rows == 1
    assert {str(f.id) for f in from_lines.dossier.films} == {"film:tt0113277", "film:Q7"}
    heat = [c.id for c in from_lines.dossier.claims if str(c.subject) == "film:tt0113277"]
    assert heat == [c.id for c in single.dossier.claims]


def test_a_pretty_printed_array_and_a_dump_whose_first_line_is_broken(tmp_path: Path) -> None:
    """An array written over many lines is one document; a dump whose first entity is cut
    off rejects that line and reads the others."""
    pretty = tmp_path / "films.json"
    pretty.write_text(json.dumps([entity("Q1"), entity("Q2")], indent=2), encoding="utf-8")
    assert lenient(pretty).rows == 2
    assert {str(f.id) for f in lenient(pretty).dossier.films} == {"film:Q1", "film:Q2"}
    broken = tmp_path / "dump.json"
    broken.write_text(
        "[\n" + '{"type":"item","id":"Q1",}' + ",\n" + json.dumps(entity("Q2")) + "\n]\n",
        encoding="utf-8",
    )
    result = lenient(broken)
    assert [r.location.line for r in result.rejected] == [2]
    assert [str(f.id) for f in result.dossier.films] == ["film:Q2"]


def test_a_stream_hands_out_each_entity_as_it_is_read(tmp_path: Path) -> None:
    records = list(filmlore.iter_load(DUMP, format="wikidata", lenient=True))
    kinds = [type(r).__name__ for r in records]
    mann = kinds.index("Person")
    film = kinds.index("Film")
    assert mann < film  # Michael Mann's line comes first, and is handed out first
    assert kinds.count("Rejected") == 1


def test_claims_as_columns_keep_the_ids_and_the_reference_as_their_source() -> None:
    table = ClaimTable.load(HEAT, format="wikidata", lenient=True)
    d = lenient(HEAT).dossier
    assert sorted(table.claim_ids_list()) == sorted(str(c.id) for c in d.claims)
    runtime = d.claims_about("film:tt0113277", "duration")[0]
    row = table.claim_ids_list().index(str(runtime.id))
    source = table.labels("source")[table.codes("source")[row]]
    assert str(source) == str(runtime.via[0])  # the reference, whose word it is


def test_a_dump_is_recognised_without_a_format(tmp_path: Path) -> None:
    assert recognise(HEAT) == "wikidata"
    assert recognise(CITY_STREETS) == "wikidata"
    packed = tmp_path / "dump.json.bz2"
    packed.write_bytes(bz2.compress(DUMP.read_bytes()))
    assert recognise(packed) == "wikidata"
    assert recognise(DATA / "ORIGIN.md") is None


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time("+1995-12-15T00:00:00Z", 11), PartialDate(year=1995, month=12, day=15)),
        (time("+1995-12-00T00:00:00Z", 10), PartialDate(year=1995, month=12)),
        (time("+1995-00-00T00:00:00Z", 9), PartialDate(year=1995)),
        (time("+1995-00-00T00:00:00Z", 8), DateInterval.parse("1990/1999")),
        (time("+1901-00-00T00:00:00Z", 7), DateInterval.parse("1901/2000")),
        (time("+2000-00-00T00:00:00Z", 7), DateInterval.parse("1901/2000")),
        # Julian calendar: the October Revolution's date, read in the Gregorian calendar
        (time("+1917-10-25T00:00:00Z", 11, "Q1985786"), PartialDate(year=1917, month=11, day=7)),
    ],
)
def test_times_at_their_precision(tmp_path: Path, value: dict[str, Any], expected: Any) -> None:
    path = write(tmp_path, entity(claims={"P577": [statement("Q1046", "P577", value, "d")]}))
    result = lenient(path)
    assert values(result.dossier, "film:Q1046", "release_date") == [str(expected)]
    if "Q1985786" in json.dumps(value):
        (claim,) = result.dossier.claims_about("film:Q1046", "release_date")
        assert claim.note is not None
        assert "Julian" in claim.note


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (quantity("+170", "Q7727"), Duration(amount=170, unit="min")),
        (quantity("+10200", "Q11574"), Duration(amount=10200, unit="s")),
        (quantity("+2.5", "Q25235"), Duration(amount=Decimal("2.5"), unit="h")),
        (
            quantity("+170", "Q7727", upperBound="+170", lowerBound="+150"),
            Duration(amount=170, unit="min", hedge=Hedge.NEARLY),
        ),
    ],
)
def test_durations_in_their_unit(tmp_path: Path, value: dict[str, Any], expected: Any) -> None:
    path = write(tmp_path, entity(claims={"P2047": [statement("Q1046", "P2047", value, "r")]}))
    (claim,) = lenient(path).dossier.claims_about("film:Q1046", "duration")
    assert claim.value == expected


@pytest.mark.parametrize(
    ("pid", "value", "expected"),
    [
        ("P2047", quantity("+170"), "P2047 (duration) takes a duration value"),
        ("P2130", quantity("+5", "Q131723"), "a currency filmlore knows"),
        ("P2130", quantity("-5", "Q4917"), "an amount of at least 0"),
        ("P2047", quantity("+170", "Q7727", upperBound="+400", lowerBound="+1"), "bounds"),
        ("P577", time("-0044-03-15T00:00:00Z"), "a year from 1 to 9999"),
        ("P577", time("+1995-00-00T00:00:00Z", 4), "a precision from 6"),
        ("P577", time("+1995-02-30T00:00:00Z"), "a date that exists"),
        ("P577", {"value": "soon", "type": "time"}, "a time such as"),
    ],
)
def test_values_filmlore_cannot_hold_reject_their_statement(
    tmp_path: Path, pid: str, value: dict[str, Any], expected: str
) -> None:
    """A value that cannot be held as written rejects its statement (with its path), not
    the entity: the film and its other statements are kept."""
    path = write(tmp_path, entity(claims={pid: [statement("Q1046", pid, value, "x")]}))
    result = lenient(path)
    ((rejected,),) = [result.rejected]
    assert expected in str(rejected)
    assert rejected.location.path == f"$.entities.Q1046.claims.{pid}[0].mainsnak"
    assert [str(f.id) for f in result.dossier.films] == ["film:Q1046"]
    assert values(result.dossier, "film:Q1046", "work_type") == ["Q11424"]


def test_broken_statements_and_entities_are_rejected(tmp_path: Path) -> None:
    bad_rank = statement("Q1046", "P2047", quantity("+170", "Q7727"), "b", rank="best")
    path = write(
        tmp_path,
        entity(claims={"P2047": [bad_rank, {"id": "Q1046$c"}], "P57": "Q25132"}),
        {"id": "Q2", "missing": ""},
        {"id": "film", "claims": {}},
    )
    result = lenient(path)
    messages = sorted(str(r.problems[0].message) for r in result.rejected)
    assert messages == [
        'a list of statements, got "Q25132"',
        "a statement with a mainsnak",
        "an entity that exists: Wikidata has no entity 'Q2'",
        "an entity with an item id such as 'Q1046', got 'film'",
        "rank: preferred, normal or deprecated, got 'best'",
    ]
    assert result.rows == 3


def test_a_file_that_is_not_json_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "entities": {\n    "Q1": \n}\n', encoding="utf-8")
    with pytest.raises(LoadError) as err:
        filmlore.load(path, format="wikidata")
    assert "broken.json:4" in str(err.value)


def test_an_item_referenced_before_it_is_read_keeps_that_id(tmp_path: Path) -> None:
    """In one document, every subject gets its id first, so a film naming a person read
    after it names the person by the person's IMDb id."""
    person = {
        "type": "item",
        "id": "Q25132",
        "labels": {"en": {"language": "en", "value": "Michael Mann"}},
        "claims": {
            "P31": [statement("Q25132", "P31", item("Q5"), "h")],
            "P345": [statement("Q25132", "P345", {"value": "nm0000520", "type": "string"}, "i")],
        },
    }
    film = entity(claims={"P57": [statement("Q1046", "P57", item("Q25132"), "d")]})
    d = lenient(write(tmp_path, film, person)).dossier
    assert values(d, "film:Q1046", "director") == ["person:nm0000520"]
    assert [str(p.id) for p in d.people] == ["person:nm0000520"]


def test_a_strict_load_warns_once_per_kind_of_note() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        filmlore.load(HEAT, format="wikidata")
    kinds = sorted(str(w.message).split(":")[0] for w in caught)
    assert kinds == ["no values", "unknown values"]


# --- a round trip -----------------------------------------------------------------------------

_CURRENCIES = {"Q4917": "USD", "Q4916": "EUR", "Q25224": "GBP", "Q8146": "JPY"}
_TIME_UNITS = {"Q7727": "min", "Q11574": "s", "Q25235": "h"}
_RANKS = ["preferred", "normal", "deprecated"]
_qids = st.integers(min_value=1, max_value=10**8).map(lambda n: f"Q{n}")
_urls = st.from_regex(r"https://[a-z]{3,10}\.example\.org/[a-z0-9]{1,12}", fullmatch=True)
_days = st.dates(min_value=__import__("datetime").date(1890, 1, 1))


@st.composite
def _references(draw: st.DrawFn) -> dict[str, Any]:
    snaks: dict[str, Any] = {
        "P248": [{"snaktype": "value", "property": "P248", "datavalue": item(draw(_qids))}]
    }
    url = draw(st.none() | _urls)
    if url is not None:
        snaks["P854"] = [
            {"snaktype": "value", "property": "P854", "datavalue": {"value": url, "type": "string"}}
        ]
    day = draw(_days)
    snaks["P813"] = [
        {
            "snaktype": "value",
            "property": "P813",
            "datavalue": time(f"+{day.isoformat()}T00:00:00Z"),
        }
    ]
    # Wikidata's hash digests the reference's snaks: one hash, one reference
    digest = hashlib.sha1(json.dumps(snaks, sort_keys=True).encode()).hexdigest()
    return {"hash": digest, "snaks": snaks, "snaks-order": list(snaks)}


@st.composite
def _statements(draw: st.DrawFn) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """A statement of a kind filmlore maps, and what the claim must hold."""
    kind = draw(st.sampled_from(["title", "date", "duration", "money", "cast"]))
    rank = draw(st.sampled_from(_RANKS))
    qualifiers: dict[str, list[dict[str, Any]]] = {}
    expect: dict[str, Any] = {"rank": Rank(rank), "qualifiers": []}
    if kind == "title":
        text = draw(
            st.text(
                st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1
            ).filter(str.strip)
        )
        lang = draw(st.sampled_from(["en", "de", "fr", "ja", "pt-br"]))
        pid, dv = "P1476", {"value": {"text": text, "language": lang}, "type": "monolingualtext"}
        expect.update(prop="title", value=Text(text, lang=lang))
    elif kind == "date":
        precision = draw(st.sampled_from([9, 10, 11]))
        day = draw(_days)
        month = f"{day.month:02d}" if precision >= 10 else "00"
        dd = f"{day.day:02d}" if precision == 11 else "00"
        pid, dv = "P577", time(f"+{day.year:04d}-{month}-{dd}T00:00:00Z", precision)
        value = PartialDate(
            year=day.year,
            month=day.month if precision >= 10 else None,
            day=day.day if precision == 11 else None,
        )
        expect.update(prop="release_date", value=value)
        if draw(st.booleans()):
            country = draw(_qids)
            qualifiers["P291"] = [item(country)]
            expect["qualifiers"].append(("country", country))
    elif kind == "duration":
        unit = draw(st.sampled_from(sorted(_TIME_UNITS)))
        amount = draw(st.integers(min_value=1, max_value=100_000))
        hedge = draw(st.sampled_from([Hedge.EXACT, Hedge.ABOUT, Hedge.NEARLY]))
        bounds = {}
        if hedge is not Hedge.EXACT or draw(st.booleans()):
            low, high = hedge.interval(Decimal(amount))
            bounds = {"lowerBound": f"+{low}", "upperBound": f"+{high}"}
        pid, dv = "P2047", quantity(f"+{amount}", unit, **bounds)
        expect.update(
            prop="duration", value=Duration(amount=amount, unit=_TIME_UNITS[unit], hedge=hedge)
        )
    elif kind == "money":
        unit = draw(st.sampled_from(sorted(_CURRENCIES)))
        amount = draw(st.integers(min_value=0, max_value=10**12))
        pid, dv = "P2130", quantity(f"+{amount}", unit)
        expect.update(prop="cost", value=Money(amount=amount, currency=_CURRENCIES[unit]))
    else:
        person = draw(_qids)
        pid, dv = "P161", item(person)
        expect.update(prop="cast_member", value=EntityRef("person", person))
        if draw(st.booleans()):
            role = draw(_qids)
            qualifiers["P453"] = [item(role)]
            expect["qualifiers"].append(("character_role", role))
    references = draw(st.lists(_references(), max_size=2, unique_by=lambda r: r["hash"][:16]))
    expect["references"] = references
    return pid, dv, {"qualifiers_raw": qualifiers, "rank_raw": rank, **expect}


@settings(max_examples=60)
@given(st.lists(_statements(), min_size=1, max_size=8))
def test_generated_entities_read_back_value_for_value(
    tmp_path_factory: Any, generated: list[Any]
) -> None:
    """Wikidata JSON generated from strategies (titles, dates of each precision, durations
    with bounds, money, cast with character roles, ranks, references) reads back as claims
    equal to what was generated: value, qualifiers, rank and references."""
    claims: dict[str, list[dict[str, Any]]] = {}
    expected: dict[str, dict[str, Any]] = {}
    for i, (pid, dv, expect) in enumerate(generated):
        key = f"S{i}"
        claims.setdefault(pid, []).append(
            statement(
                "Q1046",
                pid,
                dv,
                key,
                rank=expect["rank_raw"],
                qualifiers=expect["qualifiers_raw"],
                references=copy.deepcopy(expect["references"]),
            )
        )
        expected[f"Q1046${key}"] = expect
    path = write(tmp_path_factory.mktemp("wd"), entity(claims=claims))
    result = lenient(path)
    assert result.rejected == []
    d = result.dossier
    sources = {str(s.id): s for s in d.sources}
    found = {c.excerpt.locator: c for c in d.claims if c.excerpt is not None}
    for locator, expect in expected.items():
        claim = found[locator]
        assert claim.property == expect["prop"]
        assert claim.value == expect["value"]
        assert [(q.key, q.value) for q in claim.qualifiers] == expect["qualifiers"]
        assert claim.rank is expect["rank"]
        assert len(claim.via) == len(expect["references"])
        for ref, reference in zip(claim.via, expect["references"], strict=True):
            source = sources[str(ref)]
            snaks = reference["snaks"]
            assert source.title == snaks["P248"][0]["datavalue"]["value"]["id"]
            url = snaks.get("P854", [{}])[0].get("datavalue", {}).get("value")
            assert source.url == url
            retrieved = snaks["P813"][0]["datavalue"]["value"]["time"][1:11]
            assert str(source.retrieved) == retrieved


def test_quantity_without_a_unit_is_a_count_for_a_declared_property(tmp_path: Path) -> None:
    path = write(
        tmp_path, entity(claims={"P1113": [statement("Q1046", "P1113", quantity("+8"), "n")]})
    )
    d = lenient(path).dossier
    (claim,) = d.claims_about("film:Q1046", "p1113")
    assert claim.value == Quantity(amount=8)
    assert {p.name: p.kind for p in d.properties}["p1113"] == "quantity"


# --- dirt that is not a value -----------------------------------------------------------------

_JUNK: list[Any] = [
    None, 0, -1, 1.5, "", " ", "x", [], {}, [1], {"a": 1}, True, "Q5", "+170",
    {"@id": "#michael-mann"}, {"id": "Q1"}, {"time": "+1995"}, "PT", "1995-13-45",
]  # fmt: skip


def _places(doc: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    )
    for key, value in items:
        found.extend(_places(value, (*at, key)))
    return found


def _mutate(doc: Any, changes: list[tuple[int, int, bool]]) -> Any:
    """``doc`` with some of its values replaced by junk, or their keys dropped."""
    doc = json.loads(json.dumps(doc))
    places = [p for p in _places(doc) if p]
    for where, junk, drop in changes:
        place = places[where % len(places)]
        holder = doc
        try:
            for key in place[:-1]:
                holder = holder[key]
            if drop and isinstance(holder, dict):
                del holder[place[-1]]
            else:
                holder[place[-1]] = _JUNK[junk % len(_JUNK)]
        except (KeyError, IndexError, TypeError):
            continue
    return doc


_changes = st.lists(
    st.tuples(st.integers(0, 10**6), st.integers(0, 100), st.booleans()), min_size=1, max_size=4
)


@settings(max_examples=80)
@given(_changes)
def test_any_mangled_entity_loads_or_is_rejected_never_a_traceback(
    tmp_path_factory: Any, changes: list[tuple[int, int, bool]]
) -> None:
    """An entity whose parts are replaced by values of the wrong shape is read as far as
    it can be; what cannot be read is rejected or noted, and nothing raises."""
    doc = _mutate(json.loads(HEAT.read_text(encoding="utf-8")), changes)
    path = tmp_path_factory.mktemp("wd") / "mangled.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = lenient(path)
    assert all(r.problems for r in result.rejected)
