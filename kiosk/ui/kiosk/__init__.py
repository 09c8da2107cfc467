"""Kiosk mode: the supervisor's state machine, idle clock, screen keeper and input guard."""
