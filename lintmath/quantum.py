"""The standard gates of quantum computing as their matrices, for the reading GATES of a step.

``H|0\\rangle = \\frac{1}{\\sqrt2}(|0\\rangle + |1\\rangle)`` holds with H the Hadamard gate; beside kets a
capital H is as often a Hamiltonian (``H|n\\rangle = E_n|n\\rangle``) and X an operator or a random
variable. So the gates are one reading among others, tried only where a step writes states (or
multiplies Pauli matrices and nothing else): a step that holds with them is verified, and one that
fails with them is left unverified (the letters may be other operators), unless a sign flip of the
line makes it hold with the gates (see check.py).

Conventions: the control of CNOT (CX) is the first qubit of ``|ct\\rangle`` in one reading (the
textbooks') and the second in another (Qiskit's, which orders qubits from the right); rotations are
``R_a(\\theta) = e^{-i\\theta\\sigma_a/2}``; the Pauli matrices are ``\\sigma_x, \\sigma_y, \\sigma_z`` (or
``\\sigma_1, \\sigma_2, \\sigma_3``), X, Y, Z.

Without states, gates named by their letters are read where a step multiplies two different ones (or
applies a rotation) and writes nothing but numbers, i and the identity besides: HYH = -Y holds with
them and is left unverified (H may be a Hamiltonian), XY = iZ (which writes i) is verified. Which
qubit a document's CNOT takes as the control is settled across its steps (see qubitorder.py); a state
named other than by qubits is put in where the document states its value in numbers (see check.py).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

import sympy as sp

from lintmath.parse import nodes as n

GATES = ("gates",)
NAMED_STATE = "a state named other than by qubits (|\\psi>, |3>) is not decided yet"
# context items: a state named other than by qubits given its value (|\chi> = \frac35|0> + \frac{4i}{5}|1>),
# in force for the derivations of its passage
STATE_KIND = "state"
STATE_REACH = 150
GATES_REVERSED = ("gates", "reversed")  # the same, with the control of CNOT the second qubit
# Pauli matrices for sigmas that may as well be standard deviations, and gates for letters that may
# as well be other operators (HZH = X): a reading that only says "holds if they are", never verifies
PAULI_ONLY = ("gates", "pauli")
# the readings of this module: their matrices are complex whether or not the step writes i
GATE_KEYS = frozenset({GATES, GATES_REVERSED, PAULI_ONLY})

_R = 1 / sp.sqrt(2)
_M = sp.ImmutableMatrix
PAULI = {
    "x": _M([[0, 1], [1, 0]]), "y": _M([[0, -sp.I], [sp.I, 0]]), "z": _M([[1, 0], [0, -1]]),
}
PAULI.update({"1": PAULI["x"], "2": PAULI["y"], "3": PAULI["z"]})
# single-qubit gates by their one-letter names, written plain (H) or upright (\mathrm{H})
LETTER_GATES = {
    "H": _M([[_R, _R], [_R, -_R]]), "X": PAULI["x"], "Y": PAULI["y"], "Z": PAULI["z"],
    "S": _M([[1, 0], [0, sp.I]]), "T": _M([[1, 0], [0, sp.exp(sp.I * sp.pi / 4)]]), "I": _M(sp.eye(2)),
}
_CNOT = _M([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]])
_CNOT_REVERSED = _M([[1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0]])
_CZ = _M(sp.diag(1, 1, 1, -1))
# gates with names of several letters, as \mathrm{CNOT}, \text{SWAP} write them
WORD_GATES = {
    "CNOT": _CNOT, "CX": _CNOT, "CZ": _CZ, "SWAP": _M([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]),
    "NOT": PAULI["x"],
}
# what follows the C of a controlled gate: C_{NOT}, C_X, CX, CNOT, CZ
CONTROLLED = {"NOT": _CNOT, "X": _CNOT, "Z": _CZ}
ROTATION_AXES = ("x", "y", "z", "X", "Y", "Z")
PAULI_NAMES = ("\\sigma",)


def _plain(node: n.Node) -> bool:
    return isinstance(node, n.Sym) and not node.labels and not node.primes and node.sup_letter is None


def _index_text(node: n.Node) -> str:
    if isinstance(node, n.Num):
        return node.value
    if isinstance(node, n.Sym) and not node.indices and not node.labels:
        return node.base
    return ""


def reads(flips: frozenset) -> bool:
    """Whether a reading lowers the standard gates (and Pauli matrices)."""
    return GATES in flips or GATES_REVERSED in flips or PAULI_ONLY in flips


def _oriented(value: sp.ImmutableMatrix, flips: frozenset) -> sp.ImmutableMatrix:
    return _CNOT_REVERSED if value is _CNOT and GATES_REVERSED in flips else value


def pauli(node: n.Node) -> sp.ImmutableMatrix | None:
    """``\\sigma_x``, ``\\sigma_2``: a Pauli matrix; None for any other symbol (``\\sigma_i``, ``\\sigma``)."""
    if not (_plain(node) and node.base in PAULI_NAMES and len(node.indices) == 1 and not node.style):
        return None
    return PAULI.get(_index_text(node.indices[0]))


def gate_matrix(node: n.Node, flips: frozenset = frozenset([GATES])) -> sp.ImmutableMatrix | None:
    """The matrix of a symbol that names a standard gate in the reading ``flips``, None otherwise.
    A dagger is the adjoint."""
    if not isinstance(node, n.Sym) or node.primes or node.sup_letter is not None \
            or any(label != "\\dagger" for label in node.labels):
        return None
    plain = n.Sym(node.start, node.end, node.base, node.style, node.indices)
    value = pauli(plain)
    if value is None and node.style in ("", "rm", "op"):
        if not node.indices:
            value = LETTER_GATES.get(node.base) if node.style != "op" else WORD_GATES.get(node.base)
            if value is None and node.style == "rm":
                value = WORD_GATES.get(node.base)
        elif node.base == "C" and node.style != "op":
            value = CONTROLLED.get("".join(_index_text(i) for i in node.indices))
    if value is None:
        return None
    value = _oriented(value, flips)
    return _M(value.H) if node.labels else value


def rotation(node: n.Node, angle: sp.Expr) -> sp.ImmutableMatrix:
    """``R_x(\\theta)`` and its kin, e^{-i theta sigma/2}, at ``angle``."""
    sigma = PAULI[node.func.indices[0].base.lower()]
    return _M(sp.cos(angle / 2) * sp.eye(2) - sp.I * sp.sin(angle / 2) * sigma)


def is_rotation(node: n.Node) -> bool:
    """``R_z(\\theta)``: R with one axis as its subscript, applied to one angle."""
    if not isinstance(node, n.Apply) or len(node.args) != 1 or node.bracket != "(" or node.primes:
        return False
    func = node.func
    return _plain(func) and func.base == "R" and func.style in ("", "rm") and len(func.indices) == 1 \
        and _index_text(func.indices[0]) in ROTATION_AXES


def letter_run(factors: tuple, ops: tuple, k: int,
               flips: frozenset = frozenset([GATES])) -> tuple[sp.ImmutableMatrix, int] | None:
    """``CX``, ``CZ``, ``CNOT`` typed as letters side by side (C X, C N O T) from factor ``k``: the
    controlled gate and how many factors it spans."""
    first = factors[k]
    if not (_plain(first) and first.base == "C" and not first.style and not first.indices):
        return None
    word = ""
    for j in range(k + 1, min(k + 4, len(factors))):
        f = factors[j]
        if ops[j - 1] != "" or not (_plain(f) and not f.style and not f.indices and len(f.base) == 1):
            return None
        word += f.base
        if word in CONTROLLED:
            return _oriented(CONTROLLED[word], flips), j - k + 1
    return None


def _gates(tree: n.Node) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The gates a tree writes: each as its name reads in a message, and the bases of the symbols
    that write it (a letter, a rotation's R, the letters of CNOT typed side by side)."""
    for node in tree.walk():
        if isinstance(node, n.Sym) and gate_matrix(node) is not None:
            name = node.base if not node.indices else f"{node.base}_{''.join(_index_text(i) for i in node.indices)}"
            yield name, (node.base,)
        elif is_rotation(node):
            yield f"R_{_index_text(node.func.indices[0])}", (node.func.base,)
        elif isinstance(node, n.Mul):
            for k in range(len(node.factors)):
                run = letter_run(node.factors, node.ops, k)
                if run is not None:
                    letters = tuple(f.base for f in node.factors[k:k + run[1]])
                    yield "".join(letters), letters


def gate_names(*trees: n.Node) -> set[str]:
    return {name for tree in trees for name, _ in _gates(tree)}


def gate_bases(*trees: n.Node) -> set[str]:
    """The bases of the symbols a step with the reading GATES reads as gates (and i, the imaginary
    unit): constants of that reading, not names the step needs from elsewhere."""
    return {"i"} | {base for tree in trees for _, bases in _gates(tree) for base in bases}


def _subscripts(trees: tuple[n.Node, ...]) -> set[int]:
    # the x of \sigma_x is a subscript, not a letter of the step
    return {id(x) for tree in trees for node in tree.walk() if isinstance(node, n.Sym)
            for index in node.indices for x in index.walk()}


def _gate_product(node: n.Node) -> bool:
    """A product (or tensor product) of at least two different standard gates side by side: HZH,
    X \\otimes Z. A power (X^2) or one gate alone is no mark: X^2 = I says as much of any involution."""
    if not isinstance(node, n.Mul):
        return False
    gates = [f for f in node.factors if isinstance(f, n.Sym) and gate_matrix(f) is not None]
    return len(gates) >= 2 and len({n.structure(g) for g in gates}) >= 2


def _pauli_algebra(trees: tuple[n.Node, ...]) -> bool:
    """A step that multiplies standard gates and writes nothing else but numbers, i, the identity and
    matrices written out: Pauli matrices (``\\sigma_x\\sigma_y = i\\sigma_z``, whose sigmas beside other
    letters, ``\\rho\\sigma_x\\sigma_y``, are as often standard deviations) or gates named by their
    letters (``HYH = -Y``: read as numbers, H^2 Y = -Y would be refuted), rotations among them
    (``R_x(\\pi) = -iX``)."""
    subscripts = _subscripts(trees)
    # a rotation's R and its angle are the gate's, whatever letters the angle writes (R_x(\theta))
    rotations = [x for tree in trees for x in tree.walk() if is_rotation(x)]
    subscripts |= {id(y) for r in rotations for y in r.walk() if y is not r}
    product = bool(rotations)
    # the angle of a rotation or of e^{-i\theta Z/2} may stand beside it too, in the cosine and sine the
    # rotation is written out in (\cos\theta\, I + i\sin\theta\, X)
    angles = {y.key for tree in trees for x in tree.walk()
              if is_rotation(x) or isinstance(x, n.Pow) and _exponential_of_pauli(x)
              for y in (x.args[0] if is_rotation(x) else x.exp).walk()
              if isinstance(y, n.Sym) and gate_matrix(y) is None and id(y) not in subscripts}
    for tree in trees:
        for node in tree.walk():
            if isinstance(node, n.Sym) and id(node) not in subscripts and node.key not in angles:
                if gate_matrix(node) is None and not (node.base in ("i", "I") and not node.indices and not node.style):
                    return False
            elif isinstance(node, n.Mul):
                product |= sum(pauli(f) is not None for f in node.factors) >= 2 or _gate_product(node)
            elif isinstance(node, n.Pow):
                product |= pauli(node.base) is not None or _exponential_of_pauli(node)
            elif isinstance(node, n.MatrixLit) and len(node.rows) in (2, 4) and not node.det and not node.listed \
                    and all(len(row) == len(node.rows) for row in node.rows):
                # \begin{pmatrix}0&-1\\1&0\end{pmatrix} = -iY: a gate set against its square matrix written out
                # (a step of written matrices alone is no gate's, nor one beside the identity or a T only: M - 4I
                # and T(u - 2v) of linear algebra, whose columns are no states either)
                product |= bool(gate_names(*trees) - {"I", "T"})
            elif isinstance(node, n.Func) and node.name == n.COMMUTATOR:
                # [X, Y] = 2iZ: the commutator multiplies its gates, both ways round
                product |= all(isinstance(a, n.Sym) and gate_matrix(a) is not None for a in node.args)
    return product


def _exponential_of_pauli(node: n.Pow) -> bool:
    """e^{-i\\theta Z/2}, e^{i\\phi\\sigma_x}: e raised to a Pauli matrix times i, a rotation written as
    its exponential, which as numbers (e^{-i\\pi Z/2} = -iZ) fails where the matrix's holds. Only X, Y, Z
    and the sigmas: e^{-iHt} exponentiates a Hamiltonian as often as the Hadamard gate."""
    if not (isinstance(node.base, n.Const) and node.base.name == "e"):
        return False
    letters = [x for x in node.exp.walk() if isinstance(x, n.Sym)]
    imaginary = any(x.base == "i" and not x.indices and not x.style for x in letters)
    return imaginary and any(pauli(x) is not None or x.base in ("X", "Y", "Z") and not x.indices and not x.style
                             and gate_matrix(x) is not None for x in letters)


def quantum_marked(*trees: n.Node) -> bool:
    """Whether a step writes i, I or a third sigma (z, 3), which statistics does not; of gates named by
    letters (H, X, Z, which are as often other operators), only i or a matrix written out marks it."""
    subscripts = _subscripts(trees)
    nodes = [node for tree in trees for node in tree.walk()]
    if not any(pauli(node) is not None for node in nodes if id(node) not in subscripts):
        return any(isinstance(node, n.MatrixLit) or isinstance(node, n.Sym) and id(node) not in subscripts
                   and node.base == "i" and not node.indices and not node.style for node in nodes)
    return any(_quantum_mark(node, subscripts) for node in nodes)


def _quantum_mark(node: n.Node, subscripts: set[int]) -> bool:
    if not isinstance(node, n.Sym) or id(node) in subscripts:
        return False
    if node.base in ("i", "I") and not node.indices:
        return True
    return pauli(node) is not None and _index_text(node.indices[0]) in ("z", "3")


def only_if_gates(*trees: n.Node) -> str:
    """Why a step that holds in the reading PAULI_ONLY is not verified."""
    if any(pauli(node) is not None for tree in trees for node in tree.walk()):
        return "holds if the sigmas are Pauli matrices (not standard deviations)"
    return f"holds if {', '.join(sorted(gate_names(*trees)))} are the standard gates (not other operators)"


def has_direction(*trees: n.Node) -> bool:
    """Whether the step writes a gate whose control and target are not interchangeable (CNOT)."""
    return any(isinstance(node, n.Sym) and gate_matrix(node) is _CNOT or isinstance(node, n.Mul) and any(
        (run := letter_run(node.factors, node.ops, k)) is not None and run[0] is _CNOT for k in range(len(node.factors)))
        for tree in trees for node in tree.walk())


def reads_gates(kets: bool, *trees: n.Node) -> bool:
    """Whether the step gets a reading of the standard gates: it writes states and a gate beside
    them, or it is Pauli algebra alone."""
    if kets:
        return bool(gate_names(*trees))
    return _pauli_algebra(trees)


def gate_keys(kets: bool, *trees: n.Node) -> list[tuple]:
    """The readings of the standard gates a step gets. Pauli algebra that writes no i, I or third
    sigma (z, 3) may be statistics: (\\sigma_x + \\sigma_y)^2 = \\sigma_x^2 + \\sigma_y^2 holds for
    Pauli matrices and is a slip of two standard deviations; there the Pauli matrices only keep a
    step from being refuted."""
    if not reads_gates(kets, *trees):
        return []
    if not kets and not quantum_marked(*trees):
        return [PAULI_ONLY]
    return [GATES, GATES_REVERSED] if has_direction(*trees) else [GATES]


def _named(node: n.Node) -> bool:
    return isinstance(node, n.Ket) and not node.qubits and node.label is not None and node.value is None


def state_value(lhs: n.Node, rhs: n.Node) -> bool:
    """Whether ``lhs = rhs`` gives a named state its value: a ket (not a bra) named other than by qubits
    on the left, and on the right a state written in qubits, numbers, i and the standard gates only. A
    value with letters (\\alpha|0> + \\beta|1>) is left out: its amplitudes are complex, which the
    real points sampled would not test (<psi|psi> = \\alpha^2 + \\beta^2 would hold there)."""
    if not (_named(lhs) and not lhs.bra):
        return False
    nodes = list(rhs.walk())
    if not any(isinstance(x, n.Ket) for x in nodes) or any(isinstance(x, n.Ket) and not x.qubits for x in nodes):
        return False
    return all(gate_matrix(x) is not None or x.base == "i" and not (x.indices or x.style or x.labels)
               for x in nodes if isinstance(x, n.Sym))


def names_state(lhs: n.Node) -> bool:
    """Whether ``lhs`` is a ket named other than by qubits (``|\\chi\\rangle``): the left side a state's
    value would have, whatever the right side writes."""
    return _named(lhs) and not lhs.bra  # type: ignore[attr-defined]


def with_states(tree: n.Node, states: dict) -> tuple[n.Node, list]:
    """``tree`` with each ket and bra named as a key of ``states`` (a label's structure: (value, where))
    given that value, and the wheres of those used."""
    used: list = []

    def put(node: n.Node) -> n.Node | None:
        if _named(node):
            found = states.get(n.structure(node.label))
            if found is not None:
                used.append(found[1])
                return replace(node, value=found[0])
        return None

    return n.rebuild(tree, put), used
