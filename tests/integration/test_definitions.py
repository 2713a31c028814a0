"""Definitions and context (issue 4): a claim is checked against the definitions in force where it
stands, across frames and \\input files; assumptions come from directives."""
from pathlib import Path

from lintmath.config import Config
from lintmath.pipeline import check_file, check_text

CONFIG = Config(jobs=0)


def statuses(result):
    return [(s.step.rhs.line, s.verdict.status.value) for s in result.steps]


def rules(result):
    return [(f.line, f.rule) for f in result.findings]


def test_a_claim_contradicting_a_definition_names_where_it_is():
    text = "\n".join([
        r"\begin{frame}",
        r"\[ L = -\sum_k t_k \log o_k \]",
        r"\end{frame}",
        r"\begin{frame}",
        r"\[ \frac{\partial L}{\partial o_j} = \frac{t_j}{o_j} \]",
        r"\end{frame}",
    ])
    result = check_text(text, "deck.tex", CONFIG)
    (finding,) = result.findings
    assert finding.rule == "LM201" and finding.line == 5
    assert "deck.tex:2" in finding.message


def test_a_claim_agreeing_with_a_definition_is_verified():
    text = "\\[ L = -\\sum_k t_k \\log o_k \\]\n\\[ \\frac{\\partial L}{\\partial o_j} = -\\frac{t_j}{o_j} \\]\n"
    result = check_text(text, "deck.tex", CONFIG)
    assert result.findings == ()
    assert statuses(result)[-1] == (2, "verified")


def test_redefinition_binds_the_name_from_there_on():
    text = "\n".join([
        r"\[ f(x) = x^2 \]",
        r"\[ f(3) = 9 \]",
        r"\[ f(x) = x^3 \]",
        r"\[ f(2) = 8 \]",
        r"\[ f(2) = 4 \]",
    ])
    result = check_text(text, "notes.tex", CONFIG)
    assert dict(statuses(result))[2] == "verified"
    assert dict(statuses(result))[4] == "verified"
    assert rules(result) == [(5, "LM201")]


def test_a_function_definition_used_in_a_later_derivative():
    text = "\n".join([
        r"Let \[ g(z) = z^2 \sin z \]",
        r"\begin{align*}",
        r"\frac{d}{dz} g(z) &= 2z \sin z + z^2 \cos z \\",
        r"&= z (2 \sin z + z \cos z)",
        r"\end{align*}",
        r"\[ \frac{d}{dz} g(z) = 2z \sin z - z^2 \cos z \]",
    ])
    result = check_text(text, "notes.tex", CONFIG)
    assert dict(statuses(result))[3] == "verified"
    assert dict(statuses(result))[4] == "verified"
    assert rules(result) == [(6, "LM201")]


def test_the_library_sigma_yields_to_the_documents_own_definition():
    text = "\n".join([
        r"\[ \sigma(z) = \tanh(z) \]",
        r"\[ \frac{d}{dz} \sigma(z) = 1 - \sigma(z)^2 \]",
    ])
    result = check_text(text, "notes.tex", CONFIG)
    assert dict(statuses(result))[2] == "verified"


def test_definitions_cross_input_files(tmp_path: Path):
    (tmp_path / "defs.tex").write_text("\\[ E = \\frac{1}{2} \\sum_k (y_k - t_k)^2 \\]\n")
    main = tmp_path / "main.tex"
    main.write_text("\\input{defs}\n\\[ \\frac{\\partial E}{\\partial y_j} = y_j + t_j \\]\n"
                    "\\[ \\frac{\\partial E}{\\partial y_j} = y_j - t_j \\]\n")
    result = check_file(str(main), CONFIG)
    assert rules(result) == [(2, "LM201")]
    assert dict(statuses(result))[3] == "verified"
    assert str(tmp_path / "defs.tex") + ":1" in result.findings[0].message


def test_tex_root_gives_a_chapter_the_main_files_definitions(tmp_path: Path):
    (tmp_path / "main.tex").write_text("\\[ E = \\frac{1}{2} \\sum_k (y_k - t_k)^2 \\]\n\\input{chapter}\n")
    chapter = tmp_path / "chapter.tex"
    chapter.write_text("%!TEX root = main.tex\n\\[ \\frac{\\partial E}{\\partial y_j} = y_j - t_j \\]\n")
    result = check_file(str(chapter), CONFIG)
    assert statuses(result) == [(2, "verified")]


def test_input_outside_the_document_tree_is_not_read(tmp_path: Path):
    outside = tmp_path / "secret.tex"
    outside.write_text("\\[ E = 1 \\]\n")
    inner = tmp_path / "doc"
    inner.mkdir()
    main = inner / "main.tex"
    main.write_text("\\input{../secret}\n\\[ E + 1 = 3 \\]\n")
    result = check_file(str(main), CONFIG)
    assert result.findings == ()


def test_an_assume_directive_turns_an_unverified_step_into_a_verified_one():
    step = r"\[ \frac{1}{\cos y} = \frac{1}{\sqrt{1 - \sin^2 y}} \]"
    plain = check_text(step + "\n", "notes.tex", CONFIG)
    assert statuses(plain) == [(1, "unverified")]
    assumed = check_text("% lintmath: assume 0 < y < 1.5\n" + step + "\n", "notes.tex", CONFIG)
    assert statuses(assumed) == [(2, "verified")]


def test_an_assumed_constraint_on_a_sum():
    step = r"\[ \sum_{j=1}^{q} y_j \log Z - \sum_{j=1}^{q} y_j o_j = \log Z - \sum_{j=1}^{q} y_j o_j \]"
    # without the directive, y summing to 1 is a reading lintmath tries (a probability vector), and says so
    guessed = check_text(step + "\n", "notes.tex", CONFIG)
    assert guessed.findings == () and guessed.steps[0].verdict.guessed == ("the y_j summing to 1",)
    wrong = check_text(step.replace(r"= \log Z", r"= 2\log Z") + "\n", "notes.tex", CONFIG)
    assert wrong.findings != ()
    assumed = check_text("% lintmath: assume \\sum_{j=1}^{q} y_j = 1\n" + step + "\n", "notes.tex", CONFIG)
    assert statuses(assumed) == [(2, "verified")]


def test_a_name_reused_for_two_things_produces_no_error():
    text = "\n".join([
        r"\begin{frame}",
        r"\[ h = \frac{1}{2} g t^2 \]",  # h: a height on one slide
        r"\end{frame}",
        r"\begin{frame}",
        r"\begin{align*}",
        r"(h + 1)^2 &= h^2 + 2h + 1 \\",  # h: any number on another
        r"h(1 - h) &= h - h^2",
        r"\end{align*}",
        r"\end{frame}",
    ])
    result = check_text(text, "deck.tex", CONFIG)
    assert result.findings == ()
    assert [s for _, s in statuses(result)][1:] == ["verified", "verified"]


def test_the_definition_step_itself_is_skipped_not_checked():
    result = check_text("\\[ E_x = -\\sum_k t_k^x \\log o_k^x \\]\n", "deck.tex", CONFIG)
    (step,) = result.steps
    assert step.verdict.status.value == "skipped" and "defines" in step.verdict.reason


def test_a_step_that_holds_by_a_definition_in_force_is_not_an_error():
    # both sides mention the mean, so the step alone is decided with it as a free letter; it is an
    # error only if it also fails with the definition put in
    text = "\n".join([
        r"\[ \bar{y} = \frac{1}{m}\sum_{k=1}^{m} y_k \]",
        r"\begin{align*}",
        r"\sum_{k=1}^m (y_k - \bar y)^2 &= \sum_{k=1}^m y_k^2 - 2\bar y\sum_{k=1}^m y_k + m\bar y^2 \\",
        r"&= \sum_{k=1}^m y_k^2 - 2m\bar y^2 + m\bar y^2 \\",
        r"&= \sum_{k=1}^m y_k^2 - 3m\bar y^2",
        r"\end{align*}",
    ])
    result = check_text(text, "stats.tex", CONFIG)
    assert dict(statuses(result))[4] == "verified"
    (finding,) = result.findings  # the step wrong either way stays an error
    assert (finding.line, finding.rule) == (5, "LM103")
    assert finding.suggestion == r"\sum_{k=1}^m y_k^2 - m\bar y^2"


def test_a_letter_whose_value_the_document_states_rescues_a_step_but_is_not_skipped():
    text = "\n".join([
        r"\[ s = \sum_{k=1}^{K} e^{z_k} \]",
        r"\[ \frac{\partial}{\partial z_j}\frac{e^{z_j}}{s} = \frac{e^{z_j}}{s} - \frac{e^{2z_j}}{s^2} \]",
    ])
    result = check_text(text, "softmax.tex", CONFIG)
    assert result.findings == ()
    assert dict(statuses(result))[2] == "verified"
    assert not any(s.verdict.reason.startswith("defines") for s in result.steps)


def test_defined_names_in_variable_positions_stay_variables():
    text = "\n".join([
        r"\[ o_j = \sigma(z_j) \]",
        r"\[ \frac{\partial E}{\partial o_j} = o_j - t_j \]",   # E undefined: not decided, not a crash
        r"\[ f(x) = x^2 \]",
        r"\[ f(a, b^2) = a + b^2 \]",                          # f of two arguments is not this f
    ])
    result = check_text(text, "nn.tex", CONFIG)
    reasons = [s.verdict.reason for s in result.steps]
    assert not any("internal error" in r for r in reasons), reasons
    assert result.findings == ()
