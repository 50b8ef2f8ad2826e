// Package reports turns plain structs into the files a command post prints
// and forwards: PDF pages and Excel workbooks. Each file format lives behind
// one file here, so its library can be swapped in one place.
package reports

import (
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// ErrNotWorkbook means a file given as .xlsx could not be read as one.
var ErrNotWorkbook = errors.New("not a readable .xlsx workbook")

// Table is one worksheet: a header row and rows of text.
type Table struct {
	Name   string
	Header []string
	Rows   [][]string
}

// WriteXLSX writes the tables as worksheets of one workbook, header bold and
// frozen, columns wide enough for their longest cell.
func WriteXLSX(w io.Writer, tables ...Table) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return fmt.Errorf("write xlsx: %w", err)
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		widths := make([]int, len(t.Header))
		for _, row := range append([][]string{t.Header}, t.Rows...) {
			for c, cell := range row {
				// CJK characters take two columns of width.
				if n := utf8.RuneCountInString(cell) + len(cell)/3; c < len(widths) && n > widths[c] {
					widths[c] = n
				}
			}
		}
		for c, wd := range widths {
			if err := sw.SetColWidth(c+1, c+1, float64(min(max(wd, 6), 60))+2); err != nil {
				return fmt.Errorf("write xlsx: %w", err)
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		for r, row := range append([][]string{t.Header}, t.Rows...) {
			cells := make([]any, len(row))
			for c, v := range row {
				if r == 0 {
					cells[c] = excelize.Cell{StyleID: bold, Value: v}
				} else {
					cells[c] = v // always text: phone and ID numbers must keep their digits
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, cells); err != nil {
				return fmt.Errorf("write xlsx: %w", err)
			}
		}
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// ReadXLSX reads every worksheet as text: the first row as Header, the rest
// as Rows, exactly as Excel or WPS shows them.
func ReadXLSX(r io.Reader) ([]Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("read xlsx: %w: %v", ErrNotWorkbook, err)
	}
	defer f.Close()
	var out []Table
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, fmt.Errorf("read xlsx sheet %s: %w: %v", name, ErrNotWorkbook, err)
		}
		t := Table{Name: name}
		if len(rows) > 0 {
			t.Header, t.Rows = rows[0], rows[1:]
		}
		out = append(out, t)
	}
	return out, nil
}
