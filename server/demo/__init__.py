"""The demo fair: a deterministic generator (``generator``) and drawn images (``images``)."""
