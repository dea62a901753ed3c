/**
 * Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped". Jest prints its
 * own summary after every reporter's onRunComplete, so the line is written when the process exits
 * (stderr writes to a pipe or file are synchronous on Linux) to be the very last line.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, numRuntimeErrorTestSuites } = results
    const brokenSuites = numFailedTestSuites + numRuntimeErrorTestSuites
    const lines = []
    if (brokenSuites && !numFailedTests) lines.push(`${brokenSuites} test suites failed to run`)
    lines.push(`tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`)
    process.once('exit', () => process.stderr.write(`\n${lines.join('\n')}\n`))
  }
}
module.exports = SummaryReporter
