// Package reports turns plain structs into the files a command post prints
// and forwards: PDF pages and Excel workbooks. Each file format lives behind
// one file here, so its library can be swapped in one place.
package reports

import (
	"errors"
	"fmt"
	"io"
	"time"
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
	Key    int // how many leading cells name a row (0: the first); for comparing versions
}

// WriteXLSX writes the tables as worksheets of one workbook, every cell
// text (phone and ID numbers must keep their digits), header bold and
// frozen, columns wide enough for their longest cell.
func WriteXLSX(w io.Writer, tables ...Table) error {
	sheets := make([]Sheet, len(tables))
	for i, t := range tables {
		sheets[i] = Sheet{Name: t.Name, Header: t.Header}
		for _, row := range t.Rows {
			cells := make([]any, len(row))
			for c, v := range row {
				cells[c] = v
			}
			sheets[i].Rows = append(sheets[i].Rows, cells)
		}
	}
	return WriteSheets(w, sheets...)
}

// Sheet is a worksheet of typed cells: a string is text, an int or a
// float64 a number Excel and WPS can sum, a time.Time a date (at
// midnight) or a date and time, nil an empty cell.
type Sheet struct {
	Name   string
	Header []string
	Rows   [][]any
}

// WriteSheets writes typed worksheets into one workbook, header bold and
// frozen, columns wide enough for their longest cell.
func WriteSheets(w io.Writer, sheets ...Sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	dateFmt, timeFmt, decimal := "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "0.0"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	timeStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	decimalStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &decimal})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, t := range sheets {
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
		measure := func(c int, s string) {
			// CJK characters take two columns of width.
			if n := utf8.RuneCountInString(s) + len(s)/3; c < len(widths) && n > widths[c] {
				widths[c] = n
			}
		}
		for c, h := range t.Header {
			measure(c, h)
		}
		for _, row := range t.Rows {
			for c, v := range row {
				switch v := v.(type) {
				case string:
					measure(c, v)
				case time.Time:
					measure(c, "2006-01-02 15:04")
				case nil:
				default:
					measure(c, fmt.Sprint(v))
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
		header := make([]any, len(t.Header))
		for c, h := range t.Header {
			header[c] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", header); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for c, v := range row {
				switch v := v.(type) {
				case time.Time:
					style := timeStyle
					if v.Equal(time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, v.Location())) {
						style = dateStyle
					}
					cells[c] = excelize.Cell{StyleID: style, Value: v}
				case float64:
					cells[c] = excelize.Cell{StyleID: decimalStyle, Value: v}
				default:
					cells[c] = v
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
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
	// A staff list is well under a megabyte unpacked: a file claiming more
	// than 64 MB is refused rather than unpacked into memory.
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
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
