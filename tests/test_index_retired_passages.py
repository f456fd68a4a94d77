"""index.store: a passage id of an older message followed to the passage holding its text now (the bot's
buttons under a week-old answer, after its speech was added again, edited, removed or added back)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import Paragraph, Speech, chunk_speech
from index import Store
from index.identity import KinshipBy, normalise

POOL = [
    "离休干部每年体检一次，由市老干部局统一安排。",
    "老年大学春季班一月五日开始报名。",
    "活动中心每周一闭馆清洁。",
    "走访慰问工作在春节前完成。",
    "特此通知。",
    "困难老干部帮扶资金由各单位列支。",
    "健身房下午四时后停止入场。",
]


def speech(source: str, paragraphs: list[str]) -> Speech:
    return Speech(
        title=f"关于{source}的通知",
        subtitle=None,
        date="2026-10-25",
        speaker=None,
        source=source,
        ordinal=1,
        label=None,
        paragraphs=tuple(Paragraph(text, None) for text in paragraphs),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "speechqa.db")
    yield store
    store.close()


def test_a_passage_renumbered_by_an_edit_is_followed_and_an_edited_one_is_said_changed(store: Store) -> None:
    first = store.save_speech(speech("a", POOL[:4]), chunk_speech(speech("a", POOL[:4])))
    before = {p.text: p.id for p in store.passages(first.speech_id)}
    edited = [POOL[0], POOL[1].replace("一月五日", "一月六日"), *POOL[2:4]]
    again = store.save_speech(speech("a", edited), chunk_speech(speech("a", edited)))
    assert again.speech_id == first.speech_id and again.status == "updated"
    kept = store.follow_passage(before[POOL[2]])
    assert kept.state == "moved" and kept.passage is not None and kept.passage.text == POOL[2]
    assert kept.passage.id != before[POOL[2]]  # renumbered: why buttons need this
    assert store.follow_passage(before[POOL[1]]).state == "changed"
    assert store.follow_passage(kept.passage.id).state == "same"
    assert store.follow_passage(999_999).state == "gone"


def test_a_speech_removed_and_added_again_is_followed_by_its_text(store: Store) -> None:
    first = store.save_speech(speech("a", POOL[:3]), chunk_speech(speech("a", POOL[:3])))
    old = store.passages(first.speech_id)
    store.remove_speech(first.speech_id)
    assert store.follow_passage(old[0].id).state == "gone"
    assert store.follow_speech(first.speech_id) is None
    back = store.save_speech(speech("a", POOL[:3]), chunk_speech(speech("a", POOL[:3])))
    assert back.speech_id != first.speech_id
    followed = store.follow_passage(old[1].id)
    assert followed.passage is not None and followed.passage.speech_id == back.speech_id
    assert followed.passage.text == old[1].text
    assert (s := store.follow_speech(first.speech_id)) is not None and s.id == back.speech_id


def test_a_speech_removed_beside_its_corrected_version_is_followed_to_that_version(store: Store) -> None:
    """A 修改稿 added beside its original (`add` records the two as versions of each other), then the original
    removed (speechqa remove, the bot's 🗑 删除旧版): an old answer's 出处 and 只看这篇讲话 lead to the version kept,
    its 上下文 to the passage holding its text there, and a passage whose figure was corrected is said changed,
    with the version holding the corrected text; a speech removed with no version kept leads nowhere."""
    first = store.save_speech(speech("a", POOL[:4]), chunk_speech(speech("a", POOL[:4])))
    old = {p.text: p.id for p in store.passages(first.speech_id)}
    fixed = [POOL[0], POOL[1].replace("一月五日", "一月六日"), *POOL[2:4]]
    second = store.save_speech(speech("b", fixed), chunk_speech(speech("b", fixed)))
    store.record_near_copy(second.speech_id, first.speech_id, 0.95, KinshipBy.SAME_TITLE)
    assert store.other_version(first.speech_id) is None  # still stored: itself
    store.remove_speech(first.speech_id)
    assert store.near_copies() == []  # no warning left to say: one of the two is gone
    assert store.follow_speech(first.speech_id) is None  # its own text is nowhere
    kept = store.other_version(first.speech_id)
    assert kept is not None and kept.id == second.speech_id
    moved = store.follow_passage(old[POOL[2]])
    assert moved.state == "moved" and moved.passage is not None
    assert (
        moved.passage.speech_id == second.speech_id and moved.in_version
    )  # in the version kept, not added again
    changed = store.follow_passage(old[POOL[1]])
    assert changed.state == "changed" and changed.speech is not None and changed.speech.id == second.speech_id
    third = store.save_speech(speech("c", fixed[:3]), chunk_speech(speech("c", fixed[:3])))
    store.record_near_copy(third.speech_id, second.speech_id, 0.9, KinshipBy.SAME_TITLE)
    store.remove_speech(second.speech_id)  # corrected twice: the first version leads to the last one kept
    assert (v := store.other_version(first.speech_id)) is not None and v.id == third.speech_id
    store.remove_speech(third.speech_id)
    assert store.other_version(first.speech_id) is None
    assert store.follow_passage(old[POOL[1]]).state == "gone"


def test_a_version_kept_is_the_later_one_and_an_earlier_one_never_holds_a_corrected_text(
    store: Store,
) -> None:
    """Versions recorded later win over more similar earlier ones (three versions, the middle removed); a passage
    missing from an earlier version kept (the 修改稿 removed, the original kept) is not "changed" — the original
    is not the corrected text; a version removed and added back is followed under its new id."""
    texts = [
        POOL[:4],
        [POOL[0], POOL[1].replace("一月五日", "一月六日"), *POOL[2:4]],
        [*POOL[:1], *POOL[2:5]],
    ]
    ids = [
        store.save_speech(speech(n, t), chunk_speech(speech(n, t))).speech_id
        for n, t in zip("abc", texts, strict=True)
    ]
    store.record_near_copy(ids[1], ids[0], 0.95, KinshipBy.SAME_TITLE)
    store.record_near_copy(ids[2], ids[1], 0.6, KinshipBy.SAME_TITLE)
    middle = {p.text: p.id for p in store.passages(ids[1])}
    store.remove_speech(ids[1])
    assert (kept := store.other_version(ids[1])) is not None and kept.id == ids[
        2
    ]  # not the more similar ids[0]
    assert store.follow_passage(middle[texts[1][1]]).state == "changed"  # corrected again in the later one

    store.remove_speech(ids[2])  # the later versions gone: the original kept is earlier than both
    assert (kept := store.other_version(ids[1])) is not None and kept.id == ids[0]
    trace = store.follow_passage(middle[texts[1][1]])
    assert (
        trace.state == "gone" and trace.speech is not None and trace.speech.id == ids[0] and trace.in_version
    )

    store.remove_speech(ids[0])
    back = store.save_speech(speech("a", texts[0]), chunk_speech(speech("a", texts[0]))).speech_id
    assert (kept := store.other_version(ids[1])) is not None and kept.id == back

    # recorded the other way round: the speech added second is the older one (`older`, by its date)
    longer, shorter = [POOL[3], POOL[5], POOL[6]], [POOL[3], POOL[5]]
    first = store.save_speech(speech("d", longer), chunk_speech(speech("d", longer))).speech_id
    second = store.save_speech(speech("e", shorter), chunk_speech(speech("e", shorter))).speech_id
    store.record_near_copy(second, first, 0.9, KinshipBy.SAME_TITLE, older=True)
    own = {p.text: p.id for p in store.passages(first)}[POOL[6]]
    store.remove_speech(first)
    assert store.follow_passage(own).state == "gone"  # the version kept is the earlier one


OPS = st.lists(
    st.one_of(
        st.tuples(
            st.just("save"),
            st.sampled_from("ab"),
            st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True),
        ),
        st.tuples(st.just("remove"), st.sampled_from("ab"), st.just([])),
        st.tuples(st.just("versions"), st.sampled_from("ab"), st.just([])),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=40, deadline=None)
@given(ops=OPS)
def test_a_followed_passage_always_holds_the_text_its_id_was_given_for(tmp_path_factory, ops) -> None:
    """Whatever happened to the library since (speeches saved, edited, removed, added back), a passage id once
    given out leads to a passage holding the very text it was given for (that text alone, or all of it within a
    longer passage of the speech: read again, its paragraphs merged), or to none when no passage holds that
    text any more — never to another passage. And it leads to one whenever one holds that text."""
    store = Store(tmp_path_factory.mktemp("retired") / "speechqa.db")
    try:
        issued: dict[
            int, tuple[str, int, str]
        ] = {}  # passage id -> (content hash, speech id, text) when given
        for op, source, paragraphs in ops:
            if op == "save":
                store.save_speech(speech(source, paragraphs), chunk_speech(speech(source, paragraphs)))
            elif op == "versions":  # `add` found the two to be versions of each other (a 修改稿 beside it)
                mine = [s.id for s in store.speeches() if s.source == source]
                others = [s.id for s in store.speeches() if s.source != source]
                if mine and others:
                    store.record_near_copy(mine[0], others[0], 0.9, KinshipBy.SAME_TITLE)
            else:
                for s in store.speeches():
                    if s.source == source:
                        store.remove_speech(s.id)
            for p in store.passages():
                issued.setdefault(p.id, (p.content_hash, p.speech_id, p.text))
        live = store.passages()
        live_hashes = {p.content_hash for p in live}
        live_speeches = {s.id for s in store.speeches()}
        for speech_id in {sid for _, sid, _ in issued.values()}:  # a speech still there is itself
            followed = store.follow_speech(speech_id)
            assert followed is None or followed.id in live_speeches
            assert speech_id not in live_speeches or (followed is not None and followed.id == speech_id)
            other = store.other_version(speech_id)  # a version kept of a removed one is stored; never itself
            assert other is None or (other.id in live_speeches and speech_id not in live_speeches)
        for passage_id, (digest, speech_id, text) in issued.items():
            trace = store.follow_passage(passage_id)
            if trace.passage is not None:
                assert trace.passage.content_hash == digest or (
                    normalise(text) in normalise(trace.passage.text) and digest not in live_hashes
                )
                assert trace.state == ("same" if trace.passage.id == passage_id else "moved")
                if trace.in_version:  # said to be in the version kept of its removed speech: it is
                    kept = store.other_version(speech_id)
                    assert kept is not None and trace.passage.speech_id == kept.id
            else:
                assert digest not in live_hashes
                now = store.follow_speech(speech_id) or store.other_version(speech_id)
                assert trace.state == ("changed" if now is not None else "gone")
                # what `speechqa context` says of it: the speech it was given in, and that speech now (the one
                # holding its text, or the version kept of it)
                assert trace.speech_id == speech_id
                assert trace.speech == now
        # an id above the last one issued was never given (`speechqa context 99999`: 「段落编号最大到 #N」)
        assert all(i <= store.last_issued("passages") for i in issued)
        assert all(s <= store.last_issued("speeches") for _, s, _ in issued.values())
        assert store.follow_passage(store.last_issued("passages") + 1).speech_id is None
    finally:
        store.close()


def test_restoring_an_older_backup_gives_no_id_again(store: Store, tmp_path: Path) -> None:
    """trial 38 left it (docs/trial38-bot.md): `restore` of an older backup set the id counters back, so ids given
    after the backup were given again to the next speech added — a button made in between (or `speechqa
    context 212` copied from an answer) then led to another passage. docs/trial39.md."""
    from index import backup_database, restore_database

    store.save_speech(speech("a", POOL[:2]), chunk_speech(speech("a", POOL[:2])))
    backup_database(store, tmp_path / "backup.db")
    later = store.save_speech(speech("b", POOL[2:4]), chunk_speech(speech("b", POOL[2:4])))
    given = [p.id for p in store.passages(later.speech_id)]
    restore_database(store, tmp_path / "backup.db", None)
    assert store.speech(later.speech_id) is None and store.last_issued("passages") >= max(given)
    again = store.save_speech(speech("c", POOL[4:6]), chunk_speech(speech("c", POOL[4:6])))
    assert again.speech_id > later.speech_id
    assert min(p.id for p in store.passages(again.speech_id)) > max(given)
    assert all(store.follow_passage(i).passage is None for i in given)  # never another passage
