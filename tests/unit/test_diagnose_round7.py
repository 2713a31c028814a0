"""Diagnosis, round 7: the line's own pattern for a lost term, bounds carried from the line before,
fractions over 1, stray size commands, squares of norms, and the prefilter on matrices."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    # a polynomial written by indexed coefficients lost a degree: the lost term is written as the
    # line writes its neighbours, not as the line before wrote it
    (r"(r_2 z^2 + r_1 z + r_0) + (s_2 z^2 + s_1 z + s_0)", r"(r_2 + s_2)z^2 + (r_0 + s_0)", "dropped_term",
     r"(r_2 + s_2)z^2 + (r_1 + s_1)z + (r_0 + s_0)"),
    (r"(r_2 z^2 + r_1 z + r_0) + (0z^2 + 0z + 0)", r"(r_2 + 0)z^2 + (r_1 + 0)z", "dropped_term",
     r"(r_2 + 0)z^2 + (r_1 + 0)z + (r_0 + 0)"),
    (r"k(c_3 u^3 + c_2 u^2 + c_1 u + c_0)", r"kc_3 u^3 + kc_1 u + kc_0", "dropped_term",
     r"kc_3 u^3 + kc_2 u^2 + kc_1 u + kc_0"),
    (r"\mu(c_2 u^2 + c_1 u + c_0)", r"\mu c_2 u^2 + \mu c_1 u", "dropped_term",
     r"\mu c_2 u^2 + \mu c_1 u + \mu c_0"),
    # a lost term that is a sibling of one the line rewrote, with one letter renamed
    (r"\langle \mathbf{p},\mathbf{p}\rangle + \langle \mathbf{p},\mathbf{q}\rangle"
     r" + \langle \mathbf{q},\mathbf{p}\rangle + \langle \mathbf{q},\mathbf{q}\rangle",
     r"\|\mathbf{p}\|^2 + 2\langle \mathbf{p},\mathbf{q}\rangle", "dropped_term",
     r"\|\mathbf{p}\|^2 + 2\langle \mathbf{p},\mathbf{q}\rangle + \|\mathbf{q}\|^2"),
    (r"\langle \mathbf{p}+\mathbf{q},\mathbf{p}+\mathbf{q}\rangle",
     r"\langle \mathbf{p},\mathbf{p}\rangle + \langle \mathbf{p},\mathbf{q}\rangle + \langle \mathbf{q},\mathbf{p}\rangle",
     "dropped_term",
     r"\langle \mathbf{p},\mathbf{p}\rangle + \langle \mathbf{p},\mathbf{q}\rangle + \langle \mathbf{q},\mathbf{p}\rangle"
     r" + \langle \mathbf{q},\mathbf{q}\rangle"),
    # a limit point or a bound that changed between the lines is the slip, whatever else would repair it
    (r"\lim_{h\rightarrow 0} \frac{(2+h)^2-4}{h}", r"\lim_{h\rightarrow 3} \frac{4h+h^2}{h}", "arithmetic",
     r"\lim_{h\rightarrow 0} \frac{4h+h^2}{h}"),
    (r"\int_{0}^{1} 3x^2\,dx", r"\int_{2}^{1} 3x^2\,dx", "arithmetic", r"\int_{0}^{1} 3x^2\,dx"),
    # a fraction over 1 is turned over before the sign of its logarithm is flipped
    (r"\log\left[\frac{1}{q}\right] + \log p", r"\log\left[\frac{q}{1}\right] + \log p", "reciprocal",
     r"\log\left[\frac{1}{q}\right] + \log p"),
    # nobody squares an exponential by its command: the constant in its exponent is the slip
    (r"\exp\left(-\left[t^{2}+s^{2}\right]/2\right)\exp\left(ts\right)",
     r"\exp\left(-\left[(t-s)^{2}/4\right]\right)", "arithmetic", r"\exp\left(-\left[(t-s)^{2}/2\right]\right)"),
    # a norm lost its square
    (r"\sum_{i=1}^{n} w_i \|y_i - m\|^{2}", r"\sum_{i=1}^{n} w_i \|y_i - m\|", "exponent",
     r"\sum_{i=1}^{n} w_i \|y_i - m\|^{2}"),
    # a lost positive constant goes first when the line would otherwise begin with a minus
    (r"\left.t-e^{-t}\right]_{0}^{1}", r"-e^{-1}", "dropped_term", r"2 -e^{-1}"),
    # a digit typed after a size command is deleted alone: the size command stays with its bracket
    (r"\lim_{t\to3} t\cdot t", r"\bigl2( \lim_{t\to3} t\bigr)\cdot \bigl( \lim_{t\to3} t\bigr)", "constant_factor",
     r"\bigl( \lim_{t\to3} t\bigr)\cdot \bigl( \lim_{t\to3} t\bigr)"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


@pytest.mark.parametrize("lhs,rhs", [
    (r"(r_2 z^2 + r_1 z + r_0) + (s_2 z^2 + s_1 z + s_0)", r"(r_2 + s_2)z^2 + (r_1 + s_1)z + (r_0 + s_0)"),
    (r"\langle \mathbf{p}+\mathbf{q},\mathbf{p}+\mathbf{q}\rangle",
     r"\|\mathbf{p}\|^2 + 2\langle \mathbf{p},\mathbf{q}\rangle + \|\mathbf{q}\|^2"),
    (r"\lim_{h\rightarrow 0} \frac{(2+h)^2-4}{h}", r"\lim_{h\rightarrow 0} (4+h)"),
    (r"\int_{0}^{1} 3x^2\,dx + \int_{1}^{2} 3x^2\,dx", r"\int_{0}^{2} 3x^2\,dx"),
])
def test_a_correct_step_stays_verified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED and verdict.diagnosis is None


def test_a_polynomial_gap_is_proposed_only_where_it_repairs_the_step():
    """The line skips a degree, but the slip is a coefficient: the renumbered term would not repair it."""
    d = check_step(r"(r_2 z^2 + r_0) + (s_2 z^2 + s_0)", r"(r_2 + s_2)z^2 + (r_0 + 3s_0)", "=").diagnosis
    assert d is not None and (d.kind, d.suggestion) == ("constant_factor", r"(r_2 + s_2)z^2 + (r_0 + s_0)")


def test_a_bound_the_line_before_writes_twice_is_not_guessed():
    """Two different lower bounds on the line before: which one was meant is not for this edit to say."""
    from lintmath.check import parse_step
    from lintmath.comparator import Comparator
    from lintmath.diagnose import Context, carried_bounds

    parsed = parse_step(r"\int_{0}^{1} x\,dx + \int_{1}^{2} x\,dx", r"\int_{3}^{2} x\,dx", {})
    ctx = Context(Comparator(parsed, "=", 0), parsed, r"\int_{3}^{2} x\,dx", r"\int_{0}^{1} x\,dx + \int_{1}^{2} x\,dx")
    assert [c.edit for c in carried_bounds(ctx)] == []


def test_the_prefilter_compares_matrices_entry_by_entry():
    """A matrix candidate that differs in one entry is rejected without the full comparison; one that
    agrees is left to it."""
    from lintmath.check import parse_step
    from lintmath.comparator import Comparator
    from lintmath.diagnose import Prefilter

    lhs = r"\begin{bmatrix} \cos a \cos b - \sin a \sin b \\ \sin a \cos b + \cos a \sin b \end{bmatrix}"
    parsed = parse_step(lhs, r"\begin{bmatrix} \cos(a+b) \\ \cos(a+b) \end{bmatrix}", {})
    quick = Prefilter(Comparator(parsed, "=", 0), parsed.lhs, parsed.rhs)
    assert quick.rejects(parsed.rhs, frozenset())
    right = parse_step(lhs, r"\begin{bmatrix} \cos(a+b) \\ \sin(a+b) \end{bmatrix}", {}).rhs
    assert not quick.rejects(right, frozenset())


def test_a_matrix_step_is_diagnosed():
    lhs = r"\begin{bmatrix} \cos a \cos b - \sin a \sin b \\ \sin a \cos b + \cos a \sin b \end{bmatrix}"
    d = check_step(lhs, r"\begin{bmatrix} \cos(a+b) \\ \cos(a+b) \end{bmatrix}", "=").diagnosis
    assert d is not None and (d.kind, d.suggestion) == (
        "wrong_function", r"\begin{bmatrix} \cos(a+b) \\ \sin(a+b) \end{bmatrix}")


def test_a_renamed_sibling_is_written_through_the_authors_macros():
    """Letters that came out of a macro's body have no offsets of their own: the copy renames them
    where the text writes them as whole words (not the ``v`` of ``\\vec``), and goes last, as the
    line before writes the renamed letter after the one it replaces."""
    from lintmath.model import Macro

    macros = {r"\ip": Macro(r"\ip", 2, r"\langle #1, #2\rangle"), r"\vec": Macro(r"\vec", 1, r"\mathbf{#1}")}
    lhs = r"\ip{\vec{p}+\vec{q}}{\vec{p}+\vec{q}}"
    rhs = r"\ip{\vec{p}}{\vec{p}} + \ip{\vec{p}}{\vec{q}} + \ip{\vec{q}}{\vec{p}}"
    d = check_step(lhs, rhs, "=", macros=macros).diagnosis
    assert d is not None and (d.kind, d.suggestion) == ("dropped_term", rhs + r" + \ip{\vec{q}}{\vec{q}}")
