"""A PDF's optional content (its layers, 「图层」) that a viewer does not show.

A design or CAD program, MuPDF and Acrobat can put part of a page in a layer (an optional content group,
``/OCG``) and export the PDF with the layer switched off: a draft's figures, a reviewer's remarks, a
translation, a 「样稿」 stamp. A viewer and a printer leave such content out; the page's text still holds it,
and pdfminer reads it with the rest — a hidden 「（初稿：名额30人，8月25日晚举行…）」 ran into the middle of a
sentence and a hidden remark under the date joined the signature and date to the last paragraph (the
notice had no date). What the document's default view (``/OCProperties /D``) switches off is taken out of
the pages before they are read: a marked-content section ``/OC /name BDC … EMC`` whose group (or
membership dictionary, ``/OCMD``, by its visibility policy) is off, and a form XObject or image drawn with
``Do`` whose own ``/OC`` is off. Only what paints is left out of a hidden section: the font, text position,
matrix and graphics state it sets apply to the text after it, as in a viewer. A PDF without layers switched off
is read as it is, untouched.
"""

from __future__ import annotations

import io
import logging

__all__ = ["without_hidden_layers"]

log = logging.getLogger(__name__)


def _ref_id(obj) -> int | None:  # type: ignore[no-untyped-def]
    ref = getattr(obj, "indirect_reference", None) or (obj if hasattr(obj, "idnum") else None)
    return getattr(ref, "idnum", None)


def _hidden_groups(root) -> set[int]:  # type: ignore[no-untyped-def]
    """The object numbers of the optional content groups the default view switches off, in the document
    whose catalogue is `root`."""
    properties = root.get("/OCProperties")
    if properties is None:
        return set()
    properties = properties.get_object()
    view = properties.get("/D")
    if view is None:
        return set()
    view = view.get_object()
    groups = {_ref_id(g) for g in properties.get("/OCGs", [])} - {None}
    on = {_ref_id(g) for g in view.get("/ON", [])} - {None}
    off = {_ref_id(g) for g in view.get("/OFF", [])} - {None}
    if view.get("/BaseState") == "/OFF":
        return {g for g in groups if g not in on}  # type: ignore[misc]
    return off  # type: ignore[return-value]


def _is_hidden(content, hidden: set[int]) -> bool:  # type: ignore[no-untyped-def]
    """Whether an /OC entry's group, or membership dictionary, is off in the default view."""
    group = content.get_object() if hasattr(content, "get_object") else content
    if not hasattr(group, "get"):
        return False
    if group.get("/Type") == "/OCMD":
        members = group.get("/OCGs")
        if members is None:
            return False
        members = members.get_object()
        ids = [_ref_id(m) for m in (members if isinstance(members, list) else [members])]
        shown = [i not in hidden for i in ids]
        policy = group.get("/P", "/AnyOn")
        if policy == "/AllOn":
            return not all(shown)
        if policy == "/AnyOff":
            return all(shown)
        if policy == "/AllOff":
            return any(shown)
        return not any(shown)  # /AnyOn, the default
    return _ref_id(content) in hidden


def _hidden_names(resources, key: str, hidden: set[int], xobject: bool = False) -> set[str]:  # type: ignore[no-untyped-def]
    """The names under a resource dictionary's `key` (/Properties, /XObject) that are switched off."""
    names: set[str] = set()
    entries = resources.get(key) if resources is not None else None
    if entries is None:
        return names
    for name, value in entries.get_object().items():
        target = value.get_object()
        content = target.get("/OC") if xobject else value
        if content is not None and _is_hidden(content, hidden):
            names.add(str(name))
    return names


# What a hidden section paints, and is left out (ISO 32000-1 §8.11.3.2): showing text, drawing a form or an
# image, shading. Everything else in it — fonts, text positions and spacing, the matrix, q/Q, gs, colours, a
# clipping path — still applies to what follows, and is kept.
_SHOWS = {b"Tj", b"TJ", b"Do", b"sh", b"INLINE IMAGE", b"BI", b"ID", b"EI"}
# Path painting: the path is ended without painting (``n``), so that a clip (``W n``, ``W f``) still clips.
_PAINTS = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def _unpainted(operands, operator: bytes) -> list:  # type: ignore[no-untyped-def]
    """The operations standing for one operation of a hidden section: none for what paints, ``n`` for path
    painting, the line move and spacing of ``'`` and ``"`` without their text, the operation itself else."""
    from pypdf.generic import FloatObject

    if operator in _SHOWS:
        return []
    if operator in _PAINTS:
        return [([], b"n")]
    if operator == b"'":
        return [([], b"T*")]
    if operator == b'"':
        spacing = list(operands[:2]) if len(operands) >= 2 else [FloatObject(0), FloatObject(0)]
        return [([spacing[0]], b"Tw"), ([spacing[1]], b"Tc"), ([], b"T*")]
    return [(operands, operator)]


def _visible(content, resources, hidden: set[int], reader):  # type: ignore[no-untyped-def]
    """The content stream's operations without the sections and drawings that are switched off, or None
    when nothing in it is."""
    from pypdf.generic import ContentStream

    properties = _hidden_names(resources, "/Properties", hidden)
    drawings = _hidden_names(resources, "/XObject", hidden, xobject=True)
    if not properties and not drawings:
        return None
    stream = ContentStream(content, reader)
    kept, sections, changed = [], [], False
    for operands, operator in stream.operations:
        if operator in (b"BDC", b"BMC"):
            off = (
                operator == b"BDC"
                and len(operands) == 2
                and operands[0] == "/OC"
                and str(operands[1]) in properties
            )
            sections.append(off or (bool(sections) and sections[-1]))
            if sections[-1]:
                changed = True
                continue
        elif operator == b"EMC":
            if sections and sections.pop():
                continue
        elif sections and sections[-1]:
            kept.extend(_unpainted(operands, operator))
            continue
        elif operator == b"Do" and operands and str(operands[0]) in drawings:
            changed = True
            continue
        kept.append((operands, operator))
    if not changed:
        return None
    stream.operations = kept
    return stream


def without_hidden_layers(data: bytes) -> bytes:
    """The PDF with what its default view switches off taken out of its pages (and of the forms they draw);
    the same bytes when it has no such layer, needs a password to open, or cannot be rewritten. A PDF with
    only an owner password (it opens without one, printing or copying restricted) is looked at as any other."""
    if b"/OCProperties" not in data and b"/ObjStm" not in data:
        return data  # no layers (the catalogue may be compressed in an object stream: then it is looked at)
    try:
        from pypdf import PdfReader, PdfWriter

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return data  # a user password: the PDF reader refuses it with its own message
        if not _hidden_groups(reader.trailer["/Root"]):
            return data
        writer = PdfWriter(clone_from=reader)
        hidden = _hidden_groups(writer.root_object)  # the copy numbers its objects anew
        changed = False
        seen: set[int] = set()

        def forms(resources) -> None:  # type: ignore[no-untyped-def]
            nonlocal changed
            entries = resources.get("/XObject") if resources is not None else None
            for value in entries.get_object().values() if entries is not None else ():
                form = value.get_object()
                number = _ref_id(value)
                if form.get("/Subtype") != "/Form" or number in seen:
                    continue
                seen.add(number)  # type: ignore[arg-type]
                own = form.get("/Resources")
                own = own.get_object() if own is not None else None
                stream = _visible(form, own, hidden, writer)
                if stream is not None:
                    form.set_data(stream.get_data())
                    changed = True
                forms(own)

        for page in writer.pages:
            resources = page.get("/Resources")
            resources = resources.get_object() if resources is not None else None
            contents = page.get_contents()
            if contents is not None:
                stream = _visible(contents, resources, hidden, writer)
                if stream is not None:
                    page.replace_contents(stream)
                    changed = True
            forms(resources)
        if not changed:
            return data
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception:  # a layer dictionary or stream pypdf cannot follow: read the PDF as it is
        log.warning("the hidden layers of a PDF could not be taken out", exc_info=True)
        return data
