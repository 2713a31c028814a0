"""Notation the round's red teams found unread or misread: sums over pairs of indices (\\sum_{i<j},
\\sum_{1 \\le i < j \\le n}, \\sum_{i \\neq j}), expectations given an event (\\mathbb{E}[X \\mid Y = 1]), units with a
micro prefix (8\\,\\mu\\text{M}, \\SI{2}{\\micro\\molar}) and molar concentrations, and a quantity named by a word in
text at the head of a chain (\\text{MSY})."""
from __future__ import annotations

from itertools import combinations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


# -- sums over pairs -----------------------------------------------------------------------------------------

_BODIES = {"1": lambda i, j: 1, "i j": lambda i, j: i * j, "(i + j)": lambda i, j: i + j,
           "(j - i)": lambda i, j: j - i, "i^2 j": lambda i, j: i * i * j, "2^{i}": lambda i, j: 2 ** i}


def _pairs(lo: int, hi: int, strict: bool) -> list[tuple[int, int]]:
    return [(i, j) for i in range(lo, hi + 1) for j in range(i if not strict else i + 1, hi + 1)]


_NUMERIC = [(f"\\sum_{{{lo} \\le i {rel} j \\le {hi}}} {body}", sum(f(i, j) for i, j in _pairs(lo, hi, rel == "<")))
            for body, f in _BODIES.items() for lo, hi, rel in ((1, 3, "<"), (1, 4, "<"), (1, 5, "<"), (1, 6, "<"),
                                                               (1, 3, "\\le"), (2, 5, "\\le"), (1, 4, "\\le"),
                                                               (0, 3, "<"))]


@pytest.mark.parametrize("lhs, value", _NUMERIC)
def test_a_sum_over_pairs_with_written_bounds_is_summed(lhs: str, value: int) -> None:
    assert _status(lhs, str(value)) == "verified"


@pytest.mark.parametrize("lhs, value", _NUMERIC[::2])
def test_a_wrong_total_of_a_sum_over_pairs_is_refuted(lhs: str, value: int) -> None:
    assert _status(lhs, str(value + 1)) == "refuted"


_S, _S2 = r"\sum_{i=1}^{n} x_i", r"\sum_{i=1}^{n} x_i^2"
_PAIR_IDENTITIES = [
    (r"\sum_{1 \le i < j \le n} 1", r"\frac{n(n-1)}{2}", r"\frac{n(n+1)}{2}"),
    (r"\sum_{1 \le i < j \le n} 1", r"\binom{n}{2}", r"n^2"),
    (r"\sum_{1 \le i \le j \le n} 1", r"\frac{n(n+1)}{2}", r"\frac{n(n-1)}{2}"),
    (r"\sum_{i<j} x_i x_j", rf"\frac{{1}}{{2}}\left(\left({_S}\right)^2 - {_S2}\right)", rf"\left({_S}\right)^2 - {_S2}"),
    (r"2\sum_{i<j} x_i x_j", rf"\left({_S}\right)^2 - {_S2}", rf"\left({_S}\right)^2 + {_S2}"),
    (rf"\left({_S}\right)^2", rf"{_S2} + 2\sum_{{i<j}} x_i x_j", rf"{_S2} + \sum_{{i<j}} x_i x_j"),
    (r"\sum_{1 \le i < j \le n} (x_i - x_j)^2", rf"n {_S2} - \left({_S}\right)^2", rf"n {_S2} - 2\left({_S}\right)^2"),
    (r"\sum_{1 \le i < j \le n} (x_i + x_j)", rf"(n-1) {_S}", rf"n {_S}"),
    (r"\sum_{1 \le i < j \le n} y_i y_j", r"\sum_{i=1}^{n} \sum_{j=i+1}^{n} y_i y_j", r"\sum_{i=1}^{n} \sum_{j=i}^{n} y_i y_j"),
    (r"\sum_{1 \le i \le j \le n} y_i y_j", r"\sum_{i=1}^{n} \sum_{j=i}^{n} y_i y_j",
     r"\sum_{i=1}^{n} \sum_{j=i+1}^{n} y_i y_j"),
    (r"\sum_{1 \le i < j \le n} w_{ij}", r"\sum_{j=2}^{n} \sum_{i=1}^{j-1} w_{ij}", r"\sum_{j=1}^{n} \sum_{i=1}^{j} w_{ij}"),
    (r"\sum_{i<j} (x_i - x_j)^2", r"\frac{1}{2}\sum_{i=1}^n \sum_{j=1}^n (x_i - x_j)^2",
     r"\sum_{i=1}^n \sum_{j=1}^n (x_i - x_j)^2"),
]


@pytest.mark.parametrize("lhs, rhs, slip", _PAIR_IDENTITIES)
def test_an_identity_over_pairs_is_verified_and_its_slip_refuted(lhs: str, rhs: str, slip: str) -> None:
    assert _status(lhs, rhs) == "verified"
    assert _status(lhs, slip) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i \neq j} x_i x_j", rf"\left({_S}\right)^2 - {_S2}"),
    (r"\sum_{i \neq j} x_i x_j", r"2\sum_{i<j} x_i x_j"),
    (r"\sum_{i \neq j} a_i b_j", r"\left(\sum_{i=1}^n a_i\right)\left(\sum_{j=1}^n b_j\right) - \sum_{i=1}^n a_i b_i"),
    (r"\sum_{i \neq j} (x_i - x_j)^2", r"\sum_{i=1}^n \sum_{j=1}^n (x_i - x_j)^2"),
])
def test_a_sum_over_unequal_pairs_is_verified_where_it_was_a_false_alarm(lhs: str, rhs: str) -> None:
    # j written nowhere else: the sum runs over the pairs, not over i at one free j (which refuted these)
    assert _status(lhs, rhs) == "verified"


def test_a_slip_over_unequal_pairs_is_not_refuted_alone() -> None:
    # the prose may still hold j fixed: the pair reading verifies, and never refutes by itself
    assert _status(r"\sum_{i \neq j} x_i x_j", rf"\left({_S}\right)^2 + {_S2}") == "unverified"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_{j \neq i} x_j", r"\sum_{j=1}^n x_j - x_i", "verified"),  # i written outside: one free i
    (r"\sum_{j \neq i} x_j", r"\sum_{j=1}^n x_j + x_i", "refuted"),
    (r"\sum_{i<k} x_i", r"\sum_{i=1}^{k-1} x_i", "unverified"),  # up to a free k, from 0 or 1?
    (r"\sum_{k \le n} a_k", r"\sum_{k=1}^n a_k", "unverified"),
    (r"\sum_{j=1}^n \sum_{i<j} x_i x_j", r"\sum_{i<j} x_i x_j", "unverified"),
])
def test_a_partner_index_written_elsewhere_stays_free(lhs: str, rhs: str, status: str) -> None:
    assert _status(lhs, rhs) == status


def test_a_pair_sum_beside_a_sibling_sum_takes_its_range() -> None:
    body = ("The pair sum counts each pair once:\n\\begin{align*}\n"
            "\\sum_{i<j} x_i x_j &= \\frac{1}{2}\\left(\\left(\\sum_{i=1}^{m} x_i\\right)^2 - \\sum_{i=1}^{m} x_i^2\\right)\n"
            "\\end{align*}\n")
    assert set(_statuses(body).values()) == {"verified"}


# -- expectations given an event ----------------------------------------------------------------------------

_GIVEN = [
    (r"\mathbb{E}[2X + 3 \mid Y = 1]", r"2\mathbb{E}[X \mid Y = 1] + 3", r"2\mathbb{E}[X \mid Y = 1] + 6"),
    (r"\mathbb{E}[X + Z \mid Y = 1]", r"\mathbb{E}[X \mid Y = 1] + \mathbb{E}[Z \mid Y = 1]",
     r"\mathbb{E}[X \mid Y = 1] - \mathbb{E}[Z \mid Y = 1]"),
    (r"\mathbb{E}[5 - X \mid Y = 0]", r"5 - \mathbb{E}[X \mid Y = 0]", r"5 + \mathbb{E}[X \mid Y = 0]"),
    (r"E[aX + b \mid Y = 2]", r"a E[X \mid Y = 2] + b", r"a E[X \mid Y = 2] + ab"),
    (r"\mathbb{E}[3X - 2Z \mid W = 1]", r"3\mathbb{E}[X \mid W = 1] - 2\mathbb{E}[Z \mid W = 1]",
     r"3\mathbb{E}[X \mid W = 1] + 2\mathbb{E}[Z \mid W = 1]"),
    (r"\mathbb{E}[\frac{X}{4} \mid Y = 1]", r"\frac{1}{4}\mathbb{E}[X \mid Y = 1]", r"4\mathbb{E}[X \mid Y = 1]"),
    (r"E[2(X + 1) \mid Y = 3]", r"2E[X \mid Y = 3] + 2", r"2E[X \mid Y = 3] + 1"),
    (r"E[X - E[X \mid Y = 1] \mid Y = 1]", r"0", None),
    (r"E[(X - 1)^2 \mid Y = 1]", r"E[X^2 \mid Y = 1] - 2E[X \mid Y = 1] + 1", None),
]


@pytest.mark.parametrize("lhs, rhs, slip", _GIVEN)
def test_an_expectation_given_an_event_is_linear(lhs: str, rhs: str, slip: str | None) -> None:
    assert _status(lhs, rhs) == "verified"
    if slip is not None:
        assert _status(lhs, slip) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbb{E}[Y \mid Y = 1]", "1"),  # rests on the event itself
    (r"\mathbb{E}[X \mid Y = 1]", r"\mathbb{E}[X]"),  # two measures
    (r"E[3X \mid Y = 0]", r"3E[X \mid Y = 1]"),  # two events
    (r"E[X \mid Y = 1] + E[Z \mid Y = 1]", r"E[XZ \mid Y = 1]"),
])
def test_an_expectation_given_an_event_is_not_refuted_beyond_its_reading(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


# -- micro prefixes and molar units --------------------------------------------------------------------------

_UNITS = [
    (r"8\,\mu\text{M} \times 2", r"16\,\mu\text{M}", r"18\,\mu\text{M}"),
    (r"8\,\mu\text{M} + 4\,\mu\text{M}", r"12\,\mu\text{M}", r"14\,\mu\text{M}"),
    (r"\frac{20\,\mu\text{M}}{4}", r"5\,\mu\text{M}", r"4\,\mu\text{M}"),
    (r"3\,\mu\mathrm{m} + 2\,\mu\mathrm{m}", r"5\,\mu\mathrm{m}", r"6\,\mu\mathrm{m}"),
    (r"\SI{3}{\micro\metre} + \SI{2}{\micro\metre}", r"\SI{5}{\micro\metre}", r"\SI{6}{\micro\metre}"),
    (r"\SI{2}{\micro\molar} \times 3", r"\SI{6}{\micro\molar}", r"\SI{5}{\micro\molar}"),
    (r"2.5\,\upmu\mathrm{L} \times 4", r"10\,\upmu\mathrm{L}", r"12\,\upmu\mathrm{L}"),
    (r"0.1\,\text{mM} \times 10", r"1\,\text{mM}", r"10\,\text{mM}"),
    (r"6\,\mu\text{g} \times 5", r"30\,\mu\text{g}", r"35\,\mu\text{g}"),
]


@pytest.mark.parametrize("lhs, rhs, slip", _UNITS)
def test_a_micro_prefixed_unit_is_one_unit(lhs: str, rhs: str, slip: str) -> None:
    assert _status(lhs, rhs) == "verified"
    assert _status(lhs, slip) == "refuted"


@pytest.mark.parametrize("lhs, rhs, slip", [
    (r"2\,\text{mM}", r"2000\,\mu\text{M}", r"200\,\mu\text{M}"),
    (r"5\,\text{mM}", r"5000\,\mu\text{M}", r"500\,\mu\text{M}"),
    (r"250\,\mu\text{M}", r"0.25\,\text{mM}", r"2.5\,\text{mM}"),
    (r"2\,\mu\text{m}", r"0.002\,\text{mm}", r"0.02\,\text{mm}"),
    (r"1500\,\mu\mathrm{m}", r"1.5\,\mathrm{mm}", r"15\,\mathrm{mm}"),
    (r"\SI{4}{\milli\molar}", r"\SI{4000}{\micro\molar}", r"\SI{400}{\micro\molar}"),
    (r"50\,\text{nM}", r"0.05\,\mu\text{M}", r"0.5\,\mu\text{M}"),
])
def test_concentrations_and_lengths_are_converted_to_verify_only(lhs: str, rhs: str, slip: str) -> None:
    assert _status(lhs, rhs) == "verified"
    assert _status(lhs, slip) == "unverified"


def test_a_micro_sign_not_after_a_number_is_the_letter() -> None:
    assert _status(r"\mu\text{M} \times 2", r"2\mu\text{M}") != "refuted"


def test_a_bare_m_after_a_number_stays_a_unit_or_a_magnitude() -> None:
    # 1.2\text{M}: a million as often as a molar
    assert _status(r"1.2\text{M} + 0.3\text{M}", r"1.5\text{M}") == "unverified"


# -- a quantity named by a word ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [r"\text{MSY}", r"\text{Interest}", r"\textrm{Profit}", r"\mathrm{MTTF}"])
def test_a_word_heading_a_chain_names_the_quantity(name: str) -> None:
    body = ("Worked example.\n\\begin{align*}\n" + name + " &= \\frac{rK}{4} \\\\\n &= \\frac{0.4 \\times 1000}{4} \\\\\n"
            " &= 100\n\\end{align*}\n")
    statuses = _statuses(body)
    assert statuses[f"{name} = \\frac{{rK}}{{4}}"] == "skipped"  # a definition, no longer words unread
    assert statuses["\\frac{0.4 \\times 1000}{4} = 100"] == "verified"


@pytest.mark.parametrize("word", [r"\text{DNE}", r"\text{undefined}", r"\text{const}"])
def test_an_outcome_in_words_is_no_quantity(word: str) -> None:
    verdict = check_step(r"\lim_{x \to 0} \frac{1}{x}", word, "=")
    assert verdict.status.value != "verified" and verdict.status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\prod_{1 \le i < j \le 3} (x_j - x_i)", r"(x_2 - x_1)(x_3 - x_1)(x_3 - x_2)"),
    (r"\prod_{1 \le i < j \le 3} x_i x_j", r"x_1^2 x_2^2 x_3^2"),  # x_j stays inside the product
    (r"\prod_{1 \le i < j \le 3} 2", "8"),
])
def test_a_product_over_pairs_is_multiplied_out(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_wrong_product_over_pairs_is_not_verified() -> None:
    assert _status(r"\prod_{1 \le i < j \le 3} x_i x_j", r"x_1 x_2^2 x_3^2") != "verified"


# -- distributions stated in the prose -----------------------------------------------------------------------

def _chain(sentence: str, *lines: str) -> dict[str, str]:
    body = sentence + "\n\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}\n"
    return _statuses(body)


@pytest.mark.parametrize("sentence, lhs, rhs", [
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "E[X]", r"\lambda"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", r"\operatorname{Var}(X)", r"\lambda"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "P(X = k)", r"\frac{\lambda^k e^{-\lambda}}{k!}"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "P(X = 0)", r"e^{-\lambda}"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "P(X = 2)", r"\frac{\lambda^2 e^{-\lambda}}{2}"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", r"\mathbb{E}[X] + \operatorname{Var}(X)", r"2\lambda"),
    (r"Suppose $Y \sim N(\mu, \sigma^2)$.", "E[Y]", r"\mu"),
    (r"Suppose $Y \sim N(\mu, \sigma^2)$.", r"\operatorname{Var}(Y)", r"\sigma^2"),
    (r"Suppose $Y \sim \mathcal{N}(0, 1)$.", r"\mathbb{E}[Y]", "0"),
    (r"Take $Z \sim \mathrm{Bin}(n, p)$.", "E[Z]", "np"),
    (r"Take $Z \sim \mathrm{Bin}(n, p)$.", r"\operatorname{Var}(Z)", "np(1-p)"),
    (r"Take $Z \sim \mathrm{Bin}(n, p)$.", "P(Z = k)", r"\binom{n}{k} p^k (1-p)^{n-k}"),
    (r"Take $Z \sim \mathrm{Bin}(n, p)$.", "P(Z = 0)", "(1-p)^n"),
    (r"Take $W \sim \mathrm{Bin}(10, 0.3)$.", "E[W]", r"10 \times 0.3"),
    (r"Take $W \sim \mathrm{Bin}(10, 0.3)$.", r"\operatorname{Var}(W)", r"10 \times 0.3 \times 0.7"),
    (r"Let $B \sim \mathrm{Bernoulli}(q)$.", r"\operatorname{Var}(B)", "q(1-q)"),
    (r"Let $U \sim \mathrm{Unif}(a, b)$.", "E[U]", r"\frac{a+b}{2}"),
    (r"Let $U \sim \mathrm{Unif}(a, b)$.", r"\operatorname{Var}(U)", r"\frac{(b-a)^2}{12}"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "M_X(t)", r"e^{\lambda(e^t - 1)}"),
])
def test_a_stated_distribution_gives_the_moments(sentence: str, lhs: str, rhs: str) -> None:
    # (one added to both sides: a head that is one letter or one call may be its definition)
    statuses = _chain(sentence, f"{lhs} + 1 &= {rhs} + 1")
    assert statuses[f"{lhs} + 1 = {rhs} + 1"] == "verified"


@pytest.mark.parametrize("sentence, lhs, rhs", [
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "E[X]", r"\lambda^2"),
    (r"Let $X \sim \mathrm{Poisson}(\lambda)$.", "P(X = 2)", r"\lambda^2 e^{-\lambda}"),
    (r"Suppose $Y \sim N(\mu, \sigma^2)$.", r"\operatorname{Var}(Y)", r"\sigma"),
    (r"Take $Z \sim \mathrm{Bin}(n, p)$.", r"\operatorname{Var}(Z)", "np"),
    (r"Let $T \sim \mathrm{Exp}(\lambda)$.", "E[T]", r"\frac{1}{\lambda}"),  # rate or scale: not read
])
def test_a_distribution_reading_only_verifies(sentence: str, lhs: str, rhs: str) -> None:
    statuses = _chain(sentence, f"{lhs} + 1 &= {rhs} + 1")
    assert statuses[f"{lhs} + 1 = {rhs} + 1"] == "unverified"


def test_a_letter_given_two_distributions_is_read_by_neither() -> None:
    statuses = _chain(r"Let $X \sim \mathrm{Poisson}(\lambda)$, and later $X \sim \mathrm{Bin}(n, p)$.",
                      r"E[X] + 1 &= \lambda + 1")
    assert statuses[r"E[X] + 1 = \lambda + 1"] == "unverified"
