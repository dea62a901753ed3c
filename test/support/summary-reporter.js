/** Prints the plain closing line CI reads: "tests: N passed, N failed, N skipped". */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites, numRuntimeErrorTestSuites } = results
    const brokenSuites = numFailedTestSuites + numRuntimeErrorTestSuites
    if (brokenSuites && !numFailedTests) process.stdout.write(`\n${brokenSuites} test suites failed to run\n`)
    process.stdout.write(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`)
  }
}
module.exports = SummaryReporter
