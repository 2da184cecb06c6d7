"""The main job on the built-in Heat (1995) example: what the sources say, side by side.

Run with ``make demo``.
"""

from __future__ import annotations

from decimal import Decimal

import filmlore
from filmlore import (
    Character,
    Claim,
    Credit,
    Dossier,
    Duration,
    EntityRef,
    Excerpt,
    ExternalIds,
    Film,
    ImdbId,
    Person,
    Quote,
    RoleKind,
    Scene,
    Source,
    SourceKind,
    Text,
    TmdbId,
    WikidataId,
)


def build() -> Dossier:
    """A small Heat dossier built in code from the seed articles."""
    heat = EntityRef("film", "heat-1995")
    pacino, de_niro = EntityRef("person", "al-pacino"), EntityRef("person", "robert-de-niro")
    hanna, neil = EntityRef("character", "vincent-hanna"), EntityRef("character", "neil-mccauley")
    blog, review = EntityRef("source", "crime-epic-blog"), EntityRef("source", "inscker-review")
    coffee = EntityRef("scene", "coffee-shop")
    return Dossier(
        title="Heat (1995), in brief",
        films=[
            Film(
                id=heat,
                title=Text("Heat", lang="en"),
                year=1995,
                runtime=Duration(amount=Decimal(170), unit="min"),
                ids=ExternalIds(
                    imdb=ImdbId("tt0113277"), tmdb=TmdbId(949), wikidata=WikidataId("Q42198")
                ),
            )
        ],
        people=[
            Person(id=pacino, name="Al Pacino"),
            Person(id=de_niro, name="Robert De Niro"),
        ],
        characters=[
            Character(
                id=hanna,
                film=heat,
                name="Vincent Hanna",
                played_by=(pacino,),
                aliases=("Lieutenant Vincent Hanna", "Hanna"),
            ),
            Character(
                id=neil,
                film=heat,
                name="Neil McCauley",
                played_by=(de_niro,),
                aliases=("McCauley",),
            ),
        ],
        credits=[
            Credit(
                id=EntityRef("credit", "heat-pacino"),
                film=heat,
                person=pacino,
                role=RoleKind.CAST,
                character=hanna,
                billing=1,
            ),
            Credit(
                id=EntityRef("credit", "heat-de-niro"),
                film=heat,
                person=de_niro,
                role=RoleKind.CAST,
                character=neil,
                billing=2,
            ),
        ],
        scenes=[
            Scene(
                id=coffee,
                film=heat,
                title="The coffee-shop meeting",
                location="a late-night diner",
                characters=(hanna, neil),
            ),
        ],
        quotes=[
            Quote(
                id=EntityRef("quote", "thirty-seconds-flat"),
                film=heat,
                speaker=neil,
                text="Don't let yourself get attached to anything you are not willing to walk "
                "out on in thirty seconds flat if you feel the heat around the corner.",
            )
        ],
        sources=[
            Source(
                id=blog,
                kind=SourceKind.BLOG,
                title="Heat (1995): The Crime Epic That Changed Cinema Forever",
            ),
            Source(
                id=review, kind=SourceKind.REVIEW, title="Heat (1995)", authors=("Soames Inscker",)
            ),
        ],
        claims=[
            Claim(
                id=EntityRef("claim", "blog-runtime"),
                subject=heat,
                property="duration",
                value=Duration.parse("nearly 3 hours"),
                source=blog,
                excerpt=Excerpt(text="a nearly 3 hours crime epic"),
            ),
            Claim(
                id=EntityRef("claim", "review-first-pairing"),
                subject=heat,
                property="assessment",
                value=Text("first time Pacino and De Niro shared the screen in a speaking scene"),
                source=review,
                excerpt=Excerpt(
                    text="the film marked the first time cinematic legends Al Pacino and "
                    "Robert De Niro shared the screen in a speaking scene"
                ),
            ),
        ],
    )


def main() -> None:
    """Print the film, its people, and each claim with its source."""
    dossier = build()
    print(f"filmlore {filmlore.__version__} — {dossier.title}")
    for film in dossier.films:
        print(f"\n{film.title} ({film.year}), {film.runtime}; IMDb {film.ids.imdb}")
        for credit in dossier.cast(film.id):
            person, character = dossier[credit.person], dossier[credit.character]
            print(f"  {credit.billing}. {person.name} as {character.name}")
        for scene in dossier.scenes_of(film.id):
            names = ", ".join(dossier[c].name for c in scene.characters)
            print(f"  scene: {scene.title} ({scene.location}) — {names}")
        for quote in dossier.quotes_of(film.id):
            print(f"  “{quote.text}” — {dossier[quote.speaker].name}")
    print("\nClaims:")
    for claim in dossier.claims:
        source = dossier[claim.source]
        print(f"  {claim.subject} {claim.property} = {claim.value}")
        excerpt = claim.excerpt.text if claim.excerpt else ""
        print(f"    per {source.title} ({source.kind.value}): “{excerpt}”")


if __name__ == "__main__":
    main()
