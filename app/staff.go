package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	_ "fangkong/assets" // the Chinese column names
	"fangkong/data"
	"fangkong/reports"
)

// ErrNoStaffSheet means no worksheet of an import has a name column.
var ErrNoStaffSheet = errors.New("no worksheet has a name column")

// staffColumns are the staff workbook's columns, in export order. Import
// finds them by header text, in any order, and also accepts the aliases.
func staffColumns() []struct {
	header  string
	aliases []string
} {
	return []struct {
		header  string
		aliases []string
	}{
		{lang.L("Name"), []string{"姓名", "名字"}},
		{lang.L("Phone"), []string{"电话", "手机", "手机号", "联系电话", "手机号码"}},
		{lang.L("Unit"), []string{"单位", "工作单位", "所在单位"}},
		{lang.L("Kind"), []string{"类别", "人员类别", "身份"}},
		{lang.L("May lead"), []string{"可带班", "带班"}},
		{lang.L("Status"), []string{"状态", "在岗"}},
		{lang.L("Note"), []string{"备注"}},
	}
}

// ImportRow is one row of a staff import: its row number as the
// spreadsheet shows it, the person read from it, and why it is refused.
type ImportRow struct {
	Row   int
	Staff data.Staff
	Err   error
}

// StaffImport is a workbook read and checked, nothing kept yet: the rows
// to add, the people already in the directory (same name and phone), and
// the rows refused with their reasons.
type StaffImport struct {
	New, Existing, Rejected []ImportRow
}

// ReadStaffImportFile is ReadStaffImport of the workbook at path.
func (a *App) ReadStaffImportFile(ctx context.Context, path string) (StaffImport, error) {
	f, err := os.Open(path)
	if err != nil {
		return StaffImport{}, fmt.Errorf("import staff: %w", err)
	}
	defer f.Close()
	return a.ReadStaffImport(ctx, f)
}

// ReadStaffImport reads the people in an .xlsx workbook (the first
// worksheet with a name column, a person a row) and checks every row
// against the rules and the directory, saving nothing.
func (a *App) ReadStaffImport(ctx context.Context, r io.Reader) (StaffImport, error) {
	var imp StaffImport
	tables, err := reports.ReadXLSX(r)
	if err != nil {
		return imp, fmt.Errorf("import staff: %w", err)
	}
	have, err := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	if err != nil {
		return imp, fmt.Errorf("import staff: %w", err)
	}
	known := map[string]bool{}
	for _, s := range have {
		known[s.Name+"|"+s.Phone] = true
	}
	cols := staffColumns()
	for _, t := range tables {
		index := make([]int, len(cols)) // column of each field, -1 if absent
		for i, c := range cols {
			index[i] = -1
			for h, name := range t.Header {
				name = strings.TrimSpace(name)
				if name == c.header || slices.Contains(c.aliases, name) {
					index[i] = h
					break
				}
			}
		}
		if index[0] < 0 {
			continue
		}
		inFile := map[string]bool{}
		for n, row := range t.Rows {
			cell := func(field int) string {
				if index[field] < 0 || index[field] >= len(row) {
					return ""
				}
				return strings.TrimSpace(row[index[field]])
			}
			if strings.TrimSpace(strings.Join(row, "")) == "" {
				continue // blank lines between blocks of people
			}
			s, err := data.CheckStaff(data.Staff{
				Name: cell(0), Phone: cell(1), Unit: cell(2), Kind: cell(3),
				MayLead: yes(cell(4)), Active: cell(5) == "" || yes(cell(5)) || cell(5) == lang.L("Active"),
				Note: cell(6),
			})
			line := ImportRow{Row: n + 2, Staff: s, Err: err}
			switch key := s.Name + "|" + s.Phone; {
			case err != nil:
				imp.Rejected = append(imp.Rejected, line)
			case known[key]:
				imp.Existing = append(imp.Existing, line)
			case inFile[key]:
				line.Err = ErrTwiceInFile
				imp.Rejected = append(imp.Rejected, line)
			default:
				inFile[key] = true
				imp.New = append(imp.New, line)
			}
		}
		return imp, nil
	}
	return imp, fmt.Errorf("import staff: %w", ErrNoStaffSheet)
}

// ErrTwiceInFile means a person appears twice in one import.
var ErrTwiceInFile = errors.New("the same person appears twice in the file")

// ImportStaff adds every new row of a checked import in one transaction:
// all of them or, if any is refused now (someone added the same person
// meanwhile), none. A kill or a power cut midway leaves none.
func (a *App) ImportStaff(ctx context.Context, imp StaffImport) (int, error) {
	err := a.DB.Batch(ctx, func(ctx context.Context) error {
		for _, r := range imp.New {
			if _, err := a.DB.SaveStaff(ctx, r.Staff); err != nil {
				return fmt.Errorf("row %d: %w", r.Row, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import staff: %w", err)
	}
	return len(imp.New), nil
}

// yes reads the ways a spreadsheet says yes.
func yes(s string) bool {
	switch strings.ToLower(s) {
	case "是", "√", "✓", "y", "yes", "1", "在岗", "true":
		return true
	}
	return false
}

// StaffTable is every person, active and not, as a worksheet.
func (a *App) StaffTable(ctx context.Context) (reports.Table, error) {
	list, err := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	if err != nil {
		return reports.Table{}, err
	}
	t := reports.Table{Name: lang.L("Staff")}
	for _, c := range staffColumns() {
		t.Header = append(t.Header, c.header)
	}
	for _, s := range list {
		lead, status := "", lang.L("Active")
		if s.MayLead {
			lead = lang.L("Yes")
		}
		if !s.Active {
			status = lang.L("Inactive")
		}
		t.Rows = append(t.Rows, []string{s.Name, s.Phone, s.Unit, s.Kind, lead, status, s.Note})
	}
	return t, nil
}

// ExportStaff writes every person to an .xlsx workbook that ImportStaff reads back.
func (a *App) ExportStaff(ctx context.Context, w io.Writer) error {
	t, err := a.StaffTable(ctx)
	if err != nil {
		return fmt.Errorf("export staff: %w", err)
	}
	return reports.WriteXLSX(w, t)
}
