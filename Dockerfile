# speechqa: the Telegram bot, CPU only.
#   docker build -t speechqa .
#   docker run -d --name speechqa -e TELEGRAM_BOT_TOKEN=… -v speechqa-data:/data speechqa
# The data home (SQLite store, index generations, embedding cache) is the volume /data; the bundled
# speeches are indexed there on first start. Re-index without downtime from another shell:
#   docker exec speechqa speechqa add /data/new-speech.docx      (the running bot picks it up)
# Checked statically by scripts/check-dockerfile.sh; tests/test_docker_install.py runs the same
# install steps in a fresh virtualenv (there is no Docker engine on the build machines).

# Build stage: pip and its caches stay here; the runtime image gets only the virtualenv.
# No compilers: every dependency ships a wheel or is pure Python (jieba).
FROM python:3.11-slim-bookworm AS build
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU-only torch first, from the CPU wheel index, so nothing pulls a CUDA build later.
RUN pip install "torch==${TORCH_VERSION}" --index-url "${TORCH_INDEX}"
WORKDIR /src
COPY pyproject.toml README.md ./
COPY corpus corpus
COPY index index
COPY retrieval retrieval
COPY bot bot
COPY cli cli
COPY bench bench
# The ocr extra: scans and .png/.jpg pages are read by RapidOCR (its Chinese models are in the wheel);
# pillow-heif opens a phone's .heic photos.
RUN pip install "./[ocr]" \
 && python -c "import torch; assert torch.version.cuda is None, 'CUDA build of torch'"

FROM python:3.11-slim-bookworm
# antiword reads Word 97–2003 .doc files (speechqa finds it on the PATH); a runtime tool, not a build tool.
RUN apt-get update \
 && apt-get install -y --no-install-recommends antiword=0.37-16+deb12u1 \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 --user-group speechqa \
 && mkdir /data && chown speechqa:speechqa /data && chmod 700 /data
COPY --from=build /opt/venv /opt/venv
# HF_HUB_OFFLINE: use the 4-bit model bundled in the image, never a download at start-up
# (unset it, with HF_HOME on the volume, to use a sentence-transformers model from the hub).
# NUMBA_CACHE_DIR: the bot's compiled span scoring is compiled on its first start and kept on the volume.
ENV PATH=/opt/venv/bin:$PATH \
    SPEECHQA_HOME=/data \
    HF_HUB_OFFLINE=1 \
    HF_HOME=/data/huggingface \
    NUMBA_CACHE_DIR=/data/.cache/numba \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
# The bundled speeches are indexed on first start (when /data is empty), then the bot polls.
HEALTHCHECK --interval=60s --timeout=10s --start-period=300s --retries=3 \
  CMD ["speechqa", "health"]
CMD ["speechqa", "bot"]
