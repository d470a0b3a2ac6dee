"""Modal forms and dialogs: each validates its input and keeps it when something fails."""
