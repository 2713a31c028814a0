"""Red team, cosmology and astrophysics notes (round 25): label subscripts beside another family's members
(t_H = 1/H_0), astronomy's units (Mpc, kpc, Gyr, AU) after numbers and fractions of numbers, the power of a
log to a written base (the distance modulus), pi before a number in scientific notation, primed dummy
variables of integrals (comoving distances), and example values that verify a wrong step by chance."""
import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse.parser import parse_math


def _verdicts(body: str) -> dict[tuple[str, str], Status]:
    return {(s.step.lhs.stripped, s.step.rhs.stripped): s.verdict.status for s in checked_steps(body)}


def test_capital_subscript_beside_another_familys_member_is_a_label():
    # T_K = 1/K_0 names one time (the K of K_0 is another family's name, not the index), not a rule
    # T_k = 1/K_0 for every k, so it says nothing of T_1, defined on its own above: the step must not be
    # refuted with T_1 put in as 1/K_0
    body = "\n".join([
        r"\begin{equation}", r"T_1 = \frac{3}{4K_0}.", r"\end{equation}",
        r"\begin{align*}", r"T_K &= \frac{1}{K_0} = \frac{5.0\times10^{3}}{25} \\ &= 2.0\times10^{2}.",
        r"\end{align*}",
        r"\begin{equation*}", r"T_K = \frac{8.0\times10^{2}}{4.0} = 2.0\times10^{2}.", r"\end{equation*}",
        r"\begin{equation*}", r"T_1 = \frac{3}{4}T_K = \frac{3}{4}\times 200 = 150,", r"\end{equation*}",
    ])
    statuses = _verdicts(body)
    assert statuses[("T_1", r"\frac{3}{4}T_K")] is not Status.REFUTED
    assert statuses[(r"\frac{3}{4}\times 200", "150")] is Status.VERIFIED


def test_a_family_rule_still_binds_its_index():
    # a_k = 3k^2 is a rule for every k, and a_2 = 12 follows from it
    body = "\n".join([r"\begin{equation}", r"a_k = 3k^2", r"\end{equation}",
                      r"\begin{equation*}", r"a_2 = 3\cdot 2^2 = 12", r"\end{equation*}",
                      r"\begin{equation*}", r"a_2 + 1 = 13", r"\end{equation*}"])
    statuses = _verdicts(body)
    assert statuses[(r"3\cdot 2^2", "12")] is Status.VERIFIED
    assert statuses[("a_2 + 1", "13")] is Status.VERIFIED


@pytest.mark.parametrize("text, unit", [
    (r"12\,\mathrm{kpc}", "kpc"),
    (r"3.5\,\mathrm{Gyr}", "Gyr"),
    (r"0.72\,\mathrm{AU}", "AU"),
    (r"\frac{6.0\times10^{5}}{75}\,\mathrm{Mpc}", "Mpc"),
    (r"\frac{150}{2}\,\mathrm{km\,s^{-1}\,Mpc^{-1}}", "km s^{-1} Mpc^{-1}"),
])
def test_astronomy_units_after_numbers(text, unit):
    tree = parse_math(text)
    assert any(getattr(x, "style", "") == "unit" and x.base == unit for x in tree.walk())


def test_a_unit_after_a_fraction_with_letters_is_no_number_unit():
    tree = parse_math(r"\frac{v}{2}\,\mathrm{Mpc}")
    assert not any(getattr(x, "style", "") == "unit" for x in tree.walk())


@pytest.mark.parametrize("lhs, rhs, status", [
    # a whole number of four digits after a fraction of numbers with a unit is rounded to the unit
    (r"\frac{5219}{4}\,\mathrm{Mpc}", r"1305\,\mathrm{Mpc}", Status.VERIFIED),
    (r"\frac{6.0\times10^{5}}{75}\,\mathrm{Mpc}", r"8000\,\mathrm{Mpc}", Status.VERIFIED),
    (r"\frac{27.9}{3}\,\mathrm{Gyr}", r"9.3\,\mathrm{Gyr}", Status.VERIFIED),
    (r"\frac{27.9}{3}\,\mathrm{Gyr}", r"8.3\,\mathrm{Gyr}", Status.REFUTED),
    (r"\frac{5219}{4}\,\mathrm{Mpc}", r"1350\,\mathrm{Mpc}", Status.REFUTED),
    (r"2\,\mathrm{AU}", r"2.992\times10^{11}\,\mathrm{m}", Status.VERIFIED),
])
def test_worked_numbers_in_astronomy_units(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    # the distance modulus: 5 log(d/D) is -2.5 log((D/d)^2), with the square inside the log
    (r"-2.5\log_{10}\left(\frac{D}{r}\right)^2", r"5\log_{10}\frac{r}{D}", Status.UNVERIFIED),
    (r"\log_{10}(y)^3", r"3\log_{10} y", Status.UNVERIFIED),
    (r"\log_{2}(y)^3", r"3\log_{2} y", Status.UNVERIFIED),
    (r"\log_{10}(y)^3", r"(\log_{10} y)^3", Status.VERIFIED),
    # wrong in both readings: still an error
    (r"\log_{10}(y)^3", r"2\log_{10} y", Status.REFUTED),
    (r"-2.5\log_{10}\left(\frac{D}{r}\right)^2", r"-5\log_{10}\frac{r}{D}", Status.REFUTED),
])
def test_power_of_a_log_to_a_written_base(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"4\pi(2.0\times10^{7})^2", r"5.03\times10^{15}", Status.VERIFIED),
    (r"\pi(3.0\times10^{4})^2", r"2.83\times10^{9}", Status.VERIFIED),
    (r"4\pi(2.0\times10^{7})^2", r"5.30\times10^{15}", Status.REFUTED),
    # a bare decimal may be a prior's or a policy's argument: not read as a product
    (r"\pi(0.25)", r"0.785", Status.UNVERIFIED),
])
def test_pi_before_scientific_notation_is_a_product(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\int_0^w (1+w')^{-2}\,dw'", r"1 - \frac{1}{1+w}", Status.VERIFIED),
    (r"\int_0^w (1+w')^{-2}\,dw'", r"1 + \frac{1}{1+w}", Status.REFUTED),
    (r"\int_0^s \frac{ds'}{(1+s')^3}", r"\frac12 - \frac{1}{2(1+s)^2}", Status.VERIFIED),
    (r"\int_0^s e^{-2s^\prime}\,ds^\prime", r"\frac{1 - e^{-2s}}{2}", Status.VERIFIED),
    (r"\int_0^s s'\,ds'", r"s^2", Status.REFUTED),
    (r"\int_0^s s\,ds'", r"s^2", Status.VERIFIED),
])
def test_primed_dummy_variable_of_an_integral(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


def test_primes_without_a_variable_still_read():
    assert check_step("(gh)'", "g'h + gh'", "=").status is Status.VERIFIED


@pytest.mark.parametrize("prose, lhs, rhs", [
    # a wrong power (q^3 for q^4) holds at the point where the numerator vanishes, which the prose names
    (r"With $g(q) = (q - 1)/q^3$ the slope vanishes at $q = 3/2$.",
     r"\frac{q^3 - 3q^2(q - 1)}{q^6}", r"\frac{3 - 2q}{q^3}"),
    # a sign slip that holds at the example's distance by chance (-2.5 x^2 = 5x at x = -2)
    (r"A galaxy at $r = 1000\,\mathrm{pc}$ is our example.",
     r"-2.5\log_{10}\left(\frac{10\,\mathrm{pc}}{r}\right)^2", r"5\log_{10}\frac{10\,\mathrm{pc}}{r}"),
])
def test_example_value_does_not_verify_a_general_step(prose, lhs, rhs):
    body = f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
    statuses = _verdicts(body)
    assert statuses[(lhs, rhs)] is not Status.VERIFIED
