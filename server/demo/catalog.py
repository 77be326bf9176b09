"""The demo fair's catalog: categories -> sections -> product types (see ``model``)."""

from __future__ import annotations

from server.demo import catalog_a
from server.demo.model import CategoryData

CATEGORIES: list[CategoryData] = [
    *catalog_a.CATEGORIES,
]
