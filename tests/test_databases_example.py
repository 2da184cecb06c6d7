"""The cross-database example: eight real data sets' rows of a handful of films, imported,
matched and reconciled (``make demo`` runs it)."""

from __future__ import annotations

import sys
import warnings

import pytest

import filmlore
from filmlore import FactStatus
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "examples"))
import databases_demo


@pytest.fixture(scope="module")
def joined() -> filmlore.Matching:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", filmlore.DataWarning)
        return filmlore.match(*databases_demo.import_all())


def test_every_film_of_the_example_is_one_film(joined: filmlore.Matching) -> None:
    films = {f.id.key: f for f in joined.dossier.films}
    # Heat, Toy Story, The Usual Suspects, Titanic, The Matrix, The Heat by IMDb id; Heat
    # (1986) by title and year (only one data set holds it); one film of IMDb's sample.
    assert set(films) == {
        "tt0113277", "tt0114709", "tt0114814", "tt0120338", "tt0133093", "tt2404463",
        "heat-1986", "tt1754912",
    }  # fmt: skip
    assert joined.ambiguous == ()
    assert films["tt0113277"].ids.tmdb == filmlore.TmdbId(949)


def test_the_databases_agree_and_disagree_as_their_rows_say(joined: filmlore.Matching) -> None:
    result = filmlore.reconcile(joined.dossier)
    heat = result.fact("film:tt0113277", "duration")
    assert heat is not None
    assert heat.printed == "170 min"
    assert heat.status is FactStatus.AGREED
    assert len(heat.sources) == 3  # TMDb, the Movie Industry file, IMDb's Top 1000
    toy = result.fact("film:tt0114709", "duration")
    assert toy is not None
    assert toy.printed == "81 min"
    assert toy.status is FactStatus.RESOLVED
    assert [d.value_text for d in toy.dissenters] == ["74 min"]  # IMDB 5000's
    assert [i for i in filmlore.validate(joined.dossier) if i.severity.name == "ERROR"] == []


def test_the_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", filmlore.DataWarning)
        assert databases_demo.main() == 0
    out = capsys.readouterr().out
    assert "Heat (1995) — film:tt0113277" in out
    assert "74 min  against  IMDB 5000" in out
