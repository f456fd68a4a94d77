"""Text in: read files, clean conversion artefacts, split compilations, find metadata, chunk."""

from .bundled import bundled_corpus_files
from .chunk import DEFAULT_MAX_CHARS, chunk_speech, split_paragraph, split_sentences
from .clean import clean_line
from .errors import CorpusError, EmptyDocument, UnreadableFile, UnsupportedFormat
from .layout import is_page_number
from .ocr import HOW_TO_ENABLE as HOW_TO_ENABLE_OCR
from .ocr import OcrEngine, image_text, installed_engines
from .parse import parse_document
from .reader import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES, iter_speech_files, read_bytes, read_document
from .records import BLOCK_KINDS, Block, Document, Paragraph, PassageDraft, Speech

__all__ = [
    "BLOCK_KINDS",
    "DEFAULT_MAX_CHARS",
    "HOW_TO_ENABLE_OCR",
    "SUPPORTED_FORMATS",
    "SUPPORTED_SUFFIXES",
    "Block",
    "CorpusError",
    "Document",
    "EmptyDocument",
    "OcrEngine",
    "Paragraph",
    "PassageDraft",
    "Speech",
    "UnreadableFile",
    "UnsupportedFormat",
    "bundled_corpus_files",
    "chunk_speech",
    "clean_line",
    "image_text",
    "installed_engines",
    "is_page_number",
    "iter_speech_files",
    "parse_document",
    "read_bytes",
    "read_document",
    "split_paragraph",
    "split_sentences",
]
