"""Round 13: classical mechanics. In a step that differentiates by t, a letter written with dots
(\\dot x, \\ddot\\theta, \\dot q_\\alpha) and the same letter without them are one function of t and its
derivatives; partial derivatives by \\dot q hold q fixed (Lagrangians). Sides whose highest
derivatives in time differ (an equation of motion) are refuted only by a small edit."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

# correct steps: each verifies
CORRECT = [
    ('\\frac{d}{dt}\\dot{x}',
     '\\ddot{x}'),
    ('\\frac{d}{dt}(x^2)',
     '2x\\dot{x}'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot{x}^2\\right)',
     'm\\dot{x}\\ddot{x}'),
    ('\\frac{d}{dt}(m\\dot q)',
     'm\\ddot q'),
    ('\\frac{\\partial}{\\partial \\dot q}\\left(\\frac12 m\\dot q^2 - V(q)\\right)',
     'm\\dot q'),
    ('\\frac{d}{dt} V(x)',
     "V'(x)\\dot x"),
    ('\\frac{dx}{dt}',
     '\\dot x'),
    ('\\frac{d^2x}{dt^2}',
     '\\ddot x'),
    ('\\frac{d^2}{dt^2}(x^2)',
     '2\\dot x^2 + 2x\\ddot x'),
    ('\\frac{\\mathrm{d}}{\\mathrm{d}t}\\left(\\frac12 k x^2\\right)',
     'kx\\dot x'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot x^2 + \\frac12 kx^2\\right)',
     '\\dot x(m\\ddot x + kx)'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot x^2 + \\frac12 kx^2\\right)',
     'm\\dot x\\ddot x + kx\\dot x'),
    ('\\frac{d}{dt}(x\\dot x)',
     '\\dot x^2 + x\\ddot x'),
    ('\\frac{d}{dt}(t\\dot x)',
     '\\dot x + t\\ddot x'),
    ('\\frac{d}{dt}\\cos\\theta',
     '-\\dot\\theta\\sin\\theta'),
    ('\\frac{d}{dt}\\sin\\theta',
     '\\dot\\theta\\cos\\theta'),
    ('\\frac{d}{dt}(\\ell\\sin\\theta)',
     '\\ell\\dot\\theta\\cos\\theta'),
    ('\\frac{d}{dt}(-\\ell\\cos\\theta)',
     '\\ell\\dot\\theta\\sin\\theta'),
    ('\\left(\\frac{d}{dt}(\\ell\\sin\\theta)\\right)^2 + \\left(\\frac{d}{dt}(\\ell\\cos\\theta)\\right)^2',
     '\\ell^2\\dot\\theta^2'),
    ('\\frac{d}{dt}(r\\cos\\theta)',
     '\\dot r\\cos\\theta - r\\dot\\theta\\sin\\theta'),
    ('\\frac{d}{dt}(r\\sin\\theta)',
     '\\dot r\\sin\\theta + r\\dot\\theta\\cos\\theta'),
    ('\\left(\\frac{d}{dt}(r\\cos\\theta)\\right)^2 + \\left(\\frac{d}{dt}(r\\sin\\theta)\\right)^2',
     '\\dot r^2 + r^2\\dot\\theta^2'),
    ('\\frac{m}{2}\\left(\\left(\\frac{d}{dt}(r\\cos\\theta)\\right)^2 + \\left(\\frac{d}{dt}(r\\sin\\theta)\\right)^2\\right)',
     '\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2)'),
    ('\\frac{d}{dt}(mr^2\\dot\\theta)',
     '2mr\\dot r\\dot\\theta + mr^2\\ddot\\theta'),
    ('\\frac{d}{dt}(mr^2\\dot\\theta)',
     'mr(2\\dot r\\dot\\theta + r\\ddot\\theta)'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot r}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     'm\\ddot r'),
    ('\\frac{\\partial}{\\partial r}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     "mr\\dot\\theta^2 - V'(r)"),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot r}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right) - \\frac{\\partial}{\\partial r}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     "m\\ddot r - mr\\dot\\theta^2 + V'(r)"),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     '2mr\\dot r\\dot\\theta + mr^2\\ddot\\theta'),
    ('\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     'mr^2\\dot\\theta'),
    ('\\frac{\\partial}{\\partial\\theta}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     '0'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial \\dot q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right) - \\frac{\\partial}{\\partial q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right)',
     'm\\ddot q + kq'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     'm\\ell^2\\ddot\\theta'),
    ('\\frac{\\partial}{\\partial\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     '-mg\\ell\\sin\\theta'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right) - \\frac{\\partial}{\\partial\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     'm\\ell^2\\ddot\\theta + mg\\ell\\sin\\theta'),
    ('\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     'm\\ell^2\\dot\\theta'),
    ('p\\dot q - \\left(\\frac{p^2}{2m} - V(q)\\right)',
     'p\\dot q - \\frac{p^2}{2m} + V(q)'),
    ('m\\dot q\\,\\dot q - \\left(\\frac12 m\\dot q^2 - V(q)\\right)',
     '\\frac12 m\\dot q^2 + V(q)'),
    ('\\dot q\\frac{\\partial}{\\partial\\dot q}\\left(\\frac12 m\\dot q^2 - V(q)\\right) - \\left(\\frac12 m\\dot q^2 - V(q)\\right)',
     '\\frac12 m\\dot q^2 + V(q)'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot q^2 + V(q)\\right)',
     "\\dot q\\left(m\\ddot q + V'(q)\\right)"),
    ('\\frac{d}{dt}\\left(\\frac{p^2}{2m}\\right)',
     '\\frac{p\\dot p}{m}'),
    ('\\frac{d}{dt}(m\\dot x_1 + m\\dot x_2)',
     'm\\ddot x_1 + m\\ddot x_2'),
    ('\\frac{d}{dt}(x_1 - x_2)^2',
     '2(x_1 - x_2)(\\dot x_1 - \\dot x_2)'),
    ('\\frac{d}{dt}\\left(\\frac12 m_1\\dot x_1^2 + \\frac12 m_2\\dot x_2^2\\right)',
     'm_1\\dot x_1\\ddot x_1 + m_2\\dot x_2\\ddot x_2'),
    ('\\frac{d}{dt}\\sum_{\\alpha=1}^{3} p_\\alpha q_\\alpha',
     '\\sum_{\\alpha=1}^{3}(\\dot p_\\alpha q_\\alpha + p_\\alpha\\dot q_\\alpha)'),
    ('\\frac{d}{dt}\\sum_\\alpha \\frac12 m\\dot q_\\alpha^2',
     '\\sum_\\alpha m\\dot q_\\alpha\\ddot q_\\alpha'),
    ('\\frac{d}{dt}e^{-\\gamma t}\\dot x',
     'e^{-\\gamma t}(\\ddot x - \\gamma\\dot x)'),
    ('\\frac{d}{dt}\\left(e^{\\gamma t}\\dot x\\right)',
     'e^{\\gamma t}(\\ddot x + \\gamma\\dot x)'),
    ('\\frac{d}{dt}\\ln x',
     '\\frac{\\dot x}{x}'),
    ('\\frac{d}{dt}\\sqrt{\\dot x^2 + \\dot y^2}',
     '\\frac{\\dot x\\ddot x + \\dot y\\ddot y}{\\sqrt{\\dot x^2 + \\dot y^2}}'),
    ('\\frac{d}{dt}\\frac{1}{r}',
     '-\\frac{\\dot r}{r^2}'),
    ('\\frac{d}{dt}\\left(-\\frac{k}{r}\\right)',
     '\\frac{k\\dot r}{r^2}'),
    ('\\frac{d}{dt}\\left(\\frac12 mr^2\\dot\\theta^2\\right)',
     'mr\\dot r\\dot\\theta^2 + mr^2\\dot\\theta\\ddot\\theta'),
    ('\\frac{d}{d\\tau}(\\dot x^2)',
     '2\\dot x\\ddot x'),
    ('\\frac{d}{dt}\\arctan\\frac{y}{x}',
     '\\frac{x\\dot y - y\\dot x}{x^2 + y^2}'),
    ('\\frac{d}{dt}(x\\dot y - y\\dot x)',
     'x\\ddot y - y\\ddot x'),
    ('\\frac{d}{dt}(\\dot x\\cos\\omega t)',
     '\\ddot x\\cos\\omega t - \\omega\\dot x\\sin\\omega t'),
    ('\\frac{d}{dt}(A\\cos\\omega t)',
     '-A\\omega\\sin\\omega t'),
    ('\\frac{d}{dt} x(t)^2',
     '2x(t)\\dot x(t)'),
    ('\\frac{d}{dt}\\dot x(t)',
     '\\ddot x(t)'),
    ('\\frac{d}{dt}\\left(\\frac{\\partial}{\\partial\\dot x}\\frac12 m\\dot x^2\\right)',
     'm\\ddot x'),
    ('\\frac{d}{dt}(\\dot\\theta^2)',
     '2\\dot\\theta\\ddot\\theta'),
    ('\\frac{d}{dt}(\\dot{x}_1\\dot{x}_2)',
     '\\ddot{x}_1\\dot{x}_2 + \\dot{x}_1\\ddot{x}_2'),
    ('\\frac{d}{dt}(x^3)',
     '3x^2\\dot x'),
]

# wrong variants (a lost factor 2, a sign, \\dot x for \\ddot x): refuted where decided
REFUTED = [
    ('\\frac{d}{dt}\\dot{x}',
     '\\dot{x}'),
    ('\\frac{d}{dt}(x^2)',
     'x\\dot{x}'),
    ('\\frac{d}{dt}(x^2)',
     '2x\\ddot{x}'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot{x}^2\\right)',
     '\\frac12 m\\dot{x}\\ddot{x}'),
    ('\\frac{d}{dt}(m\\dot q)',
     'm\\dot q'),
    ('\\frac{d}{dt}\\left(\\frac12 kx^2\\right)',
     '-kx\\dot x'),
    ('\\frac{d}{dt}\\cos\\theta',
     '\\dot\\theta\\sin\\theta'),
    ('\\frac{d}{dt}(r\\cos\\theta)',
     '\\dot r\\cos\\theta + r\\dot\\theta\\sin\\theta'),
    ('\\left(\\frac{d}{dt}(r\\cos\\theta)\\right)^2 + \\left(\\frac{d}{dt}(r\\sin\\theta)\\right)^2',
     '\\dot r^2 + r\\dot\\theta^2'),
    ('\\left(\\frac{d}{dt}(r\\cos\\theta)\\right)^2 + \\left(\\frac{d}{dt}(r\\sin\\theta)\\right)^2',
     '\\dot r^2 + r^2\\dot\\theta'),
    ('\\frac{d}{dt}(mr^2\\dot\\theta)',
     'mr\\dot r\\dot\\theta + mr^2\\ddot\\theta'),
    ('\\frac{d}{dt}(mr^2\\dot\\theta)',
     '2mr\\dot r\\dot\\theta - mr^2\\ddot\\theta'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial \\dot q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right) - \\frac{\\partial}{\\partial q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right)',
     'm\\ddot q - kq'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial \\dot q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right) - \\frac{\\partial}{\\partial q}\\left(\\frac12 m\\dot q^2 - \\frac12 k q^2\\right)',
     'm\\dot q + kq'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right) - \\frac{\\partial}{\\partial\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     'm\\ell^2\\ddot\\theta - mg\\ell\\sin\\theta'),
    ('\\frac{\\partial}{\\partial\\theta}\\left(\\frac12 m\\ell^2\\dot\\theta^2 + mg\\ell\\cos\\theta\\right)',
     'mg\\ell\\sin\\theta'),
    ('m\\dot q\\,\\dot q - \\left(\\frac12 m\\dot q^2 - V(q)\\right)',
     '\\frac12 m\\dot q^2 - V(q)'),
    ('\\frac{d}{dt}(x\\dot x)',
     'x\\ddot x'),
    ('\\frac{d}{dt}(\\dot x\\cos\\omega t)',
     '\\ddot x\\cos\\omega t + \\omega\\dot x\\sin\\omega t'),
    ('\\frac{d}{dt}\\frac{1}{r}',
     '\\frac{\\dot r}{r^2}'),
    ('\\frac{d}{dt}(x^3)',
     '3x^2\\ddot x'),
    ('\\frac{d}{dt}(\\dot{x}_1\\dot{x}_2)',
     '\\ddot{x}_1\\dot{x}_2 + \\dot{x}_1\\dot{x}_2'),
    # a potential of the coordinates does not move with a velocity: differentiated away, it decides nothing
    ('\\frac{\\partial}{\\partial\\dot\\theta}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
     'mr\\dot\\theta'),
    ('\\frac{\\partial}{\\partial\\dot q}\\left(\\frac12 m\\dot q^2 - V(q)\\right)',
     '\\frac12 m\\dot q'),
]

# wrong, but left to the reader: a difference through an undefined V (one that moves with the variable), or no
# small edit explains it
WRONG_UNDECIDED = [
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot{x}^2\\right)',
     'm\\dot{x}^2'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot q^2 + V(q)\\right)',
     "\\dot q\\left(m\\ddot q - V'(q)\\right)"),
    ('\\frac{d}{dt} V(x)',
     "V'(x)\\ddot x"),
]

# equations of motion and conservation laws: true along the motion, not identities; never refuted
ALONG_MOTION = [
    ('\\frac{d}{dt}\\dot x',
     '-x'),
    ('\\frac{d}{dt}(m\\dot x)',
     '-kx'),
    ('\\frac{d}{dt}\\left(\\frac12 m\\dot x^2 + \\frac12 kx^2\\right)',
     '0'),
    ('\\frac{d}{dt}\\left(\\frac12 \\dot x^2 + \\frac12 x^2\\right)',
     '0'),
    ('\\frac{d}{dt}(m\\dot x)',
     '-\\frac{\\partial}{\\partial x}\\left(\\frac12 k x^2\\right)'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial \\dot x}\\left(\\frac12 m\\dot x^2 - \\frac12 k x^2\\right)',
     '\\frac{\\partial}{\\partial x}\\left(\\frac12 m\\dot x^2 - \\frac12 k x^2\\right)'),
    ('\\frac{d}{dt}\\frac{\\partial}{\\partial \\dot \\theta}\\left(\\frac12 \\dot \\theta^2 + \\cos\\theta\\right)',
     '\\frac{\\partial}{\\partial \\theta}\\left(\\frac12 \\dot \\theta^2 + \\cos\\theta\\right)'),
    ('\\frac{d}{dt}(\\dot x + x)',
     '0'),
    ('\\frac{d}{dt}(x\\dot x)',
     '0'),
    ('\\frac{d}{dt}(mr^2\\dot\\theta)',
     '0'),
    ('\\frac{d}{dt}\\dot\\theta',
     '-\\sin\\theta'),
    ('\\frac{d^2}{dt^2}x',
     '-\\dot x'),
]


@pytest.mark.parametrize("lhs,rhs", CORRECT)
def test_correct_mechanics_step_verifies(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs,rhs", REFUTED)
def test_wrong_mechanics_step_is_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs,rhs", WRONG_UNDECIDED + ALONG_MOTION)
def test_not_an_identity_is_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


@pytest.mark.parametrize("lhs,rhs", [
    (r"\frac{d}{dt}\frac{\partial L}{\partial \dot q}", "0"),
    (r"\frac{d}{dt}\frac{\partial L}{\partial \dot q}", r"\frac{\partial L}{\partial q}"),
    (r"\frac{\partial}{\partial t}\left(\frac12 m\dot q^2\right) + \frac{d}{dt} q", r"m\dot q\ddot q + \dot q"),
    (r"\frac{d}{dt}(x^2)", "2x"),
])
def test_undefined_lagrangian_and_ambiguous_partials_stay_unverified(lhs, rhs):
    # L from elsewhere moves with q and \dot q; \partial_t may be the explicit or the total derivative;
    # an undotted x beside no dots is not known to move
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_a_velocity_before_a_bracket_is_a_product():
    verdict = check_step(r"\frac{d}{dt}\left(\frac12 m\dot x^2 + \frac12 kx^2\right)", r"\dot x\left(m\ddot x + kx\right)", "=")
    assert verdict.status is Status.VERIFIED


def test_dot_typo_is_explained():
    verdict = check_step(r"\frac{d}{dt}\dot{x}", r"\dot{x}", "=")
    assert verdict.status is Status.REFUTED and verdict.diagnosis is not None
    assert "ddot" in verdict.diagnosis.detail or "ddot" in str(verdict.diagnosis)


def test_a_flipped_sign_of_a_potential_s_derivative_is_refuted() -> None:
    # d/dr V(r) and V'(r) are one quantity: the step differs by 2V'(r) whatever V is, and the flipped
    # sign explains it (before, "depends on what V is")
    verdict = check_step('\\frac{\\partial}{\\partial r}\\left(\\frac12 m(\\dot r^2 + r^2\\dot\\theta^2) - V(r)\\right)',
                         "mr\\dot\\theta^2 + V'(r)", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "sign_flip"

