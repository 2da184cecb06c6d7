"""Cross-record validation: what no single record can know about itself.

Field rules live on the models and are enforced when a record is built or loaded; the rules
here need the whole dossier -- references that resolve, ids used once, billing orders,
excerpts found in their sources' texts, dates in a possible order, values that fit their
property.  :func:`validate` returns every issue at once, each with a severity, a short code,
the ``$.path`` of the offending field and a message; :func:`raise_for_issues` raises
:class:`~filmlore.IssuesFound` when any is an error.

=========================  ========  ==============================================================
code                       severity  what
=========================  ========  ==============================================================
duplicate-id               error     an id used by two records (reported at the second)
unresolved-reference       error     a reference to no record of the dossier
duplicate-billing          error     two cast credits of one film with one billing order (a
                                     warning in a data set's dossier: joined data sets each
                                     give their own order)
speaker-not-in-film        error     a quote's speaker is a character of another film
character-not-in-film      error     a credit's, a scene's or a quote's addressee character is
                                     of another film
scene-not-in-film          error     a quote's scene is a scene of another film
excerpt-not-in-source      error     a claim's excerpt is not in its source's text
excerpt-offset-mismatch    warning   the excerpt is in the text, but not at its offsets
excerpt-unchecked          info      a source keeps no text, so its claims' excerpts cannot be
                                     checked (one issue per source, with the count)
source-before-release      warning   a source published before the film it is about came out:
                                     its earliest release, or its year (an error for a review)
release-before-production  warning   a film released before a production date claimed for it
died-before-born           error     a person who died before being born
unknown-property           error     a claim of a property that is not in the registry
value-kind-mismatch        error     a claim value that is not of its property's kind
ref-kind-mismatch          error     a reference value to the wrong kind of entity
subject-kind-mismatch      warning   a claim about an entity the property does not apply to
hierarchy-cycle            error     hierarchy links that lead from a value back to itself
                                     (reported at the link that closes the cycle)
duplicate-link             warning   a hierarchy link listed twice (reported at the second)
undeclared-reference       info      a reference to an entity that a claims table cannot
                                     declare (one issue per entity, with the count)
source-not-in-table        warning   a claim's source that the sources table given beside a
                                     claims table does not list (one issue per source)
=========================  ========  ==============================================================

References to kinds of entity that have no model (``organization``, ``place``, ``work``) are
not checked.  Excerpts are compared after collapsing every run of whitespace to one space and
reading the typographic quotes ‘ ’ as ' and “ ” as "; nothing else is normalised.  Hierarchy
values are compared as written.

A dossier read from a claims table (its ``origin`` is
:attr:`~filmlore.DossierOrigin.CLAIMS_TABLE`) declares its claims and nothing else, so a
reference to an entity that is not there is not an error but an ``info``
``undeclared-reference``: the table could not have declared it.  With a sources table
(:attr:`~filmlore.DossierOrigin.CLAIMS_AND_SOURCES_TABLES`), the sources it lists resolve as
in any dossier, and a source it does not list is a ``source-not-in-table`` warning.  A
data set read by an importer (:attr:`~filmlore.DossierOrigin.DATA_SET`) is read the same
way: its sources are declared, and a film or person it refers to without describing it is
an ``info`` ``undeclared-reference``.

>>> from filmlore import Claim, Dossier, EntityRef, Text
>>> claim = Claim(id=EntityRef("claim", "a"), subject=EntityRef("film", "heat-1995"),
...               property="title", value=Text("Heat"), source=EntityRef("source", "a"))
>>> for issue in validate(Dossier(claims=[claim])):
...     print(issue)
error unresolved-reference: the subject film:heat-1995 of claim:a is not in the dossier @ $.claims[0].subject
error unresolved-reference: the source source:a of claim:a is not in the dossier @ $.claims[0].source
"""  # noqa: E501

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import Any

import attrs

from filmlore._bulk import bulk
from filmlore.dossier import ENTITY_COLLECTIONS, Dossier, DossierOrigin
from filmlore.errors import IssuesFound
from filmlore.excerpts import find_excerpt, normalise_excerpt
from filmlore.models import (
    Character,
    Claim,
    Credit,
    Film,
    Quote,
    RoleKind,
    Scene,
    Source,
    SourceKind,
)
from filmlore.values.dates import DateInterval, PartialDate
from filmlore.values.kinds import ValueKind, get_kind
from filmlore.values.refs import EntityRef

__all__ = ["Issue", "Severity", "raise_for_issues", "validate"]


class Severity(str, enum.Enum):
    """How bad an :class:`Issue` is: ``error`` (the dossier is wrong), ``warning`` (it is
    probably wrong) or ``info`` (something could not be checked)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(slots=True, kw_only=True)
class Issue:
    """One problem :func:`validate` found: its severity, a short kebab-case ``code``, the
    ``$.path`` of the field at fault, and a message a person can read.

    >>> print(Issue(severity=Severity.ERROR, code="duplicate-id", path="$.films[1].id",
    ...             message="film:heat-1995 is the id of $.films[0] already"))
    error duplicate-id: film:heat-1995 is the id of $.films[0] already @ $.films[1].id
    """

    severity: Severity
    code: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code}: {self.message} @ {self.path}"


def raise_for_issues(issues: Iterable[Issue]) -> None:
    """Raise :class:`~filmlore.IssuesFound` with the issues of error severity, if any.

    >>> raise_for_issues([Issue(severity=Severity.INFO, code="excerpt-unchecked",
    ...                         path="$.claims[0].excerpt", message="no text")])
    """
    errors = [i for i in issues if i.severity is Severity.ERROR]
    if errors:
        raise IssuesFound(errors)


# --- the rules ---------------------------------------------------------------------------------

_LISTS = ENTITY_COLLECTIONS
_UNMODELLED = frozenset(("organization", "place", "work"))


@attrs.define(slots=True)
class _Absent:
    """An entity a claims table could not declare, or a source its sources table does not
    list: where it is first referred to, and how often."""

    path: str
    what: str
    owner: EntityRef
    count: int = 1


class _Checker:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.issues: list[Issue] = []
        # Keyed by (kind, key): hashing a tuple of two strings is cheaper than an EntityRef.
        self.index: dict[tuple[str, str], Any] = {}
        self.unchecked: dict[int, int] = {}  # id() of a source: its claims with excerpts
        # What a claims table cannot declare, and a sources table does not list: by entity.
        origin = dossier.origin
        self.table = origin is not DossierOrigin.DOSSIER
        self.listed_sources = origin in (
            DossierOrigin.CLAIMS_AND_SOURCES_TABLES,
            DossierOrigin.DATA_SET,
        )
        self.why = (
            "the data set does not describe it"
            if origin is DossierOrigin.DATA_SET
            else "a claims table cannot declare entities"
        )
        self.undeclared: dict[EntityRef, _Absent] = {}
        self.unlisted: dict[EntityRef, _Absent] = {}

    def add(self, severity: Severity, code: str, path: str, message: str) -> None:
        self.issues.append(Issue(severity=severity, code=code, path=path, message=message))

    def error(self, code: str, path: str, message: str) -> None:
        self.add(Severity.ERROR, code, path, message)

    # references ---------------------------------------------------------------------------

    def ref(self, ref: EntityRef | None, owner: Any, field: str, where: _Where, what: str) -> Any:
        """The entity ``ref`` names; an issue when it names none."""
        if ref is None:
            return None
        found = self.index.get((ref.kind, ref.key))
        if found is None and ref.kind not in _UNMODELLED:
            path = f"{_path(where)}.{field}"
            if not self.table:
                self.error(
                    "unresolved-reference",
                    path,
                    f"the {what} {ref} of {owner.id} is not in the dossier",
                )
            else:
                listed = self.listed_sources and ref.kind == "source"
                absent = self.unlisted if listed else self.undeclared
                seen = absent.get(ref)
                if seen is None:
                    absent[ref] = _Absent(path, what, owner.id)
                else:
                    seen.count += 1
        return found

    def absent(self) -> None:
        """One issue per entity a claims table could not declare, and per source its
        sources table does not list, at the first reference to it."""
        for ref, a in self.undeclared.items():
            self.add(
                Severity.INFO,
                "undeclared-reference",
                a.path,
                f"the {a.what} {ref} of {a.owner}{_more(a.count)} is not declared: {self.why}",
            )
        for ref, a in self.unlisted.items():
            self.add(
                Severity.WARNING,
                "source-not-in-table",
                a.path,
                f"the {a.what} {ref} of {a.owner}{_more(a.count)} is not in the sources table",
            )

    def refs(
        self, refs: tuple[EntityRef, ...], owner: Any, field: str, where: _Where, what: str
    ) -> list[tuple[int, Any]]:
        """The entities ``refs`` name, with their positions; an issue for each missing one."""
        if not refs:
            return []
        found = []
        for i, ref in enumerate(refs):
            entity = self.ref(ref, owner, f"{field}[{i}]", where, what)
            if entity is not None:
                found.append((i, entity))
        return found

    def same_film(
        self, entity: Any, film: EntityRef, code: str, where: _Where, field: str, message: str
    ) -> None:
        if entity is not None and entity.film.key != film.key:
            self.error(
                code,
                f"{_path(where)}.{field}",
                message.format(id=entity.id, film=entity.film, own=film),
            )

    # the passes -------------------------------------------------------------------------------

    def ids(self) -> None:
        index = self.index
        first: dict[tuple[str, str], str] = {}
        for name in _LISTS:
            for i, entity in enumerate(getattr(self.dossier, name)):
                ref = entity.id
                key = (ref.kind, ref.key)
                if key in index:
                    if key not in first:
                        first[key] = self._path_of(index[key])
                    self.error(
                        "duplicate-id",
                        f"$.{name}[{i}].id",
                        f"{ref} is the id of {first[key]} already",
                    )
                else:
                    index[key] = entity

    def _path_of(self, entity: Any) -> str:
        for name in _LISTS:
            for i, other in enumerate(getattr(self.dossier, name)):
                if other is entity:
                    return f"$.{name}[{i}]"
        return str(entity.id)  # pragma: no cover - the entity is in the dossier

    def people(self) -> None:
        for i, person in enumerate(self.dossier.people):
            born, died = person.born, person.died
            # A date without a year ("Jul 17") has no span: it cannot be ordered.
            first = None if born is None else born.earliest
            last = None if died is None else died.latest
            if first is not None and last is not None and last < first:
                self.error(
                    "died-before-born",
                    f"$.people[{i}].died",
                    f"{person.id} died ({died}) before being born ({born})",
                )

    def characters(self) -> None:
        for i, c in enumerate(self.dossier.characters):
            where = ("characters", i)
            self.ref(c.film, c, "film", where, "film")
            self.refs(c.played_by, c, "played_by", where, "performer")
            self.refs(c.based_on, c, "based_on", where, "model")

    def credits(self) -> None:
        billing: dict[tuple[str, int], int] = {}
        for i, c in enumerate(self.dossier.credits):
            where = ("credits", i)
            self.ref(c.film, c, "film", where, "film")
            self.ref(c.person, c, "person", where, "person")
            character = self.ref(c.character, c, "character", where, "character")
            self.same_film(
                character,
                c.film,
                "character-not-in-film",
                where,
                "character",
                "{id} is a character of {film}, not of {own}",
            )
            if c.role is RoleKind.CAST and c.billing is not None:
                key = (c.film.key, c.billing)
                if key in billing:
                    # Data sets joined by filmlore.match each give their own billing.
                    data_sets = self.dossier.origin is DossierOrigin.DATA_SET
                    self.add(
                        Severity.WARNING if data_sets else Severity.ERROR,
                        "duplicate-billing",
                        f"$.credits[{i}].billing",
                        f"billing order {c.billing} of {c.film} is given to "
                        f"$.credits[{billing[key]}] already"
                        + (" (credits from more than one data set?)" if data_sets else ""),
                    )
                else:
                    billing[key] = i

    def scenes(self) -> None:
        for i, s in enumerate(self.dossier.scenes):
            where = ("scenes", i)
            self.ref(s.film, s, "film", where, "film")
            for j, character in self.refs(s.characters, s, "characters", where, "character"):
                self.same_film(
                    character,
                    s.film,
                    "character-not-in-film",
                    where,
                    f"characters[{j}]",
                    "{id} is a character of {film}, not of {own}",
                )

    def quotes(self) -> None:
        for i, q in enumerate(self.dossier.quotes):
            where = ("quotes", i)
            self.ref(q.film, q, "film", where, "film")
            speaker = self.ref(q.speaker, q, "speaker", where, "speaker")
            self.same_film(
                speaker,
                q.film,
                "speaker-not-in-film",
                where,
                "speaker",
                "the speaker {id} is a character of {film}, not of {own}",
            )
            addressee = self.ref(q.addressee, q, "addressee", where, "addressee")
            self.same_film(
                addressee,
                q.film,
                "character-not-in-film",
                where,
                "addressee",
                "the addressee {id} is a character of {film}, not of {own}",
            )
            scene = self.ref(q.scene, q, "scene", where, "scene")
            self.same_film(
                scene,
                q.film,
                "scene-not-in-film",
                where,
                "scene",
                "{id} is a scene of {film}, not of {own}",
            )

    def sources(self) -> None:
        for i, s in enumerate(self.dossier.sources):
            where = ("sources", i)
            self.ref(s.person, s, "person", where, "person")
            self.refs(s.via, s, "via", where, "relaying source")

    def claims(self) -> None:
        dossier = self.dossier
        registry = dossier.registry
        kinds: dict[str, tuple[Any, ValueKind | None]] = {}
        texts: dict[int, str] = {}
        released: dict[int, datetime.date | None] = {}
        early: set[tuple[int, int]] = set()
        index = self.index
        for i, c in enumerate(dossier.claims):
            where = ("claims", i)
            ref = c.subject
            subject = index.get((ref.kind, ref.key))
            if subject is None:
                self.ref(ref, c, "subject", where, "subject")
            ref = c.source
            source = index.get((ref.kind, ref.key))
            if source is None:
                self.ref(ref, c, "source", where, "source")
            if c.attributed_to is not None:
                self.ref(c.attributed_to, c, "attributed_to", where, "person")
            if c.via:
                self.refs(c.via, c, "via", where, "relaying source")
            # the value and its property
            known = kinds.get(c.property)
            if known is None:
                prop = registry.find(c.property)
                known = (prop, None if prop is None else get_kind(prop.kind))
                kinds[c.property] = known
            prop, kind = known
            if prop is None:
                self.error(
                    "unknown-property",
                    f"{_path(where)}.property",
                    f"{c.property!r} is not a known property: register it or declare it in "
                    "the dossier's properties",
                )
            elif kind is not None and (
                not kind.check(c.value)
                or c.subject.kind not in prop.subjects
                or (prop.ref_kind is not None and isinstance(c.value, EntityRef))
            ):
                self._value(c, prop, kind, _path(where))
            # the excerpt
            if c.excerpt is not None and isinstance(source, Source):
                self._excerpt(c, source, _path(where), texts)
            # dates
            film = _film_of(subject, self.index)
            if film is not None:
                if isinstance(source, Source) and source.published is not None:
                    pair = (id(source), id(film))
                    if pair not in early:
                        early.add(pair)
                        self._published(c, source, film, where, released)
                if prop is not None and prop.name == "production_date":
                    self._production(c, film, _path(where))
        for i, source in enumerate(dossier.sources):
            count = self.unchecked.pop(id(source), 0)
            if count:
                self.add(
                    Severity.INFO,
                    "excerpt-unchecked",
                    f"$.sources[{i}].text",
                    f"cannot check the excerpts of {count} claim(s): {source.id} keeps no text",
                )

    def hierarchy(self) -> None:
        links = self.dossier.hierarchy
        if not links:
            return
        first: dict[tuple[str, str], int] = {}
        twice: list[tuple[int, int]] = []  # (the repeat, the first)
        parents: dict[str, list[tuple[str, int]]] = {}
        for i, link in enumerate(links):
            pair = (link.child, link.parent)
            if pair in first:
                twice.append((i, first[pair]))
                continue
            first[pair] = i
            parents.setdefault(link.child, []).append((link.parent, i))
        for cycle, closing in _cycles(parents):
            self.error(
                "hierarchy-cycle",
                f"$.hierarchy[{closing}]",
                f"the hierarchy goes round in a cycle, {_chain(cycle)} (child → parent): a "
                "value cannot lie within itself",
            )
        for i, earlier in twice:
            link = links[i]
            self.add(
                Severity.WARNING,
                "duplicate-link",
                f"$.hierarchy[{i}]",
                f"the link {link.child!r} → {link.parent!r} is listed at "
                f"$.hierarchy[{earlier}] already",
            )

    def _value(self, c: Claim, prop: Any, kind: ValueKind | None, path: str) -> None:
        assert kind is not None
        if not kind.check(c.value):
            self.error(
                "value-kind-mismatch",
                f"{path}.value",
                f"{prop.name} takes a {kind.name} value, but {c.id} has "
                f"{type(c.value).__name__} {str(c.value)!r}",
            )
        elif (
            prop.ref_kind is not None
            and isinstance(c.value, EntityRef)
            and c.value.kind != prop.ref_kind
        ):
            self.error(
                "ref-kind-mismatch",
                f"{path}.value",
                f"{prop.name} takes a reference to a {prop.ref_kind}, not {c.value}",
            )
        if c.subject.kind not in prop.subjects:
            self.add(
                Severity.WARNING,
                "subject-kind-mismatch",
                f"{path}.subject",
                f"{prop.name} applies to {', '.join(prop.subjects)}, not to a {c.subject.kind}",
            )

    def _excerpt(self, c: Claim, source: Source, path: str, texts: dict[int, str]) -> None:
        assert c.excerpt is not None
        if source.text is None:
            self.unchecked[id(source)] = self.unchecked.get(id(source), 0) + 1
            return
        excerpt = c.excerpt
        if excerpt.start is not None and source.text[excerpt.start : excerpt.end] == excerpt.text:
            return
        text = texts.get(id(source))
        if text is None:
            text = texts[id(source)] = normalise_excerpt(source.text)
        if normalise_excerpt(excerpt.text) not in text:
            near = find_excerpt(source.text, excerpt.text, min_score=70.0)
            hint = (
                f"; did you mean “{near.text}” (at {near.start}:{near.end})?"
                if near is not None
                else "; nothing in the text comes close (filmlore excerpt finds a phrase)"
            )
            self.error(
                "excerpt-not-in-source",
                f"{path}.excerpt",
                f"the excerpt of {c.id} is not in the text of {source.id} (compared with "
                "whitespace collapsed and typographic quotes and dashes read as plain ones)" + hint,
            )
        elif excerpt.start is not None:
            self.add(
                Severity.WARNING,
                "excerpt-offset-mismatch",
                f"{path}.excerpt",
                f"the excerpt of {c.id} is in the text of {source.id}, but not at "
                f"{excerpt.start}:{excerpt.end}",
            )

    def _published(
        self,
        c: Claim,
        source: Source,
        film: Film,
        where: _Where,
        released: dict[int, datetime.date | None],
    ) -> None:
        assert source.published is not None
        if id(film) not in released:
            released[id(film)] = _release(film)
        first = released[id(film)]
        published = source.published.latest  # None for a date without a year
        if first is not None and published is not None and published < first:
            review = source.kind is SourceKind.REVIEW
            self.add(
                Severity.ERROR if review else Severity.WARNING,
                "source-before-release",
                f"{_path(where)}.source",
                f"{source.id} was published ({source.published}) before {film.id} came out "
                f"(its earliest known release: {first.isoformat()})"
                + (": a review cannot precede the film" if review else ""),
            )

    def _production(self, c: Claim, film: Film, path: str) -> None:
        made = c.value
        if not isinstance(made, (PartialDate, DateInterval)) or made.earliest is None:
            return
        for release in film.releases:
            latest = release.date.latest
            if latest is not None and latest < made.earliest:
                self.add(
                    Severity.WARNING,
                    "release-before-production",
                    f"{path}.value",
                    f"{film.id} was released ({release.date}) before the production date "
                    f"{made} that {c.id} gives",
                )
                return


_Where = tuple[str, int]


def _more(count: int) -> str:
    """`` (and 3 more references to it)`` for an entity referred to ``count`` times."""
    if count == 1:
        return ""
    others = count - 1
    return f" (and {others} more reference{'s' if others != 1 else ''} to it)"


def _chain(values: list[str], most: int = 12) -> str:
    """``'Milan' → 'Lombardy' → 'Milan'``; a long chain with its middle counted, not shown."""
    shown = [repr(v) for v in values]
    if len(shown) > most:
        head, tail = most // 2, most // 2 - 1
        hidden = len(shown) - head - tail
        shown = [*shown[:head], f"… {hidden} more …", *shown[-tail:]]
    return " → ".join(shown)


def _cycles(parents: dict[str, list[tuple[str, int]]]) -> list[tuple[list[str], int]]:
    """The cycles of a graph of child → parent links, one per link that closes one, in the
    order of those links.

    A depth-first search from each value in the order the values first appear, following
    each value's links in dossier order: a link to a value still on the search's path
    closes a cycle, reported with the values along it (the first repeated at the end) and
    the index of that link.  Dropping every reported link leaves no cycle.  Iterative, so
    that a deep hierarchy does not exhaust the stack.
    """
    found: list[tuple[list[str], int]] = []
    state: dict[str, int] = {}  # 1: on the path being searched; 2: done
    for start in parents:
        if start in state:
            continue
        path = [start]
        state[start] = 1
        stack = [iter(parents.get(start, ()))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            parent, index = step
            seen = state.get(parent)
            if seen is None:
                state[parent] = 1
                path.append(parent)
                stack.append(iter(parents.get(parent, ())))
            elif seen == 1:
                found.append(([*path[path.index(parent) :], parent], index))
    return sorted(found, key=lambda cycle: cycle[1])


def _path(where: _Where) -> str:
    return f"$.{where[0]}[{where[1]}]"


def _film_of(subject: Any, index: dict[tuple[str, str], Any]) -> Film | None:
    if isinstance(subject, Film):
        return subject
    if isinstance(subject, (Character, Credit, Scene, Quote)):
        found = index.get((subject.film.kind, subject.film.key))
        return found if isinstance(found, Film) else None
    return None


def _release(film: Film) -> datetime.date | None:
    """The first day the film came out: the earliest of its releases, or without any, the
    first day of its year."""
    days = [d for d in (r.date.earliest for r in film.releases) if d is not None]
    if days:
        return min(days)
    return None if film.year is None else datetime.date(film.year, 1, 1)


def validate(dossier: Dossier) -> list[Issue]:
    """Every cross-record issue of ``dossier``, in one pass over each list (linear time).

    Issues come grouped by rule, in dossier order within each; see the module docstring for
    the codes and their severities.
    """
    checker = _Checker(dossier)
    with bulk():
        checker.ids()
        checker.people()
        checker.characters()
        checker.credits()
        checker.scenes()
        checker.quotes()
        checker.sources()
        checker.claims()
        checker.absent()
        checker.hierarchy()
    return checker.issues
