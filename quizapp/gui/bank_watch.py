"""Banks changed on disk: the library's banks are read again when a text editor saves one, or an article it cites.

A teacher fixes a bank's line 47 in a text editor, or its article; the library said "the list updates when the file
is saved", and kept saying "1 error: cannot be started" until the bank was opened again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

if TYPE_CHECKING:
    from quizapp.core.bank import BankCheck

# Editors save in steps (write a new file, rename it over the old; or move the old away, then write): the banks
# are looked at once the events stop coming for this long, and each changed bank is read once.
SETTLE_MS = 250

Stamp = tuple[int, int, int] | None  # a file's modification time, size and inode; None where it is missing
Stamps = dict[Path, Stamp]  # of a bank file and of the articles it cites


def stamp(path: Path) -> Stamp:
    """What tells a file's change: its modification time, size and inode (a file renamed over it is another)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def check_stamped(path: Path, article_cache: dict) -> tuple[BankCheck, Stamps]:
    """Check the bank at `path` (off the GUI thread), with the stamps of its file and articles as read."""
    from quizapp.core.bank import check_bank  # pydantic & co: not needed to show the window

    before = stamp(path)  # taken first: a save while it is read shows as a change, and it is read again
    check = check_bank(path, article_cache=article_cache)
    return check, {path: before, **{article: stamp(article) for article in check.articles}}


class BankWatch(QObject):
    """Watches the files of the banks listed and of their articles; says which banks changed since checked."""

    changed = Signal(list)  # the bank paths (as listed) whose file or articles differ from when they were checked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stamps: dict[Path, Stamps] = {}  # by bank path, as listed
        self.watcher = QFileSystemWatcher(self)
        self.settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.settle.timeout.connect(self.look)
        # The folders too: a bank renamed over, or moved away and written again, is lost to the file's own
        # watch; its folder tells when it is back, and a missing article when it is put in place.
        self.watcher.fileChanged.connect(lambda _path: self.settle.start())
        self.watcher.directoryChanged.connect(lambda _path: self.settle.start())

    def watch(self, stamps: dict[Path, Stamps]) -> None:
        """Watch these banks (all the ones listed) from now, compared with the stamps they were checked with."""
        self.stamps = dict(stamps)
        self._follow()

    def checked(self, stamps: dict[Path, Stamps]) -> None:
        """These banks were checked again, with these stamps."""
        self.stamps.update({path: s for path, s in stamps.items() if path in self.stamps})
        self._follow()

    def look(self) -> None:
        """Say which banks changed on disk since they were checked (`changed`), if any."""
        self._follow()  # an editor that renamed a new file over a bank left the watcher without it
        changed = [bank for bank, files in self.stamps.items() if any(stamp(f) != s for f, s in files.items())]
        if changed:
            self.changed.emit(changed)

    def _follow(self) -> None:
        # (resolved: Qt watches "banks/../seeds/a.txt" and "seeds/a.txt" twice, and lists each as given)
        files = {f.resolve() for files in self.stamps.values() for f in files}
        wanted_files = {str(f) for f in files if f.is_file()}
        wanted_dirs = {str(f.parent) for f in files if f.parent.is_dir()}
        for now, wanted in ((set(self.watcher.files()), wanted_files),
                            (set(self.watcher.directories()), wanted_dirs)):
            if now - wanted:
                self.watcher.removePaths(sorted(now - wanted))
            if wanted - now:
                self.watcher.addPaths(sorted(wanted - now))
