package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// genReport writes a constructed work report of the year y (about 12,000
// characters): a dateline, a review of the year before and a plan, with
// figures that vary with n.
func genReport(y, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "示范市政府工作报告\n——%d年2月10日在示范市人民代表大会上\n各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n", y)
	fmt.Fprintf(&b, "一、%d年工作回顾\n", y-1)
	fmt.Fprintf(&b, "过去一年，全市生产总值增长%d.%d%%，一般公共预算收入完成%d亿元，增长%d%%，城镇新增就业%d万人。\n", 5+n%3, n%10, 100+n, 3+n%4, 10+n%7)
	topics := []string{"产业", "城市", "生态", "民生", "改革", "开放", "文化", "安全"}
	for i, t := range topics {
		fmt.Fprintf(&b, "（%s）%s工作取得新进展\n", "一二三四五六七八"[i*3:i*3+3], t)
		for k := range 4 {
			fmt.Fprintf(&b, "%s领域第%d项重点任务扎实推进，完成投资%d亿元，新建项目%d个，惠及群众%d万人。我们坚持问题导向，统筹推进%s建设，健全工作机制，加强督促检查，确保各项措施落到实处，群众满意度持续提升。\n",
				t, k+1, 10+k*n%50, 3+k, 2+n%9, t)
		}
	}
	fmt.Fprintf(&b, "二、%d年工作安排\n", y)
	fmt.Fprintf(&b, "今年经济社会发展的主要预期目标是：全市生产总值增长%d%%左右，一般公共预算收入增长%d%%，城镇新增就业%d万人以上。\n", 5+n%2, 4+n%3, 10+n%5)
	for i, t := range topics {
		fmt.Fprintf(&b, "（%s）加快%s高质量发展\n", "一二三四五六七八"[i*3:i*3+3], t)
		for k := range 4 {
			fmt.Fprintf(&b, "推动%s领域第%d项工作，力争完成投资%d亿元，建成%s服务中心%d个。要坚持系统观念，强化要素保障，完善政策体系，以钉钉子精神抓好落实。\n", t, k+1, 12+k, t, 1+k)
		}
	}
	b.WriteString("各位代表，让我们团结一心，奋力开创新局面！\n")
	return b.String()
}

// gitCorpus writes a corpus of n constructed reports into a new git
// repository, commits it and edits one figure of the first report.
func gitCorpus(tb testing.TB, n int) string {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	dir := tb.TempDir()
	corpusDir := filepath.Join(dir, "reports")
	if err := os.Mkdir(corpusDir, 0o755); err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		name := filepath.Join(corpusDir, fmt.Sprintf("r%04d.txt", i))
		if err := os.WriteFile(name, []byte(genReport(1980+i%45, i)), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"commit", "-q", "-m", "corpus"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	first := filepath.Join(corpusDir, "r0000.txt")
	b, _ := os.ReadFile(first)
	edited := strings.Replace(string(b), "全市生产总值增长5%左右", "全市生产总值增长6%左右", 1)
	if edited == string(b) {
		tb.Fatal("the figure to edit is not in the report")
	}
	if err := os.WriteFile(first, []byte(edited), 0o644); err != nil {
		tb.Fatal(err)
	}
	return corpusDir
}

// BenchmarkCheckAgainst runs check --against HEAD on a corpus of one report
// and of 700, one report edited in each: only the edited report (and its
// neighbours) is read again, so both take about as long.
func BenchmarkCheckAgainst(b *testing.B) {
	for _, n := range []int{1, 700} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			dir := gitCorpus(b, n)
			b.ResetTimer()
			for b.Loop() {
				ios, out, _ := TestStreams()
				if code := run([]string{"check", "--corpus", dir, "--against", "HEAD", "--fail-on", "never"}, ios); code != exitOK {
					b.Fatalf("exit %d: %s", code, out)
				}
				if !strings.Contains(out.String(), "figure-changed") {
					b.Fatalf("the edited figure is not found:\n%s", out)
				}
			}
		})
	}
}
