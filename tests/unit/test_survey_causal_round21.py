"""Survey sampling and causal inference notes (round 21): the diagonal of a joint-inclusion family
(pi_{ii} = pi_i), a count of one arm named once in the prose (n_0 = n - n_1), and a relation the prose
introduces as a condition ("... when")."""
import pytest

from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def _verdicts(body: str) -> list[tuple[str, str]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=2.0, seed=0))[0]
    return [(s.verdict.status.value, s.verdict.reason) for s in result.steps]


def _align(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}"


# splitting a double sum into its diagonal and the rest: the diagonal x_{kk} is the member x_k (a joint
# inclusion probability) or its square (a variance); only the prose says which
DIAGONAL = [
    (r"\sum_{k=1}^M \sum_{l=1}^M (q_{kl} - q_k q_l) z_k z_l",
     r"\sum_{k=1}^M (1 - q_k) q_k z_k^2 + \sum_{k=1}^M \sum_{l \ne k} (q_{kl} - q_k q_l) z_k z_l"),
    (r"\sum_{a=1}^m \sum_{b=1}^m c_a c_b \gamma_{ab}",
     r"\sum_{a=1}^m c_a^2 \gamma_a^2 + \sum_{a=1}^m \sum_{b \neq a} c_a c_b \gamma_{ab}"),
]


@pytest.mark.parametrize("lhs, rhs", DIAGONAL)
def test_diagonal_of_a_pair_family_is_not_refuted(lhs, rhs):
    [(status, reason)] = _verdicts(_align(lhs, rhs))
    assert status == "unverified"
    assert "diagonal" in reason


# the same splits with a slip outside the diagonal stay errors
DIAGONAL_SLIPS = [
    (r"\sum_{k=1}^M \sum_{l=1}^M (q_{kl} - q_k q_l) z_k z_l",
     r"\sum_{k=1}^M (1 - q_k) q_k z_k^2 + 2\sum_{k=1}^M \sum_{l \ne k} (q_{kl} - q_k q_l) z_k z_l"),
    (r"\sum_{a=1}^m \sum_{b=1}^m c_a c_b \gamma_{ab}",
     r"\sum_{a=1}^m c_a^2 \gamma_a^2 - \sum_{a=1}^m \sum_{b \neq a} c_a c_b \gamma_{ab}"),
]


@pytest.mark.parametrize("lhs, rhs", DIAGONAL_SLIPS)
def test_slip_beside_a_diagonal_is_still_refuted(lhs, rhs):
    [(status, _)] = _verdicts(_align(lhs, rhs))
    assert status == "refuted"


def test_a_diagonal_written_as_such_verifies():
    [(status, _)] = _verdicts(_align(r"\sum_{k=1}^M \sum_{l=1}^M q_{kl}",
                                     r"\sum_{k=1}^M q_{kk} + \sum_{k=1}^M \sum_{l \ne k} q_{kl}"))
    assert status == "verified"


FILLER = "\n".join(f"Remark {k} on the design, in words only." for k in range(30))


def test_count_of_one_arm_named_once_holds_far_below():
    # the arm's size given once at the top of a section, used forty lines further down
    body = ("Of the $m$ patients, $m_1$ get the drug and $m_0 = m - m_1$ the placebo.\n" + FILLER + "\n"
            + _align(r"\frac{A}{m_1} - \frac{A}{m}", r"\frac{m_0 A}{m m_1}"))
    [(status, _)] = _verdicts(body)
    assert status == "verified"


def test_count_of_one_arm_does_not_rescue_a_slip():
    body = ("Of the $m$ patients, $m_1$ get the drug and $m_0 = m - m_1$ the placebo.\n" + FILLER + "\n"
            + _align(r"\frac{A}{m_1} - \frac{A}{m}", r"\frac{2 m_0 A}{m m_1}"))
    [(status, _)] = _verdicts(body)
    assert status != "verified"


def test_numbered_member_given_from_itself_is_no_definition():
    # u_2 = u_2 + ... writes the member it gives: a relation, which verifies nothing
    body = "Here $u_2 = 3 u_2 - u_1$.\n" + FILLER + "\n" + _align(r"u_2 + u_1", r"2 u_1")
    [(status, _)] = _verdicts(body)
    assert status != "verified"


CONDITIONS = [
    "The weighted estimator has the smaller variance when",
    "This inequality is reversed if and only if",
    "The design is efficient provided that",
]


@pytest.mark.parametrize("words", CONDITIONS)
def test_relation_introduced_as_condition_is_not_refuted(words):
    body = words + "\n\\begin{align*}\nu - 2 r v + r^2 w < u .\n\\end{align*}"
    [(status, reason)] = _verdicts(body)
    assert status == "unverified"
    assert "condition" in reason


def test_same_relation_stated_as_a_claim_is_refuted():
    body = "We find\n\\begin{align*}\nu - 2 r v + r^2 w < u .\n\\end{align*}"
    [(status, _)] = _verdicts(body)
    assert status == "refuted"


def test_chain_after_the_word_is_still_checked():
    # only a lone relation is a condition: a derivation after "if" still claims its steps
    body = "If\n\\begin{align*}\n(g + h)^2 &= g^2 + h^2 \\\\\n&= g h\n\\end{align*}"
    statuses = [status for status, _ in _verdicts(body)]
    assert "refuted" in statuses
