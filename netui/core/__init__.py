"""Pure domain rules: no SQL, no Textual. Time and randomness are always passed in."""
