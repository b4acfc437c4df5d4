// libclamav for swfilter's VirusScan target (the only target that imports this module).
//
// libclamav is opened with dlopen(RTLD_DEEPBIND) instead of being linked, so that its internal
// calls always reach its own functions. Linked normally, an executable that also defines one of
// libclamav's exported internal names takes them over: TOMLKit's C layer defines `tableCreate`,
// which libclamav's mail parser calls, and every scan of a message crashed.
//
// CClamAV.c defines each libclamav function VirusScan uses, with the prototype from clamav.h,
// forwarding to the one in the opened library.
#pragma once
#include <clamav.h>
// malloc_trim: after a reload frees the old engine, its memory goes back to the system.
#include <malloc.h>

/// Why libclamav could not be opened, or NULL when it is open (cl_init opens it).
const char *swf_clamav_open_error(void);

/// The file system type of `path` (statfs(2)'s f_type, TMPFS_MAGIC for tmpfs), or -1 when it
/// cannot be read: where libclamav's temporary directory goes (Glibc's Swift module has no statfs).
long swf_file_system_type(const char *path);
