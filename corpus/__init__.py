"""Text in: read files, clean conversion artefacts, split compilations, find metadata, chunk."""

from .bundled import bundled_corpus_files
from .chunk import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MERGE_TO,
    LINE_BREAK,
    MEASURED_MERGE_TO,
    answers,
    asks,
    chunk_speech,
    split_paragraph,
    split_sentences,
)
from .clean import clean_line
from .conservation import Conservation, body_sentences, check_conservation, squash
from .dates import read_date
from .encoding import decode_text
from .errors import (
    CorpusError,
    EmptyDocument,
    ExportedAnswer,
    NotASpeech,
    PictureNotPage,
    UnreadableFile,
    UnsupportedFormat,
    describe_os_error,
)
from .layout import is_page_number
from .names import is_person_name
from .numerals import NUMERAL_CHARS, numeral_value, typed_id, written_as_digits
from .ocr import HOW_TO_ENABLE as HOW_TO_ENABLE_OCR
from .ocr import OcrEngine, image_text, installed_engines
from .parse import (
    ATTACHMENT_SECTION,
    HEAD_LABELS,
    HEAD_SECTION,
    head_issuer,
    head_labels,
    parse_document,
    with_head_issuer,
)
from .reader import (
    EXPORT_DATE_LABEL,
    EXPORT_HEADING,
    EXPORT_QUESTION_LABEL,
    MAX_TEXT_BYTES,
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    SkippedFiles,
    is_archive,
    iter_speech_files,
    read_bytes,
    read_document,
    size_refusal,
    skipped_files,
    special_kind,
    unsupported_message,
)
from .records import BLOCK_KINDS, Block, Document, ImprintField, Paragraph, PassageDraft, Speech
from .script import script_fold_version, to_simplified
from .signals import interruptible, signals_held

__all__ = [
    "ATTACHMENT_SECTION",
    "BLOCK_KINDS",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MERGE_TO",
    "EXPORT_DATE_LABEL",
    "EXPORT_HEADING",
    "EXPORT_QUESTION_LABEL",
    "HEAD_LABELS",
    "HEAD_SECTION",
    "HOW_TO_ENABLE_OCR",
    "LINE_BREAK",
    "MAX_TEXT_BYTES",
    "MEASURED_MERGE_TO",
    "NUMERAL_CHARS",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "Block",
    "Conservation",
    "CorpusError",
    "Document",
    "EmptyDocument",
    "ExportedAnswer",
    "ImprintField",
    "NotASpeech",
    "OcrEngine",
    "Paragraph",
    "PassageDraft",
    "PictureNotPage",
    "SkippedFiles",
    "Speech",
    "UnreadableFile",
    "UnsupportedFormat",
    "answers",
    "asks",
    "body_sentences",
    "bundled_corpus_files",
    "check_conservation",
    "chunk_speech",
    "clean_line",
    "decode_text",
    "describe_os_error",
    "head_issuer",
    "head_labels",
    "image_text",
    "installed_engines",
    "interruptible",
    "is_archive",
    "is_page_number",
    "is_person_name",
    "iter_speech_files",
    "numeral_value",
    "parse_document",
    "read_bytes",
    "read_date",
    "read_document",
    "script_fold_version",
    "signals_held",
    "size_refusal",
    "skipped_files",
    "special_kind",
    "split_paragraph",
    "split_sentences",
    "squash",
    "to_simplified",
    "typed_id",
    "unsupported_message",
    "with_head_issuer",
    "written_as_digits",
]
