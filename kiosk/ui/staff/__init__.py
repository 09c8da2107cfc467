"""Staff tools: the hidden gesture, the PIN pad, the staff panel and content updates."""
