"""Text, titles, names, places and categories: normalisation, taxonomies and the context."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter

import pytest

from filmlore import (
    Character,
    CompareContext,
    Credit,
    Dossier,
    EntityRef,
    ExternalIds,
    Film,
    HierarchyError,
    ImdbId,
    Person,
    RoleKind,
    Taxonomy,
    Text,
    Verdict,
    compare,
    normalize_text,
)
from tests.conftest import shared_file

SAME, COMPATIBLE, CONFLICT, UNRELATED = (
    Verdict.SAME,
    Verdict.COMPATIBLE,
    Verdict.CONFLICT,
    Verdict.UNRELATED,
)
HEAT = EntityRef("film", "heat-1995")


def heat_dossier() -> Dossier:
    """A small dossier of Heat's people and characters, as the seed articles name them."""
    r = EntityRef
    people = [
        Person(id=r("person", "robert-de-niro"), name="Robert De Niro",
               ids=ExternalIds(imdb=ImdbId("nm0000134"))),
        Person(id=r("person", "al-pacino"), name="Al Pacino",
               ids=ExternalIds(imdb=ImdbId("nm0000199"))),
        Person(id=r("person", "val-kilmer"), name="Val Kilmer"),
        Person(id=r("person", "danny-trejo"), name="Danny Trejo"),
        Person(id=r("person", "michael-mann"), name="Michael Mann"),
        Person(id=r("person", "pacino-imdb"), name="Alfredo James Pacino",
               ids=ExternalIds(imdb=ImdbId("nm0000199"))),
        Person(id=r("person", "al-pacino-tmdb"), name="Al Pacino",
               ids=ExternalIds(imdb=ImdbId("nm0000199"))),
    ]  # fmt: skip
    characters = [
        Character(id=r("character", "neil-mccauley"), film=HEAT, name="Neil McCauley",
                  played_by=(r("person", "robert-de-niro"),)),
        Character(id=r("character", "vincent-hanna"), film=HEAT, name="Vincent Hanna",
                  aliases=("Lt. Vincent Hanna",), played_by=(r("person", "al-pacino"),)),
        Character(id=r("character", "chris-shiherlis"), film=HEAT, name="Chris Shiherlis",
                  played_by=(r("person", "val-kilmer"),)),
        Character(id=r("character", "justine-hanna"), film=HEAT, name="Justine Hanna"),
    ]  # fmt: skip
    credits = [
        Credit(id=r("credit", "mann"), film=HEAT, person=r("person", "michael-mann"),
               role=RoleKind.DIRECTOR, credited_as="Michael K. Mann"),
    ]  # fmt: skip
    film = Film(id=HEAT, title=Text("Heat"), ids=ExternalIds(imdb=ImdbId("tt0113277")))
    return Dossier(films=[film], people=people, characters=characters, credits=credits)


# --- normalisation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Don’t", "Don't"),
        ("“Heat”", '"heat"'),
        ("Heat\u00a0", "heat"),
        ("L.A. – Takedown", "l.a. - takedown"),
        ("Café", "cafe"),
        ("Ashley  Judd\t", "ashley judd"),
        ("armoured", "armored"),
        ("humanising", "humanizing"),
        ("realised", "realized"),
        ("centre", "center"),
        ("centrepiece", "centerpiece"),
        ("colour", "color"),
        ("theatres", "theaters"),
        ("categorisation", "categorization"),
        ("unravelling", "unraveling"),
        ("recognise", "recognize"),
        ("grey", "gray"),
        ("Æon", "aeon"),
        ("…", "..."),
    ],
)
def test_normalize_text_folds_variants(a: str, b: str) -> None:
    """Typography, Unicode, case, accents, spacing and British spellings fold together."""
    assert normalize_text(a) == normalize_text(b)


def test_normalize_text_keeps_words_apart() -> None:
    """Normalising does not merge different words."""
    assert normalize_text("Heat") != normalize_text("The Heat")
    assert normalize_text("hour") == "hour"  # not an -our word
    assert normalize_text("four") == "four"
    with pytest.raises(TypeError):
        normalize_text(None)


def test_text_kind() -> None:
    """Free text: normalised equality, containment refines, different text conflicts."""
    assert compare(Text("an armoured car heist"), Text("An Armored-Car Heist")).verdict is SAME
    more = compare(Text("LAPD detective"), Text("LAPD robbery-homicide detective"))
    assert (more.verdict, more.refines) == (COMPATIBLE, "b")
    assert compare(Text("a heist film"), Text("a romantic comedy")).verdict is CONFLICT
    assert compare(Text("Heat", lang="en"), Text("Chaleur", lang="fr")).verdict is UNRELATED
    assert compare(Text("Heat", lang="en"), Text("Heat", lang="fr")).verdict is SAME
    assert compare("Heat", Text("heat")).verdict is SAME


# --- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heat (1995)", "Heat"),
        ("Heat's On, The", "The Heat's On"),
        ("Dark Knight, The (2008)", "The Dark Knight\u00a0"),
        ("Seven (a.k.a. Se7en) (1995)", "Se7en"),
        ("Boot, Das (Boat, The) (1981)", "Das Boot"),
        ("Dr. Dolittle (1998)", "Doctor Dolittle"),
        ("Rocky II", "Rocky 2"),
        ("Gone in 60 Seconds (2000)", "Gone in Sixty Seconds"),
        ("Aeon Flux", "Æon Flux"),
    ],
)
def test_title_variants_are_the_same(a: str, b: str) -> None:
    """Database conventions for titles do not make two titles differ."""
    c = compare(a, b, kind="title")
    assert c.verdict is SAME, c


def test_titles_that_differ() -> None:
    """Articles matter; years far apart and different words make a conflict."""
    assert compare("Heat", "The Heat", kind="title").verdict is COMPATIBLE
    assert compare("Heat (1995)", "Heat, The (2013)", kind="title").verdict is CONFLICT
    assert compare("Heat (1995)", "Heat (1986)", kind="title").verdict is CONFLICT
    assert compare("Heat (1995)", "Heat (1996)", kind="title").verdict is SAME
    assert compare("Heat", "L.A. Takedown", kind="title").verdict is CONFLICT
    assert compare("Rocky II", "Rocky III", kind="title").verdict is CONFLICT


def test_subtitles_refine() -> None:
    """A title with a subtitle or series title refines the bare title."""
    c = compare("Star Wars: Episode IV - A New Hope (1977)", "Star Wars", kind="title")
    assert (c.verdict, c.refines) == (COMPATIBLE, "a")
    c = compare("The Empire Strikes Back", "Star Wars: Episode V - The Empire Strikes Back",
                kind="title")  # fmt: skip
    assert (c.verdict, c.refines) == (COMPATIBLE, "b")


def _read_csv(path: object, delimiter: str = ",") -> list[dict[str, str]]:
    """The rows of a CSV file as dictionaries."""
    with open(str(path), newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_heat_titles_across_databases() -> None:
    """Heat as MovieLens and The Movies Dataset write it, joined by its ids, is one title."""
    movies = _read_csv(shared_file("data", "film", "movielens_ml_latest_small", "movies.csv"))
    links = _read_csv(shared_file("data", "film", "movielens_ml_latest_small", "links.csv"))
    metadata = _read_csv(shared_file("data", "film", "the_movies_dataset", "movies_metadata.csv"))
    heat_link = next(row for row in links if row["imdbId"] == "0113277")
    movielens = next(row["title"] for row in movies if row["movieId"] == heat_link["movieId"])
    tmdb = next(row["title"] for row in metadata if row["id"] == heat_link["tmdbId"])
    assert (movielens, tmdb) == ("Heat (1995)", "Heat")
    assert compare(movielens, tmdb, kind="title").verdict is SAME


def test_titles_of_one_imdb_id_agree_across_databases() -> None:
    """For the same film, MovieLens, TMDb and IMDB 5000 titles are nearly always the same."""
    base = ("data", "film")
    movies = _read_csv(shared_file(*base, "movielens_ml_latest_small", "movies.csv"))
    links = _read_csv(shared_file(*base, "movielens_ml_latest_small", "links.csv"))
    tmdb_rows = _read_csv(shared_file(*base, "tmdb_5000", "tmdb_5000_movies.csv"))
    imdb_rows = _read_csv(shared_file(*base, "imdb5000", "movie_metadata.csv"), delimiter=";")
    ml_title = {row["movieId"]: row["title"] for row in movies}
    tmdb = {row["id"]: row["title"] for row in tmdb_rows}
    imdb: dict[str, str] = {}
    for row in imdb_rows:
        found = re.search(r"tt(\d+)", row["movie_imdb_link"])
        if found:
            imdb.setdefault(found.group(1), row["movie_title"])
    assert any(t.endswith("\u00a0") for t in imdb.values())  # the U+00A0 the test is about
    verdicts: Counter[Verdict] = Counter()
    for row in links:
        ours = ml_title[row["movieId"]]
        for other in (tmdb.get(row["tmdbId"]), imdb.get(row["imdbId"])):
            if other is not None:
                verdicts[compare(ours, other, kind="title").verdict] += 1
    total = sum(verdicts.values())
    assert total > 5000
    assert verdicts[SAME] / total > 0.98
    assert (verdicts[SAME] + verdicts[COMPATIBLE]) / total > 0.99


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "verdict", "refines"),
    [
        ("Robert De Niro", "De Niro, Robert", SAME, None),
        ("R. De Niro", "Robert De Niro", COMPATIBLE, "b"),
        ("De Niro", "Robert De Niro", COMPATIBLE, "b"),
        ("Bob De Niro", "Robert De Niro", SAME, None),
        ("Chuck Adamson", "Charles Adamson", SAME, None),
        ("Bill Fichtner", "William Fichtner", SAME, None),
        ("Mike Mann", "Michael Mann", SAME, None),
        ("Chris Shiherlis", "Christopher Shiherlis", SAME, None),
        ("Lt. Vincent Hanna", "Vincent Hanna", SAME, None),
        ("Lieutenant Vincent Hanna", "Det. Vincent Hanna", SAME, None),
        ("Trejo", "Danny Trejo", COMPATIBLE, "b"),
        ("Chris", "Chris Shiherlis", COMPATIBLE, "b"),
        ("Drena De Niro", "Robert De Niro", CONFLICT, None),
        ("Al Pacino", "Robert De Niro", CONFLICT, None),
        ("Angelina Jolie Pitt", "Angelina Jolie", COMPATIBLE, "a"),
        ("Bingbing Li", "Li Bingbing", SAME, None),
        ("Robert Downey, Jr.", "Robert Downey Jr.", SAME, None),
    ],
)
def test_person_names(a: str, b: str, verdict: Verdict, refines: str | None) -> None:
    """Name forms: inverted, initials, surnames, nicknames, ranks, name order."""
    c = compare(a, b, kind="name")
    assert (c.verdict, c.refines) == (verdict, refines), c
    back = compare(b, a, kind="name")
    assert back.verdict is verdict


def test_rank_is_named_in_the_reason() -> None:
    """The reason says a rank is not part of the name."""
    c = compare("Lt. Vincent Hanna", "Vincent Hanna", kind="name")
    assert "rank or title" in c.reason
    assert c.score < 1.0


@pytest.mark.parametrize(
    ("a", "b", "verdict", "refines"),
    [
        ("Al Pacino and Robert De Niro", "Robert De Niro; Al Pacino", SAME, None),
        ("Pacino, Al; De Niro, Robert", "Al Pacino, Robert De Niro", SAME, None),
        ("Al Pacino, Robert De Niro", "De Niro, Robert", COMPATIBLE, "a"),
        ("Al Pacino", "Al Pacino, Robert De Niro and Val Kilmer", COMPATIBLE, "b"),
        ("Al Pacino, Robert De Niro, Val Kilmer", "Al Pacino; Jon Voight", CONFLICT, None),
        ("Al Pacino & R. De Niro", "Al Pacino and Robert De Niro", COMPATIBLE, "b"),
    ],
)
def test_name_lists(a: str, b: str, verdict: Verdict, refines: str | None) -> None:
    """Lists in any separator: same set, a subset (the fuller refines), or other people."""
    c = compare(a, b, kind="name")
    assert (c.verdict, c.refines) == (verdict, refines), c


def test_subset_reason_says_less_complete() -> None:
    """A list missing names is called less complete, and the missing names are given."""
    c = compare("Al Pacino", "Al Pacino, Robert De Niro and Val Kilmer", kind="name")
    assert "less complete" in c.reason
    assert "Val Kilmer" in c.reason


def test_two_surnames_read_as_a_list_when_the_context_knows_both() -> None:
    """'Pacino, Kilmer' is one inverted name, unless the context knows both as people."""
    d = heat_dossier()
    assert compare("Pacino, Kilmer", "Kilmer Pacino", kind="name").verdict is SAME
    c = compare("Pacino, Kilmer", "Val Kilmer; Al Pacino", kind="name", context=d)
    assert c.verdict is SAME, c


def test_names_resolve_through_the_dossier() -> None:
    """The dossier turns partial names and descriptions into entities."""
    d = heat_dossier()
    assert compare("Chris", "Chris Shiherlis", kind="name", context=d).verdict is SAME
    assert compare("De Niro's character", "Neil McCauley", kind="name", context=d).verdict is SAME
    assert compare("Trejo", "Danny Trejo", kind="name", context=d).verdict is SAME
    assert compare("McCauley", "Neil McCauley", kind="name", context=d).verdict is SAME
    assert compare("Michael K. Mann", "Michael Mann", kind="name", context=d).verdict is SAME
    assert compare("Chris", "Vincent Hanna", kind="name", context=d).verdict is CONFLICT


def test_context_resolution() -> None:
    """resolve() follows names, aliases, ids, partial names and played-by."""
    ctx = CompareContext.from_dossier(heat_dossier())
    assert ctx.resolve("De Niro's character") == EntityRef("character", "neil-mccauley")
    assert ctx.resolve("R. De Niro") == EntityRef("person", "robert-de-niro")
    assert ctx.resolve("nm0000134") == EntityRef("person", "robert-de-niro")
    assert ctx.resolve("Heat (1995)") == HEAT
    assert ctx.resolve("Hanna") is None  # Vincent and Justine: ambiguous
    assert ctx.resolve("Nobody Atall") is None
    same_id = compare(
        EntityRef("person", "pacino-imdb"), EntityRef("person", "al-pacino-tmdb"), context=ctx
    )
    assert same_id.verdict is SAME
    by_key = compare(EntityRef("person", "nm0000134"), EntityRef("person", "robert-de-niro"),
                     context=ctx)  # fmt: skip
    assert by_key.verdict is SAME


def test_dossier_context_is_cached() -> None:
    """Comparing against one dossier builds its context once."""
    from filmlore.compare._context import as_context

    d = heat_dossier()
    assert as_context(d) is as_context(d)
    assert as_context(None) is as_context(None)


def test_aliases_only_context() -> None:
    """A context of aliases alone resolves names to canonical names."""
    ctx = CompareContext(aliases={"Chris": "Chris Shiherlis", "Neil": "Neil McCauley"})
    assert compare("Chris", "Chris Shiherlis", kind="name", context=ctx).verdict is SAME
    assert compare("Neil", "Chris Shiherlis", kind="name", context=ctx).verdict is CONFLICT
    with pytest.raises(TypeError, match="aliases"):
        CompareContext(aliases={"Chris": 3})


def test_character_names_from_tmdb_credits() -> None:
    """TMDb's 'Lt. Vincent Hanna' is the seed article's 'Vincent Hanna'."""
    path = shared_file("data", "film", "the_movies_dataset", "credits.csv")
    rows = _read_csv(path)
    heat = next(row for row in rows if row["id"] == "949")
    cast = heat["cast"]
    assert "'character': 'Lt. Vincent Hanna'" in cast
    names = re.findall(r"'character': '([^']*)'", cast)
    c = compare(names[0], "Vincent Hanna", kind="name")
    assert c.verdict is SAME
    assert c.score < 1.0
    seed = shared_file("seeds", "001_b4dc83e880c83c7f.txt").read_text(encoding="utf-8")
    assert "Lieutenant Vincent Hanna (Al Pacino)" in seed
    assert compare("Lieutenant Vincent Hanna", names[0], kind="name").verdict is SAME


def test_cast_lists_of_one_film_across_databases() -> None:
    """IMDB 5000's three leading actors are a less complete list than TMDb's cast."""
    base = ("data", "film")
    csv.field_size_limit(10**8)
    links = _read_csv(shared_file(*base, "the_movies_dataset", "links.csv"))
    credits = _read_csv(shared_file(*base, "tmdb_5000", "tmdb_5000_credits.first197rows.csv"))
    imdb_rows = _read_csv(shared_file(*base, "imdb5000", "movie_metadata.csv"), delimiter=";")
    imdb_of_tmdb = {row["tmdbId"]: row["imdbId"].zfill(7) for row in links}
    imdb: dict[str, dict[str, str]] = {}
    for row in imdb_rows:
        found = re.search(r"tt(\d+)", row["movie_imdb_link"])
        if found:
            imdb.setdefault(found.group(1), row)
    verdicts: Counter[tuple[Verdict, str | None]] = Counter()
    for row in credits:
        record = imdb.get(imdb_of_tmdb.get(row["movie_id"], ""))
        if record is None or not row["cast"].strip():
            continue
        full = "; ".join(member["name"] for member in json.loads(row["cast"]))
        leads = "; ".join(record[f"actor_{i}_name"] for i in (1, 2, 3) if record[f"actor_{i}_name"])
        c = compare(leads, full, kind="name")
        verdicts[c.verdict, c.refines] += 1
    total = sum(verdicts.values())
    assert total > 150
    assert verdicts[COMPATIBLE, "b"] / total > 0.9


# --- places -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "verdict", "refines"),
    [
        ("Minneapolis, Minnesota, USA", "USA", COMPATIBLE, "a"),
        ("Minneapolis, Minnesota, USA", "United States", COMPATIBLE, "a"),
        ("United States", "U.S.", SAME, None),
        ("US", "United States of America", SAME, None),
        ("Los Angeles", "Los Angeles, California, USA", SAME, None),
        ("Downtown Los Angeles", "L.A.", COMPATIBLE, "a"),
        ("Los Angeles", "Chicago", CONFLICT, None),
        ("Chicago, Illinois", "Los Angeles, CA", CONFLICT, None),
        ("USA", "Canada", CONFLICT, None),
        ("Fort Bragg", "North Carolina", COMPATIBLE, "a"),
        ("Washington, D.C.", "USA", COMPATIBLE, "a"),
        ("Springfield", "Shelbyville", CONFLICT, None),
        ("Springfield, Illinois", "Illinois", COMPATIBLE, "a"),
    ],
)
def test_places(a: str, b: str, verdict: Verdict, refines: str | None) -> None:
    """Place paths: a more specific place refines the broader; siblings conflict."""
    c = compare(a, b, kind="place")
    assert (c.verdict, c.refines) == (verdict, refines), c


def test_unknown_places_conflict_weakly() -> None:
    """Places the hierarchy does not know, and that differ, conflict with a low score."""
    c = compare("Springfield", "Shelbyville", kind="place")
    assert c.score <= 0.1
    assert "nothing known" in c.reason


def test_heritage_places_with_their_own_hierarchy() -> None:
    """With the benchmark's place tree, claims on the gold path agree with the gold leaf."""
    tree = _read_csv(shared_file("data", "truth", "heritages", "hierarchy.csv"))
    gold = _read_csv(shared_file("data", "truth", "heritages", "groundtruths.csv"))
    claims = _read_csv(shared_file("data", "truth", "heritages", "claims.csv"))
    names = {row["ID"]: row["name"] for row in tree}
    seen: Counter[str] = Counter(normalize_text(row["name"]) for row in tree)
    places = Taxonomy()
    for row in tree:
        parent = names.get(row["parentID"])
        unique = seen[normalize_text(row["name"])] == 1
        if parent and parent != "Root" and unique and seen[normalize_text(parent)] == 1:
            places.add(parent, row["name"])
    ctx = CompareContext(places=places)
    paths = {row["obj"]: row["value"].split(",")[0] for row in gold}
    checked = agreeing = 0
    for row in claims:
        leaf = paths.get(row["obj"])
        if leaf is None or leaf not in places or row["value"] not in places:
            continue
        gold_path = set(places.path(leaf))
        if row["value"] not in gold_path:
            continue
        checked += 1
        c = compare(row["value"], leaf, kind="place", context=ctx)
        agreeing += c.verdict is SAME or (c.verdict is COMPATIBLE and c.refines == "b")
    assert checked > 1000
    assert agreeing == checked


# --- categories and taxonomies ----------------------------------------------------------------


def test_categories_by_taxonomy() -> None:
    """Delta Force refines military; police and military are different branches; terms
    nothing relates are unrelated, not in conflict."""
    c = compare("Delta Force", "military", kind="category")
    assert (c.verdict, c.refines) == (COMPATIBLE, "a")
    assert compare("police", "military", kind="category").verdict is CONFLICT
    assert compare("police", "Delta Force", kind="category").verdict is CONFLICT
    assert compare("LAPD", "Los Angeles Police Department", kind="category").verdict is SAME
    assert compare("crime thriller", "thriller", kind="category").refines == "a"
    unknown = compare("bank robbers", "military", kind="category")
    assert unknown.verdict is UNRELATED
    assert "nothing relates 'bank robbers' to 'military'" in unknown.reason
    assert compare("TV movie", "TV pilot", kind="category").verdict is UNRELATED


def test_user_taxonomy() -> None:
    """A taxonomy of one's own decides categories through the context: branches of one
    tree conflict; terms in two separate trees are not related by it."""
    tax = Taxonomy({"organization": {"military": ["Delta Force", "army"], "police": ["LAPD"]}})
    ctx = CompareContext(taxonomy=tax)
    assert compare("Delta Force", "military", kind="category", context=ctx).refines == "a"
    assert compare("police", "military", kind="category", context=ctx).verdict is CONFLICT
    assert compare("LAPD", "Delta Force", kind="category", context=ctx).verdict is CONFLICT
    apart = CompareContext(taxonomy=Taxonomy({"military": ["army"], "police": ["LAPD"]}))
    assert compare("police", "military", kind="category", context=apart).verdict is UNRELATED
    tax.add("LAPD", "Robbery-Homicide")
    assert compare("Robbery-Homicide", "police", kind="category", context=ctx).refines == "a"


def test_taxonomy_api() -> None:
    """Terms, synonyms, ancestors, relations; a term may have several parents, never a
    cycle."""
    tax = Taxonomy({"military": {"army": ["Delta Force"]}}, synonyms={"armed forces": "military"})
    assert tax.ancestors("delta force") == ("army", "military")
    assert tax.path("Delta Force") == ("military", "army", "Delta Force")
    assert tax.parent("army") == "military"
    assert tax.children("army") == ("Delta Force",)
    assert tax.canonical("Armed Forces") == "military"
    assert tax.relation("armed forces", "army") == "broader"
    assert tax.relation("army", "navy") == "unknown"
    assert "ARMY" in tax
    assert "navy" not in tax
    assert len(tax) == 3
    assert set(tax) == {"military", "army", "Delta Force"}
    assert repr(tax) == "<Taxonomy with 3 terms>"
    tax.add("ground forces", "army")
    assert tax.parents("army") == ("military", "ground forces")
    assert tax.ancestors("Delta Force") == ("army", "military", "ground forces")
    assert tax.path("Delta Force") == ("military", "army", "Delta Force")
    assert tax.relation("Delta Force", "ground forces") == "narrower"
    with pytest.raises(HierarchyError, match="cycle"):
        tax.add("Delta Force", "military")
    with pytest.raises(ValueError, match="letters or digits"):
        tax.add("military", "...")
    copy = tax.copy()
    copy.add("military", "navy")
    assert "navy" in copy
    assert "navy" not in tax


def test_default_taxonomies_are_copies() -> None:
    """Taxonomy.default() and default_places() give copies that can be extended freely."""
    mine = Taxonomy.default()
    mine.add("police", "Heat's task force")
    assert "Heat's task force" not in Taxonomy.default()
    places = Taxonomy.default_places()
    assert places.canonical("U.S.A.") == "United States"
    assert places.refines("Busan", "South Korea")
