# Makefile — a thin wrapper around CMake for the common tasks. The build
# itself is described in CMakeLists.txt; this file only names the steps.
# 'make help' lists the targets.

BUILD_DIR   ?= build
DEBUG_DIR   ?= build-debug
ASAN_DIR    ?= build-asan
JOBS        ?= 2
CMAKE       ?= cmake
CTEST       ?= ctest
CLANG_FORMAT ?= clang-format
CMAKE_ARGS  ?=
# Extra ctest arguments, e.g. make test CTEST_ARGS='-L guest' or '-R alu'.
CTEST_ARGS  ?=
# Arguments for 'make run', e.g. make run RUN_ARGS='--cpu 8086'.
RUN_ARGS    ?=

FORMAT_DIRS := cpu mem dev tools tests

.PHONY: all deps build run test debug sanitize bench bench-display format format-check clean help

all: build

deps:
	@sh scripts/deps.sh

# configure + build one tree: $(call cmake_build,DIR,BUILD_TYPE,EXTRA_ARGS)
define cmake_build
	$(CMAKE) -S . -B $(1) -DCMAKE_BUILD_TYPE=$(2) $(3) $(CMAKE_ARGS)
	$(CMAKE) --build $(1) -j$(JOBS)
endef

build: deps
	$(call cmake_build,$(BUILD_DIR),Release,)

run: build
	$(BUILD_DIR)/tools/x86lab run $(RUN_ARGS)

test: build
	@sh scripts/deps.sh --test
	$(CTEST) --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS) $(CTEST_ARGS)

debug: deps
	$(call cmake_build,$(DEBUG_DIR),Debug,)

sanitize: deps
	$(call cmake_build,$(ASAN_DIR),Debug,-DX86LAB_SANITIZE=ON)
	$(CTEST) --test-dir $(ASAN_DIR) --output-on-failure -j$(JOBS) $(CTEST_ARGS)

bench: build
	BUILD=$(BUILD_DIR) scripts/bench.sh

# The guest's speed with --display none and with the SDL window under Xvfb.
bench-display: build
	@sh scripts/deps.sh --bench
	BUILD=$(BUILD_DIR) scripts/bench_display.sh

format:
	find $(FORMAT_DIRS) -name '*.[ch]' -print0 | xargs -0 -r $(CLANG_FORMAT) -i

format-check:
	find $(FORMAT_DIRS) -name '*.[ch]' -print0 | xargs -0 -r $(CLANG_FORMAT) --dry-run -Werror

clean:
	rm -rf $(BUILD_DIR) $(DEBUG_DIR) $(ASAN_DIR)

help:
	@echo 'x86lab make targets (a wrapper around CMake; build trees under $(BUILD_DIR)*/):'
	@echo '  make run           build (Release) and boot the built-in demo disk'
	@echo '                     (RUN_ARGS="..." passes options to x86lab run)'
	@echo '  make test          build (Release) and run all tests with ctest (and install'
	@echo '                     the test-only packages, e.g. GRUB for tests/grub/)'
	@echo '                     (CTEST_ARGS="-L guest" or "-R alu" narrows them)'
	@echo '  make build         configure and build $(BUILD_DIR)/ (Release)'
	@echo '  make debug         configure and build $(DEBUG_DIR)/ (Debug)'
	@echo '  make sanitize      build $(ASAN_DIR)/ with ASan+UBSan and run every test there'
	@echo '  make bench         interpreter speed on a fixed instruction mix (MIPS per model)'
	@echo '  make bench-display guest speed with and without the SDL window (under Xvfb)'
	@echo '  make deps          check (and as root, install) the Debian packages needed'
	@echo '  make format        clang-format -i every .c/.h under $(FORMAT_DIRS)'
	@echo '  make format-check  fail if any of them is not formatted'
	@echo '  make clean         remove the build trees'
	@echo 'Variables: JOBS=$(JOBS) CMAKE_ARGS= CTEST_ARGS= RUN_ARGS='
