# speechqa: the Telegram bot, CPU only.
#   docker build -t speechqa .
#   docker run -e TELEGRAM_BOT_TOKEN=… -v speechqa-data:/data speechqa
# Build stage: compilers and pip caches stay here; the runtime image gets only the virtualenv.
FROM python:3.11-slim-bookworm AS build
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc g++ \
 && rm -rf /var/lib/apt/lists/*
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
RUN pip install .

FROM python:3.11-slim-bookworm
RUN useradd --create-home --uid 10001 speechqa \
 && mkdir /data && chown speechqa:speechqa /data
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    SPEECHQA_HOME=/data \
    PYTHONUNBUFFERED=1
USER speechqa
VOLUME ["/data"]
# The bundled speeches are indexed on first start (when /data is empty), then the bot polls.
HEALTHCHECK --interval=60s --timeout=10s --start-period=300s --retries=3 \
  CMD ["speechqa", "health"]
CMD ["speechqa", "bot"]
