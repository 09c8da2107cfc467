"""Kiosk: an offline patient-education application."""

# The one place the version is written (pyproject reads it): importlib.metadata would cost
# ~35 ms at every start.
__version__ = "0.1.0"
