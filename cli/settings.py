"""Settings: read once, at the edge, from flags and SPEECHQA_* environment variables."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

from corpus import MEASURED_MERGE_TO
from index import DEFAULT_MODEL, DEFAULT_TOKENIZER, TOKENIZERS, Prefixes


class SettingsError(ValueError):
    """A setting has a value that cannot be used. The message names the variable."""


def default_home(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "speechqa"


@dataclass(frozen=True)
class TelegramSettings:
    token: str | None = None
    api_url: str | None = None  # Bot API base URL, e.g. http://127.0.0.1:8081/bot (self-hosted server)
    file_url: str | None = None  # file download base URL; derived from api_url when not set
    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()
    questions_per_minute: int = 10  # per user
    webhook_url: str | None = None  # set to run in webhook mode instead of polling
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    # webhook mode: how often Telegram is asked whether the token still stands and updates reach the bot; 0: never
    webhook_check_seconds: float = 300
    hash_user_ids: bool = False
    log_file: Path | None = None  # the bot's log also goes here, rotated at log_max_mb
    log_max_mb: int = 10
    log_backups: int = 5


@dataclass(frozen=True)
class Settings:
    home: Path
    model: str = DEFAULT_MODEL
    model_chosen: bool = (
        False  # SPEECHQA_MODEL or --model named it (else the default, offline the bundled copy)
    )
    prefixes: Prefixes | None = None  # None: the model's known prefixes
    tokenizer: str = DEFAULT_TOKENIZER
    merge_to: int | None = MEASURED_MERGE_TO  # passages: short paragraphs merged up to this; None: one each
    top_k: int = 5
    telegram: TelegramSettings = field(default_factory=TelegramSettings)

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


# prefixes end in a space on purpose ("query: "): only a line end is taken off them
_SPACES_MEANT = frozenset({"SPEECHQA_QUERY_PREFIX", "SPEECHQA_PASSAGE_PREFIX"})


def as_meant(env: Mapping[str, str]) -> dict[str, str]:
    """speechqa's variables without the blanks around them. An environment file saved on Windows ends every line
    in \r, which `set -a; . /etc/speechqa.env; set +a` (the README's way to run a command as the service does)
    keeps: SPEECHQA_HOME=/srv/speechqa\r opened a new, empty library beside the service's (trial 58), and
    SPEECHQA_HASH_USER_IDS=1\r left the pseudonyms off without a word. systemd drops those blanks itself."""
    return {
        name: value.rstrip("\r\n")
        if name in _SPACES_MEANT
        else value.strip()
        if name.startswith(("SPEECHQA_", "TELEGRAM_")) or name == "XDG_DATA_HOME"
        else value
        for name, value in env.items()
    }


# the model libraries' own variables, which they read themselves when first imported (after start-up):
# 「HF_HUB_OFFLINE=1\r」 was not read as set, and every command waited for the 3-second check of the hub (trial 58);
# 「SENTENCE_TRANSFORMERS_HOME=/srv/models\r」 was another, empty cache, and a blank HF_ENDPOINT an address
# without a host (ops60)
MODEL_VARIABLES = (
    "HF_HUB_OFFLINE",
    "HF_ENDPOINT",
    "HF_HOME",
    "HF_HUB_CACHE",
    "TRANSFORMERS_CACHE",
    "TRANSFORMERS_OFFLINE",
    "SENTENCE_TRANSFORMERS_HOME",
)


def strip_hub_variables(environ: MutableMapping[str, str]) -> None:
    """Read the model libraries' variables (`MODEL_VARIABLES`) in the process environment as `as_meant` reads
    speechqa's own: without the blanks around them, and one left blank as unset (each library then takes its
    default, as it would for one not set). Called once at start-up, before huggingface_hub is imported."""
    for name in MODEL_VARIABLES:
        if name not in environ:
            continue
        value = environ[name].strip()
        if not value:
            del environ[name]
        elif value != environ[name]:
            environ[name] = value


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    env = as_meant(os.environ if env is None else env)
    query_prefix = env.get("SPEECHQA_QUERY_PREFIX")
    passage_prefix = env.get("SPEECHQA_PASSAGE_PREFIX")
    prefixes = (
        Prefixes(query_prefix or "", passage_prefix or "")
        if query_prefix is not None or passage_prefix is not None
        else None
    )
    if env.get("SPEECHQA_HOME") == "":
        # set but blank (「SPEECHQA_HOME=」, or a line of a Windows env file: 「\r」): the default would open
        # another, new library without a word. Other variables left blank take their default, which loses
        # nothing (README, Configuration)
        raise SettingsError(
            "SPEECHQA_HOME 已设置但是空的（或只有空格、换行符）：请写上资料库所在的文件夹，"
            f"或删去这个变量以使用默认的 {default_home(env)}"
        )
    tokenizer = env.get("SPEECHQA_TOKENIZER", DEFAULT_TOKENIZER)
    if tokenizer == "":
        # set but blank: refused as SPEECHQA_HOME is (the tokenizer a library was built with is no default to
        # guess: another one re-tokenises it), named by the variable, not by 「''」 (ops60)
        raise SettingsError(
            f"SPEECHQA_TOKENIZER 已设置但是空的（或只有空格、换行符）：请写上 {' 或 '.join(TOKENIZERS)}，"
            f"或删去这个变量以使用默认的 {DEFAULT_TOKENIZER}"
        )
    if tokenizer not in TOKENIZERS:
        raise SettingsError(f"SPEECHQA_TOKENIZER={tokenizer} 无效，可选：{', '.join(TOKENIZERS)}")
    return Settings(
        home=Path(env.get("SPEECHQA_HOME") or default_home(env)).expanduser(),
        model=env.get("SPEECHQA_MODEL") or DEFAULT_MODEL,
        model_chosen=bool(env.get("SPEECHQA_MODEL")),
        prefixes=prefixes,
        tokenizer=tokenizer,
        merge_to=_int(env, "SPEECHQA_MERGE_TO", MEASURED_MERGE_TO, low=0, high=2000) or None,
        top_k=_int(env, "SPEECHQA_TOP_K", 5, low=1, high=50),
        telegram=TelegramSettings(
            token=(env.get("TELEGRAM_BOT_TOKEN") or "").strip()
            or None,  # a pasted token often ends in a newline
            api_url=_url(env, "SPEECHQA_TELEGRAM_API_URL", "http://127.0.0.1:8081/bot"),
            file_url=_url(env, "SPEECHQA_TELEGRAM_FILE_URL", "http://127.0.0.1:8081/file/bot"),
            allowed_users=_ids(env, "SPEECHQA_ALLOWED_USERS"),
            allowed_chats=_ids(env, "SPEECHQA_ALLOWED_CHATS"),
            admins=_ids(env, "SPEECHQA_ADMINS"),
            questions_per_minute=_int(env, "SPEECHQA_QUESTIONS_PER_MINUTE", 10, low=1, high=10_000),
            webhook_url=_url(
                env,
                "SPEECHQA_WEBHOOK_URL",
                "https://bot.example.org/speechqa",
                # Telegram delivers updates over HTTPS only; a self-hosted Bot API server also over HTTP
                https_only=not env.get("SPEECHQA_TELEGRAM_API_URL"),
            ),
            webhook_secret=env.get("SPEECHQA_WEBHOOK_SECRET") or None,
            webhook_listen=env.get("SPEECHQA_WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=_int(env, "SPEECHQA_WEBHOOK_PORT", 8443, low=1, high=65535),
            webhook_check_seconds=_int(env, "SPEECHQA_WEBHOOK_CHECK_SECONDS", 300, low=0, high=86_400),
            hash_user_ids=_flag(env, "SPEECHQA_HASH_USER_IDS"),
            log_file=Path(env["SPEECHQA_LOG_FILE"]).expanduser() if env.get("SPEECHQA_LOG_FILE") else None,
            log_max_mb=_int(env, "SPEECHQA_LOG_MAX_MB", 10, low=1, high=10_000),
            log_backups=_int(env, "SPEECHQA_LOG_BACKUPS", 5, low=1, high=100),
        ),
    )


_ON = frozenset({"1", "true", "yes", "on"})
_OFF = frozenset({"0", "false", "no", "off"})


def _flag(env: Mapping[str, str], name: str) -> bool:
    """A switch: 1 (true, yes, on) or 0 (false, no, off), blank or unset off. Another value is refused: read
    as off it left pseudonyms off without a word — 「SPEECHQA_HASH_USER_IDS=是」 logged every user's real id
    (newuser66)."""
    raw = env.get(name, "")
    if raw.lower() in _ON:
        return True
    if raw == "" or raw.lower() in _OFF:
        return False
    raise SettingsError(f"{name}={raw} 无效：要打开请写 1，要关闭请写 0（或删去这个变量）")


def _int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError as e:
        raise SettingsError(f"{name}={raw!r} 不是整数") from e
    if not low <= value <= high:
        raise SettingsError(f"{name}={value} 超出范围（{low}–{high}）")
    return value


def _ids(env: Mapping[str, str], name: str) -> frozenset[int]:
    raw = env.get(name, "")
    # typed on a Chinese keyboard: full-width commas, digits and spaces (「1002，1003」), 、 between ids
    typed = unicodedata.normalize("NFKC", raw).replace("、", ",")
    ids = set()
    for part in typed.replace(";", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        try:
            # a group id may be typed with a minus sign of another font (−, －)
            ids.add(int(part.strip().replace("−", "-")))
        except ValueError as e:
            raise SettingsError(f"{name} 中的「{part.strip()}」不是数字 ID（多个 ID 用逗号分隔）") from e
    return frozenset(ids)


def _url(env: Mapping[str, str], name: str, example: str, *, https_only: bool = False) -> str | None:
    """An http(s) URL with a host, or None when unset. Anything else would only show later, as a
    connection that never succeeds (the bot retries a network error for ever)."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    parts = urlparse(raw)
    schemes = ("https",) if https_only else ("http", "https")
    if parts.scheme not in schemes or not parts.hostname:
        needs = "https:// 开头" if https_only else "http:// 或 https:// 开头"
        raise SettingsError(f"{name}={raw!r} 不是可用的网址：应以 {needs}、带主机名，例如 {example}")
    return raw
