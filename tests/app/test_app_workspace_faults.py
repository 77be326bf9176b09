"""Catalog edits written offline reach the server exactly once over a bad link: the
upload's and the push's replies are lost after the server committed them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from app.client import ApiClient
from tests.app.helpers import login_token
from tests.app.test_app_workspace import _account, _server_product, open_side
from tests.faultproxy import FaultProxy


async def test_offline_catalog_edit_with_image_exactly_once(module_server: Any,
                                                           tmp_path: Path) -> None:
    token = await login_token(module_server.url,
                              *_account(module_server, "exhibitor@demo.example"))
    port = int(module_server.url.rsplit(":", 1)[1])
    photo = tmp_path / "photo.png"
    Image.new("RGB", (120, 90), (250, 180, 20)).save(photo, "PNG")
    with FaultProxy(port) as proxy:
        side = await open_side(tmp_path / "a.sqlite", proxy.url, token)
        try:
            await side.sync()
            target = [p for p in await side.ws.products() if not p["hidden"]][7]
            version = target["version"]
            proxy.refuse = True                           # offline from here
            proxy.drop_all()
            await side.ws.save_product({"id": target["id"], "name_en": "Photo Lamp"}, version,
                                       [photo])
            await side.ws.save_product({"id": target["id"], "moq": 321}, version)   # merged
            await side.ws.update_booth({"city": "Foshan"})
            photo.unlink()                                # the copy in the profile is used
            with pytest.raises(Exception):  # noqa: B017 - any network error: offline
                await side.engine.sync_once()
            proxy.refuse = False
            proxy.reset_next_reply(count=1, match=b"/v1/attachments/")
            proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
            await side.sync()
            assert proxy.stats["resets"] == 2
            assert await side.ws.conflicts() == []
            server = _server_product(module_server, token, target["id"])
            assert (server["name_en"], server["moq"], server["image_count"]) == (
                "Photo Lamp", 321, 1)
            assert server["version"] == version + 1       # applied once
            row = await side.ws.product(target["id"])
            assert row is not None and not row["pending"] and row["image_count"] == 1
            async with ApiClient(module_server.url, token) as c:
                company = await c.company(1)
            assert company["city"] == "Foshan"
            # the profile's copy of the image goes once the edit is applied
            copies = list((tmp_path / "fairdesk-uploads").iterdir())
            assert len(copies) == 1
            await side.ws.set_hidden(target["id"], False)
            await side.sync()
            assert list((tmp_path / "fairdesk-uploads").iterdir()) == []
        finally:
            await side.close()


async def test_edit_merged_into_a_push_whose_reply_was_lost(module_server: Any,
                                                            tmp_path: Path) -> None:
    """The server applied the first edit but the reply was lost; a second edit of the same
    product is merged into the queued one; the replay returns the first result, and the
    difference follows on the server's new version: both edits arrive, nothing twice."""
    token = await login_token(module_server.url,
                              *_account(module_server, "exhibitor2@demo.example"))
    port = int(module_server.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        side = await open_side(tmp_path / "b.sqlite", proxy.url, token)
        try:
            await side.sync()
            target = [p for p in await side.ws.products() if not p["hidden"]][9]
            version = target["version"]
            await side.ws.save_product({"id": target["id"], "name_en": "Lost Reply Lamp"},
                                       version)
            proxy.reset_next_reply(count=1, match=b"/v1/sync/push")
            with pytest.raises(Exception):  # noqa: B017 - the reply is lost
                await side.engine.sync_once()
            assert _server_product(module_server, token, target["id"])["version"] == \
                version + 1                               # the server has the first edit
            await side.ws.save_product({"id": target["id"], "moq": 4321}, version)
            row = await side.ws.product(target["id"])
            assert row is not None and (row["name_en"], row["moq"]) == ("Lost Reply Lamp", 4321)
            await side.sync()
            await side.sync()
            server = _server_product(module_server, token, target["id"])
            assert (server["name_en"], server["moq"], server["version"]) == (
                "Lost Reply Lamp", 4321, version + 2)
            assert await side.ws.conflicts() == []
            row = await side.ws.product(target["id"])
            assert row is not None and not row["pending"] and row["moq"] == 4321
        finally:
            await side.close()
