"""The search for the largest text with which six lines fit (pure: room and line heights
are given as functions, as the reader's layout gives them)."""

from __future__ import annotations

from kiosk.ui.style.metrics import MIN_BODY_LINES, largest_body_for_six_lines


def line(px: int) -> float:
    return px * 1.68


def brute_force(natural: int, room_at) -> int:
    fitting = [px for px in range(12, natural + 1) if room_at(px) >= MIN_BODY_LINES * line(px)]
    return max(fitting, default=12)


def recording(room: float, tried: list[int]):
    """A room that does not depend on the size; the sizes tried are kept in ``tried``."""

    def room_at(px: int) -> float:
        tried.append(px)
        return room

    return room_at


def test_text_that_fits_keeps_its_size_after_one_layout():
    tried: list[int] = []
    assert largest_body_for_six_lines(40, recording(1000.0, tried), line) == 40
    assert tried == [40]


def test_a_second_row_of_buttons_at_large_sizes_does_not_leave_the_text_tiny():
    """Seen on a 1280x800 tablet at 160 dpi: at the natural size the bars take two rows and
    almost no room is left; one step down they fit one row and 28 px text fits."""

    def room_at(px: int) -> float:
        return 300.0 if px <= 30 else -40.0  # bars on two rows above 30 px

    found = largest_body_for_six_lines(58, room_at, line)
    assert found == brute_force(58, room_at) == 29


def test_the_search_finds_what_trying_every_size_finds():
    cases = [
        lambda px: 500 - 2 * px,
        lambda px: 420.0 if px < 25 else 250.0,
        lambda px: 380 - (px // 7) * 30,
        lambda px: 200.0,
    ]
    for natural in (18, 35, 58):
        for room_at in cases:
            assert largest_body_for_six_lines(natural, room_at, line) == brute_force(
                natural, room_at
            )


def test_nothing_fits_gives_the_floor_without_trying_it():
    tried: list[int] = []
    assert largest_body_for_six_lines(40, recording(10.0, tried), line) == 12
    assert 12 not in tried and len(tried) <= 8
