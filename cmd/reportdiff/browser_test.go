package main

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

var docsShots = flag.Bool("docs", false, "TestBrowser: also write the README's screenshots, docs/report-{1280,375}.png and docs/compare-{1280,375}.png")

// hostileCorpus is a constructed corpus in Simplified characters whose
// texts hold markup, quotes and ampersands, a long URL and a long figure:
// the page must show them as text, run no script of theirs, and wrap them.
const hostileCorpus = `篇1
一、2018年工作回顾
一、文化建设
文化惠民成果显著。举办社区文化节<script>alert(1)</script>三场，详见 https://example.invalid/a/very/long/path/that/does/not/break/anywhere/at/all/0123456789abcdefghijklmnopqrstuvwxyz 。
二、城市管理
城市环境明显改善。完成道路整治12345678901234567890123456789公里。
二、2019年主要任务
一、文化建设
深化文化惠民。建成区图书馆新馆，举办“读书月”活动。
篇2
一、2019年工作回顾
一、文化建设
文化惠民力度加大。举办社区文化节<img src=x onerror=alert(1)>四场，"引号" 'single' & 符号。区图书馆新馆建成开馆。
二、城市管理
城市环境持续改善。完成道路整治12345678901234567890123456789公里。
二、2020年主要任务
一、文化建设
加快文化发展。举办“读书月”活动。
`

// TestBrowser opens the page of the whole report, of the embedded corpus
// and of a constructed one, the page that compares three governments and
// a government's page of a comparison, in headless Chromium from file:// at 375 and
// 1280 pixels wide, and checks what a reader would see go wrong: console
// errors and exceptions, a request that leaves the file, a page wider than
// the window, a contents link that lands nowhere, no deletions and
// insertions marked, navigation left on paper. It saves screenshots in its artifact directory (go test
// -artifacts keeps them). Outside CI it skips when Chromium is missing;
// with CI=true it fails.
func TestBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		msg := "no Chromium found (apt-get install chromium fonts-noto-cjk, or set REPORTDIFF_CHROMIUM to its path)"
		if os.Getenv("CI") == "true" {
			t.Fatal("CI=true: the browser test must run, but " + msg)
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	embedded := filepath.Join(dir, "embedded.html")
	writeReport(t, embedded)
	hostile := filepath.Join(dir, "hostile.html")
	src := filepath.Join(dir, "hostile.txt")
	if err := os.WriteFile(src, []byte(hostileCorpus), 0o644); err != nil {
		t.Fatal(err)
	}
	writeReport(t, hostile, "--corpus", src)
	// A comparison of three governments, their sections in it; and the
	// same past --max-size, each government's sections on a page of its own.
	govs := filepath.Join(dir, "govs.html")
	writeReport(t, govs, "--corpus", "testdata/html/govs")
	writeReport(t, filepath.Join(dir, "split.html"), "--corpus", "testdata/html/govs", "--max-size", "50KB")
	split := filepath.Join(dir, "split_files", "乙縣.html")

	allocCtx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.UserDataDir(filepath.Join(dir, "profile")),
		// Chromium keeps its singleton socket in TMPDIR: in the test's own folder,
		// so that no run leaves one behind.
		chromedp.Env("TMPDIR="+dir))...)
	defer cancel()
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	shots := t.ArtifactDir()
	t.Logf("screenshots in %s", shots)
	one := []string{"", "#themes", "#priorities", "#diffs .pair.changed", "#commitments", "#targets", "#texts"}
	for _, pg := range []struct {
		name, path string
		exercise   bool
		sels, dark []string // the screenshots, light and dark: the top ("") and the first element each selector matches
		docs       map[int64]string
	}{
		{"embedded", embedded, true, one, []string{"#diffs .pair.changed", "#priorities"},
			map[int64]string{1280: "#diffs .pair.changed:has(.moved):has(.figs)", 375: "#diffs .pair.changed:has(.moved):has(.figs)"}},
		{"hostile", hostile, false, one, []string{"#diffs .pair.changed", "#priorities"}, nil},
		{"govs", govs, false, []string{"", "#governments", "#years", "#x-t-economy", "#indicators", "#shared", "#g-_7532__5e02_",
			"#g-_4e59__7e23__2f_diffs .pair.changed"}, []string{"#x-t-economy", "#indicators"},
			map[int64]string{1280: "#x-t-economy", 375: "#x-i-ef332ecd"}},
		{"split-gov", split, false, []string{"", "#g-_4e59__7e23__2f_priorities", "#g-_4e59__7e23__2f_diffs .pair.changed"},
			[]string{"#g-_4e59__7e23__2f_diffs .pair.changed"}, nil},
	} {
		for _, width := range []int64{375, 1280} {
			t.Run(fmt.Sprintf("%s-%d", pg.name, width), func(t *testing.T) {
				doc := ""
				if sel, ok := pg.docs[width]; ok && *docsShots {
					doc = sel
				}
				checkPage(t, browser, pg.path, width, filepath.Join(shots, fmt.Sprintf("%s-%d", pg.name, width)), pg.exercise, pg.sels, pg.dark,
					doc, fmt.Sprintf("%s-%d.png", map[string]string{"embedded": "report", "govs": "compare"}[pg.name], width))
			})
		}
	}
}

// findChromium returns the path of a Chromium or Chrome, or "".
func findChromium() string {
	if p := os.Getenv("REPORTDIFF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// writeReport runs reportdiff report -o path with the extra arguments.
func writeReport(t *testing.T, path string, args ...string) {
	t.Helper()
	ios, _, errOut := TestStreams()
	if code := run(append([]string{"report", "-o", path}, args...), ios); code != exitOK {
		t.Fatalf("report exit %d: %s", code, errOut)
	}
}

// pageReport is what the page says of itself once loaded.
type pageReport struct {
	ScrollWidth  int      `json:"scrollWidth"`
	ClientWidth  int      `json:"clientWidth"`
	TOC          int      `json:"toc"`
	TOCMissed    []string `json:"tocMissed"`
	LinksMissing []string `json:"linksMissing"`
	Del          int      `json:"del"`
	Ins          int      `json:"ins"`
	Wide         []string `json:"wide"`
}

// inspect measures the page: its width, where each contents link lands
// (set as the location's hash, the element must become :target and take
// room), internal links without a target, <del> and <ins>, and the
// elements wider than the window.
const inspect = `(() => {
  const de = document.documentElement;
  const r = {scrollWidth: Math.max(de.scrollWidth, document.body.scrollWidth), clientWidth: de.clientWidth,
    toc: 0, tocMissed: [], linksMissing: [], wide: [],
    del: document.querySelectorAll("del").length, ins: document.querySelectorAll("ins").length};
  for (const a of document.querySelectorAll("#toc a[href^='#']")) {
    r.toc++;
    const id = decodeURIComponent(a.getAttribute("href").slice(1));
    location.hash = a.getAttribute("href");
    const el = document.querySelector(":target");
    if (!el || el.id !== id || el.getClientRects().length === 0) { r.tocMissed.push(a.getAttribute("href")); }
  }
  history.replaceState(null, "", location.pathname);
  for (const a of document.querySelectorAll("a[href^='#']")) {
    const id = decodeURIComponent(a.getAttribute("href").slice(1));
    if (!document.getElementById(id)) { r.linksMissing.push(a.getAttribute("href")); }
  }
  for (const el of document.querySelectorAll("body *")) {
    const b = el.getBoundingClientRect();
    if (b.right > de.clientWidth + 1 && !el.closest(".scroll") && r.wide.length < 10) {
      r.wide.push(el.tagName + "." + el.className + " right=" + Math.round(b.right));
    }
  }
  return r;
})()`

// The script's improvements: the filter hides the commitments of a status,
// and j moves to a pair.
const exercise = `(() => {
  const out = {filter: "none", key: ""};
  const box = document.querySelector("form.filters input[name=status]");
  if (box) {
    const sec = box.closest("form").parentNode;
    const all = sec.querySelectorAll(".cm").length;
    const some = sec.querySelectorAll(".cm[data-status='" + box.value + "']").length;
    box.click();
    const hidden = document.querySelectorAll(".cm[hidden]").length;
    box.click();
    const after = document.querySelectorAll(".cm[hidden]").length;
    out.filter = (hidden === some && after === 0 && all > 0) ? "ok" : "hid " + hidden + " of " + some + ", then " + after;
  }
  window.scrollTo(0, document.getElementById("diffs") ? document.getElementById("diffs").offsetTop : 0);
  document.dispatchEvent(new KeyboardEvent("keydown", {key: "j", bubbles: true}));
  out.key = document.activeElement ? document.activeElement.className : "";
  window.scrollTo(0, 0);
  return out;
})()`

// checkPage opens the page at path in a window width pixels wide and
// checks it (exerciseScript: the status filter and the j key too), saving
// screenshots of the elements sels selects in the folder shots (and of
// those dark selects in the dark scheme); with doc a selector, a
// screenshot of it goes to docs/docName for the README.
func checkPage(t *testing.T, browser context.Context, path string, width int64, shots string, exerciseScript bool, sels, dark []string, doc, docName string) {
	var mu sync.Mutex
	var problems []string
	note := func(format string, args ...any) {
		mu.Lock()
		problems = append(problems, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			note("exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				note("console %s", ev.Type)
			}
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				note("log error: %s %s", ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			if u, err := url.Parse(ev.Request.URL); err != nil || u.Scheme != "file" && u.Scheme != "data" {
				note("a request leaves the file: %s", ev.Request.URL)
			}
		case *page.EventJavascriptDialogOpening:
			note("a dialog opened (a script of the corpus ran?): %q", ev.Message)
		}
	}))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	defer cancelTimeout()
	height := int64(900)
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		height = 812
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	u := (&url.URL{Scheme: "file", Path: path}).String()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height, opts...), chromedp.Navigate(u)); err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	rep, err := chromedp.Run(ctx, chromedp.Evaluate[pageReport](inspect))
	if err != nil {
		t.Fatalf("inspect: %v", err)
	}
	if rep.ScrollWidth > rep.ClientWidth {
		t.Errorf("the page scrolls sideways: scrollWidth %d > clientWidth %d; too wide: %v", rep.ScrollWidth, rep.ClientWidth, rep.Wide)
	}
	if rep.TOC == 0 || len(rep.TOCMissed) > 0 {
		t.Errorf("%d contents links, landing nowhere: %v", rep.TOC, rep.TOCMissed)
	}
	if len(rep.LinksMissing) > 0 {
		t.Errorf("links without a target: %v", rep.LinksMissing)
	}
	if rep.Del == 0 || rep.Ins == 0 {
		t.Errorf("%d <del> and %d <ins>: want both", rep.Del, rep.Ins)
	}
	if exerciseScript {
		ex, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Filter, Key string }](exercise))
		if err != nil {
			t.Fatalf("exercise the script: %v", err)
		}
		if ex.Filter != "ok" || !strings.Contains(ex.Key, "pair") {
			t.Errorf("the script: filter %s, j moved to %q", ex.Filter, ex.Key)
		}
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, sel := range sels {
		name := strings.NewReplacer("#", "", " ", "_", ".", "-").Replace(sel)
		if sel == "" {
			name = "top"
		}
		shot(t, ctx, sel, filepath.Join(shots, name+".png"))
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	for _, sel := range dark {
		shot(t, ctx, sel, filepath.Join(shots, "dark-"+strings.NewReplacer("#", "", " ", "_", ".", "-").Replace(sel)+".png"))
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	// On paper: no navigation, a page break before each section.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.getElementById("toc")).display + " " +
		getComputedStyle(document.querySelectorAll("section.major")[1]).breakBefore`))
	if err != nil {
		t.Fatal(err)
	}
	if printed != "none page" {
		t.Errorf("printed: contents display and section break %q, want \"none page\"", printed)
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
		t.Fatal(err)
	}
	if doc != "" {
		shot(t, ctx, doc, filepath.Join("..", "..", "docs", docName))
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}

// shot scrolls the first element sel matches (the top for "") to the top
// of the window and saves a screenshot of the window as a PNG.
func shot(t *testing.T, ctx context.Context, sel, path string) {
	t.Helper()
	js := "window.scrollTo(0, 0)"
	if sel != "" {
		js = fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (el) { el.scrollIntoView({block: "start"}); } })()`, sel)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js)); err != nil {
		t.Fatalf("scroll to %q: %v", sel, err)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
