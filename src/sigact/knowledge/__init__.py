"""Offline knowledge: places, actors, outlets and event vocabulary, loaded from data files."""
