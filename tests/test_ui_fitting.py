"""The naming rule that fits names into boxes: pure functions, tested without a display."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game.ui.fitting import ELLIPSIS, fit_line, fit_lines, initials, wrap_text, wrap_words


def measure(text: str) -> int:
    """A monospaced font: 7 pixels a character."""
    return 7 * len(text)


def words_of(text: str) -> set[str]:
    """Whole words, where a word may also end after / or -."""
    found: set[str] = set()
    for word in text.split():
        piece = ""
        for char in word:
            piece += char
            if char in "/-":
                found.add(piece)
                piece = ""
        if piece:
            found.add(piece)
    return found


def shows_whole_words(lines: list[str], *sources: str) -> bool:
    allowed = set().union(*(words_of(s) for s in sources))
    for line in lines:
        body = line.removesuffix(ELLIPSIS)
        if any(word not in allowed for word in words_of(body)):
            return False
    return True


def test_the_module_does_not_need_pygame() -> None:
    code = "import sys, game.ui.fitting; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_a_name_that_fits_is_wrapped_at_word_boundaries() -> None:
    name = "Taruna sekolah dinas luar negeri"
    assert fit_lines(name, 7 * 15, 3, measure) == ["Taruna sekolah", "dinas luar", "negeri"]
    assert fit_line("Presiden", 100, measure) == "Presiden"


def test_the_short_name_comes_before_an_ellipsis() -> None:
    full = "Masuk partai: Partai Persatuan Kepulauan"
    short = "Masuk partai: PPK"
    assert fit_line(full, 7 * 20, measure, short) == short
    assert fit_line(full, 7 * 60, measure, short) == full  # the full name when it fits


def test_too_long_ends_with_an_ellipsis_after_a_whole_word() -> None:
    name = "Inspektur Komisi Disiplin"
    assert fit_lines(name, 7 * 11, 1, measure) == ["Inspektur" + ELLIPSIS]
    assert fit_lines(name, 7 * 11, 2, measure) == ["Inspektur", "Komisi" + ELLIPSIS]
    assert fit_line("Lobi dan penasihat", 7 * 12, measure) == "Lobi dan" + ELLIPSIS


def test_initials_then_an_ellipsis_when_no_word_fits() -> None:
    assert initials("Inspektur Komisi Disiplin") == "IKD"
    assert fit_line("Inspektur Komisi Disiplin", 7 * 4, measure) == "IKD"
    assert fit_line("Anggota", 7 * 4, measure) == ELLIPSIS  # one word: no initials
    assert fit_line("Inspektur Komisi Disiplin", 7 * 2, measure) == ELLIPSIS


def test_words_also_break_after_a_slash_or_a_hyphen() -> None:
    assert wrap_words("Bupati/wali kota", 7 * 8, measure) == ["Bupati/", "wali", "kota"]
    assert fit_line("999/partai", 7 * 6, measure) == "999/" + ELLIPSIS
    assert fit_lines("Foreign-service officer", 7 * 9, 2, measure) == [
        "Foreign-", "service" + ELLIPSIS]


@pytest.mark.parametrize("name", [
    "Anggota Komite Sentral", "Perdana Menteri Dewan Negara", "Inspektur Komisi Disiplin",
    "Pegawai negeri jalur cepat", "Anggota DPRD kabupaten/kota", "Foreign-service trainee",
    "Ketua", "Sekretaris Jenderal",
])
def test_no_width_ever_cuts_a_word_in_the_middle(name: str) -> None:
    for width in range(0, 7 * 40, 3):
        for lines in (1, 2, 3):
            shown = fit_lines(name, width, lines, measure, short="SJ")
            assert len(shown) <= lines, (width, lines, shown)
            assert shows_whole_words(shown, name, "SJ") or shown == [initials(name)], (
                width, lines, shown)
            assert all(measure(line) <= width for line in shown if line != ELLIPSIS), shown


def test_running_text_cuts_only_a_word_wider_than_the_line() -> None:
    text = "a /tmp/saluran/saves/slot8.json path and Supercalifragilistic"
    assert wrap_text(text, 7 * 10, measure) == [
        "a /tmp/", "saluran/", "saves/", "slot8.json", "path and",
        "Supercalif", "ragilistic"]  # the only word cut is wider than a whole line
