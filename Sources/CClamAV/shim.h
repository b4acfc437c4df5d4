#include <clamav.h>
