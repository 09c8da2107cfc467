from kiosk.session import Session


def test_page_navigation_is_clamped():
    session = Session(default_language="fr")
    session.open_topic("t", 3)
    assert session.on_first_page and not session.previous_page()
    assert session.next_page() and session.next_page()
    assert session.on_last_page and not session.next_page()
    assert session.page_index == 2
    assert not session.go_to(7) and session.go_to(0)


def test_wipe_forgets_everything_but_the_default_language():
    session = Session(default_language="fr")
    session.language = "en"
    session.open_topic("t", 5)
    session.next_page()
    session.questions.add_own("Mon secret ?")
    session.pages_covered.add(2)
    session.started, session.text_scale, session.high_contrast = True, 2, True
    session.wipe()
    fresh = Session(default_language="fr")
    assert vars(session.questions) == vars(fresh.questions) == {"chosen_ids": [], "own": []}
    del vars(session)["questions"], vars(fresh)["questions"]
    assert vars(session) == vars(fresh)


def test_a_session_never_shows_the_patients_words():
    session = Session(default_language="fr")
    session.questions.add_own("Mon secret ?")
    assert "secret" not in repr(session) and "secret" not in repr(session.questions)
