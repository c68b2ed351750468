"""Loaders and extraction helpers for the accords research notebooks."""
