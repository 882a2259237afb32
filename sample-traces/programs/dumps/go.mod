module dumps

go 1.19
