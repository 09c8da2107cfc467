"""The kiosk supervisor's states and every transition between them, in one table.

What runs in each state (the idle clock, the "still there?" countdown, the staff panel,
content reloads) is decided by the state alone, never by which widget happens to be shown:
see ``Supervisor._enter``.
"""

from __future__ import annotations

from enum import Enum


class State(Enum):
    ATTRACT = "attract"  # nobody: the attract screen; pending content reloads apply here
    READING = "reading"  # a patient's visit (kiosk mode: the idle clock runs)
    STILL_THERE = "still there"  # "Êtes-vous toujours là ?" counts down
    STAFF_PIN = "staff pin"  # the PIN pad: the patient's idle clock still runs under it
    STAFF = "staff"  # the staff panel: no clock, no countdown, nobody thrown out
    RECOVERING = "recovering"  # after an unexpected error: a calm message, then attract
    # Not a state: back to the visit if one is under way (READING), else ATTRACT.
    RESUME = "resume"


class Event(Enum):
    STARTED = "visit started"
    ENDED = "visit ended"  # by any trigger: it went through MainWindow.end_session
    IDLE = "idle timeout"
    CONTINUED = "patient still there"
    GESTURE = "staff gesture"
    PIN_OK = "PIN accepted"
    STAFF_LEFT = "PIN pad or staff panel left"
    ERROR = "unexpected error"
    RECOVERED = "recovery message left"


S, E = State, Event
TRANSITIONS: dict[tuple[State, Event], State] = {
    (S.ATTRACT, E.STARTED): S.READING,
    (S.ATTRACT, E.GESTURE): S.STAFF_PIN,
    (S.READING, E.IDLE): S.STILL_THERE,
    (S.READING, E.ENDED): S.ATTRACT,
    (S.READING, E.GESTURE): S.STAFF_PIN,
    (S.STILL_THERE, E.CONTINUED): S.READING,
    (S.STILL_THERE, E.ENDED): S.ATTRACT,  # the countdown ran out
    (S.STILL_THERE, E.GESTURE): S.STAFF_PIN,  # the countdown stops; the idle clock restarts
    (S.STAFF_PIN, E.PIN_OK): S.STAFF,
    (S.STAFF_PIN, E.STAFF_LEFT): S.RESUME,
    (S.STAFF_PIN, E.IDLE): S.STILL_THERE,  # an abandoned pad never keeps a visit alive
    (S.STAFF_PIN, E.ENDED): S.STAFF_PIN,
    (S.STAFF, E.STAFF_LEFT): S.RESUME,
    (S.STAFF, E.ENDED): S.STAFF,  # reload or mode switch: staff stay in the panel
    (S.RECOVERING, E.RECOVERED): S.ATTRACT,
    (S.RECOVERING, E.STARTED): S.READING,
    (S.RECOVERING, E.ENDED): S.RECOVERING,
    (S.RECOVERING, E.GESTURE): S.STAFF_PIN,  # staff may want the log right after an error
}
# Whatever the state, an unexpected error leads to recovery.
TRANSITIONS.update({(state, E.ERROR): S.RECOVERING for state in State if state is not S.RESUME})


def next_state(state: State, event: Event) -> State | None:
    """The state ``event`` leads to from ``state``, or None when it changes nothing."""
    return TRANSITIONS.get((state, event))
