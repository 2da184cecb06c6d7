"""Typed values: partial dates, hedged quantities, identifiers, references and text.

The public names are re-exported from :mod:`filmlore`; import them from there.
"""
