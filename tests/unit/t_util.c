#include "tests/testlib.h"
int main(void) { test_ok(1, "build"); return test_done(); }
