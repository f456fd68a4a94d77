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
RUN pip install . \
 && python -c "import torch; assert torch.version.cuda is None, 'CUDA build of torch'"

FROM python:3.11-slim-bookworm
RUN useradd --create-home --uid 10001 --user-group speechqa \
 && mkdir /data && chown speechqa:speechqa /data
COPY --from=build /opt/venv /opt/venv
# HF_HUB_OFFLINE: use the 4-bit model bundled in the image, never a download at start-up
# (unset it, with HF_HOME on the volume, to use a sentence-transformers model from the hub).
ENV PATH=/opt/venv/bin:$PATH \
    SPEECHQA_HOME=/data \
    HF_HUB_OFFLINE=1 \
    HF_HOME=/data/huggingface \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
USER 10001:10001
WORKDIR /data
VOLUME ["/data"]
# The bundled speeches are indexed on first start (when /data is empty), then the bot polls.
HEALTHCHECK --interval=60s --timeout=10s --start-period=300s --retries=3 \
  CMD ["speechqa", "health"]
CMD ["speechqa", "bot"]
