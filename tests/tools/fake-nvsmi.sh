#!/bin/sh
# fake-nvsmi.sh - stands in for nvidia-smi: prints $FAKE_NVSMI_FILE (a
# recorded `nvidia-smi -q -x`) whatever the arguments.
exec cat "$FAKE_NVSMI_FILE"
