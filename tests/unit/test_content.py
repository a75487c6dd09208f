"""Everything in content/ loads, is complete, and keeps to the writing rules."""

import re
import shutil
from pathlib import Path

import pytest

from bot.content import ANSWER_BANDS, MAX_ANSWER_WORDS, ContentError, current_content, load_content

CONTENT = Path(__file__).resolve().parents[2] / "content"
TOPIC_IDS = {
    "dwars_gedrag", "grensoverschrijdend", "druk_adhd", "angst", "somberheid", "pesten", "school",
    "middelen", "seksualiteit", "leefstijl", "slapen", "zindelijkheid", "voeding", "media",
    "ouderstress", "scheiding",
}  # fmt: skip


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def test_all_sixteen_topics_from_the_domain_notes(content) -> None:
    assert set(content.topics) == TOPIC_IDS


@pytest.mark.parametrize("topic", sorted(TOPIC_IDS))
@pytest.mark.parametrize("band", ANSWER_BANDS)
def test_every_topic_has_every_band_within_the_limits(content, topic: str, band: str) -> None:
    answer = content.answer(topic, band)
    body_words = len(f"{answer.intro} {' '.join(answer.tips)} {answer.when_to_seek_help}".split())
    assert body_words <= MAX_ANSWER_WORDS
    assert 2 <= len(answer.tips) <= 4
    assert answer.source
    assert "Bron:" in answer.text


@pytest.mark.parametrize("topic", sorted(TOPIC_IDS))
def test_youth_answers_speak_to_the_young_person(content, topic: str) -> None:
    text = content.answer(topic, "jongere").text.lower()
    assert "je kind" not in text and "jouw kind" not in text


@pytest.mark.parametrize("topic", sorted(TOPIC_IDS))
@pytest.mark.parametrize("band", ANSWER_BANDS)
def test_every_answer_says_where_to_get_help(content, topic: str, band: str) -> None:
    help_text = content.answer(topic, band).when_to_seek_help
    assert re.search(r"CJG|huisarts|consultatiebureau|jeugdarts|mentor|Kindertelefoon|school", help_text)


def test_contact_details_fill_every_message(content) -> None:
    for key in content.messages:
        text = content.message(key, age="3 jaar").text
        assert "{" not in text and "}" not in text, key


def test_opening_hours_read_as_dutch(content) -> None:
    assert content.contact.opening_hours_text().startswith("maandag 09.00–17.00 uur")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def test_missing_band_names_the_file(content_copy: Path) -> None:
    (content_copy / "topics" / "slapen" / "jongere.md").unlink()
    with pytest.raises(ContentError, match=r"slapen/jongere\.md: missing"):
        load_content(content_copy)


def test_too_long_answer_is_refused(content_copy: Path) -> None:
    path = content_copy / "topics" / "slapen" / "0-4.md"
    path.write_text(path.read_text() + "\n" + "woord " * MAX_ANSWER_WORDS)
    with pytest.raises(ContentError, match=r"slapen/0-4\.md: \d+ words"):
        load_content(content_copy)


def test_front_matter_must_match_the_place(content_copy: Path) -> None:
    path = content_copy / "topics" / "slapen" / "0-4.md"
    path.write_text(path.read_text().replace('band: "0-4"', 'band: "4-12"', 1))
    with pytest.raises(ContentError, match="the file's place says"):
        load_content(content_copy)


def test_missing_source_is_refused(content_copy: Path) -> None:
    path = content_copy / "topics" / "media" / "4-12.md"
    path.write_text(re.sub(r"(?m)^source:.*\n", "", path.read_text()))
    with pytest.raises(ContentError, match="front matter invalid"):
        load_content(content_copy)


def test_bad_office_hours_are_refused(content_copy: Path) -> None:
    path = content_copy / "contact.yml"
    path.write_text(path.read_text().replace('maandag: "09:00-17:00"', 'maandag: "9 tot 5"'))
    with pytest.raises(ContentError, match="hours for maandag"):
        load_content(content_copy)


def test_an_edit_is_live_without_restart(content_copy: Path, monkeypatch) -> None:
    monkeypatch.setenv("CJG_CONTENT_DIR", str(content_copy))
    before = current_content().answer("slapen", "0-4").intro
    path = content_copy / "topics" / "slapen" / "0-4.md"
    path.write_text(path.read_text().replace(before.split(".")[0], "Nieuwe eerste zin van het CJG", 1))
    assert current_content().answer("slapen", "0-4").intro.startswith("Nieuwe eerste zin van het CJG")


@pytest.mark.parametrize(
    ("old", "new", "place"),
    [
        ('    - "(profiel)?werkstuk', '    - "((profiel)?werkstuk', r"about_danger -> contexts -> 0"),
        ('topic_words: ["zelfmoord', 'topic_words: ["(zelfmoord', r"kinds -> suicide -> topic_words -> 0"),
    ],
)
def test_a_broken_safety_pattern_is_refused_with_its_place(content_copy: Path, old: str, new: str, place: str) -> None:
    """A typo in a regular expression must stop the start-up, not silence the safety net."""
    path = content_copy / "crisis.yml"
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ContentError, match=rf"(?s)crisis\.yml.*{place}.*not a valid pattern"):
        load_content(content_copy)


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("check_threshold: 0.2", "check_threshold: 0.9", "check_threshold must not be above model_threshold"),
        ("answer_threshold: ", "answer_threshold: 0.1 #", "answer_threshold must not be below model_threshold"),
        ('unsure_topic_button: "Info: {label}"', 'unsure_topic_button: "Info: {topic}"', r"needs \{label\}"),
        ("check_lines: {ouder: [veilig_thuis,", "check_lines: {ouder: [thuis,", r"unknown lines \['thuis'\]"),
        ('check_lines: {ouder: [veilig_thuis, "113"], ', "check_lines: {", r"check_lines.*needs exactly"),
        ("  - zelfmoord\n", "  - Zelf moord\n", r"spelling.*one lower-case word"),
        ("  - zelfmoord\n", "  - moord\n", r"spelling.*at least 7 letters"),
    ],
)
def test_a_bad_check_setting_is_refused(content_copy: Path, old: str, new: str, error: str) -> None:
    """The check after an unsure message is safety content too: a slip must stop the start-up."""
    path = content_copy / "crisis.yml"
    assert old in path.read_text()
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(ContentError, match=rf"(?s)crisis\.yml.*{error}"):
        load_content(content_copy)
