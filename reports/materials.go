package reports

import (
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// IssueSlip prints the 出库单 (领用单) of one issue, A4 portrait: who gave
// what to whom, batch by batch, with lines for both to sign.
func IssueSlip(w io.Writer, post data.PostInfo, lines []data.Move, printed time.Time) error {
	return moveSlip(w, post, lines, printed, false)
}

// ReceiptSlip prints the 入库单 of one receipt, A4 portrait: what came in
// from where (the donor of a donation), batch by batch, with lines for
// who handled it and who checked it.
func ReceiptSlip(w io.Writer, post data.PostInfo, lines []data.Move, printed time.Time) error {
	return moveSlip(w, post, lines, printed, true)
}

// moveSlip is the slip of a voucher's lines, a receipt's or an issue's.
func moveSlip(w io.Writer, post data.PostInfo, lines []data.Move, printed time.Time, receipt bool) error {
	d := NewDoc(false, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	title := lang.L("Material issue slip")
	if receipt {
		title = lang.L("Material receipt slip")
	}
	d.Title(title, 18)
	if len(lines) == 0 {
		return d.Write(w)
	}
	first := lines[0]
	d.Text(lang.L("No. {{.Voucher}}    Date: {{.Date}}", map[string]any{"Voucher": first.Voucher, "Date": first.At.Format("2006年1月2日 15:04")}), 11)
	switch {
	case receipt && first.Donor != "":
		d.Text(lang.L("Into: {{.Into}}    Source: {{.Source}} ({{.Donor}})", map[string]any{"Into": first.Location, "Source": first.Source, "Donor": first.Donor}), 11)
	case receipt:
		d.Text(lang.L("Into: {{.Into}}    Source: {{.Source}}", map[string]any{"Into": first.Location, "Source": first.Source}), 11)
	default:
		d.Text(lang.L("From: {{.From}}    Issued to: {{.To}}", map[string]any{"From": first.Location, "To": first.Recipient}), 11)
	}
	d.Gap(2)
	rows := make([][]string, len(lines))
	total := 0
	for i, m := range lines {
		expires := ""
		if !m.ExpiresOn.IsZero() {
			expires = m.ExpiresOn.Format("2006-01-02")
		}
		n := -m.Quantity
		if receipt {
			n = m.Quantity
		}
		rows[i] = []string{strconv.Itoa(i + 1), m.Item.Name, m.Item.Spec, m.Item.Unit, strconv.Itoa(n), m.Batch, expires}
		total += n
	}
	cols := []Column{
		{Header: lang.L("No."), Width: 12, Align: Center},
		{Header: lang.L("Item"), Width: 45, Align: Left},
		{Header: lang.L("Specification"), Width: 35, Align: Left},
		{Header: lang.L("Unit"), Width: 14, Align: Center},
		{Header: lang.L("Quantity"), Width: 22, Align: Right},
		{Header: lang.L("Batch"), Width: 28, Align: Left},
	}
	cols = append(cols, Column{Header: lang.L("Expiry"), Width: d.PageWidth() - sumWidths(cols), Align: Center})
	d.Table(cols, rows, 10.5)
	d.Gap(2)
	if first.Note != "" {
		d.Text(lang.L("Note: {{.Note}}", map[string]any{"Note": first.Note}), 10.5)
	}
	named := func(label, name string) string {
		if name == "" {
			return label
		}
		return label + "(" + name + ")"
	}
	if receipt {
		d.Signatures(named(lang.L("Handled by"), first.Handler), lang.L("Accepted by"))
	} else {
		d.Signatures(named(lang.L("Handled by"), first.Handler), named(lang.L("Received by"), first.Receiver))
	}
	d.Signatures(lang.L("Date"))
	return d.Write(w)
}

// DonationList prints the 捐赠公示 for a span, A4 portrait, for public
// display: donor, items, quantities, date and where they were received.
// Donor contacts are not printed.
func DonationList(w io.Writer, post data.PostInfo, donations []data.Move, from, upto time.Time, printed time.Time) error {
	d := NewDoc(false, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(post.PostName+lang.L(" public list of donations"), 16)
	d.Text(lang.L("DonationIntro", map[string]any{"From": from.Format("2006年1月2日"), "Upto": upto.AddDate(0, 0, -1).Format("2006年1月2日"), "N": len(donations)}), 10.5)
	d.Gap(2)
	rows := make([][]string, len(donations))
	for i, m := range donations {
		rows[i] = []string{strconv.Itoa(i + 1), m.At.Format("2006-01-02"), m.Donor, m.Item.Label(),
			strconv.Itoa(m.Quantity) + m.Item.Unit, m.Location}
	}
	cols := []Column{
		{Header: lang.L("No."), Width: 12, Align: Center},
		{Header: lang.L("Date"), Width: 24, Align: Center},
		{Header: lang.L("Donor"), Width: 45, Align: Left},
		{Header: lang.L("Item"), Width: 45, Align: Left},
		{Header: lang.L("Quantity"), Width: 25, Align: Right},
	}
	cols = append(cols, Column{Header: lang.L("Received at"), Width: d.PageWidth() - sumWidths(cols), Align: Left})
	d.Table(cols, rows, 10)
	d.Gap(4)
	d.Text(lang.L("DonationThanks"), 10.5)
	d.Gap(4)
	d.Text(post.PostName+lang.L(" (seal)"), 12)
	return d.Write(w)
}
