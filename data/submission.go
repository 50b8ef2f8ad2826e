package data

import (
	"strings"
	"time"
)

// Submission is a township's issued daily report as it travels to the
// county (上报文件): the frozen figures and who signed them, under stable
// names. Its JSON is the documented format (docs/上报文件.md); a field is
// only ever added, and a change of meaning takes a new format version.
type Submission struct {
	Township     string          `json:"township"`   // 乡镇/街道
	PostName     string          `json:"post_name"`  // 指挥部名称
	DutyPhone    string          `json:"duty_phone"` // 值班电话
	Day          time.Time       `json:"day"`
	AsOf         time.Time       `json:"as_of"` // where the figures stop: the day's end, or earlier (统计截至)
	Number       int             `json:"number"`
	Version      int             `json:"version"`
	Backfill     bool            `json:"backfill"` // 补报
	RevisionNote string          `json:"revision_note,omitempty"`
	IssuedAt     time.Time       `json:"issued_at"`
	Zero         bool            `json:"zero_report"` // 零报告: nothing abnormal, nothing written
	Events       string          `json:"events"`      // 重要情况 as typed
	SignedBy     string          `json:"signed_by"`
	ReviewedBy   string          `json:"reviewed_by"`
	FilledBy     string          `json:"filled_by"`
	Leaders      []string        `json:"leaders"`
	Posts        int             `json:"posts"`       // checkpoints open
	PostsFiled   int             `json:"posts_filed"` // of them with figures
	PostsTotal   SubmittedCounts `json:"posts_total"` // summed over the posts
	Sites        []SubmittedSite `json:"sites"`
	Items        []SubmittedItem `json:"key_items"`
	ShortItems   []string        `json:"short_items"` // under their warning level
}

// SubmittedSite is one isolation site's day in a submission.
type SubmittedSite struct {
	Name                string `json:"name"`
	Rooms               int    `json:"rooms"`
	Occupied            int    `json:"occupied"`
	Vacant              int    `json:"vacant"`
	AwaitCleaning       int    `json:"await_cleaning"`
	InIsolation         int    `json:"in_isolation"`
	Admitted            int    `json:"admitted"`
	Released            int    `json:"released"`
	Transferred         int    `json:"transferred"`
	TestsDone           int    `json:"tests"`
	Positives           int    `json:"new_positives"`
	Fevers              int    `json:"fevers"`
	PositiveInIsolation int    `json:"positive_in_isolation"`
}

// SubmittedCounts are the checkpoints' counts in a submission.
type SubmittedCounts struct {
	Vehicles   int `json:"vehicles"`
	People     int `json:"people"`
	TurnedBack int `json:"turned_back"`
	Fevers     int `json:"fevers"`
	HandedOver int `json:"handed_over"`
}

// SubmittedItem is a key item's stock in a submission.
type SubmittedItem struct {
	Item     string  `json:"item"`
	Unit     string  `json:"unit"`
	OnHand   int     `json:"on_hand"`
	In       int     `json:"in"`
	Out      int     `json:"out"`
	Warning  int     `json:"warning_level"`
	DailyUse float64 `json:"daily_use"` // average 出库 a day over the 7 days before
	DaysLeft float64 `json:"days_left"` // days of supply; -1: nothing used
}

// ZeroReport reports whether the day is a 零报告: nothing abnormal and no
// notable event written.
func (r DailyReport) ZeroReport() bool {
	return strings.TrimSpace(r.Events) == "" && !r.Today.Abnormal()
}

// Submission is the report as it is sent up to the county.
func (r DailyReport) Submission() Submission {
	t := r.Today
	s := Submission{Township: t.Post.Township, PostName: t.Post.PostName, DutyPhone: t.Post.DutyPhone,
		Day: t.Day, AsOf: t.AsOf, Number: r.Number, Version: r.Version, Backfill: r.Backfill,
		RevisionNote: r.RevisionNote, IssuedAt: r.IssuedAt, Zero: r.ZeroReport(), Events: r.Events,
		SignedBy: r.SignedBy, ReviewedBy: r.ReviewedBy, FilledBy: r.FilledBy, Leaders: t.Leaders,
		Posts: len(t.Checkpoints), PostsTotal: SubmittedCounts(t.PostsTotal), ShortItems: t.ShortItems}
	for _, i := range t.KeyItems {
		s.Items = append(s.Items, SubmittedItem(i))
	}
	for _, c := range t.Checkpoints {
		if !c.Unfiled {
			s.PostsFiled++
		}
	}
	for _, x := range t.Sites {
		s.Sites = append(s.Sites, SubmittedSite{Name: x.Name, Rooms: x.Rooms, Occupied: x.Occupied, Vacant: x.Vacant,
			AwaitCleaning: x.AwaitCleaning, InIsolation: x.InIsolation, Admitted: x.Admitted, Released: x.Released,
			Transferred: x.Transferred, TestsDone: x.TestsDone, Positives: x.Positives, Fevers: x.Fevers,
			PositiveInIsolation: x.PositiveInIsolation})
	}
	return s
}

// Isolation sums the submission's sites.
func (s Submission) Isolation() SubmittedSite { return sumSubmittedSites(s.Sites) }

func sumSubmittedSites(sites []SubmittedSite) SubmittedSite {
	var t SubmittedSite
	for _, x := range sites {
		t.Rooms += x.Rooms
		t.Occupied += x.Occupied
		t.Vacant += x.Vacant
		t.AwaitCleaning += x.AwaitCleaning
		t.InIsolation += x.InIsolation
		t.Admitted += x.Admitted
		t.Released += x.Released
		t.Transferred += x.Transferred
		t.TestsDone += x.TestsDone
		t.Positives += x.Positives
		t.Fevers += x.Fevers
		t.PositiveInIsolation += x.PositiveInIsolation
	}
	return t
}
