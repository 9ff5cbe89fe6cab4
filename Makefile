# Two commands do everything on a fresh machine with Python >= 3.11:
#   make run    open netui on the default network (seeded on first run)
#   make test   run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,web]'
	touch $(STAMP)

# Bytecode is compiled ahead (only what changed): Python does it on first import,
# unless the environment forbids writing it (PYTHONDONTWRITEBYTECODE), and then
# every start would compile netui again, about a tenth of a second.
run: $(STAMP)
	@$(BIN)/python -m compileall -q netui
	$(BIN)/netui

# In parallel: pyproject.toml's addopts start pytest-xdist workers (`-n 0` to run in one
# process). netui is compiled ahead as for `run`: workers and the programs tests start
# import it again and again.
test: $(STAMP)
	@$(BIN)/python -m compileall -q netui
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check netui tests bench app.py
	$(BIN)/ruff format --check netui tests bench app.py

clean:
	rm -rf $(VENV)
