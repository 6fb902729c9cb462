package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/reportdiff/reportdiff/align"
)

// registerCompletions teaches the shell completion of cobra (reportdiff
// completion bash|zsh|fish|powershell) the values reportdiff takes: report
// years and ids of the corpus that --corpus names, theme ids, and the values
// of --format, --color, --kind, --status and --table.
func (g *globalOptions) registerCompletions(root *cobra.Command) {
	fixed := func(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return vals, cobra.ShellCompDirectiveNoFileComp
		}
	}
	root.RegisterFlagCompletionFunc("format", func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return formatsOf(cmd), cobra.ShellCompDirectiveNoFileComp
	})
	root.RegisterFlagCompletionFunc("color", fixed("auto", "always", "never"))
	// cobra's completion command shows its help for a shell it does not
	// know, and exits 0: a script that runs "completion bashh > file" would
	// install the help. It is refused instead.
	root.InitDefaultCompletionCmd()
	for _, cmd := range root.Commands() {
		if cmd.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range cmd.Commands() {
			shells = append(shells, sub.Name())
		}
		cmd.Args = cobra.ArbitraryArgs
		cmd.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usagef("completion %q: reportdiff writes completion scripts for %s", args[0], orList(shells))
		}
	}
	reports := map[string]int{"diff": 2, "outline": 1, "show": 1}
	for _, cmd := range root.Commands() {
		if n, ok := reports[cmd.Name()]; ok {
			cmd.ValidArgsFunction = g.completeReports(n)
		}
		if cmd.Flags().Lookup("theme") != nil {
			cmd.RegisterFlagCompletionFunc("theme", g.completeThemes)
		}
		switch cmd.Name() {
		case "align":
			cmd.RegisterFlagCompletionFunc("kind", fixed(align.Continuity, align.Followup))
		case "commitments":
			cmd.RegisterFlagCompletionFunc("status", fixed(commitmentStatuses...))
		case "priorities":
			cmd.RegisterFlagCompletionFunc("table", fixed("shares", "terms"))
			cmd.RegisterFlagCompletionFunc("from", g.completeReports(1))
			cmd.RegisterFlagCompletionFunc("to", g.completeReports(1))
		}
	}
}

// completeReports completes up to n report names: each report's year (when
// no other report has it) and its id, described by its title. In a corpus
// of several governments it completes a government first (甲省/), then
// that government's reports (甲省/2023), reading that series alone.
func (g *globalOptions) completeReports(n int) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		g.quietWarnings = true
		col, err := g.collection()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		series := col.Series[0]
		prefix := ""
		if col.Several() {
			s, _ := col.Locate(toComplete)
			if s == nil {
				var govs []string
				for _, s := range col.Series {
					govs = append(govs, s.Name+"/")
				}
				return govs, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
			}
			series, prefix = s, s.Name+"/"
		}
		c, err := g.loadSeries(col, series)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		years := map[int]int{}
		for _, r := range c.Reports {
			years[r.Year]++
		}
		var names []string
		for _, r := range c.Reports {
			title := r.Title
			if title == "" {
				title = "untitled"
			}
			desc := fmt.Sprintf("%s (%s)", title, r.ID)
			year := prefix + strconv.Itoa(r.Year)
			if r.Year > 0 && years[r.Year] == 1 {
				names = append(names, year+"\t"+desc)
			}
			if r.ID != year {
				names = append(names, r.ID+"\t"+desc)
			}
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeThemes completes the theme ids of the lexicon (--themes, or the
// embedded one).
func (g *globalOptions) completeThemes(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	path := ""
	if f := cmd.Flags().Lookup("themes"); f != nil {
		path = f.Value.String()
	}
	lx, err := loadLexicon(path)
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var ids []string
	for _, t := range lx.Themes {
		ids = append(ids, t.ID+"\t"+t.Label)
	}
	return ids, cobra.ShellCompDirectiveNoFileComp
}
