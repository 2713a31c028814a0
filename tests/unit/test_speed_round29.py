"""Speed: the prose of a document is split into sentences once, and every reader of the prose (independence,
log bases, money, ...) shares that split. The shared split must give the verdicts the readers gave when each
split the prose itself, and one document's prose must never reach another's steps."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import independence


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


INDEPENDENT = "Let $U$ and $V$ be independent random variables.\n"
UNRELATED = "Let $U$ and $V$ be random variables.\n"
PRODUCT = "\\begin{align*}\nE[UV] &= E[U] E[V]\n\\end{align*}\n"
BASE_TWO = "Here $\\log$ is the logarithm to base 2.\n"
NO_BASE = "Recall the rules of logarithms.\n"
LOG = "\\begin{align*}\n\\log 32 &= 5\n\\end{align*}\n"

LINES = (
    "Some prose % a comment that is cut",
    "ends here. A second sentence",
    "\\begin{align*}",
    "a &= b",
    "\\end{align*}",
    "",
    "A new paragraph.",
)


def test_the_shared_split_is_the_split_each_reader_made() -> None:
    fresh = independence._prose_sentences.__wrapped__(LINES)
    assert independence.prose_sentences(LINES) == fresh
    assert independence.prose_sentences(list(LINES)) == fresh  # a list of lines reads as its tuple
    assert [sentence for _, sentence in fresh] == ["Some prose  ends here.", "A second sentence", "A new paragraph."]
    assert [line for line, _ in fresh] == [2, 2, 7]


def test_the_shared_split_cannot_be_changed_by_a_reader() -> None:
    split = independence.prose_sentences(LINES)
    assert isinstance(split, tuple)
    assert independence.prose_sentences(LINES) is split  # split once


@pytest.mark.parametrize("prose, unknown, step, key", [
    (INDEPENDENT, UNRELATED, PRODUCT, "E[UV] = E[U] E[V]"),
    (BASE_TWO, NO_BASE, LOG, "\\log 32 = 5"),
])
def test_prose_read_once_gives_the_same_verdicts_document_after_document(prose: str, unknown: str, step: str,
                                                                        key: str) -> None:
    # alternating documents: a split kept from the one before must not decide the next one's steps
    for _ in range(2):
        assert _statuses(prose + step)[key] == "verified"
        assert _statuses(unknown + step)[key] == "unverified"
