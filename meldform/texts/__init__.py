"""Every text a user reads, in Dutch and English, and the one lookup for them."""
