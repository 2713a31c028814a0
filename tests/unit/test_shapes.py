"""Letter shapes that a typo in the new line disturbs: the step is still refuted and diagnosed when the
readings that can be built agree it is wrong, and a small edit repairs it; otherwise it stays unverified."""
import pytest

from lintmath.check import check_step, parse_step
from lintmath.comparator import Comparator
from lintmath.diagnose import unreadable
from lintmath.lower import shapes_of_side
from lintmath.model import Status

# (previous line, new line with one typo, kind, the new line as it should read)
TYPOS = [
    # y is a vector only in the reading where x^T y is a number; the default reading cannot be built
    ("(1 + x^T y)^2", "1 + 3x^T y + (x^T y)^2", "arithmetic", "1 + 2x^T y + (x^T y)^2"),
    ("(1 + x^T y)^2", "1 + 2x^T y - (x^T y)^2", "sign_flip", "1 + 2x^T y + (x^T y)^2"),
    # the new line transposes a number of the line before: its shapes make the line before unreadable
    ("a x + b", "x^T a + 2b", "constant_factor", "x^T a + b"),
]


@pytest.mark.parametrize("lhs,rhs,kind,fixed", TYPOS)
def test_a_typo_beside_unreadable_shapes_is_diagnosed(lhs, rhs, kind, fixed):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis.kind == kind
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(fixed.split())
    assert verdict.guessed  # the shapes were read, not given


def test_the_shapes_of_the_line_before_are_named_as_a_guess():
    verdict = check_step("a x + b", "x^T a + 2b", "=")
    assert any("line before" in g for g in verdict.guessed)


def test_without_a_small_edit_the_step_stays_unverified():
    assert check_step("(1 + x^T y)^2", "(x^T y)^3 + 7 x^T y - 5", "=").status is Status.UNVERIFIED


def test_a_correct_step_with_an_unreadable_default_reading_is_verified():
    assert check_step("(1 + x^T y)^2", "1 + 2x^T y + (x^T y)^2", "=").status is Status.VERIFIED


def test_the_shapes_of_one_side():
    parsed = parse_step("a x + b", "x^T a", {})
    assert "x" in parsed.letters.vectors
    left = shapes_of_side(parsed.letters, parsed.lhs)
    assert not left.vectors and not left.candidates
    assert left.index == parsed.letters.index  # only the shapes change
    assert unreadable(Comparator(parsed, "=", 0), parsed.lhs)
    assert not unreadable(Comparator(parsed, "=", 0), parsed.rhs)


def test_an_adjoint_is_a_transpose_of_a_real_matrix_and_undecided_otherwise():
    from lintmath.check import check_step
    from lintmath.model import Status

    assert check_step(r"\mathbf{x}^\dagger \mathbf{A} \mathbf{x}", r"\mathbf{x}^T \mathbf{A}^T \mathbf{x}",
                      "=").status is Status.VERIFIED
    # ladder operators do not commute: a a^\dagger = a^\dagger a + 1, which numbers would refute
    for rhs in (r"a^\dagger a + 1", r"a^\dagger a"):
        assert check_step(r"a a^\dagger", rhs, "=").status is Status.UNVERIFIED
