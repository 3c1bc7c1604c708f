"""Why it matters: a small model fitted to labelled sentences, scored on held-out ones."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from briefer.significance import fit, is_significant, load_labelled, model, significance

HELD_OUT = Path(__file__).parent / "fixtures" / "policy" / "significance_heldout.tsv"


def test_the_model_is_trained_on_the_shipped_data_only() -> None:
    shipped = resources.files("briefer").joinpath("data/significance.tsv").read_text("utf-8")
    texts, labels = load_labelled(shipped)
    held_texts, _ = load_labelled(HELD_OUT.read_text(encoding="utf-8"))
    assert len(texts) >= 100 and 0.4 <= sum(labels) / len(labels) <= 0.6
    assert not set(texts) & set(held_texts)


def test_precision_and_recall_on_the_held_out_sentences() -> None:
    texts, labels = load_labelled(HELD_OUT.read_text(encoding="utf-8"))
    fitted = model()
    predicted = [p >= fitted.threshold for p in fitted.probability(texts)]
    tp = sum(p and bool(y) for p, y in zip(predicted, labels, strict=True))
    assert tp / sum(predicted) >= 0.9 and tp / sum(labels) >= 0.8


def test_consequence_beats_a_plain_report_of_the_same_story() -> None:
    assert is_significant(
        "The closure would leave fishermen on the island without a port for the winter."
    )
    assert not is_significant("The harbour board met on Tuesday in the town hall.")
    low, high = significance(
        [
            "The board published its annual report on Friday.",
            "The shortfall could force the board to close two ferry routes, putting 200 jobs "
            "at risk.",
        ]
    )
    assert high > 0.5 > low


def test_fit_learns_from_the_labels_it_is_given() -> None:
    texts = ["The cost could ruin the town."] * 5 + ["The mayor met the board."] * 5
    labels = [1] * 5 + [0] * 5
    fitted = fit(texts, list(reversed(labels)))  # labels flipped: the model must follow them
    assert fitted.probability(["The cost could ruin the town."])[0] < 0.5


def test_cues_count_alike_in_any_case_and_with_letters_beyond_ascii() -> None:
    texts = [
        "The Closure Could Leave 4,000 HOUSEHOLDS Without Water, officials WARNED on Monday.",
        "IT IS THE WORST SPILL IN THE GULF'S HISTORY, and the first time since 1979.",
        "Critics Slammed the delay, saying it would cost taxpayers £2 billion because of it.",
        "The council met last week and approved the budget; residents welcomed the step.",
    ]
    fitted = model()
    plain = fitted.features(texts)
    # an accented letter sends a text down the general path, which must count the same cues
    accented = fitted.features([f"{text} é" for text in texts])
    assert (plain == accented).all()
    assert plain[:, :-1].sum() > 0  # the cue columns counted something
