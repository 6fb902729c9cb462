// Package change measures how a corpus of work reports changes from year to
// year, with the evidence for every answer (the quote, the report, the line):
//
//   - priorities: the share of each theme in each part of each report,
//     weighted by length, its rank and its change in percentage points, and
//     the words that rose and fell between two years by log-likelihood (G²);
//   - commitments: concrete promises of the plan parts (named projects,
//     places and events: 完成某某会馆修缮, 办好第六届某某博览会; counts and
//     amounts: 建成12个文化驿站, 完成屋顶绿化3万平方米) followed through every
//     report, renamed or not, with the status of each mention and of the
//     whole; ExplainCommitments says why a clause did or did not become one;
//   - targets: the numeric targets of each year's plan beside the outcomes
//     the next year's review reports, matched across the years even where
//     the indicator was renamed (财政收入 → 一般公共预算收入), with a verdict.
//
// The words these rest on are data files under data/: promise verbs,
// adverbs, endings of names by class, status words, indicator aliases and
// the words that shape an indicator's name. Each is read when first needed,
// so that a command that uses none (diff, show) does not read them.
//
// It takes a corpus and its classification and returns data; it prints
// nothing.
package change
