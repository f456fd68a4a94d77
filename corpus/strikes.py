"""Words a Word style strikes through (「删除线」 set in a character or paragraph style), written on their runs.

corpus.word leaves out a run struck through by its own formatting (``w:strike``, ``w:dstrike`` in its
``w:rPr``), as a tracked deletion is: the cancelled date or place is never read beside the new one. A clerk
who keeps a character style 「作废」 (or a paragraph style for a whole cancelled item) strikes the words the
same way on the page, but the run says nothing of it: the strike is in ``styles.xml``. Word resolves it so
(ECMA-376 Part 1, §17.7.2 and §17.7.3, strike and dstrike being toggle properties):

- the run's own ``w:strike``/``w:dstrike`` decides when it is there (``w:val="0"``/``false``/``off`` turns
  it off);
- else each kind of style the run has — its character style (``w:rStyle``) and its paragraph's style
  (``w:pStyle``, or the document's default paragraph style), each through its ``w:basedOn`` chain, the
  nearest definition winning — gives its value, and a toggle property set on by both is off again (Word
  shows a struck character style in a struck paragraph style unstruck);
- else ``w:docDefaults``' run properties.

`mark_style_strikes` writes the strike a run's styles give onto the run itself, so the block walk and the
reference text, which read a run's own properties, leave it out alike.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StyleStrikes", "mark_style_strikes"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MARKS = (_W + "strike", _W + "dstrike")
_OFF = ("0", "false", "off")
_MAX_CHAIN = 20


def _value(properties, tag: str) -> bool | None:  # type: ignore[no-untyped-def]
    """Whether `properties` (a w:rPr) sets the toggle `tag` on (True), off (False), or not at all (None)."""
    if properties is None:
        return None
    mark = properties.find(tag)
    if mark is None:
        return None
    return mark.get(_W + "val") not in _OFF


@dataclass(frozen=True)
class StyleStrikes:
    """What strike each style gives through its basedOn chain, per mark (strike, dstrike): True, False or
    None (the chain says nothing); the default paragraph style; the document defaults."""

    styles: dict[str, tuple[bool | None, bool | None]]
    default_paragraph: str | None
    defaults: tuple[bool | None, bool | None]

    @classmethod
    def parse(cls, root) -> StyleStrikes:  # type: ignore[no-untyped-def]
        """The strikes of a styles part's root (w:styles); none when `root` is None."""
        if root is None:
            return cls({}, None, (None, None))
        own: dict[str, tuple[bool | None, bool | None]] = {}
        based: dict[str, str] = {}
        default_paragraph = None
        for style in root.iterfind(_W + "style"):
            name = style.get(_W + "styleId") or ""
            properties = style.find(_W + "rPr")
            own[name] = (_value(properties, _MARKS[0]), _value(properties, _MARKS[1]))
            parent = style.find(_W + "basedOn")
            if parent is not None and parent.get(_W + "val"):
                based[name] = parent.get(_W + "val") or ""
            if style.get(_W + "type") == "paragraph" and style.get(_W + "default") in ("1", "true", "on"):
                default_paragraph = name
        resolved: dict[str, tuple[bool | None, bool | None]] = {}
        for name in own:
            marks: list[bool | None] = [None, None]
            current: str | None = name
            for _ in range(_MAX_CHAIN):
                if current is None or current not in own:
                    break
                for n, value in enumerate(own[current]):
                    if marks[n] is None:
                        marks[n] = value
                current = based.get(current)
            resolved[name] = (marks[0], marks[1])
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        return cls(
            resolved,
            default_paragraph,
            (_value(defaults, _MARKS[0]), _value(defaults, _MARKS[1])),
        )

    def struck(self, run, paragraph_style: str | None) -> bool:  # type: ignore[no-untyped-def]
        """Whether `run` (a w:r in a paragraph of `paragraph_style`) prints struck through, by its own
        properties or its styles."""
        properties = run.find(_W + "rPr")
        character = None
        if properties is not None:
            found = properties.find(_W + "rStyle")
            character = found.get(_W + "val") if found is not None else None
        for n, tag in enumerate(_MARKS):
            direct = _value(properties, tag)
            if direct is not None:
                if direct:
                    return True
                continue
            levels = [
                self.styles.get(style, (None, None))[n]
                for style in (character, paragraph_style or self.default_paragraph)
                if style
            ]
            if any(value is not None for value in levels):
                if sum(1 for value in levels if value) % 2 == 1:
                    return True
            elif self.defaults[n]:
                return True
        return False


def mark_style_strikes(root, strikes: StyleStrikes) -> None:  # type: ignore[no-untyped-def]
    """Write ``w:strike`` on every run under `root` that its styles (not its own properties) strike
    through, so a reader of a run's own properties leaves it out."""
    if not strikes.styles and not any(strikes.defaults):
        return
    for run in list(root.iter(_W + "r")):
        paragraph = next(run.iterancestors(_W + "p"), None)
        style = None
        if paragraph is not None:
            found = paragraph.find(f"{_W}pPr/{_W}pStyle")
            style = found.get(_W + "val") if found is not None else None
        properties = run.find(_W + "rPr")
        own = any(_value(properties, tag) for tag in _MARKS)
        if own or not strikes.struck(run, style):
            continue
        if properties is None:
            properties = run.makeelement(_W + "rPr", {})
            run.insert(0, properties)
        # the mark the run does not switch off itself (a run may turn off w:strike and keep a style's dstrike)
        tag = next((tag for tag in _MARKS if properties.find(tag) is None), None)
        if tag is not None:
            properties.append(properties.makeelement(tag, {}))
