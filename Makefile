# Two commands: `make run` (set up and open the app on the bundled report) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ANONYMIZED_TELEMETRY := False

.PHONY: run test chat lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m assistant.ui.warm  # streamlit run streamlit_app.py, index loaded at server start

chat: $(STAMP)
	$(BIN)/python -m assistant chat

lint: $(STAMP)
	$(BIN)/ruff check .

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q
	$(BIN)/python -m eval run --gate --split test --out artifacts/eval

eval: $(STAMP)
	$(BIN)/python -m eval run --gate --split test

bench: $(STAMP)
	$(BIN)/python -m eval bench

clean:
	rm -rf var artifacts .pytest_cache
