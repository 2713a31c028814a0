"""Red team of quantum-mechanics lecture notes (round 17): a commutator of operators whose matrices
the prose defines ([\\sigma_x, \\sigma_z] expanded with the Pauli matrices of a display above) keeps the
commutator reading once a definition is put in, so a letter left undefined is an operator, not a
scalar that makes the bracket vanish, and the reading, which only verifies, refutes nothing; wrong
matrix arithmetic written out in full is still refuted."""
from __future__ import annotations

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text

_PAULI = r"""\documentclass{article}
\usepackage{amsmath}
\begin{document}
The spin matrices are
\[
\sigma_x = \begin{pmatrix} 0 & 1 \\ 1 & 0\end{pmatrix},\quad
\sigma_z = \begin{pmatrix} 1 & 0 \\ 0 & -1\end{pmatrix}.
\]
Their commutator:
\begin{align}
[\sigma_x,\sigma_z] &= %s \\
&= %s .
\end{align}
\end{document}
"""


def _findings(first: str, second: str) -> tuple:
    return check_text(_PAULI % (first, second), "notes.tex", Config(jobs=0)).findings


def test_commutator_with_defined_matrix_is_no_false_alarm() -> None:
    # \sigma_x \sigma_z - \sigma_z \sigma_x, written out: correct, and \sigma_x must not be read as a scalar
    first = r"\begin{pmatrix} 0 & -1 \\ 1 & 0\end{pmatrix} - \begin{pmatrix} 0 & 1 \\ -1 & 0\end{pmatrix}"
    assert not _findings(first, r"\begin{pmatrix} 0 & -2 \\ 2 & 0\end{pmatrix}")


def test_commutator_vanishing_is_not_verified_by_a_scalar_reading() -> None:
    # with \sigma_x read as a scalar, [\sigma_x, \sigma_z] = 0 would hold vacuously
    body = _PAULI % ("0", "0")
    steps = check_text(body, "notes.tex", Config(jobs=0)).steps
    assert steps[0].verdict.status.value != "verified"


def test_wrong_matrix_product_is_refuted() -> None:
    lhs = r"\begin{pmatrix} 0 & 1 \\ 1 & 0\end{pmatrix}\begin{pmatrix} 1 & 0 \\ 0 & -1\end{pmatrix}"
    assert check_step(lhs, r"\begin{pmatrix} 0 & 1 \\ 1 & 0\end{pmatrix}", "=").status.value == "refuted"
    assert check_step(lhs, r"\begin{pmatrix} 0 & -1 \\ 1 & 0\end{pmatrix}", "=").status.value == "verified"


def test_generic_commutator_expansion_still_verifies() -> None:
    assert check_step("[A, BC]", "B[A, C] + [A, B]C", "=").status.value == "verified"
    assert check_step("[A, BC]", "B[A, C] - [A, B]C", "=").status.value != "refuted"


def _reads_as_braced(bare: str, braced: str) -> None:
    mine, theirs = (check_step(*side.split(" = "), "=") for side in (bare, braced))
    assert (mine.status, mine.reason) == (theirs.status, theirs.reason)


def test_brace_less_ket_reads_as_the_braced_one() -> None:
    # \ket n, \ket0, \bra\psi: TeX's one-token argument, read as \ket{n}
    _reads_as_braced(r"X\ket0 = \ket1", r"X\ket{0} = \ket{1}")
    _reads_as_braced(r"a^\dagger a\ket n = n\ket n", r"a^\dagger a\ket{n} = n\ket{n}")
    _reads_as_braced(r"\bra n a\ket n = 0", r"\bra{n} a\ket{n} = 0")


def test_brace_less_ket_correct_gate_verified_and_slip_not() -> None:
    assert check_step(r"X\ket0", r"\ket1", "=").status.value == "verified"
    assert check_step(r"X\ket0", r"\ket0", "=").status.value != "verified"


def test_brace_less_ket_takes_one_digit_only() -> None:
    # \ket 10 is |1>0 in TeX, not |10>: not read as the label 10
    verdict = check_step(r"\ket 10", r"\ket{10}", "=")
    assert verdict.status.value != "verified"
