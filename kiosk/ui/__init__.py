"""Qt widgets. Screens read the session and emit signals; they hold no business rules."""
