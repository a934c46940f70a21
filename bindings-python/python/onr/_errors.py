"""The exceptions of onr: one class per family, all subclasses of ``OnrError(ValueError)``.

Each carries the stable ``code`` of onr-core (``"hetu.checksum"``), its ``category``, the
0-based ``position`` of the offending character where there is one, and the message in
English, Finnish and Swedish (``message(lang)``). No exception ever holds a full hetu or a
name. Exceptions pickle and unpickle with all of that.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from onr._enums import Category, Lang

__all__ = ["HetuError", "OidError", "OnrError"]


class OnrError(ValueError):
    """The base class of every error that onr raises about a value.

    >>> import onr
    >>> try:
    ...     onr.Hetu.parse("131052-308X")
    ... except onr.OnrError as err:
    ...     print(err.code, err.category.value, err.position)
    ...     print(err.message("fi"))
    hetu.checksum checksum 10
    väärä tarkistusmerkki, odotettiin `T`, löytyi `X`
    """

    code: str
    category: Category
    position: Optional[int]

    def __init__(
        self,
        message: str = "",
        *,
        code: str = "onr.error",
        category: Union[Category, str] = Category.FORMAT,
        position: Optional[int] = None,
        messages: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.category = Category(category)
        self.position = position
        self._messages = dict(messages) if messages else {"en": message}

    def message(self, lang: Union[Lang, str] = Lang.EN) -> str:
        """The message in ``lang``: ``"en"`` (default), ``"fi"`` or ``"sv"``."""
        key = Lang(lang).value
        return self._messages.get(key, str(self))

    def __reduce__(self) -> Any:
        state = {
            "code": self.code,
            "category": self.category,
            "position": self.position,
            "messages": self._messages,
        }
        return (_rebuild, (type(self), str(self), state))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r})"


def _rebuild(cls: type, message: str, state: Mapping[str, Any]) -> OnrError:
    """Unpickles an ``OnrError``."""
    err: OnrError = cls(message, **state)
    return err


class HetuError(OnrError):
    """A hetu (Finnish personal identity code) that is not valid; codes ``hetu.*``.

    >>> import onr
    >>> try:
    ...     onr.Hetu.parse("131052-308X")
    ... except onr.HetuError as err:
    ...     print(err)
    wrong check character, expected `T`, found `X`
    """


class OidError(OnrError):
    """A text that is not an OID of the Finnish education administration; codes ``oid.*``."""


class InternalError(OnrError):
    """A bug in onr: a Rust panic caught at the boundary (code ``internal.panic``).

    Please report it, with the input if you can share it.
    """
