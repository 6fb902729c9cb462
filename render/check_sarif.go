package render

import (
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/reportdiff/reportdiff/check"
)

// SARIF 2.1.0, as GitHub code scanning reads it: the tool with every rule,
// and a result per finding with its place, level and fingerprint.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		Name                 string       `json:"name"`
		ShortDescription     sarifText    `json:"shortDescription"`
		FullDescription      sarifText    `json:"fullDescription"`
		DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
		Help                 sarifMessage `json:"help"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMessage struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		BaselineState       string            `json:"baselineState,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// SARIFSchema is the schema the SARIF output follows.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// SARIFFingerprint is the key of the fingerprint in a result's
// partialFingerprints.
const SARIFFingerprint = "reportdiff/v1"

// CheckSARIF writes findings as a SARIF 2.1.0 log. File names are given as
// URIs relative to the root of the repository (%SRCROOT%), as the findings
// name them; columns count characters (unicodeCodePoints). A finding
// already there has the baseline state "unchanged", one the edit brought
// "new".
func CheckSARIF(w io.Writer, res *check.Result) error {
	rules := check.Rules()
	index := map[string]int{}
	driver := sarifDriver{Name: "reportdiff", InformationURI: "https://github.com/reportdiff/reportdiff"}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{ID: r.ID, Name: ruleName(r.ID),
			ShortDescription: sarifText{r.Summary}, FullDescription: sarifText{r.Summary + "."},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
			Help:                 sarifMessage{Text: r.Help, Markdown: r.Help}})
	}
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, f := range res.Findings {
		i, ok := index[f.Rule]
		if !ok {
			continue // not a rule of this reportdiff: nothing to point it to
		}
		loc := sarifPhysical{ArtifactLocation: sarifArtifact{URI: uriOf(f.File), URIBaseID: "%SRCROOT%"}}
		if f.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Column}
		}
		r := sarifResult{RuleID: f.Rule, RuleIndex: i, Level: sarifLevel(f.Severity), Message: sarifText{f.Message},
			Locations: []sarifLocation{{loc}}, PartialFingerprints: map[string]string{SARIFFingerprint: f.Fingerprint}}
		switch f.State {
		case check.New:
			r.BaselineState = "new"
		case check.Existing:
			r.BaselineState = "unchanged"
		}
		run.Results = append(run.Results, r)
	}
	return JSON(w, sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifLevel(s check.Severity) string {
	switch s {
	case check.Error:
		return "error"
	case check.Warning:
		return "warning"
	}
	return "note"
}

// ruleName turns a rule id into the PascalCase name SARIF viewers show:
// figure-changed → FigureChanged.
func ruleName(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// uriOf writes a relative path as a URI reference: slashes, and every
// byte a URI path may not hold as it is (spaces, %, #, ?, the bytes of
// Chinese characters) percent-encoded.
func uriOf(file string) string {
	p := filepath.ToSlash(file)
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // not a scheme
	}
	return u
}
