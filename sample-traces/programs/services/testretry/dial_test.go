package testretry

import (
	"testing"
	"time"
)

// The suite interleaves 30 tests that call t.Parallel, and so wait until every serial test
// is done, with 30 serial ones of 50 ms: the parallel tests are made by T.Run over the
// whole run and all wait at its end, as a big suite's do. TestDialRetry, last, retries for
// 30 s, past go test's -timeout: the suite times out in it, asleep between two attempts.

func TestParallel00(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial00(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel01(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial01(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel02(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial02(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel03(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial03(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel04(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial04(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel05(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial05(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel06(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial06(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel07(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial07(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel08(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial08(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel09(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial09(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel10(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial10(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel11(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial11(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel12(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial12(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel13(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial13(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel14(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial14(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel15(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial15(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel16(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial16(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel17(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial17(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel18(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial18(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel19(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial19(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel20(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial20(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel21(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial21(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel22(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial22(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel23(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial23(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel24(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial24(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel25(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial25(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel26(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial26(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel27(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial27(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel28(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial28(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestParallel29(t *testing.T) {
	t.Parallel()
	time.Sleep(time.Millisecond)
}

func TestSerial29(t *testing.T) { time.Sleep(50 * time.Millisecond) }

func TestDialRetry(t *testing.T) {
	if err := DialWithRetry(time.Now().Add(30*time.Second), 15*time.Millisecond); err == nil {
		t.Fatal("the service answered")
	}
}
