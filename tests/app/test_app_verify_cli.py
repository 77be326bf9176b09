"""``fairdesk verify-contract``: the real console script on exported contract files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.contract import export_contract_pdf
from tests.app.test_app_deals import offline_signed_deal

FAIRDESK = Path(sys.executable).with_name("fairdesk")


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(FAIRDESK), "verify-contract", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def test_verify_contract_command(tmp_path: Path) -> None:
    deal, events = offline_signed_deal()
    good = export_contract_pdf(deal, events, tmp_path / "contract.pdf")
    done = run(good)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "valid" in done.stdout and deal["terms_hash"] in done.stdout
    assert "signed by both parties" in done.stdout

    data = good.read_bytes()
    i = data.index(b'"unit_price":"9.5"')
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(data[:i] + b'"unit_price":"8.5"' + data[i + len(b'"unit_price":"9.5"'):])
    done = run(good, bad, tmp_path / "missing.pdf")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"{good}: valid")
    assert f"{bad}: NOT VALID" in lines and f"{tmp_path / 'missing.pdf'}: NOT VALID" in lines

    assert run().returncode == 2  # no file: usage error
