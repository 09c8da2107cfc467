"""Asking an X11 window manager for the screen back the way a pager does (EWMH messages).

Openbox, like most X11 window managers, refuses an application's own activation request
once start-up is over (focus-stealing prevention), which is all Qt's ``activateWindow``
sends. After "show desktop" or a switch to another desktop the kiosk could ask but never
came back. A pager's request is the user's, so it is honoured: the kiosk sends pager
requests itself (``_NET_SHOWING_DESKTOP`` off, ``_NET_CURRENT_DESKTOP`` to its own desktop,
``_NET_ACTIVE_WINDOW`` with source indication 2), over Qt's own connection to the X server
(``QNativeInterface.QX11Application``) with the libxcb that Qt's xcb plugin has loaded,
through ctypes: no new dependency, no helper program. Everywhere else (offscreen, Wayland,
Windows, macOS) ``X11Requests.for_platform()`` is None and nothing is sent.
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

_u8, _u16, _u32 = ctypes.c_uint8, ctypes.c_uint16, ctypes.c_uint32
CLIENT_MESSAGE = 33  # XCB_CLIENT_MESSAGE
CARDINAL = 6  # predefined atom
# Where EWMH says requests to the window manager go: the root, redirected to it.
TO_WINDOW_MANAGER = (1 << 19) | (1 << 20)  # SubstructureNotify | SubstructureRedirect
SOURCE_PAGER = 2  # _NET_ACTIVE_WINDOW's source indication: a pager, i.e. the user
ALL_DESKTOPS = 0xFFFFFFFF


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _AtomReply(ctypes.Structure):
    _fields_ = [("response_type", _u8), ("pad0", _u8), ("sequence", _u16), ("length", _u32)]
    _fields_ += [("atom", _u32)]


class _TreeReply(ctypes.Structure):
    _fields_ = [("response_type", _u8), ("pad0", _u8), ("sequence", _u16), ("length", _u32)]
    _fields_ += [("root", _u32), ("parent", _u32), ("children_len", _u16)]


class _PropertyReply(ctypes.Structure):
    _fields_ = [("response_type", _u8), ("format", _u8), ("sequence", _u16), ("length", _u32)]
    _fields_ += [("type", _u32), ("bytes_after", _u32), ("value_len", _u32)]
    _fields_ += [("pad0", _u8 * 12)]


class _ClientMessage(ctypes.Structure):  # xcb_client_message_event_t, 32 bytes
    _fields_ = [("response_type", _u8), ("format", _u8), ("sequence", _u16)]
    _fields_ += [("window", _u32), ("type", _u32), ("data", _u32 * 5)]


def _load_xcb() -> ctypes.CDLL:
    """libxcb as Qt's xcb plugin loaded it (same soname, so the same library)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    pointer, cookie = ctypes.c_void_p, _Cookie
    signatures: dict[str, tuple[list[type], type | None]] = {
        "xcb_connection_has_error": ([pointer], ctypes.c_int),
        "xcb_flush": ([pointer], ctypes.c_int),
        "xcb_intern_atom": ([pointer, _u8, _u16, ctypes.c_char_p], cookie),
        "xcb_intern_atom_reply": ([pointer, cookie, pointer], ctypes.POINTER(_AtomReply)),
        "xcb_query_tree": ([pointer, _u32], cookie),
        "xcb_query_tree_reply": ([pointer, cookie, pointer], ctypes.POINTER(_TreeReply)),
        "xcb_get_property": ([pointer, _u8, _u32, _u32, _u32, _u32, _u32], cookie),
        "xcb_get_property_reply": (
            [pointer, cookie, pointer],
            ctypes.POINTER(_PropertyReply),
        ),
        "xcb_get_property_value": ([ctypes.POINTER(_PropertyReply)], pointer),
        "xcb_send_event": ([pointer, _u8, _u32, _u32, ctypes.c_void_p], cookie),
    }
    for name, (arguments, result) in signatures.items():
        function = getattr(xcb, name)
        function.argtypes, function.restype = arguments, result
    return xcb


class X11Requests:
    """EWMH requests to the window manager on Qt's own X connection."""

    def __init__(self, connection: int, xcb: ctypes.CDLL):
        self.connection = ctypes.c_void_p(connection)
        self.xcb = xcb
        self._free = ctypes.CDLL(None).free
        self._free.argtypes, self._free.restype = [ctypes.c_void_p], None
        self._atoms: dict[str, int] = {}

    @classmethod
    def for_platform(cls) -> X11Requests | None:
        """Requests on Qt's X connection, or None where Qt does not run on X11 (xcb)."""
        if QGuiApplication.platformName() != "xcb":
            return None
        try:
            native = QGuiApplication.instance().nativeInterface()  # type: ignore[union-attr]
            connection = int(native.connection())
            xcb = _load_xcb()
        except (AttributeError, OSError, TypeError, ValueError) as error:
            log.warning("kiosk mode: no X11 requests to the window manager (%s)", error)
            return None
        if not connection or xcb.xcb_connection_has_error(ctypes.c_void_p(connection)):
            log.warning("kiosk mode: no X11 connection for requests to the window manager")
            return None
        return cls(connection, xcb)

    # -- reading -------------------------------------------------------------------

    def _reply(self, function: Callable[..., Any], cookie: _Cookie) -> Any:
        """The reply to a request (a ctypes pointer, freed by the caller), or None."""
        error = ctypes.c_void_p()
        reply = function(self.connection, cookie, ctypes.byref(error))
        if error.value:
            self._free(error)
        return reply if reply else None

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            encoded = name.encode("ascii")
            cookie = self.xcb.xcb_intern_atom(self.connection, 0, len(encoded), encoded)
            reply = self._reply(self.xcb.xcb_intern_atom_reply, cookie)
            if reply is None:
                return 0
            self._atoms[name] = reply.contents.atom
            self._free(reply)
        return self._atoms[name]

    def root_of(self, window: int) -> int | None:
        cookie = self.xcb.xcb_query_tree(self.connection, window)
        reply = self._reply(self.xcb.xcb_query_tree_reply, cookie)
        if reply is None:
            return None
        root = int(reply.contents.root)
        self._free(reply)
        return root

    def cardinal(self, window: int, name: str) -> int | None:
        """A 32-bit CARDINAL property (``_NET_CURRENT_DESKTOP``...), or None if unset."""
        atom = self.atom(name)
        cookie = self.xcb.xcb_get_property(self.connection, 0, window, atom, CARDINAL, 0, 1)
        reply = self._reply(self.xcb.xcb_get_property_reply, cookie)
        if reply is None:
            return None
        try:
            found = reply.contents
            if found.format != 32 or found.value_len < 1:
                return None
            value = self.xcb.xcb_get_property_value(reply)
            return int(ctypes.cast(value, ctypes.POINTER(_u32))[0])
        finally:
            self._free(reply)

    # -- asking --------------------------------------------------------------------

    def send(self, root: int, window: int, name: str, *data: int) -> None:
        message = _ClientMessage(CLIENT_MESSAGE, 32, 0, window, self.atom(name))
        for index, value in enumerate(data):
            message.data[index] = value
        self.xcb.xcb_send_event(self.connection, 0, root, TO_WINDOW_MANAGER, ctypes.byref(message))

    def take_back(self, window: int) -> list[str]:
        """Ask the window manager, as a pager would, to show this window on top and give it
        the keyboard: leave "show desktop", go to its desktop, activate it. Returns what
        was asked, for the log."""
        root = self.root_of(window)
        if root is None:
            return []
        asked = []
        if self.cardinal(root, "_NET_SHOWING_DESKTOP"):
            self.send(root, root, "_NET_SHOWING_DESKTOP", 0)
            asked.append("leave show desktop")
        here = self.cardinal(window, "_NET_WM_DESKTOP")
        current = self.cardinal(root, "_NET_CURRENT_DESKTOP")
        if here is not None and here != ALL_DESKTOPS and current is not None and here != current:
            self.send(root, root, "_NET_CURRENT_DESKTOP", here, 0)
            asked.append(f"go to desktop {here + 1}")
        self.send(root, window, "_NET_ACTIVE_WINDOW", SOURCE_PAGER, 0, 0)
        asked.append("activate the kiosk (as a pager)")
        self.xcb.xcb_flush(self.connection)
        return asked
