"""netui: a simulated professional network and its InMail credit economy, in the terminal."""

__version__ = "0.1.0"
