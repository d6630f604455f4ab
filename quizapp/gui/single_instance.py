"""One running quizapp per data folder: a second start brings the first window to the front and ends.

Two copies on one data folder would write one history: the second offered to resume the quiz the first still
had open. The first start holds a lock file in the data folder (freed when it ends, and taken over when the
process that held it is gone, after a crash) and listens on a local socket named after the folder; a second
start finds the lock held, tells the first over the socket to come to the front (and to list the banks it was
given), and ends.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal

if TYPE_CHECKING:  # QtNetwork is loaded once the window is painted, or by a second start
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "quizapp.lock"
CONNECT_MS = 2000  # the first may still be starting: its socket comes up just after its lock


def server_name(data_dir: Path) -> str:
    """The local socket's name for a data folder: the same for every start on it, another for another folder."""
    import hashlib  # (not before the first paint)

    key = str(data_dir.resolve()).encode("utf-8")
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"quizapp-{user}-{hashlib.sha1(key).hexdigest()[:16]}"


class SingleInstance(QObject):
    """The lock of one data folder. `acquire()` says whether this start runs; once it `listen`s, `shown` is
    emitted with the banks a later start was given (an empty list when none)."""

    shown = Signal(list)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = QLockFile(str(data_dir / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # held as long as its process runs, however long that is
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the folder's lock; False when another quizapp holds it. Then `listen` for later starts."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # no folder to lock: the app says why its answers are not kept, as before
        if not self.lock.tryLock(0):
            # Held by another start; any other failure is a read-only folder, with no history to share either.
            return self.lock.error() != QLockFile.LockError.LockFailedError
        return True

    def listen(self) -> None:
        """Listen for later starts on this folder (while its lock is held)."""
        from PySide6.QtNetwork import QLocalServer

        if not self.lock.isLocked():
            return  # released before it listened
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a start that crashed
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connected)
        self.server.listen(name)

    def release(self) -> None:
        """Stop listening and free the lock (the lock file goes)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()

    def _connected(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # Read once the later start hung up: its whole message is here then, however it came in parts.
            socket.disconnected.connect(lambda s=socket: self._read(s))
            if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:  # (gone before we looked)
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        lines = bytes(socket.readAll().data()).decode("utf-8", "replace").split("\n")
        socket.deleteLater()
        if lines[0] == "show":  # then a line for each bank
            self.shown.emit([Path(line) for line in lines[1:] if line])


def show_running(data_dir: Path, banks: list[Path]) -> bool:
    """Ask the quizapp running on `data_dir` to come to the front and list `banks`; False when none answers."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_MS):
        return False
    message = "\n".join(["show", *(str(p.resolve()) for p in banks)]) + "\n"
    socket.write(QByteArray(message.encode("utf-8")))
    done = socket.waitForBytesWritten(CONNECT_MS)
    socket.disconnectFromServer()
    return done
