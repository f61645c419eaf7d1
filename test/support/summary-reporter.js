// Mocha's dot reporter plus one closing line in the plain form CI reads:
// "unit: N passed, N failed[, N skipped]".
"use strict";
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    runner.once("end", () => {
      const { passes, failures, pending } = this.stats;
      const label = (options && options.reporterOption && options.reporterOption.label) || "unit";
      console.log(`${label}: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ""}`);
    });
  }
}

module.exports = SummaryReporter;
