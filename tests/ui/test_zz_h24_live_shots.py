import asyncio
from pathlib import Path
from tests.ui.test_ui_workspace_live import _open_staff
from ui.mainwindow import MainWindow

def test_live_shots(qapp, qtbot, run, module_server, tmp_path):
    from ui import theme
    theme.apply(qapp)
    async def go():
        session, ctx = await _open_staff(module_server, tmp_path, "exhibitor@demo.example")
        from ui.images import ImageLoader
        window = MainWindow(ctx, state_file=tmp_path / "w.ini")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.navigate("fair")
        await window.update_role()
        async def shot(name, w):
            for _ in range(20):
                await asyncio.sleep(0.05)
            w.grab().save(f"/tmp/shots/live-{name}.png")
        from app.workspace import WorkspaceService
        csvp = tmp_path / "t.xlsx"
        await WorkspaceService(ctx.store, None).write_template(csvp, "xlsx")
        names = await shoot_workspace(window, shot, csvp)
        await session.close()
    from ui.pages.workspace import shoot_workspace
    run(go(), timeout=120)
