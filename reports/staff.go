package reports

import (
	"io"
	"strconv"
	"time"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// StaffList prints the staff contact list (人员通讯录) for posting beside the
// duty phone: who, which unit, what kind, their phone, who may lead.
func StaffList(w io.Writer, post data.PostInfo, staff []data.Staff, printed time.Time) error {
	d := NewDoc(false, post.PostName+"  "+lang.L("Printed on {{.Date}}", map[string]any{"Date": FormatDate(printed)}))
	d.Title(post.PostName+lang.L("Staff contact list"), 16)
	d.Text(lang.L("Duty phone")+":"+post.DutyPhone+"    "+lang.L("{{.N}} people", map[string]any{"N": len(staff)}), 10)
	d.Gap(2)
	cols := []Column{
		{Header: lang.L("No."), Width: 12, Align: Center},
		{Header: lang.L("Name"), Width: 26, Align: Left},
		{Header: lang.L("Unit"), Width: 36, Align: Left},
		{Header: lang.L("Kind"), Width: 24, Align: Left},
		{Header: lang.L("Phone"), Width: 30, Align: Left},
		{Header: lang.L("May lead"), Width: 14, Align: Center},
	}
	cols = append(cols, Column{Header: lang.L("Note"), Width: d.PageWidth() - sumWidths(cols), Align: Left})
	rows := make([][]string, len(staff))
	for i, s := range staff {
		lead := ""
		if s.MayLead {
			lead = lang.L("Yes")
		}
		rows[i] = []string{strconv.Itoa(i + 1), s.Name, s.Unit, s.Kind, s.Phone, lead, s.Note}
	}
	d.Table(cols, rows, 10)
	return d.Write(w)
}

func sumWidths(cols []Column) float64 {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	return total
}
