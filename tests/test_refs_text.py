"""Entity references and text."""

from __future__ import annotations

import pytest
from hypothesis import given

from filmlore import EntityRef, FieldError, ParseError, Text
from filmlore.testing import entity_refs, texts


def test_ref_parse_and_print() -> None:
    """A reference reads 'kind:key' and prints it back."""
    ref = EntityRef.parse("film:heat-1995")
    assert (ref.kind, ref.key) == ("film", "heat-1995")
    assert str(ref) == "film:heat-1995"


def test_ref_bare_key_needs_a_kind() -> None:
    """A bare key is read only when the kind is given, and a wrong kind is refused."""
    assert EntityRef.parse("heat-1995", kind="film") == EntityRef("film", "heat-1995")
    with pytest.raises(ParseError):
        EntityRef.parse("heat-1995")
    with pytest.raises(ParseError, match="reference to a person"):
        EntityRef.parse("film:heat-1995", kind="person")


@pytest.mark.parametrize("text", ["movie:heat", "film:", "film:-heat", "film:heat 1995", ":x"])
def test_ref_refuses_malformed(text: str) -> None:
    """Unknown kinds and bad keys are refused with the expected form in the message."""
    with pytest.raises(ParseError, match="kind:key"):
        EntityRef.parse(text)


def test_ref_constructor_validates() -> None:
    """The constructor checks kind and key too."""
    with pytest.raises(FieldError, match=r"EntityRef\.kind"):
        EntityRef("movie", "heat")
    with pytest.raises(FieldError, match=r"EntityRef\.key"):
        EntityRef("film", "heat 1995")


def test_text_keeps_text_exactly_and_checks_lang() -> None:
    """Text keeps its string as given; language tags are checked."""
    assert Text("  Heat ").text == "  Heat "
    assert Text("Heat", lang="en-GB").lang == "en-GB"
    with pytest.raises(FieldError, match=r"Text\.lang"):
        Text("Heat", lang="English")
    with pytest.raises(FieldError, match=r"Text\.text"):
        Text(3)  # type: ignore[arg-type]


@given(entity_refs())
def test_ref_round_trip(ref: EntityRef) -> None:
    """parse(str(ref)) == ref."""
    assert EntityRef.parse(str(ref)) == ref


@given(texts())
def test_text_round_trip(text: Text) -> None:
    """Text.parse(str(t)) keeps the string (the language lives beside it)."""
    assert Text.parse(str(text)).text == text.text
