import asyncio
from tests.ui.test_app_flow import app_args, FairDeskApp, wait_until
def test_x(qapp, run, live_server, tmp_path):
    fd = FairDeskApp(qapp, app_args(server=live_server.url), profile="uitest", data_dir=tmp_path / "p")
    async def go():
        task = asyncio.ensure_future(fd.run())
        await wait_until(lambda: (fd._account_dialog is not None and fd._account_dialog.isVisible()) or task.done(), what="dlg")
        print("task done?", task.done(), task.done() and task.exception())
        d = fd._account_dialog
        d.email.setText("x@y.z"); d.password.setText("wrongpass")
        r = await d.submit_account()
        print("result", r, "task done?", task.done(), task.done() and (task.exception() or task.result()))
        print(d.error.text())
    run(go())
