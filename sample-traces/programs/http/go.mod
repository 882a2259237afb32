module httpsamples

go 1.19
