r"""Introductory statistics with worked numbers: a hypothesis's label before the value it states ($H_0\colon
\mu = 50$), sums of squares S_{xx}, S_{xy} that the prose gives numbers (no Einstein sums), a chain that
opens with a name's formula and ends at a number giving that name's value below it (MSB = ... = 20, then
F = MSB/MSW = 20/5), a later sentence's numbers for a name an earlier example displayed, values stated by
their squares ($s_1^2 = 0.64$, $R^2 = 0.6$, verified only where both roots agree), and \Phi refuted as the
standard normal CDF where the prose says that is the \Phi meant."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


Z_STEP = "\\frac{\\bar x - \\mu}{\\sigma/\\sqrt{n}} = \\frac{52.3 - 50}{6/\\sqrt{36}}"


@pytest.mark.parametrize("hypothesis", ["$H_0\\colon \\mu = 50$", "$H_0: \\mu = 50$", "$H_{0} : \\mu = 50$"])
def test_the_null_hypothesis_states_the_mean_the_statistic_is_computed_at(hypothesis: str) -> None:
    body = (f"We test {hypothesis} against $H_1\\colon \\mu > 50$ with $n = 36$, $\\bar x = 52.3$ "
            "and $\\sigma = 6$.\n\n" + _align(Z_STEP.replace(" = ", " &= ")))
    assert _statuses(body)[Z_STEP] == "verified"


def test_a_hypothesis_value_only_rescues_a_slip_stays_unverified() -> None:
    body = ("We test $H_0\\colon \\mu = 50$ with $n = 36$, $\\bar x = 52.3$ and $\\sigma = 6$.\n\n"
            + _align("\\frac{\\bar x - \\mu}{\\sigma/\\sqrt{n}} &= \\frac{52.3 - 50}{6/36}"))
    assert _statuses(body)["\\frac{\\bar x - \\mu}{\\sigma/\\sqrt{n}} = \\frac{52.3 - 50}{6/36}"] == "unverified"


REGRESSION = "For the regression we have $S_{xy} = 45.6$, $S_{xx} = 19$, $\\bar x = 3.5$ and $\\bar y = 12.4$, so\n\n"


def test_sums_of_squares_the_prose_gives_numbers_are_no_einstein_sums() -> None:
    body = REGRESSION + _align("b_1 &= \\frac{S_{xy}}{S_{xx}}", "&= \\frac{45.6}{19}", "&= 2.4")
    assert _statuses(body)["\\frac{S_{xy}}{S_{xx}} = \\frac{45.6}{19}"] == "verified"


def test_a_wrong_sum_of_squares_is_not_verified() -> None:
    body = REGRESSION + _align("b_1 &= \\frac{S_{xy}}{S_{xx}}", "&= \\frac{45.6}{18}")
    assert _statuses(body)["\\frac{S_{xy}}{S_{xx}} = \\frac{45.6}{18}"] != "verified"


def test_a_repeated_index_the_prose_gives_no_number_stays_undecided() -> None:
    # T_{ii} = 3 gives nothing for T_{jj}: under Einstein's convention the two are one sum
    body = "We have $T_{ii} = 3$.\n\n" + _align("\\frac{T_{jj}}{3} &= 1")
    assert _statuses(body)["\\frac{T_{jj}}{3} = 1"] == "unverified"


def test_a_chain_that_ends_at_a_number_gives_its_head_that_value_below() -> None:
    body = (REGRESSION + _align("b_1 &= \\frac{S_{xy}}{S_{xx}}", "&= \\frac{45.6}{19}", "&= 2.4")
            + "and the intercept is\n\n" + _align("b_0 &= \\bar y - b_1 \\bar x", "&= 12.4 - 2.4 \\times 3.5",
                                                  "&= 4"))
    assert _statuses(body)["\\bar y - b_1 \\bar x = 12.4 - 2.4 \\times 3.5"] == "verified"


ANOVA = ("In a one-way ANOVA with $k = 3$ groups and $\\mathrm{MSW} = 5$,\n\n"
         + _align("\\mathrm{SSB} &= n\\sum_{j=1}^{k}(\\bar x_j - \\bar x)^2", "&= 5\\left[(10 - 12)^2 + (12 - 12)^2 + "
                  "(14 - 12)^2\\right]", "&= 40"))


def test_an_anova_table_divides_the_sums_of_squares_worked_out_above() -> None:
    body = ANOVA + "so\n\n" + _align("\\mathrm{MSB} &= \\frac{\\mathrm{SSB}}{k - 1}", "&= \\frac{40}{2}", "&= 20") \
        + "and\n\n" + _align("F &= \\frac{\\mathrm{MSB}}{\\mathrm{MSW}}", "&= \\frac{20}{5}", "&= 4")
    statuses = _statuses(body)
    assert statuses["\\frac{\\mathrm{SSB}}{k - 1} = \\frac{40}{2}"] == "verified"
    assert statuses["\\frac{\\mathrm{MSB}}{\\mathrm{MSW}} = \\frac{20}{5}"] == "verified"


def test_a_slip_against_a_chain_end_is_not_verified() -> None:
    body = ANOVA + "so\n\n" + _align("\\mathrm{MSB} &= \\frac{\\mathrm{SSB}}{k - 1}", "&= \\frac{40}{3}")
    assert _statuses(body)["\\frac{\\mathrm{SSB}}{k - 1} = \\frac{40}{3}"] != "verified"


def test_a_chain_end_decides_none_of_the_chain_own_rows() -> None:
    # the chain's own rows are held to the formula, not to the number they end at
    body = "With $k = 3$,\n\n" + _align("m &= \\frac{q}{k - 1}", "&= q + 1", "&= 7")
    assert _statuses(body)["\\frac{q}{k - 1} = q + 1"] != "verified"


def test_a_chain_end_leaves_the_formula_for_general_steps_below() -> None:
    # the example's K = 9 stands beside K's formula: a general step below still reads K by its formula
    body = ("The kinetic energy is\n\n"
            + _align("K &= \\frac{1}{2}mv^2", "&= \\frac{1}{2} \\times 2 \\times 3^2", "&= 9")
            + "In general\n\n" + _align("\\frac{2K}{m} &= v^2"))
    assert _statuses(body)["\\frac{2K}{m} = v^2"] == "verified"


def test_a_sentence_gives_the_next_example_numbers_of_its_own() -> None:
    body = ("Estimating a proportion within $0.05$ needs\n\n"
            + _align("n &= \\left(\\frac{1.96 \\times 0.5}{0.05}\\right)^2", "&= 384.16")
            + "The standard deviation of a binomial count with $n = 100$ and $p = 0.2$ is\n\n"
            + _align("\\sqrt{np(1 - p)} &= \\sqrt{100 \\times 0.2 \\times 0.8}", "&= 4")
            + "and its mean is\n\n" + _align("np &= 100 \\times 0.2", "&= 20"))
    statuses = _statuses(body)
    assert statuses["\\sqrt{np(1 - p)} = \\sqrt{100 \\times 0.2 \\times 0.8}"] == "verified"
    assert statuses["np = 100 \\times 0.2"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("With $s_1^2 = 0.64$, $s_2^2 = 0.81$, $n_1 = 40$ and $n_2 = 50$,",
     "\\sqrt{\\frac{s_1^2}{n_1} + \\frac{s_2^2}{n_2}}", "\\sqrt{\\frac{0.64}{40} + \\frac{0.81}{50}}"),
    ("With $R^2 = 0.6$, $n = 5$ and $k = 1$,", "1 - (1 - R^2)\\frac{n - 1}{n - k - 1}", "1 - 0.4 \\times \\frac{4}{3}"),
    ("With $r^2 = 0.6$,", "\\sqrt{r^2}", "0.7746"),
])
def test_a_value_stated_by_its_square_verifies_where_both_roots_agree(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{prose}\n\n" + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    ("With $r^2 = 0.6$,", "r", "0.7746"),  # r may be -0.7746: the square does not say
    ("With $s_1^2 = 0.64$, $s_2^2 = 0.81$, $n_1 = 40$ and $n_2 = 50$,",
     "\\sqrt{\\frac{s_1^2}{n_1} + \\frac{s_2^2}{n_2}}", "\\sqrt{\\frac{0.64}{40} + \\frac{0.81}{40}}"),
    ("With $R^2 = 0.6$, $n = 5$ and $k = 1$,", "1 - (1 - R^2)\\frac{n - 1}{n - k - 1}", "1 - 0.6 \\times \\frac{4}{3}"),
])
def test_a_value_stated_by_its_square_verifies_no_slip(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{prose}\n\n" + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] != "verified"


PHI = "Throughout, $\\Phi$ denotes the standard normal CDF.\n\n"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\Phi(-1.5)", "\\Phi(1.5) - 1"),
    ("2\\Phi(-2.26)", "1 - 2\\Phi(2.26)"),
    ("\\Phi(1.96) - \\Phi(-1.96)", "2\\Phi(1.96)"),
    ("1 - \\Phi(2.3)", "0.0207"),
    ("\\Phi(-z)", "\\Phi(z) - 1"),
])
def test_phi_the_prose_names_the_normal_cdf_refutes_a_slip(lhs: str, rhs: str) -> None:
    assert _statuses(PHI + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "refuted"


@pytest.mark.parametrize("sentence", [
    "Here $\\Phi$ is the magnetic flux through the loop.",
    "Note that $\\Phi$ is not the standard normal CDF here.",
    "",
])
def test_phi_without_the_prose_naming_the_normal_cdf_refutes_nothing(sentence: str) -> None:
    body = f"{sentence}\n\n" + _align("\\Phi(-1.5) &= \\Phi(1.5) - 1")
    assert _statuses(body)["\\Phi(-1.5) = \\Phi(1.5) - 1"] == "unverified"


@pytest.mark.parametrize("sentence", [
    "Let $Z \\sim N(0, 1)$ with distribution function $\\Phi$.",
    "where $\\Phi$ is the cumulative distribution function of the standard normal distribution.",
])
def test_phi_the_prose_names_in_other_words(sentence: str) -> None:
    body = f"{sentence}\n\n" + _align("\\Phi(-1.5) &= \\Phi(1.5) - 1", "1 - \\Phi(2.3) &= 0.0107")
    statuses = _statuses(body)
    assert statuses["\\Phi(-1.5) = \\Phi(1.5) - 1"] == "refuted"
    assert statuses["1 - \\Phi(2.3) = 0.0107"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{52.3 - 50}{6/\\sqrt{36}}", "2.3"),
    ("1.96 \\times \\frac{8.4}{\\sqrt{25}}", "3.29"),
    ("\\sqrt{\\frac{0.42 \\times 0.58}{200}}", "0.0349"),
    ("\\frac{11 \\times 4.1^2 + 14 \\times 3.6^2}{25}", "14.654"),
    ("\\frac{(24 - 20)^2}{20} + \\frac{(16 - 20)^2}{20} + \\frac{(30 - 20)^2}{20} + \\frac{(10 - 20)^2}{20}", "11.6"),
    ("\\frac{45.6}{\\sqrt{19 \\times 120}}", "0.955"),
    ("\\frac{0.05}{0.0217}", "2.30"),
    ("2.045 \\times \\frac{5.2}{\\sqrt{30}}", "1.94"),
    ("\\frac{2.576^2 \\times 0.25}{0.04^2}", "1036.8"),
    ("1 - (0.4)\\frac{4}{3}", "0.4667"),
])
def test_worked_numbers_rounded_as_students_do_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("\\frac{8.4}{\\sqrt{25}}", "1.86"),  # digits swapped
    ("\\frac{-1.8}{0.775}", "2.32"),  # the sign lost
    ("\\sqrt{\\frac{0.2436}{200}}", "0.001218"),  # the root forgotten
    ("\\left(\\frac{1.96 \\times 15}{3}\\right)^2", "9.8"),  # not squared
    ("\\frac{11 \\times 4.1^2 + 14 \\times 3.6^2}{25}", "\\frac{11 \\times 4.1 + 14 \\times 3.6}{25}"),
    ("\\frac{2.576^2 \\times 0.25}{0.04^2}", "\\frac{2.576^2 \\times 0.25}{0.04}"),
    ("\\frac{0.05}{0.05486}", "0.0911"),  # a decimal place
    ("2(1 - \\Phi(2.26))", "1 - \\Phi(2.26)"),  # the factor 2 of a two-sided p-value
    ("0.7746^2", "0.65"),
])
def test_slips_of_worked_numbers_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
