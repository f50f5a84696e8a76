# mlfolio: `make demo` and `make test` work on a fresh Debian 12 machine as root.
BUILD      ?= build
ASAN_BUILD ?= build-asan
PREFIX     ?= /usr/local
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G "Unix Makefiles"

.PHONY: all deps build build-asan test test-unit demo bench install format clean help

all: build

help:
	@echo "make deps     install the missing Debian packages (apt-get update once)"
	@echo "make build    build ./$(BUILD)/mlfolio"
	@echo "make test     build, run every test, then the unit tests under ASan+UBSan"
	@echo "make demo     build and generate a demo project, then audit it"
	@echo "make bench    run the benchmarks"
	@echo "make install  install mlfolio into PREFIX=$(PREFIX)"
	@echo "make format   clang-format the C++ sources"

deps:
	@bash tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DMLFOLIO_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

test: build build-asan
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

test-unit: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE e2e

demo: build
	@bash tools/demo.sh $(BUILD)/mlfolio

bench: build
	@bash bench/run.sh $(BUILD)/mlfolio

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

format:
	@clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'tools/*.cpp')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
