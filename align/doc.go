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
// highest is the unit's primary theme. Units that speak of the report as a
// whole (targets, outcome figures without a topic heading, thanks, problems,
// the preamble and closing, paragraphs before the first section; in a part
// without sections, the overview before its first topic paragraph) are
// "general".
//
// # Similarity
//
// Chinese has no spaces between words, and a segmenter would need a large
// dictionary that still misses the names of local projects, so texts are
// compared as overlapping character bigrams, which carry most Chinese words.
// The similarity of units a and b is a weighted sum of five measures, each
// from 0 to 1:
//
//	0.40 text     cosine of TF-IDF weighted bigram vectors (IDF over every unit of the corpus)
//	0.15 heading  Dice overlap of the bigrams of their lead sentences (70%) and section titles (30%)
//	0.15 rare     shared rare words: trigrams found in no more units than there are reports,
//	              quoted terms “…” 《…》 and figures with units; 12 of them count fully
//	0.15 theme    cosine of their theme scores
//	0.15 context  how well their sections match as a whole: the mean, over the units of
//	              each section, of its best score in the other
//
// The context term lets the abstract opening paragraph of a section
// (堅持保護與發展並重…) follow its section even when its words changed.
//
// # Links
//
// Units are linked between consecutive reports: continuity links between
// the same kind of part (review↔review, plan↔plan, …) and followup links
// from the plan of one year to the review of the next. For each pair of
// parts, links are chosen by an optimal assignment (the Hungarian method,
// Kuhn 1955) that maximises the total score of the pairs scoring at least
// the threshold (DefaultMinScore, --min-score), so a strong pair is never
// lost to a greedy first come. A topic that split or merged keeps a second
// link when a unit left out scores the threshold plus 0.05 with its best
// partner. Units left without a continuity link to the next report are then
// matched with the report after it, for topics that skip a year. General
// units link only to general units.
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
// Two plan paragraphs of consecutive years:
//
//	2014 構建現代公共文化服務體系。堅持以需求為導向，以效能為核心，完善公共文化設施網絡……
//	2015 完善現代公共文化服務體系。進一步培育和踐行社會主義核心價值觀，推進公共文化設施建設……
//
// Their headings share the bigrams 現代 代公 公共 共文 文化 化服 服務 務體 體系,
// nine of eleven each, and their sections (堅持保護與發展並重，增強文化核心競爭力 /
// 全面深化“文化強區”戰略，著力提高文化軟實力) share little but 文化: heading
// 0.59. The texts share 公共文化, 文化設施, 服務體系 and many common words that
// IDF weighs down: text 0.24. They share seven rare trigrams (現代公, 文化設,
// 群眾文, 數字化 …): rare 7/12 = 0.58. Both are culture through and through:
// theme 0.98. Their sections match fairly well: context 0.56. So
//
//	score = 0.40·0.24 + 0.15·0.59 + 0.15·0.58 + 0.15·0.98 + 0.15·0.56 = 0.50
//
// well above the threshold of 0.25, and no other pair of the two plan parts
// scores as much for either unit: the assignment links them
// (reportdiff align --format json shows every measure of every link).
package align
