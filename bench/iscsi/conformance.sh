#!/usr/bin/env bash
# Runs libiscsi's iscsi-test-cu against one LUN, one process per suite (the tool carries state from one suite into
# the next when they share a process), with -d (destructive tests allowed: point it at a scratch LUN) and -V (so
# every "[SKIPPED]" is logged). Prints one line per test (PASS, FAIL or SKIP) and a summary line per suite and for all.
#
#   bench/iscsi/conformance.sh iscsi://127.0.0.1:3260/iqn.2026-12.org.iscsismis:iscsi-smis/0 [SUITE...]
#
# A test counts as SKIP when it passed but logged "[SKIPPED]" while it ran (CUnit counts a skip as a pass).
# Without SUITE arguments every SCSI.* and iSCSI.* suite the tool lists is run. ISCSI_TEST_CU names another build of
# the tool (default: iscsi-test-cu from Debian's libiscsi-bin).
set -uo pipefail
tool=${ISCSI_TEST_CU:-iscsi-test-cu}
url=${1:?usage: conformance.sh ISCSI-URL [SUITE...]}
shift
if (($#)); then
  suites=("$@")
else
  mapfile -t suites < <("$tool" -l | grep -E '^(SCSI|iSCSI)\.[A-Za-z0-9]+$')
fi
total_pass=0 total_fail=0 total_skip=0
for suite in "${suites[@]}"; do
  out=$(timeout 600 stdbuf -o0 -e0 "$tool" -d -V -t "$suite" "$url" 2>&1)
  pass=0 fail=0 skip=0
  results=$(awk '
    # the verdict is the first line that starts with "passed" or "FAILED" (log lines are indented)
    function flush() {
      if (name == "") return
      verdict = "FAIL"
      n = split(text, lines, "\n"); before = ""
      for (i = 1; i <= n; i++) {
        if (lines[i] ~ /^passed/) { verdict = "PASS"; break }
        if (lines[i] ~ /^FAILED/) { break }
        before = before "\n" lines[i]
      }
      if (verdict == "PASS" && index(before, "[SKIPPED]") > 0) verdict = "SKIP"
      print verdict "\t" name
      name = ""
    }
    /^  Test: / { flush(); name = $2; text = "\n" substr($0, index($0, "...") + 3); next }
    /^Run Summary:/ { flush(); next }
    name != "" { text = text "\n" $0 }
    END { flush() }' <<<"$out")
  while IFS=$'\t' read -r verdict name; do
    [[ -z $verdict ]] && continue
    echo "$verdict $suite.$name"
    case $verdict in PASS) ((pass++));; FAIL) ((fail++));; SKIP) ((skip++));; esac
  done <<<"$results"
  if [[ -z $results ]]; then
    echo "FAIL $suite (no test ran: $(tail -n 3 <<<"$out" | tr '\n' ' '))"
    ((fail++))
  fi
  echo "SUITE $suite pass=$pass fail=$fail skip=$skip"
  ((total_pass += pass, total_fail += fail, total_skip += skip))
done
echo "TOTAL pass=$total_pass fail=$total_fail skip=$total_skip tests=$((total_pass + total_fail + total_skip))"
