"""The built-in property table: one :class:`Spec` per property, grouped by what it is about.

:mod:`filmlore.properties` turns each row into a :class:`~filmlore.Property` and registers
it in the default registry; the documentation's property catalogue is written from that
registry, so a row added here is listed there.  A Wikidata id is given only where Wikidata
has a property that means the same; ``P580``/``P582`` (start and end time) are qualifiers,
not properties, so the production and filming dates carry none -- their values are
intervals instead.
"""

from __future__ import annotations

from typing import NamedTuple

from filmlore.values.refs import ENTITY_KINDS

__all__ = ["BUILTIN", "Spec"]


class Spec(NamedTuple):
    """The fields of one built-in property, as :class:`~filmlore.Property` takes them
    (``many`` for a many-valued one; ``wikidata`` empty when Wikidata has none)."""

    name: str
    kind: str
    wikidata: str = ""
    many: bool = False
    subjects: tuple[str, ...] = ("film",)
    ref_kind: str | None = None
    tolerance: float | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    inverse: str | None = None
    broader: str | None = None
    asymmetric: bool = False
    scope_keys: tuple[str, ...] = ()
    values: tuple[str, ...] = ()


_WORKS = ("film", "work")
_REGION = ("region", "country")

#: Every built-in property, by theme.
BUILTIN: tuple[Spec, ...] = (
    # --- titles and words about the work ------------------------------------------------------
    Spec(
        "title",
        "title",
        "P1476",
        scope_keys=("language", "lang", *_REGION),
        description="the title of a work (one per language or region)",
    ),
    Spec(
        "original_title",
        "title",
        "P1705",
        subjects=_WORKS,
        description="the title in the work's original language",
    ),
    Spec(
        "alternative_title",
        "title",
        many=True,
        subjects=_WORKS,
        scope_keys=("region", "language", "country", "lang"),
        aliases=("aka",),
        description="another title the work is known by (qualify with region, language)",
    ),
    Spec(
        "tagline",
        "text",
        many=True,
        subjects=_WORKS,
        description="a line the work was marketed with (a work may have several)",
    ),
    Spec("keyword", "category", many=True, subjects=_WORKS, description="a subject tag"),
    Spec(
        "genre",
        "category",
        "P136",
        many=True,
        subjects=_WORKS,
        description="a genre of the work: crime, heist, thriller",
    ),
    Spec(
        "work_type",
        "category",
        "P31",
        subjects=_WORKS,
        aliases=("title_type", "instance_of"),
        description="what kind of work it is: feature film, TV film, short, episode",
    ),
    # --- dates ---------------------------------------------------------------------------------
    Spec(
        "release_date",
        "date",
        "P577",
        aliases=("publication_date",),
        subjects=_WORKS,
        scope_keys=("country", "region", "kind"),
        description="when the work was first released (qualify with country or kind)",
    ),
    Spec(
        "production_date",
        "date",
        subjects=_WORKS,
        description="when the work was made: a year, or a period from start to end",
    ),
    Spec(
        "filming_date",
        "date",
        subjects=("film", "scene", "work"),
        aliases=("shooting_date", "principal_photography"),
        description="when the work or scene was shot: a day, a month, or a period",
    ),
    # --- length, money and scale ---------------------------------------------------------------
    Spec(
        "duration",
        "duration",
        "P2047",
        subjects=("film", "scene", "work"),
        tolerance=0.03,
        aliases=("runtime",),
        scope_keys=("cut", "version", "edition"),
        description="how long it runs",
    ),
    Spec(
        "cost",
        "money",
        "P2130",
        aliases=("budget",),
        tolerance=0.05,
        description="what it cost to make",
    ),
    Spec(
        "budget_category",
        "category",
        subjects=_WORKS,
        aliases=("budget_class",),
        values=("low-budget", "independent", "blockbuster"),
        description="how a source classes the work's budget, in words (a sum is its cost)",
    ),
    Spec(
        "box_office",
        "money",
        "P2142",
        aliases=("revenue", "gross"),
        tolerance=0.05,
        scope_keys=("region", "country", "market"),
        description="what it earned (qualify with region: domestic, worldwide)",
    ),
    # --- who made it ---------------------------------------------------------------------------
    Spec(
        "director",
        "ref",
        "P57",
        many=True,
        ref_kind="person",
        subjects=_WORKS,
        description="a person who directed the work",
    ),
    Spec(
        "cast_member",
        "ref",
        "P161",
        many=True,
        ref_kind="person",
        description="a person in the cast; qualify with character_role (P453)",
    ),
    Spec(
        "screenwriter",
        "ref",
        "P58",
        many=True,
        ref_kind="person",
        subjects=_WORKS,
        description="a person who wrote the screenplay",
    ),
    Spec(
        "producer",
        "ref",
        "P162",
        many=True,
        ref_kind="person",
        description="a person who produced the film",
    ),
    Spec(
        "composer",
        "ref",
        "P86",
        many=True,
        ref_kind="person",
        description="a person who composed the film's score",
    ),
    Spec(
        "director_of_photography",
        "ref",
        "P344",
        many=True,
        ref_kind="person",
        aliases=("cinematographer",),
        description="the person in charge of the camera and lighting",
    ),
    Spec(
        "film_editor",
        "ref",
        "P1040",
        many=True,
        ref_kind="person",
        aliases=("editor",),
        description="a person who edited the film",
    ),
    Spec(
        "crew_member",
        "ref",
        "P3092",
        many=True,
        subjects=_WORKS,
        ref_kind="person",
        description="a person on the crew in a job no other property names (qualify with job)",
    ),
    # --- companies, broadcast and release ------------------------------------------------------
    Spec(
        "production_company",
        "text",
        "P272",
        many=True,
        description="a company that produced the film",
    ),
    Spec(
        "distributor",
        "text",
        "P750",
        many=True,
        description="a company that distributed the film (qualify with country)",
    ),
    Spec(
        "original_broadcaster",
        "text",
        "P449",
        many=True,
        subjects=_WORKS,
        aliases=("original_network", "network"),
        description="the network or channel that first broadcast the work (qualify with country)",
    ),
    Spec(
        "distribution_format",
        "category",
        "P437",
        many=True,
        subjects=_WORKS,
        aliases=("release_format", "work_format"),
        values=("theatrical", "TV film", "pilot", "streaming"),
        description="how the work reached its audience: in cinemas, on television, streamed",
    ),
    # --- countries, languages and places -------------------------------------------------------
    Spec(
        "country_of_origin",
        "place",
        "P495",
        many=True,
        subjects=_WORKS,
        description="a country the work comes from",
    ),
    Spec(
        "original_language",
        "text",
        "P364",
        subjects=_WORKS,
        description="the language the work was made in",
    ),
    Spec(
        "spoken_language",
        "text",
        "P407",
        many=True,
        subjects=_WORKS,
        description="a language spoken in the work",
    ),
    Spec(
        "filming_location",
        "place",
        "P915",
        many=True,
        subjects=("film", "scene", "work"),
        aliases=("shooting_location",),
        description="a place where the work or scene was shot",
    ),
    Spec(
        "narrative_location",
        "place",
        "P840",
        many=True,
        subjects=("film", "scene", "work"),
        aliases=("setting",),
        description="a place where the story is set",
    ),
    # --- works and their sources, sequels and remakes ------------------------------------------
    Spec(
        "based_on",
        "ref",
        "P144",
        many=True,
        subjects=("film", "character", "scene", "work"),
        broader="inspired_by",
        asymmetric=True,
        description="a work, person or event this one is based on",
    ),
    Spec(
        "basis_of",
        "ref",
        "P4969",
        many=True,
        subjects=("film", "character", "scene", "work", "person"),
        inverse="based_on",
        aliases=("derivative_work",),
        description="a work based on this one (inverse of based_on)",
    ),
    Spec(
        "inspired_by",
        "ref",
        "P941",
        many=True,
        subjects=("film", "character", "scene", "work"),
        broader="influenced_by",
        asymmetric=True,
        description="a work, person or event that inspired this one",
    ),
    Spec(
        "inspired",
        "ref",
        many=True,
        subjects=("film", "character", "scene", "person", "work"),
        inverse="inspired_by",
        description="a work this one inspired (inverse of inspired_by)",
    ),
    Spec(
        "influenced_by",
        "ref",
        "P737",
        many=True,
        subjects=("film", "person", "work"),
        description="a work or person that influenced this one",
    ),
    Spec(
        "influenced",
        "ref",
        many=True,
        subjects=("film", "scene", "person", "work"),
        inverse="influenced_by",
        description="a later work this one influenced (inverse of P737 'influenced by')",
    ),
    Spec(
        "follows",
        "ref",
        "P155",
        subjects=_WORKS,
        ref_kind="film",
        asymmetric=True,
        description="the work this one comes after (a sequel follows its original)",
    ),
    Spec(
        "followed_by",
        "ref",
        "P156",
        subjects=_WORKS,
        ref_kind="film",
        inverse="follows",
        description="the work that comes after this one (inverse of follows)",
    ),
    Spec(
        "remake_of",
        "ref",
        many=True,
        subjects=_WORKS,
        ref_kind="film",
        broader="based_on",
        asymmetric=True,
        description="an earlier film this one remakes",
    ),
    Spec(
        "remade_as",
        "ref",
        many=True,
        subjects=_WORKS,
        ref_kind="film",
        inverse="remake_of",
        description="a remake of this work (inverse of remake_of)",
    ),
    Spec(
        "part_of_series",
        "ref",
        "P179",
        subjects=_WORKS,
        description="the series (or show) an episode or film belongs to",
    ),
    Spec("season_number", "integer", subjects=_WORKS, description="an episode's season"),
    Spec("episode_number", "integer", subjects=_WORKS, description="an episode's number"),
    # --- awards and reception ------------------------------------------------------------------
    Spec(
        "award_received",
        "text",
        "P166",
        many=True,
        subjects=("film", "person", "work"),
        aliases=("award",),
        description="an award won (qualify with year and category: Best Director)",
    ),
    Spec(
        "nominated_for",
        "text",
        "P1411",
        many=True,
        subjects=("film", "person", "work"),
        aliases=("nomination",),
        description="an award the work or person was nominated for (qualify with year, category)",
    ),
    Spec(
        "user_rating",
        "quantity",
        scope_keys=("scale", "by"),
        description="an average rating by a site's users (qualify with the scale: 10)",
    ),
    Spec("vote_count", "integer", description="how many users rated the work"),
    Spec(
        "content_rating",
        "label",
        "P1657",
        scope_keys=("country", "system"),
        aliases=("certificate", "mpaa_rating"),
        description="an age rating or certificate (qualify with country or system)",
    ),
    # --- characters ----------------------------------------------------------------------------
    Spec(
        "played_by",
        "ref",
        "P175",
        many=True,
        subjects=("character",),
        ref_kind="person",
        aliases=("performer",),
        description="a person who plays the character",
    ),
    Spec(
        "named_after",
        "ref",
        "P138",
        many=True,
        subjects=("character", "film", "scene"),
        description="a person, place or thing the name comes from",
    ),
    Spec(
        "character_name",
        "name",
        many=True,
        subjects=("character",),
        description="a name a source uses for a character",
    ),
    Spec(
        "character_rank",
        "category",
        subjects=("character", "person"),
        aliases=("rank_or_title",),
        description="a rank or title held in the story or in life: Lieutenant, Sergeant, Doctor",
    ),
    # --- quotes and scenes ---------------------------------------------------------------------
    Spec(
        "quotation",
        "quote",
        "P1683",
        many=True,
        subjects=("film", "quote", "person", "source"),
        description="the words of a quote as a source renders them",
    ),
    Spec(
        "speaker",
        "ref",
        subjects=("quote",),
        ref_kind="character",
        description="the character who speaks the line",
    ),
    Spec(
        "said_by",
        "ref",
        subjects=("quote",),
        ref_kind="person",
        description="the person who said words quoted from an interview",
    ),
    Spec(
        "location",
        "place",
        many=True,
        subjects=("scene",),
        description="where the scene takes place in the story",
    ),
    Spec(
        "participant",
        "ref",
        many=True,
        subjects=("scene",),
        ref_kind="character",
        description="a character in the scene",
    ),
    # --- anything ------------------------------------------------------------------------------
    Spec(
        "description",
        "text",
        subjects=ENTITY_KINDS,
        description="what the entity is, in a source's words",
    ),
    Spec(
        "assessment",
        "assessment",
        many=True,
        subjects=ENTITY_KINDS,
        description="an opinion or judgement a source holds",
    ),
    # --- people --------------------------------------------------------------------------------
    Spec(
        "known_for",
        "ref",
        "P800",
        many=True,
        subjects=("person",),
        ref_kind="film",
        aliases=("notable_work",),
        description="a work a person is best known for",
    ),
    Spec(
        "occupation",
        "category",
        "P106",
        many=True,
        subjects=("person",),
        description="what a person does or did for a living",
    ),
    Spec(
        "date_of_birth",
        "date",
        "P569",
        subjects=("person",),
        description="when the person was born",
    ),
    Spec(
        "date_of_death",
        "date",
        "P570",
        subjects=("person",),
        description="when the person died",
    ),
    Spec(
        "place_of_birth",
        "place",
        "P19",
        subjects=("person",),
        description="where the person was born",
    ),
    Spec(
        "name",
        "name",
        many=True,
        subjects=("person", "character"),
        description="a name the person or character goes by",
    ),
    # --- ids in other databases ----------------------------------------------------------------
    Spec(
        "imdb_id",
        "label",
        "P345",
        subjects=("film", "work", "person"),
        description="the entity's IMDb id (tt0113277, nm0000520)",
    ),
    Spec(
        "tmdb_id",
        "label",
        "P4947",
        subjects=("film", "work"),
        description="the film's TMDb id (949)",
    ),
    Spec(
        "movielens_id",
        "label",
        subjects=("film", "work"),
        description="the film's MovieLens id",
    ),
)
