#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: this turns off SQLite's memory
/// statistics (a global mutex taken on every allocation). Must run before the first connection
/// opens; SQLITE_MISUSE after that, which is harmless.
static inline int csqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
