package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// CaseNumber is how a case is named on screen and paper: 第12号.
func CaseNumber(c data.Case) string {
	return lang.L("Case No. {{.N}}", map[string]any{"N": c.ID})
}

// CaseFinding is what was found, in a line: 卡口发热 37.8℃ 黄码,交卫生院复核.
func CaseFinding(c data.Case) string {
	parts := []string{string(c.Source)}
	if c.Celsius != 0 {
		parts = append(parts, celsius(c.Celsius))
	}
	if c.What != "" {
		parts = append(parts, c.What)
	}
	return strings.Join(parts, " ")
}

func celsius(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "℃" }

// StepText is a step in a line: 移交发热门诊(接收人 王医生 0913-6123456).
func StepText(s data.CaseStep) string {
	note := ""
	if s.Note != "" {
		note = "(" + s.Note + ")"
	}
	switch s.Kind {
	case data.StepHandover:
		return lang.L("Handed to {{.Unit}} (receiver {{.Who}})", map[string]any{"Unit": string(s.Unit),
			"Who": strings.TrimSpace(s.Receiver + " " + s.ReceiverPhone)}) + note
	case data.StepResult:
		return lang.L("Result: {{.Result}}", map[string]any{"Result": string(s.Result)}) + note
	case data.StepCheckIn:
		return lang.L("Checked in at {{.Where}}", map[string]any{"Where": s.Note})
	case data.StepFever:
		return lang.L("Fever {{.Celsius}}", map[string]any{"Celsius": celsius(s.Celsius)})
	case data.StepPositive:
		return lang.L("Nucleic-acid test positive")
	case data.StepClose:
		if s.Result == data.VoidedPassage {
			return lang.L("Settled: the registration was voided ({{.Reason}})", map[string]any{"Reason": s.Note})
		}
		return lang.L("Settled: {{.Conclusion}}", map[string]any{"Conclusion": s.Note})
	case data.StepReopen:
		return lang.L("Reopened: {{.Reason}}", map[string]any{"Reason": s.Note})
	}
	return string(s.Kind) + note
}

// CaseState says whether a case is open or settled, as lists show it.
func CaseState(c data.Case) string {
	if c.Open {
		return lang.L("Not settled")
	}
	return lang.L("Settled")
}

// HandoverSlip prints the 转运交接单 of a case's latest hand-over: the
// person, where, when and why they were found, where they go and to whom,
// the steps before, and blanks for both signatures and times. Without a
// hand-over yet, the receiving side is left blank to fill in by hand.
func HandoverSlip(w io.Writer, post data.PostInfo, c data.Case, steps []data.CaseStep, printed time.Time, p Personal) error {
	d := NewDoc(false, post.PostName+"  "+CaseNumber(c)+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(lang.L("Transfer hand-over slip"), 18)
	d.Spread(post.PostName, CaseNumber(c), 11)
	d.Gap(3)

	var handover data.CaseStep
	before := steps
	for i, s := range steps {
		if s.Kind == data.StepHandover {
			handover, before = s, steps[:i]
		}
	}
	sex := ""
	if id, err := data.ParseIDNumber(c.IDNumber, printed); err == nil {
		sex = id.Sex() + " " + id.Birth.Format("2006年1月2日")
	}
	d.Title(lang.L("The person"), 13)
	d.Fields([][2]string{
		{lang.L("Name"), c.Name}, {lang.L("Sex and birth"), sex},
		{lang.L("ID number"), p.id(c.IDNumber)}, {lang.L("Phone"), p.phone(c.Phone)},
		{lang.L("Came from"), c.CameFrom}, {lang.L("Plate"), c.Plate},
	}, 2, 11)
	d.Gap(3)
	d.Title(lang.L("How they were found"), 13)
	d.Fields([][2]string{
		{lang.L("Found at"), c.OpenedAt.Format("2006年1月2日 15:04")}, {lang.L("Place"), c.Place},
		{lang.L("Finding"), CaseFinding(c)}, {lang.L("Found by"), c.FoundBy},
	}, 2, 11)
	d.Gap(3)
	d.Title(lang.L("Hand-over"), 13)
	when, unit := "", ""
	if handover.ID != 0 {
		when, unit = handover.At.Format("2006年1月2日 15:04"), string(handover.Unit)
	}
	d.Fields([][2]string{
		{lang.L("Handed over from"), c.Place}, {lang.L("Handed over at"), when},
		{lang.L("Receiving unit"), unit}, {lang.L("Receiver"), strings.TrimSpace(handover.Receiver + " " + handover.ReceiverPhone)},
		{lang.L("Note"), handover.Note},
	}, 2, 11)
	if len(before) > 0 {
		d.Gap(3)
		d.Title(lang.L("Steps before"), 13)
		rows := make([][]string, len(before))
		for i, s := range before {
			rows[i] = []string{s.At.Format("01-02 15:04"), StepText(s), s.RecordedBy}
		}
		d.Table([]Column{{Header: lang.L("Time"), Width: 28, Align: Center},
			{Header: lang.L("Step"), Width: d.PageWidth() - 58, Align: Left},
			{Header: lang.L("Recorded by"), Width: 30, Align: Center}}, rows, 10)
	}
	d.Gap(8)
	d.Signatures(lang.L("Handed over by (signature)"), lang.L("Time"))
	d.Gap(4)
	d.Signatures(lang.L("Received by (signature)"), lang.L("Time"))
	d.Gap(6)
	d.Text(lang.L("One copy for each side; the receiver's copy goes with the person."), 9)
	return d.Write(w)
}

// caseRow is a case's cells in the list, as printed and exported.
func caseRow(c data.Case, p Personal) []string {
	last := ""
	if c.LastStep.ID != 0 {
		last = c.LastStep.At.Format("01-02 15:04") + " " + StepText(c.LastStep)
	}
	return []string{strconv.FormatInt(c.ID, 10), c.OpenedAt.Format("2006-01-02 15:04"), string(c.Source), c.Place,
		c.Who(), p.id(c.IDNumber), p.phone(c.Phone), CaseFinding(c), last, CaseState(c)}
}

func caseHeader() []string {
	return []string{lang.L("No."), lang.L("Found at"), lang.L("Source"), lang.L("Place"), lang.L("Name"), lang.L("ID number"),
		lang.L("Phone"), lang.L("Finding"), lang.L("Latest step"), lang.L("State")}
}

// caseCount says how many cases a list holds and how many are settled.
func caseCount(cases []data.Case) string {
	open := 0
	for _, c := range cases {
		if c.Open {
			open++
		}
	}
	return lang.L("{{.N}} cases: {{.Settled}} settled, {{.Open}} still open.",
		map[string]any{"N": len(cases), "Settled": len(cases) - open, "Open": open})
}

// CaseListPDF prints the cases found in a span of days (异常情况登记表),
// A4 landscape, with how many were settled and how many are still open.
func CaseListPDF(w io.Writer, post data.PostInfo, cases []data.Case, from, upto time.Time, printed time.Time, p Personal) error {
	d := NewDoc(true, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(post.PostName+lang.L(" register of abnormal cases"), 16)
	d.Text(lang.L("Found from {{.From}} to {{.To}}. ", map[string]any{"From": from.Format("2006年1月2日"),
		"To": upto.AddDate(0, 0, -1).Format("2006年1月2日")})+caseCount(cases), 10)
	d.Gap(2)
	widths := []float64{12, 26, 20, 34, 18, 36, 24}
	cols := make([]Column, 0, 10)
	for i, h := range caseHeader() {
		c := Column{Header: h, Align: Left}
		switch {
		case i < len(widths):
			c.Width = widths[i]
		case i == len(caseHeader())-1:
			c.Width, c.Align = 14, Center
		}
		cols = append(cols, c)
	}
	rest := d.PageWidth() - sumWidths(cols)
	cols[7].Width, cols[8].Width = rest*0.45, rest*0.55
	rows := make([][]string, len(cases))
	for i, c := range cases {
		rows[i] = caseRow(c, p)
	}
	d.Table(cols, rows, 8.5)
	return d.Write(w)
}

// CaseWorkbook is the case list as a workbook: the number as a number,
// times as times.
func CaseWorkbook(w io.Writer, cases []data.Case, p Personal) error {
	s := Sheet{Name: lang.L("Abnormal cases"), Header: caseHeader()}
	for _, c := range cases {
		row := caseRow(c, p)
		cells := []any{int(c.ID), c.OpenedAt}
		for _, v := range row[2:] {
			cells = append(cells, v)
		}
		s.Rows = append(s.Rows, cells)
	}
	return WriteSheets(w, s)
}

// DraftEvents drafts the 重要情况 of a day from its cases, for the clerk
// to edit before issuing: every case still open, or settled otherwise
// than ruled out, with its steps; the ruled-out and the voided in one
// sentence by kind. What would not fit the report is pointed to the
// case register instead.
func DraftEvents(stories []data.CaseStory) string {
	var lines []string
	ruledOut := map[data.CaseSource]int{}
	var shown, left int
	length := 0
	for _, s := range stories {
		if !s.Open && routine(s) {
			ruledOut[s.Source]++
			continue
		}
		line := storyLine(shown+1, s)
		// Room is kept for the closing sentences.
		if length+utf8.RuneCountInString(line) > data.MaxEvents-300 {
			left++
			continue
		}
		shown++
		lines = append(lines, line)
		length += utf8.RuneCountInString(line) + 1
	}
	var routineParts []string
	for _, src := range data.CaseSources {
		if n := ruledOut[src]; n > 0 {
			routineParts = append(routineParts, fmt.Sprintf("%s%d起", src, n))
		}
	}
	if len(routineParts) > 0 {
		list := map[string]any{"List": strings.Join(routineParts, "、")}
		if shown > 0 || left > 0 {
			lines = append(lines, lang.L("Besides, {{.List}} were checked and ruled out; all are settled.", list))
		} else {
			lines = append(lines, lang.L("{{.List}} were checked and ruled out; all are settled.", list))
		}
	}
	if left > 0 {
		lines = append(lines, lang.L("{{.N}} more cases are in the register of abnormal cases (异常情况).", map[string]any{"N": left}))
	}
	return strings.Join(lines, "\n")
}

// routine reports whether a settled case was ruled out or voided: told in
// a sum, not one by one.
func routine(s data.CaseStory) bool {
	for _, st := range s.Steps {
		switch {
		case st.Kind == data.StepClose && st.Result == data.VoidedPassage:
			return true
		case st.Kind == data.StepResult && st.Result != data.RuledOut,
			st.Kind == data.StepCheckIn, st.Kind == data.StepPositive, st.Kind == data.StepReopen:
			return false
		}
	}
	for _, st := range s.Steps {
		if st.Kind == data.StepResult && st.Result == data.RuledOut {
			return true
		}
	}
	return false
}

// storyLine tells one case: when and where, who, what was found, every
// step, and how it stands.
func storyLine(n int, s data.CaseStory) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d.%s,%s", n, s.OpenedAt.Format("1月2日15:04"), strings.TrimSpace(s.Place+" "+CaseFinding(s.Case)))
	if who := s.Who(); who != "" {
		b.WriteString("," + who)
	}
	for _, st := range s.Steps {
		b.WriteString(";" + st.At.Format("15:04") + StepText(st))
	}
	if s.Open {
		b.WriteString(";" + lang.L("still open"))
	}
	b.WriteString("。")
	return b.String()
}
