"""LibreOffice headless, for the tests that open a report in it.

``resolve`` opens a .docx in LibreOffice, has *it* accept (or reject) every
tracked change (``.uno:AcceptAllTrackedChanges``), and saves the result as
UTF-8 text: what a reader would get from the file, decided by LibreOffice's
own reading of the revisions and not by docdiff's.  The Basic macro that does
it is put in a throw-away user profile.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
#: LibreOffice starts in seconds, on a loaded machine in tens of them.
TIMEOUT = 240

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Resolve(inPath As String, outPath As String, command As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, load())
  dispatcher = createUnoService("com.sun.star.frame.DispatchHelper")
  Dim none() As New com.sun.star.beans.PropertyValue
  dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:" &amp; command, "", 0, none())
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "Text (encoded)"
  store(1).Name = "FilterOptions"
  store(1).Value = "UTF8,LF"
  doc.storeToURL(ConvertToURL(outPath), store())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert SOFFICE is not None
    return subprocess.run([SOFFICE, "--headless", "--norestore", "--nologo",
                           f"-env:UserInstallation={profile.as_uri()}", *args],
                          capture_output=True, text=True, timeout=TIMEOUT, check=False)


def convert(document: Path, to: str, profile: Path) -> Path:
    """``soffice --convert-to``: the converted file (an AssertionError with
    LibreOffice's output when there is none)."""
    result = _soffice(profile, "--convert-to", to, "--outdir", str(document.parent), str(document))
    out = document.with_suffix(f".{to}")
    assert result.returncode == 0 and out.exists() and out.stat().st_size, (result.stdout, result.stderr)
    return out


def resolve(document: Path, profile: Path, accept: bool) -> list[str]:
    """The document's lines after LibreOffice accepted (or rejected) every change.
    ``profile`` must have been made by a ``convert`` run before."""
    standard = profile / "user" / "basic" / "Standard"
    assert standard.is_dir(), "run convert() first: it makes the profile"
    (standard / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    command = "AcceptAllTrackedChanges" if accept else "RejectAllTrackedChanges"
    out = document.with_name(f"{document.stem}.{'accepted' if accept else 'rejected'}.txt")
    result = _soffice(profile, f'macro:///Standard.Module1.Resolve("{document}","{out}","{command}")')
    assert out.exists(), (result.stdout, result.stderr)
    return out.read_text(encoding="utf-8-sig").split("\n")
