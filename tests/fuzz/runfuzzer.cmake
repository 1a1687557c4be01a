# Runs a libFuzzer binary for SECONDS on a fresh copy of the SEEDS; fails on any crash.
file(REMOVE_RECURSE "${CORPUS}")
file(GLOB_RECURSE seeds "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${CORPUS}")
execute_process(COMMAND "${FUZZER}" -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
                        -max_len=4096 -print_final_stats=1 "${CORPUS}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the fuzzer found a crash (exit ${result}); the reproducer is in the working directory")
endif()
