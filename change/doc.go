// Package change measures how a corpus of work reports changes from year to
// year, with the evidence for every answer (the quote, the report, the line):
//
//   - priorities: the share of each theme in each part of each report,
//     weighted by length, its rank and its change in percentage points, and
//     the words that rose and fell between two years by log-likelihood (G²);
//   - commitments: concrete promises of the plan parts (named projects,
//     places and events, quantified and dated promises) followed through
//     every report, with the status of each mention and of the whole;
//   - targets: the numeric targets of each year's plan beside the outcomes
//     the next year's review reports, matched across the years even where
//     the indicator was renamed, with a verdict.
//
// It takes a corpus and its alignment and returns data; it prints nothing.
package change
