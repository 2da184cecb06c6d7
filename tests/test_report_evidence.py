"""The words a claim rests on, as a report shows them: a data set's row as its fields, a
text's excerpt in quotation marks -- never doubled."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from filmlore import EntityRef, Excerpt, Source, SourceKind
from filmlore.report._evidence import csv_rows, excerpt_fields, quoted

#: A saved table: a header row over its data row, then a second table of credits.
TABLE = (
    "budget,genres,id,runtime,title\n"
    "60000000,\"[{'id': 28, 'name': 'Action'}, {'id': 80, 'name': 'Crime'}]\",949,170.0,Heat\n"
    "cast,id\n"
    "\"[{'character': 'Nate', 'name': 'Jon Voight', 'order': 3}]\",949\n"
)


def _database(text: str = TABLE) -> Source:
    return Source(id=EntityRef("source", "db"), kind=SourceKind.DATABASE, text=text)


def test_an_excerpt_across_cells_names_each_column() -> None:
    """``,949,170.0,`` is the id and the runtime of the row."""
    assert excerpt_fields(Excerpt(text=",949,170.0,"), _database()) == (
        None,
        (("id", "949"), ("runtime", "170.0")),
    )


def test_a_record_inside_a_cell_names_its_keys_under_the_column() -> None:
    """A dict in the ``genres`` cell reads as ``genres.id = 80; genres.name = Crime``."""
    where, fields = excerpt_fields(Excerpt(text="{'id': 80, 'name': 'Crime'}"), _database())
    assert fields == (("genres.id", "80"), ("genres.name", "Crime"))
    assert where is None


def test_a_record_without_its_braces_is_read_too() -> None:
    """The inside of a record, as a claim quotes a cast member, under the second header."""
    excerpt = Excerpt(text="'character': 'Nate', 'name': 'Jon Voight'")
    assert excerpt_fields(excerpt, _database())[1] == (
        ("cast.character", "Nate"),
        ("cast.name", "Jon Voight"),
    )


def test_part_of_a_long_cell_is_marked_as_a_part() -> None:
    """Words from inside a cell keep ellipses where the cell goes on."""
    text = 'title,overview\nHeat,"A thief, a detective, and the city."\n'
    fields = excerpt_fields(Excerpt(text="a detective"), _database(text))[1]
    assert fields == (("overview", "…a detective…"),)


def test_a_locator_names_the_field() -> None:
    """An imported claim's ``file:line$.path`` gives the field and the row."""
    excerpt = Excerpt(text="170", locator="movies.csv:7$.runtime")
    assert excerpt_fields(excerpt, None) == ("movies.csv:7", (("runtime", "170"),))


def test_what_cannot_be_placed_in_one_row_is_left_as_it_is() -> None:
    """Words across two rows, words found twice meaning different things, a text without
    a header row, and any source that is not a database: no fields."""
    assert excerpt_fields(Excerpt(text="Heat\ncast"), _database())[1] == ()
    twice = "a,b\n1,2\nc,d\n1,2\n"
    assert excerpt_fields(Excerpt(text="1,2"), _database(twice))[1] == ()
    prose = _database("It runs 170 minutes.")
    assert excerpt_fields(Excerpt(text="170 minutes"), prose)[1] == ()
    blog = Source(id=EntityRef("source", "b"), kind=SourceKind.BLOG, text=TABLE)
    assert excerpt_fields(Excerpt(text=",949,170.0,"), blog)[1] == ()


cells = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\0"))


@given(st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=5))
def test_csv_rows_read_what_the_csv_module_writes(rows: list[list[str]]) -> None:
    """Every cell reads back as written, and its offsets span its words in the text."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    text = buffer.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline="")))
    read = csv_rows(text)
    assert [[c.value for c in row] for row in read] == expected
    for row in read:
        for cell in row:
            assert text[cell.start : cell.end].replace('""', '"') == cell.value


@given(st.text(min_size=1))
def test_quoted_never_doubles_a_quotation_mark(words: str) -> None:
    """Quoting adds an opening and a closing mark only where the words have none."""
    shown = quoted(words)
    assert words in shown
    assert not shown.startswith(("““", '“"', "“„", "“«", "“‘", "“'"))
    assert not shown.endswith(("””", '"”', "»”", "’”", "'”"))
    assert len(shown) - len(words) <= 2
