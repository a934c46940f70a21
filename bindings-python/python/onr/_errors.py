"""The exceptions of onr: one class per family, all subclasses of ``OnrError(ValueError)``.

Each carries the stable ``code`` of onr-core (``"hetu.checksum"``), its ``category``, the
0-based ``position`` of the offending character where there is one, and the message in
English, Finnish and Swedish (``message(lang)``). No exception ever holds a full hetu or a
name. Exceptions pickle and unpickle with all of that.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from onr._enums import Category, Lang

__all__ = ["ClientError", "HetuError", "ImportBatchError", "InternalError", "LinkError", "OidError", "OnrError", "PersonError", "SimilarityError"]


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
        extra = {k: v for k, v in vars(self).items() if k not in state and k != "_messages"}
        return (_rebuild, (type(self), str(self), state, extra))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r})"


def _rebuild(
    cls: type, message: str, state: Mapping[str, Any], extra: Optional[Mapping[str, Any]] = None
) -> OnrError:
    """Unpickles an ``OnrError``."""
    err: OnrError = cls(message, **state)
    for name, value in (extra or {}).items():
        setattr(err, name, value)
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


class LinkError(OnrError):
    """A linking operation of ``onr.linking.Registry`` that ONR refuses; codes ``link.*``.

    Besides the code, ``http_status`` is the HTTP status ONR answers with and ``onr_message``
    ONR's own message text (``None`` where ONR gives none).
    """

    http_status: int
    onr_message: Optional[str]


class PersonError(OnrError):
    """A change to a person record that ONR refuses; codes ``person.*``.

    ``http_status`` is the HTTP status ONR answers with, ``onr_message`` ONR's own message.
    """

    http_status: int
    onr_message: Optional[str]


class ImportBatchError(OnrError):
    """An import request body that is not a JSON object at all (``onr.check_import``); codes
    ``import.*``. ONR answers such a request with HTTP 400 before reading any row."""


class ClientError(OnrError):
    """A call to ONR that failed (``onr.client.Client``); codes ``client.*``: ``client.auth``,
    ``client.http``, ``client.timeout``, ``client.io``, ``client.unconfirmed``,
    ``client.rejected``, ``client.stalled``, ``client.caller_id``, ``client.config``,
    ``client.protocol``. ``http_status`` is ONR's status (``None`` when it did not answer) and
    ``body`` its parsed error body (``{"message", "field_errors": [{"field", "code",
    "message"}]}``, hetus replaced by ``[hetu]``), or ``None``. No password, token, ticket,
    session id or hetu is ever in it."""

    http_status: Optional[int]
    body: Optional[Mapping[str, Any]]


class SimilarityError(OnrError):
    """A similarity argument out of range (a threshold outside 0..1); codes ``similarity.*``."""


class InternalError(OnrError):
    """A bug in onr: a Rust panic caught at the boundary (code ``internal.panic``).

    Please report it, with the input if you can share it.
    """
