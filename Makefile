# speechqa — the two commands a user needs: `make run` and `make test` (both install first).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The CPU build of torch, installed BEFORE anything that depends on torch: otherwise
# sentence-transformers pulls a multi-GB CUDA build.
TORCH  ?= torch==2.13.0

.PHONY: install run test lint bench eval check-docker fuzz-long load install-test clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(TORCH)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Starts the Telegram bot when TELEGRAM_BOT_TOKEN is set; otherwise the interactive query mode.
# The first run indexes the bundled speeches (a progress bar shows it).
run: install
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/speechqa bot; else $(BIN)/speechqa ask; fi

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

eval: install
	$(BIN)/speechqa eval benchmarks/dev-questions.jsonl

# CMRC 2018 is not shipped (README, Measured): point CMRC at the release's squad-style-data/cmrc2018_dev.json.
CMRC ?= ../shared/benchmarks/cmrc2018/cmrc2018_dev.json

bench: install
	@test -f "$(CMRC)" || { echo "找不到 CMRC 2018 开发集：$(CMRC)（speechqa 不附带这份数据：请下载 CMRC 2018 公开发布的 squad-style-data/cmrc2018_dev.json，再运行 make bench CMRC=文件路径）" >&2; exit 1; }
	$(BIN)/speechqa bench cmrc "$(CMRC)"

check-docker: install
	PATH=$(BIN):$$PATH scripts/check-dockerfile.sh

fuzz-long: install
	SPEECHQA_FUZZ_EXAMPLES=3000 $(BIN)/python -m pytest -q tests/test_fuzz.py -m "not slow"

load: install
	SPEECHQA_LOAD_QUESTIONS=20 $(BIN)/python -m pytest -q -s tests/test_bot_load.py

install-test: install
	SPEECHQA_INSTALL_TEST=1 $(BIN)/python -m pytest -q tests/test_docker_install.py

clean:
	rm -rf $(VENV) build *.egg-info
