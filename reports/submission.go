package reports

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"fangkong/data"
)

// The report file (上报文件) a township sends to the county, documented in
// docs/上报文件.md: a JSON object naming its format and version, the
// township's public key, and the report signed with it (Ed25519 over the
// report's JSON without insignificant white space, as json.Compact gives
// it: so the file can be indented for people to read).
const (
	SubmissionFormat  = "fangkong-daily-report"
	SubmissionVersion = 1
	// SubmissionExt is the report file's extension: a folder is imported
	// by it; files chosen one by one are read whatever their name.
	SubmissionExt = ".fkrpt"
	// maxSubmission bounds what is read of a file: a real one is a few
	// kilobytes.
	maxSubmission = 1 << 20
)

// SubmissionName is a report file's name: one per township, day and
// version, so writing it again gives the same file under the same name.
func SubmissionName(s data.Submission) string {
	return fmt.Sprintf("%s-%s-%s-v%d%s", s.Township, lang.L("Daily report"), s.Day.Format("2006-01-02"), s.Version, SubmissionExt)
}

type envelope struct {
	Format        string          `json:"format"`
	FormatVersion int             `json:"format_version"`
	PublicKey     []byte          `json:"public_key"` // base64, 32 bytes
	Signature     []byte          `json:"signature"`  // base64, 64 bytes
	Report        json.RawMessage `json:"report"`
}

// WriteSubmission writes a report file signed with the township's key.
// The same report and key always give the same bytes.
func WriteSubmission(w io.Writer, s data.Submission, key ed25519.PrivateKey) error {
	report, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("write report file: %w", err)
	}
	out, err := json.MarshalIndent(envelope{Format: SubmissionFormat, FormatVersion: SubmissionVersion,
		PublicKey: key.Public().(ed25519.PublicKey), Signature: ed25519.Sign(key, report), Report: report}, "", "  ")
	if err != nil {
		return fmt.Errorf("write report file: %w", err)
	}
	_, err = w.Write(append(out, '\n'))
	return err
}

// ReadSubmission reads a report file and checks its signature. It tells a
// file that is not one of ours, one a newer program wrote, and one changed
// after it was signed apart; which township signed it is for the county
// to look up by the key.
func ReadSubmission(name string, r io.Reader) (data.ReceivedFile, error) {
	f := data.ReceivedFile{Name: name}
	b, err := io.ReadAll(io.LimitReader(r, maxSubmission+1))
	if err != nil {
		return f, err
	}
	if len(b) > maxSubmission {
		return f, data.ErrReportFileTooLarge
	}
	sum := sha256.Sum256(b)
	f.Digest = hex.EncodeToString(sum[:])
	var e envelope
	if err := json.Unmarshal(b, &e); err != nil || e.Format != SubmissionFormat {
		return f, data.ErrNotReportFile
	}
	if e.FormatVersion > SubmissionVersion {
		return f, data.ErrReportFileTooNew
	}
	if e.FormatVersion < 1 || len(e.PublicKey) != ed25519.PublicKeySize || len(e.Report) == 0 {
		return f, data.ErrNotReportFile
	}
	var signed bytes.Buffer
	if err := json.Compact(&signed, e.Report); err != nil {
		return f, data.ErrNotReportFile
	}
	if !ed25519.Verify(e.PublicKey, signed.Bytes(), e.Signature) {
		return f, data.ErrReportFileAltered
	}
	if err := json.Unmarshal(e.Report, &f.Report); err != nil {
		return f, data.ErrNotReportFile
	}
	f.Key, f.Signed = e.PublicKey, signed.Bytes()
	return f, nil
}
