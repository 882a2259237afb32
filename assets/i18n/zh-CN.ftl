# goroscope 的简体中文消息（Project Fluent）。Go 自己的术语（goroutine、chan receive、GC、STW、
# running、runnable、waiting、syscall、等待原因、pprof 的 flat/cum）保持 Go 打印的原样。
# 数字由 `units` 格式化后传入（$count、$duration……）；$n 只用于选择复数形式。

## 菜单与命令
menu-file = 文件
menu-view = 视图
menu-settings = 设置
menu-help = 帮助
menu-recent = 最近打开
menu-recent-none = 暂无
menu-editor-command = 编辑器命令（{"{"}file{"}"}、{"{"}line{"}"}）：
menu-editor-command-name = 编辑器命令
settings-language = 语言
settings-language-system = 跟随系统（{ $name }）
settings-clock = 挂钟时间
settings-clock-utc = 协调世界时（UTC）
settings-clock-local = 本地时间（{ $zone }）
cmd-open = 打开…
cmd-open-help = 打开跟踪文件
cmd-close-file = 关闭
cmd-close-file-help = 关闭文件
cmd-zoom-in = 放大
cmd-zoom-in-help = 以指针（或中心）为准放大
cmd-zoom-out = 缩小
cmd-zoom-out-help = 缩小时间线
cmd-pan-left = 向左平移
cmd-pan-left-help = 把窗口移向更早的时间
cmd-pan-right = 向右平移
cmd-pan-right-help = 把窗口移向更晚的时间
cmd-fit-selection = 适应所选
cmd-fit-selection-help = 缩放到所选的时间范围、goroutine 或分组
cmd-show-all = 显示全部
cmd-show-all-help = 显示整个跟踪
cmd-back = 后退
cmd-back-help = 回到上一个视图
cmd-toggle-procs = 处理器通道
cmd-toggle-procs-help = 显示或隐藏每个处理器（P）的通道
cmd-toggle-theme = 浅色/深色主题
cmd-toggle-theme-help = 在浅色与深色之间切换
cmd-clear-selection = 清除选择
cmd-clear-selection-help = 清除所选的 goroutine 和时间范围
cmd-show-shortcuts = 键盘快捷键
cmd-show-shortcuts-help = 列出所有快捷键
gesture-ctrl-wheel = Ctrl+滚轮
gesture-ctrl-wheel-help = 以指针为中心缩放
gesture-wheel = 滚轮
gesture-wheel-help = 滚动 goroutine 行
gesture-drag = 拖动
gesture-drag-help = 平移
gesture-shift-drag = Shift+拖动
gesture-shift-drag-help = 选择时间范围（摘要显示在检查器中）
gesture-click-span = 单击区段
gesture-click-span-help = 选择该 goroutine 和区段
gesture-click-group = 单击分组
gesture-click-group-help = 展开或折叠分组
dialog-open-title = 打开 Go 跟踪文件

## 打开文件
welcome-drop = 把 Go 执行跟踪、goroutine 转储、pprof 剖析文件或 GC 日志拖到这里，或按 Ctrl+O。
loading-file = 正在加载 { $file }
window-opening = 正在打开
button-cancel = 取消
button-dismiss = 关闭提示
error-cannot-open = 无法打开 { $file }
error-cannot-start = 无法开始加载：{ $error }
error-at-byte = 位于第 { $offset } 字节（{ $hex }）
notice-cancelled = 已取消加载 { $file }
notice-editor-failed = 无法运行编辑器命令 { $command }：{ $error }

## 状态栏
status-dump = goroutine 转储，{ $count } 个 goroutine
status-profile = pprof 剖析（{ $types }），{ $count } 个样本
status-gctrace = gctrace 日志
status-memstats = MemStats 行
status-prometheus = Prometheus 导出
status-gc-cycles = { $what }，{ $count } 次 GC
status-trace = 跟踪格式 { $version }
status-long = 时长 { $duration }
status-started = 开始于 { $time }
status-events = { $count } 个事件
status-goroutines = { $count } 个 goroutine
status-warnings = { $count } 条警告
status-warnings-help = 列出警告
status-loaded-in = 加载耗时 { $duration }
window-warnings = 警告

## 过滤与嫌疑
filter-title = 过滤
filter-hint = ID、函数、位置、state:waiting、blocked>1s
filter-help = 所有词都必须匹配。数字匹配 goroutine ID；state:running|runnable|waiting|syscall|exited 匹配结束时的状态；blocked>1s 匹配最后一次等待的时长；Go 原文的等待原因（chan send、select、reason:sync）匹配最后一次等待的原因；其他词匹配函数或文件:行号。
filter-name = 过滤 goroutine
filter-clear = 清除过滤
filter-shown = 显示 { $shown } / { $total } 个 goroutine
suspects-title = 嫌疑分组（{ $n }）
suspects-none = 没有卡住的 goroutine 分组：每个 goroutine 都被唤醒、已退出，或按设计休眠。
suspects-none-not-judged = 没有嫌疑分组，但也不代表一切正常：有 goroutine 在程序代码中等待，仅凭一个时刻无法判断（见下方）。
not-judged-title = 未判定（{ $count } 个 goroutine）
not-judged-why-dump = 同一栈中不足 10 个且没有等待分钟数：仅凭一个时刻无法区分泄漏、进行中的工作和任务之间空闲的池。几分钟后再取一次转储（等待时间会显示分钟数）或一份 trace 可以分辨。
not-judged-why-dump-in-flight = 同一栈中不足 10 个，或是按 goroutine id 可以定位的一群（进行中的工作，或很久以前就已存在），且没有等待分钟数：仅凭一个时刻无法区分泄漏、进行中的工作和任务之间空闲的池。几分钟后再取一次转储（等待时间会显示分钟数）或一份 trace 可以分辨。
not-judged-why-profile = 同一栈中不足 10 个，且 goroutine profile 不打印等待时间：仅凭一个时刻无法区分泄漏、进行中的工作和任务之间空闲的池。几分钟后的 debug=2 转储或一份 trace 可以分辨。
not-judged-why-trace = 早于 trace 开始、在整个 trace 期间一直等待、同一栈中不足 10 个：几秒钟无法区分泄漏和任务之间空闲的池。等待时间显示分钟数的 debug=2 转储可以分辨。
not-judged-entry = { $count } × { $reason }，位于 { $at }
not-judged-in-flight = （按其 id 判断为进行中的工作：它们是程序最新创建的 goroutine，同期创建的同样多的 goroutine 已经结束）
not-judged-standing = （按其 id 判断为常驻：很久以前一次性创建，此后创建又结束了许多 goroutine，它却没有增长）
not-judged-request-bodies = （HTTP 处理函数在读取请求体：正在上传的请求与客户端已停止发送的请求看起来一样；没有 http.Server.ReadTimeout 时，停住的那些会一直等下去）
not-judged-in-c = （在通过 cgo 调用的 C 函数 { $function } 中：Go 看不到 C 内部；阻塞在锁或无人唤醒的条件变量上的 C 库永远不会返回，看起来也一样）
suspects-none-in-part = 在已读取的部分中没有卡住的 goroutine 分组。
suspect-entry = #{ $rank } · { $count } × { $reason }{ $blocked }
    位于 { $at }
    创建于 { $site }
suspect-blocked = {" "}· 阻塞 { $time }
site-not-in-format = ？（此格式未记录；debug=2 转储会给出）
reason-not-recorded = 等待中（未记录原因）
site-unknown = 未知位置
site-main = 运行时（main goroutine）
site-runtime = 运行时（它自己的 goroutine）
site-scheduler = 调度器，无 go 语句（time.AfterFunc 回调）
site-before-trace = trace 开始之前的 go 语句（debug=2 转储会给出它）
where-unknown = 未记录
where-coroutine-switch = 被拉取序列的 yield（trace 不为协程切换记录栈）
where-not-traced = 在 { $func } 中的某处：此跟踪格式不为跟踪开始前就已阻塞的 goroutine 记录调用栈（同一时刻的 debug=2 转储会显示位置）
suspect-called-from = 调用自 { $site }
suspect-response-bodies = HTTP 客户端连接在等待响应体被读完或关闭：响应体从未关闭（defer resp.Body.Close()）
wait-under-a-minute = < 1 分钟
group-runtime = { $function }（运行时）
group-before-trace = { $function }（跟踪开始前）
group-by-scheduler = { $function }（由调度器启动）
group-no-stack =（未记录栈：早于跟踪开始）
row-coroutine = iter.Pull 协程

## 检查器
inspector-empty = 单击 goroutine、区段或嫌疑分组以查看详情。
inspector-suspect = 嫌疑 #{ $rank }：{ $count } 个 goroutine
inspector-goroutine-ids = goroutine 编号 { $ids }
goroutines-n = { $count } 个 goroutine
inspector-waiting-for = ，已等待 { $wait }
inspector-locked = 已锁定到一个操作系统线程
inspector-goroutine = goroutine { $id }
inspector-selected-span = 所选区段
inspector-at-end = 结束时
inspector-span = { $what }：{ $state }{ $reason }，持续 { $duration }
inspector-woken-by = 由 goroutine { $id } 唤醒
inspector-in-suspect = 属于嫌疑 #{ $rank }：{ $count } × { $reason }
inspector-spinning = 空转：在窗口中的 { $window } 里运行了 { $running }，运行或可运行占 { $share }%
inspector-spinning-at = 循环位置
inspector-wakeups-title = 唤醒
inspector-wakeups-none = 窗口内从未被唤醒
inspector-wakeups = 窗口内被唤醒 { $count } 次{ $runtime }
inspector-wakeups-runtime = ，其中 { $n } 次不是由 goroutine 唤醒（定时器、网络轮询器或运行时）
inspector-last-woken-by = 最后一次在 { $time }，由 goroutine { $id }（{ $function }）唤醒
inspector-last-woken-runtime = 最后一次在 { $time }，不是由 goroutine 唤醒（定时器、网络轮询器或运行时）
inspector-not-woken-since = 自 { $time } 起未被唤醒：结束时仍在等待
inspector-created = 创建
inspector-created-at = 于 { $time }
inspector-created-before = 在跟踪开始之前
inspector-created-by = 由 goroutine { $id }（{ $function }）创建
inspector-time-split = 时间分布
inspector-labels = 区域与日志
inspector-region = 区域“{ $name }”，{ $duration }
inspector-region-open = 区域“{ $name }”，自 { $time } 起未结束
inspector-task = 属于任务“{ $name }”
inspector-log = { $time } [{ $category }] { $message }
stack-blocking = 阻塞栈
stack-plain = 调用栈
stack-creation-site = 创建位置
stack-called-from = 调用自（触发此创建位置的程序代码）
stack-copy = 复制调用栈
stack-none = 没有记录调用栈
frame-copy = 复制
frame-copy-help = 复制这一帧
frame-open = 打开
frame-open-help = 在编辑器中打开
frame-open-name = 在编辑器中打开第 { $index } 帧
time-from-to = 从 { $from } 到 { $to }
range-title = 所选范围
range-summary = { $from } 至 { $to }（{ $length }），{ $count } 个 goroutine
range-top-stacks = 阻塞最久的调用栈
range-stack-waits = { $time }，共 { $count } 次等待
range-zoom = 缩放到该范围

## 时间线
family-network = 网络 I/O
family-forever = 永久阻塞
family-system = 系统
family-other = 其他等待
lane-stw = STW 停顿
legend-merged = 许多细小区段
lane-gc = { $n ->
    [0] GC（窗口内没有 GC）
   *[other] GC（{ $count } 次；下方为清扫）
}
lane-procs-deriving = 处理器
lane-procs-deriving-detail = 正在根据运行区段推导处理器通道…
rows-name = goroutine 行
rows-scrollbar = 滚动 goroutine 行
rows-spans = { $count } 个区段
rows-state-for = { $state }，持续 { $duration }
rows-reason = 原因：{ $reason }
rows-reason-family = 原因：{ $reason }（{ $family }）
rows-woken-by = 由 G{ $id } 唤醒
rows-merged-spans = { $duration } 内有 { $count } 个区段，放大可查看
ruler-name = 时间标尺
ruler-window = 窗口 { $width }
plot-heap = 堆
plot-heap-inuse = 使用中的堆
plot-heap-goal = 堆目标
plot-heap-label = 堆 { $heap } / 目标 { $goal }{ $at }
plot-at = （{ $time } 时）
plot-heap-no-goal = 无
plot-goroutines = goroutine 数
plot-goroutine-counts = goroutine 计数
plot-goroutines-label = goroutine { $total }（runnable { $runnable }，waiting { $waiting }）{ $at }

## goroutine 转储
views-show = 显示：
views-groups = goroutine 分组
views-flame = 火焰图
views-memory = 内存（{ $count } 次 GC）
views-nothing = 此文件没有可显示的内容。
dump-sigquit = SIGQUIT：进程收到 SIGQUIT（kill -QUIT、Ctrl+\）后按原样打印了所有 goroutine，随后退出
dump-title = goroutine 转储：{ $count } 个 goroutine
dump-profile-title = goroutine 剖析：{ $count } 个 goroutine
dump-grouping = 分组方式：
dump-exact = 完全相同
dump-exact-help = 状态、栈帧和参数值都相同
dump-similar = 相似
dump-similar-help = 状态和栈帧相同，参数值可以不同
dump-groups-shown = 显示 { $shown } / { $total } 个分组
dump-sort-by = 按{ $column }排序
dump-col-count = 数量
dump-col-state = 状态
dump-col-wait = 等待
dump-col-frame = 最上层用户帧
dump-col-created = 创建者
dump-row = 第 { $index } 组：{ $count } × { $state }，位于 { $site }
dump-no-state = （无状态）
dump-state-from-stack = { $reason }（由调用栈推断）

## 剖析
profile-title = 剖析
memstats-heap = 堆已分配 { $alloc }，使用中 { $inuse }
memstats-os = 向操作系统申请 { $sys }（已归还 { $released }）
memstats-next-gc = 下次 GC 于 { $goal }
memstats-cycles = { $count } 次 GC（{ $forced } 次强制）
memstats-gc-cpu = GC 占 CPU { $percent }
memstats-rss = 峰值 RSS { $rss }
memstats-explain = 写出该剖析时运行时对整个堆的统计（runtime.MemStats，打印在 debug=1 堆剖析之后）。剖析本身的数字是由样本估算的。
profile-sample-type = 样本类型：
profile-show-type = 显示 { $name }（{ $unit }）
profile-search-hint = 搜索函数
profile-search = 搜索函数名
profile-matches = { $count } 个函数匹配
profile-totals = 总计 { $total }，显示 { $shown }（{ $percent }）；省略 { $dropped } 个节点（cum <= { $cutoff }）
profile-collected = 采集于 { $time }
profile-top = 排名靠前的函数（{ $n }）
profile-col-name = 名称
profile-row = 第 { $index } 名：{ $name }
profile-highlight = 在火焰图中高亮，并显示它的调用者与被调用者
profile-default-empty = 此剖析中 { $empty } 为空（上次 GC 时没有仍在使用的内存）：改为显示 { $shown }
flame-no-samples = 没有这种类型的样本。
flame-name = { $kind } 的火焰图
flame-reset = 重置缩放
flame-all = 全部
flame-all-help = 缩小到全部样本
flame-root = 全部
flame-all-samples = 全部样本
flame-total = 总计 { $value }（占全部的 { $percent }）
flame-self = 自身 { $value }（占全部的 { $percent }）
flame-of-zoomed = 占缩放帧的 { $percent }
flame-depth = 深度 { $depth }；单击放大

## 内存（gctrace、MemStats）
mem-title = 内存
mem-source-gctrace = GODEBUG=gctrace=1 日志
mem-source-memstats = runtime.MemStats 行
mem-source-prometheus = Go 采集器的 Prometheus 导出
mem-from = 来自{ $source }：{ $count } 次 GC
mem-peak = 堆峰值 { $bytes }
mem-none = 此文件没有内存数据。
mem-x-line = MemStats 行号
mem-x-time = 程序启动以来的时间
mem-line = 第 { $line } 行
mem-heap-alloc = 已分配的堆
mem-heap-live = 存活的堆（已标记）
mem-heap-goal = 堆目标
mem-heap-inuse = 使用中的堆
mem-heap-sys = 堆占用的系统内存
mem-stacks = 使用中的栈
mem-sys = 系统内存（来自操作系统）
mem-gc-cycle = GC 周期
mem-curves = 内存曲线
mem-pauses = GC 暂停
mem-pause = 暂停
mem-pauses-title = GC 暂停（每个周期的 stop-the-world）：最长 { $longest }，总计 { $total }

# findings: heap growth on the memory view, goroutines from MemStats lines, the Findings panel
mem-x-time-first-scrape = 自第一次抓取以来的时间
mem-x-time-first-line = 自第一行以来的时间
mem-growth = 堆增长（GC 后的堆）
mem-thrashing = GC 抖动（目标钉在存活堆上）
mem-goroutines = goroutine 数
mem-goroutines-title = goroutine 数（与统计一同记录的 NumGoroutine）：最后一个快照为 { $n }
mem-goroutines-plot = goroutine 数随时间的变化
findings-title = 发现（{ $n }）
finding-spinning = { $count } 个空转：{ $share }% 的时间处于运行或可运行状态，循环位置 { $at }
finding-spinning-since = { $count } 个空转：自上次阻塞（窗口开始后 { $since }）以来 { $share }% 的时间处于运行或可运行状态，循环位置 { $at }
finding-spinning-no-poll = ；失去 CPU 处的栈中没有轮询（原子操作、select 的 default、Gosched、锁、时钟）：忙等一个普通变量是这样，做计算的循环也是这样（CPU 密集的工作，而不是等待）：看那一行代码即可分辨
finding-spinning-unknown = { $count } 个空转：{ $share }% 的时间处于运行或可运行状态；跟踪中没有记录它的代码（早于跟踪开始，只被异步抢占过）：goroutine 转储（debug=2）可以显示 goroutine { $ids } 在哪里循环
finding-heap-growth = GC 后的堆在 { $over } 内从 { $from } 增长到 { $to }（每秒 { $rate }，{ $cycles } 次 GC）
finding-goroutine-count = goroutine 在堆积：数量在 { $over } 内从 { $from } 增长到 { $to }，而 GC 后的堆没有增长：这些 goroutine 永不结束，除了栈几乎不占内存（goroutine 转储可显示它们在哪里等待）
finding-goroutine-count-stacks = goroutine 在堆积：数量在 { $over } 内从 { $from } 增长到 { $to }，而 GC 后的堆没有增长：这些 goroutine 永不结束，除了栈几乎不占内存，栈占用从 { $stack_from } 增长到 { $stack_to }（goroutine 转储可显示它们在哪里等待）
finding-goroutine-stacks = goroutine 在堆积：它们的栈在 { $over } 内从 { $from } 增长到 { $to }，而 GC 后的堆没有增长：这些 goroutine 永不结束，除了栈几乎不占内存（goroutine 转储可显示它们在哪里等待）
finding-goroutine-count-heap = goroutine 在堆积：数量在 { $over } 内从 { $from } 增长到 { $to }，GC 后的堆也随之从 { $heap_from } 增长到 { $heap_to }（每新增一个 goroutine 约 { $each }）：这些 goroutine 永不结束，并持有这些内存（goroutine 转储可显示它们在哪里等待，堆 profile 可显示它们持有什么）
finding-goroutine-stacks-heap = goroutine 在堆积：它们的栈在 { $over } 内从 { $from } 增长到 { $to }，GC 后的堆也随之从 { $heap_from } 增长到 { $heap_to }：这些 goroutine 永不结束，并持有这些内存（goroutine 转储可显示它们在哪里等待，堆 profile 可显示它们持有什么）
finding-heap-growth-goroutines = goroutine 数量随之从 { $from } 增长到 { $to }：goroutine 也在堆积（goroutine 转储可显示它们在哪里等待）
finding-heap-growth-stacks = goroutine 栈随之从 { $from } 增长到 { $to }：goroutine 也在堆积（goroutine 转储可显示它们在哪里等待）
finding-gc-thrashing = GC 抖动：在最后 { $over } 内，堆目标{ $above ->
    [0] 始终贴着存活堆
   *[other] 始终在存活堆的 { $above }% 以内
}（结束时存活 { $live }，目标 { $goal }）：{ $cycles } 次 GC（每秒 { $rate } 次）占用了 { $active }% 的时间；存活堆已触及的内存上限（GOMEMLIMIT）或过低的 GOGC 把目标钉住了
finding-deadlock = 死锁：运行时停止了程序，{ $count } 个 goroutine 全部阻塞，没有谁能再唤醒它们（"{ $message }"）。嫌疑列表给出每个 goroutine 等在哪里。
finding-deadlock-bubble = synctest 气泡死锁：{ $count } 个 goroutine 在气泡时钟停止时全部阻塞（"{ $message }"）。嫌疑列表给出每个 goroutine 等在哪里。
md-runtime-said = 运行时输出
finding-data-race = 数据竞争：竞争检测器报告了 { $count } 处竞争（WARNING: DATA RACE）：{ $sites }。这些访问之间没有任何同步（互斥锁、channel、sync/atomic），各自读到的值是未定义的。
finding-deadlock-undeclared = 运行时未报告的死锁：程序的全部 { $count } 个 goroutine 都阻塞在只有彼此才能解除的地方（channel 发送、锁、WaitGroup）；没有一个在运行、睡眠、等待网络、系统调用或计时器可能结束的接收。-race 构建从不报告死锁，存活的计时器（context 的截止时间）也会让运行时不报告。嫌疑列表给出每个 goroutine 等在哪里。
finding-deadlock-unseen = 死锁：运行时停止了阻塞的 goroutine（"{ $message }"），但此转储没有显示其中任何一个：GOTRACEBACK=all 会打印它们。
finding-deadlock-ring = 根源是一个加锁顺序环：{ $ring }，每个都在等下一个持有的互斥锁。
finding-lock-contention = 锁竞争：{ $at } 处的 { $lock } 平均随时有 { $waiters } 个 goroutine 在等待（{ $window } 内共等待 { $waited }，{ $goroutines } 个 goroutine 等待了 { $waits } 次）：持锁者的工作只能一个接一个地进行（锁内做了耗时的工作，或所有 goroutine 都需要的数据只有一把锁）
finding-gc-thrashing-cpu = ；GC 占用了 { $cpu }% 的 CPU（不含空闲标记）
finding-heap-retention = { $at } 持有 { $bytes }，占使用中堆的 { $share }%
finding-heap-retention-via = { $at } 持有 { $bytes }，占使用中堆的 { $share }%，由 { $inner } 分配
finding-heap-retention-lines = { $function }（{ $lines } 行，最多的在 { $at }）持有 { $bytes }，占使用中堆的 { $share }%
## 工作区与比较视图（ui 分支，issue 11）
kind-trace = Go 执行跟踪
kind-dump = goroutine 转储
kind-goroutine-profile = goroutine 剖析
kind-profile = { $kind } 剖析
kind-memory = GC 日志
error-nothing-to-show = 文件已加载，但其中没有本窗口能显示的内容。
rows-only-here = 仅此处有
inspector-not-in-file = 此文件中没有 goroutine { $id }。
inspector-compared-group = 比较的分组：此处 { $count } 个 goroutine
cmd-compare-with = 与…比较
cmd-compare-with-help = 在已打开的文件旁打开另一个文件进行比较
drop-title = 另一个文件
drop-question = 用 { $file } 替换当前文件，还是在旁边打开以进行比较？
drop-replace = 替换
drop-compare = 比较
browser-parent = 上级文件夹
browser-path = 路径
browser-open = 打开
browser-cannot-list = 无法列出此文件夹：{ $error }
dialog-compare-title = 与…比较
dialog-compare-first-title = 比较：第一个文件（之前）
start-compare = 比较…
start-compare-help = 并排打开两个文件：同一服务修复前后的跟踪、转储或剖析
compare-title = 正在比较 { $n } 个文件
compare-side-by-side = 并排
compare-stacked = 上下排列
compare-sync = 同步缩放和平移
compare-sync-help = 缩放或平移一个跟踪时其他跟踪随之移动（时间从各自跟踪的开始算起）
compare-side-panels = 嫌疑项与检查器
pane-close = 关闭 { $side }
compare-cannot = { $a } 与 { $b } 无法比较：请打开同类文件（跟踪、转储和 goroutine 剖析可互相比较；同类型的剖析；GC 日志）。
compare-tab-memory = 内存
compare-memory = 所比较文件的内存
compare-no-memory = 这些文件都没有堆曲线。
compare-memory-row = { $side }：GC 后的堆 { $first } → { $last }（第一次与最后一次 GC），峰值 { $peak }，{ $over } 内 { $cycles } 次 GC；发现：{ $findings }
compare-memory-grew = 结束时 GC 后的堆：{ $from } → { $to }：增长了（多出四分之一且至少 16 MiB）
compare-memory-rose = 结束时 GC 后的堆：{ $from } → { $to }：有所上升，但未达到堆增长的标准
compare-memory-flat = 结束时 GC 后的堆：{ $from } → { $to }：没有增长
compare-x-time = 从各文件开始算起的时间
compare-curve = { $side }：{ $what }（{ $file }）

## 可信的诊断（issue 12，trust 分支）
group-exited = { $group }（已退出）
inspector-exited-at = 退出于 { $time }
inspector-before-exit = 退出前最后一次运行
filter-error = 过滤未生效：{ $error }
suspect-names-lost = 名称随截断丢失（截断于第 { $byte } 字节）：按事件携带的栈 id 分组
suspect-lock-holder-same = 锁可能由 goroutine { $id } 持有 [{ $state }]：它也在同一函数中，且已越过它们等待之处，位于 { $at }
suspect-lock-holder-relocked = 锁可能由 goroutine { $id } 持有 [{ $state }]，而它自己在 { $at } 等待同一个互斥锁：除非它在那次调用前已解锁，否则它加锁了两次（sync.Mutex 不可重入），它和排在后面的 goroutine 都永远无法运行
suspect-lock-holder-sibling = 锁可能由 goroutine { $id } 持有 [{ $state }]：它在同一类型的另一个方法中，位于 { $at }
suspect-served-by = 由谁服务？goroutine { $id } [{ $state }]，在 { $owner } 的代码中，自己也在等待，位于 { $at }
suspect-holds-up = 阻塞了谁？{ $count } 个 goroutine 在 { $func } 中等待一个应由这段代码服务的通道；它自己在此等待，无法服务
suspect-lock-unheld = 锁由谁持有？没有存活的 goroutine：{ $owner } 各方法中的 goroutine 都在等待同一个互斥锁；加锁的那个可能未调用 Unlock 就返回了（提前返回、被 recover 的 panic）
suspect-lock-cycle = 死锁？加锁顺序死锁：{ $ring }；它们都永远无法运行
suspect-lock-cycle-behind = 死锁？它们排在一个加锁顺序死锁之后，等待其中持有的互斥锁：{ $ring }
suspect-lock-cycle-link = goroutine { $id } 持有 { $holds } 并等待 { $waits }
suspect-lock-cycle-same = 死锁？属于 #{ $rank } 的加锁顺序死锁
suspect-lock-cycle-behind-same = 死锁？它们排在 #{ $rank } 的加锁顺序死锁之后
suspect-moving = 仍在推进：同类中有 { $woken } 个在等待至多 { $longest } 后从此处被唤醒：是排在慢操作之后的队列，而非泄漏
suspect-piling = 持续堆积：{ $over } 内创建了 { $created } 个且仍存活，{ $n_ended ->
    [0] 同类中没有一个结束
   *[other] 同类中有 { $ended } 个结束
}
suspect-piling-restless = 每个都会醒来再等待，所以没有一个等待很久
suspect-labels = 标签 { $labels }
suspect-piling-outlived = 已结束的同类九成存活不超过 { $within }：这些远比它们活得久
suspect-piling-older = 另有 { $older } 个由同一 go 语句创建、在追踪开始前就已存在
suspect-confirmed = 已由运行时确认（goroutineleak 剖析）
suspect-confirmed-bubble = 已由运行时确认（testing/synctest：气泡死锁）
suspect-confirmed-marked = 已由运行时确认（转储中标记为 (leaked)）
suspect-confirmed-marked-some = 其中 { $marked } 个已由运行时确认（转储中标记为 (leaked)；其余是在上一次 GC 检查之后才阻塞的）
suspect-idle-connections = 也许只是空闲？正在读取网络连接：空闲的 keep-alive 连接在对端保持连接期间都会这样等待；只有对端已断开且读取没有截止时间时才是泄漏（排在其他嫌疑之后）
suspect-client-connections = 也许只是空闲？{ $idle } 个 HTTP 客户端连接空闲，没有请求在等它们：共享的 http.Transport 每个主机最多保留 MaxIdleConnsPerHost 个（默认 2 个，HTTP/2 下为 1 个）空闲连接并关闭其余的，所以这么多连接要么是每个请求新建了一个 Transport（它保留自己的连接却从不复用：应共享一个 Transport），要么是一个 Transport 连接了这么多主机，或是调高了 MaxIdleConnsPerHost 以保留它们的 Transport（排在其他嫌疑之后）
suspect-sleepers = 也许只是空闲？{ $count } 个 goroutine 睡在同一处 time.Sleep 调用：循环中没人停止的监视或轮询 goroutine（等待一个出错路径永远不会设置的标志，又没有 done 通道或 context）会一直这样，每次调用多一个，数量不断上升；等待延迟或重试退避的调用在某一时刻看起来也一样。相隔一分钟取两次转储，或在它们被创建之前就开始录 trace，就能分辨：人数增长即是泄漏（排在其他嫌疑之后）
suspect-worker-at-rest = 也许只是空闲？一个工作循环，先前曾从同一处等待中取到工作：在任务之间空闲，或在无人再发送时被遗留（排在其他嫌疑之后）
suspect-pool-grown-at-rest = 也许只是空闲？随负载增长的池（有工作时才启动新的工作者），其中 { $woken } 个先前曾从同一处等待中取到工作：在任务之间空闲，或在无人再发送时被遗留（排在其他嫌疑之后）
suspect-pool-at-rest = 也许只是空闲？一次性启动的池，其中 { $woken } 个先前曾从同一处等待中取到工作：在任务之间空闲，或在无人再发送时被遗留（排在其他嫌疑之后）
suspect-http-response-young = HTTP 请求在等待响应：可能是发往繁忙服务器、仍在处理中的请求；若几分钟后仍在，则是发送时没有超时（http.Client.Timeout 或 context 截止时间），而服务器不会回应
suspect-http-response = HTTP 请求在等待响应：发送时没有超时（http.Client.Timeout 或 context 截止时间），而服务器一直未回应
suspect-stalled-tls = 对端始终不完成的 TLS 握手（不发送 ClientHello 的客户端、从不应答的服务器）：没有截止时间（Handshake 前的 SetDeadline、tls.Dialer.Timeout、http.Server.ReadHeaderTimeout）时，只要对端保持连接，每个连接就一直占用一个连接和一个 goroutine
suspect-stalled-headers = HTTP 服务器连接在等待请求头的其余部分，而客户端已停止发送（慢速或 Slowloris 客户端）：没有 http.Server.ReadHeaderTimeout 时，只要客户端保持连接，每个连接就一直占用一个连接和一个 goroutine
suspect-stalled-body = HTTP 处理函数在读取客户端已停止发送的请求体：没有 http.Server.ReadTimeout（或通过 http.ResponseController 设置的读取截止时间）时，只要客户端保持连接，每个处理函数就一直占用一个连接和一个 goroutine
suspect-db-connection = database/sql 请求在等待连接：连接池已打开允许的全部连接（SetMaxOpenConns）且都被占用：若始终没有连接被归还，是未关闭的 rows、语句、事务或 *sql.Conn（`defer rows.Close()`）占着它们，否则是慢查询
suspect-pipe-write = io.Pipe 的写方在等待读方：读的一侧不再读取，却没有关闭管道
suspect-library-resident = 标准库为它创建的每个对象保留一个这样的 goroutine（{ $creator } 每次都会启动一个）：数量这么多，说明对象被反复创建却从未关闭
suspect-pipe-read = io.Pipe 的读方在等待写方：写的一侧不再写入，却没有关闭管道
suspect-file-lock = 阻塞在内核中等待文件锁（flock、fcntl F_SETLKW），而持锁方始终不释放：另一个进程，或本进程仍打开着的某个文件描述符（锁属于打开的文件，所以进程也会等待自己持有的锁）。每个等待者在阻塞期间都占用一个操作系统线程
suspect-stalled-finalizers = finalizer goroutine 阻塞在 { $func } 中：Go 在这一个 goroutine 上依次运行所有 finalizer，它不返回，其他 finalizer 就都不会运行，等待 finalizer 的每个对象连同它引用的一切都留在堆上。finalizer 不能阻塞：把耗时的工作交给另一个 goroutine
suspect-stalled-cleanups = 一个 cleanup goroutine 阻塞在 { $func } 中：排在它后面的 cleanup 都在等待，它们本该释放的资源（文件、连接、Go 堆之外的内存）一直被占用。cleanup 不能阻塞：把耗时的工作交给另一个 goroutine
suspect-pull-not-stopped = 从未调用 stop 的 iter.Pull：这些协程停在序列的 yield 中，等待永远不会到来的 next 或 stop（调用方提前返回；在 iter.Pull 之后 defer stop() 即可结束它们）
suspect-context-watch = context 包为监视一个不是其自身类型的父 context（程序或框架自己实现的 Context）而启动的 goroutine：每个 WithCancel、WithTimeout 或 WithDeadline 派生的子 context 一个，只有子 context 被取消或父 context 结束时才会退出。这些子 context 的 cancel 函数从未被调用（紧接着 defer cancel()；go vet 的 lostcancel 检查能找出这些调用）
suspect-dns-lookup = Go 解析器（net.Resolver）的 DNS 查询在等待服务器应答：DNS 服务器（resolv.conf 的 nameserver，或 Resolver 的 Dial）没有应答。每个查询在 resolv.conf 的 timeout（默认 5 秒）后放弃，并对每个服务器和搜索域名重试 attempts（2）次；所有按名称拨号的请求都在此期间等待（给查询的 context 设置截止时间可以限定等待）
suspect-child-exit = 在 os/exec 的 Cmd.Wait 中等待子进程退出，而它们一直没有退出：挂起的命令（在等输入、等锁或等对端，或者写出的输出无人读取而阻塞：StdoutPipe 或 StderrPipe 必须在 Wait 之前读到末尾）。每个等待者在阻塞期间都占用一个操作系统线程；用 exec.CommandContext，或到时杀掉进程的定时器，可以限定等待时间
suspect-listeners = 也许只是空闲？{ $count } 个监听器在接受连接，由同一段代码启动：每次调用都启动一个服务器却从不关闭（httptest.NewServer 没有 Close，或每个请求新建监听器再 http.Serve），会永久占用其监听器、文件描述符和 accept 循环；也可能是程序确实在服务这么多端口（排在其他嫌疑之后）
suspect-child-output = 也许只是空闲？os/exec 正通过管道复制子进程的输出（Cmd.Stdout 或 Stderr 不是 *os.File）：只有当所有持有该管道的进程都退出后复制才会结束，包括命令本身以及它留在后台运行的进程，所以仍在运行的命令也会这样等待；只有这些命令挂起或留下了这样的进程时才是泄漏（见在 Cmd.Wait 中等待的 goroutine）（排在其他嫌疑之后）
suspect-exec-wait = 命令已退出，Cmd.Wait 仍在等待其输出复制结束：命令留在后台运行的进程（用 & 启动的守护进程）仍持有该管道。Cmd.WaitDelay（Go 1.20+）可以限定等待时间，或者让那个进程使用自己的输出
suspect-done-missing = 缺少 Done？它们都在等待 WaitGroup，而它们启动的 goroutine 都已退出（共 { $count } 个）：计数仍大于零却已无人能将其减少，所以 Wait 永不返回：Done 的调用次数少于 Add 的计数（某个 goroutine 在错误路径上未调用 Done 就返回，或为从未启动的 goroutine 调用了 Add，例如 Wait 位于启动它们的循环之内）
suspect-main-hangs = main 挂起：它在等待 WaitGroup，而它为工作启动的 { $count } 个 goroutine 都已退出，而计数仍大于零（某处漏掉了 Done，或为从未启动的 goroutine 调用了 Add），程序因此永不结束
suspect-older-unseen = 另有更早的：还有 { $count } 个早于跟踪开始的 goroutine 运行 { $func }，整个跟踪期间都在等待，但此跟踪格式没有为它们记录调用栈：很可能也属于这次泄漏，未计入数量；同一时刻的 debug=2 转储会统计它们
suspect-in-test = 属于测试 { $test }：go test 的 -timeout 触发时仍在等待，因此无论等待多久都算卡住
suspect-in-test-quit = 属于测试 { $test }：测试程序收到 SIGQUIT 时仍在等待，因此无论等待多久都算卡住
suspect-once-reentered = 在 sync.Once 正在运行的函数内部再次调用了 Do（{ $once_fn } 继续调用到 { $do_at }）：它在等待自己，永远如此，之后在此处调用 Do 的都排在它后面
suspect-once-behind = 排在一个永远不会完成的 sync.Once 后面：{ $n ->
    [0] 一个 goroutine
   *[other] goroutine { $ids }
} 正在运行它的函数（{ $once_fn }），并再次调用了它的 Do（{ $do_at }）
suspect-in-test-asleep = 属于测试 { $test }：go test 的 -timeout 触发时在休眠：一个超过截止时间仍在重试或轮询的循环，或一次很长的休眠
suspect-in-test-quit-asleep = 属于测试 { $test }：测试程序收到 SIGQUIT 时在休眠：一个仍在重试或轮询的循环，或一次很长的休眠
suspect-in-test-bubble = 属于测试 { $test }：测试的 synctest 气泡死锁时（见上方 panic）正在其中等待：只有气泡里的 goroutine 能唤醒它们，而这些 goroutine 全都在等待，所以它们再也不会运行
suspect-in-test-returned = 属于测试 { $test }：由此测试启动，测试已返回却留下了它们
suspect-in-test-running = 属于测试 { $test }：此测试的 goroutine，跟踪结束时测试仍在运行
suspect-lock-order = 持有？在 { $at } 获取的一把锁（#{ $rank } 在那里等待），同时在这里等待另一把锁：以相反顺序获取同样两把锁的代码会死锁（加锁顺序）
banner-names-lost = 此跟踪在第 { $byte } 字节处被截断：之后写入的名称和栈已丢失。goroutine 仍按栈 id 分组；“没有嫌疑”应理解为“无法确定”。
banner-dump-cut = 此转储在第 { $line } 行被截断：之后的 goroutine 不在文件中。“没有嫌疑”应理解为“未知”。
banner-dump-no-line-end = 此转储在第 { $line } 行结束且没有换行，与被截断的转储一样：之后的 goroutine 可能缺失。“没有嫌疑”应理解为“未知”。
banner-dump-no-stacks = 程序崩溃了（见转储顶部），但没有打印任何 goroutine：GOTRACEBACK=none，或抛出错误的线程先结束了进程。请用 GOTRACEBACK=all 重新运行。“没有嫌疑”应理解为“未知”。
banner-dump-races-only = 此文件只有 -race 构建的竞争检测报告（见“发现”），没有 goroutine 回溯：SIGQUIT 或 debug=2 转储才会显示 goroutine。“没有嫌疑”应理解为“未知”。
races-title = 数据竞争：竞争检测器的 { $count } 份报告
races-line = 文件第 { $line } 行
races-previous = 与更早的 { $kind }{ $who } 竞争
races-more = 另有 { $more } 份报告（按位置列在“发现”中）
banner-bubble-unseen = 一个 synctest 气泡死锁了（见上方 panic），但此 Go 版本没有打印其中的 goroutine：Go 1.25+ 会打印，Go 1.24 需设置 GOTRACEBACK=all。“没有嫌疑”应理解为“未知”。
banner-read-stopped = 此跟踪从第 { $byte } 字节起的事件无法读取（见警告）：“没有嫌疑”应理解为“无法确定”。
banner-no-stack = 有 { $count } 个 goroutine 从跟踪开始之前一直阻塞到结束，而此跟踪格式没有记录它们的调用栈：这里的结论不涵盖它们。同一时刻的 goroutine 转储（debug=2）可以显示它们在哪里等待。
banner-no-stack-started-in = 程序启动它们的函数：{ $list }
compare-tab-groups = goroutine 分组
change-new = 新增
change-gone = 消失
change-grown = 增多
change-shrunk = 减少
change-same = 不变
diff-no-stack = （无调用栈：正在运行）
diff-filter = 筛选分组
diff-filter-hint = 函数、文件、状态或原因
diff-shown = 显示 { $shown } / { $total } 个分组
diff-col-change = 变化
diff-col-in = { $side } 中
diff-col-delta = 差值
diff-col-state = 状态
diff-col-where = 阻塞于
diff-col-created = 创建者
diff-row = 差异 { $index }：{ $change }，{ $counts }（{ $delta }），{ $what } 于 { $at }{ $trend }
dump-crashed = 这个 goroutine 使程序终止：
dump-recursion = 失控的递归：Go 打印的 { $frames } 个栈帧中有 { $repeats } 个是 { $at } 处的调用（这么深的栈其余部分被省略）：递归没有终点，可能是遍历的数据里有环，或永远到不了的终止条件
dump-stack-title = 原样打印的栈（{ $n } 帧，最内层在前）
dump-no-creator = 未记录（主 goroutine，或剖析记录）
dump-open-creator = 在编辑器中打开创建位置
dump-parents = 由 goroutine { $ids } 创建
dump-one-of = goroutine { $id }，同类共 { $count } 个
dump-own-parent = 由 goroutine { $id } 创建
dump-and-more = {" "}等另外 { $count } 个
dump-ids-title = goroutine id（{ $n } 个）
dump-copy-ids = 复制 id
dump-wait-minutes = 已等待 { $min }–{ $max } 分钟（运行时只打印整分钟）
diff-col-trend = 趋势
diff-growing = 增长中
diff-trend-growing = ，增长中
diff-churn = 周转
diff-change-moved = { $change }（移动）
diff-moved-hover = 这个分组新增的每个 goroutine 在第一个文件里就已存在，只是在另一个分组中，id 和创建位置相同：goroutine 只是改变了状态，没有新建，不是增长。
diff-change-once = { $change }（一次）
diff-once-hover = 只在序列的一步中增加，且少于 10 个：某一刻恰好捕获的 goroutine（进行中的请求、保活连接）。泄漏会留住它占用的 goroutine 并继续增加：不是增长。
diff-churn-hover = 每个文件里都是不同的 goroutine（恰好在处理中的请求）：数量随机变动，不是增长。
diff-trend-churn = ，周转
series-title = { $n } 个快照的序列
series-growing = { $n ->
    [0] 没有分组在增长
   *[other] { $count } 个分组在增长
}
series-growing-name = 增长中：{ $name }
series-x-time = 从第一个快照算起的时间
series-x-order = 快照（按给定顺序）
series-chart = 各分组在 { $n } 个快照中的增长
series-tab = 序列
compare-tab-profiles = 剖析差异
pdiff-normalize = 归一化
pdiff-normalize-help = 先把新剖析缩放到基准的总量（pprof -normalize）
pdiff-vanished = 显示消失的部分
pdiff-vanished-help = 宽度取自基准剖析，消失的帧也有宽度
pdiff-totals = 之前总计 { $before }，之后 { $after }；表中差值合计 { $shown }
pdiff-flat-before = flat 之前
pdiff-flat-after = flat 之后
pdiff-flat-delta = flat 差值
pdiff-cum-before = cum 之前
pdiff-cum-after = cum 之后
pdiff-cum-delta = cum 差值
pdiff-row = 差异排行 { $index }：{ $name }（{ $delta }）
pdiff-flame-name = { $kind } 的差分火焰图
pdiff-new = 新增
pdiff-before-after = { $before } → { $after }（{ $change }）
pdiff-shrank = 减少
pdiff-unchanged = 未变
pdiff-grew = 增加
pdiff-legend-help = 按每帧的变化着色；低于 { $percent } 为灰色


# pprof 视图选项与标签（profile_filters.rs，issue 16）
profile-granularity = 粒度：
profile-granularity-name = { $name ->
    [functions] 函数
    [lines] 行
    [files] 文件
   *[other] 地址
}
profile-filter-kind = 过滤类型
profile-filter-help = { $kind ->
    [focus] 只保留含有匹配该表达式的帧的样本
    [ignore] 丢弃含有匹配该表达式的帧的样本
    [hide] 从调用栈中去掉匹配该表达式的帧
    [show] 调用栈中只保留匹配该表达式的帧
    [tagignore] 丢弃标签匹配的样本：KEY=表达式，或对 key:value 匹配表达式
    [tagroot] 标签键（逗号分隔），其值成为根帧：按标签分组
    [tagleaf] 标签键（逗号分隔），其值成为叶帧
   *[other] 只保留标签匹配的样本：KEY=表达式，或对 key:value 匹配表达式
}
profile-filter-hint = 正则表达式
profile-filter-input = 过滤表达式
profile-filter-add = 添加过滤
profile-chip = 过滤 { $kind }：{ $value } ×
profile-chip-remove = 移除此过滤
profile-filter-error = 未应用：{ $error }
profile-labels = 标签
profile-labels-help = 同 go tool pprof -tags。点击一个值只保留它的样本，右键丢弃它们；“分组”把该键的值放在根部。
profile-label-value = { $value }（{ $weight }，{ $percent }）
profile-label-total = { $total }（{ $percent }）
profile-label-group = 分组
profile-label-group-by = 按 { $key } 分组
profile-label-group-help = 把这个标签的值放在火焰图的根部和表格中（pprof 的 -tagroot）
profile-label-keep = 只保留这些样本
profile-label-drop = 丢弃这些样本
flame-summary = 火焰图：{ $frames } 个帧，{ $total }
peek-none = 在表中点击一个函数，查看它的调用者与被调用者。
peek-title = { $name } 的调用者与被调用者
peek-help = 同 go tool pprof -peek；点击调用者或被调用者即可跳转。
peek-callers = 调用者（{ $n }）
peek-callees = 被调用者（{ $n }）
peek-empty = 无
peek-edge = 跳转：{ $name }
peek-self = 自身 { $flat }，累计 { $cum }（{ $percent }）
profile-sort = 按 { $column } 排序（再点一次：反向）
profile-rows-shown = 显示 { $n } 行：缩放框内且匹配搜索的函数
# The cut range on the ruler (lead, issue 12)
ruler-cut = 自此处起不完整：此后的事件和名称可能已丢失


# sharing: presentation mode, scale, palettes
cmd-present = 演示模式
cmd-present-help = 更大的字号、色盲安全配色和指针光圈，适合共享屏幕
cmd-scale-up = 放大
cmd-scale-up-help = 放大整个窗口
cmd-scale-down = 缩小
cmd-scale-down-help = 缩小整个窗口
cmd-scale-reset = 实际大小
cmd-scale-reset-help = 恢复正常大小
settings-scale = 缩放
settings-scale-keys = 快捷键：Ctrl + / Ctrl − / Ctrl 0
settings-palette = 配色
palette-default = 默认
palette-colour-blind = 色盲安全（Okabe–Ito）
palette-high-contrast = 高对比度

# sharing: bookmarks
cmd-add-bookmark = 添加书签
cmd-add-bookmark-help = 为选中的时间范围（或可见窗口）及当前选择添加书签
cmd-next-bookmark = 下一个书签
cmd-next-bookmark-help = 将视图移到下一个书签
cmd-prev-bookmark = 上一个书签
cmd-prev-bookmark-help = 将视图移到上一个书签
bookmarks-title = 书签（{ $count }）
bookmark-default-name = 书签 { $n }
bookmark-go-name = 转到书签 { $name }
bookmark-name-name = 书签 { $n } 的名称
bookmark-note-name = 书签 { $n } 的备注
bookmark-note-hint = 备注
bookmark-delete = 删除此书签
bookmark-delete-short = 删除

# sharing: session files
cmd-save-session = 保存会话
cmd-save-session-help = 将文件、视图、过滤条件、选择和书签保存为第一个文件旁的 .goroscope 文件
session-nothing-open = 没有打开的文件
session-saved = 会话已保存到 { $file }
session-cannot-save = 无法保存会话 { $file }：{ $error }
session-cannot-open = 无法打开会话 { $file }：{ $error }
session-file-missing = 会话中的文件 { $file } 不存在
session-file-changed = 会话中的文件 { $file } 在保存会话后已更改

# sharing: copy as Markdown
md-copy = 复制为 Markdown
md-copy-suspect = 将可疑组 #{ $rank } 复制为 Markdown
md-copy-help = 数量、原因、创建位置以及代码块形式的调用栈，便于粘贴到聊天或 issue
md-suspect-title = 可疑组 #{ $rank }：{ $count } × { $reason }
md-goroutine-title = goroutine { $id }（{ $function }）
md-state = 状态
md-blocked = 阻塞时长
md-blocked-at = 阻塞于
md-created-at = 创建于
md-called-from = 调用自
md-piling = 持续堆积
md-moving = 仍在推进
md-piling-value = { $over } 内创建了 { $created } 个且仍存活，{ $n_ended ->
    [0] 同类中没有一个结束
   *[other] 同类中有 { $ended } 个结束
}
md-goroutine-ids = goroutine

# sharing: export view as PNG
cmd-export-png = 将视图导出为 PNG
cmd-export-png-help = 在第一个文件旁保存窗口的图片，便于粘贴到聊天或 issue
export-saved = 视图已保存到 { $file }
export-failed = 无法保存视图：{ $error }
export-no-renderer = 没有渲染器响应截图请求

profile-menu-focus = 聚焦于此
profile-menu-ignore = 忽略此项
profile-menu-hide = 隐藏此帧
profile-menu-copy = 复制名称

## 源码视图（pprof 的 list）与源码根目录
profile-menu-source = 查看源码
peek-source = 源码
flame-menu-peek = 调用者与被调用者
flame-menu-zoom = 放大此帧
source-title = { $name } 的源码
source-close = 返回火焰图
source-help = 同 go tool pprof -list：逐行的自身值与累计值。点击一行即可在编辑器中打开。
source-reading = 正在读取源码…
source-no-samples = 在当前视图下，这个函数没有样本。
source-routine = { $name }，位于 { $file }
source-sums = 自身 { $flat }，累计 { $cum }（占总量 { $percent }）
source-no-file = 剖析文件中没有 { $name } 的源文件。
source-unreadable = 无法读取 { $path }：{ $error }
source-missing = 找不到源文件：{ $file }（已在 { $n } 处查找）。
source-missing-help = 该剖析文件是在另一台机器或另一个目录中构建的：请在“设置”中添加源码根目录（构建路径的前缀 → 它在本机的目录）。
source-looked = 查找过的位置（{ $n }）
source-read-from = 读取自 { $path }
source-open = 在编辑器中打开
source-line = 第 { $line } 行：自身 { $flat }，累计 { $cum }：{ $code }
source-line-help = 在编辑器中打开这一行
settings-source-roots = 源码根目录
settings-source-roots-help = 把构建路径改写为本机路径（GOROOT、模块缓存和所打开文件的目录始终会被搜索）。
settings-source-from = 源码根目录 { $index }：构建路径
settings-source-to = 源码根目录 { $index }：本机目录
settings-source-remove = 删除这个源码根目录
settings-source-remove-n = 删除源码根目录 { $index }
settings-source-add = 添加源码根目录
settings-source-roots-open = 源码根目录…
butterfly-self = （自身）
butterfly-part = { $kind ->
    [caller] 调用者
   *[other] 被调用者
}：{ $name }（{ $percent }）
# 读取器警告，每种一条（src/format/error/kinds.rs）。
warning-trace-cut-recovered = 跟踪在第 { $total } 字节处被截断：最后一代（从第 { $start } 字节起）不完整（{ $error }）；恢复了其中 { $recovered } 个事件，部分可能缺少名称和栈
warning-trace-cut-dropped = 跟踪在第 { $total } 字节处被截断：最后一代（{ $bytes } 字节）已丢弃（{ $error }）
warning-trace-tables-damaged = 跟踪在第 { $start } 字节处的一代中损坏：其表无法解码（{ $error }）；恢复了其中 { $recovered } 个事件，部分可能缺少名称和栈，其后的事件已丢弃
warning-trace-inconsistent = 跟踪在第 { $start } 字节处的一代中不一致（{ $error }）；从那里起的事件已丢弃
warning-trace-over-budget = 读取在第 { $offset } 字节（共 { $total } 字节）处停止：继续读取将超出此文件的内存预算 { $mib } MiB（文件大小的 4 倍加 100 MiB，每个 goroutine 前四次之后的状态变化各加 16 字节，每个已退出的 goroutine 再加 128 字节），因此跟踪的其余部分已丢弃：显示的是已读取的部分
warning-trace-v1-damaged = 跟踪在第 { $offset } 字节处（共 { $size } 字节）被截断或损坏：{ $error }；已加载此前的事件
warning-trace-v1-damaged-no-footer = 跟踪在第 { $offset } 字节处（共 { $size } 字节）被截断或损坏（含时钟频率和栈的文件尾已丢失）：{ $error }；已加载此前的事件
warning-trace-v1-no-footer = 跟踪在第 { $size } 字节处（共 { $size } 字节）被截断或损坏（含时钟频率和栈的文件尾已丢失）：文件在文件尾之前结束；已加载此前的事件
warning-trace-v1-unordered = 从第 { $offset } 字节起的事件无法排序（{ $error }）；已加载前 { $merged } 个事件
warning-trace-v1-no-frequency = 没有 Frequency 事件：时间按每秒 { $frequency } 个时钟周期估算，仅为近似值
warning-trace-v1-sorted = 合并各处理器的事件后时间戳乱序；已按时间排序
warning-trace-v1-syscall-exits-early = { $count } 个系统调用退出的时间早于调用开始；保留其事件时间
warning-trace-v1-events-late = { $count } 个事件到达太晚，无法排入正确位置（某个系统调用持续超过 { $hold } 个事件）；{ $count-n ->
    [1] 它
   *[other] 它们
}沿用前一个事件的时间
warning-profile-dangling = 丢弃了 { $count } 个指向不存在的位置、函数或映射的引用
warning-profile-nothing-freed = 该堆 profile 采样到的内存没有任何被释放过（每个位置的使用中 = 已分配）：要么它写于第一次垃圾回收完成之前，使用中的数字是全部已分配的内存，包括垃圾（请在 runtime.GC() 之后写出，即 net/http/pprof 的 ?gc=1），要么它采样到的全部仍被持有
warning-profile-drop-frames = 该 profile 要求丢弃匹配 { $pattern } 的帧；此处保留了它们
warning-profile-stacks-cut-inlined = { $count } 个栈被截短：内联调用展开将超过 { $budget } 个额外帧（构造的或损坏的 profile？）
warning-profile-stacks-cut-frames = { $count } 个栈被截短：{ $count-n ->
    [1] 它
   *[other] 每个
}超过 { $max } 帧（构造的或损坏的 profile？）
warning-profile-text-not-a-sample = 第 { $line } 行：已跳过 { $text }：不是样本行（"{ $shape }"：{ $why }）
warning-profile-text-attribute = 第 { $line } 行：已跳过 { $text }：本读取器不认识的属性（cycles/second、sampling period）
warning-dump-frame-outside-record = 第 { $line } 行：记录之外的帧行
warning-dump-not-a-record = 第 { $line } 行：已跳过 { $text }：不是记录（"N @ 0x…"）
warning-dump-profile-ends-after = 第 { $line } 行：profile 在此行之后、记录之中结束：被截断了？
warning-dump-profile-ends-inside = 第 { $line } 行：profile 在此行中间、记录之中结束：被截断了？
warning-dump-total-mismatch = 头部写有 { $total } 个 goroutine，记录中共有 { $sum } 个
warning-dump-ends-without-location = 第 { $line } 行：转储在 goroutine { $id } 的栈中结束；其最后一帧没有位置
warning-dump-no-line-end = 第 { $line } 行：转储末尾没有换行：可能在此处被截断
warning-dump-repeated-ids = 从第 { $line } 行起有 { $count } 个 goroutine 的 id 与已读的重复（转储保存了两次，或一个文件中有两份转储？）：每个 goroutine 只按首次读到的计一次
warning-dump-no-stacks = 此次崩溃没有打印任何 goroutine（GOTRACEBACK=none，或抛出错误的线程在其他线程打印回溯前结束了进程）：用 GOTRACEBACK=all 重新运行即可看到栈
warning-dump-earlier-tracebacks = 此文件在第 { $line } 行那份之前还有 { $count } 份回溯（共 { $goroutines } 个 goroutine：其他进程，例如收到 SIGQUIT 的 go test 辅助进程，或同一进程更早的转储）：只读取最后一份
warning-dump-header-cut = 第 { $line } 行：已跳过 { $text }：应为 goroutine 头部 "goroutine N [state]:"（转储在行中结束）
warning-dump-header-damaged = 第 { $line } 行：已跳过 { $text }：应为 goroutine 头部 "goroutine N [state]:"（行已损坏？）
warning-dump-frame-outside-goroutine = 第 { $line } 行：已跳过不属于任何 goroutine 的栈帧（{ $text }）：其上方的 goroutine 头部损坏或缺失
warning-dump-expected-location = 第 { $line } 行：goroutine { $id } 中上一帧应有 file:line，却是 { $text }（折行或截断的行？）
warning-dump-ends-mid-line = 第 { $line } 行：转储在 goroutine { $id } 的栈中结束，截断于行中 { $text }
warning-dump-unexpected-line = 第 { $line } 行：goroutine { $id }（始于第 { $from } 行）在意外的行 { $text } 处结束
warning-dump-frames-left-out = goroutine { $id }（第 { $line } 行）：前 { $max } 帧之后的 { $count } 帧被省略（Go 最多打印 100 帧）
warning-memstats-not-json = 第 { $line } 行：已跳过，不是 runtime.MemStats JSON 对象：{ $why }
warning-memstats-time-back = 第 { $line } 行：时间倒退了 { $back }：未计入曲线
warning-memstats-implausible = 第 { $line } 行：不合理的 { $values }：未计入曲线
warning-memstats-untimed = { $count } 个 MemStats 快照没有时间字段：{ $count-n ->
    [1] 该快照
   *[other] 每个快照
}放在其计入的最后一次 GC（LastGC）结束处，即它最早可能写入的时间
warning-prom-other-instances = 导出中还有 { $count } 个实例的 Go 采集器序列，已略去：曲线是 { $instance } 的
warning-prom-untimed = { $count } 次抓取没有时间戳：每次抓取放在它报告的最后一次 GC（go_memstats_last_gc_time_seconds）结束处，即它最早可能被抓取的时间
warning-prom-bad-points = 已略去 { $count } 个不是数字（或早于第一个点）的数据点，第一个属于 { $metric }
warning-gc-line-unparsed = 第 { $line } 行：已跳过无法解析的 gc 行：{ $text }
warning-gc-log-cut = 第 { $line } 行：日志在此 gc 行中间结束：最后几个数值可能缺失
warning-gc-other-lines = 已跳过 { $count } 行非 GC 行（{ $count-n ->
    [1] 在
   *[other] 第一行在
}第 { $line } 行）
warning-gc-implausible-heap = 第 { $line } 行：gc { $gc } 的堆大小不合理：未计入曲线
warning-gc-out-of-order = 第 { $line } 行：gc { $gc } 时间顺序错乱：未计入曲线
warning-gc-starts-before = 第 { $line } 行：gc { $gc } 开始于 gc { $previous } 之前（另一个程序的日志？）：未计入曲线
warning-text-cleaned = { $how }；以下字节偏移按清理后的文本计算
warning-profile-text-skipped = 前 { $bytes } 字节不属于 goroutine profile，已跳过
warning-at-byte = 第 { $offset } 字节
warning-cause-at-byte = 第 { $offset } 字节处：{ $text }
warning-at-line = 第 { $line } 行
warning-show-lost = 在时间轴上显示丢失的部分（从 { $from } 起）
warning-show-lost-help = 跟踪被截断：从这里到结尾事件缺失，名称可能丢失（时间轴上已加阴影）。

# 将发现和转储分组复制为 Markdown（src/ui/markdown.rs）。
md-copy-finding = 将发现 { $n } 复制为 Markdown
md-copy-group = 将分组复制为 Markdown
md-finding-title = 发现：{ $what }
md-count = 数量
md-running-share = 运行或可运行
md-looping-in = 循环于
md-loop-not-recorded = 未记录（早于跟踪开始，只被异步抢占过：goroutine 转储（debug=2）可以显示）
md-stacks-agreeing = 一致的栈
md-loop-site = 循环位置
md-no-poll = 失去 CPU 处的栈中没有轮询：忙等一个普通变量，或做计算的循环（CPU 密集的工作）；看那一行代码即可分辨
md-heap-after-gc = GC 后的堆
md-over = 历时
md-rate = 速率
md-gc-cycles = GC 周期数
md-time-range = 时间范围
md-live-and-goal = 结束时的存活堆 / 目标
md-gc-active = GC 运行的时间
md-gc-cpu = GC 占用的 CPU（不含空闲标记）
md-site = 分配位置
md-holds = 占用
md-allocated-in = 由此分配
md-lock = 锁
md-locked-at = 加锁位置
md-mean-waiters = 平均等待的 goroutine 数
md-waited = 总等待时间 / 窗口
md-waits = 等待次数
md-waits-value = { $goroutines } 个 goroutine 共 { $waits } 次，最长 { $longest }
md-group-title = 分组：{ $count } × { $state }
md-locked = 锁定在其线程上
md-leaked = 已泄漏：运行时证明这些 goroutine 永远不会被唤醒

# 文件 → 保存会话的对话框（src/ui/app/open_dialog.rs、browser.rs）。
dialog-save-session-title = 保存会话
browser-save = 保存

# capture: File → Capture from a running program… (issue 15)
cmd-capture = 从运行中的程序采集…
cmd-capture-help = 从程序的 net/http/pprof 端点拉取追踪、goroutine 转储、堆和泄漏剖析，并观察其分组增长
capture-title = 从运行中的程序采集
capture-url = 程序地址
capture-trace = 执行追踪
capture-trace-seconds = 秒追踪
capture-dumps = goroutine 转储次数
capture-every = 秒间隔
capture-heap = 堆剖析
capture-leak-profile = goroutine 泄漏剖析（Go 1.27）
capture-flight = 飞行记录器路径
capture-flight-path = 飞行记录器的路径
capture-folder = 保存到文件夹
capture-form-note = 只请求这个主机；转储到达时以不断增长的序列打开。
capture-start = 开始采集
capture-stop = 停止
capture-close = 关闭
capture-from = 来自 { $url }
capture-saving-to = 保存到 { $folder }
capture-dumps-progress = goroutine 转储：{ $n } / { $total }
capture-trace-arriving = 追踪接收中：{ $size }
capture-asking = 正在请求{ $kind }…
capture-saved = 已保存：{ $kind }（{ $size }）
capture-open = 打开{ $kind }
capture-show-series = 以序列显示这 { $n } 个转储
capture-no-leak-profile = 该程序的 Go 没有 goroutine 泄漏剖析（404 Unknown profile）：已跳过。
capture-kept = 已保存的 { $n } 个文件均已保留。
capture-done = 采集完成：已保存 { $n } 个文件。
capture-kind-trace = 执行追踪
capture-kind-goroutine = goroutine 转储
capture-kind-heap = 堆剖析
capture-kind-goroutineleak = goroutine 泄漏剖析
capture-kind-flight = 飞行记录器快照
capture-problem-bad-url = 不是可采集的地址：{ $why }
capture-problem-connect = 无法连接：{ $why }
capture-problem-timeout = { $seconds } 秒内没有应答
capture-problem-status = 服务器应答 { $code } { $reason }：{ $line }
capture-problem-html = 服务器返回了一个 HTML 页面（{ $code } { $reason }）
capture-problem-unexpected = 应为{ $expected }，收到的是{ $found }
capture-problem-too-large = 应答超过了 { $cap } 的上限
capture-problem-redirect = 被重定向到 { $location }；goroscope 只跟随同一主机上的重定向
capture-problem-cut = 连接在 { $bytes } 字节后中断：{ $why }
capture-problem-write = 无法写入 { $path }：{ $why }
capture-problem-stopped = 在收到任何数据前已停止
capture-no-thread = 无法开始采集：{ $error }

# A trace shown while it loads (stream: src/ui/app/swap.rs)
loading-so-far = 正在加载 { $file }：已读取 { $percent }%，先显示已加载的部分；嫌疑项和发现在加载完成后给出

# Reader errors (errors: src/format/error/error_kinds.rs)
error-in-line = 第 { $line } 行：{ $text }
error-cancelled = 已取消
error-thread-start = 无法启动线程：{ $error }
error-varint-end = 应为一个 varint（{ $what }），却遇到数据结尾
error-varint-overflow = varint（{ $what }）超出 64 位
error-varint-long = varint（{ $what }）长于 10 字节
error-bytes-end = 应为 { $what }（{ $count } 字节），但结尾前只剩 { $left } 字节
error-file-empty = 文件为空；应为 Go 跟踪、goroutine 转储、性能剖析或 GC 日志
error-file-unknown = 应为 Go 执行跟踪（头部 "go 1.N trace"）、goroutine 转储、pprof 性能剖析、gctrace 日志或 MemStats JSON 行，实际内容类型未知
error-file-unsupported = 应为 Go 执行跟踪（头部 "go 1.N trace"）、goroutine 转储、pprof 性能剖析、gctrace 日志或 MemStats JSON 行，实际是 { $kind } 文件，本版本尚不能读取
error-file-is-folder = 这是一个文件夹；请给出其中的文件（例如 FOLDER/*.trace FOLDER/*.txt）
error-cannot-read = 无法读取文件：{ $error }
error-cannot-read-stream = 无法读取数据流：{ $error }
error-stream-too-long = 不是普通文件，且在 { $mib } MiB 内没有结束；请先保存为文件
error-reader-thread-start = 无法启动读取线程：{ $error }
error-reader-stopped = 跟踪读取器意外停止
error-reader-wants-more-of-file = 读取器要求读取完整文件之外的内容
error-reader-wants-more-of-trace = 读取器要求读取完整跟踪之外的字节
error-header-short = 应为 16 字节的 Go 跟踪头部（"go 1.NN trace"），实际只有 { $count } 字节
error-header-not-trace = 应为以 "go 1." 开头的 Go 跟踪头部；这不是 Go 执行跟踪
error-header-minor = "go 1." 之后应为一位或两位的次版本号
error-header-suffix = 头部的版本号之后应为 " trace"
error-header-padding = 头部直到第 16 字节应以 NUL 填充
error-unknown-version = 未知的跟踪格式版本 go 1.{ $minor }
error-no-batch-after-header = 头部之后应为一个批次，却遇到文件结尾
error-batch-expected = 应为一个批次（类型字节 1 或 49），实际是字节 { $byte }
error-batch-too-big = 批次大小 { $size } 超过上限 { $max }
error-batch-generation-zero = 批次的代编号为 0
error-generation-no-end = 应为 EndOfGeneration 字节，却遇到文件结尾
error-generation-end-early = 格式 1.26 之前出现了意外的 EndOfGeneration 字节
error-generation-mixed = 第 { $batch } 代的批次出现在第 { $generation } 代之中
error-no-frequency = 第 { $generation } 代中没有频率事件
error-no-clock-snapshot = 第 { $generation } 代中没有时钟快照
error-no-thread-advances = 跟踪已损坏：第 { $generation } 代中没有线程能继续推进（{ $heads }）
error-recover-no-batches = 该代的首批批次之后应为事件批次，却遇到文件结尾
error-recover-missing-ref = { $event } 引用了该代表中缺失的字符串或栈
error-table-not-string = 应为 String 条目（5），实际是 { $typ }
error-string-too-long = 字符串长度 { $length } 超过 1024
error-string-id-bad = 字符串 id { $id } 重复或为零
error-table-not-stack = 应为 Stack 条目（3），实际是 { $typ }
error-stack-too-deep = 栈 { $id } 有 { $count } 帧（最多 128）
error-stack-missing-string = 栈 { $id } 引用了表中缺失的字符串 id
error-stack-id-bad = 栈 id { $id } 重复或为零
error-table-not-cpu-sample = 应为 CPUSample（7），实际是 { $typ }
error-frequency-twice = 发现多个频率事件
error-frequency-zero = 频率应大于 0，实际为 0
error-clock-snapshot-twice = 发现多个时钟快照
error-table-not-clock = 应为 Frequency 或 ClockSnapshot 事件，实际是 { $typ }
error-v1-too-old = 不支持跟踪格式 go 1.{ $minor }（由 Go 1.10 或更早版本写出）；支持 Go 1.11 到 1.21
error-v1-merge-failed = 旧格式事件的合并失败
error-v1-no-events = 头部之后应有事件，但一个也没有
error-v1-no-order = 无法给事件排出一致的顺序（某个 goroutine 在等待一个缺失的事件）
error-v1-impossible-transition = 不可能的 goroutine 状态转换
error-v1-unknown-event = 未知的事件类型 { $typ }（字节 0x{ $byte }）
error-v1-string-bad-length = 事件类型 { $typ }：字符串 id { $id } 的长度 { $length } 无效
error-v1-batch-args = 事件类型 { $typ }：Batch 必须有 2 个参数
error-v1-stack-not-prefixed = 事件类型 { $typ }：Stack 必须带长度前缀
error-v1-event-too-big = 事件类型 { $typ }：带长度前缀的事件过大：{ $length } 字节
error-v1-log-too-long = 事件类型 { $typ }：日志值过长：{ $length } 字节
error-v1-wrong-args = 事件类型 { $typ }：参数个数不对：应为 { $want }，实际 { $got }
error-v1-too-many-args = 事件类型 { $typ }：参数过多
error-v1-string-twice = 字符串 id { $id } 被定义了两次
error-v1-string-missing = 栈所用的 { $count } 个名称缺失（第一个是字符串 id { $id }）：文件尾部被截断
error-v1-stack-missing = 事件所用的 { $count } 个栈缺失（第一个是栈 id { $id }）：文件尾部被截断
error-v1-before-batch = 事件类型 { $typ } 出现在第一个 Batch 之前
error-v1-proc-too-large = 处理器 id { $id } 过大
error-v1-bad-frequency = 无效的频率 { $frequency }
error-v1-stack-too-deep = 栈 { $id } 有 { $count } 帧（最多 { $max }）
error-v1-stack-bytes-left = 栈 { $id }：{ $count } 帧之后仍有剩余字节
error-v1-stack-twice = 栈 id { $id } 被定义了两次
error-profile-gzip-holds-trace = 不是 pprof 性能剖析（gunzip 之后）：gzip 流中是一个 Go 执行跟踪；请解压后打开它
error-profile-gzip-holds-dump = 不是 pprof 性能剖析（gunzip 之后）：gzip 流中是一个 goroutine 转储；请解压后打开它
error-profile-gzip-holds-gc-log = 不是 pprof 性能剖析（gunzip 之后）：gzip 流中是一个 gctrace 日志；请解压后打开它
error-profile-gzip-holds-memstats = 不是 pprof 性能剖析（gunzip 之后）：gzip 流中是 MemStats JSON 行；请解压后打开它
error-profile-no-decode = 不是 pprof 性能剖析：protobuf 无法解码：{ $error }
error-profile-no-decode-gunzipped = 不是 pprof 性能剖析（gunzip 之后）：protobuf 无法解码：{ $error }
error-profile-empty = 不是 pprof 性能剖析：既没有样本类型也没有样本
error-profile-empty-gunzipped = 不是 pprof 性能剖析（gunzip 之后）：既没有样本类型也没有样本
error-gzip-truncated = gzip 流被截断，已解压 { $bytes } 字节
error-gzip-corrupt = gzip 流已损坏（{ $error }），已解压 { $bytes } 字节
error-gzip-bomb = gzip 流解压后超过 { $limit } 字节（文件大小的 { $factor } 倍）：视为 gzip 炸弹而拒绝
error-profile-too-costly = 不是可用的 pprof 性能剖析：其 { $bytes } 字节解码后将占用 { $mib } MiB（超过其大小的 { $per_byte } 倍、文件 { $file_bytes } 字节的 { $per_file } 倍，再加 { $floor } MiB；真实的性能剖析不到 8 倍）：已拒绝
error-profile-too-costly-gunzipped = 不是可用的 pprof 性能剖析（gunzip 之后）：其 { $bytes } 字节解码后将占用 { $mib } MiB（超过其大小的 { $per_byte } 倍、文件 { $file_bytes } 字节的 { $per_file } 倍，再加 { $floor } MiB；真实的性能剖析不到 8 倍）：已拒绝
error-profile-string-missing = { $what } 引用了字符串 { $index }，但字符串表只有 { $count } 个字符串
error-profile-string-table-start = 性能剖析的字符串表不是以 "" 开头
error-profile-sample-values = 样本 { $index } 有 { $count } 个值，但性能剖析有 { $types } 个样本类型
error-profile-text-header = 应为文本性能剖析的首行（"heap profile: N: BYTES [N: BYTES] @ heap/RATE"、"--- mutex:" 或 "--- contention:"），实际是 { $text }
error-dump-profile-no-text = 文件中没有文本；应为 goroutine 性能剖析
error-dump-profile-header = 应为 "goroutine profile: total N"，实际是 { $text }
error-dump-no-text = 文件中没有文本；应为 goroutine 转储
error-dump-no-header = 文件中没有 goroutine 头部（"goroutine N [state]:"）；它以 { $text } 开头
error-memstats-none = 每行应为一个 runtime.MemStats JSON 对象（含 "HeapAlloc"）：{ $why }
error-prom-no-series = 应为 Prometheus 范围查询的 JSON（"resultType":"matrix"），含 Go 采集器的 go_memstats_heap_alloc_bytes：{ $why }
error-gc-no-lines = 没有找到 GC 行；应为形如 "gc 1 @0.012s 2%: ..." 的 GODEBUG=gctrace=1 行
error-event-batch-end = 应为一个事件，却遇到批次结尾
error-event-not-timed = 在应为带时间的事件处发现事件类型 { $typ }（{ $name }）
error-event-truncated = { $name } 事件被截断或无效
error-live-idle = { $seconds } 秒内没有收到更多字节

# 跟踪事件排序的原因（Go 1.22+）：Go 自己的原因（polish2，issue 13）。
error-order-want-thread = 应有一个线程，却没有
error-order-want-proc = 应有一个处理器（P），却没有
error-order-want-goroutine = 应有一个 goroutine，却没有
error-order-unwanted-thread = 不应有线程，却有一个
error-order-unwanted-proc = 不应有处理器（P），却有一个
error-order-unwanted-goroutine = 不应有 goroutine，却有一个
error-order-unknown-stack = { $event } 中的栈 id { $id } 未知
error-order-unknown-string = { $event } 中的字符串 id { $id } 未知
error-order-bad-event-type = 排序时遇到错误的事件类型 { $typ }（{ $event }）
error-order-go-bad-status = goroutine { $g } 的状态无效：{ $status }
error-order-go-inconsistent-status = goroutine { $g } 的状态不一致：原为 { $old }，现为 { $new }
error-order-go-status-late = 在第一代之后才出现新 goroutine { $g } 的状态
error-order-go-syscall-no-thread = goroutine { $g } 处于系统调用中，却没有线程
error-order-go-syscall-thread = 系统调用中的 goroutine { $g } 的线程不一致：该线程上是 goroutine { $other }
error-order-go-unknown = { $event } 指向未知的 goroutine { $g }
error-order-go-not-running = { $event } 指向未在运行的 goroutine { $g }
error-order-creator-not-running = { $event } 由未在运行的 goroutine { $g } 发出
error-order-go-exists = 试图创建已存在的 goroutine { $g }
error-order-go-syscall-exists = 试图在系统调用中创建已存在的 goroutine { $g }
error-order-go-not-in-syscall = { $event } 指向不在系统调用中的 goroutine { $g }
error-order-proc-uninitialized = { $event } 中的处理器 { $p } 未初始化
error-order-proc-invalid = { $event } 中的处理器 { $p } 无效
error-order-proc-sequence = { $event }：处理器 { $p } 的序号 { $seq } 没有接在 { $previous } 之后
error-order-proc-not-in-syscall = { $event }：处理器 { $p } 不在系统调用中
error-order-proc-unexpected-state = { $event } 中的处理器 { $p } 处于意外状态
error-order-proc-missing = { $event } 指向不存在的处理器 { $p }
error-order-proc-not-running = { $event } 指向一个既未运行也不在系统调用中的处理器
error-order-proc-unknown = { $event } 指向未知的处理器 { $p }
error-order-proc-bad-status = 处理器 { $p } 的状态无效：{ $status }
error-order-proc-inconsistent-status = 处理器 { $p } 的状态不一致：原为 { $old }，现为 { $new }
error-order-proc-no-holder = 没有线程持有即将被窃取的处理器 { $p }
error-order-self-steal = 试图自窃取处理器 { $p }（线程 { $m }），却得到处理器 { $got }
error-order-steal-no-thread = 从不存在的线程 { $m } 窃取了处理器
error-order-thread-state-missing = 线程状态缺失
error-order-steal = 试图从线程 { $m } 窃取处理器 { $p }，却得到处理器 { $got }
error-order-gc-active-first = 第一代中的 GCActive 不是第一个 GC 事件
error-order-gc-active-not-running = GC 未在进行时出现 GCActive
error-order-gc-begin-running = GC 已在进行时出现 GCBegin
error-order-gc-end-not-running = GC 未在进行时出现 GCEnd
error-order-range-in-flight = 区间 { $event } 已在进行中
error-order-active-range-in-flight = 活动区间 { $event } 在第一代中已在进行中
error-order-active-range-missing = 资源缺少活动区间 { $event }
error-order-range-not-in-flight = 试图结束 { $event }，但它并未在进行中
error-order-task-conflict = 任务 id 冲突：{ $task }
error-order-region-misuse = goroutine { $g } 中的区域用法错误：结束与最内层的开始不匹配

# 读取器出错时正在读取的内容（上面错误中的 $what）。
field-cpu-samples-batch-header = CPU 采样批次头
field-a-cpusample-entry = 一个 CPUSample 条目
field-a-frequency-or-clocksnapshot-event = 一个 Frequency 或 ClockSnapshot 事件
field-a-stack-entry = 一个 Stack 条目
field-a-string-entry = 一个 String 条目
field-a-batch-type-byte = 批次类型字节
field-a-comment = 注释
field-a-function-name = 函数名
field-a-function-s-file = 函数所在文件
field-a-function-s-system-name = 函数的系统名
field-a-label-key = 标签键
field-a-label-unit = 标签单位
field-a-label-value = 标签值
field-a-mapping-s-build-id = 映射的构建 ID
field-a-mapping-s-file = 映射的文件
field-a-sample-type = 样本类型
field-a-sample-unit = 样本单位
field-an-event = 一个事件
field-an-event-argument = 事件参数
field-batch-generation = 批次的代号
field-batch-size = 批次大小
field-batch-thread-id = 批次的线程 ID
field-batch-timestamp = 批次时间戳
field-bytes = 字节串
field-event-arguments = 事件参数
field-event-length = 事件长度
field-field-key = 字段键
field-frame-file = 帧的文件
field-frame-file-string-id = 帧文件的字符串 ID
field-frame-function = 帧的函数
field-frame-function-string-id = 帧函数的字符串 ID
field-frame-line = 帧的行号
field-frame-pc = 帧的 PC
field-frequency = 频率
field-length = 长度
field-log-value = 日志值
field-log-value-length = 日志值长度
field-sample-goroutine = 样本的 goroutine
field-sample-proc = 样本的 P
field-sample-stack = 样本的栈
field-sample-thread = 样本的线程
field-sample-time = 样本时间
field-snapshot-dt = 快照的时间差
field-snapshot-mono = 快照的单调时钟
field-snapshot-nanoseconds = 快照的纳秒数
field-snapshot-seconds = 快照的秒数
field-stack-body = 栈内容
field-stack-frame-count = 栈帧数
field-stack-id = 栈 ID
field-stack-length = 栈长度
field-stacks-batch-header = 栈批次头
field-string-bytes = 字符串字节
field-string-id = 字符串 ID
field-string-length = 字符串长度
field-strings-batch-header = 字符串批次头
field-sync-batch-header = 同步批次头
field-the-batch-body = 批次主体
field-the-experiment-id-of-an-experimental-batch = 实验批次的实验 ID
