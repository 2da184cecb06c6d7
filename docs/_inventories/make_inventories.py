"""Write the small offline intersphinx inventories in this folder.

The documentation links to a few names of Python, attrs and cattrs.  Builds without network
(CI) read these inventories instead of the projects' own; builds with network set
``FILMLORE_DOCS_OFFLINE=0`` and use the real ones.  Run this script after adding a name.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

PYTHON = {
    "py:class": {
        "str": "library/stdtypes.html#str",
        "int": "library/functions.html#int",
        "float": "library/functions.html#float",
        "bool": "library/functions.html#bool",
        "bytes": "library/stdtypes.html#bytes",
        "list": "library/stdtypes.html#list",
        "dict": "library/stdtypes.html#dict",
        "tuple": "library/stdtypes.html#tuple",
        "set": "library/stdtypes.html#set",
        "frozenset": "library/stdtypes.html#frozenset",
        "object": "library/functions.html#object",
        "type": "library/functions.html#type",
        "datetime.date": "library/datetime.html#datetime.date",
        "datetime.datetime": "library/datetime.html#datetime.datetime",
        "decimal.Decimal": "library/decimal.html#decimal.Decimal",
        "enum.Enum": "library/enum.html#enum.Enum",
        "enum.IntEnum": "library/enum.html#enum.IntEnum",
        "collections.abc.Iterable": "library/collections.abc.html#collections.abc.Iterable",
        "collections.abc.Iterator": "library/collections.abc.html#collections.abc.Iterator",
        "collections.abc.Mapping": "library/collections.abc.html#collections.abc.Mapping",
        "collections.abc.Sequence": "library/collections.abc.html#collections.abc.Sequence",
        "collections.abc.Callable": "library/collections.abc.html#collections.abc.Callable",
        "pathlib.Path": "library/pathlib.html#pathlib.Path",
        "os.PathLike": "library/os.html#os.PathLike",
        "typing.IO": "library/typing.html#typing.IO",
    },
    "py:exception": {
        "Exception": "library/exceptions.html#Exception",
        "ValueError": "library/exceptions.html#ValueError",
        "LookupError": "library/exceptions.html#LookupError",
        "KeyError": "library/exceptions.html#KeyError",
        "TypeError": "library/exceptions.html#TypeError",
        "ImportError": "library/exceptions.html#ImportError",
        "ExceptionGroup": "library/exceptions.html#ExceptionGroup",
    },
    "py:data": {
        "typing.Any": "library/typing.html#typing.Any",
        "typing.Union": "library/typing.html#typing.Union",
    },
    "py:function": {
        "gc.freeze": "library/gc.html#gc.freeze",
        "str": "library/stdtypes.html#str",
    },
}
ATTRS = {
    "py:function": {
        "attrs.define": "api.html#attrs.define",
        "attrs.frozen": "api.html#attrs.frozen",
        "attrs.evolve": "api.html#attrs.evolve",
    },
}
CATTRS = {
    "py:class": {
        "cattrs.Converter": "cattrs.html#cattrs.Converter",
        "cattrs.errors.ClassValidationError": "cattrs.html#cattrs.errors.ClassValidationError",
    },
}


def write(name: str, project: str, objects: dict[str, dict[str, str]]) -> None:
    """Write ``name.inv`` in the Sphinx v2 inventory format."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        "# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode()
    lines = [
        f"{obj} {role} 1 {uri} -\n"
        for role, entries in sorted(objects.items())
        for obj, uri in sorted(entries.items())
    ]
    (HERE / f"{name}.inv").write_bytes(header + zlib.compress("".join(lines).encode()))


if __name__ == "__main__":
    write("python", "Python", PYTHON)
    write("attrs", "attrs", ATTRS)
    write("cattrs", "cattrs", CATTRS)
