#define _GNU_SOURCE
#include "CClamAV.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/vfs.h>

#define SWF_CLAMAV_FUNCTIONS(X) \
    X(cl_init) X(cl_retver) X(cl_strerror) X(cl_set_clcb_msg) X(cl_engine_new) X(cl_engine_free) \
    X(cl_engine_set_num) X(cl_engine_set_str) X(cl_engine_compile) X(cl_load) \
    X(cl_fmap_open_memory) X(cl_fmap_close) X(cl_scanmap_callback) X(cl_engine_set_clcb_virus_found) \
    X(cl_engine_set_clcb_file_inspection)

static struct {
#define SWF_POINTER(name) __typeof__(&name) name;
    SWF_CLAMAV_FUNCTIONS(SWF_POINTER)
#undef SWF_POINTER
} library;

static pthread_once_t open_once = PTHREAD_ONCE_INIT;
static char open_error[512];
static int opened = 0;

static void open_library(void) {
    // The soname of libclamav 1.x first; the development symlink as a fallback.
    const char *names[] = {"libclamav.so.12", "libclamav.so"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    }
    if (handle == NULL) {
        snprintf(open_error, sizeof open_error, "cannot open libclamav: %s", dlerror());
        return;
    }
#define SWF_LOOKUP(name)                                                                      \
    library.name = (__typeof__(&name))dlsym(handle, #name);                                 \
    if (library.name == NULL) {                                                             \
        snprintf(open_error, sizeof open_error, "libclamav has no %s (too old?)", #name);  \
        return;                                                                             \
    }
    SWF_CLAMAV_FUNCTIONS(SWF_LOOKUP)
#undef SWF_LOOKUP
    opened = 1;
}

static int ensure_open(void) {
    pthread_once(&open_once, open_library);
    return opened;
}

const char *swf_clamav_open_error(void) {
    return ensure_open() ? NULL : open_error;
}

cl_error_t cl_init(unsigned int initoptions) {
    return ensure_open() ? library.cl_init(initoptions) : CL_EOPEN;
}

const char *cl_retver(void) {
    return ensure_open() ? library.cl_retver() : "unavailable";
}

const char *cl_strerror(cl_error_t clerror) {
    return ensure_open() ? library.cl_strerror(clerror) : open_error;
}

void cl_set_clcb_msg(clcb_msg callback) {
    if (ensure_open()) library.cl_set_clcb_msg(callback);
}

struct cl_engine *cl_engine_new(void) {
    return ensure_open() ? library.cl_engine_new() : NULL;
}

cl_error_t cl_engine_free(struct cl_engine *engine) {
    return ensure_open() ? library.cl_engine_free(engine) : CL_ENULLARG;
}

cl_error_t cl_engine_set_num(struct cl_engine *engine, enum cl_engine_field field, long long num) {
    return ensure_open() ? library.cl_engine_set_num(engine, field, num) : CL_ENULLARG;
}

cl_error_t cl_engine_set_str(struct cl_engine *engine, enum cl_engine_field field, const char *str) {
    return ensure_open() ? library.cl_engine_set_str(engine, field, str) : CL_ENULLARG;
}

cl_error_t cl_engine_compile(struct cl_engine *engine) {
    return ensure_open() ? library.cl_engine_compile(engine) : CL_ENULLARG;
}

cl_error_t cl_load(const char *path, struct cl_engine *engine, unsigned int *signo, unsigned int dboptions) {
    return ensure_open() ? library.cl_load(path, engine, signo, dboptions) : CL_ENULLARG;
}

cl_fmap_t *cl_fmap_open_memory(const void *start, size_t len) {
    return ensure_open() ? library.cl_fmap_open_memory(start, len) : NULL;
}

void cl_fmap_close(cl_fmap_t *map) {
    if (ensure_open()) library.cl_fmap_close(map);
}

cl_error_t cl_scanmap_callback(cl_fmap_t *map, const char *filename, const char **virname, unsigned long int *scanned,
                               const struct cl_engine *engine, struct cl_scan_options *scanoptions, void *context) {
    return ensure_open() ? library.cl_scanmap_callback(map, filename, virname, scanned, engine, scanoptions, context)
                         : CL_ENULLARG;
}

void cl_engine_set_clcb_virus_found(struct cl_engine *engine, clcb_virus_found callback) {
    if (ensure_open()) library.cl_engine_set_clcb_virus_found(engine, callback);
}

void cl_engine_set_clcb_file_inspection(struct cl_engine *engine, clcb_file_inspection callback) {
    if (ensure_open()) library.cl_engine_set_clcb_file_inspection(engine, callback);
}

long swf_file_system_type(const char *path) {
    struct statfs info;
    return statfs(path, &info) == 0 ? (long)info.f_type : -1;
}
