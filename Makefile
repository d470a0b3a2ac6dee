# engage — two commands: `make run` (set up, then the demo: built once, then reopened as you
# left it; `engage demo --fresh` rebuilds it) and `make test` (set up, then every check). Every pip install goes through constraints.txt, which pins the CPU build
# of PyTorch.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint unit bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip -c constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/engage demo

lint: $(STAMP)
	$(BIN)/ruff check engage tests bench data
	$(BIN)/ruff format --check engage tests bench data
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -q -p no:cacheprovider -n 2

bench: $(STAMP)
	$(BIN)/python bench/import.py
	$(BIN)/python bench/theming_speed.py
	$(BIN)/python bench/paper.py
	$(BIN)/python bench/tui.py

clean:
	rm -rf $(VENV) build dist *.egg-info
