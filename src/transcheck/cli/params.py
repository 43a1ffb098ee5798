"""Command-line parameters declared without importing typer, and a quick reader for them.

Importing typer, and the pydantic adapters it builds for each parameter on every run,
costs more than checking a short file. So a command may declare its parameters with
``Option`` and ``Argument`` here (the same arguments as typer's) and register with
``command()``: the typer application turns them into typer's own (``to_typer``) for
``--help``, error messages and every other command, while ``parse`` reads the common
command lines without typer. ``parse`` accepts only what typer reads the same way, and
returns None for anything else (help, an unknown option, a value it would have to
interpret), so that the caller hands the command line to typer: one definition of
every option, and typer's behaviour wherever the quick reader is unsure.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

PENDING: dict[str, Callable[..., Any]] = {}  # commands declared here, not yet given to typer
_INT = re.compile(r"[0-9]+")
_FLOAT = re.compile(r"[0-9]+(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Param:
    """A parameter as ``typer.Option``/``typer.Argument`` would take it."""

    kind: str  # "option" or "argument"
    default: Any
    decls: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def Option(default: Any = None, *decls: str, **extra: Any) -> Any:  # noqa: N802 (typer's name)
    return Param("option", default, decls, extra)


def Argument(default: Any = ..., *decls: str, **extra: Any) -> Any:  # noqa: N802
    return Param("argument", default, decls, extra)


def command(name: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: a command for the typer application (registered when it is built), named
    ``name`` or after the function."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        PENDING[name or fn.__name__] = fn
        return fn

    return register


def to_typer(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A copy of ``fn`` whose ``Param`` defaults are typer's ``Option``/``Argument``."""
    import typer

    def convert(value: Any) -> Any:
        if not isinstance(value, Param):
            return value
        make = typer.Option if value.kind == "option" else typer.Argument
        return make(value.default, *value.decls, **value.extra)

    defaults = tuple(convert(v) for v in fn.__defaults__ or ())
    copy = types.FunctionType(fn.__code__, fn.__globals__, fn.__name__, defaults or None, fn.__closure__)
    copy.__kwdefaults__ = {k: convert(v) for k, v in (fn.__kwdefaults__ or {}).items()} or None
    for attribute in ("__doc__", "__module__", "__qualname__", "__annotations__"):
        setattr(copy, attribute, getattr(fn, attribute))
    copy.__dict__.update(fn.__dict__)
    return copy


def _base(annotation: Any) -> Any:
    """``X`` of ``X | None``."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else None
    return annotation


def _value(annotation: Any, text: str, extra: dict[str, Any]) -> Any:
    """``text`` as typer converts it to ``annotation``; a LookupError when unsure."""
    kind = _base(annotation)
    if kind is str:
        return text
    if isinstance(kind, type) and issubclass(kind, Enum):
        for member in kind:
            if member.value == text:
                return member
    elif kind in (int, float) and (_INT if kind is int else _FLOAT).fullmatch(text):
        number = kind(text)
        if extra.get("min") is None or number >= extra["min"]:
            return number
    raise LookupError(text)


@dataclass
class _Spec:
    name: str
    param: Param
    annotation: Any
    flag: bool | None = None  # the value a flag sets; None for an option that takes a value


def _specs(fn: Callable[..., Any]) -> tuple[dict[str, _Spec], _Spec | None, dict[str, Param]] | None:
    """Options by their spelling, the positional argument, and every parameter by name."""
    names = fn.__code__.co_varnames[: fn.__code__.co_argcount]
    params = dict(zip(names[len(names) - len(fn.__defaults__ or ()) :], fn.__defaults__ or ()))
    hints = get_type_hints(fn)
    options: dict[str, _Spec] = {}
    positional = None
    for name, param in params.items():
        if not isinstance(param, Param) or param.extra.get("callback") or param.extra.get("is_eager"):
            return None
        annotation = hints[name]
        if param.kind == "argument":
            if positional is not None or (get_origin(annotation) is not list and _base(annotation) is not str):
                return None
            positional = _Spec(name, param, annotation)
            continue
        for decl in param.decls:
            on, _, off = decl.partition("/")
            flag = True if _base(annotation) is bool else None
            options[on] = _Spec(name, param, annotation, flag)
            if off:
                options[off] = _Spec(name, param, annotation, False)
    return options, positional, params


def parse(fn: Callable[..., Any], argv: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of ``fn`` for ``argv``, or None when typer should read it."""
    specs = _specs(fn)
    if specs is None or any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None
    options, positional, params = specs
    given: dict[str, Any] = {}
    positionals: list[str] = []
    rest = list(argv)
    try:
        while rest:
            word = rest.pop(0)
            if word == "-" or not word.startswith("-"):
                positionals.append(word)
                continue
            if word.startswith("--"):
                spelling, equals, inline = word.partition("=")
            else:
                spelling, inline = word[:2], word[2:]
                equals = inline
            spec = options[spelling]  # KeyError: --help, --, an unknown or abbreviated option
            if spec.flag is not None:
                if equals:
                    return None
                given[spec.name] = spec.flag
                continue
            if not equals:
                inline = rest.pop(0)  # IndexError: no value
                if inline.startswith("-") and inline != "-":
                    return None
            value = _value(get_args(spec.annotation)[0] if get_origin(spec.annotation) is list else spec.annotation,
                           inline, spec.param.extra)
            if get_origin(spec.annotation) is list:
                given.setdefault(spec.name, []).append(value)
            else:
                given[spec.name] = value
        if positional is not None and get_origin(positional.annotation) is not list:  # one value
            if len(positionals) != 1:
                return None
            given[positional.name] = positionals[0]
        elif positional is not None:
            if not positionals and positional.param.default is ...:
                return None
            given[positional.name] = positionals
        elif positionals:
            return None
        for name, param in params.items():
            if name not in given:
                given[name] = _default(name, param)
    except (KeyError, IndexError, LookupError):
        return None
    return given


def _default(name: str, param: Param) -> Any:
    """The value typer gives a parameter the command line leaves out."""
    envvar = param.extra.get("envvar")
    if envvar and os.environ.get(envvar):
        raise LookupError(envvar)  # typer reads and converts it
    if param.default is ...:
        raise LookupError(name)
    return list(param.default) if isinstance(param.default, list) else param.default


def call(fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    """Run the command as typer's standalone mode would: Ctrl-C exits 130, a closed
    output pipe exits 1 quietly."""
    try:
        fn(**kwargs)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as err:
        if err.errno != errno.EPIPE:
            raise
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
