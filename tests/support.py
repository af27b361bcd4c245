"""Small helpers shared by tests that start servers."""
from scripts.run import free_port

__all__ = ["free_port"]
