"""The screens a patient moves between; each renders the visit and forwards taps."""
