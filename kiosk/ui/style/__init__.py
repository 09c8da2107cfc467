"""Look: theme colours, fonts, icons and physical metrics (mm, degrees)."""
