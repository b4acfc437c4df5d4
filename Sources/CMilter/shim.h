#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <libmilter/mfapi.h>
