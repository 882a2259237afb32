// 国际化 (internationalisation): a payment service whose source lives in a directory
// with Chinese characters, with pprof labels, trace tasks, regions and logs in Chinese
// (simplified and traditional) and Japanese, so every string the runtime records comes
// back in those scripts. The planted leak: each order starts a goroutine that waits for
// the bank's reply on a channel nobody ever sends on; 12 of them stay blocked in
// "chan receive" inside an open region. The Japanese inventory checks finish normally.
package main

import (
	"context"
	"fmt"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"

	"samples/internal/sample"
)

// EXPECT: program

const 订单数 = 12

// 等待银行回复 ("wait for the bank's reply") blocks forever: nobody sends on reply.
func 等待银行回复(ctx context.Context, 订单 int, reply <-chan string) {
	trace.Log(ctx, "支付", fmt.Sprintf("订单 %d：等待银行回复", 订单))
	region := trace.StartRegion(ctx, "等待银行回复")
	<-reply // EXPECT: block group=bank count=12 reason="chan receive"
	region.End()
}

// 处理订单 ("process orders") starts one waiter per order under the payment labels. The
// labels are set on this goroutine (not with pprof.Do's closure) so that the go statement
// is in 处理订单 itself; goroutines it creates inherit them.
//
//go:noinline
func 处理订单(ctx context.Context) {
	ctx, task := trace.NewTask(ctx, "处理订单")
	defer task.End()
	ctx = pprof.WithLabels(ctx, pprof.Labels("服务", "支付网关", "地域", "上海"))
	pprof.SetGoroutineLabels(ctx)
	defer pprof.SetGoroutineLabels(context.Background())
	reply := make(chan string)
	for i := 1; i <= 订单数; i++ {
		go 等待银行回复(ctx, i, reply) // EXPECT: go group=bank
	}
	// Bug: the reply channel is dropped (think: a timeout path), nobody sends.
	trace.Log(ctx, "支付", "已提交全部訂單（處理中）")
}

// 在庫確認 ("inventory check", Japanese) runs and returns: healthy goroutines.
func 在庫確認(ctx context.Context, wg *sync.WaitGroup) {
	ctx, task := trace.NewTask(ctx, "注文処理")
	defer task.End()
	labels := pprof.Labels("サービス", "在庫", "地域", "東京")
	pprof.Do(ctx, labels, func(ctx context.Context) {
		for i := 1; i <= 3; i++ {
			wg.Add(1)
			go func(n int) {
				defer wg.Done()
				trace.WithRegion(ctx, "データベース照会", func() {
					time.Sleep(5 * time.Millisecond)
				})
				trace.Log(ctx, "ログ", fmt.Sprintf("倉庫 %d：在庫を確認しました", n))
			}(i)
		}
	})
}

func main() {
	run := sample.Start()
	ctx := context.Background()
	var wg sync.WaitGroup
	在庫確認(ctx, &wg)
	处理订单(ctx)
	wg.Wait()
	sample.WaitBlocked("main.等待银行回复", 订单数)
	sample.Busy(2 * time.Second)
	run.Finish()
}
