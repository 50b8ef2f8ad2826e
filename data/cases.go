package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CaseSource is how an abnormal case (异常情况) came to be known.
type CaseSource string

const (
	CheckpointFever    CaseSource = "卡口发热"
	CheckpointHandover CaseSource = "卡口转送"
	SiteFever          CaseSource = "隔离点发热"
	SitePositive       CaseSource = "隔离点阳性"
	CallReported       CaseSource = "接报" // a call, or a matter of the duty log
)

// CaseSources in the order lists and sums name them.
var CaseSources = []CaseSource{CheckpointFever, CheckpointHandover, SiteFever, SitePositive, CallReported}

// StepKind is what a step on a case records.
type StepKind string

const (
	StepHandover StepKind = "移交"   // handed to a unit and a receiver
	StepResult   StepKind = "结果"   // what the unit found or decided
	StepCheckIn  StepKind = "入住"   // checked in at an isolation site from the case
	StepFever    StepKind = "发热"   // a fever found at the site later
	StepPositive StepKind = "阳性"   // a positive test at the site later
	StepClose    StepKind = "办结"   // settled, with the conclusion
	StepReopen   StepKind = "重新打开" // opened again, with the reason
)

// HandoverUnit is where a person is handed over to.
type HandoverUnit string

const (
	FeverClinic        HandoverUnit = "发热门诊"
	DesignatedHospital HandoverUnit = "定点医院"
	CentralIsolation   HandoverUnit = "集中隔离点"
	Community          HandoverUnit = "村/社区"
	HomeUnit           HandoverUnit = "居家"
)

// HandoverUnits in the order the form offers them.
var HandoverUnits = []HandoverUnit{FeverClinic, DesignatedHospital, CentralIsolation, Community, HomeUnit}

// CaseResult is what the receiving unit found or decided.
type CaseResult string

const (
	RuledOut        CaseResult = "排除"
	UnderWatch      CaseResult = "留观"
	ToIsolation     CaseResult = "转集中隔离"
	ToHospital      CaseResult = "转院"
	Confirmed       CaseResult = "确诊"
	OtherCaseResult CaseResult = "其他"
	// VoidedPassage settles, by itself, the case of a passage voided as a
	// mistake; it is never chosen on the form.
	VoidedPassage CaseResult = "登记作废"
)

// CaseResults in the order the form offers them.
var CaseResults = []CaseResult{RuledOut, UnderWatch, ToIsolation, ToHospital, Confirmed, OtherCaseResult}

// Case is one abnormal case: what was found, where, when, by whom, and the
// person it concerns.
type Case struct {
	ID             int64
	OpenedAt       time.Time
	Source         CaseSource
	Place          string // the post or site, or where a call came from
	CheckpointID   int64
	RegistrationID int64
	SiteID         int64
	GuestID        int64
	Name           string
	IDNumber       string
	Phone          string
	Plate          string
	CameFrom       string
	Celsius        float64 // 0: not measured
	What           string  // what was reported (接报), or the passage's note
	FoundBy        string

	// As the case stands when read.
	Open       bool
	LastStepAt time.Time // its latest step, or its opening
	LastStep   CaseStep  // zero before any step
}

// Who names the person: the name, else the plate.
func (c Case) Who() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Plate
}

// Overdue reports whether an open case has had no step for longer than
// limit at now: it is chased first.
func (c Case) Overdue(now time.Time, limit time.Duration) bool {
	return c.Open && now.Sub(c.LastStepAt) > limit
}

// CaseStep is one step taken on a case.
type CaseStep struct {
	ID            int64
	CaseID        int64
	At            time.Time // when it happened; zero: now
	Kind          StepKind
	Unit          HandoverUnit // 移交
	Receiver      string       // 移交: who took the person over
	ReceiverPhone string
	Result        CaseResult // 结果; 登记作废 on the closing of a voided passage
	Celsius       float64    // 发热: the reading
	Note          string     // the conclusion of 办结, the reason of 重新打开, a remark
	RecordedBy    string
}

// Case errors a step can meet.
var (
	ErrCaseClosed        = errors.New("the case is closed")
	ErrCaseNotClosed     = errors.New("only a closed case can be reopened")
	ErrReceiverRequired  = errors.New("a hand-over needs its receiver")
	ErrConclusionNeeded  = errors.New("a case is closed with its conclusion")
	ErrMatterNeeded      = errors.New("a case needs what was found")
	ErrTimeInFuture      = errors.New("the time is later than now")
	ErrBeforeCase        = errors.New("the time is before the case was found")
	ErrBeforeLastStep    = errors.New("a case is closed or reopened after its last step")
	ErrStepNotByHand     = errors.New("this kind of step is recorded where it happens")
	ErrCaseOverdueHours  = errors.New("the overdue limit must be 1 to 72 hours")
	errCaseSourceByHand  = errors.New("only a reported case is opened by hand")
	errCaseNeedsSomebody = errors.New("a case found at a post or site names its person")
)

// normalize checks a case as typed or as found.
func (c *Case) normalize(now time.Time) error {
	c.Name, c.CameFrom, c.What, c.Place, c.FoundBy = clean(c.Name), clean(c.CameFrom), clean(c.What), clean(c.Place), clean(c.FoundBy)
	if !slices.Contains(CaseSources, c.Source) {
		return &FieldError{Field: "source", Err: ErrBadChoice}
	}
	if c.Source == CallReported && c.What == "" {
		return &FieldError{Field: "what", Err: ErrMatterNeeded}
	}
	if c.Name != "" {
		if err := checkName("name", c.Name); err != nil {
			return err
		}
	}
	if c.Source != CallReported && c.Name == "" && c.Plate == "" {
		return errCaseNeedsSomebody
	}
	if clean(c.IDNumber) != "" {
		// A number accepted at the gate with a wrong check digit (and its
		// reason) is kept as it was accepted.
		c.IDNumber = strings.ToUpper(halfWidth(clean(c.IDNumber)))
		if c.Source == CallReported {
			if _, err := ParseIDNumber(c.IDNumber, now); err != nil && !errors.Is(err, ErrIDCheckDigit) {
				return &FieldError{Field: "id_number", Err: err}
			}
		}
	}
	if clean(c.Phone) != "" {
		phone, err := NormalizePhone(c.Phone)
		if err != nil {
			return &FieldError{Field: "phone", Err: err}
		}
		c.Phone = phone
	} else {
		c.Phone = ""
	}
	for _, f := range []struct{ field, value string }{{"came_from", c.CameFrom}, {"place", c.Place}} {
		if err := checkText(f.field, f.value, maxLine); err != nil {
			return err
		}
	}
	if err := checkText("found_by", c.FoundBy, maxName); err != nil {
		return err
	}
	return checkText("what", c.What, maxNote)
}

// OpenCase records a case reported by hand (接报: a call, a matter of the
// duty log) and returns its ID. Cases found at a post or site open
// themselves, in the transaction of what found them.
func (db *DB) OpenCase(ctx context.Context, c Case) (int64, error) {
	if c.Source == "" {
		c.Source = CallReported
	}
	if c.Source != CallReported {
		return 0, fmt.Errorf("open case: %w", errCaseSourceByHand)
	}
	if c.OpenedAt.IsZero() {
		c.OpenedAt = db.now()
	}
	if c.OpenedAt.After(db.now()) {
		return 0, fmt.Errorf("open case: %w", &FieldError{Field: "at", Err: ErrTimeInFuture})
	}
	var id int64
	err := db.write(ctx, "open case", func(tx *sql.Tx) error {
		var err error
		id, err = db.openCase(ctx, tx, c)
		return err
	})
	return id, err
}

// openCase appends a case inside the transaction that found it.
func (db *DB) openCase(ctx context.Context, tx *sql.Tx, c Case) (int64, error) {
	if c.FoundBy == "" {
		c.FoundBy = OperatorFrom(ctx).Name
	}
	if err := c.normalize(db.now()); err != nil {
		return 0, err
	}
	var celsius any
	if c.Celsius != 0 {
		celsius = c.Celsius
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO cases (opened_at, source, place, checkpoint_id, registration_id, site_id,
		guest_id, name, id_number, id_reversed, phone, plate, came_from, celsius, what, found_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		formatTime(c.OpenedAt), string(c.Source), c.Place, nullID(c.CheckpointID), nullID(c.RegistrationID), nullID(c.SiteID),
		nullID(c.GuestID), c.Name, c.IDNumber, reverse(c.IDNumber), c.Phone, c.Plate, c.CameFrom, celsius, c.What,
		c.FoundBy, formatTime(db.now()))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, db.audit(ctx, tx, ActOpenCase, "cases", id, nil,
		map[string]any{"At": formatTime(c.OpenedAt), "Source": c.Source, "Place": c.Place, "Who": c.Who(), "What": c.What})
}

// nullID stores a missing reference as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// normalize checks a step: what each kind needs.
func (s *CaseStep) normalize(now time.Time) error {
	s.Receiver, s.Note, s.RecordedBy = clean(s.Receiver), clean(s.Note), clean(s.RecordedBy)
	if s.At.IsZero() {
		s.At = now
	}
	switch s.Kind {
	case StepHandover:
		if !slices.Contains(HandoverUnits, s.Unit) {
			return &FieldError{Field: "unit", Err: ErrBadChoice}
		}
		if s.Receiver == "" {
			return &FieldError{Field: "receiver", Err: ErrReceiverRequired}
		}
		if err := checkName("receiver", s.Receiver); err != nil {
			return err
		}
		if clean(s.ReceiverPhone) != "" {
			phone, err := NormalizePhone(s.ReceiverPhone)
			if err != nil {
				return &FieldError{Field: "receiver_phone", Err: err}
			}
			s.ReceiverPhone = phone
		} else {
			s.ReceiverPhone = ""
		}
	case StepResult:
		if !slices.Contains(CaseResults, s.Result) {
			return &FieldError{Field: "result", Err: ErrBadChoice}
		}
	case StepClose:
		if s.Note == "" && s.Result != VoidedPassage {
			return &FieldError{Field: "note", Err: ErrConclusionNeeded}
		}
	case StepReopen:
		if s.Note == "" {
			return &FieldError{Field: "note", Err: ErrReasonRequired}
		}
	case StepCheckIn, StepFever, StepPositive:
	default:
		return &FieldError{Field: "kind", Err: ErrBadChoice}
	}
	if s.Kind != StepHandover {
		s.Unit, s.Receiver, s.ReceiverPhone = "", "", ""
	}
	if s.Kind != StepResult && s.Kind != StepClose {
		s.Result = ""
	}
	return checkText("note", s.Note, maxNote)
}

// AddCaseStep records a step taken on a case by hand: a hand-over, a
// result, the closing or a reopening. Its rules are checked in the
// transaction that writes it: no step on a closed case but a reopening,
// a reopening only of a closed case, no time in the future or before the
// case, and a
// closing or reopening not before the case's last step, so the case's
// state at any moment is its latest closing or reopening before it.
func (db *DB) AddCaseStep(ctx context.Context, s CaseStep) (int64, error) {
	switch s.Kind {
	case StepHandover, StepResult, StepClose, StepReopen:
	default:
		return 0, fmt.Errorf("add case step: %w", ErrStepNotByHand)
	}
	if s.At.After(db.now()) {
		return 0, fmt.Errorf("add case step: %w", &FieldError{Field: "at", Err: ErrTimeInFuture})
	}
	var id int64
	err := db.write(ctx, "add case step", func(tx *sql.Tx) error {
		var err error
		id, err = db.addStep(ctx, tx, s)
		return err
	})
	return id, err
}

// addStep appends a step inside a transaction, after checking it against
// the case as it stands in that transaction.
func (db *DB) addStep(ctx context.Context, tx *sql.Tx, s CaseStep) (int64, error) {
	if s.RecordedBy == "" {
		s.RecordedBy = OperatorFrom(ctx).Name
	}
	if err := s.normalize(db.now()); err != nil {
		return 0, err
	}
	var opened, last string
	var open bool
	err := tx.QueryRowContext(ctx, `SELECT c.opened_at, o.case_id IS NOT NULL,
			coalesce((SELECT max(at) FROM case_steps WHERE case_id = c.id), c.opened_at)
		FROM cases c LEFT JOIN open_cases o ON o.case_id = c.id WHERE c.id = ?`, s.CaseID).Scan(&opened, &open, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, err
	}
	switch {
	case s.Kind == StepReopen && open:
		return 0, ErrCaseNotClosed
	case s.Kind != StepReopen && !open:
		return 0, ErrCaseClosed
	case s.At.Before(parseTime(opened)):
		return 0, &FieldError{Field: "at", Err: ErrBeforeCase}
	case (s.Kind == StepClose || s.Kind == StepReopen) && s.At.Before(parseTime(last)):
		return 0, &FieldError{Field: "at", Err: ErrBeforeLastStep}
	}
	var celsius any
	if s.Kind == StepFever {
		celsius = s.Celsius
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO case_steps (case_id, at, kind, celsius, unit, receiver, receiver_phone,
		result, note, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.CaseID, formatTime(s.At), string(s.Kind), celsius, string(s.Unit), s.Receiver, s.ReceiverPhone, string(s.Result),
		s.Note, s.RecordedBy, formatTime(db.now()))
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, db.audit(ctx, tx, ActAddCaseStep, "cases", s.CaseID, nil, s)
}

// guestCase is the open case a guest's stay belongs to: the one it began
// from, or one opened on them at the site; 0 when none is open.
func guestCase(ctx context.Context, tx *sql.Tx, guestID int64) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT o.case_id FROM open_cases o JOIN cases c ON c.id = o.case_id
		WHERE c.guest_id = ?1 OR c.id = (SELECT case_id FROM guests WHERE id = ?1)
		ORDER BY o.case_id DESC LIMIT 1`, guestID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// siteFinding follows up what a site found on a guest (a fever with its
// reading, a positive test): a step on the guest's open case, or a case
// of its own.
func (db *DB) siteFinding(ctx context.Context, tx *sql.Tx, guestID int64, at time.Time, kind StepKind, celsius float64) error {
	caseID, err := guestCase(ctx, tx, guestID)
	if err != nil {
		return err
	}
	if caseID != 0 {
		_, err := db.addStep(ctx, tx, CaseStep{CaseID: caseID, At: at, Kind: kind, Celsius: celsius})
		return err
	}
	c := Case{OpenedAt: at, Source: SiteFever, GuestID: guestID, Celsius: celsius}
	if kind == StepPositive {
		c.Source = SitePositive
	}
	var site, building, number string
	err = tx.QueryRowContext(ctx, `SELECT g.site_id, s.name, g.name, g.id_number, g.phone, g.came_from, r.building, r.number
		FROM guests g JOIN sites s ON s.id = g.site_id
		JOIN stays st ON st.id = (SELECT max(id) FROM stays WHERE guest_id = g.id)
		JOIN rooms r ON r.id = st.room_id WHERE g.id = ?`, guestID).
		Scan(&c.SiteID, &site, &c.Name, &c.IDNumber, &c.Phone, &c.CameFrom, &building, &number)
	if err != nil {
		return err
	}
	c.Place = site + " " + Room{Building: building, Number: number}.Label()
	_, err = db.openCase(ctx, tx, c)
	return err
}

// guestTransferred adds the result 转院 to the case of a guest taken to
// hospital from the site, if they have an open one.
func (db *DB) guestTransferred(ctx context.Context, tx *sql.Tx, guestID int64, at time.Time, note string) error {
	caseID, err := guestCase(ctx, tx, guestID)
	if err != nil || caseID == 0 {
		return err
	}
	_, err = db.addStep(ctx, tx, CaseStep{CaseID: caseID, At: at, Kind: StepResult, Result: ToHospital, Note: note})
	return err
}

// passageCase opens the case of a passage with a fever or handed over,
// in the transaction that registers it.
func (db *DB) passageCase(ctx context.Context, tx *sql.Tx, r Registration, post string) error {
	c := Case{OpenedAt: r.At, Source: CheckpointHandover, Place: post, CheckpointID: r.CheckpointID, RegistrationID: r.ID,
		Name: r.Name, IDNumber: r.IDNumber, Phone: r.Phone, Plate: r.Plate, CameFrom: r.CameFrom, Celsius: r.Celsius, What: r.Note}
	if r.Fever() {
		c.Source = CheckpointFever
	}
	_, err := db.openCase(ctx, tx, c)
	return err
}

// passageVoided settles the open case of a passage voided as a mistake,
// now (or at its last step, for a passage typed in ahead of the clock).
func (db *DB) passageVoided(ctx context.Context, tx *sql.Tx, registrationID int64, reason string) error {
	var caseID int64
	var last string
	err := tx.QueryRowContext(ctx, `SELECT o.case_id, o.last_step_at FROM cases c JOIN open_cases o ON o.case_id = c.id
		WHERE c.registration_id = ?`, registrationID).Scan(&caseID, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	at := db.now()
	if l := parseTime(last); l.After(at) {
		at = l
	}
	_, err = db.addStep(ctx, tx, CaseStep{CaseID: caseID, At: at, Kind: StepClose, Result: VoidedPassage, Note: reason})
	return err
}

const caseColumns = `c.id, c.opened_at, c.source, c.place, coalesce(c.checkpoint_id, 0), coalesce(c.registration_id, 0),
	coalesce(c.site_id, 0), coalesce(c.guest_id, 0), c.name, c.id_number, c.phone, c.plate, c.came_from,
	coalesce(c.celsius, 0), c.what, c.found_by, o.case_id IS NOT NULL`

func scanCase(row scanner, more ...any) (Case, error) {
	var c Case
	var opened, source string
	err := row.Scan(append([]any{&c.ID, &opened, &source, &c.Place, &c.CheckpointID, &c.RegistrationID, &c.SiteID, &c.GuestID,
		&c.Name, &c.IDNumber, &c.Phone, &c.Plate, &c.CameFrom, &c.Celsius, &c.What, &c.FoundBy, &c.Open}, more...)...)
	c.OpenedAt, c.Source = parseTime(opened), CaseSource(source)
	return c, err
}

// stepColumns read a step; a case without one (a list's outer join)
// reads as the zero step.
const stepColumns = `coalesce(s.id, 0), coalesce(s.case_id, 0), coalesce(s.at, ''), coalesce(s.kind, ''),
	coalesce(s.celsius, 0), coalesce(s.unit, ''), coalesce(s.receiver, ''), coalesce(s.receiver_phone, ''),
	coalesce(s.result, ''), coalesce(s.note, ''), coalesce(s.recorded_by, '')`

func stepFields(s *CaseStep, at, kind, unit, result *string) []any {
	return []any{&s.ID, &s.CaseID, at, kind, &s.Celsius, unit, &s.Receiver, &s.ReceiverPhone, result, &s.Note, &s.RecordedBy}
}

func scanStep(row scanner) (CaseStep, error) {
	var s CaseStep
	var at, kind, unit, result string
	err := row.Scan(stepFields(&s, &at, &kind, &unit, &result)...)
	s.fill(at, kind, unit, result)
	return s, err
}

func (s *CaseStep) fill(at, kind, unit, result string) {
	if at != "" {
		s.At = parseTime(at)
	}
	s.Kind, s.Unit, s.Result = StepKind(kind), HandoverUnit(unit), CaseResult(result)
}

// CaseWithSteps reads one case and every step taken on it, in time order.
func (db *DB) CaseWithSteps(ctx context.Context, id int64) (Case, []CaseStep, error) {
	c, err := scanCase(db.reader(ctx).QueryRowContext(ctx, "SELECT "+caseColumns+
		" FROM cases c LEFT JOIN open_cases o ON o.case_id = c.id WHERE c.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return c, nil, fmt.Errorf("read case %d: %w", id, err)
	}
	steps, err := queryAll(ctx, db, "read case steps", scanStep,
		"SELECT "+stepColumns+" FROM case_steps s WHERE s.case_id = ? ORDER BY s.at, s.id", id)
	if err != nil {
		return c, nil, err
	}
	c.LastStepAt = c.OpenedAt
	if len(steps) > 0 {
		c.LastStep = steps[len(steps)-1]
		c.LastStepAt = c.LastStep.At
	}
	return c, steps, nil
}

// CaseQuery filters the case list.
type CaseQuery struct {
	OpenOnly   bool
	From, Upto time.Time // opened in [From, Upto); zero: any
	Text       string    // name, plate, place, the last digits of an ID number, phone, case number
	Limit      int
}

// DefaultCaseOverdueHours is how long an open case may go without a step
// before it is chased first, unless set otherwise in 设置.
const DefaultCaseOverdueHours = 2

// CaseOverdue is how long an open case may go without a step.
func (db *DB) CaseOverdue(ctx context.Context) (time.Duration, error) {
	h, err := db.intSetting(ctx, "case_overdue_hours", DefaultCaseOverdueHours)
	return time.Duration(h) * time.Hour, err
}

// SaveCaseOverdueHours sets how long an open case may go without a step:
// 1 to 72 hours.
func (db *DB) SaveCaseOverdueHours(ctx context.Context, hours int) error {
	if hours < 1 || hours > 72 {
		return fmt.Errorf("save case overdue: %w", &FieldError{Field: "overdue_hours", Err: ErrCaseOverdueHours})
	}
	old, err := db.CaseOverdue(ctx)
	if err != nil {
		return err
	}
	return db.write(ctx, "save case overdue", func(tx *sql.Tx) error {
		if err := db.audit(ctx, tx, ActSaveCaseOverdue, "settings", 0, int(old.Hours()), hours); err != nil {
			return err
		}
		return setSetting(ctx, tx, "case_overdue_hours", strconv.Itoa(hours))
	})
}

// Cases lists cases matching q: those overdue first (the longest without
// a step at the top), then the newest first.
func (db *DB) Cases(ctx context.Context, q CaseQuery) ([]Case, error) {
	limit, err := db.CaseOverdue(ctx)
	if err != nil {
		return nil, err
	}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "?" + strconv.Itoa(len(args))
	}
	cutoff := arg(formatTime(db.now().Add(-limit)))
	where := []string{"1 = 1"}
	from := "cases c LEFT JOIN open_cases o ON o.case_id = c.id"
	if q.OpenOnly {
		from = "open_cases o JOIN cases c ON c.id = o.case_id"
	}
	if !q.From.IsZero() {
		where = append(where, "c.opened_at >= "+arg(formatTime(q.From)))
	}
	if !q.Upto.IsZero() {
		where = append(where, "c.opened_at < "+arg(formatTime(q.Upto)))
	}
	if text := clean(q.Text); text != "" {
		digits := strings.ToUpper(halfWidth(text))
		like := arg("%" + escapeLike(text) + "%")
		caseNo, _ := strconv.ParseInt(digits, 10, 64)
		where = append(where, `(c.name LIKE `+like+` ESCAPE '\' OR c.plate LIKE `+like+` ESCAPE '\'
			OR c.place LIKE `+like+` ESCAPE '\' OR c.what LIKE `+like+` ESCAPE '\'
			OR (c.id_reversed != '' AND c.id_reversed >= `+arg(reverse(digits))+` AND c.id_reversed < `+arg(reverse(digits)+"\xff")+`)
			OR (c.phone != '' AND c.phone LIKE `+arg("%"+escapeLike(digits)+"%")+` ESCAPE '\') OR c.id = `+arg(caseNo)+`)`)
	}
	if q.Limit == 0 {
		q.Limit = 5000
	}
	rows, err := db.reader(ctx).QueryContext(ctx, `SELECT `+caseColumns+`, coalesce(o.last_step_at, ''), `+stepColumns+`
		FROM `+from+`
		LEFT JOIN case_steps s ON s.id = (SELECT id FROM case_steps WHERE case_id = c.id ORDER BY at DESC, id DESC LIMIT 1)
		WHERE `+strings.Join(where, " AND ")+`
		ORDER BY (o.last_step_at IS NOT NULL AND o.last_step_at < `+cutoff+`) DESC,
			CASE WHEN o.last_step_at < `+cutoff+` THEN o.last_step_at END, c.opened_at DESC, c.id DESC
		LIMIT `+arg(q.Limit), args...)
	list, err := collect(rows, err, scanListedCase)
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	return list, nil
}

// scanListedCase reads a case with its latest step, as lists show it.
func scanListedCase(row scanner) (Case, error) {
	var last, at, kind, unit, result string
	var s CaseStep
	c, err := scanCase(row, append([]any{&last}, stepFields(&s, &at, &kind, &unit, &result)...)...)
	if err != nil {
		return c, err
	}
	s.fill(at, kind, unit, result)
	c.LastStepAt = c.OpenedAt
	if s.ID != 0 {
		c.LastStep, c.LastStepAt = s, s.At
	}
	if last != "" {
		c.LastStepAt = parseTime(last)
	}
	return c, nil
}

// OpenCaseSummary is what 总览 shows of the cases open now: how many, how
// many overdue, the oldest, and the first few to chase.
type OpenCaseSummary struct {
	Open, Overdue int
	Oldest        time.Time // when the longest-open case was found; zero when none
	First         []Case    // overdue first, then the newest
	Limit         time.Duration
}

// OpenCasesNow summarises the cases open now, with the first n to chase.
func (db *DB) OpenCasesNow(ctx context.Context, n int) (OpenCaseSummary, error) {
	var s OpenCaseSummary
	var err error
	if s.Limit, err = db.CaseOverdue(ctx); err != nil {
		return s, err
	}
	var oldest sql.NullString
	err = db.reader(ctx).QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE o.last_step_at < ?),
			min(c.opened_at) FROM open_cases o JOIN cases c ON c.id = o.case_id`,
		formatTime(db.now().Add(-s.Limit))).Scan(&s.Open, &s.Overdue, &oldest)
	if err != nil {
		return s, fmt.Errorf("open cases: %w", err)
	}
	if oldest.Valid {
		s.Oldest = parseTime(oldest.String)
	}
	if n > 0 && s.Open > 0 {
		s.First, err = db.Cases(ctx, CaseQuery{OpenOnly: true, Limit: n})
	}
	return s, err
}

// CaseFigures are a day's cases for the report: found that day, settled
// that day (and still settled at its end), and open at its end.
type CaseFigures struct {
	Opened, Closed, Open int
}

// caseFigures counts the cases of day up to the moment state (the day's
// end, or earlier for a day still running). A case's state at a moment is
// its latest closing or reopening before it: only cases open now or
// changed since need their steps read.
//
// The candidates' states are worked out once (MATERIALIZED): left to
// itself, SQLite 3.54 folds them into the last count and walks every case
// ever found instead.
func (db *DB) caseFigures(ctx context.Context, day, state time.Time) (CaseFigures, error) {
	var f CaseFigures
	err := db.reader(ctx).QueryRowContext(ctx, `WITH
		changed AS (SELECT DISTINCT case_id FROM case_steps WHERE kind IN (?3, ?4) AND at > ?2),
		candidates AS (SELECT case_id FROM open_cases UNION SELECT case_id FROM changed),
		states AS MATERIALIZED (SELECT c.id,
				(SELECT kind FROM case_steps s WHERE s.case_id = c.id AND s.kind IN (?3, ?4) AND s.at <= ?2
					ORDER BY s.at DESC, s.id DESC LIMIT 1) AS last
			FROM candidates k JOIN cases c ON c.id = k.case_id WHERE c.opened_at <= ?2),
		open AS MATERIALIZED (SELECT id FROM states WHERE last IS NULL OR last = ?4)
		SELECT
			(SELECT count(*) FROM cases WHERE opened_at >= ?1 AND opened_at <= ?2),
			(SELECT count(DISTINCT s.case_id) FROM case_steps s WHERE s.kind = ?3 AND s.at >= ?1 AND s.at <= ?2
				AND s.case_id NOT IN (SELECT id FROM open)),
			(SELECT count(*) FROM open)`,
		formatTime(day), formatTime(state), string(StepClose), string(StepReopen)).Scan(&f.Opened, &f.Closed, &f.Open)
	if err != nil {
		return f, fmt.Errorf("case figures: %w", err)
	}
	return f, nil
}

// CaseStory is a case with the steps taken on it up to a moment, for the
// day's 重要情况.
type CaseStory struct {
	Case
	Steps []CaseStep
}

// DayCases are the cases of a day as recorded now, up to where its
// figures stop: found that day, or with a step that day, or still open at
// its end; each with its steps up to then, in time order, and Open as it
// stood then.
func (db *DB) DayCases(ctx context.Context, day time.Time) ([]CaseStory, error) {
	day = StartOfDay(day)
	_, state := dayBounds(day, db.now())
	from, to := formatTime(day), formatTime(state)
	cases, err := queryAll(ctx, db, "day's cases", func(row scanner) (Case, error) { return scanCase(row) },
		`SELECT `+caseColumns+` FROM cases c LEFT JOIN open_cases o ON o.case_id = c.id
		WHERE c.opened_at <= ?2 AND (c.opened_at >= ?1
			OR c.id IN (SELECT case_id FROM case_steps WHERE at >= ?1 AND at <= ?2)
			OR c.id IN (SELECT case_id FROM open_cases)
			OR c.id IN (SELECT case_id FROM case_steps WHERE kind IN (?3, ?4) AND at > ?2))
		ORDER BY c.opened_at, c.id`, from, to, string(StepClose), string(StepReopen))
	if err != nil || len(cases) == 0 {
		return nil, err
	}
	ids := make([]string, len(cases))
	for i, c := range cases {
		ids[i] = strconv.FormatInt(c.ID, 10)
	}
	steps, err := queryAll(ctx, db, "day's case steps", scanStep, "SELECT "+stepColumns+
		" FROM case_steps s WHERE s.at <= ? AND s.case_id IN ("+strings.Join(ids, ",")+") ORDER BY s.at, s.id", to)
	if err != nil {
		return nil, err
	}
	byCase := map[int64][]CaseStep{}
	for _, s := range steps {
		byCase[s.CaseID] = append(byCase[s.CaseID], s)
	}
	var out []CaseStory
	for _, c := range cases {
		st := CaseStory{Case: c, Steps: byCase[c.ID]}
		st.Open, st.LastStepAt = true, c.OpenedAt
		for _, s := range st.Steps {
			switch s.Kind {
			case StepClose:
				st.Open = false
			case StepReopen:
				st.Open = true
			}
			st.LastStep, st.LastStepAt = s, s.At
		}
		// A case settled before the day with nothing done on it that day
		// is not the day's news.
		if !st.Open && c.OpenedAt.Before(day) && st.LastStepAt.Before(day) {
			continue
		}
		out = append(out, st)
	}
	return out, nil
}
