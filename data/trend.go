package data

// Measure is a figure followed day by day across the townships (趋势).
type Measure int

const (
	MeasureInIsolation   Measure = iota // 在隔离人数
	MeasureVacantRooms                  // 空闲房间
	MeasureRegistrations                // 卡口登记人次
	MeasureFevers                       // 发热: at checkpoints and sites
	MeasureDaysOfSupply                 // 可用天数 of one key item
)

// Measures lists them in the order a screen offers them.
var Measures = []Measure{MeasureInIsolation, MeasureVacantRooms, MeasureRegistrations, MeasureFevers, MeasureDaysOfSupply}

// TrendValue is a measure on one day: Known is false where the township
// did not report, or (days of supply) nothing was used.
type TrendValue struct {
	Value float64
	Known bool
}

// Trend is a measure per township and in total, day by day.
type Trend struct {
	Days      []CountyDay
	Townships []Township
	Rows      [][]TrendValue // per township, per day
	Total     []TrendValue   // per day, over the townships that reported
	Missing   []int          // per day, the townships expected that did not report: the total is short of them
}

// TrendOf follows a measure over days (item names the key item for days
// of supply). A township is a row when it was expected or reported on
// any of the days.
func TrendOf(days []CountyDay, m Measure, item string) Trend {
	tr := Trend{Days: days}
	row := map[int64]int{}
	for _, d := range days {
		for _, t := range d.Townships {
			if _, ok := row[t.Township.ID]; !ok {
				row[t.Township.ID] = len(tr.Townships)
				tr.Townships = append(tr.Townships, t.Township)
			}
		}
	}
	tr.Rows = make([][]TrendValue, len(tr.Townships))
	for i := range tr.Rows {
		tr.Rows[i] = make([]TrendValue, len(days))
	}
	for j, d := range days {
		var sum CountyItem
		var total TrendValue
		for _, t := range d.Townships {
			if t.Status == NotReported {
				continue
			}
			v := TrendValue{Known: true}
			s := t.Report
			switch m {
			case MeasureInIsolation:
				v.Value = float64(s.Isolation().InIsolation)
			case MeasureVacantRooms:
				v.Value = float64(s.Isolation().Vacant)
			case MeasureRegistrations:
				v.Value = float64(s.PostsTotal.People)
			case MeasureFevers:
				v.Value = float64(s.PostsTotal.Fevers + s.Isolation().Fevers)
			case MeasureDaysOfSupply:
				v.Known = false
				for _, it := range s.Items {
					if it.Item == item {
						sum.OnHand += it.OnHand
						sum.DailyUse += it.DailyUse
						if it.DaysLeft >= 0 {
							v = TrendValue{Value: it.DaysLeft, Known: true}
						}
					}
				}
			}
			tr.Rows[row[t.Township.ID]][j] = v
			if v.Known {
				total.Value += v.Value
				total.Known = true
			}
		}
		if m == MeasureDaysOfSupply {
			total = TrendValue{Value: sum.DaysLeft(), Known: sum.DailyUse > 0}
		}
		tr.Total = append(tr.Total, total)
		tr.Missing = append(tr.Missing, len(d.Missing()))
	}
	return tr
}
