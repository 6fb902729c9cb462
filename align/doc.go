// Package align follows the topics of a corpus of work reports through the
// years: it gives every unit a theme, links units of different reports that
// speak of the same topic, and chains the links into threads.
//
// # Themes
//
// A theme lexicon (data/themes.tsv, replaceable with --themes) lists words
// with weights: 3 names a theme outright (棚戶區, PM2.5, 廉政), 2 leans
// towards it, 1 is a hint. Texts and words are folded to Simplified
// characters first, so one lexicon serves both scripts. A unit's score for a
// theme is the sum of the weights of the theme's words in its text (each
// counted up to three times, the longest word at each place: 历史文化保护 is
// not counted again as 文化), three times more for words in its own heading,
// plus a prior from the titles of its section and subsection worth a quarter
// of what its own words give. Scores are normalised to add up to 1; the
// highest is the unit's primary theme.
//
// Units that speak of the report as a whole are "general": targets, outcome
// figures without a topic heading, thanks, problems, the preamble and
// closing. A paragraph outside any section of a review or plan is general
// when it sets the scene: it has no lead sentence, or its lead sentence
// places the year (今年是…之年, 2035年是不平凡的一年, 过去五年…) or holds a word
// of the general theme. One whose lead sentence names a policy
// (积极的财政政策要更加积极有为) is a topic paragraph and is classified by its
// words, wherever it stands. A paragraph addressed to the deputies (各位代表，…)
// is general, a closing call or a summing-up, unless its own words are about
// one theme: half its score or more, from words weighing 30 or more, as in a
// paragraph on the government's own conduct. (Measured on the embedded
// reports, the national reports and four provinces' reports: the calls and
// summings-up spread over themes or hold few words, under 30; the topic
// paragraphs hold half or more on one theme and weigh 30 to 250.)
//
// # Similarity
//
// Chinese has no spaces between words, and a segmenter would need a large
// dictionary that still misses the names of local projects, so texts are
// compared as overlapping character bigrams, which carry most Chinese words.
// (Segmented words instead of bigrams, tried on the embedded reports, link
// no better.) Every pair of reports is weighed by a model built over its own
// two reports, so the links of two reports do not depend on the others read
// with them. The similarity of units a and b is a weighted sum of six
// measures, each from 0 to 1:
//
//	0.45 text      cosine of TF-IDF weighted bigram vectors (IDF over the units of the two reports)
//	0.15 heading   Dice overlap of the bigrams of their lead sentences (70%) and section titles (30%)
//	0.10 rare      phrases both share; 4 of them count fully
//	0.10 theme     cosine of their theme scores
//	0.10 context   how well their sections match as a whole: the mean, over the units of
//	               each section, of its best score in the other
//	0.10 coverage  clauses of one that stand nearly word for word in the other; 3 count fully
//
// A phrase is a stretch of text made of rare features both units have:
// trigrams found in no more than two units per report (a name that comes
// back in a year's review and plan, not a phrase of every paragraph), quoted
// terms “…” 《…》 and figures with units. Overlapping or touching features
// make one stretch, and a stretch whose text stands in another is the same
// phrase, so a long shared name counts once, not once per trigram; the count
// is the fewer of the two units' counts.
//
// A clause is a piece of a sentence between ，；。：！？ with nine distinct
// bigrams or more; it stands in the other unit when a clause there holds
// four in five of its bigrams, weighted by IDF (or it holds the other's).
// Work reports repeat a promise clause by clause (a plan's 为高龄独居老人
// 提供助餐服务 is the next review's), so a paragraph that holds part of a
// longer one is its partner even when their whole texts are far apart.
//
// The context term lets the abstract opening paragraph of a section follow
// its section even when its words changed.
//
// # Links
//
// Units are linked between consecutive reports: continuity links between
// the same kind of part (review↔review, plan↔plan, …) and followup links
// from the plan of one year to the review of the next. Some pairs never
// link, whatever they score: a general unit and a topic paragraph; the
// opening paragraph of a section (no lead sentence, it states the aim of
// what follows) and a paragraph that does not come first in its section;
// in followups, general units other than targets to outcome figures, and a
// section's opening, which promises nothing; and two topic paragraphs whose
// words share next to nothing (a text cosine under 0.05, no phrase, no
// clause), which alike sections and themes alone would otherwise join.
//
// For each pair of parts, links are chosen in three steps. An optimal
// one-to-one assignment (the Hungarian method, Kuhn 1955) pairs the units
// so that the total score of the pairs scoring at least the threshold
// (DefaultMinScore, 0.18, --min-score) is the largest, so a strong pair is
// never lost to a greedy first come. Each unit also keeps its best partner
// when that pair clears the threshold by 0.06: a topic that split or merged
// has two partners, and its second one belongs to the assignment of another
// unit. Last, an assigned pair that is neither unit's best partner and does
// not clear the threshold by 0.06 is a filler the assignment forced, and is
// dropped. Units left without a continuity link to the next report are then
// matched with the report after it, at the threshold plus 0.06, for topics
// that skip a year.
//
// # How the values were chosen
//
// The weights, the threshold and the margin were measured on the embedded
// reports against a list of 221 links a reader made by hand between
// consecutive reports (173 sure, 48 probable; kept out of the repository so
// that no test answers for the sample): recall is the share of sure links
// found, precision the share of links made that are sure or probable. With
// the values above, continuity links score 0.96 recall and 0.98 precision,
// followups 0.92 and 0.98 (the one-to-one assignment with a second link
// only at 0.30, and trigrams counted one by one, scored 0.82 and 0.97, 0.75
// and 0.91). Moving 0.05 of weight between text and heading, context or
// coverage, or the threshold or the margin by 0.01, moves recall and
// precision by three points at most. The theme weight acts as an offset
// (two paragraphs of one section mostly agree on their theme) and trades
// recall for precision like the threshold: 0.05 more costs eight points of
// precision. Counting as rare a trigram of one unit per report, not two,
// loses ten points of recall: a name comes back in the review and the plan
// of one year. The bigram cosine of two rewordings of one topic is low
// (half the sure links have text under 0.2), which is why the threshold
// sits well under the median sure score (0.35). The margin and the floor on
// the text cosine were checked on the national reports of 2019 and 2020,
// where they keep the links of split topics and drop the fillers the
// assignment forced (a paragraph on ethnic policy paired with one on public
// health for want of a better partner, on their sections' likeness alone).
//
// # Threads
//
// Continuity links are joined into threads (connected components); a
// thread's theme is the primary theme most of its units have. A topic found
// in one report only is a single, flagged new (absent from the first report)
// or dropped (absent from the last).
//
// # A worked example
//
// Two plan parts of consecutive years, each with a section on the people's
// livelihood (written here in Traditional characters; Simplified ones give
// the same numbers, as every text is folded first):
//
//	year 1  完善養老服務體系。推進居家養老服務，新建社區養老驛站10個，開展“銀齡暖心”關愛行動，
//	        為高齡獨居老人提供助餐服務。加快養老機構建設，推進公建民營改革，新增養老床位500張。
//	        辦好人民滿意的教育。擴大普惠性學前教育資源，新增幼兒園學位800個，推進集團化辦學。
//	year 2  深化居家養老服務。建成社區養老驛站12個，繼續開展“銀齡暖心”關愛行動，
//	        為高齡獨居老人提供助餐服務。
//	        提升養老機構服務質量。深化公建民營改革，新增養老床位600張，推進醫養結合。
//	        推進教育優質均衡。新增幼兒園學位600個，深化集團化辦學改革。
//
// (in Simplified: 完善养老服务体系。推进居家养老服务，新建社区养老驿站10个…;
// 深化居家养老服务。建成社区养老驿站12个…; 提升养老机构服务质量。…). The
// elderly-care paragraph of year 1 and the first of year 2 share 23
// trigrams, but they make four phrases: 居家養老服務, 社區養老驛站,
// “銀齡暖心”關愛行動 and 為高齡獨居老人提供助餐服務, so rare is 4/4 = 1.
// That last clause stands word for word in both: coverage 1/3. With text
// 0.62, heading 0.34, theme 0.99 and context 0.88,
//
//	score = 0.45·0.62 + 0.15·0.34 + 0.10·1 + 0.10·0.99 + 0.10·0.88 + 0.10·0.33 = 0.65
//
// and the assignment pairs them. The same paragraph of year 1 scores 0.45
// with year 2's paragraph on care homes (养老机构, 公建民营改革, 新增养老床位),
// whose best partner it is: the topic split, and both links are kept. The
// education paragraphs pair with each other (0.43). Year 1's elderly-care
// paragraph and year 2's education paragraph score 0.22 on their section
// and theme alone, their texts sharing little (0.05): above the threshold,
// but neither is the other's best partner, so no link is made
// (reportdiff align --explain A B shows every measure of a pair and why it
// was linked or not).
package align
