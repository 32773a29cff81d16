"""stanza's Indonesian pipeline (tokenize, mwt, pos, lemma, depparse) as spaCy ``Doc``\\ s.

stanza is optional (``pip install torch==2.13.0 'geoevents[stanza]'``; install a CPU torch
first, an unpinned one pulls a CUDA build). Nothing here imports stanza until it is used.

* :func:`find_models` locates the model files in a stanza resources directory
  (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``, layout ``id/<processor>/*.pt``) and
  raises :class:`~geoevents.errors.ModelNotFoundError` naming ``geoevents download stanza``
  when they are missing;
* :func:`build_pipeline` builds ``stanza.Pipeline`` offline: ``download_method=None``,
  explicit ``<processor>_model_path``\\ s, ``allow_unknown_language=True`` and an empty
  ``resources.json``, so it never touches the network;
* :func:`to_spacy` maps a stanza ``Document`` onto a spaCy ``Doc`` over the input text:
  every token is aligned to its character offsets (``doc[i].idx``), the words of a multi-word
  token ("bukunya" = "buku" + "nya") become separate tokens when they spell the surface
  form, UD labels are normalised by :func:`normalize_deprel` (``root`` → ``ROOT``), and
  whitespace between tokens is kept as spaCy keeps it;
* :class:`StanzaParser`: ``text -> Doc`` with a lazily built pipeline;
* :func:`download`: ``stanza.download`` for users with internet (``geoevents download
  stanza``); a failure raises :class:`~geoevents.errors.ModelDownloadError`.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError, ModelDownloadError, ModelNotFoundError
from ..inputs import check_text, tokenizer

__all__ = [
    "DOWNLOAD_COMMAND",
    "PROCESSORS",
    "AlignmentError",
    "StanzaModels",
    "StanzaParser",
    "build_pipeline",
    "default_model_dir",
    "download",
    "find_models",
    "normalize_deprel",
    "to_spacy",
]

DOWNLOAD_COMMAND = "geoevents download stanza"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
"""stanza's Indonesian processors (stanza has no Indonesian NER)."""
_REQUIRED = ("tokenize", "pos", "depparse")
_LANG = "id"


class AlignmentError(ValueError):
    """stanza's tokens could not be aligned to the input text."""


def normalize_deprel(label: str | None) -> str:
    """The one place UD relation labels are normalised: ``root`` → spaCy's ``ROOT``;
    subtypes (``nsubj:pass``, ``flat:name``) are kept; a missing label becomes ``dep``."""
    if not label or label == "_":
        return "dep"
    return "ROOT" if label.lower() == "root" else label


def _import_stanza() -> Any:
    try:
        import stanza  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as e:
        raise MissingDependencyError(
            "the stanza backend needs stanza and torch: pip install torch==2.13.0 "
            "'geoevents[stanza]' (install the CPU torch first)") from e
    return stanza


def default_model_dir() -> Path:
    """``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources`` (stanza's own default)."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else Path.home() / "stanza_resources"


@dataclass(frozen=True)
class StanzaModels:
    """The model files of one Indonesian stanza pipeline."""

    root: Path
    models: dict[str, Path]
    """processor → model file (tokenize, mwt, pos, lemma, depparse)."""
    pretrain: Path | None = None
    forward_charlm: Path | None = None
    backward_charlm: Path | None = None

    def pipeline_kwargs(self) -> dict[str, Any]:
        """The ``<processor>_model_path`` (and pretrain/charlm) arguments of
        ``stanza.Pipeline``."""
        kw: dict[str, Any] = {"processors": ",".join(p for p in PROCESSORS
                                                     if p in self.models)}
        for proc, path in self.models.items():
            kw[f"{proc}_model_path"] = str(path)
        for proc in ("pos", "depparse"):
            if proc not in self.models:
                continue
            if self.pretrain is not None:
                kw[f"{proc}_pretrain_path"] = str(self.pretrain)
            if self.forward_charlm is not None and self.backward_charlm is not None:
                kw[f"{proc}_forward_charlm_path"] = str(self.forward_charlm)
                kw[f"{proc}_backward_charlm_path"] = str(self.backward_charlm)
        return kw


def _defaults(root: Path) -> dict[str, str]:
    """Default package names per processor from a downloaded ``resources.json``, if any."""
    try:
        res = json.loads((root / "resources.json").read_text(encoding="utf-8"))
        procs = res.get(_LANG, {}).get("default_processors", {})
        return {k: v for k, v in procs.items() if isinstance(v, str)}
    except (OSError, ValueError, AttributeError):
        return {}


def _pick(folder: Path, preferred: str | None) -> Path | None:
    files = sorted(folder.glob("*.pt")) if folder.is_dir() else []
    if not files:
        return None
    if preferred:
        for f in files:
            if f.stem == preferred:
                return f
    return files[0]


def find_models(model_dir: str | Path | None = None) -> StanzaModels:
    """The Indonesian model files under ``model_dir`` (default :func:`default_model_dir`).

    Raises:
        ModelNotFoundError: tokenize, pos or depparse is missing; the message names
            ``geoevents download stanza``.
    """
    root = Path(model_dir) if model_dir is not None else default_model_dir()
    lang = root / _LANG
    prefer = _defaults(root)
    models: dict[str, Path] = {}
    for proc in PROCESSORS:
        found = _pick(lang / proc, prefer.get(proc))
        if found is not None:
            models[proc] = found
    missing = [p for p in _REQUIRED if p not in models]
    if missing:
        raise ModelNotFoundError(
            f"stanza's Indonesian models are missing from {lang} (no {', '.join(missing)} "
            f"model). Download them with: {DOWNLOAD_COMMAND} (needs internet), or set "
            "STANZA_RESOURCES_DIR to a directory that has them")
    return StanzaModels(
        root, models, pretrain=_pick(lang / "pretrain", prefer.get("pretrain")),
        forward_charlm=_pick(lang / "forward_charlm", prefer.get("forward_charlm")),
        backward_charlm=_pick(lang / "backward_charlm", prefer.get("backward_charlm")))


def build_pipeline(model_dir: str | Path | None = None, *, models: StanzaModels | None = None,
                   use_gpu: bool = False, **kwargs: Any) -> Any:
    """An offline ``stanza.Pipeline`` for Indonesian; it never downloads.

    Args:
        model_dir: a stanza resources directory (see :func:`find_models`).
        models: explicit model files (instead of ``model_dir``).
        use_gpu: run on a GPU when there is one.
        kwargs: passed on to ``stanza.Pipeline`` (e.g. ``tokenize_pretokenized=True``).

    Raises:
        MissingDependencyError: stanza is not installed.
        ModelNotFoundError: the models are missing (names ``geoevents download stanza``).
    """
    stanza = _import_stanza()
    models = models or find_models(model_dir)
    empty = Path(tempfile.gettempdir()) / "geoevents-stanza-resources.json"
    if not empty.is_file():
        empty.write_text("{}", encoding="utf-8")
    args: dict[str, Any] = {
        "lang": _LANG, "dir": str(models.root), "download_method": None,
        "allow_unknown_language": True, "resources_filepath": str(empty),
        "use_gpu": use_gpu, "logging_level": "WARN", **models.pipeline_kwargs(), **kwargs}
    return stanza.Pipeline(**args)


# -- stanza Document → spaCy Doc ---------------------------------------------------------------


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    pos: str = "X"
    tag: str = ""
    morph: str = ""
    lemma: str = ""
    dep: str = "dep"
    head: int = -1
    """Absolute index of the head token; -1: itself (root or whitespace)."""
    space_after: bool = False


def _locate(text: str, cursor: int, tok_text: str, start: int | None,
            end: int | None) -> tuple[int, int]:
    if (start is not None and end is not None and start >= cursor
            and text[start:end] == tok_text):
        return start, end
    i = cursor
    while i < len(text) and text[i].isspace():
        i += 1
    if text.startswith(tok_text, i):
        return i, i + len(tok_text)
    found = text.find(tok_text, cursor)
    if found >= 0 and not text[cursor:found].strip():
        return found, found + len(tok_text)
    if start is not None and end is not None and start >= cursor and end <= len(text):
        return start, end  # stanza normalised the token text; trust its offsets
    raise AlignmentError(
        f"cannot align stanza token {tok_text!r} to the text at offset {cursor}: "
        f"{text[cursor:cursor + 40]!r}")


def to_spacy(sdoc: Any, text: str | None = None, vocab: Any = None) -> Any:
    """A spaCy ``Doc`` over ``text`` with stanza's words, tags, lemmas and dependencies.

    Args:
        sdoc: a ``stanza.Document`` (from a pipeline, or ``CoNLL.conll2doc``).
        text: the text the tokens come from (default ``sdoc.text``); the Doc's text equals
            it, and each token's ``idx`` is its offset in it.
        vocab: a spaCy ``Vocab`` (default a blank Indonesian one's).

    Multi-word tokens whose words spell the token ("menyetujuinya" → "menyetujui", "nya")
    become one spaCy token per word; otherwise the token stays whole and takes the
    attributes of its syntactic head word. Whitespace other than a single space after a
    token becomes whitespace tokens (``pos_ == "SPACE"``), as in spaCy.

    Raises:
        AlignmentError: a token that does not occur in ``text`` where expected.
    """
    from spacy.tokens import Doc

    if text is None:
        text = sdoc.text
        if text is None:
            raise AlignmentError("the stanza Document has no text; pass text=")
    if vocab is None:

        vocab = tokenizer(_LANG).vocab
    toks: list[_Tok] = []
    cursor = 0
    for sent in sdoc.sentences:
        word_tok: dict[int, int] = {}  # stanza word id (1-based) → index in toks
        word_of: list[tuple[int, Any]] = []
        for token in sent.tokens:
            start, end = _locate(text, cursor, token.text, token.start_char, token.end_char)
            if start > cursor:
                toks.append(_Tok(cursor, start, text[cursor:start], pos="SPACE"))
            cursor = end
            words = list(token.words)
            surface = text[start:end]
            if len(words) > 1 and "".join(w.text for w in words) == surface:
                pos = start
                for w in words:
                    word_tok[w.id] = len(toks)
                    word_of.append((len(toks), w))
                    toks.append(_Tok(pos, pos + len(w.text), w.text))
                    pos += len(w.text)
            else:
                head_word = words[0]
                if len(words) > 1:
                    ids = {w.id for w in words}
                    head_word = next((w for w in words if w.head not in ids), words[0])
                for w in words:
                    word_tok[w.id] = len(toks)
                word_of.append((len(toks), head_word))
                toks.append(_Tok(start, end, surface))
        for ti, w in word_of:
            t = toks[ti]
            t.pos = w.upos or "X"
            t.tag = w.xpos or ""
            t.morph = w.feats or ""
            t.lemma = w.lemma or t.text
            head = w.head or 0
            t.dep = "ROOT" if head == 0 else normalize_deprel(w.deprel)
            t.head = word_tok.get(head, ti) if head > 0 else ti
    if cursor < len(text):
        toks.append(_Tok(cursor, len(text), text[cursor:], pos="SPACE"))
    return _build_doc(vocab, text, toks, Doc)


def _build_doc(vocab: Any, text: str, toks: list[_Tok], doc_cls: Any) -> Any:
    # a single " " after a token is its whitespace; other whitespace stays a token
    merged: list[_Tok] = []
    for t in toks:
        if (t.pos == "SPACE" and merged and merged[-1].pos != "SPACE"
                and not merged[-1].space_after and t.text.startswith(" ")):
            merged[-1].space_after = True
            if len(t.text) == 1:
                continue
            t = _Tok(t.start + 1, t.end, t.text[1:], pos="SPACE")
        merged.append(t)
    index = {id(t): k for k, t in enumerate(merged)}
    old_to_new = {i: index[id(t)] for i, t in enumerate(toks) if id(t) in index}
    words, spaces, heads, deps, poses, tags, morphs, lemmas = [], [], [], [], [], [], [], []
    last_word = -1
    for k, t in enumerate(merged):
        words.append(t.text)
        spaces.append(t.space_after)
        if t.pos == "SPACE":
            # attach whitespace to the previous word (or the next one at the start)
            nxt = next((m for m in range(k + 1, len(merged)) if merged[m].pos != "SPACE"), k)
            heads.append(last_word if last_word >= 0 else nxt)
            deps.append("dep" if heads[-1] != k else "ROOT")
            poses.append("SPACE")
            tags.append("_SP")
            morphs.append("")
            lemmas.append(t.text)
            continue
        last_word = k
        heads.append(old_to_new.get(t.head, k) if t.head >= 0 else k)
        deps.append(t.dep)
        poses.append(t.pos)
        tags.append(t.tag)
        morphs.append(t.morph)
        lemmas.append(t.lemma)
    doc = doc_cls(vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=poses,
                  tags=tags, morphs=morphs, lemmas=lemmas)
    if doc.text != text:  # pragma: no cover (a bug in the alignment above)
        raise AlignmentError("the rebuilt Doc's text differs from the input text")
    return doc


class StanzaParser:
    """``text -> spaCy Doc`` through stanza; the pipeline is built on first use.

    Args:
        model_dir: a stanza resources directory (default :func:`default_model_dir`).
        kwargs: passed to :func:`build_pipeline`.
    """

    def __init__(self, model_dir: str | Path | None = None, **kwargs: Any) -> None:
        self.model_dir = model_dir
        self.kwargs = kwargs
        self._nlp: Any = None
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Any:
        """The stanza pipeline (built on first access)."""
        with self._lock:
            if self._nlp is None:
                self._nlp = build_pipeline(self.model_dir, **self.kwargs)
            return self._nlp

    def __call__(self, text: str) -> Any:
        """Parse ``text`` and return a spaCy Doc aligned to it."""

        text = check_text(text)
        return to_spacy(self.pipeline(text), text)

    def pipe(self, texts: Sequence[str]) -> list[Any]:
        """Parse several texts in one stanza call (stanza batches them)."""
        stanza = _import_stanza()
        sdocs = self.pipeline([stanza.Document([], text=t) for t in texts])
        return [to_spacy(d, t) for d, t in zip(sdocs, texts, strict=True)]


def download(what: str = "stanza", *, model_dir: str | Path | None = None) -> Path:
    """Download third-party models; ``"stanza"``: its Indonesian models.

    Returns the model directory.

    Raises:
        ValueError: an unknown ``what``.
        MissingDependencyError: stanza is not installed.
        ModelDownloadError: the download failed (no internet, a proxy, a server error).
    """
    if what != "stanza":
        raise ValueError(f"unknown model set {what!r}; known: 'stanza'")
    stanza = _import_stanza()
    root = Path(model_dir) if model_dir is not None else default_model_dir()
    try:
        stanza.download(_LANG, model_dir=str(root), processors=",".join(PROCESSORS),
                        logging_level="WARN")
    except Exception as e:  # requests, huggingface_hub and OS errors alike
        raise ModelDownloadError(
            f"could not download stanza's Indonesian models into {root}: "
            f"{type(e).__name__}: {e}. Check the internet connection (or proxy), or copy a "
            f"stanza_resources directory with an id/ folder there and set "
            f"STANZA_RESOURCES_DIR") from e
    return root
