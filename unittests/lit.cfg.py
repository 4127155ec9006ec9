# -*- Python -*-
# Runs Roof's GoogleTest unit tests through lit, so one lit run reports
# regression and unit tests together.

import lit.formats

config.name = "ROOF-Unit"
config.suffixes = []
config.test_source_root = config.unittest_bin_dir
config.test_exec_root = config.unittest_bin_dir
config.test_format = lit.formats.GoogleTest(".", "Tests")
