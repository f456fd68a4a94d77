"""Who a citation names: a speech's speaker, or, for a notice that has none, its issuing body.

A notice (通知, 办法, 呈批件 …) has no speaker; its 发文机关 is what staff cite it by. It is labelled so
nobody takes it for a speaker, in one wording everywhere: 「发文：…」 on one-line citations and the same
「发文」 row on a detail card (`show`, the bot's 出处) where a speech has its 「讲话人」 row. A speech with neither says 「讲话人不详」 where it is always shown.
"""

from __future__ import annotations

__all__ = ["ISSUER_LABEL", "ISSUER_ROW", "UNKNOWN_SPEAKER", "attribution", "attribution_row"]

ISSUER_LABEL = "发文："
ISSUER_ROW = "发文"  # as ISSUER_LABEL: `show` said 「发文机关：」 where the results said 「发文：」
SPEAKER_ROW = "讲话人"
UNKNOWN_SPEAKER = "讲话人不详"


def attribution(speaker: str | None, issuer: str | None) -> str | None:
    """The speaker; else the issuer as 「发文：中共温州市委老干部局」; else None (the caller says unknown
    where it always names one)."""
    if speaker:
        return speaker
    if issuer:
        return f"{ISSUER_LABEL}{issuer}"
    return None


def attribution_row(speaker: str | None, issuer: str | None) -> tuple[str, str]:
    """The (label, value) row of a detail card: 「讲话人」 and the speaker (or 「讲话人不详」), or
    「发文」 and the issuer for a notice without a speaker."""
    if not speaker and issuer:
        return ISSUER_ROW, issuer
    return SPEAKER_ROW, speaker or UNKNOWN_SPEAKER


def newer_version_note(newer: int) -> str:
    """Said beside a result whose speech is stored with a newer version of itself (`Hit.newer_version`): the
    old text may be what the newer one corrected (both front ends)."""
    return f"⚠ 有更正版 #{newer}，请以更正版为准"
