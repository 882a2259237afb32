// Package memdb is a database/sql driver kept in memory: every query answers the same few
// rows of one integer column. It opens no sockets and starts no goroutines of its own, so
// every goroutine a dump shows beside the program's is database/sql's.
package memdb

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
)

// Rows is how many rows every query answers.
const Rows = 3

func init() { sql.Register("memdb", drv{}) }

type drv struct{}

func (drv) Open(string) (driver.Conn, error) { return &conn{}, nil }

type conn struct{}

func (*conn) Prepare(string) (driver.Stmt, error) { return stmt{}, nil }
func (*conn) Close() error                        { return nil }
func (*conn) Begin() (driver.Tx, error)           { return nil, errors.New("memdb: no transactions") }

type stmt struct{}

func (stmt) Close() error  { return nil }
func (stmt) NumInput() int { return -1 }
func (stmt) Exec([]driver.Value) (driver.Result, error) {
	return driver.RowsAffected(0), nil
}
func (stmt) Query([]driver.Value) (driver.Rows, error) { return &rows{}, nil }

type rows struct{ next int }

func (*rows) Columns() []string { return []string{"n"} }
func (*rows) Close() error      { return nil }
func (r *rows) Next(dest []driver.Value) error {
	if r.next >= Rows {
		return io.EOF
	}
	r.next++
	dest[0] = int64(r.next)
	return nil
}
