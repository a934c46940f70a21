"""The trigram ``Form`` and the constants: the Python names and values are onr-core's."""

from __future__ import annotations

import inspect
import warnings

import pytest

import onr
from onr import _onr, linking, name_match, oid, trigram
from onr.trigram import Form, TrigramSet


def test_form_values_are_onr_cores_names() -> None:
    assert [f.value for f in Form] == _onr.trigram_form_names() == ["raw", "onr"]
    assert Form("onr") is Form.ONR and str(Form.RAW) == "raw"


@pytest.mark.parametrize("form", ["onr", "ONR", " onr ", Form.ONR])
def test_form_names_and_members_choose_onrs_form(form: str) -> None:
    assert TrigramSet("Äijä", form=form) == TrigramSet("aija")
    assert TrigramSet("x").similarity_to("X", form=form) == 1.0
    assert trigram.similarity_many([("Äijä", "AIJA")], form=form) == [1.0]


def test_defaults_are_unchanged() -> None:
    # TrigramSet and similarity_to: raw; similarity_many and from_texts: onr.
    assert TrigramSet("Äijä") == TrigramSet("Äijä", form="raw") != TrigramSet("Äijä", form="onr")
    assert TrigramSet("aija").similarity_to("Äijä") == TrigramSet("aija").similarity_to("Äijä", form=Form.RAW) < 1.0
    assert trigram.similarity_many([("Äijä", "aija")]) == [1.0]
    index = onr.DuplicateIndex.from_texts(["a", "b"], ["Äijälä", "aijala"])
    assert index.pairs() == [("a", "b", 1.0)]
    assert onr.DuplicateIndex.from_texts(["a", "b"], ["Äijälä", "aijala"], form="raw").pairs() == []


def test_unknown_form_is_a_similarity_error_naming_the_accepted_ones() -> None:
    with pytest.raises(onr.SimilarityError, match="expected one of: raw, onr") as e:
        TrigramSet("x", form="fmt")
    assert e.value.code == "similarity.unknown_form"
    with pytest.raises(onr.SimilarityError):
        onr.DuplicateIndex.from_texts(["a"], ["x"], form="pg")
    with pytest.raises(onr.SimilarityError):
        trigram.similarity_many([("a", "b")], form="")
    with pytest.raises(TypeError, match="form must be str"):
        TrigramSet("x", form=1)  # type: ignore[arg-type]


def test_fmt_is_a_deprecated_alias_and_not_given_with_form() -> None:
    with pytest.warns(DeprecationWarning, match="fmt= is deprecated"):
        assert TrigramSet("Äijä", fmt=True) == TrigramSet("Äijä", form="onr")
    with pytest.warns(DeprecationWarning):
        assert TrigramSet("aija").similarity_to("Äijä", fmt=True) == 1.0
    with pytest.warns(DeprecationWarning):
        assert trigram.similarity_many([("Äijä", "aija")], fmt=False) == trigram.similarity_many(
            [("Äijä", "aija")], form="raw"
        )
    with pytest.warns(DeprecationWarning):  # by position, as before
        assert trigram.similarity_many([("Äijä", "aija")], False) == [trigram.similarity("Äijä", "aija")]  # type: ignore[arg-type]
    with pytest.warns(DeprecationWarning):
        assert onr.DuplicateIndex.from_texts(["a", "b"], ["Äijälä", "aijala"], fmt=False).pairs() == []
    for call in (
        lambda: TrigramSet("x", form="onr", fmt=True),
        lambda: TrigramSet("x").similarity_to("x", form="raw", fmt=False),
        lambda: trigram.similarity_many([("a", "b")], form="onr", fmt=True),
        lambda: onr.DuplicateIndex.from_texts(["a"], ["x"], form="onr", fmt=True),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(TypeError, match="not both|together"):
                call()


def test_constants_are_onr_cores() -> None:
    assert trigram.DEFAULT_THRESHOLD == _onr.TRIGRAM_DEFAULT_THRESHOLD == 0.5
    assert name_match.THRESHOLD == _onr.NAME_MATCH_THRESHOLD == 0.85
    assert (oid.ROOT, oid.PERSON_NODE, oid.ORGANISATION_NODE) == (
        _onr.OID_ROOT,
        _onr.OID_PERSON_NODE,
        _onr.OID_ORGANISATION_NODE,
    )
    assert oid.validate("1.2.246.562.24.25909319372").node == oid.PERSON_NODE
    assert str(oid.validate("1.2.246.562.24.25909319372")).startswith(oid.ROOT + ".")
    assert linking.MAX_MASTER_QUERY == _onr.LINKING_MAX_MASTER_QUERY
    assert linking.DUPLICATE_QUERY_CHUNK == _onr.LINKING_DUPLICATE_QUERY_CHUNK


def test_signature_defaults_say_onr_cores_values() -> None:
    # The text signatures are written by hand: they must show what the functions use.
    for f in (trigram.is_similar, onr.find_duplicates, onr.DuplicateIndex.from_texts):
        assert inspect.signature(f).parameters["threshold"].default == trigram.DEFAULT_THRESHOLD
    assert inspect.signature(onr.DuplicateIndex).parameters["threshold"].default == trigram.DEFAULT_THRESHOLD
    assert trigram.is_similar(trigram.DEFAULT_THRESHOLD) and not trigram.is_similar(0.49999997)
    assert inspect.signature(oid.OidGenerator.generate).parameters["node"].default == oid.PERSON_NODE
    assert oid.OidGenerator(1).generate().node == oid.PERSON_NODE
    assert inspect.signature(TrigramSet).parameters["form"].default == Form.RAW
    assert inspect.signature(trigram.similarity_many).parameters["form"].default == Form.ONR
