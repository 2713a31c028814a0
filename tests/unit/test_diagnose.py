"""Diagnosis tests: a refuted step, the kind of mistake named, and the suggested line in the author's text."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

# (previous line, wrong new line, kind, suggested new line)
CASES = [
    ("(a-b)^2", "a^2 + 2ab + b^2", "sign_flip", "a^2 - 2ab + b^2"),
    (r"\frac{d}{dx}\cos x", r"\sin x", "sign_flip", r"-\sin x"),
    ("a^2 + 2ab + b^2", "a^2 + b^2", "dropped_term", "a^2 + 2ab + b^2"),
    ("a^2 + 2ab + b^2", "2ab + b^2", "dropped_term", "a^2 + 2ab + b^2"),
    ("a^2 - 2ab + b^2", "a^2 + b^2", "dropped_term", "a^2 - 2ab + b^2"),
    ("(x+1)^2 - x^2", "2x + 1 + x", "dropped_term", "2x + 1"),
    (r"4p - 2 + p - p", "4p", "dropped_term", "4p - 2"),
    # a missing term the line before does not spell out: from the difference of the two sides ...
    (r"\frac{d}{d\theta} \theta^9(1-\theta)^4", r"- 4\theta^9(1-\theta)^3", "dropped_term",
     r"9\theta^8 (1 - \theta)^4 - 4\theta^9(1-\theta)^3"),
    (r"(-5-\lambda)(4-\lambda) + 14", r"\lambda^2 - 6", "dropped_term", r"\lambda^2 + \lambda - 6"),
    (r"\log\left[\frac{\lambda^{k}e^{-\lambda}}{k!}\right]", r"-\lambda-\log\left(k!\right)", "dropped_term",
     r"k \log \lambda -\lambda-\log\left(k!\right)"),
    # ... or from a term of this line with the letters that vanished put back
    (r"(af+bg)((1-\theta)x+\theta y)", r"af((1-\theta)x+\theta y)", "dropped_term",
     r"af((1-\theta)x+\theta y) + bg((1-\theta)x+\theta y)"),
    # the lost constant goes where the line before writes its constant: first here, last by default
    (r"\frac{1}{2} - \frac{15}{16}(x^2-\frac{1}{3})", r"- \frac{15}{16}x^2", "dropped_term",
     r"\frac{13}{16} - \frac{15}{16}x^2"),
    (r"(x-1)(x+2) + 4", r"x^2 + x", "dropped_term", r"x^2 + x + 2"),
    # an expansion writes a term and its twin with two letters exchanged; the lost twin goes where
    # the line before writes the letter it starts with, not the factor 2 on the one left
    (r"(p+q)^T(p+q)", r"p^Tp + q^Tp + q^Tq", "dropped_term", r"p^Tp + p^Tq + q^Tp + q^Tq"),
    (r"\langle su, su+w\rangle + \langle w, su+w\rangle", r"s^2\langle u,u\rangle + s\langle w,u\rangle + \langle w,w\rangle",
     "dropped_term", r"s^2\langle u,u\rangle + s\langle u,w\rangle + s\langle w,u\rangle + \langle w,w\rangle"),
    # ... but ``ba`` next to ``ab`` is only a factor 2
    ("(c+d)^2", "c^2 + cd + d^2", "constant_factor", "c^2 + 2cd + d^2"),
    ("(a+b)^2", "a^2 + ab + b^2", "constant_factor", "a^2 + 2ab + b^2"),
    ("x^2 + x", "2x^2 + x", "constant_factor", "x^2 + x"),
    (r"\frac{1}{2}x^2 + x", "x^2 + x", "constant_factor", r"\frac{1}{2}x^2 + x"),
    (r"\frac{d}{dx} e^{2x}", "e^{2x}", "constant_factor", "2e^{2x}"),
    (r"\frac{d}{dx} x^3", "3x^3", "exponent", "3x^2"),
    (r"\frac{d}{dx} x^3", "3x", "exponent", "3x^2"),
    (r"x^{n} x", "x^{n}", "exponent", "x^{n+1}"),
    (r"\frac{d}{dx} \sin^3 x", r"3\sin^3 x \cos x", "exponent", r"3\sin^2 x \cos x"),
    (r"\sum_i w_i x_i", r"\sum_i w_i x_j", "changed_variable", r"\sum_i w_i x_i"),
    (r"\frac{\partial}{\partial w_j} \sum_k w_k x_k", "x_k", "changed_variable", "x_j"),
    ("a(b + c) + c", "ab + ac + a", "changed_variable", "ab + ac + c"),
    (r"\frac{a}{b} \cdot c", r"\frac{b}{a} \cdot c", "reciprocal", r"\frac{a}{b} \cdot c"),
    (r"\frac{d}{dx}\log x", "x", "reciprocal", r"\frac{1}{x}"),
    (r"a \cdot a^{-1} \cdot b", r"b^{-1}", "reciprocal", "b"),
    (r"\frac{d}{dx}\sin x", r"\sin x", "wrong_function", r"\cos x"),
    (r"\frac{d}{dx} \exp x", r"\log x", "wrong_function", r"\exp x"),
    (r"\frac{d}{dz}\sigma(z)", r"\sigma(z)\sigma(z)", "wrong_function", r"(1-\sigma(z))\sigma(z)"),
    ("(x+1)(x+2)", "x^2 + 3x + 3", "arithmetic", "x^2 + 3x + 2"),
    ("(a+b)^2", "a^2 + 4ab + b^2", "arithmetic", "a^2 + 2ab + b^2"),
    (r"3 \cdot 7", "12", "arithmetic", "21"),
    # a wrong constant under a division: the residual is far from linear in it
    (r"10\left(1+(x-1)^{10}\right)^{-1}(x-1)^9", r"\frac{10(x-1)^9}{3+(x-1)^{10}}", "arithmetic",
     r"\frac{10(x-1)^9}{1+(x-1)^{10}}"),
    # a wrong entry of a matrix is solved for in its own entry
    (r"\begin{bmatrix}1 & 0 \\ 0 & 0\end{bmatrix} + \begin{bmatrix} 0 & 0 \\ 0 & 1 \end{bmatrix}",
     r"\begin{bmatrix} 3 & 0 \\ 0 & 1 \end{bmatrix}", "arithmetic", r"\begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"),
    (r"\frac{x}{2} + \frac{x}{2}", r"\frac{x}{3} + \frac{x}{2}", "arithmetic", r"\frac{x}{2} + \frac{x}{2}"),
    # a term that took quantities with it, put back as the line writes its terms (a bracketed group)
    (r"(p_2 y^2 + p_1 y + p_0) + (q_2 y^2 + q_1 y + q_0)", r"(p_2 + q_2)y^2 + (p_1 + q_1)y", "dropped_term",
     r"(p_2 + q_2)y^2 + (p_1 + q_1)y + (p_0 + q_0)"),
    # refuted in one reading of the notation, undecided in another (e as a variable): the edit decides
    (r"a^k", r"e^{k \ln k}", "changed_variable", r"e^{k \ln a}"),
    # the line lost its variable by cancelling it, not by dropping its name: any kind may repair that
    (r"\frac{d}{dt}\tan t", r"\frac{d}{dt}\frac{\cos t}{\cos t}", "wrong_function", r"\frac{d}{dt}\frac{\sin t}{\cos t}"),
    # deleting a coefficient keeps the operator written after it (a cross product stays one)
    (r"(\mathbf{p}+\mathbf{q}) \times \mathbf{r}", r"\mathbf{p}\times \mathbf{r} + 3\mathbf{q}\times \mathbf{r}",
     "constant_factor", r"\mathbf{p}\times \mathbf{r} + \mathbf{q}\times \mathbf{r}"),
    # a term that is a multiple of another, written differently: its coefficient is the likelier slip
    (r"\langle \mathbf{p}+\mathbf{q}, \mathbf{p}+\mathbf{q}\rangle",
     r"\langle \mathbf{p},\mathbf{p}\rangle + 2\langle \mathbf{p},\mathbf{q}\rangle + \langle \mathbf{q},\mathbf{p}\rangle"
     r" + \langle \mathbf{q},\mathbf{q}\rangle", "constant_factor",
     r"\langle \mathbf{p},\mathbf{p}\rangle + \langle \mathbf{p},\mathbf{q}\rangle + \langle \mathbf{q},\mathbf{p}\rangle"
     r" + \langle \mathbf{q},\mathbf{q}\rangle"),
    (r"(t^3)' \cdot t + t^3 \cdot (t)'", r"4t^2 \cdot t + t^3 \cdot 1", "arithmetic", r"3t^2 \cdot t + t^3 \cdot 1"),
    # ... but the same term written twice is a term too many
    ("(y+2)^2 - y^2", "4y + 4 + y", "dropped_term", "4y + 4"),
    # a numerator changed so that the fraction is no longer reduced is not the slip: the denominator is
    (r"\frac{a + b}{2}", r"\frac{1}{4}(a + b)", "arithmetic", r"\frac{1}{2}(a + b)"),
    # ... nor a value three times off next to one a little off
    (r"\frac{1}{\sqrt{5}} \cdot y", r"\frac{1}{\sqrt{5}} \cdot 2y", "arithmetic", r"\frac{1}{\sqrt{5}} \cdot 1y"),
    # a fraction over 1 is the one upside down
    (r"\frac{1}{3}u + \frac{1}{3}u", r"\frac{1}{3}u + \frac{3}{1}u", "reciprocal", r"\frac{1}{3}u + \frac{1}{3}u"),
    # the function put back is spelled as the author spells it, and an exponent written as they write them
    (r"\frac{d}{dz} \ln z \cdot z", r"\exp z + 1", "wrong_function", r"\ln z + 1"),
    (r"(k^{2})^{2}", r"k^{3}", "exponent", r"k^{4}"),
    (r"\frac{d}{dk}k^{5}", r"5k^{5}", "exponent", r"5k^{4}"),
    (r"(k^{10})'", r"10k^{10}", "exponent", r"10k^9"),
    # of two renames that repair the step, the one whose surroundings the line before writes
    (r"\frac{(3+hy)^2-9}{hy}", r"6+hh", "changed_variable", r"6+hy"),
    # a lost vector put back in a copy of a term of the line
    (r"(\mathbf{p}+\mathbf{q}) \cdot \mathbf{r}", r"\mathbf{p} \cdot \mathbf{r}", "dropped_term",
     r"\mathbf{p} \cdot \mathbf{r} + \mathbf{q} \cdot \mathbf{r}"),
]


@pytest.mark.parametrize("lhs,rhs,kind,suggestion", CASES)
def test_diagnosis(lhs, rhs, kind, suggestion, diagnosed):
    assert diagnosed(lhs, rhs) == (kind, suggestion)


def test_a_term_from_the_difference_spells_letters_as_the_author_does():
    from lintmath.model import Macro

    macros = {r"\ev": Macro(r"\ev", 0, r"\lambda")}
    d = check_step(r"(3-\ev)(2-\ev) - 2", r"\ev^2 + 4", "=", macros=macros).diagnosis
    assert (d.kind, d.suggestion) == ("dropped_term", r"\ev^2 - 5\ev + 4")


def test_the_span_is_the_term_to_change():
    rhs = r"\frac{t_j}{o_j} + \frac{1-t_j}{1-o_j}"
    d = check_step(r"-\left(\frac{t_j}{o_j} - \frac{1-t_j}{1-o_j}\right)", rhs, "=").diagnosis
    assert rhs[d.start:d.end] == r"\frac{t_j}{o_j}" == d.term


def test_a_dropped_term_names_the_missing_term():
    d = check_step("a^2 + 2ab + b^2", "a^2 + b^2", "=").diagnosis
    assert d.term == "2ab" and "2ab" in d.detail


def test_an_edit_keeps_the_size_command_of_a_bracket():
    d = check_step(r"\left(a+b\right)^2", r"2\left(a+b\right)^2", "=").diagnosis
    assert d.kind == "constant_factor" and d.suggestion == r"\left(a+b\right)^2"


def test_nothing_simple_is_no_diagnosis():
    verdict = check_step("(x+1)(x+2)", "x^2 + 2x + 3", "=")
    assert verdict.status is Status.REFUTED and verdict.diagnosis is None


def test_a_verified_step_is_not_diagnosed():
    assert check_step("(a+b)^2", "a^2 + 2ab + b^2", "=").diagnosis is None


def test_same_input_same_diagnosis():
    one = check_step("(a+b)^2", "a^2 + ab + b^2", "=", seed=2).diagnosis
    two = check_step("(a+b)^2", "a^2 + ab + b^2", "=", seed=2).diagnosis
    assert one == two


@pytest.mark.parametrize("lhs,rhs", [("3x", "0"), ("a+b", "a+3")])
def test_a_difference_that_is_no_single_term_explains_nothing(lhs, rhs):
    """A value given in the prose (b = 3) or an equation to solve is not a dropped term."""
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED and verdict.diagnosis is None


@pytest.mark.parametrize("lhs,rhs,lost", [("x + y", "x", True), ("x + y - y", "x", False),
                                          (r"\frac{d}{dt}\tan t", r"\frac{d}{dt}\frac{\cos t}{\cos t}", False)])
def test_a_lost_quantity_limits_the_search_to_edits_that_write_it(lhs, rhs, lost):
    """Only when the left side depends on a quantity whose name the line no longer writes; the
    prefilter then rejects every candidate that does not bring it back."""
    from lintmath.check import parse_step
    from lintmath.comparator import Comparator
    from lintmath.diagnose import Prefilter

    parsed = parse_step(lhs, rhs, {})
    quick = Prefilter(Comparator(parsed, "=", 0), parsed.lhs, parsed.rhs)
    assert quick.lost_dependence() is lost
    if lost:
        assert quick.rejects(parse_step(lhs, "2x", {}).rhs, frozenset())


@pytest.mark.parametrize("lhs,rhs", [("x + y", "2x"), (r"(u - Bw)^T(u - Bw)", r"u^TB + B^Tw")])
def test_no_small_edit_leaves_a_guarded_step_unverified(lhs, rhs):
    """A step that lost a quantity, or whose shapes do not fit, is an error only with a diagnosis."""
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED and verdict.diagnosis is None


def test_a_wiped_out_numerator_is_no_arithmetic_slip():
    """``\\frac{0}{4}`` repairs a step that lost a term only by deleting another: not a diagnosis."""
    d = check_step(r"\frac{1}{4}a - \frac{1}{4}b", r"\frac{1}{4}a", "=").diagnosis
    assert d is None or "0" not in d.suggestion
