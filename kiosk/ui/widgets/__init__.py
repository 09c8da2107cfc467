"""Reusable widgets: buttons, bars, the on-screen keyboard, lists and banners."""
