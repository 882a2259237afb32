// sqlpool: database/sql with an in-memory driver (memdb), three shapes by -mode:
//   - shared: one *sql.DB for every request, as services hold it: its connectionOpener
//     (one per DB, started by sql.Open) and connectionCleaner (started once connections
//     have an idle limit) wait the DB's whole life. Healthy: nothing to report.
//   - openleak: sql.Open per request, never closed: a connectionOpener per request piles up,
//     created by database/sql.OpenDB under the program's sql.Open (marked caller).
//   - rowsleak: SetMaxOpenConns(2) and rows never closed: the two connections stay taken
//     and every later request waits in database/sql.(*DB).conn under its Query (marked
//     blocked; the goroutines are made at the line marked created).
//
// Writes PREFIX.trace, the debug=1 and debug=2 goroutine dumps and the goroutine profile of
// the moment it stops.
package main

import (
	"database/sql"
	"flag"
	"sync"
	"time"

	"services/internal/capture"
	_ "services/sqlpool/memdb"
)

const (
	requests = 16
	maxOpen  = 2
)

var mode = flag.String("mode", "shared", "shared, openleak or rowsleak")

// sum reads every row of a query and closes it.
func sum(db *sql.DB) int64 {
	rows, err := db.Query("SELECT n")
	capture.Check(err)
	defer rows.Close()
	var total int64
	for rows.Next() {
		var n int64
		capture.Check(rows.Scan(&n))
		total += n
	}
	return total
}

// openPerRequest opens a DB for one request and forgets it.
func openPerRequest() int64 {
	db, err := sql.Open("memdb", "") // EXPECT: caller
	capture.Check(err)
	return sum(db)
}

// firstRow reads one row and returns, leaving the rows (and their connection) taken.
func firstRow(db *sql.DB) int64 {
	rows, err := db.Query("SELECT n") // EXPECT: blocked
	capture.Check(err)
	var n int64
	if rows.Next() {
		capture.Check(rows.Scan(&n))
	}
	return n
}

func main() {
	stop := capture.StartAll("sqlpool")
	shared, err := sql.Open("memdb", "")
	capture.Check(err)
	sum(shared)
	shared.SetConnMaxIdleTime(time.Minute)
	shared.SetMaxOpenConns(maxOpen)
	var wg sync.WaitGroup
	for i := 0; i < requests; i++ {
		switch *mode {
		case "shared":
			wg.Add(1)
			go func() { defer wg.Done(); sum(shared) }()
		case "openleak":
			wg.Add(1)
			go func() { defer wg.Done(); openPerRequest() }()
		case "rowsleak":
			go firstRow(shared) // EXPECT: created
		}
		time.Sleep(50 * time.Millisecond)
	}
	wg.Wait()
	time.Sleep(300 * time.Millisecond)
	stop()
}
