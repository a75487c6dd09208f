"""The safety net's rules and lines (triage-protocol.md, "Safety net"). The held-out set is in bench-nlu."""

import pytest

from bot.content import load_content
from bot.safety import detect, lines_for, spelled, topic_kinds

CRISIS = load_content().crisis
QUESTIONS = load_content().triage.questions


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mijn kind heeft mij bedreigd met een mes, wat moet ik doen?", "violence"),  # seed 003 l. 1063
        ("ik wil dood", "suicide"),
        ("ik wil niet meer leven", "suicide"),
        ("hij snijdt zich in zijn armen", "selfharm"),
        ("mijn vader slaat ons", "violence"),
        ("mijn oom zit aan me", "abuse"),
        ("er is al dagen geen eten in huis", "neglect"),
        ("ik ben bang dat ik mijn baby iets aandoe", "parent_overload"),
        ("mijn dochter van 14 is sinds gisteren weg en neemt niet op", "missing"),
        ("iemand dreigt mijn naaktfoto's te verspreiden als ik niet betaal", "exploitation"),
        # a parent gone is neglect, not (only) a missing child: Veilig Thuis belongs in the lines
        ("mijn vader is al vier dagen weg en ik ben 11", "neglect"),
        ("onze dochter van 15 is weggelopen en slaapt bij een oudere man", "exploitation"),
        ("hij schreef dat hij zich iets aandoet als ze het uitmaakt", "suicide"),
        ("mijn man zegt dat hij zichzelf en de kinderen iets aandoet", "violence"),
        # young people's own words, fourth round
        ("echt niemand zou me nog missen", "suicide"),
        ("mn zusje mag mn spullen hebben als ik er niet meer ben", "suicide"),
        ("soms hoop ik dat ik doodga in mijn slaap, ik hoop dat ik doodga echt", "suicide"),
        ("zou gwn voor een vrachtwagen stappen als ik durfde", "suicide"),
        ("mijn polsen lijken wel een barcode", "selfharm"),
        ("als mijn vader boos wordt pakt hij de broeksriem", "violence"),
        # fifth round, in other words than the examples it was written on
        ("onze baby is twee maanden oud en ik heb soms de neiging om haar te laten vallen", "parent_overload"),
        # sixth round, from the misses left out one author at a time, in other words
        ("ze heeft 25 ibuprofen ingenomen", "suicide"),
        ("hoeveel van die oxazepam zijn dodelijk?", "suicide"),
        ("mijn spullen heb ik al verdeeld", "suicide"),
        ("mijn stiefvader bindt me soms vast aan het bed", "violence"),
        ("zijn vader wurgt hem als hij dronken is", "violence"),
        ("slecht, ik heb vannacht weer in mn armen gekrast", "selfharm"),  # tried by hand as a triage answer
    ],
)
def test_rules_name_the_kind(text: str, kind: str) -> None:
    signal = detect(text, CRISIS)
    assert signal is not None and kind in signal.kinds and signal.by_rule


@pytest.mark.parametrize(
    "text",
    [
        "hij is bang in het donker",
        "wie zorgt er voor de kinderen als ik er niet meer ben? ik ben ongeneeslijk ziek",
        "bij de kassa scan je zelf de barcode van de boodschappen",
        "mijn zoon stopt met alles wat hij begint, eerst judo en nu weer gitaar",
        "hij slaat zijn broertje als hij boos is",
        "ik ga dood van schaamte",
        "ze wil niet dood, ze is alleen somber",
        "ik ben niet bang dat ik haar iets aandoe hoor, ik ben gewoon moe van het nachtvoeden",
        "mijn dochter vroeg wat doodgaan is",
        "we vonden haar meteen terug, ze was even weggelopen in de winkel",
        "ik wil hem laten vallen als vriend, hij liegt steeds tegen me",
        "de baby heeft mijn telefoon laten vallen",
        "we hebben de fietsen vastgebonden op de auto",
        "de kat heeft in mijn arm gekrast",
        "hoeveel paracetamol mag een kind van 6?",
    ],
)
def test_ordinary_worries_do_not_fire(text: str) -> None:
    assert detect(text, CRISIS) is None


UNSURE = (CRISIS.model_threshold + CRISIS.model_sure) / 2  # enough to fire, not enough to overrule a context
SURE = CRISIS.model_sure


def test_the_model_alone_fires_without_naming_a_kind() -> None:
    signal = detect("ik zie het nergens meer zitten en heb een plan", CRISIS, 0.9)
    assert signal is not None and signal.kinds == () and signal.by_model and not signal.by_rule


def test_a_figure_of_speech_overrules_an_unsure_model_and_is_not_read_by_the_rules() -> None:
    assert CRISIS.model_threshold < UNSURE < CRISIS.model_sure
    assert detect("ik ga dood van schaamte", CRISIS, UNSURE) is None
    assert detect("ik wil dood van schaamte", CRISIS) is None
    assert detect("ik schaam me dood en ik wil dood", CRISIS, UNSURE) is not None


def test_a_sure_model_is_not_overruled_by_an_everyday_context() -> None:
    text = "ik zit hier met een pleister op mijn pols en ik zie het echt niet meer zitten"
    assert detect(text, CRISIS, UNSURE) is None
    assert detect(text, CRISIS, SURE) is not None


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon moet een spreekbeurt houden over kindermishandeling, waar vindt hij informatie?",
        "wat is grooming?",
        "mijn dochter vroeg wat zelfbeschadiging betekent, ze las het in een boek",
        "op het nieuws was een vermist meisje en nu is mijn zoontje bang",
        "stel dat mijn kind ooit gepest wordt en zichzelf iets aan wil doen, wat doe ik dan?",
        "drie jaar geleden sneed ik mezelf, ik heb therapie gehad en het gaat nu goed",
    ],
)
def test_talking_about_a_danger_is_not_being_in_one(text: str) -> None:
    """A school project, the news or a past that is handled sets off no pattern, and only a sure model."""
    assert detect(text, CRISIS) is None
    assert detect(text, CRISIS, UNSURE) is None
    assert detect(text, CRISIS, SURE) is not None


@pytest.mark.parametrize(
    "text",
    [
        "drie jaar geleden sneed ik mezelf, ik had therapie, maar gisteren heb ik het weer gedaan",
        "wat is de snelste manier om dood te gaan",
        "hoeveel pillen moet je nemen om niet meer wakker te worden? het is niet voor een spreekbeurt",
        "mijn arm zit vol sneetjes, wat zeg ik als iemand vraagt wat dat is",
        "ik moet een werkstuk maken maar vorig jaar begon mijn vader me te slaan en het gebeurt nog steeds",
    ],
)
def test_a_danger_here_now_is_not_silenced_by_those_contexts(text: str) -> None:
    assert detect(text, CRISIS, UNSURE) is not None


def test_a_filmpje_is_not_a_film() -> None:
    """The figure "film" must not hide a threat with a video of the person."""
    assert detect("hij heeft een filmpje van me en wil meer", CRISIS, UNSURE) is not None
    assert detect("we keken een horrorfilm en nu is ze doodsbang", CRISIS, UNSURE) is None


@pytest.mark.parametrize(
    "text",
    [
        "hoe praat ik met mijn kind over zelfmoord nadat we een serie hebben gekeken?",
        "lol mijn vriendin noemt haar nieuwe vriend een loverboy omdat hij steeds bloemen geeft",
        "wat zijn signalen van zelfbeschadiging bij pubers?",
    ],
)
def test_a_topic_word_alone_does_not_fire(text: str) -> None:
    """Words that name a danger come up in questions about it; only the classifier decides on them."""
    assert detect(text, CRISIS, CRISIS.model_threshold - 0.01) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mijn dochter is gisteren verkracht door een jongen van school", "abuse"),
        ("ik wordt gechanteerd met een foto", "exploitation"),
        ("ik denk de hele dag aan zelfmoord", "suicide"),
        # a missing child with an older man: the parent also needs Veilig Thuis, not only 112
        ("onze zoon van 13 is al twee nachten weg, hij zou bij een veel oudere man zitten", "exploitation"),
    ],
)
def test_a_topic_word_names_the_kind_when_the_model_fires(text: str, kind: str) -> None:
    signal = detect(text, CRISIS, UNSURE)
    assert signal is not None and kind in signal.kinds and signal.by_model


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik word thuis geslaagen als ik te laat ben", "violence"),
        ("ik heb mezelf gisteren weer gesneeden", "selfharm"),
        ("mijn ex heeft me gewurgt", "violence"),
    ],
)
def test_a_misspelt_danger_word_is_read_by_the_patterns(text: str, kind: str) -> None:
    signal = detect(text, CRISIS)
    assert signal is not None and kind in signal.kinds and signal.by_rule


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("hoe praat ik met mn zoon over selfmoord", "suicide"),
        ("wat doe je als je kind verkragt is", "abuse"),
        ("ze zegt dat ze aan zelfbeschaddiging doet", "selfharm"),
    ],
)
def test_a_misspelt_topic_word_names_its_kind(text: str, kind: str) -> None:
    assert topic_kinds(text, CRISIS) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft goed geslapen en wil later veel geld verdienen",
        "in alle klassen is er een mentor",
        "ik vermoed dat hij verliefd is",
        "zijn fiets is bekrast",
    ],
)
def test_everyday_words_close_to_a_danger_word_are_left_as_they_are(text: str) -> None:
    assert spelled(text, CRISIS) == text


def test_a_typed_triage_answer_needs_a_surer_classifier() -> None:
    """A short answer ("ik sta er alleen voor" to "how are you coping?") reads heavier to the classifier than it is."""
    text, coping = "ik sta er alleen voor en het valt me zwaar", QUESTIONS["capacity"]
    assert detect(text, CRISIS, CRISIS.model_threshold) is not None
    assert detect(text, CRISIS, CRISIS.answer_threshold - 0.01, answering=coping) is None
    assert detect(text, CRISIS, CRISIS.answer_threshold, answering=coping) is not None


@pytest.mark.parametrize(
    ("question", "text"),
    [("network", "nee, ik heb eigenlijk niemand"), ("risks", "schulden, en ik sta er alleen voor")],
)
def test_an_answer_made_of_answer_phrases_is_left_to_the_triage_rules(question: str, text: str) -> None:
    assert detect(text, CRISIS, 0.99) is not None
    assert detect(text, CRISIS, 0.99, answering=QUESTIONS[question]) is None


@pytest.mark.parametrize(
    ("question", "text"),
    [
        ("capacity", "ik wil niet meer"),
        ("network", "niemand, en ik wil er niet meer zijn"),
        ("risks", "verlies, ik wil naar hem toe"),
    ],
)
def test_an_answer_that_says_more_than_its_values_is_read_by_the_classifier(question: str, text: str) -> None:
    assert detect(text, CRISIS, CRISIS.answer_threshold, answering=QUESTIONS[question]) is not None


def test_a_pattern_fires_on_a_triage_answer_as_on_any_message() -> None:
    signal = detect("nee, mijn man slaat ons", CRISIS, 0.0, answering=QUESTIONS["safe_now"])
    assert signal is not None and signal.kinds == ("violence",)


def test_a_negated_topic_word_names_no_kind() -> None:
    signal = detect("ik ben niet misbruikt, maar mijn vader slaat me wel", CRISIS, UNSURE)
    assert signal is not None and "abuse" not in signal.kinds and "violence" in signal.kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("sorry my dutch is bad, my daughter wants to die and she has pills", "suicide"),
        ("my stepdad beats me when he is drunk", "violence"),
        ("i am so tired, i am afraid i will hurt my baby", "parent_overload"),
        ("our son is missing since this afternoon", "missing"),
    ],
)
def test_a_parent_writing_english_is_heard(text: str, kind: str) -> None:
    """The classifier learned Dutch; a parent in danger who writes English still gets the lines."""
    signal = detect(text, CRISIS)
    assert signal is not None and kind in signal.kinds


@pytest.mark.parametrize(
    "text",
    [
        "my son hit his head at school, should i worry?",
        "she is not suicidal, just sad",
        "he doesn't want to die, he is only sad",
    ],
)
def test_english_everyday_and_negated_do_not_fire(text: str) -> None:
    assert detect(text, CRISIS) is None


def test_an_unsure_model_does_not_fire() -> None:
    assert detect("het is allemaal zo zwaar", CRISIS, CRISIS.model_threshold - 0.01) is None


@pytest.mark.parametrize(
    ("kinds", "asker", "expected"),
    [
        (["suicide"], "ouder", ["112", "113 Zelfmoordpreventie"]),
        (["suicide"], "jongere", ["112", "113 Zelfmoordpreventie", "De Kindertelefoon"]),
        (["violence"], "ouder", ["112", "Veilig Thuis"]),
        (["abuse"], "jongere", ["112", "Veilig Thuis", "De Kindertelefoon"]),
        (["selfharm"], "jongere", ["113 Zelfmoordpreventie", "De Kindertelefoon"]),
        (["missing"], "ouder", ["112"]),
        (["selfharm", "violence"], "jongere", ["112", "113 Zelfmoordpreventie", "De Kindertelefoon", "Veilig Thuis"]),
        ([], None, ["112", "113 Zelfmoordpreventie", "Veilig Thuis"]),
    ],
)
def test_lines_fit_what_was_said_and_who_asks(kinds: list, asker: str | None, expected: list) -> None:
    assert [line.name for line in lines_for(kinds, asker, CRISIS)] == expected


def test_every_line_has_its_number() -> None:
    numbers = {"112": "112", "veilig_thuis": "0800-2000", "113": "0800-0113", "kindertelefoon": "0800-0432"}
    for key, number in numbers.items():
        assert number in CRISIS.lines[key].text
