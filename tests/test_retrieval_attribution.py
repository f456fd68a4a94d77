"""retrieval.attribution: who a citation names — the speaker, else a notice's issuing body, labelled."""

from __future__ import annotations

import pytest

from retrieval import UNKNOWN_SPEAKER, attribution, attribution_row


@pytest.mark.parametrize(
    ("speaker", "issuer", "line", "row"),
    [
        ("沈伟", None, "沈伟", ("讲话人", "沈伟")),
        ("沈伟", "中共温州市委老干部局", "沈伟", ("讲话人", "沈伟")),  # a speaker is named, never replaced
        (None, "中共温州市委老干部局", "发文：中共温州市委老干部局", ("发文", "中共温州市委老干部局")),
        ("", "中共温州市委老干部局", "发文：中共温州市委老干部局", ("发文", "中共温州市委老干部局")),
        (None, None, None, ("讲话人", UNKNOWN_SPEAKER)),
        (None, "", None, ("讲话人", UNKNOWN_SPEAKER)),
    ],
)
def test_a_notice_without_a_speaker_is_attributed_to_its_issuer_labelled_as_such(
    speaker: str | None, issuer: str | None, line: str | None, row: tuple[str, str]
) -> None:
    assert attribution(speaker, issuer) == line
    assert attribution_row(speaker, issuer) == row
